"""Datasette on the same SQLite file, for the side-by-side in bench/run.py.

Datasette serves the corpus database read-only on 127.0.0.1 on a free port,
as a subprocess stopped when the block ends. The article table's search uses
the same FTS5 index our site uses (named in a metadata file, so detection does
not depend on how the migration quoted `content=`). Requests go over HTTP with
urllib to 127.0.0.1 only.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from bench.measure import SLOW_SECONDS, Case, Timing

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60
REQUEST_TIMEOUT = 60
TABLE = "articles_article"


def command() -> list[str] | None:
    """How to start Datasette here: this interpreter's, else one on PATH or in .venv."""
    if importlib.util.find_spec("datasette") is not None:
        return [sys.executable, "-m", "datasette"]
    for candidate in (shutil.which("datasette"), ROOT / ".venv" / "bin" / "datasette"):
        if candidate and Path(candidate).exists():
            return [str(candidate)]
    return None


def fts_table(database: Path) -> str | None:
    """The FTS5 table indexing the articles (external content on articles_article)."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
        ).fetchall()
    for name, sql in rows:
        if TABLE in sql:
            return name
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(database: Path, log: Path) -> Iterator[str]:
    """Datasette on `database`; yields the base URL of its table page."""
    start = command()
    if start is None:
        raise RuntimeError("Datasette is not installed (scripts/setup installs it)")
    fts = fts_table(database)
    metadata = {
        "databases": {database.stem: {"tables": {TABLE: {"fts_table": fts, "fts_pk": "id"}}}}
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(metadata, handle)
    port = free_port()
    args = [
        *start,
        "serve",
        str(database),
        "-h",
        "127.0.0.1",
        "-p",
        str(port),
        "--metadata",
        handle.name,
        "--setting",
        "sql_time_limit_ms",
        "20000",
        "--setting",
        "facet_time_limit_ms",
        "200",
        "--setting",
        "default_page_size",
        "20",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/{database.stem}/{TABLE}"
        _wait_until_up(f"http://127.0.0.1:{port}/-/versions.json", process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        Path(handle.name).unlink(missing_ok=True)


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Datasette exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError("Datasette did not start in time")


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def time_case(base: str, case: Case, samples: int, *, page: str = "") -> Timing:
    """The case's Datasette request, HTML table page (page="") or JSON (page=".json")."""
    timing = Timing(case)
    url = f"{base}{page}?{urlencode(case.datasette or {}, doseq=True)}"
    started = time.perf_counter()
    status, body = fetch(url)
    first = time.perf_counter() - started
    if first > SLOW_SECONDS:
        timing.seconds.append(first)
        timing.status, timing.size = status, len(body)
        return timing
    for _ in range(samples):
        started = time.perf_counter()
        status, body = fetch(url)
        timing.seconds.append(time.perf_counter() - started)
        timing.status, timing.size = status, len(body)
    return timing
