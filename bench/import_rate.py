"""Files per second through `manage.py import_articles` (issue 17): the real path
(read, parse, extract, store, index) on a folder of files, into a fresh database.

    python bench/generate.py files --articles 10000 --out /tmp/me/f10k
    python -m bench.import_rate /tmp/me/f10k --database sqlite --workers 1 2
    python -m bench.import_rate /tmp/me/f10k --database postgres --workers 2 --profile /tmp/me

Each run is a child process with a database of its own (SQLite: a new file in
--scratch; PostgreSQL: a new database `<--name>_<n>`, dropped afterwards) that
migrates it, then times `call_command("import_articles", folder, workers=N)`:
wall seconds, the writing process's CPU seconds, and its worker processes' CPU
seconds (they are its children). With --profile the writing process runs under
cProfile and its statistics are saved there. The load average is printed with
every row: on a shared machine the CPU figures are the steadier ones.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import resource
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/bench_import_rate"))
    parser.add_argument("--name", default="bench_import_rate", help="database name prefix")
    parser.add_argument("--profile", type=Path, help="folder for the writer's cProfile stats")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    args.scratch.mkdir(parents=True, exist_ok=True)
    files = sum(1 for _ in args.folder.rglob("*.txt"))
    print(
        "| database | files | workers | seconds | files/s | writer CPU s | workers CPU s "
        "| load average before -> after | summary |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---|")
    for workers in args.workers:
        result = _measure(args, workers)
        rate = files / result["seconds"]
        print(
            f"| {args.database} | {files:,} | {workers} | {result['seconds']:.1f} | {rate:,.0f} "
            f"| {result['writer_cpu']:.1f} | {result['workers_cpu']:.1f} "
            f"| {result['load_before']} -> {_load()} | {result['summary']} |",
            flush=True,
        )
    return 0


def _measure(args, workers: int) -> dict:
    name = f"{args.name}_{args.database}_{workers}"
    url = _fresh_database(args, name)
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-import-rate",
        "ALLOWED_HOSTS": "localhost",
        "CACHE_DIR": str(args.scratch / f"cache_{name}"),
    }
    command = [sys.executable, "-m", "bench.import_rate", str(args.folder), "--child"]
    command += ["--workers", str(workers)]
    if args.profile:
        command += ["--profile", str(args.profile / f"{name}.prof")]
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr[-3000:])
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        if args.database == "postgres":
            _drop(name)


def _fresh_database(args, name: str) -> str:
    if args.database == "sqlite":
        path = args.scratch / f"{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    _drop(name)
    _admin(f'CREATE DATABASE "{name}"')
    return f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"


def _drop(name: str) -> None:
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, **POSTGRES) as admin:
        admin.execute(sql)


def _child(args) -> int:
    """In the child: migrate, then time the import alone."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load_before = _load()
    out = StringIO()
    profile = cProfile.Profile() if args.profile else None
    started, cpu = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    if profile:
        profile.enable()
    # Exit 1 (some file failed) is a SystemExit; the summary says how many.
    with contextlib.suppress(SystemExit):
        call_command("import_articles", str(args.folder), workers=args.workers[0], stdout=out)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    summary = out.getvalue().strip().splitlines()[-1]
    print(
        json.dumps(
            {
                "seconds": seconds,
                "writer_cpu": cpu,
                "workers_cpu": workers_cpu,
                "summary": summary,
                "load_before": load_before,
            }
        )
    )
    return 0


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
