"""Who gets into the admin: curators in; anonymous and non-staff users are
sent to the login page from every admin URL."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Revision
from tests.conftest import make_agreement, make_article, make_source, make_tag

MODELS = ["article", "tag", "agreement", "source"]


@pytest.fixture
def admin_urls(db):
    """Every page of the curation admin, one object of each kind behind them."""
    objects = {
        "article": make_article(),
        "tag": make_tag(),
        "agreement": make_agreement(),
        "source": make_source(),
    }
    urls = [reverse("admin:index"), reverse("admin:app_list", args=["articles"])]
    urls.append(
        reverse("admin:autocomplete") + "?app_label=articles&model_name=article"
        "&field_name=tags&term=a"
    )
    for model, obj in objects.items():
        urls.append(reverse(f"admin:articles_{model}_changelist"))
        urls.append(reverse(f"admin:articles_{model}_change", args=[obj.pk]))
        urls.append(reverse(f"admin:articles_{model}_history", args=[obj.pk]))
        urls.append(reverse(f"admin:articles_{model}_delete", args=[obj.pk]))
    urls += [reverse(f"admin:articles_{model}_add") for model in MODELS if model != "article"]
    return urls


def assert_sent_to_login(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_anonymous_users_are_sent_to_login_from_every_admin_url(client, admin_urls):
    assert_sent_to_login(client, admin_urls)


def test_non_staff_users_are_sent_to_login_from_every_admin_url(client, admin_urls):
    client.force_login(get_user_model().objects.create_user("reader", password="pw-reader-1"))

    assert_sent_to_login(client, admin_urls)


def test_anonymous_action_posts_are_sent_to_login(client, db):
    tags = [make_tag(), make_tag()]
    url = reverse("admin:articles_tag_changelist")
    data = {
        "action": "merge_selected",
        "_selected_action": [t.pk for t in tags],
        "post": "yes",
        "survivor": tags[0].pk,
    }

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    assert len(set(type(tags[0]).objects.filter(pk__in=[t.pk for t in tags]))) == 2


@pytest.mark.parametrize("model", MODELS)
def test_curators_see_each_change_list(curator_client, model):
    response = curator_client.get(reverse(f"admin:articles_{model}_changelist"))

    assert response.status_code == HTTPStatus.OK


def test_curators_are_staff_but_not_superusers(curator):
    assert (curator.is_staff, curator.is_superuser) == (True, False)


def test_curators_cannot_delete_articles(curator_client, db):
    article = make_article()

    response = curator_client.get(reverse("admin:articles_article_delete", args=[article.pk]))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_curators_cannot_manage_users(curator_client):
    response = curator_client.get(reverse("admin:auth_user_changelist"))

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("model", MODELS)
def test_view_on_site_opens_the_public_page_on_this_host_when_followed(curator_client, model):
    obj = {"article": make_article, "tag": make_tag, "agreement": make_agreement}.get(
        model, make_source
    )()
    response = curator_client.get(reverse(f"admin:articles_{model}_change", args=[obj.pk]))
    html = response.content.decode()
    assert f'href="{obj.get_absolute_url()}" class="viewsitelink"' in html
    assert "example.com" not in html


def test_server_file_path_shows_to_curators_but_not_to_the_public(client, curator):
    article = make_article(file_path="/srv/imports/private/batch-7/article.txt")
    Revision.objects.create(
        article=article,
        original=b"earlier",
        sha256="0" * 64,
        file_path="/srv/imports/private/batch-6/article.txt",
        imported_at=article.imported_at,
        superseded_at=article.imported_at,
    )
    public = client.get(article.get_absolute_url()).content.decode()
    client.force_login(curator)
    admin_page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "/srv/imports/private" not in public
    assert "/srv/imports/private/batch-7/article.txt" in admin_page.content.decode()
    assert "/srv/imports/private/batch-6/article.txt" in admin_page.content.decode()
