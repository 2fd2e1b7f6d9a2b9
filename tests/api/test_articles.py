"""/api/articles/ and /api/articles/<slug>/ as a client meets them: each
item's fields, the bounded count and links, the list page's 400s, 404s for
what is not there, and query counts that do not grow with the rows."""

from __future__ import annotations

import datetime as dt
import hashlib
from http import HTTPStatus

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.request import Request

from articles.api.serializers import ResultPageSerializer
from articles.filters import MAX_VALUES
from articles.listing import ArticleListing, ResultPage
from articles.models import Agreement, Article, DatePrecision, Revision
from articles.search import CANDIDATE_LIMIT
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db

# Browsing: rows, their tags, the bounded count, credits, agreements.
LIST_QUERIES = 5
# What the API reads beyond the listing's rows: credits, visible agreements.
API_PREFETCHES = 2
# The article, its tags, credits, mentions, revisions, visible agreements and events.
DETAIL_QUERIES = 7


def populate(size: int) -> None:
    trend, report = make_source(slug="trend"), make_source(slug="report")
    tag, agreement = make_tag(slug="baku"), make_agreement(slug="road-map")
    for n in range(size):
        article = make_article(
            title=f"Azerbaijan forum {n}", source=trend, tags=[tag], agreements=[agreement]
        )
        article.credits.add(report)


def item(client, slug: str, **params) -> dict:
    results = client.get("/api/articles/", params).json()["results"]
    return next(each for each in results if each["slug"] == slug)


@pytest.mark.parametrize(
    ("day", "precision", "published"),
    [
        (dt.date(2022, 4, 26), DatePrecision.DAY, "2022-04-26"),
        (dt.date(2022, 4, 1), DatePrecision.MONTH, "2022-04"),
        (dt.date(2022, 1, 1), DatePrecision.YEAR, "2022"),
        (None, DatePrecision.UNKNOWN, None),
    ],
)
def test_published_date_is_as_precise_as_known_when_listed(client, day, precision, published):
    article = make_article(published_on=day, date_precision=precision)
    found = item(client, article.slug)
    assert (found["published"], found["date_precision"]) == (published, precision)


def test_item_carries_the_articles_fields_and_absolute_links_when_listed(client):
    trend, tass = make_source(slug="trend", site_url="https://trend.az"), make_source(slug="tass")
    article = make_article(
        source=trend,
        byline="Anna Ivanova",
        language="ru",
        origin="https://trend.az/news/1",
        tags=[make_tag(slug="baku", name="Baku", kind="place")],
        is_title_derived=True,
    )
    article.credits.add(tass)
    found = item(client, article.slug)
    assert found["source"] == {
        "slug": "trend",
        "name": trend.name,
        "url": "http://testserver/sources/trend/",
        "site_url": "https://trend.az",
    }
    assert [credit["slug"] for credit in found["credits"]] == ["tass"]
    assert found["tags"] == [{"slug": "baku", "name": "Baku", "kind": "place"}]
    assert (found["byline"], found["language"], found["title_derived"]) == (
        "Anna Ivanova",
        "ru",
        True,
    )
    assert found["url"] == f"http://testserver/articles/{article.slug}/"
    assert found["original_url"] == "https://trend.az/news/1"
    assert found["original_file"] == f"http://testserver/articles/{article.slug}/original/"
    assert found["sha256"] == article.sha256


def test_original_url_is_null_when_the_text_names_no_web_address(client):
    article = make_article(origin="seeds/001.txt")
    assert item(client, article.slug)["original_url"] is None


def test_agreements_leave_out_rejected_ones_when_listed(client):
    kept = make_agreement(slug="kept", name="Kept")
    rejected = make_agreement(slug="gone", status=Agreement.Status.REJECTED)
    article = make_article(agreements=[kept, rejected])
    assert item(client, article.slug)["agreements"] == [{"slug": "kept", "name": "Kept"}]


def test_snippet_marks_the_match_when_searching(client):
    article = make_article(title="Gas talks", body="Talks on gas & oil in Baku.")
    found = item(client, article.slug, q="gas")
    assert "<mark>gas</mark> &amp; oil" in found["snippet_html"]
    assert "gas & oil" in found["snippet"] and "<mark>" not in found["snippet"]
    assert found["title_html"] == "<mark>Gas</mark> talks"


def test_snippet_is_null_when_browsing(client):
    article = make_article(body="Talks on gas.")
    found = item(client, article.slug)
    assert (
        found["snippet"] is None and found["snippet_html"] is None and found["title_html"] is None
    )


def test_count_is_bounded_and_said_as_the_page_says_it_when_capped(rf):
    capped = ResultPage(rows=[], total=CANDIDATE_LIMIT + 1)
    request = Request(rf.get("/api/articles/"))
    data = ResultPageSerializer(capped, context={"request": request}).data
    assert (data["count"], data["count_text"], data["is_capped"]) == (
        CANDIDATE_LIMIT,
        f"{CANDIDATE_LIMIT:,}+",
        True,
    )


def test_count_is_exact_when_under_the_cap(client):
    for _ in range(3):
        make_article()
    data = client.get("/api/articles/").json()
    assert (data["count"], data["count_text"], data["is_capped"]) == (3, "3", False)
    assert (data["order"], data["page"], data["next"], data["previous"]) == (
        "newest",
        1,
        None,
        None,
    )


def test_links_are_absolute_and_keep_the_filters_when_there_are_more_pages(client, monkeypatch):
    monkeypatch.setattr("articles.listing.PER_PAGE", 2)
    source = make_source(slug="trend")
    for _ in range(3):
        make_article(source=source)
    following = client.get("/api/articles/", {"source": "trend"}).json()["next"]
    assert following.startswith("http://testserver/api/articles/?")
    assert "source=trend" in following


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_after": "2019-13-45"}, "date_after"),
        ({"date_after": "2020-01-02", "date_before": "2020-01-01"}, "date_before"),
        ({"source": "no-such-source"}, "source"),
        ({"tag": [f"tag-{n}" for n in range(MAX_VALUES + 1)]}, "tag"),
        ({"sort": "sideways"}, "sort"),
        ({"language": "English"}, "language"),
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"cursor": "next.2019-02-30.1"}, "cursor"),
        ({"q": "x" * 13_000}, "__all__"),
    ],
)
def test_bad_parameter_is_a_json_400_with_the_lists_message_when_given(client, params, field):
    make_source(slug="trend")
    response = client.get("/api/articles/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    html_errors = client.get("/articles/", params).context["filter"].form.errors
    assert response.json() == {"errors": {field: list(html_errors[field])}}


def test_long_query_is_answered_when_searched(client):
    make_article(body="Gas talks.")
    response = client.get("/api/articles/", {"q": "gas " * 2_500})
    assert response.status_code == HTTPStatus.OK


def test_page_past_the_end_is_a_json_404_when_asked(client):
    make_article()
    response = client.get("/api/articles/", {"page": "3"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"errors": {"page": ["Page 3 is past the end of these results."]}}


@pytest.mark.parametrize("size", [3, 30])
def test_list_query_count_is_fixed_when_rows_grow(client, django_assert_num_queries, size):
    populate(size)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get("/api/articles/")
    assert len(response.json()["results"]) == min(size, 20)


@pytest.mark.parametrize("size", [3, 30])
def test_search_adds_only_credits_and_agreements_to_the_listings_queries_when_rows_grow(
    client, django_assert_num_queries, size
):
    populate(size)
    # The search's own statements are the search module's to count; the API
    # adds its two prefetches and nothing per row. The first search reads what
    # the search module caches, so both counts are of a second search.
    ArticleListing(QueryDict("q=forum")).page  # noqa: B018 - the property runs the search
    with CaptureQueriesContext(connection) as listing_queries:
        assert len(ArticleListing(QueryDict("q=forum")).page.rows) == min(size, 20)
    with django_assert_num_queries(len(listing_queries) + API_PREFETCHES):
        response = client.get("/api/articles/", {"q": "forum"})
    assert len(response.json()["results"]) == min(size, 20)


def test_list_query_count_counts_the_slugs_once_when_filtering_by_source(
    client, django_assert_num_queries
):
    populate(3)
    # The first request filtered by source reads the known source slugs, then cached.
    with django_assert_num_queries(LIST_QUERIES + 1):
        client.get("/api/articles/", {"source": "trend"})
    with django_assert_num_queries(LIST_QUERIES):
        client.get("/api/articles/", {"source": "trend", "sort": "oldest"})


def test_article_carries_its_body_and_import_history_when_opened(client):
    article = make_article(body="First paragraph.\n\n## A subheading\n\nSecond.")
    earlier = timezone.now() - dt.timedelta(days=2)
    old = b"an earlier original"
    Revision.objects.create(
        article=article,
        original=old,
        sha256=hashlib.sha256(old).hexdigest(),
        encoding="cp1251",
        file_path=article.file_path,
        imported_at=earlier,
        superseded_at=earlier + dt.timedelta(days=1),
    )
    data = client.get(f"/api/articles/{article.slug}/").json()
    assert data["body"] == "First paragraph.\n\n## A subheading\n\nSecond."
    [revision] = data["history"]
    assert revision["sha256"] == hashlib.sha256(old).hexdigest()
    assert revision["changed"] == ["original", "encoding"]
    assert revision["imported_at"].startswith(f"{earlier:%Y-%m-%d}")
    assert data["sha256"] == article.sha256 and data["slug"] == article.slug


def test_article_has_an_empty_history_when_never_reimported(client):
    article = make_article()
    assert client.get(f"/api/articles/{article.slug}/").json()["history"] == []


@pytest.mark.parametrize("size", [3, 30])
def test_detail_query_count_is_fixed_when_articles_grow(client, django_assert_num_queries, size):
    populate(size)
    slug = Article.objects.first().slug
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get(f"/api/articles/{slug}/").status_code == HTTPStatus.OK


@pytest.mark.parametrize("path", ["/api/articles/no-such-article/", "/api/agreements/no-such/"])
def test_unknown_slug_is_a_json_404_when_asked(client, path):
    response = client.get(path)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Type"] == "application/json" and "detail" in response.json()
