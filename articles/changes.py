"""The archive's version, which moves on whenever something a list page
counts changes: an article, its source, tags or agreements.

The listing caches its facet counts under this version
(`ArticleListing.facets`, articles/listing.py), in a cache every worker
shares, so a count is never served once the archive it counted has changed,
however long the cache keeps it, and one reader's counting serves every worker.

Ordinary saves and deletes move it through signals; writers that go around
them (`QuerySet.update`, `bulk_create`: the curation functions) call
`archive_changed()` themselves.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "archive-version"
# The version retires a value at the next change; this only bounds how long a
# value nobody asks for again keeps its room in the cache.
KEEP_SECONDS = 24 * 60 * 60
T = TypeVar("T")


def archive_version() -> int:
    """The current version; any number will do until the first change."""
    return cache.get_or_set(VERSION_KEY, time.time_ns(), timeout=None)


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
    transaction.on_commit(_move_on, using=using)


def _move_on() -> None:
    # A new value rather than cache.incr, which is a read then a write on a
    # file cache: two workers could both write the same next number.
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def _on_write(sender, using: str, **kwargs) -> None:
    archive_changed(using)


def connect_signals() -> None:
    from articles.models import Agreement, Article, Mention, Source, Tag, TagAlias

    # A tag's aliases are the other spellings a search also finds (search/names.py).
    for model in (Article, Source, Tag, TagAlias, Agreement, Mention):
        name = model.__name__
        post_save.connect(_on_write, sender=model, dispatch_uid=f"archive-changed-save-{name}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"archive-changed-del-{name}")
    m2m_changed.connect(_on_write, sender=Article.tags.through, dispatch_uid="archive-changed-m2m")
