from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Archive")

    def ready(self) -> None:
        from articles.changes import connect_signals
        from articles.search import add_sql_functions

        # The SQLite search index's triggers call Python (articles.search.stems).
        connection_created.connect(add_sql_functions, dispatch_uid="articles-search-functions")
        post_migrate.connect(_keep_search_index_in_step, sender=self)
        # The register of known documents (fixtures/agreements.json) into a fresh archive.
        post_migrate.connect(_add_register_entries, sender=self)
        connect_signals()


def _keep_search_index_in_step(sender, using: str, **kwargs) -> None:
    from django.db import connections

    if connections[using].vendor == "sqlite":
        from articles.search.sqlite import restore_triggers

        restore_triggers(using)


def _add_register_entries(sender, using: str, **kwargs) -> None:
    from articles.ingest.store import register_after_migrate

    register_after_migrate(sender, using, **kwargs)
