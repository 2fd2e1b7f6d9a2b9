"""The stories' models: what a story says of itself, and a source's country."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from articles.models import Source, Story
from tests.conftest import make_source

pytestmark = pytest.mark.django_db


def test_a_story_links_its_page_by_its_number():
    story = Story.objects.create(title="Gas transit agreed")

    assert story.get_absolute_url() == f"/stories/{story.pk}/"


def test_a_story_is_named_by_its_earliest_title_or_else_its_number():
    titled, untitled = Story.objects.create(title="Gas transit agreed"), Story.objects.create()

    assert (str(titled), str(untitled)) == ("Gas transit agreed", f"Story {untitled.pk}")


def test_stories_list_newest_first_and_undated_last():
    old = Story.objects.create(first_published=dt.date(2019, 1, 1))
    undated = Story.objects.create()
    new = Story.objects.create(first_published=dt.date(2024, 1, 1))

    assert list(Story.objects.all()) == [new, old, undated]


def test_a_country_that_is_no_two_letter_code_is_refused_when_a_curator_sets_it():
    source = Source(name="Trend", slug="trend", country="az")

    with pytest.raises(ValidationError) as refused:
        source.full_clean()

    assert "country" in refused.value.message_dict


@pytest.mark.parametrize("country", ["az", "AZE", "A"])
def test_the_database_refuses_a_country_that_is_no_two_capital_letters(country):
    # PostgreSQL refuses a third letter by the column's length (DataError), SQLite by the check.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        make_source(country=country)


def test_the_database_takes_a_two_letter_country_or_none():
    assert [
        make_source(name=n, slug=n, country=c).country for n, c in [("a", "RU"), ("b", "")]
    ] == [
        "RU",
        "",
    ]
