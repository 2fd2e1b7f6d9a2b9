"""The feeds follow the list page's parameters (the same articles in the same
order), say what they follow, go out as plain text, link to the host they were
asked on, date only what is known, and never grow their query count."""

import datetime as dt
from http import HTTPStatus
from xml.etree import ElementTree

import feedparser
import pytest

from articles.models import Article, DatePrecision
from tests.conftest import make_article, make_source, make_tag

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def feed_entries(client, params=None, **headers) -> dict[str, ElementTree.Element]:
    """The feed's entries by title, in order."""
    root = ElementTree.fromstring(client.get("/feed/", params or {}, **headers).content)
    entries = root.findall("atom:entry", ATOM)
    return {entry.findtext("atom:title", namespaces=ATOM): entry for entry in entries}


def test_feed_lists_newest_articles_first(client):
    make_article(title="Older talks", published_on=dt.date(2019, 1, 1))
    make_article(title="Newer talks", published_on=dt.date(2022, 4, 26))
    make_article(title="Undated talks", published_on=None)
    response = client.get("/feed/")
    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.index("Newer talks") < body.index("Older talks") < body.index("Undated talks")


def test_feed_escapes_markup_from_the_articles(client):
    make_article(title="<script>alert(1)</script>", body="<b>bold</b> claims")
    body = client.get("/feed/").content.decode()
    assert "<script>" not in body
    assert "&lt;script&gt;" in body


@pytest.mark.parametrize(
    "text", ["&lt;img src=x onerror=alert(1)&gt;", "<img src=x onerror=alert(1)>"]
)
def test_summary_is_plain_text_when_the_body_holds_a_tag(client, text):
    make_article(title="Tagged", body=f"Before {text} after")
    summary = feed_entries(client)["Tagged"].find("atom:summary", ATOM)
    assert summary.get("type") == "text"
    assert summary.text == f"Before {text} after"


def test_links_are_on_the_requests_host_when_the_feed_is_read(client):
    make_article(title="Linked", slug="linked")
    response = client.get("/feed/", HTTP_HOST="localhost:8000")
    root = ElementTree.fromstring(response.content)
    links = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")]
    assert "example.com" not in response.content.decode()
    assert "http://localhost:8000/articles/linked/" in links
    assert "http://localhost:8000/feed/" in links


def test_undated_article_claims_no_publication_when_listed(client):
    article = make_article(title="Undated talks", published_on=None)
    entry = feed_entries(client)["Undated talks"]
    assert entry.find("atom:published", ATOM) is None
    assert entry.findtext("atom:updated", namespaces=ATOM) == article.changed_at.isoformat()


def test_article_known_to_the_month_claims_no_day_when_listed(client):
    make_article(
        title="April talks", published_on=dt.date(2022, 4, 1), date_precision=DatePrecision.MONTH
    )
    assert feed_entries(client)["April talks"].find("atom:published", ATOM) is None


def test_article_known_to_the_day_is_published_on_it_when_listed(client):
    make_article(title="Dated talks", published_on=dt.date(2022, 4, 26))
    entry = feed_entries(client)["Dated talks"]
    assert entry.findtext("atom:published", namespaces=ATOM) == "2022-04-26T00:00:00+00:00"


def test_feed_query_count_does_not_grow_with_articles(client, django_assert_num_queries):
    source = make_source(name="Trend")
    for _ in range(3):
        make_article(source=source)
    client.get("/feed/")  # the facet-free listing's caches fill on the first request
    # The rows, their count, their tags and their bodies.
    with django_assert_num_queries(4):
        client.get("/feed/")
    for _ in range(20):
        make_article(source=source)
    with django_assert_num_queries(4):
        client.get("/feed/")


@pytest.fixture
def followed():
    trend, apa = make_source(name="Trend", slug="trend"), make_source(name="APA", slug="apa")
    baku = make_tag(name="Baku", slug="baku")
    make_article(
        title="Helicopter deal", source=trend, tags=[baku], published_on=dt.date(2019, 5, 1)
    )
    make_article(title="Gas talks", source=trend, published_on=dt.date(2020, 5, 1))
    make_article(title="Helicopter tour", source=apa, published_on=dt.date(2019, 6, 1))


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"source": "trend"}, ["Gas talks", "Helicopter deal"]),
        ({"tag": "baku"}, ["Helicopter deal"]),
        ({"exclude_tag": "baku"}, ["Gas talks", "Helicopter tour"]),
        ({"q": "helicopter", "sort": "oldest"}, ["Helicopter deal", "Helicopter tour"]),
        (
            {"date_after": "2019-01-01", "date_before": "2019-12-31"},
            ["Helicopter tour", "Helicopter deal"],
        ),
    ],
)
def test_feed_holds_the_list_pages_articles_in_its_order_when_filtered(
    client, followed, params, titles
):
    page = client.get("/articles/", params).context["listing"]
    assert [row.title for row in page.rows] == titles
    assert list(feed_entries(client, params)) == titles


def test_feed_title_says_what_it_follows_when_filtered(client, followed):
    params = {
        "source": "trend",
        "date_after": "2019-01-01",
        "date_before": "2019-12-31",
        "q": "helicopter",
    }
    parsed = feedparser.parse(client.get("/feed/", params).content)
    assert parsed.feed.title.endswith("Trend, 2019, search: helicopter")


@pytest.mark.parametrize("path", ["/feed/", "/feed/rss/"])
def test_feed_parses_without_errors_when_read_by_a_feed_reader(client, followed, path):
    response = client.get(path, {"source": "trend"}, HTTP_HOST="localhost:8000")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.link for entry in parsed.entries] == [
        f"http://localhost:8000/articles/{slug}/"
        for slug in Article.objects.filter(source__slug="trend")
        .newest_first()
        .values_list("slug", flat=True)
    ]
    assert "source=trend" in parsed.feed.link


def test_undated_entry_has_no_published_date_when_parsed(client):
    make_article(title="Undated talks", published_on=None)
    entry = feedparser.parse(client.get("/feed/").content).entries[0]
    assert "published" not in entry and entry.updated


def test_bad_parameters_are_a_400_with_the_message_when_asked(client):
    response = client.get("/feed/", {"date_after": "2019-13-45"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "date" in response.content.decode().lower()


@pytest.mark.parametrize("text", ["gas\x0btalks", "\x1f"])
def test_control_characters_are_left_out_when_a_search_or_article_holds_them(client, text):
    make_article(title=f"Talks {text}", body=f"Body {text} here")
    response = client.get("/feed/", {"q": text})
    assert response.status_code == HTTPStatus.OK
    assert not feedparser.parse(response.content).bozo
    assert not feedparser.parse(client.get("/feed/").content).bozo


def test_a_null_character_is_a_400_when_searched(client):
    assert client.get("/feed/", {"q": "gas\x00"}).status_code == HTTPStatus.BAD_REQUEST


def test_feed_links_leave_out_the_page_and_cursor_when_paged(client, followed):
    params = {"source": "trend", "page": "2", "cursor": "next.-.5"}
    parsed = feedparser.parse(client.get("/feed/", params).content)
    assert parsed.feed.link == "http://testserver/articles/?source=trend"
