"""`manage.py verify_fixity`: re-hash every stored original, current and earlier.

An archive proves it still holds what it took in: exit 1 when any original
no longer matches the SHA-256 recorded when it was imported.
"""

import hashlib
import sys

from django.core.management.base import BaseCommand

from articles.models import Article, Revision


class Command(BaseCommand):
    help = "Re-hash every stored original and report any that no longer match its SHA-256."

    def handle(self, *args, **options):
        checked = mismatched = 0
        for label, rows in (("article", Article.objects), ("revision", Revision.objects)):
            for pk, name, sha256, original in rows.values_list(
                "pk", _name_field(label), "sha256", "original"
            ).iterator(chunk_size=500):
                checked += 1
                if hashlib.sha256(bytes(original)).hexdigest() != sha256:
                    mismatched += 1
                    self.stdout.write(f"MISMATCH {label} {pk} ({name}): stored SHA-256 {sha256}")
        self.stdout.write(f"{checked} originals checked, {mismatched} mismatched")
        if mismatched:
            sys.exit(1)


def _name_field(label: str) -> str:
    return "origin" if label == "article" else "article__origin"
