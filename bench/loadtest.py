"""Load test: gunicorn with the production settings on 127.0.0.1, driven by locust.

    python bench/loadtest.py --articles 100000 --database postgres
    python bench/loadtest.py --articles 3000 --users 10 --minutes 0.5 --burst-seconds 10

Uses (or builds) the corpus database of bench/run.py, collects static files,
starts gunicorn bound to 127.0.0.1 only with DEBUG=0, a fresh SECRET_KEY and
plain HTTP, then runs bench/locustfile.py headless: a steady phase (50 users
for 10 minutes by default) and a burst (100 users for a minute). Every run is
bounded in time; gunicorn is stopped at the end whatever happens. Prints
requests per second, p50/p95/p99 and errors per phase.

    python bench/loadtest.py --articles 10000 --servers 2 --minutes 3

`--servers 2` starts two gunicorn servers on two ports, sharing the database
and one cache (`--cache-url`, default db://archive_cache: the database's own
cache table, so both compare counts against one archive version), and splits
the readers between them in turn, as a load balancer would. A run given a
cache (`--cache-url`, or two servers) starts from it emptied.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus, run  # noqa: E402
from bench.datasette_side import free_port  # noqa: E402

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    local = BIN / name
    return str(local if local.exists() else ROOT / ".venv" / "bin" / name)


def start_gunicorn(environment: dict[str, str], port: int, workers: int, log: Path):
    args = [
        _tool("gunicorn"), "archive.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--timeout", "30", "--graceful-timeout", "5",
        "--error-logfile", str(log), "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(args, env=environment, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/articles/", timeout=10).read()
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("gunicorn did not answer in time")


def run_locust(ports: list[int], users: int, seconds: int, prefix: Path) -> dict[str, str]:
    """One headless locust phase, its readers split between the servers on
    `ports` (bench/locustfile.py); the aggregated row of its statistics."""
    servers = [f"http://127.0.0.1:{port}" for port in ports]
    args = [
        _tool("locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
        "--host", servers[0], "--users", str(users),
        "--spawn-rate", str(max(1, users // 10)), "--run-time", f"{seconds}s",
        "--stop-timeout", "10", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    environment = os.environ | {"LOAD_TEST_SERVERS": ",".join(servers)}
    subprocess.run(args, cwd=ROOT, env=environment, timeout=seconds + 120, check=False)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return next(row for row in rows if row["Name"] == "Aggregated") | {"_rows": rows}


def summary(phase: str, users: int, seconds: int, stats: dict) -> str:
    return (
        f"{phase}: {users} users for {seconds} s: {int(stats['Request Count']):,} requests, "
        f"{float(stats['Requests/s']):.1f} requests/s, p50 {stats['50%']} ms, "
        f"p95 {stats['95%']} ms, p99 {stats['99%']} ms, "
        f"errors {stats['Failure Count']}"
    )


def per_endpoint(stats: dict) -> list[str]:
    lines = ["| request | count | errors | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]
    for row in stats["_rows"]:
        lines.append(
            f"| {row['Type']} {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
            f"| {row['50%']} | {row['95%']} | {row['99%']} |"
        )
    return lines


def prepare_cache(environment: dict[str, str]) -> None:
    """The shared cache's table (a corpus migrated before it existed lacks it), emptied."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "createcachetable"], env=environment, cwd=ROOT, check=True)
    empty = "from django.core.cache import cache; cache.clear()"
    subprocess.run([*manage, "shell", "--no-imports", "-c", empty], env=environment, cwd=ROOT,
                   check=True)  # fmt: skip


@contextlib.contextmanager
def servers(environment: dict[str, str], count: int, workers: int):
    """`count` gunicorn servers on free ports of 127.0.0.1, stopped at the end."""
    started = []
    try:
        for number in range(count):
            port = free_port()
            log = run.DATA / f"gunicorn-{number + 1}.log"
            started.append((port, start_gunicorn(environment, port, workers, log)))
        yield [port for port, _ in started]
    finally:
        for _, process in started:
            process.terminate()
        for _, process in started:
            process.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--burst-users", type=int, default=100)
    parser.add_argument("--burst-seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--servers", type=int, choices=(1, 2), default=1)
    parser.add_argument(
        "--cache-url", help="CACHE_URL of the servers (default: files for one, db:// for two)"
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    # A plain kill must still stop the servers this run started (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    run.build_corpus(args.database, args.articles, args.seed, reuse=True)
    environment = run.production_environment(
        run.database_url(args.database, args.articles, args.seed)
    )
    cache_url = args.cache_url or ("db://archive_cache" if args.servers > 1 else None)
    if cache_url:
        environment["CACHE_URL"] = cache_url
    run.collect_static(environment)
    if cache_url:
        prepare_cache(environment)
    steady_seconds = int(args.minutes * 60)
    with (
        servers(environment, args.servers, args.workers) as ports,
        tempfile.TemporaryDirectory(prefix="bench-locust-") as folder,
    ):
        steady = run_locust(ports, args.users, steady_seconds, Path(folder) / "steady")
        burst = run_locust(ports, args.burst_users, args.burst_seconds, Path(folder) / "burst")
    lines = [
        f"Load test: {args.articles:,} articles on {args.database}, {args.servers} gunicorn "
        f"server(s) of {args.workers} sync workers on 127.0.0.1 sharing the cache "
        f"{cache_url or 'file (CACHE_DIR)'}, DEBUG=0, {run.machine()}",
        summary("steady", args.users, steady_seconds, steady),
        summary("burst", args.burst_users, args.burst_seconds, burst),
    ]
    print("\n".join(lines))
    if args.out:
        tables = ["", "Steady phase:", "", *per_endpoint(steady)]
        tables += ["", "Burst:", "", *per_endpoint(burst)]
        args.out.write_text("\n\n".join(lines[:3]) + "\n" + "\n".join(tables) + "\n")
    failures = int(steady["Failure Count"]) + int(burst["Failure Count"])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
