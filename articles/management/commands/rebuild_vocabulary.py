"""`manage.py rebuild_vocabulary`: count every article's words afresh.

The importer and the admin keep the vocabulary current; this is for an
archive whose articles were written another way (a bulk load, a restore, a
deletion from the shell).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from articles.vocabulary import rebuild


class Command(BaseCommand):
    help = "Count the words of every article again, for the search's suggestions."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database: str, **options):
        words = rebuild(using=database)
        self.stdout.write(f"{words} words counted")
