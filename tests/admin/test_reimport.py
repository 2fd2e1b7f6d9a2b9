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
from tests.conftest import make_agreement, make_source

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
COMMISSION = "003_adb87583c557ecc5.txt"  # the intergovernmental commission, 2022
SOCHI = "000_202aa515a5bcfe2a.txt"  # the Sochi meeting
ALLIED = "declaration-allied-interaction-2022"  # named in the commission's seed
Status = Agreement.Status


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
    other = article_from(COMMISSION).agreements.get(name__contains="pensions")
    survivor = make_agreement(name="Pension memorandum (curated)", status=Status.APPROVED)
    merge(curator_client, "agreement", survivor, other)
    change_file(seeds, COMMISSION)

    import_folder(seeds)

    assert not Agreement.objects.filter(name=other.name).exists()
    assert article_from(COMMISSION).mentions.filter(agreement=survivor).exists()


@pytest.mark.parametrize(
    "action, status", [("reject", Status.REJECTED), ("approve", Status.APPROVED)]
)
def test_review_decision_stays_when_its_file_changes(curator_client, seeds, action, status):
    decided = article_from(COMMISSION).agreements.get(name__contains="pensions")
    response = curator_client.post(
        reverse("admin:articles_agreement_changelist") + "?status=all",
        {"action": f"{action}_selected", "_selected_action": [decided.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    change_file(seeds, COMMISSION)

    import_folder(seeds)

    assert Agreement.objects.get(pk=decided.pk).status == status
    assert Agreement.objects.filter(name=decided.name).count() == 1


def test_curated_credits_survive_reimport_of_a_changed_file(curator_client, seeds):
    article = article_from(SOCHI)
    agency = make_source(name="Interfax")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(curator_client.get(url).content.decode())
    data.update(credits=[str(agency.pk)], _save="Save")
    assert curator_client.post(url, data).status_code == HTTPStatus.FOUND
    change_file(seeds, SOCHI)

    import_folder(seeds)

    article.refresh_from_db()
    assert "meet again" in article.body
    assert "credits" in article.curated_fields
    assert list(article.credits.all()) == [agency]


def test_register_match_keeps_a_curators_edits_when_the_file_changes(curator_client, seeds):
    allied = Agreement.objects.get(register_key=ALLIED)
    url = reverse("admin:articles_agreement_change", args=[allied.pk])
    data = form_data(curator_client.get(url).content.decode())
    data.update(name_az="Müttəfiqlik haqqında Bəyannamə (curated)", _save="Save")
    assert curator_client.post(url, data).status_code == HTTPStatus.FOUND
    change_file(seeds, COMMISSION)

    import_folder(seeds)

    allied.refresh_from_db()
    assert allied.name_az == "Müttəfiqlik haqqında Bəyannamə (curated)"
    assert allied.status == Status.APPROVED
    assert article_from(COMMISSION).mentions.filter(agreement=allied).exists()
    assert Agreement.objects.filter(name__icontains="allied interaction").count() == 1


def test_merged_tag_stays_merged_when_its_file_changes(curator_client, seeds):
    survivor = Tag.objects.get(name="Karabakh")
    other = Tag.objects.get(name="Nagorno-Karabakh")
    merge(curator_client, "tag", survivor, other)
    change_file(seeds, SOCHI)

    import_folder(seeds)

    tags = set(article_from(SOCHI).tags.values_list("name", flat=True))
    assert "Karabakh" in tags
    assert "Nagorno-Karabakh" not in tags
