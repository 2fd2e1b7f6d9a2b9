"""`manage.py warm_facets`: count the list page's facets for the pages readers
open first and cache them, without the page's time budget.

On a large archive some facet groups cannot be counted within a page's
200 ms: the first reader of a page would wait for the rest and see those
groups left out. Run after an import (which retires every cached count):
the front page, each source, each language and each year are then counted
in full once, here, and every worker serves them until the archive changes.
"""

import time
from collections.abc import Iterator

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import RequestFactory

from articles.filters import ArticleFilterSet
from articles.models import Article, Source
from articles.views import ArticleListView


class UnhurriedFilterSet(ArticleFilterSet):
    # Counting here keeps no reader waiting: let every group finish.
    facet_budget_ms = 120_000


class Command(BaseCommand):
    help = "Count and cache the facets of the front page and of each source, language and year."

    def handle(self, *args, **options):
        view = ArticleListView.as_view(filterset_class=UnhurriedFilterSet, recount=True)
        requests = RequestFactory(headers={"host": _host()})
        started = time.perf_counter()
        warmed = 0
        for label, query in entry_pages():
            begun = time.perf_counter()
            response = view(requests.get("/articles/", query))
            response.render()
            warmed += 1
            if options["verbosity"] > 1:
                took = time.perf_counter() - begun
                self.stdout.write(f"{label}: {took * 1000:,.0f} ms ({response.status_code})")
        took = time.perf_counter() - started
        self.stdout.write(f"Facet counts cached for {warmed} pages in {took:,.1f} s")


def entry_pages() -> Iterator[tuple[str, dict[str, str]]]:
    """The pages a reader reaches in one click from the front page's facets."""
    yield "front page", {}
    for slug in Source.objects.order_by("slug").values_list("slug", flat=True):
        yield f"source {slug}", {"source": slug}
    languages = Article.objects.order_by("language").values_list("language", flat=True)
    for code in languages.distinct():
        yield f"language {code}", {"language": code}
    for day in Article.objects.dates("published_on", "year"):
        first, last = f"{day.year}-01-01", f"{day.year}-12-31"
        yield f"year {day.year}", {"date_after": first, "date_before": last}


def _host() -> str:
    """A host the site answers to, so the request passes ALLOWED_HOSTS."""
    named = [host for host in settings.ALLOWED_HOSTS if host not in ("*",) and host[0] != "."]
    return named[0] if named else "localhost"
