"""Which database a query reads: the primary, or one of its streaming replicas
(DATABASE_REPLICA_URLS, aliases `replica_1`, `replica_2`, …).

Every write goes to the primary. A read goes to a replica only inside a
request that `ReadDatabaseMiddleware` (archive/middleware.py) chose one for:
a GET or HEAD of a public page or the API by someone who is not staff. The
admin, any other method, every request of a logged-in curator (so a curator
sees their own change at once), management commands (imports), and the
tables that are not the archive's (sessions, users, lock-outs, the database
cache) all read the primary.

A replica serves a request only when it has replayed the primary's WAL up
to the position recorded with the archive's current version (articles/
changes.py): it then holds every change that version counts, so the page
and its cached counts agree and nothing retired is counted again. A replica
behind that position, or one that does not answer, leaves the request to the
primary; one that failed is not tried again for RETRY_SECONDS.
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished
from django.db import Error, connections

PRIMARY = "default"
# The archive's own rows, which the public pages and the API read. Sessions,
# users, lock-outs and the cache table stay on the primary: a curator's fresh
# login or a new cached value must be read where it was written.
REPLICATED_APPS = frozenset({"articles", "redirects", "sites"})
RETRY_SECONDS = 10

logger = logging.getLogger(__name__)
_read_database: ContextVar[str] = ContextVar("read_database", default=PRIMARY)
# alias -> time.monotonic() before which a replica that failed is not tried.
_resting_until: dict[str, float] = {}


class PrimaryReplicaRouter:
    """Reads where the current request chose; writes and migrations on the primary."""

    def db_for_read(self, model, **hints) -> str:
        alias = _read_database.get()
        return alias if model._meta.app_label in REPLICATED_APPS else PRIMARY

    def db_for_write(self, model, **hints) -> str:
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Every alias holds the same rows: an article read from a replica may
        # be linked to a tag written on the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        # A standby cannot be written; it receives the schema by replication.
        return db == PRIMARY


def read_from(alias: str) -> None:
    _read_database.set(alias)


def reading_from() -> str:
    return _read_database.get()


def back_to_primary(**kwargs) -> None:
    """Read the primary, under the cache's current version, until a request
    chooses otherwise. Streamed responses (exports) read until they are
    closed, so a request's choice lasts until request_finished, not until
    its view returns."""
    from articles.changes import read_under

    read_from(PRIMARY)
    read_under(None)


request_finished.connect(back_to_primary, dispatch_uid="archive-routers-back-to-primary")


def may_read_replica(request) -> bool:
    """A public read: not the admin, not a write, not a curator."""
    if request.method not in ("GET", "HEAD"):
        return False
    match = getattr(request, "resolver_match", None)
    if match is not None and "admin" in match.namespaces:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_staff)


def choose_read_database(request) -> tuple[str, object | None]:
    """The alias this request reads and, for a replica, the archive version it
    was checked against (which the request then reads its cache under)."""
    replicas = settings.READ_REPLICAS
    if not replicas or not may_read_replica(request):
        return PRIMARY, None
    from articles.changes import archive_version, version_position

    version = archive_version()
    position = version_position(version)
    if position is None:
        # A version recorded without a position (by a process that was not
        # told about the replicas) proves no replica fresh.
        return PRIMARY, None
    for alias in random.sample(replicas, len(replicas)):
        if has_replayed(alias, position):
            return alias, version
    return PRIMARY, None


def has_replayed(alias: str, position: str) -> bool:
    """Whether `alias` answers and has replayed the primary's WAL to `position`:
    one statement on the replica per request that may read it."""
    if time.monotonic() < _resting_until.get(alias, 0.0):
        return False
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])
            (replayed,) = cursor.fetchone()
    except Error as error:
        _resting_until[alias] = time.monotonic() + RETRY_SECONDS
        logger.warning("replica %s failed, reading the primary: %s", alias, error)
        with contextlib.suppress(Error):
            connection.close()
        return False
    # NULL: the server is no longer a standby (promoted), so it replays nothing.
    return bool(replayed)


def primary_position(using: str | None = None) -> str | None:
    """The primary's flushed WAL position, when replicas read from it: a
    replica that has replayed this far holds every change committed so far."""
    if not settings.READ_REPLICAS:
        return None
    with connections[using or PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_flush_lsn()::text")
        return cursor.fetchone()[0]
