"""`manage.py rebuild_search_tiers`: make every champion list afresh.

The importer keeps the lists current as articles arrive; this makes them for
an archive loaded around the store (the bulk path, a restore), one migrated
from before the lists, or one whose new common words have no list yet.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from articles.search.tiers import LIST_LENGTH, rebuild


class Command(BaseCommand):
    help = "Make the champion lists a relevance search ranks besides its newest matches."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)
        parser.add_argument(
            "--length", type=int, default=LIST_LENGTH, help="articles per list (%(default)s)"
        )

    def handle(self, *args, database: str, length: int, **options):
        started = time.monotonic()
        lists = rebuild(using=database, length=length)
        seconds = time.monotonic() - started
        self.stdout.write(f"{lists} champion lists of up to {length} articles in {seconds:.1f} s")
