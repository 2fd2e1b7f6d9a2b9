"""ArticleListing: the one listing behind the page, the API, the exports and
the feeds gives every consumer the same rows in the same order."""

import datetime as dt

import pytest
from django.http import QueryDict

from articles.listing import ArticleListing, count_folded_up_to
from articles.models import Article
from tests.conftest import make_article, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    trend = make_source(name="Trend", slug="trend")
    for n in range(7):
        make_article(
            title=f"Gas talks {n}",
            body=f"Gas and oil were discussed in round {n}.",
            source=trend if n % 2 else None,
            published_on=dt.date(2019, 1, 1) + dt.timedelta(days=n % 3) if n != 4 else None,
        )


def paged_slugs(query: str) -> list[str]:
    """Every slug met turning the listing's pages from the first."""
    slugs, params = [], QueryDict(query, mutable=True)
    while True:
        listing = ArticleListing(params)
        assert listing.is_valid, listing.errors
        slugs += [row.slug for row in listing.page.rows]
        step = listing.page.neighbour("next")
        if step is None:
            return slugs
        for key, value in step.items():
            params.pop(key, None)
            if value is not None:
                params[key] = value


@pytest.mark.parametrize(
    "query", ["", "sort=oldest", "source=trend", "q=gas", "q=gas&sort=oldest", "undated=true"]
)
def test_every_row_matches_the_pages_in_order_when_read_in_small_chunks(
    archive, monkeypatch, query
):
    monkeypatch.setattr("articles.listing.PER_PAGE", 2)
    exported = [row.slug for row in ArticleListing(QueryDict(query)).every_row(chunk=3)]
    assert exported == paged_slugs(query)
    assert len(exported) == len(set(exported)) > 0


def test_every_row_reads_the_rows_in_chunks_when_the_result_is_large(
    archive, django_assert_num_queries
):
    listing = ArticleListing(QueryDict(""))
    assert listing.is_valid
    # Per chunk of 3 rows: the rows and their tags, three chunks for 7 rows;
    # the chunk that reaches the undated rows reads them in a query of its own.
    with django_assert_num_queries(7):
        assert len(list(listing.every_row(chunk=3))) == 7


def test_results_of_invalid_parameters_are_refused_when_asked_for(archive):
    listing = ArticleListing(QueryDict("date_after=2019-13-45"))
    assert not listing.is_valid and "date_after" in listing.errors
    with pytest.raises(ValueError, match="invalid"):
        listing.page  # noqa: B018 - the property runs the query


def test_facets_are_cached_as_data_when_counted_once(archive, django_assert_num_queries):
    ArticleListing(QueryDict("source=trend")).facets()
    listing = ArticleListing(QueryDict("source=trend&page=1"))
    assert listing.is_valid
    with django_assert_num_queries(0):
        facets = listing.facets()
    assert facets.groups["sources"][0]["source__slug"] == "trend"


@pytest.fixture
def wire_copies():
    """A Trend original with two copies: one by Trend, one by another outlet."""
    trend = make_source(name="Trend", slug="trend")
    other = make_source(name="Report", slug="report")
    first = make_article(source=trend)
    make_article(source=trend, copy_of=first)
    make_article(source=other, copy_of=first)
    make_article(source=other)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", 2), ("copies=all", 4), ("source=trend", 1), ("source=report", 2)],
)
def test_browse_count_leaves_out_the_copies_it_folds_when_folding(wire_copies, query, expected):
    listing = ArticleListing(QueryDict(query))
    assert listing.is_valid, listing.errors
    assert listing.page.total == expected == len(listing.page.rows)


def test_folded_count_stops_at_its_limit_when_copies_are_folded(wire_copies):
    listing = ArticleListing(QueryDict(""))
    assert count_folded_up_to(listing.filterset.qs, 1) == 1
    assert count_folded_up_to(listing.filterset.qs, 2) == 2
    assert count_folded_up_to(listing.filterset.qs, 3) == 2


def test_folded_count_is_nothing_when_the_filters_match_nothing(wire_copies):
    assert count_folded_up_to(Article.objects.filter(pk__in=[]), 10) == 0
