"""Sources in the admin: article counts, the site address, merging."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from articles.models import Article, Source, SourceAlias
from tests.conftest import make_article, make_source

CHANGELIST = reverse("admin:articles_source_changelist")


@pytest.fixture
def two_names(db):
    trend = make_source(name="Trend", slug="trend", site_url="https://en.trend.az/")
    agency = make_source(name="Trend News Agency", slug="trend-news-agency")
    make_article(source=trend)
    make_article(source=agency)
    make_article(source=agency)
    return trend, agency


def merge(client, sources, **extra):
    data = {"action": "merge_selected", "_selected_action": [s.pk for s in sources], **extra}
    return client.post(CHANGELIST, data)


def test_merge_confirmation_says_how_many_articles_move(curator_client, two_names):
    html = merge(curator_client, two_names).content.decode()

    assert "Trend: has 1 article; keeping it moves 2 more articles to it" in html


def test_merge_moves_the_articles_to_the_survivor_when_confirmed(curator_client, two_names):
    trend, agency = two_names

    response = merge(curator_client, two_names, post="yes", survivor=trend.pk)

    assert response.status_code == HTTPStatus.FOUND
    assert list(Source.objects.all()) == [trend]
    assert Article.objects.filter(source=trend).count() == 3


def test_moved_articles_have_their_source_marked_curated(curator_client, two_names):
    trend, agency = two_names
    moved = list(agency.articles.values_list("pk", flat=True))

    merge(curator_client, two_names, post="yes", survivor=trend.pk)

    curated = Article.objects.filter(pk__in=moved).values_list("curated_fields", flat=True)
    assert list(curated) == [["source"], ["source"]]


def test_merge_redirects_the_old_source_url(curator_client, two_names):
    trend, agency = two_names
    old_url = agency.get_absolute_url()

    merge(curator_client, two_names, post="yes", survivor=trend.pk)

    assert Redirect.objects.get(old_path=old_url).new_path == trend.get_absolute_url()


def test_site_address_is_saved_from_the_change_list(curator_client, two_names):
    trend, agency = two_names
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": str(trend.pk),
        "form-0-site_url": "https://en.trend.az/",
        "form-1-id": str(agency.pk),
        "form-1-site_url": "https://trend.az/",
        "_save": "Save",
    }

    response = curator_client.post(CHANGELIST, data)

    assert response.status_code == HTTPStatus.FOUND
    agency.refresh_from_db()
    assert agency.site_url == "https://trend.az/"


def test_change_list_shows_article_counts(curator_client, two_names):
    response = curator_client.get(CHANGELIST)

    counts = {source.name: source.article_count for source in response.context["cl"].result_list}
    assert counts == {"Trend": 1, "Trend News Agency": 2}


def test_merged_away_name_is_kept_as_an_alias_of_the_survivor(curator_client, two_names):
    trend, agency = two_names

    merge(curator_client, two_names, post="yes", survivor=trend.pk)

    assert SourceAlias.objects.get(name="Trend News Agency").source == trend


def test_old_name_is_kept_as_an_alias_when_a_source_is_renamed(curator_client, two_names):
    trend, _ = two_names
    url = reverse("admin:articles_source_change", args=[trend.pk])

    curator_client.post(url, {"name": "Trend.az", "slug": "trend", "site_url": ""})

    assert SourceAlias.objects.get(name="Trend").source == trend
