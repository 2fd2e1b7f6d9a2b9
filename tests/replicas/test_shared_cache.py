"""Servers that share CACHE_URL=db://… share one archive version: a change
made through one retires what another cached, so no server serves counts the
archive has retired. Each "server" here is a process of its own."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> dict[str, str]:
    """The environment of servers sharing one SQLite archive and its database cache,
    migrated (which creates the cache's table)."""
    folder = tmp_path_factory.mktemp("shared-cache")
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"} | {
        "DATABASE_URL": f"sqlite:///{folder}/archive.sqlite3",
        "CACHE_URL": "db://archive_cache",
        "CACHE_DIR": str(folder / "unused"),
    }
    run_manage(environment, "migrate", "--noinput", "-v", "0")
    return environment


def versions_in_the_database(environment: dict[str, str]) -> int:
    """Rows of the cache table holding the archive's version: the one place
    every server sharing the database reads it from."""
    path = environment["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as database:
        query = "SELECT count(*) FROM archive_cache WHERE cache_key LIKE '%:archive-version'"
        return database.execute(query).fetchone()[0]


def run_manage(environment: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def in_a_server(environment: dict[str, str], code: str) -> str:
    return run_manage(environment, "shell", "--no-imports", "-c", code)


CACHE_COUNT = (
    "from articles.changes import archive_version, cached_until_changed; "
    "print(archive_version()); print(cached_until_changed('count', lambda: {count!r}))"
)
ADD_SOURCE = (
    "from articles.models import Source; "
    "Source.objects.create(name='Trend', slug='trend', site_url='')"
)


def cached_count(environment: dict[str, str], count: str) -> list[str]:
    """[the version, the count]: cached under it, or `count` if none was."""
    return in_a_server(environment, CACHE_COUNT.format(count=count)).splitlines()


def test_servers_sharing_a_database_cache_see_one_version_and_retire_together(shared):
    version, count = cached_count(shared, "counted first")
    assert count == "counted first"
    assert versions_in_the_database(shared) == 1
    assert cached_count(shared, "never counted") == [version, "counted first"]
    in_a_server(shared, ADD_SOURCE)
    after, count_after = cached_count(shared, "counted again")
    assert after != version
    assert count_after == "counted again"
