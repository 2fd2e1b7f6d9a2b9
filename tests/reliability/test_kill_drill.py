"""kill -9 during a 2,000-file import, five times at random moments, on the
database the suite runs on, with worker processes reading and the writer
storing a batch of files to a transaction: every stored article is whole (its
bytes, tags, mention, revision and search index row all of one version of its
file), no worker outlives the killed import, and a clean re-run imports the
rest, updates what changed and calls the others unchanged. Between the second
and third kill the first REWRITTEN files change, so later kills also land in
updates.

The import runs in a child process (`manage.py import_articles`) on a
database both processes see: on SQLite a file migrated by the child (the
suite's own test database lives in memory), on PostgreSQL the suite's test
database, named to the child through DATABASE_URL.
"""

from __future__ import annotations

import hashlib
import json
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
REWRITTEN = 300
WORKERS = "2"
TOPICS = ["energy", "transport", "education", "culture", "trade", "tourism", "customs"]
PEOPLE = ["Ilham Aliyev", "Vladimir Putin", "Sergey Lavrov", "Jeyhun Bayramov"]
DOCUMENTS = ["memorandum of understanding", "road map", "action plan"]


def _text(n: int, edition: int) -> bytes:
    """A small valid article naming one document and a person; each file and edition differs."""
    topic = TOPICS[(n + edition) % len(TOPICS)]
    return (
        f" date 20{10 + n % 15}-0{1 + n % 9}-1{n % 10} By Trend\n\n"
        f"Baku and Moscow discussed {topic} at meeting number {n}. "
        f"{PEOPLE[(n + edition) % len(PEOPLE)]} took part.\n\n"
        f"The sides signed a {DOCUMENTS[(n + edition) % len(DOCUMENTS)]} on cooperation "
        f"in {topic}, report {n} (edition {edition}) said.\n"
    ).encode()


def _write_corpus(folder: Path, edition: int, count: int = FILES) -> dict[str, str]:
    """Files 0..count of an edition; origin -> SHA-256 of its bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for n in range(count):
        data = _text(n, edition)
        (folder / f"d{n:04}.txt").write_bytes(data)
        written[f"drill/d{n:04}.txt"] = hashlib.sha256(data).hexdigest()
    return written


def _relations_by_version(database: Database, folder: Path) -> dict[str, tuple]:
    """What each file's bytes should store, read by a dry run: SHA-256 -> (tag
    names, number of documents), the latter one for every file of the drill."""
    arguments = ["import_articles", "--dry-run", "--json", "--workers", WORKERS, str(folder)]
    dry_run = _manage(
        database, *arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = dry_run.communicate(timeout=600)
    assert dry_run.returncode == 0, err[-2000:]
    records = [json.loads(line) for line in out.splitlines()]
    assert {len(record["agreements"]) for record in records} == {1}
    return {
        record["sha256"]: (frozenset(tag["name"] for tag in record["tags"]), 1)
        for record in records
    }


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


RELATIONS = """
SELECT a.sha256,
       (SELECT count(*) FROM articles_mention m WHERE m.article_id = a.id),
       (SELECT count(*) FROM articles_revision r WHERE r.article_id = a.id),
       (SELECT max(r.sha256) FROM articles_revision r WHERE r.article_id = a.id)
FROM articles_article a
"""
TAG_NAMES = """
SELECT a.sha256, t.name FROM articles_article a
JOIN articles_article_tags at ON at.article_id = a.id JOIN articles_tag t ON t.id = at.tag_id
"""


def _assert_whole(database: Database, versions: dict[str, list[str]], relations: dict) -> dict:
    """Every stored article is one whole version of its file: its bytes, tags,
    mention and revision (an earlier version's, when it was updated) agree.
    Returns origin -> the SHA-256 stored."""
    stored = {}
    for origin, original, sha256, body in database.rows(
        "SELECT origin, original, sha256, body FROM articles_article"
    ):
        assert hashlib.sha256(bytes(original)).hexdigest() == sha256
        assert sha256 in versions[origin]
        assert body.strip()
        stored[origin] = sha256
    tags: dict[str, set[str]] = {sha256: set() for sha256 in stored.values()}
    for sha256, name in database.rows(TAG_NAMES):
        tags[sha256].add(name)
    for sha256, mentions, revisions, revised in database.rows(RELATIONS):
        assert (frozenset(tags[sha256]), mentions) == relations[sha256]
        # Only an update keeps a revision: of the first edition, under the second.
        assert revisions == 0 or (revisions, revised) == (1, _first_edition(versions, sha256))
    assert database.index_is_whole()
    return stored


def _first_edition(versions: dict[str, list[str]], sha256: str) -> str | None:
    return next((shas[0] for shas in versions.values() if shas[1:] == [sha256]), None)


def _workers_of(pid: int) -> list[int]:
    """The processes `pid` started (its import workers)."""
    children = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _assert_no_worker_outlives(workers: list[int]) -> None:
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers)), "a worker outlived its killed import"


def _kill_at_random(
    database: Database, folder: Path, log: Path, rng: random.Random, *, stored: int
) -> bool:
    """Start an import, let it report a random number of files past the `stored`
    ones (lines come a committed batch at a time), then kill -9 it a random
    moment later: mid-batch, mid-file, wherever the writer is."""
    reported = stored + rng.randint(1, FILES // 8)
    with log.open("wb") as out:
        child = _manage(database, "import_articles", "--workers", WORKERS, str(folder),
                        stdout=out, stderr=out)  # fmt: skip
        deadline = time.monotonic() + 300
        while (
            log.read_bytes().count(b"\n") < reported
            and child.poll() is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 1.0))
        workers = _workers_of(child.pid)
        alive = child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    if alive:
        assert len(workers) == int(WORKERS)
        _assert_no_worker_outlives(workers)
    return alive


def test_only_whole_articles_remain_and_a_rerun_finishes_when_an_import_is_killed(
    tmp_path, reliability_counts
):
    rng = random.Random(2026)
    folder = tmp_path / "drill"
    first = _write_corpus(folder, edition=1)
    second = _write_corpus(tmp_path / "edition2" / "drill", edition=2, count=REWRITTEN)
    versions = {origin: [sha256, *([second[origin]] if origin in second else [])]
                for origin, sha256 in first.items()}  # fmt: skip
    database = Database(tmp_path)
    if database.sqlite_file is not None:
        assert _manage(database, "migrate", "--noinput", "-v", "0").wait(timeout=300) == 0
    relations = _relations_by_version(database, folder)
    relations |= _relations_by_version(database, tmp_path / "edition2" / "drill")
    kills, stored = 0, {}
    for kill in range(KILLS):
        if kill == 2:  # the first files change: later kills land in updates too
            updated_later = {origin for origin in second if origin in stored}
            _write_corpus(folder, edition=2, count=REWRITTEN)
        log = tmp_path / "run.log"
        kills += _kill_at_random(database, folder, log, rng, stored=len(stored))
        stored = _assert_whole(database, versions, relations)
    assert kills == KILLS, "a run finished before its kill: the drill must kill mid-import"
    assert 0 < len(stored) < FILES
    current = first | second
    updated = sum(current[origin] != sha256 for origin, sha256 in stored.items())

    rerun = _manage(database, "import_articles", str(folder),
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    out, err = rerun.communicate(timeout=600)
    failed = [line for line in out.splitlines() if ": failed" in line]
    assert rerun.returncode == 0, err[-2000:] + "\n".join(failed[:10])
    imported, unchanged = FILES - len(stored), len(stored) - updated
    summary = f"{imported} imported, {updated} updated, {unchanged} unchanged, 0 failed"
    assert re.search(rf"^{FILES} files: {summary}$", out, re.MULTILINE), out[-500:]
    assert _assert_whole(database, versions, relations) == current
    revised = database.rows("SELECT a.origin FROM articles_revision r "
                            "JOIN articles_article a ON a.id = r.article_id")  # fmt: skip
    assert {origin for (origin,) in revised} == updated_later
    vendor = connection.vendor
    for name, value in (
        (f"kill -9 during import ({vendor})", kills),
        (f"articles whole after the kills ({vendor})", len(stored)),
        (f"files imported or updated by the clean re-run ({vendor})", imported + updated),
    ):
        reliability_counts[name] = reliability_counts.get(name, 0) + value
