"""`manage.py extract_events`: read the events of every stored article again.

The importer keeps an article's events as it stores the file; this is for an
archive imported before events were kept (migration 0017), or after their
rules changed, since a file imported again unchanged is not read again.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from articles.ingest.store import extract_stored_events


class Command(BaseCommand):
    help = "Read the events (visits, commission meetings, calls…) of every stored article again."

    def handle(self, *args, **options):
        written = extract_stored_events()
        self.stdout.write(f"events read from the stored articles: {written}")
