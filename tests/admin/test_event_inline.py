"""The events inline on an article's change form: a curator's correction makes
the article's events curated, which re-imports then keep."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.urls import reverse

from articles.models import Event
from tests.admin.conftest import form_data
from tests.conftest import make_article


@pytest.fixture
def article(db):
    article = make_article(title="Commission meets in Baku")
    Event.objects.create(
        article=article,
        kind=Event.Kind.COMMISSION,
        happened_on=dt.date(2019, 3, 14),
        precision="day",
        sentence="The commission met on 14 March 2019.",
    )
    return article


def post_change(client, article, **changes):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url).content.decode())
    data.update(changes, _save="Save")
    return client.post(url, data)


def test_events_are_marked_curated_when_a_curator_corrects_a_date(curator_client, article):
    response = post_change(curator_client, article, **{"events-0-happened_on": "15/03/2019"})

    assert response.status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.curated_fields == ["events"]
    assert list(article.events.values_list("happened_on", flat=True)) == [dt.date(2019, 3, 15)]


def test_events_stay_the_importers_when_the_form_is_saved_unchanged(curator_client, article):
    post_change(curator_client, article)

    article.refresh_from_db()
    assert article.curated_fields == []
