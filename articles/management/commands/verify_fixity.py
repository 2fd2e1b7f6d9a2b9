"""`manage.py verify_fixity`: re-hash every stored original, current and earlier.

An archive proves it still holds what it took in: every article's and every
revision's original is read whatever it became in storage (bytes, text, NULL,
a row the driver cannot even decode), each problem is reported on its own
line, and the audit always reaches the end: exit 1 when anything was wrong.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator

from django.core.management.base import BaseCommand
from django.db import DatabaseError, models

from articles.models import Article, Revision

CHUNK = 500
SHA256_PATTERN = re.compile(r"[0-9a-f]{64}")


class Command(BaseCommand):
    help = "Re-hash every stored original and report any that no longer match its SHA-256."

    def handle(self, *args, **options):
        checked = mismatched = 0
        for label, model in (("article", Article), ("revision", Revision)):
            for pk, name, problem in _audit(model):
                checked += 1
                if problem:
                    mismatched += 1
                    self.stdout.write(f"MISMATCH {label} {pk} ({name}): {problem}")
        self.stdout.write(f"{checked} originals checked, {mismatched} mismatched")
        if mismatched:
            sys.exit(1)


def _audit(model: type[models.Model]) -> Iterator[tuple[int, str, str]]:
    """(pk, name, problem or "") for every row of `model`, in primary-key order."""
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        yield from _audit_chunk(model, ids[start : start + CHUNK])


def _audit_chunk(model: type[models.Model], ids: list[int]) -> Iterator[tuple[int, str, str]]:
    try:
        rows = list(_rows(model, ids))
    except DatabaseError:
        # One row the driver cannot decode (invalid UTF-8 stored as text on
        # SQLite) fails the whole read: read them one by one to name it.
        rows = []
        for pk in ids:
            try:
                rows += _rows(model, [pk])
            except DatabaseError as error:
                yield pk, "?", f"could not be read from the database ({error})"
    for pk, name, sha256, original in rows:
        yield pk, name, _problem(original, sha256)


def _rows(model: type[models.Model], ids: list[int]) -> list[tuple]:
    name = "origin" if model is Article else "article__origin"
    rows = model.objects.filter(pk__in=ids).order_by("pk")
    return list(rows.values_list("pk", name, "sha256", "original"))


def _problem(original: object, sha256: str | None) -> str:
    """What is wrong with one stored original, or "" when its bytes match."""
    if not sha256 or not SHA256_PATTERN.fullmatch(sha256):
        return f"the recorded SHA-256 {sha256!r} is not a SHA-256"
    if original is None:
        return f"no original stored (NULL); recorded SHA-256 {sha256}"
    if isinstance(original, str):
        # Text lost the bytes' own encoding: even a matching hash is a defect.
        digest = hashlib.sha256(original.encode("utf-8")).hexdigest()
        verdict = "its UTF-8 matches" if digest == sha256 else "and does not match"
        return f"stored as text instead of bytes ({verdict}); recorded SHA-256 {sha256}"
    if not isinstance(original, bytes | bytearray | memoryview):
        return f"stored as {type(original).__name__}, not bytes; recorded SHA-256 {sha256}"
    if not original:
        return f"the original is empty; recorded SHA-256 {sha256}"
    digest = hashlib.sha256(bytes(original)).hexdigest()
    if digest != sha256:
        return f"stored SHA-256 {sha256}, bytes hash to {digest}"
    return ""
