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
cache (`--cache-url`, or two servers) starts from it emptied. With
`--burst-users 0` (or `--burst-seconds 0`) there is no burst phase: locust
given no users, or `--run-time 0s` (which it reads as no limit), never ends.

    python bench/loadtest.py --database-url postgres://postgres@127.0.0.1:5432/mine \
        --cache-url redis://127.0.0.1:6379/11 --servers 2 --workers 2 --users 30 --minutes 2

`--database-url` serves a corpus built apart (bench/generate.py database), and
the servers' CPU time per request is printed beside the latency: on shared
cores, wall-clock latency says more about the neighbours than about the code.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import resource
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
    """The shared caches' tables (a corpus migrated before they existed lacks them),
    emptied: the counts and the rendered pages (archive.middleware), so every run
    starts cold."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "createcachetable"], env=environment, cwd=ROOT, check=True)
    empty = "from django.core.cache import caches\nfor each in caches.all(): each.clear()"
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
        yield [port for port, _ in started], [process for _, process in started]
    finally:
        for _, process in started:
            process.terminate()
        for _, process in started:
            process.wait(30)


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes so far (Linux /proc): what
    the requests cost the cores, whatever else ran beside them."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            # utime and stime are fields 14 and 15 of stat(5); the split starts at field 3.
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def server_pids(processes: list[subprocess.Popen]) -> list[int]:
    return [pid for process in processes for pid in [process.pid, *_children(process.pid)]]


def database_pids(url: str) -> list[int]:
    """The PostgreSQL backends serving the corpus (the servers keep their
    connections, CONN_MAX_AGE), so their CPU counts with the request's."""
    if not url.startswith("postgres"):
        return []
    import psycopg

    name = url.rpartition("/")[2]
    with psycopg.connect(f"{run.PG_SERVER}/postgres", autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    return [pid for (pid,) in rows]


def _children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in found]
    return []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _spent(pids: list[int], before: dict[int, float]) -> float:
    return sum(cpu_seconds([pid]) - before.get(pid, 0.0) for pid in pids)


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument(
        "--database-url", help="serve this database as it is instead of bench/run.py's corpus"
    )
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--burst-users", type=int, default=100, help="0: no burst phase")
    parser.add_argument("--burst-seconds", type=int, default=60, help="0: no burst phase")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--servers", type=int, choices=(1, 2), default=1)
    parser.add_argument(
        "--cache-url",
        help="CACHE_URL of the servers, e.g. redis://127.0.0.1:6379/11 (default: files for "
        "one, db:// for two); emptied before the run, so give a cache of the run's own",
    )
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    steady_seconds = int(args.minutes * 60)
    if steady_seconds < 1 or args.users < 1:
        parser.error("the steady phase needs at least one user and one second")
    with_burst = args.burst_users > 0 and args.burst_seconds > 0
    # A plain kill must still stop the servers this run started (the finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    if args.database_url:
        url = args.database_url
    else:
        run.build_corpus(args.database, args.articles, args.seed, reuse=True)
        url = run.database_url(args.database, args.articles, args.seed)
    environment = run.production_environment(url)
    cache_url = args.cache_url or ("db://archive_cache" if args.servers > 1 else None)
    if cache_url:
        environment["CACHE_URL"] = cache_url
    run.collect_static(environment)
    if cache_url:
        prepare_cache(environment)
    phases = [("steady", args.users, steady_seconds)]
    if with_burst:
        phases.append(("burst", args.burst_users, args.burst_seconds))
    results = []
    with (
        servers(environment, args.servers, args.workers) as (ports, processes),
        tempfile.TemporaryDirectory(prefix="bench-locust-") as folder,
    ):
        for phase, users, seconds in phases:
            # Backends opened during the phase started from nothing: those
            # seen only at its end count in full.
            before = {pid: cpu_seconds([pid]) for pid in server_pids(processes)}
            before |= {pid: cpu_seconds([pid]) for pid in database_pids(url)}
            # locust is the only child waited for during the phase: its CPU is the delta.
            client_before = _children_cpu()
            stats = run_locust(ports, users, seconds, Path(folder) / phase)
            client = _children_cpu() - client_before
            python = _spent(server_pids(processes), before)
            sql = _spent(database_pids(url), before)
            cpu = (python, sql, client)
            results.append((phase, users, seconds, stats, cpu, load_average()))
    lines = [
        f"Load test: {url.rpartition('/')[2]} on {args.database}, {args.servers} gunicorn "
        f"server(s) of {args.workers} sync workers on 127.0.0.1 sharing the cache "
        f"{cache_url or 'file (CACHE_DIR)'}, DEBUG=0, {run.machine()}",
    ]
    for phase, users, seconds, stats, cpu, load in results:
        count = max(int(stats["Request Count"]), 1)
        python, sql, client = cpu
        lines.append(
            summary(phase, users, seconds, stats)
            + f"; CPU a request: gunicorn {python / count * 1000:,.1f} ms, PostgreSQL "
            + f"{sql / count * 1000:,.1f} ms ({python:,.0f} s and {sql:,.0f} s in all), "
            + f"locust {client / count * 1000:,.1f} ms"
            + f"; load average at the end {load}"
        )
    print("\n".join(lines))
    if args.out:
        tables = []
        for phase, *_, stats, _cpu, _load in results:
            tables += ["", f"{phase.capitalize()} phase:", "", *per_endpoint(stats)]
        args.out.write_text("\n\n".join(lines) + "\n" + "\n".join(tables) + "\n")
    failures = sum(int(stats["Failure Count"]) for *_, stats, _cpu, _load in results)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
