"""`manage.py group_stories`: find copies and stories in an archive.

The importer files each article as it stores it; this files the articles it
never saw (an archive from before stories, a bulk load), and with `--rebuild`
forgets the importer's groupings and makes them all again. Curated stories
keep their articles either way.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from articles.models import Article, Story
from articles.stories_archive import group_archive


class Command(BaseCommand):
    help = "Group the archive's near-copies and reports of one event into stories."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Forget every grouping the importer made and group the whole archive again.",
        )

    def handle(self, *args, rebuild: bool, verbosity: int, **options):
        self.verbosity = verbosity
        filed = group_archive(rebuild=rebuild, progress=self._progress)
        stories = Story.objects.count()
        copies = Article.objects.exclude(copy_of=None).count()
        self.stdout.write(f"{filed} articles grouped: {stories} stories, {copies} copies")

    def _progress(self, done: int) -> None:
        if self.verbosity > 1:
            self.stderr.write(f"{done} articles grouped")
