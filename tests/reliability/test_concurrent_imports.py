"""The concurrency drill: two real `import_articles` processes on overlapping
folders, against a database of their own on the engine this run tests.

The folders share half their pages (the same URLs, so the same articles) and
all their titles, sources, tags and documents, so the two processes race to
make the same rows. Then both import the shared half again with changed
bytes, racing to keep the earlier version. Every file must get one outcome
line in each process, none may fail, each page is one article, and no
revision may hold the bytes its article holds now.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.reliability

SUMMARY = re.compile(r"^\d+ files?: ")
PROJECT = Path(__file__).resolve().parents[2]
FILES_PER_FOLDER = 200
SHARED = FILES_PER_FOLDER // 2
TITLES = [
    "Azerbaijan and Russia sign memorandum on education",
    "Aliyev and Putin meet in Sochi",
    "Intergovernmental commission meets in Baku",
    "Baku and Moscow discuss the North-South corridor",
]
OUTLETS = ["Caspian Wire", "Shirvan Post", "Volga Courier", "Absheron Daily", "Trend", "APA"]
DOCUMENTS = [
    "a memorandum of understanding on cooperation in education",
    "a road map for cooperation in renewable energy",
    "a protocol on customs cooperation",
    "an agreement on the protection of investments",
]


def page(number: int, *, edition: int = 1) -> str:
    """One generated news page; `number` fixes its URL, title, outlet and document."""
    day = 1 + number % 28
    return (
        f"{TITLES[number % len(TITLES)]}\n\n"
        f"https://news.example.az/{number}\n"
        f" date 2021-06-{day:02d}\n"
        f"By {OUTLETS[number % len(OUTLETS)]}\n\n"
        f"Baku and Moscow signed {DOCUMENTS[number % len(DOCUMENTS)]} on Tuesday, "
        f"according to Interfax. Ilham Aliyev and Vladimir Putin met in Sochi "
        f"(report {number}, edition {edition}).\n\n"
        f"The sides signed six documents and agreed to meet again in Moscow.\n"
    )


def write_folder(root: Path, name: str, numbers: range, *, edition: int = 1) -> Path:
    folder = root / name
    folder.mkdir(exist_ok=True)
    for number in numbers:
        (folder / f"{number:04d}.txt").write_text(page(number, edition=edition), encoding="utf-8")
    return folder


def manage(url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=os.environ | {"DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=600,
        check=check,
    )


def import_both(url: str, first: Path, second: Path) -> list[subprocess.CompletedProcess]:
    """Both folders imported at the same moment by two processes."""
    env = os.environ | {"DATABASE_URL": url}
    command = [sys.executable, "manage.py", "import_articles"]
    running = [
        subprocess.Popen(
            [*command, str(folder)],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (first, second)
    ]
    finished = []
    for process in running:
        out, err = process.communicate(timeout=600)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return finished


@pytest.fixture
def archive_url(tmp_path) -> Iterator[str]:
    """A migrated database the two processes share, on this run's engine."""
    if connection.vendor == "sqlite":
        url = f"sqlite:///{tmp_path}/concurrent.sqlite3"
        manage(url, "migrate", "--noinput")
        yield url
        return
    yield from _postgres_database()


def _postgres_database() -> Iterator[str]:
    import psycopg

    config = settings.DATABASES["default"]
    name = f"archive_concurrent_{os.getpid()}"
    server = {
        "host": config["HOST"] or "127.0.0.1",
        "port": config["PORT"] or "5432",
        "user": config["USER"],
        "password": config["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(server["user"]) + (
        f":{quote(server['password'])}" if server["password"] else ""
    )
    url = f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    try:
        manage(url, "migrate", "--noinput")
        yield url
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


FACTS = """
import json
from django.db.models import Count, F
from articles.models import Article, Revision
print(json.dumps({
    "articles": Article.objects.count(),
    "origins": Article.objects.values("origin").distinct().count(),
    "revisions": Revision.objects.count(),
    "revisions_equal_to_current": Revision.objects.filter(sha256=F("article__sha256")).count(),
    "most_revisions": max(
        Article.objects.annotate(n=Count("revisions")).values_list("n", flat=True), default=0
    ),
}))
"""


def archive_facts(url: str) -> dict:
    return json.loads(manage(url, "shell", "-c", FACTS).stdout.strip().splitlines()[-1])


def outcome_lines(result: subprocess.CompletedProcess) -> list[str]:
    """Every line but the summary ("400 files: 200 imported, …")."""
    return [line for line in result.stdout.splitlines() if not SUMMARY.match(line)]


def assert_every_file_reported_once(results, expected: int) -> None:
    for result in results:
        lines = outcome_lines(result)
        assert [line for line in lines if ": failed" in line] == [], result.stderr[-2000:]
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        assert len(lines) == expected
        assert len({line.split(": ")[0] for line in lines}) == expected


def test_two_imports_at_once_store_each_page_once_when_folders_overlap(
    tmp_path, archive_url, reliability_counts
):
    first = write_folder(tmp_path, "one", range(0, FILES_PER_FOLDER))
    second = write_folder(tmp_path, "two", range(SHARED, SHARED + FILES_PER_FOLDER))

    assert_every_file_reported_once(import_both(archive_url, first, second), FILES_PER_FOLDER)
    pages = SHARED + FILES_PER_FOLDER
    assert archive_facts(archive_url) | {"most_revisions": 0} == {
        "articles": pages,
        "origins": pages,
        "revisions": 0,
        "revisions_equal_to_current": 0,
        "most_revisions": 0,
    }

    # The shared pages change, the same way in both folders: both processes race to update.
    shared = range(SHARED, FILES_PER_FOLDER)
    write_folder(tmp_path, "one", shared, edition=2)
    write_folder(tmp_path, "two", shared, edition=2)
    assert_every_file_reported_once(import_both(archive_url, first, second), FILES_PER_FOLDER)
    facts = archive_facts(archive_url)
    assert facts["articles"] == pages
    assert facts["revisions"] == len(shared)
    assert facts["revisions_equal_to_current"] == 0
    assert facts["most_revisions"] == 1

    vendor = connection.vendor
    key = f"concurrent import trials ({vendor})"
    reliability_counts[key] = reliability_counts.get(key, 0) + 2
    key = f"concurrent import files, two processes ({vendor})"
    reliability_counts[key] = reliability_counts.get(key, 0) + 4 * FILES_PER_FOLDER
