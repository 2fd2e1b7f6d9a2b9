"""Tags in the admin: article counts, the merge action with its confirmation
page, and the permissions merging needs."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.admin.models import DELETION
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from articles.models import Tag, TagAlias
from tests.admin.conftest import history
from tests.conftest import make_article, make_tag

CHANGELIST = reverse("admin:articles_tag_changelist")


@pytest.fixture
def duplicates(db):
    """Two tags that mean the same thing, on three articles (one carries both)."""
    energy = make_tag(name="energy", slug="energy")
    power = make_tag(name="power", slug="power")
    make_article(tags=[energy])
    make_article(tags=[power])
    make_article(tags=[energy, power])
    return energy, power


def merge(client, tags, **extra):
    data = {"action": "merge_selected", "_selected_action": [t.pk for t in tags], **extra}
    return client.post(CHANGELIST, data)


def test_change_list_shows_article_counts(curator_client, duplicates):
    response = curator_client.get(CHANGELIST)

    counts = {tag.name: tag.article_count for tag in response.context["cl"].result_list}
    assert counts == {"energy": 2, "power": 2}


def test_merge_confirmation_says_how_many_articles_move(curator_client, duplicates):
    response = merge(curator_client, duplicates)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "energy (topic): has 2 articles; keeping it moves 1 more article to it" in html
    assert "power (topic): has 2 articles; keeping it moves 1 more article to it" in html


def test_merge_gives_the_survivor_every_article_when_confirmed(curator_client, duplicates):
    energy, power = duplicates

    response = merge(curator_client, duplicates, post="yes", survivor=energy.pk)

    assert response.status_code == HTTPStatus.FOUND
    assert list(Tag.objects.all()) == [energy]
    assert energy.articles.count() == 3


def test_merge_redirects_the_old_tag_url_when_confirmed(curator_client, duplicates):
    energy, power = duplicates
    old_url = power.get_absolute_url()

    merge(curator_client, duplicates, post="yes", survivor=energy.pk)

    assert Redirect.objects.get(old_path=old_url).new_path == energy.get_absolute_url()


def test_merge_is_in_the_history_of_each_tag_when_confirmed(curator_client, duplicates):
    energy, power = duplicates

    merge(curator_client, duplicates, post="yes", survivor=energy.pk)

    assert [entry.action_flag for entry in history(power)] == [DELETION]
    assert "power" in history(energy)[0].change_message


def test_merge_asks_again_when_no_survivor_is_chosen(curator_client, duplicates):
    response = merge(curator_client, duplicates, post="yes")

    assert response.status_code == HTTPStatus.OK
    assert Tag.objects.count() == 2


def test_merge_is_refused_when_one_tag_is_selected(curator_client, duplicates):
    response = merge(curator_client, duplicates[:1], post="yes", survivor=duplicates[0].pk)

    assert response.status_code == HTTPStatus.FOUND
    assert Tag.objects.count() == 2


def test_merge_is_refused_when_the_user_cannot_delete_tags(client, duplicates):
    user = get_user_model().objects.create_user("helper", password="pw-helper-1", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_tag", "change_tag"]))
    client.force_login(user)

    merge(client, duplicates, post="yes", survivor=duplicates[0].pk)

    assert Tag.objects.count() == 2


def test_tag_rename_and_kind_change_are_saved(curator_client, duplicates):
    energy, _ = duplicates
    url = reverse("admin:articles_tag_change", args=[energy.pk])

    response = curator_client.post(url, {"name": "Energy", "kind": "event", "slug": "energy"})

    assert response.status_code == HTTPStatus.FOUND
    energy.refresh_from_db()
    assert (energy.name, energy.kind) == ("Energy", "event")


def test_changed_slug_redirects_the_old_url(curator_client, duplicates):
    energy, _ = duplicates
    old_url = energy.get_absolute_url()
    url = reverse("admin:articles_tag_change", args=[energy.pk])

    curator_client.post(url, {"name": "energy", "kind": "topic", "slug": "energy-policy"})

    energy.refresh_from_db()
    assert Redirect.objects.get(old_path=old_url).new_path == energy.get_absolute_url()


def test_merged_away_name_is_kept_as_an_alias_of_the_survivor(curator_client, duplicates):
    energy, power = duplicates

    merge(curator_client, duplicates, post="yes", survivor=energy.pk)

    assert list(TagAlias.objects.values_list("name", "kind", "tag")) == [
        ("power", "topic", energy.pk)
    ]


def test_old_name_is_kept_as_an_alias_when_a_tag_is_renamed(curator_client, duplicates):
    energy, _ = duplicates
    url = reverse("admin:articles_tag_change", args=[energy.pk])

    curator_client.post(url, {"name": "Energy policy", "kind": "topic", "slug": "energy"})

    assert TagAlias.objects.get(name="energy", kind="topic").tag == energy
