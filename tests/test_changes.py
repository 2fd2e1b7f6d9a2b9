"""The archive's version: it moves on, once the write commits, whenever
something the list page counts changes, so cached facet counts are never
served after the archive they counted; and every worker reads one cache."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict

from articles import curation
from articles.changes import archive_version, versioned_key
from articles.listing import facets_cache_name
from articles.models import Agreement, Tag, TagAlias
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("curator", is_staff=True)


def moves_version(write, capture) -> bool:
    before = archive_version()
    with capture(execute=True):
        write()
    return archive_version() != before


def test_new_article_moves_the_version_on(django_capture_on_commit_callbacks):
    assert moves_version(lambda: make_article(), django_capture_on_commit_callbacks)


def test_version_stays_until_the_write_commits(django_capture_on_commit_callbacks):
    before = archive_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_article()
    assert archive_version() == before
    assert callbacks


def test_changed_tags_move_the_version_on(django_capture_on_commit_callbacks):
    article, tag = make_article(), make_tag()
    assert moves_version(lambda: article.tags.set([tag]), django_capture_on_commit_callbacks)


@pytest.mark.parametrize(
    "write",
    [
        lambda user: curation.add_tag(_articles(), make_tag(), user=user),
        lambda user: curation.remove_tag(_articles(), _articles()[0].tags.get(), user=user),
        lambda user: curation.set_agreement_status(
            Agreement.objects.all(), Agreement.Status.APPROVED, user=user
        ),
        lambda user: curation.merge_sources(make_source(), [_articles()[0].source], user=user),
    ],
    ids=["add_tag", "remove_tag", "set_agreement_status", "merge_sources"],
)
def test_curation_moves_the_version_on(write, user, django_capture_on_commit_callbacks):
    make_article(source=make_source(), tags=[make_tag()], agreements=[make_agreement()])
    assert moves_version(lambda: write(user), django_capture_on_commit_callbacks)


def _articles():
    from articles.models import Article

    return Article.objects.all()


def test_list_page_counts_again_after_the_archive_changed(
    client, django_capture_on_commit_callbacks
):
    make_article(source=make_source(name="Trend", slug="trend"))
    client.get("/articles/")
    with django_capture_on_commit_callbacks(execute=True):
        make_article(source=make_source(name="APA", slug="apa"))
    html = client.get("/articles/").content.decode()
    assert "APA" in html[html.index('<aside class="facets"') :]


def test_another_process_reads_the_counts_one_worker_cached(client, settings):
    make_article(source=make_source(name="Trend", slug="trend"))
    client.get("/articles/")
    key = versioned_key(facets_cache_name(QueryDict()))
    script = (
        "import django; django.setup(); from django.core.cache import cache; "
        f"print(cache.get({key!r}) or 'missing')"
    )
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "CACHE_DIR": str(settings.CACHES["default"]["LOCATION"]),
    }
    other = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    assert "Trend" in other.stdout


def test_a_new_tag_alias_moves_the_version_on_when_a_curator_adds_one(
    django_capture_on_commit_callbacks,
):
    tag = make_tag(name="Ilham Aliyev", kind=Tag.Kind.PERSON)
    before = archive_version()
    with django_capture_on_commit_callbacks(execute=True):
        TagAlias.objects.create(name="Ильхам Алиев", kind=Tag.Kind.PERSON, tag=tag)
    assert archive_version() != before
