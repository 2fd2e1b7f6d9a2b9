"""Curation survives the importer: after a curator's edits and merges in the
admin, importing a changed file updates the text and keeps every decision."""

from __future__ import annotations

import shutil
from http import HTTPStatus
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Agreement, Article, Tag
from tests.admin.conftest import form_data

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
COMMISSION = "003_adb87583c557ecc5.txt"  # the intergovernmental commission, 2022
SOCHI = "000_202aa515a5bcfe2a.txt"  # the Sochi meeting


@pytest.fixture
def seeds(tmp_path, db):
    """The seed files, copied so a test can change one, imported once."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    import_folder(folder)
    return folder


def import_folder(folder: Path) -> str:
    out = StringIO()
    call_command("import_articles", str(folder), stdout=out, stderr=StringIO())
    return out.getvalue()


def change_file(folder: Path, name: str) -> None:
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8") + "\nThe sides agreed to meet again.\n")


def article_from(name: str) -> Article:
    return Article.objects.get(origin__endswith=name)


def merge(client, model: str, survivor, other) -> None:
    # The agreement queue shows suggestions only unless told otherwise.
    query = "?status=all" if model == "agreement" else ""
    response = client.post(
        reverse(f"admin:articles_{model}_changelist") + query,
        {
            "action": "merge_selected",
            "_selected_action": [survivor.pk, other.pk],
            "post": "yes",
            "survivor": survivor.pk,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not type(other).objects.filter(pk=other.pk).exists()


def test_curated_title_survives_reimport_of_a_changed_file(curator_client, seeds):
    article = article_from(COMMISSION)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(curator_client.get(url).content.decode())
    data.update(title="Commission signs pension memorandum", _save="Save")
    assert curator_client.post(url, data).status_code == HTTPStatus.FOUND
    change_file(seeds, COMMISSION)

    import_folder(seeds)

    article.refresh_from_db()
    assert "meet again" in article.body
    assert article.title == "Commission signs pension memorandum"


def test_merged_agreement_is_not_suggested_again_when_its_file_changes(curator_client, seeds):
    """The SME memorandum appears under two wordings in two seeds: one document."""
    survivor = Agreement.objects.get(name__startswith="Memorandum between the Russian Federal")
    other = Agreement.objects.get(name__startswith="Memorandum of intent between")
    merge(curator_client, "agreement", survivor, other)
    change_file(seeds, COMMISSION)

    import_folder(seeds)

    assert not Agreement.objects.filter(name=other.name).exists()
    assert article_from(COMMISSION).mentions.filter(agreement=survivor).exists()


def test_merged_tag_stays_merged_when_its_file_changes(curator_client, seeds):
    survivor = Tag.objects.get(name="Karabakh")
    other = Tag.objects.get(name="Nagorno-Karabakh")
    merge(curator_client, "tag", survivor, other)
    change_file(seeds, SOCHI)

    import_folder(seeds)

    tags = set(article_from(SOCHI).tags.values_list("name", flat=True))
    assert "Karabakh" in tags
    assert "Nagorno-Karabakh" not in tags
