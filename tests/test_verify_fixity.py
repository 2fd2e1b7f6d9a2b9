"""verify_fixity as an operator meets it: every stored original re-hashed,
articles and revisions alike, whatever storage did to them, every problem
on its own line and exit 1 when there was any."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.models import Revision
from tests.conftest import make_article


def verify_fixity() -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_fixity", stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def make_revision(article, data: bytes = b"an earlier version") -> Revision:
    now = timezone.now()
    return Revision.objects.create(
        article=article,
        original=data,
        sha256=hashlib.sha256(data).hexdigest(),
        imported_at=now,
        superseded_at=now,
    )


def store_raw(table: str, pk: int, column: str, value) -> None:
    """Write past the ORM, as a bad restore or a hand-run UPDATE would."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])


@pytest.mark.django_db
def test_fixity_passes_when_every_original_matches():
    make_revision(make_article())

    assert verify_fixity() == (0, "2 originals checked, 0 mismatched\n")


@pytest.mark.django_db
def test_fixity_goes_on_to_the_revisions_when_an_original_was_written_as_text():
    article = make_article(original=b"caf\xc3\xa9 bytes")
    revision = make_revision(make_article(), b"earlier")
    store_raw("articles_article", article.pk, "original", "café text")
    store_raw("articles_revision", revision.pk, "original", b"earlier, then changed")

    code, out = verify_fixity()

    assert code == 1
    assert f"MISMATCH article {article.pk} ({article.origin})" in out
    assert f"MISMATCH revision {revision.pk} ({revision.article.origin})" in out
    assert out.splitlines()[-1] == "3 originals checked, 2 mismatched"


@pytest.fixture
def sqlite_only(db):
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite stores text in a BLOB column; PostgreSQL's bytea converts it")


def test_fixity_reports_text_storage_even_when_its_utf8_matches(sqlite_only):
    article = make_article(original="café".encode())
    store_raw("articles_article", article.pk, "original", "café")

    code, out = verify_fixity()

    assert code == 1
    assert "stored as text instead of bytes (its UTF-8 matches)" in out


def test_fixity_names_a_row_the_driver_cannot_decode(sqlite_only):
    article = make_article()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET original = CAST(X'FF00FE' AS TEXT) WHERE id = %s",
            [article.pk],
        )

    code, out = verify_fixity()

    assert code == 1
    assert f"MISMATCH article {article.pk} (?): could not be read from the database" in out


@pytest.mark.django_db
def test_fixity_reports_every_mismatch_when_several_rows_changed():
    articles = [make_article() for _ in range(3)]
    for article in articles:
        store_raw("articles_article", article.pk, "original", b"tampered")

    code, out = verify_fixity()

    assert code == 1
    assert [line.split()[2] for line in out.splitlines()[:-1]] == [str(a.pk) for a in articles]
    assert out.splitlines()[-1] == "3 originals checked, 3 mismatched"


@pytest.mark.django_db
def test_fixity_reports_a_bad_recorded_digest_when_the_sha_is_not_hex():
    article = make_article()
    store_raw("articles_article", article.pk, "sha256", "not a digest")

    code, out = verify_fixity()

    assert code == 1
    assert "the recorded SHA-256 'not a digest' is not a SHA-256" in out


@pytest.mark.django_db
def test_fixity_reports_an_empty_original_when_the_bytes_were_erased():
    article = make_article()
    store_raw("articles_article", article.pk, "original", b"")

    code, out = verify_fixity()

    assert code == 1
    assert f"MISMATCH article {article.pk} ({article.origin}): the original is empty" in out
