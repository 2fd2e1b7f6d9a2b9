"""The list page's one listing: every consumer of a result set (the HTML
list, the JSON API, the exports, the feeds, warm_facets) starts here.

Given the list parameters (`q`, `date_after`, `date_before`, `source`,
`tag`, `exclude_tag`, `agreement`, `language`, `sort`, `page`, `cursor`,
`undated`), `ArticleListing` validates them once (ArticleFilterSet, the
same messages everywhere), and returns as data: one page of rows with the
bounded count and the neighbouring pages, every row in the page order for
an export, and the facet counts.

A copy of a wire item (Article.copy_of) whose first version the result also
holds is folded under that version on the pages (HTML, API, feed), which
count it in `folded_copies`; `copies=all` shows every copy in its place. The
exports keep every row. The facets count every article.

Facet counts over a large archive cannot be counted within a page's time
on every request, so they are cached as data under the archive's version
(articles.changes) and `facet_cache_key` (the query without page or
cursor): once per filter combination until the archive changes, whichever
worker or consumer asks. A browse page's groups share one time budget; a
group that cannot finish is left out and named, never waited for.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models.functions import Coalesce
from django.http import QueryDict

from articles.changes import KEEP_SECONDS, cached_until_changed
from articles.filters import PER_PAGE, ArticleFilterSet, facet_cache_key, present_languages
from articles.models import Article, ArticleQuerySet
from articles.search import CANDIDATE_LIMIT, Budget, Search, time_budget
from articles.search.names import known_spellings
from articles.search.suggest import FEW_MATCHES, Suggestion, suggest

FACET_BUDGET_MS = 200
# Facets missing groups that ran out of time: a later reader tries again.
FACET_RETRY_SECONDS = 60
# Rows an export reads per query: memory stays flat whatever the result's size.
EXPORT_CHUNK = 500


@dataclass
class ResultPage:
    """One page of results: its rows, how many there are (counted no further
    than the cap) and where the neighbouring pages are."""

    rows: list
    total: int
    # Counting stopped past this many: a search counts up to its ranked
    # candidates, a browse page as far as its numbered pages reach.
    cap: int = CANDIDATE_LIMIT
    # A search's candidates, ranked and faceted: RANK_LIMIT at most.
    ranked: int | None = None
    number: int | None = 1
    has_next: bool = False
    has_prev: bool | None = None
    is_ranked: bool = False
    # Ranked with each word's champion list (articles.search.tiers), so the
    # best of the whole archive can come first, not only of the newest.
    is_tiered: bool = False
    is_empty_query: bool = False
    is_search: bool = False
    order: str = "newest"

    def __post_init__(self) -> None:
        if self.has_prev is None:
            self.has_prev = bool(self.number and self.number > 1)

    @property
    def is_capped(self) -> bool:
        return self.total > self.cap

    @property
    def folded(self) -> int:
        """How many copies this page's rows have folded under them."""
        return sum(getattr(row, "folded_copies", 0) for row in self.rows)

    @property
    def count_text(self) -> str:
        """The count as the page prints it: "1,000+" once counting stopped."""
        return f"{self.cap:,}+" if self.is_capped else f"{self.total:,}"

    @property
    def is_rank_bounded(self) -> bool:
        """Some matches were left out of the ranking and the facets."""
        return self.ranked is not None and self.total > self.ranked

    @property
    def is_past_end(self) -> bool:
        return not self.rows and self.total > 0

    @property
    def next_cursor(self) -> str | None:
        return _cursor("next", self.rows[-1]) if self.rows and self.has_next else None

    @property
    def prev_cursor(self) -> str | None:
        return _cursor("prev", self.rows[0]) if self.rows and self.has_prev else None

    @property
    def page_count(self) -> int:
        reachable = self.total if self.ranked is None else self.ranked
        return max(1, -(-min(reachable, CANDIDATE_LIMIT) // PER_PAGE))

    def neighbour(self, way: str) -> dict[str, str | None] | None:
        """The parameters that change this page into the next or previous one
        (a search turns pages by number, browsing by cursor), or None at an end."""
        if self.is_search:
            if not (self.has_next if way == "next" else self.has_prev):
                return None
            step = 1 if way == "next" else -1
            return {"page": str(self.number + step), "cursor": None}
        cursor = self.next_cursor if way == "next" else self.prev_cursor
        return {"cursor": cursor, "page": None} if cursor else None


def _cursor(way: str, row: Article) -> str:
    return f"{way}.{row.published_on or '-'}.{row.pk}"


@dataclass(frozen=True)
class Facets:
    """Counts per facet group (plain rows, as the QuerySet's facet_* give
    them) and the groups left out because they ran out of time."""

    groups: dict = field(default_factory=dict)
    dropped: tuple[str, ...] = ()
    # Undated articles the chosen dates leave out that every other filter (and
    # the search) would show: 0 without a date range, None when counting them
    # ran out of time.
    undated_left_out: int | None = 0


class ArticleListing:
    """The articles the list parameters choose, in the page order."""

    def __init__(self, params: QueryDict) -> None:
        self.params = params
        # Always bound: no parameters at all is a valid, empty choice of filters.
        self.filterset = ArticleFilterSet(data=params, queryset=Article.objects.all())

    @cached_property
    def is_valid(self) -> bool:
        return self.filterset.is_valid()

    @property
    def errors(self) -> dict[str, list[str]]:
        """Each bad parameter's messages ("__all__" for the whole query)."""
        return {name: list(messages) for name, messages in self.filterset.form.errors.items()}

    @property
    def cleaned(self) -> dict:
        """The validated parameters; asking for results of invalid ones is a bug."""
        if not self.is_valid:
            raise ValueError(f"the list parameters are invalid: {self.errors}")
        return self.filterset.form.cleaned_data

    @property
    def text(self) -> str:
        return self.cleaned.get("q") or ""

    @property
    def order(self) -> str:
        return self.filterset.order

    @property
    def chosen_year(self) -> int | None:
        return self.filterset.chosen_year

    @property
    def folds_copies(self) -> bool:
        """Whether a copy whose first version the results hold is left out
        (the default, for the page, the API and the feed; exports read every
        row)."""
        return self.cleaned.get("copies") != "all"

    @cached_property
    def search(self) -> Search | None:
        if not self.text:
            return None
        expand = self.cleaned.get("exact") != "1"
        return self.filterset.qs.search(self.text, order=self.order, expand=expand)

    @cached_property
    def suggestion(self) -> Suggestion | None:
        """Closer words the archive holds, when a search finds few matches
        (within the suggestion's own time budget)."""
        if not self.search or self.page.total > FEW_MATCHES:
            return None
        # Kept like the facets, in a one-item tuple: None is a suggestion too.
        (suggestion,) = cached_until_changed(
            f"suggestion:{hashlib.sha256(self.text.encode()).hexdigest()}",
            lambda: (suggest(self.text, using=self.filterset.qs.db),),
        )
        return suggestion

    @cached_property
    def page(self) -> ResultPage:
        """The page the parameters ask for; the parameters must be valid."""
        return self._search_page() if self.search else self._browse_page()

    def _search_page(self) -> ResultPage:
        found = self.search
        number = self.cleaned.get("page") or 1
        ids, folded = self._search_ids()
        page = found.page(
            Article.objects.for_listing(), offset=(number - 1) * PER_PAGE, limit=PER_PAGE, ids=ids
        )
        for row in page.rows:
            row.folded_copies = folded.get(row.pk, 0)
        # Past the cap the count is "1,000+" whatever was folded.
        total = page.total if page.total > page.cap else page.total - sum(folded.values())
        return ResultPage(
            rows=page.rows,
            total=total,
            cap=page.cap,
            ranked=page.ranked,
            number=number,
            has_next=page.ranked > number * PER_PAGE,
            is_ranked=found.order == "relevance",
            is_tiered=found.is_tiered,
            is_empty_query=found.query.is_empty,
            is_search=True,
            order=found.order,
        )

    def _search_ids(self) -> tuple[list[int], dict[int, int]]:
        """The ranked candidates' ids, less the copies of another candidate when
        folding, and how many copies each kept id folds: exact whichever
        version matched, from one lookup over the candidates (RANK_LIMIT at
        most), kept like the facets so turning the page costs none."""
        ids, _ = self.search.ordered_ids()
        if not self.folds_copies or not ids:
            return ids, {}
        hidden, folded = cached_until_changed(
            f"folded:{hashlib.sha256(facet_cache_key(self.params).encode()).hexdigest()}",
            lambda: self._copies_among(ids),
        )
        return [pk for pk in ids if pk not in hidden], folded

    def _copies_among(self, ids: list[int]) -> tuple[frozenset[int], dict[int, int]]:
        """Which of `ids` copy another of them, and how many copies each of those has."""
        copies = self.search.candidates().filter(copy_of__in=self.search.backend.id_list(ids))
        pairs = list(copies.order_by().values_list("pk", "copy_of"))
        return frozenset(pk for pk, _ in pairs), dict(Counter(first for _, first in pairs))

    def _browsed(self) -> ArticleQuerySet:
        """The filtered articles, less the copies of another one of them when folding."""
        chosen = self.filterset.qs
        return folding_copies(chosen) if self.folds_copies else chosen

    def _browsed_count(self, limit: int) -> int:
        """How many articles the browse page lists, counted no further than `limit`."""
        if self.folds_copies:
            return count_folded_up_to(self.filterset.qs, limit)
        return self.filterset.qs.count_up_to(limit)

    def _browse_page(self) -> ResultPage:
        cursor = self.cleaned.get("cursor")
        number = self.cleaned.get("page") or 1
        newest = self.order == "newest"
        rows_qs = self._browsed().for_listing()
        if self.folds_copies:
            rows_qs = rows_qs.annotate(folded_copies=copies_among(self.filterset.qs))
        if cursor:
            way, date, pk = cursor
            forward = way == "next"
            rows = rows_qs.keyset_page((date, pk), newest=newest, forward=forward, size=PER_PAGE)
            more = len(rows) > PER_PAGE
            rows = (rows[:PER_PAGE] if forward else rows[-PER_PAGE:]) if more else rows
            has_next, has_prev = (more, True) if forward else (True, more)
            number = None
        else:
            ordered = rows_qs.newest_first() if newest else rows_qs.oldest_first()
            rows = ordered.rows_between((number - 1) * PER_PAGE, number * PER_PAGE + 1)
            has_next, has_prev = len(rows) > PER_PAGE, number > 1
            rows = rows[:PER_PAGE]
        return ResultPage(
            rows=rows,
            total=self._browsed_count(CANDIDATE_LIMIT + 1),
            number=number,
            has_next=has_next,
            has_prev=has_prev,
            order=self.order,
        )

    def every_row(self, prepare=None, *, chunk: int = EXPORT_CHUNK) -> Iterator[Article]:
        """Every article of the result in the page order (see every_chunk)."""
        for rows in self.every_chunk(prepare, chunk=chunk):
            yield from rows

    def every_chunk(self, prepare=None, *, chunk: int = EXPORT_CHUNK) -> Iterator[list[Article]]:
        """Every article of the result in the page order, `chunk` rows per
        query and per list (`prepare` says what each row loads: for_listing()
        by default): a search's ranked candidates, exactly as its pages show
        them; a browse's every match, by keyset, so depth costs an index seek."""
        prepare = prepare or ArticleQuerySet.for_listing
        if self.search:
            yield from self._ranked_chunks(prepare(Article.objects.all()), chunk)
        else:
            yield from self._browsed_chunks(prepare(self.filterset.qs), chunk)

    def _ranked_chunks(self, rows, chunk: int) -> Iterator[list[Article]]:
        ids, _ = self.search.ordered_ids()
        for start in range(0, len(ids), chunk):
            wanted = ids[start : start + chunk]
            by_id = {row.pk: row for row in rows.filter(pk__in=wanted)}
            yield [by_id[pk] for pk in wanted if pk in by_id]

    def _browsed_chunks(self, rows, chunk: int) -> Iterator[list[Article]]:
        newest = self.order == "newest"
        batch = list((rows.newest_first() if newest else rows.oldest_first())[:chunk])
        while batch:
            yield batch
            if len(batch) < chunk:
                return
            last = batch[-1]
            # keyset_page reads one row more than its size, to tell if more follow.
            batch = rows.keyset_page(
                (last.published_on, last.pk), newest=newest, forward=True, size=chunk - 1
            )

    def facets(self, *, budget_ms: int | None = None, recount: bool = False) -> Facets:
        """The facet counts, from the shared cache when these filters were
        counted since the archive last changed; `recount` replaces them. Facets
        missing a group are kept only FACET_RETRY_SECONDS, so a later reader,
        or warm_facets, can count them in full."""
        return cached_until_changed(
            facets_cache_name(self.params),
            lambda: self._count_facets(FACET_BUDGET_MS if budget_ms is None else budget_ms),
            lambda facets: (
                FACET_RETRY_SECONDS
                if facets.dropped or facets.undated_left_out is None
                else KEEP_SECONDS
            ),
            recompute=recount,
        )

    def _count_facets(self, budget_ms: int) -> Facets:
        if self.search:
            # Over a list of at most RANK_LIMIT ids the counts are bounded work.
            groups = self._facet_groups(self.search.candidates())
            counted = {name: make() for name, make in groups.items()}
            return Facets(counted, undated_left_out=self._count_undated(budget_ms))
        base = self.filterset.qs
        groups = self._facet_groups(base)
        with time_budget(base.db, budget_ms) as budget:
            counted = {name: budget.run(make) for name, make in groups.items()}
            undated = self._count_undated(budget_ms, budget)
        dropped = tuple(name for name, rows in counted.items() if rows is None)
        kept = {name: rows for name, rows in counted.items() if rows is not None}
        return Facets(kept, dropped, undated)

    def _count_undated(self, budget_ms: int, budget: Budget | None = None) -> int | None:
        """One bounded count of the undated articles a date range leaves out
        (0 without one) within `budget`, or a budget of its own: unlike the
        search's facets, its undated matches are not a bounded list. None when
        the budget ran out first."""
        undated = self.filterset.undated_outside_dates()
        if undated is None:
            return 0
        if self.search:
            undated = Search(undated, self.search.query, "newest", expand=False).matching()

        def count() -> int:
            return undated.count_up_to(CANDIDATE_LIMIT + 1)

        if budget is not None:
            return budget.run(count)
        with time_budget(undated.db, budget_ms) as own:
            return own.run(count)

    def _facet_groups(self, base) -> dict[str, Callable[[], list[dict]]]:
        """How to count each facet group over `base`, one statement each."""
        return {
            "dates": lambda: base.facet_dates(self.chosen_year),
            "sources": base.facet_sources,
            "languages": base.facet_languages,
            "agreements": base.facet_agreements,
            "tags": base.facet_tags,
        }


def folding_copies(articles: ArticleQuerySet) -> ArticleQuerySet:
    """`articles` less the copies whose first version is among them: a wire
    item shows once however many outlets ran it. Unfiltered, every first
    version is among them, so a copy is simply left out."""
    if not articles.query.where:
        if connections[articles.db].vendor != "sqlite":
            return articles.filter(copy_of__isnull=True)
        # As COALESCE, which no index serves: SQLite, without statistics, then
        # walks the date index the page is ordered by, passing over copies,
        # rather than taking every first version from the copy_of index and
        # sorting them all (PostgreSQL's null fraction tells it as much).
        return articles.alias(copied=Coalesce("copy_of", 0)).filter(copied=0)
    first_among = articles.filter(pk=models.OuterRef("copy_of"))
    return articles.filter(models.Q(copy_of__isnull=True) | ~models.Exists(first_among))


def count_folded_up_to(articles: ArticleQuerySet, limit: int) -> int:
    """How many of `articles` folding_copies keeps, counted no further than `limit`,
    in one statement: the copies it folds, found through the copy_of index, taken
    from every article counted up to `limit` plus those copies. Asking each
    counted row whether it is a folded copy read all of them from the table
    (PostgreSQL, 100k, one source: 11.4 ms of a 55.7 ms page; bench/RESULTS.md)."""
    chosen = articles.order_by().values("pk")
    # Read from the copy_of index alone, never the rows: `copy_of > 0` is a range
    # on it, and `pk + 0` keeps the planner from walking the chosen articles' rows
    # instead (SQLite reads a row's copy_of past its text: 650 ms for one source).
    # Unfiltered, every copy is folded: no list of every id to check it against.
    folded = Article.objects.using(articles.db).filter(copy_of__gt=0)
    if articles.query.where:
        folded = folded.alias(own=models.F("pk") + 0).filter(own__in=chosen, copy_of__in=chosen)
    connection = connections[articles.db]
    try:
        every_sql, every_params = _sql(articles.order_by().values("pk"), connection)
        folded_sql, folded_params = _sql(folded.order_by().values("pk"), connection)
    except EmptyResultSet:  # filters that can match nothing (an empty list of ids)
        return 0
    statement = (
        f"WITH folded AS (SELECT COUNT(*) AS n FROM ({folded_sql}) AS copies) "
        f"SELECT (SELECT COUNT(*) FROM ({every_sql} LIMIT %s + (SELECT n FROM folded)) AS kept)"
        " - (SELECT n FROM folded)"
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, [*folded_params, *every_params, limit])
        return cursor.fetchone()[0]


def _sql(queryset: models.QuerySet, connection) -> tuple[str, tuple]:
    return queryset.query.get_compiler(connection=connection).as_sql()


def copies_among(articles: ArticleQuerySet) -> models.Subquery:
    """For each row, how many copies of it `articles` holds: the ones folded under it.
    Its copies are looked up in the copy_of index and checked against the chosen
    ids (`pk + 0`, no index): as `articles` filtered on copy_of, SQLite, reading
    copy_of's statistics from before any copy, walked each row's whole source
    instead (one source at 100k: 620 ms for a page of 20)."""
    chosen = articles.order_by().values("pk")
    copies = (
        Article.objects.using(articles.db)
        .alias(own=models.F("pk") + 0)
        .filter(copy_of=models.OuterRef("pk"), own__in=chosen)
        .order_by()
        .values("copy_of")
        .annotate(count=models.Count("*"))
        .values("count")
    )
    return Coalesce(models.Subquery(copies), 0)


def facets_cache_name(params: QueryDict) -> str:
    """The filters, hashed to a short cache name."""
    return f"facets:{hashlib.sha256(facet_cache_key(params).encode()).hexdigest()}"


def warm_shared_lookups(using: str = "default") -> None:
    """Read into the shared cache what every list page reads whatever it shows:
    the names a search expands and the languages the filter offers. A write
    to the archive retires both, and without this the first reader after an
    import would pay for them (two queries on any search)."""
    known_spellings(using)
    present_languages()
