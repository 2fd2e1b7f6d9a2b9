"""The project as an app of its own, for one thing: `migrate` also creates
the database cache's table when CACHE_URL is db:// (archive/env.py), before
any migration runs (a data migration's write moves the archive's version,
which lives in that cache), so no server or migration meets a missing table."""

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import pre_migrate


class ArchiveConfig(AppConfig):
    name = "archive"

    def ready(self) -> None:
        # pre_migrate is sent per app that has models, which this one lacks: so
        # for each of them; createcachetable finds the table there after the first.
        pre_migrate.connect(create_cache_tables, dispatch_uid="archive-cache-tables")


def create_cache_tables(using: str, verbosity: int = 1, **kwargs) -> None:
    # createcachetable skips a table that exists and any cache that is not a database's.
    call_command("createcachetable", database=using, verbosity=verbosity)
