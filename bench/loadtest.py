"""Load test: gunicorn with the production settings on 127.0.0.1, driven by locust.

    python bench/loadtest.py --articles 100000 --database postgres
    python bench/loadtest.py --articles 3000 --users 10 --minutes 0.5 --burst-seconds 10

Uses (or builds) the corpus database of bench/run.py, collects static files,
starts gunicorn bound to 127.0.0.1 only with DEBUG=0, a fresh SECRET_KEY and
plain HTTP, then runs bench/locustfile.py headless: a steady phase (50 users
for 10 minutes by default) and a burst (100 users for a minute). Every run is
bounded in time; gunicorn is stopped at the end whatever happens. Prints
requests per second, p50/p95/p99 and errors per phase.
"""

from __future__ import annotations

import argparse
import csv
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


def run_locust(port: int, users: int, seconds: int, prefix: Path) -> dict[str, str]:
    """One headless locust phase; the aggregated row of its statistics."""
    args = [
        _tool("locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
        "--host", f"http://127.0.0.1:{port}", "--users", str(users),
        "--spawn-rate", str(max(1, users // 10)), "--run-time", f"{seconds}s",
        "--stop-timeout", "10", "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    subprocess.run(args, cwd=ROOT, timeout=seconds + 120, check=False)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--burst-users", type=int, default=100)
    parser.add_argument("--burst-seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    # A plain kill must still stop the servers this run started (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    run.build_corpus(args.database, args.articles, args.seed, reuse=True)
    environment = run.production_environment(
        run.database_url(args.database, args.articles, args.seed)
    )
    run.collect_static(environment)
    port = free_port()
    log = run.DATA / "gunicorn.log"
    steady_seconds = int(args.minutes * 60)
    server = start_gunicorn(environment, port, args.workers, log)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-locust-") as folder:
            steady = run_locust(port, args.users, steady_seconds, Path(folder) / "steady")
            burst = run_locust(port, args.burst_users, args.burst_seconds, Path(folder) / "burst")
    finally:
        server.terminate()
        server.wait(30)
    lines = [
        f"Load test: {args.articles:,} articles on {args.database}, gunicorn {args.workers} "
        f"sync workers on 127.0.0.1, DEBUG=0, {run.machine()}",
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
