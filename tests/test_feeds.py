"""The Atom feed lists the newest articles, escaped, and never grows its query count."""

import datetime as dt
from http import HTTPStatus

import pytest

from tests.conftest import make_article, make_source

pytestmark = pytest.mark.django_db


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
