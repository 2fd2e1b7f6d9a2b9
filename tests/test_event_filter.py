"""event_after / event_before: the articles reporting an event in a date range,
whatever their own publication date, on the page, in the API and its schema."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.http import QueryDict

from articles.listing import ArticleListing
from articles.models import Event
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def titles(query: str) -> list[str]:
    listing = ArticleListing(QueryDict(query))
    assert listing.is_valid, listing.errors
    return [row.title for row in listing.page.rows]


def reporting(title: str, published_on: dt.date, *days: dt.date) -> None:
    article = make_article(title=title, published_on=published_on)
    for day in days:
        Event.objects.create(
            article=article, kind=Event.Kind.VISIT, happened_on=day, precision="day"
        )


@pytest.fixture
def archive():
    # A 2024 article recalling the 2008 visit, and one about 2019 and 2022.
    reporting("Recalled", dt.date(2024, 5, 1), dt.date(2008, 7, 3))
    reporting("Both", dt.date(2022, 3, 1), dt.date(2019, 3, 14), dt.date(2022, 2, 22))
    reporting("Nothing", dt.date(2008, 7, 4))


def test_event_after_keeps_articles_reporting_a_later_event(archive):
    assert titles("event_after=2020-01-01") == ["Both"]


def test_event_before_keeps_articles_reporting_an_earlier_event_whenever_published(archive):
    assert titles("event_before=2010-12-31") == ["Recalled"]


def test_event_dates_need_one_event_between_them_when_both_are_given(archive):
    # "Both" has an event after 2019-06 and one before 2020-06, but none between.
    assert titles("event_after=2019-06-01&event_before=2020-06-01") == []
    assert titles("event_after=2019-01-01&event_before=2019-12-31") == ["Both"]


def test_event_dates_combine_with_publication_dates(archive):
    assert titles("event_before=2020-01-01&date_after=2023-01-01") == ["Recalled"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("event_after=2019-13-45", "event_after", "Enter a valid date."),
        (
            "event_after=2020-01-01&event_before=2019-01-01",
            "event_before",
            "The end date is before the start date.",
        ),
    ],
)
def test_bad_event_dates_are_a_message_and_a_400(client, archive, query, field, message):
    response = client.get(f"/articles/?{query}")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    api = client.get(f"/api/articles/?{query}")
    assert api.status_code == HTTPStatus.BAD_REQUEST
    assert api.json()["errors"][field] == [message]


def test_list_form_shows_the_event_dates_when_given(client, archive):
    html = client.get("/articles/?event_after=2020-01-01").content.decode()

    assert 'name="event_after" value="2020-01-01"' in html
    assert 'name="event_before"' in html


def test_api_lists_and_describes_the_event_dates(client, archive):
    response = client.get("/api/articles/?event_before=2010-12-31")
    assert [row["title"] for row in response.json()["results"]] == ["Recalled"]

    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/articles/"]["get"]["parameters"]}
    assert parameters["event_after"]["schema"] == {"type": "string", "format": "date"}
    assert "event" in parameters["event_before"]["description"]
