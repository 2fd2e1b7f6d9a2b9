"""The vocabulary "did you mean" suggests from follows the archive: import,
re-import of a changed file, a curator's edit and deletion in the admin, and a
rebuild for an archive loaded another way."""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from http import HTTPStatus
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from articles import vocabulary
from articles.models import Article, Word
from tests.admin.conftest import form_data
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
COMMISSION = "003_adb87583c557ecc5.txt"


def counts() -> dict[str, int]:
    return dict(Word.objects.values_list("text", "article_count"))


def recounted_from_scratch() -> dict[str, int]:
    """What rebuild() makes of the same articles: the counts the hooks must keep."""
    kept = counts()
    vocabulary.rebuild(using="default")
    rebuilt = counts()
    assert kept == rebuilt
    return rebuilt


def import_folder(folder: Path) -> None:
    call_command("import_articles", str(folder), stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    import_folder(folder)
    return folder


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("admin", password="pw-admin-1")
    client.force_login(user)
    return client


def test_words_are_folded_letters_of_three_or_more_with_the_spelling_engines_index():
    assert vocabulary.words_of("İlham Əliyev met", "Strategic-partnership 2019 Ёлка a to") == {
        "ilham": "ilham",
        "əliyev": "əliyev",
        "met": "met",
        "strategic": "strategic",
        "partnership": "partnership",
        "елка": "ёлка",
    }
    assert vocabulary.words_of("QARŞILIQLI qarşılıqlı") == {"qarşiliqli": "qarşiliqli"}


def test_a_long_article_s_words_are_counted_in_one_statement(django_assert_num_queries):
    words = ["".join(letters) for letters in itertools.product("abcdefgh", repeat=4)][:1500]
    article = make_article(title="Lexicon", body=" ".join(words))
    with django_assert_num_queries(1):
        vocabulary.count_article(article)
    assert counts() == dict.fromkeys([*words, "lexicon"], 1)


def test_a_written_tally_starts_the_next_batch_empty():
    tally = vocabulary.Tally()
    tally.add({"pipeline": "Pipeline"})
    tally.write(using="default")
    assert (tally.changes, tally.spellings) == (Counter(), {})
    tally.add({"pipeline": "pipeline"})
    tally.write(using="default")
    assert counts() == {"pipeline": 2}


def test_an_import_counts_in_how_many_articles_each_word_stands(seeds):
    words = recounted_from_scratch()
    assert words["aliyev"] == Article.objects.filter(body__icontains="aliyev").count() > 1
    assert words["strategic"] >= 1
    assert min(words.values()) >= 1


def test_a_changed_file_moves_the_counts_by_its_new_and_lost_words(seeds):
    before = counts()
    assert "zanzibar" not in before
    path = seeds / COMMISSION
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nThe delegation then flew to Zanzibar.\n", encoding="utf-8")
    import_folder(seeds)
    after = recounted_from_scratch()
    assert after["zanzibar"] == 1
    path.write_text(text, encoding="utf-8")
    import_folder(seeds)
    assert recounted_from_scratch() == before


def test_an_unchanged_import_counts_nothing_twice(seeds):
    before = counts()
    import_folder(seeds)
    assert counts() == before


def test_a_curator_s_new_title_counts_its_words_and_forgets_the_old_ones(seeds, superuser_client):
    article = Article.objects.get(origin__endswith=COMMISSION)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(superuser_client.get(url).content.decode())
    data["title"] = "Quokkas sign nothing"
    response = superuser_client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND
    words = recounted_from_scratch()
    assert words["quokkas"] == 1


def test_deleting_articles_in_the_admin_forgets_their_words(seeds, superuser_client):
    article = Article.objects.get(origin__endswith=COMMISSION)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert superuser_client.post(url, {"post": "yes"}).status_code == HTTPStatus.FOUND
    one_left = recounted_from_scratch()
    changelist = reverse("admin:articles_article_changelist")
    response = superuser_client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": list(Article.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert one_left
    assert counts() == {}


def test_the_command_counts_an_archive_loaded_another_way(seeds):
    before = counts()
    Word.objects.all().delete()
    out = StringIO()
    call_command("rebuild_vocabulary", stdout=out)
    assert counts() == before
    assert out.getvalue() == f"{len(before)} words counted\n"
