"""`manage.py warm_facets`: count the list page's facets for the pages readers
open first and cache them, without the page's time budget.

On a large archive some facet groups cannot be counted within a page's
time budget (FACET_BUDGET_MS): the first reader of a page would see those
groups left out. Run after an import (which retires every cached count):
the front page, each source, each language and each year are then counted
in full once, here, and every worker serves them until the archive changes.
"""

import time
from collections.abc import Iterator
from urllib.parse import urlencode

from django.core.management.base import BaseCommand
from django.http import QueryDict

from articles.filters import present_languages
from articles.listing import ArticleListing
from articles.models import Article, Source

# Counting here keeps no reader waiting: let every group finish.
UNHURRIED_MS = 120_000


class Command(BaseCommand):
    help = "Count and cache the facets of the front page and of each source, language and year."

    def handle(self, *args, **options):
        started = time.perf_counter()
        warmed = 0
        for label, query in entry_pages():
            begun = time.perf_counter()
            ArticleListing(QueryDict(urlencode(query))).facets(budget_ms=UNHURRIED_MS, recount=True)
            warmed += 1
            if options["verbosity"] > 1:
                took = time.perf_counter() - begun
                self.stdout.write(f"{label}: {took * 1000:,.0f} ms")
        took = time.perf_counter() - started
        self.stdout.write(f"Facet counts cached for {warmed} pages in {took:,.1f} s")


def entry_pages() -> Iterator[tuple[str, dict[str, str]]]:
    """The pages a reader reaches in one click from the front page's facets."""
    yield "front page", {}
    for slug in Source.objects.order_by("slug").values_list("slug", flat=True):
        yield f"source {slug}", {"source": slug}
    for code in present_languages():
        yield f"language {code}", {"language": code}
    for day in Article.objects.dates("published_on", "year"):
        first, last = f"{day.year}-01-01", f"{day.year}-12-31"
        yield f"year {day.year}", {"date_after": first, "date_before": last}
