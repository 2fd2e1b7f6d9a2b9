"""Timing the list page's undated count and the /sources/ and /tags/ index pages
on a benchmark corpus (issues 14 and 15), read only.

    DATABASE_URL=sqlite:///bench/data/bench_10000.sqlite3 python bench/edges.py
    DATABASE_URL=postgres://postgres@127.0.0.1/bench_100000 python bench/edges.py

The undated count is the one bounded count a date range adds to a list page
(cached with its facets afterwards): timed here uncached, each case
`--samples` times, p50 and max. The index pages are timed through the test
client, whole (template and all), once their letter index is cached.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import sample, warm_page  # noqa: E402

UNDATED_CASES = (
    "date_after=2019-01-01",
    "date_after=2010-01-01&date_before=2010-12-31",
    "date_after=2019-01-01&source={source}",
    "date_after=2019-01-01&tag={tag}",
    "date_after=2019-01-01&language=ru",
    "q=cooperation&date_after=2019-01-01",
    "q=gas&date_after=2015-01-01&source={source}",
)
PAGES = ("/sources/", "/tags/", "/tags/?kind=person", "/tags/?q=ov", "/tags/?letter=S&page=1")


def undated_counts(samples: int) -> None:
    from django.http import QueryDict

    from articles.listing import FACET_BUDGET_MS, ArticleListing
    from articles.models import Source, Tag

    source = Source.objects.order_by("-pk").values_list("slug", flat=True).first()
    tag = Tag.objects.order_by("pk").values_list("slug", flat=True).first()
    for case in UNDATED_CASES:
        params = QueryDict(case.format(source=source, tag=tag))
        listing = ArticleListing(params)
        assert listing.is_valid, listing.errors
        found = listing._count_undated(FACET_BUDGET_MS)
        took = sample(lambda listing=listing: listing._count_undated(10_000), samples)
        print(f"| undated count | `{case}` | {found} | {took.p50_ms:.1f} | {took.max_ms:.1f} |")


def index_pages(samples: int) -> None:
    for path in PAGES:
        queries, took = warm_page(path, samples)
        print(
            f"| page, warm | `{path}` | {queries} queries | {took.p50_ms:.1f} | {took.max_ms:.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection

    from articles.models import Article, Tag

    articles, tags = Article.objects.count(), Tag.objects.count()
    print(f"{connection.vendor}: {articles:,} articles, {tags:,} tags")
    print("| what | case | found | p50 ms | max ms |")
    print("| --- | --- | --- | --- | --- |")
    undated_counts(args.samples)
    index_pages(args.samples)


if __name__ == "__main__":
    main()
