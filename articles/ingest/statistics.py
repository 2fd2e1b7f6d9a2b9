"""The planner's statistics kept up with an import that grows the archive (store).

PostgreSQL plans the statements that file an article (articles.stories.neighbours:
the key index, tags, mentions) from each table's statistics. Autovacuum refreshes
them once a table has changed by a tenth or so, when it runs at all; an import into
a young archive grows the tables faster than that, and where autovacuum is off
(this project's machines and CI) never. Planned for the empty tables it was
created on, the filing lookup read every stored key row for each file, and a run
got slower with every file it stored (bench/RESULTS.md, tenth session). So the
import refreshes them itself, as PostgreSQL's advice on populating a database
says, each time the archive has grown by GROWTH since the last refresh.

SQLite is left alone: with no statistics its planner takes an indexed column
for a selective one, which is what the lookups need, and ANALYZE there could
only move them off their indexes.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.db import DatabaseError, connections

from articles.models import Article

logger = logging.getLogger(__name__)

# The archive grows by this share of itself between two refreshes, so a run of
# a million files from nothing refreshes a few dozen times...
GROWTH = 0.25
# ...and never before this many articles have been stored in the run: a small
# import leaves the statistics (and the time ANALYZE takes) alone.
FIRST_REFRESH = 500


class PlannerStatistics:
    """Counts what a run stored and refreshes the statistics when it is time."""

    def __init__(self) -> None:
        self.connection = connections[Article.objects.db]
        self.enabled = self.connection.vendor == "postgresql"
        self.archive = Article.objects.count() if self.enabled else 0
        self.grown = 0

    def stored(self, count: int) -> None:
        """`count` more articles are committed: refresh once they are enough."""
        if not self.enabled or not count:
            return
        self.grown += count
        if self.grown >= max(FIRST_REFRESH, GROWTH * self.archive):
            self.refresh()
            self.archive += self.grown
            self.grown = 0

    def refresh(self) -> None:
        quote = self.connection.ops.quote_name
        tables = ", ".join(quote(table) for table in archive_tables())
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {tables}")
        except DatabaseError as error:
            # Stale statistics make a run slower, never wrong: it goes on.
            logger.warning("the planner's statistics were not refreshed: %s", error)


def archive_tables() -> list[str]:
    """Every table of the archive's own models, their many-to-many tables included."""
    return sorted(
        model._meta.db_table
        for model in apps.get_app_config("articles").get_models(include_auto_created=True)
        if model._meta.managed
    )
