"""/api/articles/ and the HTML list give the same articles in the same order
for the same parameters, page after page to the end: cursors while
browsing, page numbers while searching."""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlsplit

import pytest

from tests.api.conftest import SMALL_PAGE
from tests.list_pages import html_slugs

pytestmark = pytest.mark.usefixtures("archive", "small_pages")

QUERIES = [
    "",
    "sort=oldest",
    "sort=newest",
    "source=trend",
    "source=trend&source=report",
    "tag=baku",
    "tag=baku&tag=gas",
    "exclude_tag=gas",
    "tag=baku&exclude_tag=gas&exclude_tag=moscow",
    "date_after=2019-03-01",
    "date_before=2019-06-30&sort=oldest",
    "date_after=2019-01-01&date_before=2019-12-31",
    "undated=true",
    "undated=false&sort=oldest",
    "language=ru",
    "agreement=road-map",
    "source=trend&tag=gas&sort=oldest",
    "q=gas",
    "q=gas&sort=newest",
    "q=gas&sort=oldest",
    'q="oil deal"',
    "q=gas -oil",
    "q=gas OR Moscow",
    "q=gas&source=report",
    "q=gas&tag=gas&exclude_tag=baku",
    "q=gas&date_after=2019-01-01",
    "q=nothingmatchesthis",
    "q=-gas",
]


def api_slugs(client, query: str) -> list[str]:
    """Every article the API lists, following its `next` links to the end."""
    slugs, address = [], f"/api/articles/?{query}"
    while address:
        response = client.get(address)
        assert response.status_code == HTTPStatus.OK, response.content
        data = response.json()
        assert len(data["results"]) <= SMALL_PAGE
        slugs += [item["slug"] for item in data["results"]]
        address = _local(data["next"]) if data["next"] else None
    return slugs


def _local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.mark.parametrize("query", QUERIES)
def test_api_lists_the_html_lists_articles_in_order_when_walked_to_the_end(client, query):
    assert api_slugs(client, query) == html_slugs(client, query)


@pytest.mark.parametrize("query", ["", "sort=oldest", "q=gas", "tag=gas"])
def test_previous_links_retrace_the_pages_when_followed_back(client, query):
    forward, address = [], f"/api/articles/?{query}"
    while address:
        data = client.get(address).json()
        forward.append([item["slug"] for item in data["results"]])
        last, address = data, _local(data["next"]) if data["next"] else None
    backward = [[item["slug"] for item in last["results"]]]
    while last["previous"]:
        last = client.get(_local(last["previous"])).json()
        backward.append([item["slug"] for item in last["results"]])
    assert backward[::-1] == forward and len(forward) > 1


def test_parity_covers_walks_of_several_pages_when_the_archive_is_larger_than_a_page(client):
    # Guards the parity tests against passing on empty or one-page results.
    assert len(html_slugs(client, "")) == 14
    assert len(api_slugs(client, "q=gas")) > SMALL_PAGE


def test_search_pages_turn_by_number_and_browsing_by_cursor_when_linked(client):
    searching = client.get("/api/articles/", {"q": "gas"}).json()
    browsing = client.get("/api/articles/").json()
    assert "page=2" in searching["next"] and "cursor" not in searching["next"]
    assert "cursor=next." in browsing["next"] and "page=" not in browsing["next"]
