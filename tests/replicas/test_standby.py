"""Against a real streaming standby (tests/replicas/conftest.py): public pages
read it, writes, the admin and curators use the primary, and a standby that
stops leaves every page to the primary."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from archive import routers
from articles.models import Article
from tests.conftest import make_article
from tests.replicas.standby import ALIAS, article_reads_on, paused_replay, wait_for_replay

pytestmark = [
    pytest.mark.replica,
    pytest.mark.django_db(transaction=True, databases=["default", ALIAS]),
]


def retitle_behind_the_archives_back(article: Article, title: str) -> None:
    """A write that does not move the archive's version (no signal): nothing
    tells the site the paused standby lacks it, so the title a page shows
    says which server the page read."""
    with connections["default"].cursor() as cursor:
        cursor.execute("UPDATE articles_article SET title = %s WHERE id = %s", [title, article.pk])


def get(client, url: str):
    """The response and the article reads it made on the primary and on the replica."""
    with article_reads_on("default") as on_primary, article_reads_on(ALIAS) as on_replica:
        response = client.get(url)
    return response, on_primary, on_replica


@pytest.fixture
def curator_client(client):
    client.force_login(get_user_model().objects.create_superuser("curator", password=None))
    return client


def test_public_page_reads_the_replica_when_it_has_replayed_the_archive(client, replica):
    article = make_article(title="As the standby has it")
    with paused_replay(replica):
        retitle_behind_the_archives_back(article, "As the primary has it")
        response, on_primary, on_replica = get(client, article.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert "As the standby has it" in response.text
    assert on_replica
    assert not on_primary


def test_public_page_reads_the_primary_while_the_replica_is_behind_a_change(client, replica):
    article = make_article(title="Before")
    with paused_replay(replica):
        # An ordinary save moves the archive's version on, with the primary's
        # WAL position, which the paused standby has not reached.
        article.title = "Seen at once"
        article.save()
        response, on_primary, on_replica = get(client, article.get_absolute_url())
    assert "Seen at once" in response.text
    assert on_primary
    assert not on_replica


def test_curators_read_the_primary_so_their_own_change_shows_at_once(curator_client, replica):
    article = make_article(title="Before the curator's fix")
    with paused_replay(replica):
        retitle_behind_the_archives_back(article, "After the curator's fix")
        response, on_primary, on_replica = get(curator_client, article.get_absolute_url())
    assert "After the curator's fix" in response.text
    assert on_primary
    assert not on_replica


def test_admin_pages_read_the_primary(curator_client, replica):
    make_article()
    wait_for_replay(replica)
    response, on_primary, on_replica = get(curator_client, "/admin/articles/article/")
    assert response.status_code == HTTPStatus.OK
    assert on_primary
    assert not on_replica


def test_writes_land_on_the_primary_while_a_request_reads_the_replica(replica):
    article = make_article(title="Old")
    with paused_replay(replica):
        routers.read_from(replica)
        Article.objects.filter(pk=article.pk).update(title="New")
        routers.read_from(routers.PRIMARY)
        assert Article.objects.using("default").get(pk=article.pk).title == "New"
        assert Article.objects.using(replica).get(pk=article.pk).title == "Old"


def test_pages_fall_back_to_the_primary_when_the_standby_stops(client, replica, standby):
    article = make_article()
    wait_for_replay(replica)
    assert get(client, article.get_absolute_url())[2], "the standby served before it stopped"
    standby.stop()
    try:
        for url in (article.get_absolute_url(), "/articles/", "/api/articles/", "/sources/"):
            response, on_primary, on_replica = get(client, url)
            assert response.status_code == HTTPStatus.OK, url
            assert on_primary, url
            assert not on_replica, url
    finally:
        standby.start()
