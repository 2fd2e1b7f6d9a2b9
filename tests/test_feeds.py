"""The Atom feed lists the newest articles as plain text, links to the host it
was asked on, dates only what is known, and never grows its query count."""

import datetime as dt
from http import HTTPStatus
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from articles.models import DatePrecision
from tests.conftest import make_article, make_source

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def feed_entries(client, **headers) -> dict[str, ElementTree.Element]:
    """The feed's entries by title."""
    root = ElementTree.fromstring(client.get("/feed/", **headers).content)
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


def test_future_dated_article_is_left_out_when_dated_past_today(client):
    today = timezone.now().date()
    make_article(title="Today's talks", published_on=today)
    make_article(title="Talks of 2099", published_on=dt.date(2099, 1, 1))
    assert list(feed_entries(client)) == ["Today's talks"]


def test_feed_query_count_does_not_grow_with_articles(client, django_assert_num_queries):
    source = make_source(name="Trend")
    for _ in range(3):
        make_article(source=source)
    client.get("/feed/")  # the Site lookup happens once per process
    with django_assert_num_queries(1):
        client.get("/feed/")
    for _ in range(20):
        make_article(source=source)
    with django_assert_num_queries(1):
        client.get("/feed/")
