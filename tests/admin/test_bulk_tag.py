"""Adding or removing one tag on many articles from the article change list."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.admin.conftest import history
from tests.conftest import make_article, make_tag

CHANGELIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def corridor(db):
    return make_tag(name="North-South corridor")


def bulk(client, action, articles, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in articles], **extra}
    return client.post(CHANGELIST, data)


def test_add_tag_asks_which_tag_first(curator_client, corridor):
    articles = [make_article(title="Rail link"), make_article(title="Port")]

    response = bulk(curator_client, "add_tag_to_selected", articles)

    assert response.status_code == HTTPStatus.OK
    assert "2 articles selected" in response.content.decode()


def test_add_tag_puts_the_tag_on_every_selected_article(curator_client, corridor):
    articles = [make_article(), make_article(tags=[corridor]), make_article()]

    bulk(curator_client, "add_tag_to_selected", articles[:2], post="yes", tag=corridor.pk)

    assert sorted(corridor.articles.values_list("pk", flat=True)) == [
        articles[0].pk,
        articles[1].pk,
    ]


def test_add_tag_marks_tags_curated_on_the_articles_it_changed(curator_client, corridor):
    article = make_article()

    bulk(curator_client, "add_tag_to_selected", [article], post="yes", tag=corridor.pk)

    article.refresh_from_db()
    assert article.curated_fields == ["tags"]


def test_remove_tag_takes_the_tag_off_the_selected_articles(curator_client, corridor):
    kept = make_article(tags=[corridor])
    untagged = make_article(tags=[corridor])

    bulk(curator_client, "remove_tag_from_selected", [untagged], post="yes", tag=corridor.pk)

    assert list(corridor.articles.all()) == [kept]


def test_bulk_tag_writes_one_history_entry_per_changed_article(curator_client, corridor):
    articles = [make_article(), make_article()]

    bulk(curator_client, "add_tag_to_selected", articles, post="yes", tag=corridor.pk)

    messages = [entry.change_message for a in articles for entry in history(a)]
    assert messages == ["Added tag “North-South corridor” (bulk action)."] * 2
