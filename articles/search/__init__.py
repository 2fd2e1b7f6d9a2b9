"""Full-text search: the one interface the QuerySets, views and admin call.

filter / search / facet: `search(queryset, text)` parses the reader's text
(terms.py) and hands it to the backend for the queryset's database, chosen
from `connections[queryset.db].vendor` when called, never at import time.

Ranking every match of a word that nearly every article holds does not
scale, so a search works on a bounded candidate set: the first
CANDIDATE_LIMIT + 1 matches (newest added first for relevance, by date for
the date orders). Counts past the limit read "10,000+"; the page says so.
Headlines are made only for the rows on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet
from django.db import OperationalError, connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.terms import Query, parse

__all__ = ["CANDIDATE_LIMIT", "Search", "mark", "parse", "search", "time_budget"]

CANDIDATE_LIMIT = 10_000
ORDERS = ("relevance", "newest", "oldest")

# Private-use characters around each match: they survive HTML escaping and
# cannot be confused with markup, so escaping first and marking after is safe.
START, STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
T = TypeVar("T")
# A snippet runs paragraphs together: their subheading markers go.
_SUBHEADING = re.compile(r"(?:^|\n+)## |\n+")
_BACKENDS = {"postgresql": "articles.search.postgres", "sqlite": "articles.search.sqlite"}


def backend_for(alias: str) -> ModuleType:
    vendor = connections[alias].vendor
    if vendor not in _BACKENDS:
        raise NotImplementedError(f"full-text search has no backend for {vendor}")
    return import_module(_BACKENDS[vendor])


def mark(text: str | None) -> SafeString:
    """Escape untrusted text, then turn each sentinel pair into <mark>."""
    escaped = escape(text or "")
    marked = _MARKED.sub(r"<mark>\1</mark>", escaped)
    return mark_safe(marked.replace(START, "").replace(STOP, ""))  # noqa: S308 - escaped above


def opaque_ids(queryset: QuerySet) -> RawSQL:
    """The queryset's ids as finished SQL, safe to nest in another query.

    Backends write raw SQL naming the outer table; compiled here, at the top
    level, those names still mean what they say inside a subquery.
    """
    try:
        sql, params = queryset.values("pk").query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return RawSQL("SELECT 0 WHERE 1 = 0", [])
    return RawSQL(sql, params)


@dataclass(frozen=True)
class Page:
    """One page of hits: the rows in order and how many matches were counted."""

    rows: list[Any]
    total: int

    @property
    def is_capped(self) -> bool:
        return self.total > CANDIDATE_LIMIT


class Search:
    """A parsed query over a queryset of articles, run lazily by page."""

    def __init__(self, queryset: QuerySet, query: Query, order: str) -> None:
        self.queryset = queryset
        self.query = query
        self.order = order if order in ORDERS else "relevance"
        self.backend = backend_for(queryset.db)

    def matching(self) -> QuerySet:
        """Every matching row, unranked: for the admin and for counts."""
        if self.query.is_empty:
            return self.queryset.none()
        return self.backend.matches(self.queryset, self.query)

    def candidates(self) -> QuerySet:
        """The bounded set the page is drawn from, as a plain queryset for facets."""
        capped = self.matching().order_by("-pk")[: CANDIDATE_LIMIT + 1]
        return self.queryset.model.objects.using(self.queryset.db).filter(pk__in=opaque_ids(capped))

    def page(self, rows: QuerySet, *, offset: int, limit: int) -> Page:
        """`limit` hits from `offset`, as `rows` (e.g. for_listing()) with
        `marked_title` and `marked_snippet` ready to print."""
        if self.query.is_empty:
            return Page(rows=[], total=0)
        ids, total = self._ranked_ids(offset=offset, limit=limit)
        if not ids:
            # Past the end the window count is lost with the rows: count again.
            return Page(rows=[], total=self.candidates().count() if offset else 0)
        found = self.backend.with_headlines(rows.filter(pk__in=ids), self.query, START, STOP)
        by_id = {row.pk: row for row in found}
        for row in by_id.values():
            row.marked_title = mark(row.title_headline)
            row.marked_snippet = mark(_SUBHEADING.sub(" ", row.body_headline or ""))
        return Page(rows=[by_id[pk] for pk in ids if pk in by_id], total=total)

    def _ranked_ids(self, *, offset: int, limit: int) -> tuple[list[int], int]:
        if self.order == "relevance":
            return self.backend.ranked_ids(
                self.queryset, self.query, cap=CANDIDATE_LIMIT + 1, offset=offset, limit=limit
            )
        ordered = self.matching()
        ordered = ordered.newest_first() if self.order == "newest" else ordered.oldest_first()
        return dated_ids(ordered[: CANDIDATE_LIMIT + 1], self.order, offset=offset, limit=limit)


def dated_ids(candidates: QuerySet, order: str, *, offset: int, limit: int) -> tuple[list, int]:
    """One query: a page of the candidates in date order, and how many there are."""
    direction = "DESC" if order == "newest" else "ASC"
    inner = opaque_ids(candidates)
    table = candidates.model._meta.db_table
    sql = (
        f'SELECT a.id, COUNT(*) OVER () FROM "{table}" a WHERE a.id IN ({inner.sql}) '
        f"ORDER BY a.published_on {direction} NULLS LAST, a.id {direction} LIMIT %s OFFSET %s"
    )
    with connections[candidates.db].cursor() as cursor:
        cursor.execute(sql, [*inner.params, limit, offset])
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][1] if rows else 0)


def search(queryset: QuerySet, text: str, *, order: str = "relevance") -> Search:
    """The articles of `queryset` matching the reader's `text`, to be paged."""
    return Search(queryset, parse(text), order)


def marked_body(queryset: QuerySet, pk: int, text: str) -> tuple[str, str] | None:
    """An article's (title, body) with every match of `text` between
    sentinels, for the article page reached from a search; None without a match."""
    query = parse(text)
    if query.is_empty:
        return None
    return backend_for(queryset.db).marked_body(queryset, pk, query, START, STOP)


class Budget:
    """Runs queries until one overruns the time budget, then runs no more."""

    def __init__(self, on_timeout: Callable[[], None]) -> None:
        self.on_timeout = on_timeout
        self.is_spent = False

    def run(self, make: Callable[[], T]) -> T | None:
        """`make()`, or None once the budget is spent."""
        if self.is_spent:
            return None
        try:
            return make()
        except OperationalError:
            self.is_spent = True
            self.on_timeout()
            return None


@contextmanager
def time_budget(alias: str, milliseconds: int) -> Iterator[Budget]:
    """Queries run through the yielded Budget stop once `milliseconds` pass
    (PostgreSQL per statement, SQLite for the whole block), never with an error."""
    with backend_for(alias).time_budget(connections[alias], milliseconds) as on_timeout:
        yield Budget(on_timeout)
