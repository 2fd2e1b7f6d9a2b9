"""Benchmark the archive on a generated corpus, side by side with Datasette.

    python bench/run.py --articles 3000 --database sqlite
    python bench/run.py --articles 100000 --database postgres --reuse --out bench/data/pg-100k.md

Builds (or with --reuse, reuses) a corpus database of N articles through the
bulk path (bench/generate.py), times the real importer on a sample of files
in a scratch database, then times the list page's searches, filters, first and
deep pages through the full Django request with the production settings, and
the same searches on Datasette serving the same SQLite file. Prints one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402

DATA = ROOT / "bench" / "data"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
IMPORT_SAMPLE = 1000


def production_environment(database_url: str) -> dict[str, str]:
    """The environment an operator would run the site with, on 127.0.0.1 without TLS."""
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "CONN_MAX_AGE": "600",
        "PYTHONPATH": str(ROOT),
    }


def corpus_name(articles: int, seed: int) -> str:
    return f"bench_{articles}" if seed == corpus.DEFAULT_SEED else f"bench_{articles}_s{seed}"


def sqlite_path(articles: int, seed: int) -> Path:
    return DATA / f"{corpus_name(articles, seed)}.sqlite3"


def database_url(vendor: str, articles: int, seed: int) -> str:
    if vendor == "sqlite":
        return f"sqlite:///{sqlite_path(articles, seed)}"
    return f"{PG_SERVER}/{corpus_name(articles, seed)}"


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(sql)


def _pg_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        return (
            admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            is not None
        )


def _stats_path(vendor: str, articles: int, seed: int) -> Path:
    return DATA / f"{corpus_name(articles, seed)}.{vendor}.json"


def build_corpus(vendor: str, articles: int, seed: int, *, reuse: bool) -> dict:
    """A complete corpus database: reused when asked and present, else built under a
    temporary name and renamed when done, so a crash never leaves a half corpus."""
    stats_file = _stats_path(vendor, articles, seed)
    name = corpus_name(articles, seed)
    present = sqlite_path(articles, seed).exists() if vendor == "sqlite" else _pg_exists(name)
    if reuse and present and stats_file.exists():
        return json.loads(stats_file.read_text()) | {"reused": True}
    DATA.mkdir(parents=True, exist_ok=True)
    building = f"{name}_building"
    if vendor == "sqlite":
        target = DATA / f"{building}.sqlite3"
        target.unlink(missing_ok=True)
        url = f"sqlite:///{target}"
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{building}"')
        _pg_admin(f'CREATE DATABASE "{building}"')
        url = f"{PG_SERVER}/{building}"
    stats = _generate(url, articles, seed)
    if vendor == "sqlite":
        target.replace(sqlite_path(articles, seed))
    else:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}"')
        _pg_admin(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    stats |= {"built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "seed": seed}
    stats_file.write_text(json.dumps(stats))
    # The bulk path writes past the signals that retire cached facet counts:
    # counts cached for an earlier corpus of the same name must go.
    shutil.rmtree(DATA / "cache", ignore_errors=True)
    return stats | {"reused": False}


def _generate(url: str, articles: int, seed: int) -> dict:
    """Migrate, then the bulk path, in a child process on `url`; its timing as a dict."""
    environment = production_environment(url) | {"DJANGO_SETTINGS_MODULE": "archive.settings"}
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            "database",
            "--articles",
            str(articles),
            "--seed",
            str(seed),
        ],
        env=environment,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    stats["with_migrate_seconds"] = round(time.perf_counter() - started, 2)
    return stats


IMPORT_TIMER = """
import io, json, sys, time
import django
django.setup()
from django.core.management import call_command
from articles.models import Article
call_command("migrate", verbosity=0)
report = io.StringIO()
started = time.perf_counter()
try:
    call_command("import_articles", sys.argv[1], stdout=report, stderr=report)
    code = 0
except SystemExit as stop:
    code = stop.code
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "articles": Article.objects.count(), "exit": code}))
"""


def time_importer(vendor: str, files: int, seed: int) -> dict:
    """The real importer (`import_articles`) on `files` generated files, into a scratch database."""
    scratch = f"bench_scratch_{os.getpid()}"
    if vendor == "sqlite":
        url = f"sqlite:///{DATA / (scratch + '.sqlite3')}"
    else:
        _pg_admin(f'CREATE DATABASE "{scratch}"')
        url = f"{PG_SERVER}/{scratch}"
    environment = production_environment(url) | {"DJANGO_SETTINGS_MODULE": "archive.settings"}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-files-") as folder:
            from bench.generate import write_files

            write_files(files, Path(folder), seed=seed)
            result = subprocess.run(
                [sys.executable, "-c", IMPORT_TIMER, folder],
                env=environment,
                cwd=ROOT,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
                timeout=3600,
            )
        timing = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        if vendor == "sqlite":
            (DATA / f"{scratch}.sqlite3").unlink(missing_ok=True)
        else:
            _pg_admin(f'DROP DATABASE IF EXISTS "{scratch}"')
    timing["files"] = files
    timing["per_second"] = timing["articles"] / timing["seconds"] if timing["seconds"] else 0
    return timing


def collect_static(environment: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
        env=environment,
        check=True,
        cwd=ROOT,
    )


def list_cases(
    source_id: int, deep: dict[str, str] | None, deep_datasette: dict | None, deep_page_number: int
) -> list:
    """The list-page requests timed on both sides; Datasette's equivalents beside them."""
    from bench.measure import Case

    def ds(**params):
        # Datasette's table page with facets, as ours always shows them.
        return params | {"_facet": ["source_id", "language"]}

    phrase = '"intergovernmental commission"'
    cases = [
        Case("search common word", {"q": "Azerbaijan"}, ds(_search="Azerbaijan")),
        Case("search common word 2", {"q": "cooperation"}, ds(_search="cooperation")),
        Case(
            "search two common words", {"q": "Russia cooperation"}, ds(_search="Russia cooperation")
        ),
        Case("search rare word", {"q": corpus.RARE_WORD}, ds(_search=corpus.RARE_WORD)),
        Case("search phrase", {"q": phrase}, ds(_search=phrase)),
        Case("search Russian word", {"q": "сотрудничество"}, ds(_search="сотрудничество")),
        Case(
            "search + source",
            {"q": "Russia", "source": "trend"},
            ds(_search="Russia", source_id=str(source_id)),
        ),
        Case(
            "search + date range",
            {"q": "corridor", "date_after": "2015-01-01", "date_before": "2019-12-31"},
            ds(_search="corridor", published_on__gte="2015-01-01", published_on__lte="2019-12-31"),
        ),
        Case("search no hits", {"q": corpus.ABSENT_WORD}, ds(_search=corpus.ABSENT_WORD)),
        Case(
            "filter source",
            {"source": "trend"},
            ds(source_id=str(source_id), _sort_desc="published_on"),
            kind="filter",
        ),
        Case(
            "filter language + date",
            {"language": "ru", "date_after": "2010-01-01"},
            ds(language="ru", published_on__gte="2010-01-01", _sort_desc="published_on"),
            kind="filter",
        ),
        Case("first page", {}, ds(_sort_desc="published_on"), kind="first"),
    ]
    if deep is not None:
        cases.append(Case("deep page (cursor, 90% in)", deep, deep_datasette, kind="deep"))
    far = str(max(1, min(400, deep_page_number)))
    cases.append(Case(f"page {far} (offset)", {"page": far}, None, kind="deep"))
    return cases


def deep_params(page_size: int = 20) -> tuple[dict | None, dict | None]:
    """The keyset cursor of a page nine tenths of the way into the newest-first
    list (the "Older" link's cursor=next.<date>.<id>), and Datasette's _next to the same row."""
    from articles.models import Article

    total = Article.objects.count()
    offset = (total * 9 // 10) // page_size * page_size
    row = Article.objects.newest_first().values("id", "published_on")[offset - 1 : offset].first()
    if row is None:
        return None, None
    date = row["published_on"].isoformat() if row["published_on"] else ""
    ours = {"cursor": f"next.{date or '-'}.{row['id']}"}
    theirs = {"_sort_desc": "published_on", "_next": f"{date},{row['id']}"}
    return ours, theirs | {"_facet": ["source_id", "language"]}


def database_size(vendor: str, articles: int, seed: int) -> int:
    if vendor == "sqlite":
        return sqlite_path(articles, seed).stat().st_size
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def measure_site(args) -> tuple[list, list]:
    """Our list page through the test client, in this process, on the corpus database,
    set up as a gunicorn worker is (archive.wsgi, its gc.freeze() included)."""
    from django.test import Client

    import archive.wsgi  # noqa: F401
    from articles.models import Article, Source
    from bench import measure

    client = Client(raise_request_exception=False)
    source_id = Source.objects.get(slug="trend").pk
    deep, deep_datasette = deep_params()
    pages = Article.objects.count() // 20
    cases = list_cases(source_id, deep, deep_datasette, pages * 9 // 10)
    timings = [
        measure.time_case(client, case, args.samples, cold_samples=args.cold_samples)
        for case in cases
    ]
    slowest = max(timings, key=lambda timing: timing.p50)
    return timings, [
        (slowest.case.name, *item) for item in measure.slowest_statements(client, slowest.case)
    ]


def measure_datasette(database: Path | None, cases: list, samples: int) -> dict:
    """Datasette's timings by case name, or a reason why there are none."""
    from bench import datasette_side

    if samples <= 0:
        return {"error": "not measured in this run (--datasette-samples 0)"}
    if database is None or not database.exists():
        return {"error": "n/a: no SQLite copy of this corpus (run with --database sqlite first)"}
    if datasette_side.command() is None:
        return {"error": "n/a: Datasette is not installed (scripts/setup installs it)"}
    found, bare = {}, {}
    with datasette_side.serving(database, DATA / "datasette.log") as base:
        for case in cases:
            if case.datasette is not None:
                found[case.name] = datasette_side.time_case(base, case, samples)
                # The search alone: its JSON API, no facets, no HTML.
                plain = {k: v for k, v in case.datasette.items() if k != "_facet"}
                bare[case.name] = datasette_side.time_case(
                    base, replace(case, datasette=plain), samples, page=".json"
                )
    return {"timings": found, "bare": bare}


def code_version() -> str:
    """The commit measured, and whether the working tree differed from it."""

    def git(*args: str) -> str:
        found = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return found.stdout.strip()

    changed = git("status", "--porcelain", "--untracked-files=no", "--", "articles", "templates")
    return f"code {git('rev-parse', '--short', 'HEAD') or 'unknown'}" + (
        " with uncommitted changes in articles/ or templates/" if changed else ""
    )


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs, {memory:.0f} GiB RAM, {platform.platform(terse=True)}"


def _ms(value: float) -> str:
    return "-" if value != value else f"{value:,.1f}"


def table_rows(timings: list, datasette: dict) -> list[list[str]]:
    theirs, bare = datasette.get("timings", {}), datasette.get("bare", {})
    rows = []
    for timing in timings:
        other, plain = theirs.get(timing.case.name), bare.get(timing.case.name)
        rows.append(
            [
                timing.case.name + ("" if len(timing.seconds) > 1 else " (1 sample: slow)"),
                " ".join(f"{k}={v}" for k, v in timing.case.params.items()) or "-",
                str(timing.status),
                _ms(timing.p50),
                _ms(timing.p95),
                _ms(timing.sql_p50),
                _ms(timing.facet_p50),
                str(timing.queries),
                _ms(timing.cold_p50),
                _ms(timing.cold_p95),
                str(timing.cold_queries) if timing.cold_seconds else "-",
                _ms(other.p50) if other else "n/a",
                _ms(other.p95) if other else "n/a",
                str(other.status) if other else "-",
                _ratio(timing, other),
                _ms(plain.p50) if plain else "n/a",
                _ratio(timing, plain),
            ]
        )
    return rows


HEADER = [
    "case",
    "parameters",
    "status",
    "p50 ms",
    "p95 ms",
    "SQL p50 ms",
    "facet SQL ms",
    "queries",
    "cold p50 ms",
    "cold p95 ms",
    "cold queries",
    "Datasette p50 ms",
    "Datasette p95 ms",
    "Datasette status",
    "ours/Datasette",
    "Datasette JSON no facets p50 ms",
    "ours/that",
]


def _ratio(ours, theirs) -> str:
    if theirs is None or theirs.status != 200 or ours.status != 200:
        return "n/a"
    return f"{ours.p50 / theirs.p50:.2f}x"


def format_table(rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    widths[1] = min(widths[1], 40)

    def render(row: list[str]) -> str:
        cells = (cell[:40] if i == 1 else cell for i, cell in enumerate(row))
        return "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells))

    return "\n".join([render(HEADER), *(render(row) for row in rows)])


def verdicts(args, timings: list, build: dict, imported: dict | None) -> list[str]:
    """The issue's targets that apply at this size, each held or missed."""
    by_kind: dict[str, list] = {}
    for timing in timings:
        by_kind.setdefault(timing.case.kind, []).append(timing)
    lines = [f"not measured: {t.case.name} answered {t.status}" for t in timings if t.status != 200]
    by_kind = {kind: [t for t in found if t.status == 200] for kind, found in by_kind.items()}
    search_limit = (
        {"postgres": 60, "sqlite": 50}[args.database] if args.articles <= 100_000 else 150
    )
    searches, filters = by_kind.get("search", []), by_kind.get("filter", [])
    for label, value in (("p95", lambda t: t.p95), ("cold p95", lambda t: t.cold_p95)):
        worst = max(searches, key=value, default=None)
        if worst is not None and value(worst) == value(worst):
            text = f"search {label} < {search_limit} ms (worst: {worst.case.name})"
            lines.append(_verdict(text, value(worst), search_limit))
        for timing in filters:
            if value(timing) == value(timing):
                text = f"filter-only {label} < 50 ms ({timing.case.name})"
                lines.append(_verdict(text, value(timing), 50))
    first = by_kind.get("first", [None])[0]
    for deep in by_kind.get("deep", []) if first else []:
        label = f"{deep.case.name} p50 <= 1.5x first page ({1.5 * first.p50:.1f})"
        lines.append(_verdict(label, deep.p50, 1.5 * first.p50))
    bulk_target = {"postgres": 2000, "sqlite": 3000}[args.database]
    lines.append(
        _verdict(
            f"bulk path >= {bulk_target:,} articles/s",
            -build["per_second"],
            -bulk_target,
            shown=build["per_second"],
        )
    )
    most = max(timings, key=lambda t: t.queries)
    lines.append(
        f"most SQL queries on one list page: {most.queries} ({most.case.name}); "
        "target: at most 3 plus one per facet group"
    )
    return lines


def _verdict(label: str, value: float, limit: float, shown: float | None = None) -> str:
    held = "held" if value <= limit else "MISSED"
    return f"target {label}: {held} ({abs(shown if shown is not None else value):,.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--reuse", action="store_true", help="reuse a corpus built before")
    parser.add_argument("--samples", type=int, default=20, help="timed requests per case")
    parser.add_argument(
        "--cold-samples", type=int, default=5, help="timed requests per case with caches emptied"
    )
    parser.add_argument(
        "--datasette-samples", type=int, default=10, help="timed Datasette requests per case"
    )
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument(
        "--import-files",
        type=int,
        default=IMPORT_SAMPLE,
        help="files through the real importer (0 to skip)",
    )
    parser.add_argument("--out", type=Path, help="also write the report as Markdown here")
    parser.add_argument("--build-only", action="store_true", help="build the corpus, time nothing")
    args = parser.parse_args(argv)
    # A plain kill must still stop the servers this run started (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    build = build_corpus(args.database, args.articles, args.seed, reuse=args.reuse)
    if args.build_only:
        print(json.dumps(build))
        return 0
    environment = production_environment(database_url(args.database, args.articles, args.seed))
    if build.get("reused"):
        # A corpus built before may predate a migration (an index): apply it as an operator would.
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v", "0"],
            env=environment | {"DJANGO_SETTINGS_MODULE": "archive.settings"},
            check=True,
            cwd=ROOT,
        )
    files = min(args.import_files, args.articles)
    imported = time_importer(args.database, files, args.seed) if files else None
    collect_static(environment)
    os.environ.update(environment)
    timings, slowest = measure_site(args)
    size = database_size(args.database, args.articles, args.seed)
    datasette = measure_datasette(
        sqlite_path(args.articles, args.seed), [t.case for t in timings], args.datasette_samples
    )
    report = render(args, build, imported, size, timings, datasette, slowest)
    print(report["text"])
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report["markdown"])
    return 0


def render(args, build, imported, size, timings, datasette, slowest) -> dict[str, str]:
    engine = "PostgreSQL" if args.database == "postgres" else "SQLite"
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    head = [
        f"Benchmark: {args.articles:,} articles on {engine}, seed {args.seed}, "
        f"{args.samples} timed requests per case, {now}, {machine()}, {code_version()}",
        f"corpus: {'reused, ' if build.get('reused') else ''}bulk path {build['per_second']:,.0f} "
        f"articles/s ({build['articles']:,} rows in {build['rows_seconds']:,.1f} s, indexes "
        f"{build['index_seconds']:,.1f} s, catalogue {build['catalogue_seconds']:,.1f} s); "
        f"database {size / 2**20:,.0f} MiB",
    ]
    if imported:
        head.append(
            f"import_articles (the real importer): {imported['articles']:,} of "
            f"{imported['files']:,} files in {imported['seconds']:.1f} s = "
            f"{imported['per_second']:,.0f} articles/s (exit {imported['exit']})"
        )
    notes = [
        "Latency is the full Django request (test client, DEBUG=0, production middleware); "
        "Datasette's is its HTML table page with _search and facets over HTTP on 127.0.0.1, "
        "which orders matches by id and does not rank them.",
    ]
    if "error" in datasette:
        notes.append(f"Datasette: {datasette['error']}")
    summary = _datasette_summary(timings, datasette)
    rows = table_rows(timings, datasette)
    tail = verdicts(args, timings, build, imported) + [
        f"slowest statement in '{name}': {seconds * 1000:,.1f} ms: {sql[:300]}"
        for name, sql, seconds in slowest[:2]
    ]
    text = "\n".join([*head, "", format_table(rows, False), "", summary, *notes, *tail])
    markdown = "\n\n".join(
        [*head, format_table(rows, True), summary, *notes, "\n".join(f"- {line}" for line in tail)]
    )
    return {"text": text, "markdown": markdown + "\n"}


def _answered(timing) -> bool:
    return timing is not None and timing.status == 200


def _datasette_summary(timings: list, datasette: dict) -> str:
    parts = []
    for key, label in (("timings", "its table page with facets"), ("bare", "its bare JSON search")):
        theirs = datasette.get(key, {})
        ratios = [
            t.p50 / theirs[t.case.name].p50
            for t in timings
            if t.case.kind == "search" and t.status == 200 and _answered(theirs.get(t.case.name))
        ]
        if ratios:
            mean = math.prod(ratios) ** (1 / len(ratios))
            parts.append(f"{mean:.2f}x against {label} ({len(ratios)} searches)")
    if not parts:
        return "search vs Datasette: n/a"
    return (
        "search vs Datasette on the same SQLite file, geometric mean of ours/Datasette p50: "
        + "; ".join(parts)
        + " (below 1 means we answer faster)"
    )


if __name__ == "__main__":
    sys.exit(main())
