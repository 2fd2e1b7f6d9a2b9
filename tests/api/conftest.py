"""A small archive for the API tests: two sources and none, three tags, two
languages, dates at every precision and none, words to search for, and
days shared by several articles, so cursors must break ties by id."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.models import DatePrecision
from tests.conftest import make_agreement, make_article, make_source, make_tag

# (title, body, day or None, precision, source, tags, language)
ROWS = [
    ("Gas talks in Baku", "Gas and oil were discussed.", (2019, 3, 4), "day", "trend", "bg", "en"),
    ("Oil deal signed", "The oil deal covers gas too.", (2019, 3, 4), "day", "report", "g", "en"),
    ("Pipeline plans", "A gas pipeline to the north.", (2019, 3, 4), "day", "trend", "", "en"),
    ("Moscow visit", "The president went to Moscow.", (2019, 6, 1), "month", None, "m", "en"),
    ("Газ и нефть", "Переговоры о газе в Баку.", (2019, 7, 9), "day", "report", "bg", "ru"),
    ("Forum opens", "The forum on trade opened.", (2018, 1, 1), "year", "trend", "b", "en"),
    ("Trade grows", "Trade grew, gas exports fell.", (2020, 2, 2), "day", "trend", "bm", "en"),
    ("Rail corridor", "North-South corridor by rail.", (2020, 2, 2), "day", None, "", "en"),
    ("Gas prices", "Gas prices and the oil deal.", (2018, 11, 5), "day", "report", "g", "en"),
    ("Undated gas note", "A note on gas, undated.", None, "unknown", "trend", "g", "en"),
    ("Undated visit", "A visit to Baku.", None, "unknown", None, "b", "en"),
    ("Undated forum", "Forum in Moscow on gas.", None, "unknown", "report", "m", "en"),
    ("Energy week", "Energy week: gas, oil, power.", (2019, 12, 31), "day", "trend", "", "en"),
    ("Новый форум", "Форум в Москве.", (2019, 1, 1), "year", None, "m", "ru"),
]
TAG_LETTERS = {"b": "baku", "g": "gas", "m": "moscow"}
# These many rows a page shows in these tests, so a dozen articles take several pages.
SMALL_PAGE = 4


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr("articles.listing.PER_PAGE", SMALL_PAGE)


@pytest.fixture
def archive(db):
    """The archive of ROWS; the first two articles mention the road map."""
    sources = {slug: make_source(name=slug.title(), slug=slug) for slug in ("trend", "report")}
    tags = {letter: make_tag(name=slug.title(), slug=slug) for letter, slug in TAG_LETTERS.items()}
    road_map = make_agreement(name="Road map", slug="road-map")
    for n, (title, body, day, precision, source, letters, language) in enumerate(ROWS):
        make_article(
            title=title,
            body=body,
            published_on=dt.date(*day) if day else None,
            date_precision=DatePrecision(precision),
            source=sources.get(source),
            tags=[tags[letter] for letter in letters],
            agreements=[road_map] if n < 2 else [],
            language=language,
        )
