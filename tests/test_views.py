"""The public pages as a reader meets them: status codes, what each page
shows, bad parameters answered without a server error, and query counts
that stay the same however many articles a page shows."""

import datetime as dt
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Agreement, ArticleQuerySet, DatePrecision
from articles.search.suggest import FEW_MATCHES
from tests.conftest import make_agreement, make_article, make_source, make_tag
from tests.search.test_budget import run_slow_query

pytestmark = pytest.mark.django_db

# SQL statements per page. Browsing: rows, tag prefetch, count, plus one per
# facet group (5); on PostgreSQL those facets run in a transaction that is
# always rolled back, so a cancelled group leaves nothing aborted (inside the
# test's own transaction: savepoint, rollback to and release of it). A search:
# ranked ids with their count, rows with headlines, tags, plus one per facet
# group over the ranked ids, which needs no budget, and the known names'
# spellings for the expansion. Each also reads the languages present for the
# form's language choice. Those two are cached until the archive changes. A
# search also looks up which ranked candidates copy another, to fold them
# (cached like the facets). Browsing folds copies inside its rows and count.
BROWSE_QUERIES = {"sqlite": 9, "postgresql": 12}
SEARCH_QUERIES = 11
# With the facet fragment cached: rows (or ranked ids and rows), tags, count.
WARM_QUERIES = 3
# "Did you mean": the search's words looked up in the vocabulary within its
# time budget (on PostgreSQL, with its savepoint and statement timeout).
SUGGESTION_QUERIES = {"sqlite": 2, "postgresql": 5}
# Six before events were shown; their prefetch adds one, however many there are.
DETAIL_QUERIES = 7


def populate(size):
    source = make_source(name="Trend", slug="trend")
    tag = make_tag(name="Baku", slug="baku")
    agreement = make_agreement(name="Road map", slug="road-map")
    for n in range(size):
        make_article(
            title=f"Azerbaijan forum {n}", source=source, tags=[tag], agreements=[agreement]
        )


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("params", [{}, {"q": "Azerbaijan"}, {"source": "trend"}])
def test_list_query_count_is_fixed_when_rows_grow(client, django_assert_num_queries, size, params):
    populate(size)
    # The first page filtered by source reads the source slugs, which are then
    # cached until the archive changes.
    extra = 1 if "source" in params else 0
    # A search with few matches also looks for closer words (then cached).
    if "q" in params and size <= FEW_MATCHES:
        extra += SUGGESTION_QUERIES[connection.vendor]
    expected = SEARCH_QUERIES if "q" in params else BROWSE_QUERIES[connection.vendor]
    with django_assert_num_queries(expected + extra):
        response = client.get("/articles/", params)
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("params", [{}, {"q": "Azerbaijan"}, {"source": "trend"}])
def test_facets_run_no_queries_when_the_same_page_is_asked_again(
    client, django_assert_num_queries, params
):
    populate(3)
    client.get("/articles/", params)
    with django_assert_num_queries(WARM_QUERIES):
        response = client.get("/articles/", params)
    assert response.status_code == HTTPStatus.OK


def test_facets_are_reused_when_only_the_page_changes(client, django_assert_num_queries):
    populate(30)
    client.get("/articles/", {"language": "en"})
    with django_assert_num_queries(WARM_QUERIES):
        client.get("/articles/", {"language": "en", "page": "2"})


def test_facets_are_counted_again_when_a_filter_differs(client):
    populate(3)
    make_article(title="Moscow talks", language="ru")
    client.get("/articles/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/articles/", {"language": "ru"}).content.decode()
    assert any("GROUP BY" in query["sql"] for query in queries.captured_queries)
    assert "Trend" not in html[html.index('<aside class="facets"') :]


@pytest.mark.parametrize("size", [3, 30])
def test_detail_query_count_is_fixed_when_articles_grow(client, django_assert_num_queries, size):
    populate(size)
    article = make_article(title="Detail", tags=[make_tag(slug="baku-2", name="Baku 2")])
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(article.get_absolute_url())
    assert response.status_code == HTTPStatus.OK


def test_front_page_lists_articles_when_there_are_some(client):
    article = make_article(title="Sochi meeting")
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    assert article.get_absolute_url() in response.content.decode()


def test_search_marks_the_word_when_it_matches(client):
    make_article(title="Plant", body="A helicopter plant opens.")
    response = client.get("/articles/", {"q": "helicopter"})
    assert "<mark>helicopter</mark>" in response.content.decode()


def test_search_says_nothing_matches_when_no_article_does(client):
    make_article(title="Plant", body="A plant opens.")
    response = client.get("/articles/", {"q": "zanzibar"})
    assert response.status_code == HTTPStatus.OK
    assert "No articles match" in response.content.decode()


def test_search_escapes_article_markup_when_shown(client):
    make_article(title="<b>Bold</b> forum", body="<img src=x onerror=alert(1)> forum")
    html = client.get("/articles/", {"q": "forum"}).content.decode()
    assert "<img" not in html and "<b>Bold" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"date_after": "2019-13-45"},
        {"date_before": "yesterday"},
        {"source": "no-such-source"},
        {"tag": "no-such-tag"},
        {"exclude_tag": "no-such-tag"},
        {"agreement": "no-such-agreement"},
        {"language": "english!"},
        {"sort": "sideways"},
        {"page": "0"},
        {"page": "abc"},
        {"page": "100000"},
        {"cursor": "next.2019-13-45.1"},
        {"cursor": "garbage"},
        {"date_after": "2020-01-02", "date_before": "2020-01-01"},
    ],
)
def test_bad_parameter_is_a_form_error_when_given(client, params):
    make_article()
    response = client.get("/articles/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'class="errorlist' in response.content.decode()


@pytest.mark.parametrize("text", ["-", '"unbalanced', "x" * 10_000, "'; DROP TABLE x; --", "NOT"])
def test_odd_query_is_answered_when_searched(client, text):
    make_article()
    assert client.get("/articles/", {"q": text}).status_code == HTTPStatus.OK


def test_page_past_the_end_is_a_clear_404_when_asked(client):
    make_article()
    response = client.get("/articles/", {"page": "7"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "past the end" in response.content.decode()


def test_search_page_past_the_end_is_a_clear_404_when_asked(client):
    make_article(title="Forum")
    response = client.get("/articles/", {"q": "forum", "page": "3"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "past the end" in response.content.decode()


def test_older_link_pages_by_cursor_when_there_are_more_rows(client):
    for n in range(25):
        make_article(title=f"Row {n}", published_on=dt.date(2020, 1, 1) + dt.timedelta(days=n))
    first = client.get("/articles/").context["listing"]
    second = client.get("/articles/", {"cursor": first.next_cursor}).context["listing"]
    assert [a.title for a in second.rows] == [f"Row {n}" for n in range(4, -1, -1)]


def test_newer_link_returns_to_the_first_rows_when_followed_back(client):
    for n in range(25):
        make_article(title=f"Row {n}", published_on=dt.date(2020, 1, 1) + dt.timedelta(days=n))
    first = client.get("/articles/").context["listing"]
    second = client.get("/articles/", {"cursor": first.next_cursor}).context["listing"]
    back = client.get("/articles/", {"cursor": second.prev_cursor}).context["listing"]
    assert [a.pk for a in back.rows] == [a.pk for a in first.rows]


def test_undated_articles_come_last_when_paging_newest_first(client):
    for n in range(21):
        make_article(title=f"Dated {n}")
    make_article(title="Undated", published_on=None)
    first = client.get("/articles/").context["listing"]
    second = client.get("/articles/", {"cursor": first.next_cursor}).context["listing"]
    assert [a.title for a in second.rows] == ["Dated 0", "Undated"]


def test_year_facet_links_to_that_year_when_listed(client):
    make_article(published_on=dt.date(2019, 5, 1))
    html = client.get("/articles/").content.decode()
    assert "date_after=2019-01-01&amp;date_before=2019-12-31" in html


def test_months_are_facets_when_one_year_is_chosen(client):
    make_article(published_on=dt.date(2019, 5, 1))
    response = client.get("/articles/", {"date_after": "2019-01-01", "date_before": "2019-12-31"})
    assert [link.label for link in response.context["facets"]["dates"]] == ["May"]


def test_undated_articles_have_their_own_bucket_when_counted(client):
    make_article(published_on=None)
    links = client.get("/articles/").context["facets"]["dates"]
    assert [(link.label, link.count) for link in links] == [("date unknown", 1)]


def test_timeline_is_drawn_as_svg_when_articles_have_dates(client):
    make_article(published_on=dt.date(2019, 5, 1))
    make_article(published_on=dt.date(2021, 5, 1))
    html = client.get("/articles/").content.decode()
    assert html.count('class="timeline__bar') == 2 and "<svg" in html


def test_facet_links_keep_the_other_filters_when_followed(client):
    make_article(source=make_source(slug="trend", name="Trend"), language="ru")
    response = client.get("/articles/", {"language": "ru"})
    (link,) = response.context["facets"]["sources"]
    assert link.query.urlencode() == "language=ru&source=trend"


def test_article_page_shows_structure_and_original_when_opened(client):
    article = make_article(body="First paragraph.\n\n## A subheading\n\nSecond <b>one</b>.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<h2>A subheading</h2>" in html
    assert "<p>Second &lt;b&gt;one&lt;/b&gt;.</p>" in html
    assert article.sha256 in html


def test_article_page_marks_the_query_when_reached_from_a_search(client):
    article = make_article(body="The helicopter plant.")
    html = client.get(article.get_absolute_url(), {"q": "helicopter"}).content.decode()
    assert "<mark>helicopter</mark>" in html


def test_article_page_shows_more_like_this_when_tags_are_shared(client):
    tag = make_tag()
    article = make_article(tags=[tag])
    other = make_article(title="Sibling", tags=[tag])
    html = client.get(article.get_absolute_url()).content.decode()
    assert other.get_absolute_url() in html


@pytest.mark.parametrize(
    ("precision", "date", "shown"),
    [
        (DatePrecision.DAY, dt.date(2022, 4, 26), "26 April 2022"),
        (DatePrecision.MONTH, dt.date(2022, 4, 1), "April 2022"),
        (DatePrecision.YEAR, dt.date(2019, 1, 1), "2019"),
        (DatePrecision.UNKNOWN, None, "date unknown"),
    ],
)
def test_date_is_shown_as_precisely_as_known_when_listed(client, precision, date, shown):
    make_article(published_on=date, date_precision=precision)
    assert f">{shown}</time>" in client.get("/articles/").content.decode()


def test_original_is_served_byte_for_byte_when_downloaded(client):
    article = make_article(original="Кириллица".encode("cp1251"), encoding="cp1251")
    response = client.get(f"/articles/{article.slug}/original/")
    assert response.content == "Кириллица".encode("cp1251")
    assert response["Content-Type"] == "text/plain; charset=cp1251"


def test_source_page_lists_its_articles_when_it_exists(client):
    article = make_article(source=make_source(slug="trend", name="Trend"))
    response = client.get("/sources/trend/")
    assert article.get_absolute_url() in response.content.decode()


def test_tag_page_lists_its_articles_when_it_exists(client):
    article = make_article(tags=[make_tag(slug="baku")])
    assert article.get_absolute_url() in client.get("/tags/baku/").content.decode()


def test_agreements_page_leaves_out_rejected_ones_when_listed(client):
    make_agreement(name="Kept", slug="kept")
    make_agreement(name="Dropped", slug="dropped", status=Agreement.Status.REJECTED)
    html = client.get("/agreements/").content.decode()
    assert "Kept" in html and "Dropped" not in html


def test_agreement_page_lists_mentioning_articles_in_date_order_when_opened(client):
    agreement = make_agreement(slug="road-map")
    late = make_article(published_on=dt.date(2022, 1, 1), agreements=[agreement])
    early = make_article(published_on=dt.date(2019, 1, 1), agreements=[agreement])
    html = client.get("/agreements/road-map/").content.decode()
    assert html.index(early.get_absolute_url()) < html.index(late.get_absolute_url())


def test_month_archive_leaves_out_articles_known_only_to_the_year_when_listed(client):
    make_article(title="Year only", published_on=dt.date(2019, 1, 1), date_precision="year")
    make_article(title="January day", published_on=dt.date(2019, 1, 5))
    html = client.get("/archive/2019/01/").content.decode()
    assert "January day" in html and "Year only" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/archive/2019/13/",
        "/archive/2019/00/",
        "/archive/1800/",
        "/articles/no-such-article/",
        "/sources/no-such/",
        "/tags/no-such/",
        "/agreements/no-such/",
        "/articles/no-such/original/",
    ],
)
def test_unknown_address_is_404_when_asked(client, path):
    make_article(published_on=dt.date(2019, 5, 1))
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND


def test_search_says_how_many_matches_were_ranked_when_the_rank_limit_bounds_them(
    client, monkeypatch
):
    monkeypatch.setattr("articles.search.RANK_LIMIT", 2)
    populate(3)
    html = client.get("/articles/", {"q": "forum"}).content.decode()
    assert "only the 2 most recently added are ranked and counted beside the results" in html


def test_page_past_the_ranked_matches_is_a_clear_404_when_asked(client, monkeypatch):
    monkeypatch.setattr("articles.search.RANK_LIMIT", 2)
    populate(3)
    response = client.get("/articles/", {"q": "forum", "page": "2"})
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "past the end" in response.content.decode()


def test_browse_page_answers_without_the_slow_facet_when_it_overruns_the_budget(
    client, monkeypatch
):
    monkeypatch.setattr("articles.listing.FACET_BUDGET_MS", 50)
    monkeypatch.setattr(ArticleQuerySet, "facet_tags", lambda queryset: run_slow_query())
    populate(3)
    response = client.get("/articles/")
    assert response.status_code == HTTPStatus.OK
    assert "Counts for tags took too long" in response.content.decode()


def test_search_count_ends_in_a_plus_when_more_match_than_are_ranked(client, monkeypatch):
    monkeypatch.setattr("articles.search.RANK_LIMIT", 2)
    populate(3)
    html = client.get("/articles/", {"q": "forum"}).content.decode()
    assert "2+ articles match" in html and "3 articles" not in html
