"""Full-text search: the one interface the QuerySets, views and admin call.

filter / search / facet: `search(queryset, text)` parses the reader's text
(terms.py), adds the other spellings of the names in it unless told not to
(expand.py, names.py: `Search.expanded` lists them), and hands it to the
backend for the queryset's database, chosen from
`connections[queryset.db].vendor` when called, never at import time. Both
backends match word forms (stems.py).

Ranking every match of a word that nearly every article holds does not
scale, so a search works on a bounded candidate set: the RANK_LIMIT most
recently added matches, fetched newest-added first from the index, which
stops there. One statement ranks (or dates) them and counts the matches no
further than RANK_LIMIT + 1 ("1,000+"): counting further cost most of the
statement and bought only a number no page could reach. The newest are
rarely the best, so a relevance search past the cap also ranks each word's
champion list (tiers.py: the articles of the whole archive the word weighs
most in). The page says which was done. The candidates' ids come back to
Python once and the facets count over that list. Headlines are made only
for the rows on the page.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.search.expand import Expansion, expand
from articles.search.terms import Query, parse
from articles.search.tiers import Tier, ranked_with_champions

__all__ = ["CANDIDATE_LIMIT", "RANK_LIMIT", "Search", "mark", "parse", "search", "time_budget"]

# Browse pages (no search) count their rows up to this many ("10,000+").
CANDIDATE_LIMIT = 10_000
# This many of the most recently added matches are ranked (or dated), paged
# and faceted; a search counts one more to tell "1,000" from "1,000+".
RANK_LIMIT = 1_000
ORDERS = ("relevance", "newest", "oldest")

# Private-use characters around each match: they survive HTML escaping and
# cannot be confused with markup, so escaping first and marking after is safe.
START, STOP = "\ue000", "\ue001"
# Stored text is untrusted and may hold those characters itself. The engine
# wraps each match in them around this process's own random token, which no
# text can know in advance; lone marker characters are dropped, never marked.
_TOKEN = secrets.token_hex(8)
OPEN, CLOSE = f"{START}{_TOKEN}{START}", f"{STOP}{_TOKEN}{STOP}"
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.DOTALL)
_STRAY = re.compile(f"{OPEN}|{CLOSE}|[{START}{STOP}]")
T = TypeVar("T")
# A snippet runs paragraphs together: their subheading markers go.
_SUBHEADING = re.compile(r"(?:^|\n+)## |\n+")
_BACKENDS = {"postgresql": "articles.search.postgres", "sqlite": "articles.search.sqlite"}


def add_sql_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On each new connection, the functions its backend's index needs from Python."""
    if connection.vendor == "sqlite":
        import_module(_BACKENDS["sqlite"]).register_functions(connection.connection)


def backend_for(alias: str) -> ModuleType:
    vendor = connections[alias].vendor
    if vendor not in _BACKENDS:
        raise ImproperlyConfigured(f"full-text search has no backend for {vendor}")
    return import_module(_BACKENDS[vendor])


def mark(text: str | None) -> SafeString:
    """Escape untrusted text, then turn each sentinel pair into <mark>; any
    other marker character (one the text held, or half a pair) is dropped."""
    escaped = escape(text or "")
    marked = _MARKED.sub(lambda found: f"<mark>{_STRAY.sub('', found[1])}</mark>", escaped)
    return mark_safe(_STRAY.sub("", marked))  # noqa: S308 - escaped above


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
    """One page of hits: the rows in order, how many matches were counted
    (up to `cap` + 1) and how many of them were ranked."""

    rows: list[Any]
    total: int
    ranked: int = 0
    cap: int = RANK_LIMIT

    @property
    def is_capped(self) -> bool:
        return self.total > self.cap

    @property
    def is_rank_bounded(self) -> bool:
        return self.total > self.ranked


def _expanded(query: Query, using: str) -> Expansion:
    """`query` with its names' other spellings (one cached lookup)."""
    from articles.search.names import known_spellings

    if query.is_empty:
        return Expansion(query=query, added=())
    return expand(query, known_spellings(using))


class Search:
    """A parsed query over a queryset of articles, run lazily by page.

    `expanded`: the other spellings searched besides the reader's words
    (empty when `expand` is off or no word is a known name's)."""

    def __init__(self, queryset: QuerySet, query: Query, order: str, *, expand: bool) -> None:
        self.queryset = queryset
        expansion = _expanded(query, queryset.db) if expand else Expansion(query=query, added=())
        self.query = expansion.query
        self.expanded = list(expansion.added)
        self.order = order if order in ORDERS else "relevance"
        self.backend = backend_for(queryset.db)
        self._found: tuple[list[int], int] | None = None
        self.tier: Tier | None = None

    def matching(self) -> QuerySet:
        """Every matching row, unranked: for the admin."""
        if self.query.is_empty:
            return self.queryset.none()
        return self.backend.matches(self.queryset, self.query)

    def ordered_ids(self) -> tuple[list[int], int]:
        """The candidates' ids in the page order and the bounded match count,
        from one statement run once per search."""
        if self._found is None:
            if self.query.is_empty:
                self._found = ([], 0)
            else:
                self._found = self._ranked()
        return self._found

    def _ranked(self) -> tuple[list[int], int]:
        """The newest RANK_LIMIT matches in the page order; for relevance, when
        the matches are more, ranked together with the champions of the words
        sought (tiers.py), so the best of the whole archive can come first."""
        scored, total = self.backend.scored_ids(
            self.queryset, self.query, self.order, cap=RANK_LIMIT, count_cap=RANK_LIMIT + 1
        )
        if self.order != "relevance" or total <= RANK_LIMIT:
            return [pk for pk, _ in scored], total
        ids, self.tier = ranked_with_champions(self.backend, self.queryset, self.query, scored)
        return ([pk for pk, _ in scored] if ids is None else ids), total

    @property
    def is_tiered(self) -> bool:
        """Every word sought was ranked over its best articles in the whole
        archive, not only over the newest matches."""
        return self.tier is not None and self.tier.is_complete

    def candidates(self) -> QuerySet:
        """The ranked candidates as a plain queryset over their listed ids, for facets."""
        ids, _ = self.ordered_ids()
        manager = self.queryset.model.objects.using(self.queryset.db)
        return manager.filter(pk__in=self.backend.id_list(ids)) if ids else manager.none()

    def page(
        self, rows: QuerySet, *, offset: int, limit: int, ids: list[int] | None = None
    ) -> Page:
        """`limit` hits from `offset`, as `rows` (e.g. for_listing()) with
        `marked_title` and `marked_snippet` ready to print; `ids` pages through
        some of the candidates instead (the listing's, its copies folded)."""
        ranked, total = self.ordered_ids()
        ids = ranked if ids is None else ids
        wanted = ids[offset : offset + limit]
        if not wanted:
            return Page(rows=[], total=total, ranked=len(ids), cap=RANK_LIMIT)
        found = self.backend.with_headlines(rows.filter(pk__in=wanted), self.query, OPEN, CLOSE)
        by_id = {row.pk: row for row in found}
        for row in by_id.values():
            row.marked_title = mark(row.title_headline)
            row.marked_snippet = mark(_SUBHEADING.sub(" ", row.body_headline or ""))
        rows = [by_id[pk] for pk in wanted if pk in by_id]
        return Page(rows=rows, total=total, ranked=len(ids), cap=RANK_LIMIT)


def search(
    queryset: QuerySet, text: str, *, order: str = "relevance", expand: bool = True
) -> Search:
    """The articles of `queryset` matching the reader's `text`, to be paged;
    with `expand`, a word that is a known name's also finds its other spellings."""
    return Search(queryset, parse(text), order, expand=expand)


def marked_body(
    queryset: QuerySet, pk: int, text: str, *, expand: bool = True
) -> tuple[str, str] | None:
    """An article's (title, body) with every match of `text` between
    sentinels, for the article page reached from a search; None without a match."""
    query = parse(text)
    if query.is_empty:
        return None
    if expand:
        query = _expanded(query, queryset.db).query
    return backend_for(queryset.db).marked_body(queryset, pk, query, OPEN, CLOSE)


class Budget:
    """Runs queries until the block's one deadline passes, then runs no more.

    The backend interrupts whatever statement is running at the deadline
    (SQLite through a progress handler, PostgreSQL with a cancel request),
    so the whole block, not each query, stays within the budget: five slow
    facet groups cost one budget, not five, and no statement is spent on it.
    """

    def __init__(self, milliseconds: int) -> None:
        self.deadline = time.monotonic() + milliseconds / 1000
        self.is_spent = False

    def left(self) -> int:
        """Whole milliseconds before the deadline (0 once it has passed)."""
        return max(0, int((self.deadline - time.monotonic()) * 1000))

    def run(self, make: Callable[[], T]) -> T | None:
        """`make()`, or None once the budget is spent."""
        if self.is_spent or self.left() < 1:
            self.is_spent = True
            return None
        try:
            return make()
        except OperationalError:
            self.is_spent = True
            return None


@contextmanager
def time_budget(alias: str, milliseconds: int) -> Iterator[Budget]:
    """Queries run through the yielded Budget stop once `milliseconds` have
    passed since entering, in total, never with an error."""
    with backend_for(alias).time_budget(connections[alias], milliseconds):
        yield Budget(milliseconds)
