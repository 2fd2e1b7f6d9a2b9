"""The admin's list filters and search boxes under values no link makes: a
curator (or anyone replaying a URL) gets the list with a message, never a 500.

Each change list's filters come from its admin (articles/admin/*.py); the
values are what fuzzing found: years Django cannot build a date from, dates
at the end of the calendar, and NUL characters, which PostgreSQL refuses in
any text it is given.
"""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.conftest import make_agreement, make_article, make_source, make_tag

NUL = "\x00"
# Every list filter and the search box of each change list, by its parameter.
FILTER_PARAMETERS = {
    "article": [
        "source__id__exact",
        "year",
        "language",
        "date_precision__exact",
        "has_agreements",
        "curated",
        "published_on__year",
        "q",
    ],
    "agreement": ["status", "kind__exact", "q"],
    "tag": ["kind__exact", "q"],
    "source": ["q"],
}


@pytest.fixture
def archive(db):
    tag, source = make_tag(name="Baku"), make_source(name="Trend")
    make_article(source=source, tags=[tag], agreements=[make_agreement()])


def changelist(curator_client, model: str, params: dict):
    return curator_client.get(reverse(f"admin:articles_{model}_changelist"), params)


@pytest.mark.parametrize("year", ["0", "10000", "²", "9" * 20, "-1", "2O20", "1990"])
def test_year_filter_is_ignored_with_a_message_when_it_names_no_listed_year(
    curator_client, archive, year
):
    response = changelist(curator_client, "article", {"year": year})
    assert response.status_code == HTTPStatus.OK
    assert "is not a choice of the filter" in response.content.decode()
    assert len(response.context["cl"].result_list) == 1


def test_year_filter_keeps_that_years_articles_when_it_names_a_listed_year(curator_client, archive):
    # Dated here: make_article's default date moves on with every article the
    # session made, so the archive fixture's year depends on the tests before.
    make_article(title="In 2020", published_on=dt.date(2020, 6, 1))
    make_article(title="Undated", published_on=None)
    response = changelist(curator_client, "article", {"year": "2020"})
    titles = [article.title for article in response.context["cl"].result_list]
    assert "In 2020" in titles
    assert "Undated" not in titles


@pytest.mark.parametrize(
    "params",
    [
        {"published_on__year": "9" * 20},
        {"published_on__year": "9999"},
        {"published_on__year": "9999", "published_on__month": "12"},
        {"published_on__year": "2020", "published_on__month": "13"},
        {"published_on__year": "2020", "published_on__month": "2", "published_on__day": "30"},
        {"published_on__year": "²"},
        {"published_on__month": "99999999999999999999"},
    ],
)
def test_date_hierarchy_is_ignored_with_a_message_when_it_names_no_day(
    curator_client, archive, params
):
    response = changelist(curator_client, "article", params)
    assert response.status_code == HTTPStatus.OK
    assert "is not a date to browse by" in response.content.decode()


def test_date_hierarchy_browses_a_year_when_it_names_one(curator_client, archive):
    response = changelist(curator_client, "article", {"published_on__year": "2020"})
    assert response.status_code == HTTPStatus.OK
    assert "is not a date to browse by" not in response.content.decode()


@pytest.mark.parametrize(
    ("model", "parameter"),
    [(model, parameter) for model, names in FILTER_PARAMETERS.items() for parameter in names],
)
def test_list_answers_without_error_when_a_filter_holds_a_nul(
    curator_client, archive, model, parameter
):
    response = changelist(curator_client, model, {parameter: f"en{NUL}x"})
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)


@pytest.mark.parametrize("model", ["tag", "source", "agreement"])
def test_autocomplete_answers_when_the_term_holds_a_nul(curator_client, archive, model):
    field = {"tag": ("article", "tags"), "source": ("article", "source")}.get(
        model, ("mention", "agreement")
    )
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": field[0], "field_name": field[1], "term": NUL},
    )
    assert response.status_code == HTTPStatus.OK


def test_search_finds_the_row_when_the_term_holds_a_nul(curator_client, archive):
    response = changelist(curator_client, "tag", {"q": f"Ba{NUL}ku"})
    assert [tag.name for tag in response.context["cl"].result_list] == ["Baku"]


@pytest.mark.parametrize("params", [{"source__isnull": "1"}, {"language": "en"}, {}])
def test_search_answers_with_facet_counts_when_a_filter_is_chosen(curator_client, params):
    make_article(title="Baku talks", body="Talks in Baku.", source=None)
    make_article(title="Moscow talks", body="Talks in Moscow.", source=make_source())
    response = changelist(curator_client, "article", {"q": "talks", "_facets": "1", **params})
    assert response.status_code == HTTPStatus.OK
    assert "Baku talks" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"source__id__exact": "abc"},
        {"source__id__exact": "1e5"},
        {"p": "99999999999999999999"},
        {"published_on__month": "99999999999999999999"},
    ],
)
def test_list_shows_every_row_with_a_message_when_filters_cannot_apply(
    curator_client, archive, params
):
    response = changelist(curator_client, "article", params)
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["cl"].result_list) == 1
