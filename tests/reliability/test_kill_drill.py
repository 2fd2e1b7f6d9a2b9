"""kill -9 during a 2,000-file import, five times at random moments, on the
database the suite runs on: every stored article is whole, its search index
row is there, and a clean re-run imports the rest and calls the others
unchanged.

The import runs in a child process (`manage.py import_articles`) on a
database both processes see: on SQLite a file migrated by the child (the
suite's own test database lives in memory), on PostgreSQL the suite's test
database, named to the child through DATABASE_URL.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

pytestmark = [pytest.mark.reliability, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
FILES = 2000
KILLS = 5
TOPICS = ["energy", "transport", "education", "culture", "trade", "tourism", "customs"]


def _write_corpus(folder: Path) -> dict[str, str]:
    """Small valid articles, each different; origin -> SHA-256 of its bytes."""
    folder.mkdir()
    expected = {}
    for n in range(FILES):
        data = (
            f" date 20{10 + n % 15}-0{1 + n % 9}-1{n % 10} By Trend\n\n"
            f"Baku and Moscow discussed {TOPICS[n % len(TOPICS)]} at meeting number {n}.\n\n"
            f"The sides agreed to meet again, report {n} said.\n"
        ).encode()
        (folder / f"d{n:04}.txt").write_bytes(data)
        expected[f"drill/d{n:04}.txt"] = hashlib.sha256(data).hexdigest()
    return expected


class Database:
    """The database the child writes, as the drill's checks read it."""

    def __init__(self, tmp_path: Path):
        self.sqlite_file = None
        if connection.vendor == "sqlite":
            self.sqlite_file = tmp_path / "drill.sqlite3"
            self.url = f"sqlite:///{self.sqlite_file}"
        else:
            s = connection.settings_dict
            self.url = (
                f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:"
                f"{s['PORT'] or 5432}/{s['NAME']}"
            )

    def rows(self, sql: str) -> list[tuple]:
        if self.sqlite_file is None:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        with sqlite3.connect(self.sqlite_file) as db:
            return db.execute(sql).fetchall()

    def index_is_whole(self) -> bool:
        """Every article has its search index row, and the index matches the rows."""
        if self.sqlite_file is None:
            return self.rows(
                "SELECT count(*) FROM articles_article WHERE search_vector IS NULL"
            ) == [(0,)]
        with sqlite3.connect(self.sqlite_file) as db:
            # Raises on an index that disagrees with its content table.
            db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        indexed = self.rows("SELECT count(*) FROM articles_fts_docsize")
        return indexed == self.rows("SELECT count(*) FROM articles_article")


def _manage(database: Database, *args: str, **popen) -> subprocess.Popen:
    env = os.environ | {"DATABASE_URL": database.url, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, **popen)


def _assert_whole(database: Database, expected: dict[str, str]) -> int:
    """Every stored article is one whole file; returns how many are stored."""
    articles = database.rows("SELECT origin, original, sha256, body FROM articles_article")
    for origin, original, sha256, body in articles:
        assert hashlib.sha256(bytes(original)).hexdigest() == sha256 == expected[origin]
        assert body.strip()
    assert database.index_is_whole()
    return len(articles)


def _kill_at_random(database: Database, folder: Path, log: Path, rng: random.Random) -> bool:
    """Start an import, wait until it is importing, kill -9 it a random moment later."""
    with log.open("wb") as out:
        child = _manage(database, "import_articles", str(folder), stdout=out, stderr=out)
        deadline = time.monotonic() + 120
        while not log.stat().st_size and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 1.5))
        alive = child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    return alive


def test_only_whole_articles_remain_and_a_rerun_finishes_when_an_import_is_killed(
    tmp_path, reliability_counts
):
    rng = random.Random(2026)
    expected = _write_corpus(tmp_path / "drill")
    database = Database(tmp_path)
    if database.sqlite_file is not None:
        assert _manage(database, "migrate", "--noinput", "-v", "0").wait(timeout=300) == 0
    kills, stored_after_kills = 0, []
    for _ in range(KILLS):
        kills += _kill_at_random(database, tmp_path / "drill", tmp_path / "run.log", rng)
        stored_after_kills.append(_assert_whole(database, expected))
    assert kills == KILLS, "a run finished before its kill: the drill must kill mid-import"
    stored = stored_after_kills[-1]
    assert 0 < stored < FILES

    rerun = _manage(database, "import_articles", str(tmp_path / "drill"),
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err[-2000:]
    assert re.search(
        rf"^{FILES} files: {FILES - stored} imported, 0 updated, {stored} unchanged, 0 failed$",
        out,
        re.MULTILINE,
    ), out[-500:]
    assert _assert_whole(database, expected) == FILES
    vendor = connection.vendor
    for name, value in (
        (f"kill -9 during import ({vendor})", kills),
        (f"articles whole after the kills ({vendor})", stored),
        (f"files imported by the clean re-run ({vendor})", FILES - stored),
    ):
        reliability_counts[name] = reliability_counts.get(name, 0) + value
