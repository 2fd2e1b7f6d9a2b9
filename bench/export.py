"""Benchmark the exports (articles/exports.py) on a generated corpus: rows per
second, time to the first byte and peak memory, per format and database.

    python bench/export.py --articles 10000 100000 --database sqlite postgres --reuse

Builds (or with --reuse, reuses) the corpora of bench/run.py, then for each
database, size and format runs one child process that GETs
/export/articles.<format> through django.test.Client with the production
settings (the full request: middleware, validation, the listing, streaming)
and reads the streamed body to its end without keeping it. A child of its
own per export, so its peak RSS (getrusage) is that export's alone: flat
memory shows as the same peak at 10k and 100k. Prints one Markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.run import build_corpus, database_url, production_environment  # noqa: E402

FORMATS = ("csv", "jsonl", "ris", "bib")
# Every article, newest first (a browse), and a search over a word nearly
# every English article holds (its ranked candidates, RANK_LIMIT at most).
QUERIES = {"every article": "", "search: cooperation": "q=cooperation"}

CHILD = """
import json, resource, sys, time
import django
django.setup()
from django.test import Client

extension, query = sys.argv[1], sys.argv[2]
client = Client(HTTP_HOST="127.0.0.1")
# A refused export first loads the URLconf, the views and the listing's caches.
assert client.get("/export/articles.ris?date_after=not-a-date").status_code == 400
before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
response = client.get(f"/export/articles.{extension}?{query}")
first_byte, size, lines = None, 0, 0
for piece in response.streaming_content:
    if first_byte is None and piece:
        first_byte = time.perf_counter() - started
    size += len(piece)
    lines += piece.count(b"\\n")
seconds = time.perf_counter() - started
print(json.dumps({
    "status": response.status_code,
    "seconds": seconds,
    "first_byte": first_byte,
    "bytes": size,
    "lines": lines,
    "rss_before_mib": before_kib / 1024,
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def rows_in(vendor: str, articles: int, query: str) -> int:
    """How many articles the export should hold: the listing's own every_row, counted."""
    script = (
        "import django, sys; django.setup()\n"
        "from django.http import QueryDict\n"
        "from articles.listing import ArticleListing\n"
        "listing = ArticleListing(QueryDict(sys.argv[1]))\n"
        "slim = lambda rows: rows.only('pk', 'published_on')\n"
        "print(sum(1 for _ in listing.every_row(prepare=slim)))\n"
    )
    return int(_child(vendor, articles, [sys.executable, "-c", script, query]).strip())


def _child(vendor: str, articles: int, command: list[str]) -> str:
    environment = production_environment(database_url(vendor, articles, corpus.DEFAULT_SEED))
    result = subprocess.run(
        command, env=environment, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def measure(vendor: str, articles: int, extension: str, query: str) -> dict:
    line = _child(vendor, articles, [sys.executable, "-c", CHILD, extension, query])
    return json.loads(line)


def table(results: list[dict]) -> str:
    lines = [
        "| database | corpus | export | format | rows | MB | seconds | rows/s "
        "| first byte ms | RSS before MiB | peak RSS MiB |",
        "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results:
        lines.append(
            f"| {row['vendor']} | {row['articles']:,} | {row['export']} | {row['format']} "
            f"| {row['rows']:,} | {row['bytes'] / 1e6:.1f} | {row['seconds']:.1f} "
            f"| {row['rows'] / row['seconds']:,.0f} | {row['first_byte'] * 1000:.0f} "
            f"| {row['rss_before_mib']:.0f} | {row['peak_rss_mib']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--reuse", action="store_true", help="keep corpora built before")
    parser.add_argument("--out", type=Path, help="also write the table here")
    args = parser.parse_args(argv)
    results = []
    for vendor in args.database:
        for articles in args.articles:
            build_corpus(vendor, articles, corpus.DEFAULT_SEED, reuse=args.reuse)
            for name, query in QUERIES.items():
                rows = rows_in(vendor, articles, query)
                for extension in args.formats:
                    timing = measure(vendor, articles, extension, query)
                    assert timing["status"] == 200, timing
                    results.append(
                        timing
                        | {"vendor": vendor, "articles": articles, "export": name}
                        | {"format": extension, "rows": rows}
                    )
                    print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    report = f"{platform.node()}, Python {platform.python_version()}, {started}\n\n{table(results)}"
    print(report)
    if args.out:
        args.out.write_text(report + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
