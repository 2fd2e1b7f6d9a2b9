"""Timing the JSON API beside the list page it mirrors, on a corpus of
bench/run.py: for each of run.py's list cases, /articles/ and
/api/articles/ with the same parameters (warm, facets cached), then the
API's other endpoints. Prints one Markdown table.

    python bench/api.py --articles 10000 --database sqlite --reuse

The same production settings as bench/run.py (DEBUG=0, bench/settings.py),
in this process through django.test.Client, with the API's throttle lifted
so the timed requests are never refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.run import (  # noqa: E402
    build_corpus,
    code_version,
    collect_static,
    database_url,
    deep_params,
    list_cases,
    machine,
    production_environment,
)

UNTHROTTLED = "1000000/second"


def other_endpoints() -> list[tuple[str, str]]:
    """The API's endpoints besides the list, each at a row the corpus holds."""
    from articles.models import Agreement, Article

    article = Article.objects.newest_first().values_list("slug", flat=True).first()
    agreement = Agreement.objects.visible().values_list("slug", flat=True).first()
    return [
        ("one article", f"/api/articles/{article}/"),
        ("sources", "/api/sources/"),
        ("tags (first 200)", "/api/tags/"),
        ("agreements, all scopes", "/api/agreements/?scope=all"),
        ("one agreement", f"/api/agreements/{agreement}/"),
    ]


def measure(samples: int) -> list[list[str]]:
    from django.test import Client

    import archive.wsgi  # noqa: F401 - set up as a gunicorn worker is
    from articles.models import Article, Source
    from bench.measure import Case, time_case

    client = Client(raise_request_exception=False)
    source_id = Source.objects.get(slug="trend").pk
    deep, deep_datasette = deep_params()
    cases = list_cases(source_id, deep, deep_datasette, Article.objects.count() // 20 * 9 // 10)
    rows = []
    for case in cases:
        page = time_case(client, case, samples)
        api = time_case(client, case, samples, path="/api/articles/")
        rows.append(_row(case.name, page, api))
    for name, path in other_endpoints():
        address, _, query = path.partition("?")
        params = dict([query.split("=")]) if query else {}
        rows.append(_row(name, None, time_case(client, Case(name, params), samples, path=address)))
    return rows


def _row(name: str, page, api) -> list[str]:
    return [
        name,
        f"{page.p50:,.1f}" if page else "",
        f"{api.p50:,.1f}",
        f"{api.p95:,.1f}",
        str(api.queries),
        str(api.status),
        f"{api.size / 1024:,.1f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--reuse", action="store_true", help="reuse a corpus built before")
    parser.add_argument("--samples", type=int, default=20, help="timed requests per case")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    args = parser.parse_args(argv)

    build_corpus(args.database, args.articles, args.seed, reuse=args.reuse)
    url = database_url(args.database, args.articles, args.seed)
    environment = production_environment(url) | {"API_ANON_RATE": UNTHROTTLED}
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"],
        env=environment | {"DJANGO_SETTINGS_MODULE": "archive.settings"},
        check=True,
        cwd=ROOT,
    )
    collect_static(environment)
    os.environ.update(environment)
    import django

    django.setup()
    rows = measure(args.samples)
    engine = "PostgreSQL" if args.database == "postgres" else "SQLite"
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"API: {args.articles:,} articles on {engine}, {args.samples} timed requests per case, "
        f"{now}, {machine()}, {code_version()}\n"
    )
    head = ["case", "list page p50 ms", "API p50 ms", "API p95 ms", "API queries", "status", "KiB"]
    for row in [head, ["---"] * len(head), *rows]:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
