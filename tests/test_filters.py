"""ArticleFilterSet: each parameter of the contract selects what it says,
and the parameters combine."""

import datetime as dt
from http import HTTPStatus

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from articles.filters import MAX_QUERY_CHARS, MAX_VALUES, ArticleFilterSet, facet_cache_key
from articles.listing import ArticleListing
from articles.models import Article, ArticleQuerySet, Source
from tests.conftest import make_agreement, make_article, make_source, make_tag
from tests.search.test_budget import run_slow_query

pytestmark = pytest.mark.django_db


def titles(query: str) -> list[str]:
    listing = ArticleListing(QueryDict(query))
    assert listing.is_valid, listing.errors
    return [row.title for row in listing.page.rows]


def errors(query: str) -> dict:
    filterset = ArticleFilterSet(QueryDict(query), queryset=Article.objects.all())
    assert not filterset.is_valid()
    return filterset.errors


@pytest.fixture
def archive():
    trend, kaspi = make_source(slug="trend", name="Trend"), make_source(slug="kaspi", name="Kaspi")
    baku, oil = make_tag(slug="baku", name="Baku"), make_tag(slug="oil", name="Oil")
    road_map = make_agreement(slug="road-map")
    make_article(title="A", source=trend, published_on=dt.date(2019, 11, 25), tags=[baku, oil])
    make_article(title="B", source=kaspi, published_on=dt.date(2021, 9, 1), tags=[baku])
    make_article(title="C", published_on=dt.date(2022, 4, 26), agreements=[road_map], language="ru")
    make_article(title="D", source=trend, published_on=None, body="Helicopter news.")


def test_newest_comes_first_when_no_order_is_given(archive):
    assert titles("") == ["C", "B", "A", "D"]


def test_oldest_comes_first_when_asked(archive):
    assert titles("sort=oldest") == ["A", "B", "C", "D"]


def test_date_after_keeps_later_articles_when_given(archive):
    assert titles("date_after=2020-01-01") == ["C", "B"]


def test_date_before_keeps_earlier_articles_when_given(archive):
    assert titles("date_before=2020-01-01") == ["A"]


def test_undated_keeps_articles_without_a_date_when_asked(archive):
    assert titles("undated=true") == ["D"]


def test_source_keeps_that_sources_articles_when_given(archive):
    assert titles("source=trend") == ["A", "D"]


def test_repeated_source_keeps_either_when_given_twice(archive):
    assert titles("source=trend&source=kaspi") == ["B", "A", "D"]


def test_repeated_tag_keeps_articles_with_every_tag_when_given_twice(archive):
    assert titles("tag=baku&tag=oil") == ["A"]


def test_exclude_tag_drops_articles_with_that_tag_when_given(archive):
    assert titles("exclude_tag=oil") == ["C", "B", "D"]


def test_repeated_tag_counts_once_when_the_same_slug_is_given_twice(archive):
    assert titles("tag=baku&tag=baku") == ["B", "A"]


def test_exclude_tag_drops_articles_with_any_of_them_when_given_twice(archive):
    assert titles("exclude_tag=oil&exclude_tag=baku") == ["C", "D"]


@pytest.fixture
def sixty_tags(monkeypatch):
    """Sixty tags, one article carrying them all and one carrying all but the
    last; the bound on repeated values lifted so the filter itself is tested."""
    monkeypatch.setattr("articles.filters.MAX_VALUES", 100)
    tags = [make_tag(slug=f"many-{n}") for n in range(60)]
    make_article(title="Every tag", tags=tags)
    make_article(title="All but one", tags=tags[:-1])
    make_article(title="None")
    return "&".join(f"tag={tag.slug}" for tag in tags)


def filter_sql(query: str) -> str:
    filterset = ArticleFilterSet(QueryDict(query), queryset=Article.objects.all())
    assert filterset.is_valid(), filterset.errors
    return str(filterset.qs.values("pk").query)


def test_every_tag_is_required_when_sixty_are_given(sixty_tags):
    assert titles(sixty_tags) == ["Every tag"]


def test_required_tags_are_one_subquery_when_sixty_are_given(sixty_tags):
    assert filter_sql(sixty_tags).count(" JOIN ") == 1


def test_excluded_tags_are_one_subquery_when_sixty_are_given(sixty_tags):
    query = sixty_tags.replace("tag=", "exclude_tag=")
    assert titles(query) == ["None"]
    assert filter_sql(query).count(" JOIN ") == 1


@pytest.mark.parametrize("name", ["tag", "exclude_tag", "source"])
def test_repeated_parameter_is_an_error_when_given_past_the_bound(archive, name):
    slug = "trend" if name == "source" else "baku"
    found = errors("&".join([f"{name}={slug}"] * (MAX_VALUES + 1)))
    assert f"at most {MAX_VALUES} values" in str(found[name])


def test_repeated_parameter_is_accepted_when_given_up_to_the_bound(archive):
    assert titles("&".join(["tag=baku"] * MAX_VALUES)) == ["B", "A"]


def test_query_is_an_error_when_longer_than_the_bound(archive):
    found = errors("q=" + "x" * 10_000 + "&language=" + "e" * MAX_QUERY_CHARS)
    assert "too much" in str(found["__all__"])


def test_agreement_keeps_articles_mentioning_it_when_given(archive):
    assert titles("agreement=road-map") == ["C"]


def test_language_keeps_articles_in_it_when_given(archive):
    assert titles("language=ru") == ["C"]


def test_search_combines_with_a_filter_when_both_are_given(archive):
    assert titles("q=helicopter&source=trend") == ["D"]


def test_search_finds_nothing_when_the_filter_excludes_the_match(archive):
    assert titles("q=helicopter&source=kaspi") == []


def test_unknown_source_is_named_in_the_error_when_given(archive):
    assert "no source “nowhere”" in str(errors("source=nowhere")["source"])


def test_impossible_date_is_an_error_when_given(archive):
    assert "date_after" in errors("date_after=2019-13-45")


def test_reversed_dates_are_an_error_when_given(archive):
    assert "date_before" in errors("date_after=2020-01-01&date_before=2019-01-01")


def test_relevance_falls_back_to_newest_when_there_is_no_query(archive):
    filterset = ArticleFilterSet(QueryDict("sort=relevance"), queryset=Article.objects.all())
    assert filterset.is_valid() and filterset.order == "newest"


def test_a_year_is_chosen_when_the_dates_span_exactly_it(archive):
    filterset = ArticleFilterSet(
        QueryDict("date_after=2019-01-01&date_before=2019-12-31"), queryset=Article.objects.all()
    )
    assert filterset.is_valid() and filterset.chosen_year == 2019


def test_count_is_bounded_when_more_rows_match_than_the_cap(archive, monkeypatch):
    monkeypatch.setattr("articles.listing.CANDIDATE_LIMIT", 2)
    listing = ArticleListing(QueryDict(""))
    assert listing.is_valid and listing.page.total == 3


def test_facets_are_dropped_with_their_names_when_the_budget_is_spent(archive, monkeypatch):
    monkeypatch.setattr(ArticleQuerySet, "facet_tags", lambda queryset: run_slow_query())
    listing = ArticleListing(QueryDict(""))
    assert listing.is_valid
    facets = listing.facets()
    assert facets.dropped == ("tags",) and "tags" not in facets.groups


def test_facets_count_only_the_ranked_matches_when_the_rank_limit_bounds_them(archive, monkeypatch):
    monkeypatch.setattr("articles.search.RANK_LIMIT", 2)
    listing = ArticleListing(QueryDict("q=Azerbaijan"))
    assert listing.is_valid
    counted = sum(row["count"] for row in listing.facets().groups["languages"])
    assert (listing.page.total, listing.page.ranked, counted) == (3, 2, 2)


def test_facet_cache_key_ignores_the_page_and_parameter_order_when_made():
    paged = facet_cache_key(QueryDict("source=a&page=2&q=x&cursor=next.-.5&tag="))
    assert paged == facet_cache_key(QueryDict("q=x&source=a"))


def test_facet_cache_key_differs_when_a_filter_differs():
    assert facet_cache_key(QueryDict("q=x")) != facet_cache_key(QueryDict("q=x&language=ru"))


def test_numbered_page_holds_the_next_rows_in_order_when_turned_to(archive, monkeypatch):
    monkeypatch.setattr("articles.listing.PER_PAGE", 2)
    assert titles("page=2") == ["A", "D"] and titles("page=2&sort=oldest") == ["C", "D"]


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_cursor_pages_visit_each_row_once_when_rows_share_a_date(monkeypatch, sort):
    monkeypatch.setattr("articles.listing.PER_PAGE", 2)
    for n in range(5):
        make_article(title=f"Same {n}", published_on=dt.date(2020, 5, 1))
    make_article(title="Earlier", published_on=dt.date(2019, 5, 1))
    make_article(title="Undated", published_on=None)
    expected = [row.title for row in getattr(Article.objects, f"{sort}_first")()]
    assert walk_cursor_pages(sort) == expected


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_cursor_pages_visit_each_row_once_when_several_rows_are_undated(monkeypatch, sort):
    monkeypatch.setattr("articles.listing.PER_PAGE", 2)
    make_article(title="Dated", published_on=dt.date(2020, 5, 1))
    for n in range(5):
        make_article(title=f"Undated {n}", published_on=None)
    expected = [row.title for row in getattr(Article.objects, f"{sort}_first")()]
    assert walk_cursor_pages(sort) == expected


def walk_cursor_pages(sort: str) -> list[str]:
    """Every title met following the "Older"/"Newer" cursor from the first page."""
    seen, cursor = [], None
    while True:
        listing = ArticleListing(
            QueryDict(f"sort={sort}" + (f"&cursor={cursor}" if cursor else ""))
        )
        assert listing.is_valid, listing.errors
        seen += [row.title for row in listing.page.rows]
        if not (cursor := listing.page.next_cursor):
            return seen


@pytest.mark.parametrize("facet", ["facet_tags", "facet_agreements"])
def test_relation_facet_counts_are_the_same_when_the_queryset_is_unfiltered(archive, facet):
    make_article(title="E", tags=[make_tag(slug="gas")], agreements=[make_agreement(slug="gas")])
    everything = getattr(Article.objects.all(), facet)()
    assert everything
    assert everything == getattr(Article.objects.filter(pk__gte=0), facet)()


@pytest.mark.parametrize("facet", ["facet_tags", "facet_agreements"])
def test_relation_facet_reads_no_article_ids_when_the_queryset_is_unfiltered(
    archive, facet, django_assert_num_queries
):
    with django_assert_num_queries(1) as captured:
        getattr(Article.objects.all(), facet)()
    assert "articles_article" not in captured.captured_queries[0]["sql"].replace(
        "articles_article_tags", ""
    )


def test_relation_facet_counts_only_the_filtered_articles_when_a_filter_is_given(archive):
    counts = {
        row["tag__slug"]: row["count"] for row in Article.objects.filter(title="A").facet_tags()
    }
    assert counts == {"baku": 1, "oil": 1}


def test_source_facet_counts_each_sources_articles_when_listed(archive):
    make_article(title="E", source=Source.objects.get(slug="trend"), published_on=None)
    rows = Article.objects.exclude(source=None).facet_sources()
    assert rows == [
        {"source__slug": "trend", "source__name": "Trend", "count": 3},
        {"source__slug": "kaspi", "source__name": "Kaspi", "count": 1},
    ]


def test_tag_facet_names_each_tag_most_used_first_when_listed(archive):
    assert Article.objects.all().facet_tags() == [
        {"tag__slug": "baku", "tag__name": "Baku", "tag__kind": "topic", "count": 2},
        {"tag__slug": "oil", "tag__name": "Oil", "tag__kind": "topic", "count": 1},
    ]


def test_known_slugs_are_read_once_until_the_archive_changes(
    django_assert_num_queries, django_capture_on_commit_callbacks
):
    make_source(name="Trend", slug="trend")
    ArticleFilterSet(data=QueryDict("source=trend")).is_valid()
    with django_assert_num_queries(0):
        assert ArticleFilterSet(data=QueryDict("source=trend")).is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        make_source(name="APA", slug="apa")
    assert ArticleFilterSet(data=QueryDict("source=apa")).is_valid()


def test_list_page_answers_400_with_the_message_when_a_tag_repeats_past_the_bound(
    client, archive, django_assert_max_num_queries
):
    # The one query: the languages present, for the form's language choice.
    with django_assert_max_num_queries(1):
        response = client.get("/articles/", {"tag": [f"tag-{n}" for n in range(MAX_VALUES + 1)]})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f"at most {MAX_VALUES} values" in response.content.decode()


def test_list_page_queries_do_not_grow_when_the_most_tags_are_chosen(client):
    tags = [make_tag(slug=f"bound-{n}") for n in range(MAX_VALUES)]
    make_article(title="Every tag", tags=tags)
    client.get("/articles/", {"tag": "bound-0", "sort": "oldest"})  # caches the known slugs
    queries = {}
    for count in (1, MAX_VALUES):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/articles/", {"tag": [tag.slug for tag in tags[:count]]})
        assert response.status_code == HTTPStatus.OK
        assert [row.title for row in response.context["listing"].rows] == ["Every tag"]
        queries[count] = [query["sql"].count(" JOIN ") for query in captured.captured_queries]
    assert queries[1] == queries[MAX_VALUES]


def test_list_page_answers_400_with_the_message_when_the_query_is_too_long(client, archive):
    response = client.get("/articles/", {"q": "talks " * (MAX_QUERY_CHARS // 6 + 1)})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "asks for too much" in response.content.decode()
