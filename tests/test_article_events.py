"""The events an article reports, on its page and in /api/articles/<slug>/:
each dated at its precision, planned ones and read dates said so, and loaded
in one query however many there are."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest

from articles.models import DatePrecision, Event
from tests.api.test_articles import DETAIL_QUERIES as API_DETAIL_QUERIES
from tests.conftest import make_article, make_tag
from tests.test_views import DETAIL_QUERIES as PAGE_DETAIL_QUERIES

pytestmark = pytest.mark.django_db

READ_YEAR = "year read from the article's date (2019-11-25)"


def make_event(article, **overrides) -> Event:
    fields = {
        "kind": Event.Kind.COMMISSION,
        "happened_on": dt.date(2019, 3, 1),
        "precision": DatePrecision.MONTH,
        "sentence": "The commission met in Baku in March.",
    }
    return Event.objects.create(article=article, **(fields | overrides))


def events_section(html: str) -> str:
    start = html.index('<section class="article__events"')
    return html[start : html.index("</section>", start)]


def test_page_lists_each_event_at_its_precision_with_a_timeline_link(client):
    article = make_article()
    make_event(article)
    make_event(
        article,
        kind=Event.Kind.VISIT,
        happened_on=dt.date(2020, 5, 14),
        precision=DatePrecision.DAY,
        is_planned=True,
        date_note=READ_YEAR,
    )
    section = events_section(client.get(article.get_absolute_url()).content.decode())
    assert "Events reported" in section
    assert "meeting of the Intergovernmental Commission" in section and "visit" in section
    assert '<time datetime="2019-03-01">March 2019</time>' in section
    assert '<time datetime="2020-05-14">14 May 2020</time>' in section
    assert section.count(">planned<") == 1
    # The stored note is the importer's English: the page says it in the reader's language.
    assert "(dated from the article’s own date)" in section and "read from" not in section
    assert 'href="/timeline/?year=2019"' in section and 'href="/timeline/?year=2020"' in section


def test_page_has_no_events_section_when_the_article_reports_none(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "article__events" not in html and "Events reported" not in html


def test_api_detail_lists_events_dated_at_their_precision(client):
    article = make_article()
    make_event(article, happened_on=dt.date(2018, 1, 1), precision=DatePrecision.YEAR)
    make_event(
        article, kind=Event.Kind.PHONE_CALL, happened_on=dt.date(2019, 3, 1), is_planned=True
    )
    events = client.get(f"/api/articles/{article.slug}/").json()["events"]
    assert events == [
        {
            "kind": "commission",
            "date": "2018",
            "precision": "year",
            "is_planned": False,
            "sentence": "The commission met in Baku in March.",
        },
        {
            "kind": "phone_call",
            "date": "2019-03",
            "precision": "month",
            "is_planned": True,
            "sentence": "The commission met in Baku in March.",
        },
    ]


def test_api_detail_has_an_empty_event_list_when_there_are_none(client):
    article = make_article()
    assert client.get(f"/api/articles/{article.slug}/").json()["events"] == []


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize(
    ("path", "expected"),
    [("/articles/{slug}/", PAGE_DETAIL_QUERIES), ("/api/articles/{slug}/", API_DETAIL_QUERIES)],
)
def test_detail_query_count_is_fixed_when_events_grow(
    client, django_assert_num_queries, size, path, expected
):
    # Tagged, as the pinned counts are: a tagged article also looks up similar ones.
    article = make_article(tags=[make_tag(slug="baku", name="Baku")])
    kinds = list(Event.Kind)
    for n in range(size):
        make_event(article, kind=kinds[n % len(kinds)], happened_on=dt.date(2010 + n, 1, 1))
    with django_assert_num_queries(expected):
        assert client.get(path.format(slug=article.slug)).status_code == HTTPStatus.OK


def test_schema_describes_each_field_the_api_gives_an_event(client):
    article = make_article()
    make_event(article)
    given = client.get(f"/api/articles/{article.slug}/").json()["events"][0]
    schemas = client.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    described = schemas["ArticleDetail"]["properties"]["events"]["items"]["$ref"].split("/")[-1]
    assert set(schemas[described]["properties"]) == set(given)
    assert set(schemas[described]["required"]) == set(given)
    assert set(schemas["EventKindEnum"]["enum"]) == {kind.value for kind in Event.Kind}
