"""The cache of rendered public pages (archive.middleware.PageCacheMiddleware):
a reader without a session is answered from it, under the archive's version,
so an import or a curator's change retires every page at once; a curator, an
error or another language is never answered from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client

from archive.env import cache_config, page_cache_config
from articles import curation, stories
from articles.models import Article, Story
from tests.conftest import make_article, make_source, make_tag

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    # A folder of this test's own: other runs empty the settings' "pages" folder.
    settings.CACHES = settings.CACHES | {
        "pages": settings.CACHES["pages"] | {"LOCATION": str(tmp_path / "pages")}
    }
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def curator():
    return get_user_model().objects.create_user("curator", is_staff=True, is_superuser=True)


def test_a_page_asked_again_is_answered_from_the_cache(client, django_assert_num_queries):
    make_article(title="Gas talks in Baku", source=make_source())
    first = client.get("/articles/")
    with django_assert_num_queries(0):
        again = client.get("/articles/")
    assert again.status_code == 200
    assert "Gas talks in Baku" in again.content.decode()
    assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first.content.decode())


def test_an_import_retires_the_cached_pages(client, tmp_path, django_capture_on_commit_callbacks):
    make_article(title="Gas talks in Baku")
    assert "Caspian ferry" not in client.get("/articles/").content.decode()
    (tmp_path / "ferry.txt").write_text(
        "Caspian ferry line reopens\n\nThe ferry between Baku and Makhachkala sails again, "
        "officials of Azerbaijan and Russia said on Monday.\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_articles", str(tmp_path), stdout=None)
    assert Article.objects.filter(title__contains="Caspian ferry").exists()
    assert "Caspian ferry" in client.get("/articles/").content.decode()


def test_a_curators_change_retires_the_cached_pages(
    client, curator, django_capture_on_commit_callbacks
):
    article = make_article(title="Gas talks in Baku")
    page = f"/articles/{article.slug}/"
    assert "Energy dialogue" not in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        curation.add_tag(Article.objects.all(), make_tag(name="Energy dialogue"), user=curator)
    assert "Energy dialogue" in client.get(page).content.decode()


def test_a_curators_join_of_stories_retires_the_cached_pages(
    client, django_capture_on_commit_callbacks
):
    first = make_article(title="Gas talks in Baku")
    second = make_article(title="Газовые переговоры в Баку", language="ru")
    page = f"/articles/{first.slug}/"
    assert second.slug not in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        stories.join_stories([first, second])
    assert Story.objects.count() == 1
    assert second.slug in client.get(page).content.decode()


def test_a_curator_is_never_answered_from_the_cache(client, curator):
    make_article(title="Gas talks in Baku")
    client.get("/articles/")
    staff = Client()
    staff.force_login(curator)
    # No commit ran the version on: only a page rendered afresh shows the new title.
    Article.objects.update(title="Gas talks in Moscow")
    assert "Gas talks in Moscow" in staff.get("/articles/").content.decode()
    assert "Gas talks in Baku" in client.get("/articles/").content.decode()


def test_a_curators_page_is_not_kept(client, curator):
    make_article(title="Gas talks in Baku")
    staff = Client()
    staff.force_login(curator)
    staff.get("/articles/")
    Article.objects.update(title="Gas talks in Moscow")
    assert "Gas talks in Moscow" in client.get("/articles/").content.decode()
    assert len(_kept_pages()) == 1


def test_errors_are_not_kept(client):
    make_article(title="Gas talks in Baku")
    assert client.get("/articles/?page=99").status_code == 404
    assert client.get("/articles/?date_after=not-a-date").status_code == 400
    make_article(title="Gas talks in Moscow")
    # Without a commit the version stays: a kept 404 would come back as it was.
    assert client.get("/articles/?page=99").status_code == 404
    assert "Gas talks in Moscow" not in client.get("/articles/?page=99").content.decode()
    assert "Gas talks in Moscow" in client.get("/articles/?page=1").content.decode()


def test_each_language_has_its_own_page(client):
    make_article(title="Gas talks in Baku")
    english = client.get("/articles/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    russian = client.get("/articles/", HTTP_ACCEPT_LANGUAGE="ru")
    assert russian["Content-Language"] == "ru"
    assert '<html lang="ru">' in russian.content.decode()
    assert russian.content.decode() != english
    assert "Accept-Language" in russian["Vary"]


def test_a_cached_page_gives_each_reader_a_token_of_their_own_that_works():
    make_article(title="Gas talks in Baku")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get("/articles/")
    cached = second.get("/articles/")
    assert "csrftoken" in cached.cookies
    assert "Cookie" in cached["Vary"]
    token = TOKEN.search(cached.content.decode())[1]
    switched = second.post("/i18n/setlang/", {"language": "ru", "next": "/articles/"},
                           HTTP_X_CSRFTOKEN=token)  # fmt: skip
    assert switched.status_code == 302
    assert '<html lang="ru">' in second.get("/articles/").content.decode()


def test_a_reader_with_a_session_is_not_answered_from_the_cache(client, settings):
    make_article(title="Gas talks in Baku")
    client.get("/articles/")
    Article.objects.update(title="Gas talks in Moscow")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert "Gas talks in Moscow" in client.get("/articles/").content.decode()


def test_the_cache_is_off_with_no_lifetime(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_article(title="Gas talks in Baku")
    client.get("/articles/")
    Article.objects.update(title="Gas talks in Moscow")
    assert "Gas talks in Moscow" in client.get("/articles/").content.decode()
    assert not _kept_pages()


def _kept_pages() -> list:
    return caches["pages"]._list_cache_files()


@pytest.mark.parametrize(
    ("url", "location"),
    [
        (None, "/srv/cache/pages"),
        ("file:///var/cache/archive", "/var/cache/archive/pages"),
        ("db://shared_cache", "shared_cache_pages"),
        ("redis://127.0.0.1:6379/2", "redis://127.0.0.1:6379/2"),
    ],
)
def test_pages_are_kept_beside_the_counts_not_among_them(url, location):
    pages = page_cache_config(url, default_dir=Path("/srv/cache"), max_entries=10)
    counts = cache_config(url, default_dir=Path("/srv/cache"), max_entries=10)
    assert pages["BACKEND"] == counts["BACKEND"]
    assert str(pages["LOCATION"]) == location
