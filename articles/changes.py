"""The archive's version, which moves on whenever something a list page
counts changes: an article, its source, tags or agreements.

The listing caches its facet counts under this version
(`ArticleListing.facets`, articles/listing.py), in a cache every worker
shares, so a count is never served once the archive it counted has changed,
however long the cache keeps it, and one reader's counting serves every worker.

Ordinary saves and deletes move it through signals; writers that go around
them (`QuerySet.update`, `bulk_create`: the curation functions) call
`archive_changed()` themselves.

With read replicas (archive/routers.py) a version also carries the primary's
WAL position when it moved, and a request that reads a replica reads its
cache under the version that replica was checked against, so counts made
from a replica are never stored under a version the replica has not reached.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import partial
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from archive.routers import primary_position

VERSION_KEY = "archive-version"
# The version retires a value at the next change; this only bounds how long a
# value nobody asks for again keeps its room in the cache.
KEEP_SECONDS = 24 * 60 * 60
T = TypeVar("T")
Version = int | str
_request_version: ContextVar[Version | None] = ContextVar("request_version", default=None)


def archive_version() -> Version:
    """The current version (any will do until the first change), or the one
    this request was told to read under (`read_under`)."""
    return _request_version.get() or current_version()


def current_version() -> Version:
    """The cache's current version, whatever version this request reads under."""
    return cache.get_or_set(VERSION_KEY, _new_version, timeout=None)


def read_under(version: Version | None) -> None:
    """Hold this request to `version` (None: the cache's current one again)."""
    _request_version.set(version)


def version_position(version: Version) -> str | None:
    """The primary's WAL position a version was recorded at, if any."""
    return str(version).partition("@")[2] or None


def versioned_key(name: str) -> str:
    """`name` under the archive's current version: retired by the next change."""
    return f"{name}:{archive_version()}"


def cached_until_changed(
    name: str,
    compute: Callable[[], T],
    seconds: int | Callable[[T], int] = KEEP_SECONDS,
    *,
    recompute: bool = False,
) -> T:
    """`compute()`, kept in the shared cache until the archive changes (or
    `seconds` pass, which may depend on the value): what every worker would
    otherwise work out again on every request although it changes only with
    the archive. `recompute` replaces what is cached."""
    key = versioned_key(name)
    value = None if recompute else cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds(value) if callable(seconds) else seconds)
    return value


def archive_changed(using: str | None = None) -> None:
    """Move the version on once the current transaction commits: a version
    moved before the commit could be counted again from the old rows."""
    transaction.on_commit(partial(_move_on, using), using=using)


def _move_on(using: str | None = None) -> None:
    # A new value rather than cache.incr, which is a read then a write on a
    # file cache: two workers could both write the same next number.
    cache.set(VERSION_KEY, _new_version(using), timeout=None)


def _new_version(using: str | None = None) -> Version:
    stamp = time.time_ns()
    position = primary_position(using)
    return stamp if position is None else f"{stamp}@{position}"


def _on_write(sender, using: str, **kwargs) -> None:
    archive_changed(using)


def connect_signals() -> None:
    from articles.models import Agreement, Article, Mention, Source, Story, Tag, TagAlias

    # A tag's aliases are the other spellings a search also finds (search/names.py).
    # A curator's join or split of stories moves articles with QuerySet.update but
    # saves a Story, and the pages kept whole (archive.middleware) show stories.
    # Events and aliases are edited inline, where the admin saves their article,
    # agreement or source too.
    for model in (Article, Source, Tag, TagAlias, Agreement, Mention, Story):
        name = model.__name__
        post_save.connect(_on_write, sender=model, dispatch_uid=f"archive-changed-save-{name}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"archive-changed-del-{name}")
    m2m_changed.connect(_on_write, sender=Article.tags.through, dispatch_uid="archive-changed-m2m")
