"""The fixity drill: corruptions injected past the ORM, through raw SQL, as a
bad restore, a disk fault or a hand-run UPDATE would leave them. verify_fixity
must name every corrupted row, articles and revisions, never a sound one, and
never die on the way."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from django.db import connection

from tests.conftest import make_article
from tests.test_verify_fixity import make_revision, store_raw, verify_fixity

pytestmark = [pytest.mark.reliability, pytest.mark.django_db]

ARTICLE, REVISION = "articles_article", "articles_revision"
ORIGINAL = b"A sound original of some length, Baku and Moscow, 2021.\n"


def _flip(data: bytes) -> bytes:
    return data[:5] + bytes([data[5] ^ 0x01]) + data[6:]


# name -> (table, column, the corrupted value from the row's sound original)
CORRUPTIONS: dict[str, tuple[str, str, Callable[[bytes], object]]] = {
    "one bit flipped": (ARTICLE, "original", _flip),
    "truncated": (ARTICLE, "original", lambda data: data[:-7]),
    "a byte appended": (ARTICLE, "original", lambda data: data + b"\n"),
    "emptied": (ARTICLE, "original", lambda data: b""),
    "text written over the bytes": (ARTICLE, "original", lambda data: "замена текстом"),
    "recorded sha of other bytes": (
        ARTICLE,
        "sha256",
        lambda data: hashlib.sha256(b"other").hexdigest(),
    ),
    "recorded sha blanked": (ARTICLE, "sha256", lambda data: ""),
    "recorded sha cut short": (
        ARTICLE,
        "sha256",
        lambda data: hashlib.sha256(data).hexdigest()[:40],
    ),
    "revision bit flipped": (REVISION, "original", _flip),
    "revision written as text": (REVISION, "original", lambda data: data.decode() + " edited"),
}


def test_verify_fixity_reports_each_kind_of_corruption_when_injected(reliability_counts):
    rows = {}
    for name, (table, _, _) in CORRUPTIONS.items():
        article = make_article(original=ORIGINAL + name.encode())
        row = make_revision(article, ORIGINAL + name.encode()) if table == REVISION else article
        rows[name] = row
    sound = [make_article(), make_revision(make_article())]
    for name, (table, column, corrupt) in CORRUPTIONS.items():
        store_raw(table, rows[name].pk, column, corrupt(ORIGINAL + name.encode()))

    code, out = verify_fixity()

    reported = {
        tuple(line.split()[1:3]) for line in out.splitlines() if line.startswith("MISMATCH")
    }
    label = {ARTICLE: "article", REVISION: "revision"}
    missed = [
        n for n, row in rows.items() if (label[CORRUPTIONS[n][0]], str(row.pk)) not in reported
    ]
    assert missed == []
    assert code == 1
    assert len(reported) == len(CORRUPTIONS)
    assert ("article", str(sound[0].pk)) not in reported
    vendor = connection.vendor
    reliability_counts[f"fixity corruptions injected ({vendor})"] = len(CORRUPTIONS)
    reliability_counts[f"fixity corruptions caught ({vendor})"] = len(reported)
