"""/timeline/ and /api/timeline/: approved documents by their date of signing and
the events the articles report by their own dates, year by year from 1991,
narrowed by kind, person, document, year or decade; bad parameters a message."""

from __future__ import annotations

import datetime as dt
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from articles import timeline
from articles.models import Agreement, Event, Mention, Story
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db

TIMELINE = reverse("articles:timeline")
API = "/api/timeline/"


def report(kind: str, happened_on: dt.date, precision: str = "day", **article) -> Event:
    sentence = article.pop("sentence", f"A {kind} on {happened_on.isoformat()}.")
    is_planned = article.pop("is_planned", False)
    return Event.objects.create(
        article=make_article(**article),
        kind=kind,
        happened_on=happened_on,
        precision=precision,
        sentence=sentence,
        is_planned=is_planned,
    )


@pytest.fixture
def archive():
    putin = make_tag(name="Vladimir Putin", slug="vladimir-putin", kind="person")
    declaration = make_agreement(
        name="Declaration on Allied Interaction",
        slug="declaration",
        kind=Agreement.Kind.DECLARATION,
        status=Agreement.Status.APPROVED,
        signed_on=dt.date(2022, 2, 22),
        signed_place="Moscow",
    )
    make_agreement(name="Suggested memorandum", signed_on=dt.date(2020, 1, 1))
    make_agreement(name="Rejected memorandum", status="rejected", signed_on=dt.date(2020, 1, 1))
    make_agreement(
        name="Trilateral statement",
        status=Agreement.Status.APPROVED,
        is_bilateral=False,
        signed_on=dt.date(2020, 11, 10),
    )
    make_agreement(
        name="Soviet protocol", status=Agreement.Status.APPROVED, signed_on=dt.date(1988, 5, 5)
    )
    trend = make_source(name="Trend")
    report(
        "commission",
        dt.date(2019, 3, 14),
        title="Commission meets in Baku",
        source=trend,
        published_on=dt.date(2019, 3, 15),
        sentence="The commission met in Baku on 14 March 2019.",
    )
    report(
        "commission",
        dt.date(2019, 3, 14),
        title="Комиссия собралась в Баку",
        language="ru",
        published_on=dt.date(2019, 3, 14),
    )
    report("visit", dt.date(2008, 1, 1), "year", title="A visit recalled", tags=[putin])
    report(
        "visit",
        dt.date(2024, 6, 1),
        "month",
        title="Putin to visit Baku",
        is_planned=True,
        agreements=[declaration],
    )


def entries(html: str) -> list[str]:
    """Each entry's year heading, date and what it is, in page order."""
    found = []
    for year, body in re.findall(r'<h2 id="year-(\d+)">.*?</h2>(.*?)</section>', html, re.S):
        for when, label in re.findall(
            r'<time datetime="([^"]+)">[^<]*</time> <span class="badge">([^<]+)</span>', body
        ):
            found.append(f"{year} {when} {label}")
    return found


def test_timeline_shows_approved_documents_and_events_by_year_when_opened(client, archive):
    response = client.get(TIMELINE)

    assert response.status_code == HTTPStatus.OK
    assert entries(response.content.decode()) == [
        "2008 2008-01-01 visit",
        "2019 2019-03-14 meeting of the Intergovernmental Commission",
        "2022 2022-02-22 declaration",
        "2024 2024-06-01 visit",
    ]


def test_timeline_leaves_out_unapproved_third_country_and_pre_1991_documents(client, archive):
    html = client.get(TIMELINE).content.decode()

    for name in ("Suggested", "Rejected", "Trilateral", "Soviet"):
        assert name not in html


def test_an_event_lists_every_article_reporting_it_when_several_do(client, archive):
    html = client.get(TIMELINE, {"year": 2019}).content.decode()

    assert "Commission meets in Baku" in html and "Комиссия собралась в Баку" in html
    assert html.count('class="timeline-entry ') == 1
    # The sentence of the first report, the Russian one of 14 March, not the next day's.
    assert "A commission on 2019-03-14." in html
    assert "The commission met in Baku on 14 March 2019." not in html


def test_dates_show_only_as_precisely_as_known(client, archive):
    html = client.get(TIMELINE).content.decode()

    assert '<time datetime="2008-01-01">2008</time>' in html
    assert '<time datetime="2024-06-01">June 2024</time>' in html
    assert '<time datetime="2022-02-22">22 February 2022</time>' in html


def test_a_year_comes_in_order_of_months_a_months_entry_before_its_days(client, db):
    report("visit", dt.date(2024, 8, 1), "month")
    report("talks", dt.date(2024, 4, 15))
    report("talks", dt.date(2024, 8, 2))
    report("summit", dt.date(2024, 1, 1), "year")

    assert entries(client.get(TIMELINE).content.decode()) == [
        "2024 2024-01-01 summit",
        "2024 2024-04-15 talks",
        "2024 2024-08-01 visit",
        "2024 2024-08-02 talks",
    ]


def test_a_planned_event_is_marked_planned(client, archive):
    html = client.get(TIMELINE, {"year": 2024}).content.decode()

    assert '<span class="badge badge--planned">planned</span>' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "document"}, ["2022 2022-02-22 declaration"]),
        ({"kind": "visit"}, ["2008 2008-01-01 visit", "2024 2024-06-01 visit"]),
        ({"tag": "vladimir-putin"}, ["2008 2008-01-01 visit"]),
        ({"agreement": "declaration"}, ["2022 2022-02-22 declaration", "2024 2024-06-01 visit"]),
        ({"year": 2019}, ["2019 2019-03-14 meeting of the Intergovernmental Commission"]),
        ({"decade": 2020}, ["2022 2022-02-22 declaration", "2024 2024-06-01 visit"]),
    ],
)
def test_timeline_narrows_to_the_chosen_entries(client, archive, params, expected):
    response = client.get(TIMELINE, params)

    assert response.status_code == HTTPStatus.OK
    assert entries(response.content.decode()) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "1800"}, "The timeline starts in 1991."),
        ({"year": "3000"}, "The timeline ends in"),
        ({"year": "soon"}, "A year is four digits, such as 2019."),
        ({"decade": "2015"}, "A decade is its first year, such as 2010."),
        ({"year": "2019", "decade": "2010"}, "Choose a year or a decade, not both."),
        ({"kind": "party"}, "There is no kind of entry “party”."),
        ({"tag": "nobody"}, "There is no tag “nobody”."),
    ],
)
def test_bad_parameters_are_a_message_and_a_400(client, archive, params, message):
    response = client.get(TIMELINE, params)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    api = client.get(API, params)
    assert api.status_code == HTTPStatus.BAD_REQUEST
    assert message in str(api.json()["errors"])


def test_an_event_links_its_articles_story_when_it_has_one(client, archive):
    story = Story.objects.create()
    Event.objects.filter(kind="commission").first().article.__class__.objects.filter(
        title="Commission meets in Baku"
    ).update(story=story)

    html = client.get(TIMELINE, {"year": 2019}).content.decode()

    assert f'href="{story.get_absolute_url()}"' in html


def test_an_event_names_how_many_more_articles_report_it_past_the_first(client, db):
    for n in range(timeline.ARTICLES_PER_EVENT + 2):
        report("summit", dt.date(2022, 10, 14), published_on=dt.date(2022, 10, 14 + n))

    html = client.get(TIMELINE).content.decode()

    assert html.count('href="/articles/article-') == timeline.ARTICLES_PER_EVENT
    assert "and 2 more articles" in html
    assert "event_after=2022-10-14&amp;event_before=2022-10-14" in html


def test_page_says_so_when_it_shows_fewer_entries_than_there_are(client, db, monkeypatch):
    monkeypatch.setattr(timeline, "ENTRIES_SHOWN", 2)
    for year in (2001, 2002, 2003):
        report("talks", dt.date(year, 5, 5))

    html = client.get(TIMELINE).content.decode()

    assert [entry.split()[0] for entry in entries(html)] == ["2001", "2002"]
    assert "There are more entries than one page shows" in html


def test_timeline_costs_the_same_queries_when_it_shows_more_entries(
    client, db, django_assert_num_queries
):
    declaration = make_agreement(status=Agreement.Status.APPROVED, signed_on=dt.date(2010, 1, 1))

    def count_queries(n: int) -> None:
        for i in range(n):
            event = report("talks", dt.date(2000 + i, 1, 2), story=Story.objects.create())
            Mention.objects.create(article=event.article, agreement=declaration)
        # The people and documents the form offers come from the shared cache once filled.
        client.get(TIMELINE)
        with django_assert_num_queries(QUERIES):
            client.get(TIMELINE)

    count_queries(1)
    count_queries(12)


# The documents, the event groups and their first reports.
QUERIES = 3


def test_api_gives_the_pages_entries(client, archive):
    response = client.get(API, {"decade": 2020})

    assert response.status_code == HTTPStatus.OK
    years = response.json()["years"]
    assert [year["year"] for year in years] == [2022, 2024]
    document, visit = years[0]["entries"][0], years[1]["entries"][0]
    assert document | {"url": None} == {
        "type": "document",
        "kind": "declaration",
        "date": "2022-02-22",
        "name": "Declaration on Allied Interaction",
        "slug": "declaration",
        "place": "Moscow",
        "article_count": 1,
        "url": None,
    }
    assert document["url"].endswith("/agreements/declaration/")
    assert (visit["type"], visit["kind"], visit["date"], visit["is_planned"]) == (
        "event",
        "visit",
        "2024-06",
        True,
    )
    assert [article["title"] for article in visit["articles"]] == ["Putin to visit Baku"]
