"""Servers that share CACHE_URL (db://… or redis://…) share one archive
version: a change made through one retires what another cached, so no server
serves counts the archive has retired. Each "server" here is a process of its
own, on one SQLite archive."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION_ROWS = "SELECT count(*) FROM archive_cache WHERE cache_key LIKE '%:archive-version'"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A Redis server of this test run's own on a free port of 127.0.0.1."""
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing in CI: scripts/setup installs it")
        pytest.skip("no redis-server (scripts/setup installs it as root)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while not answers(port) and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


def answers(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def version_in_redis(url: str) -> int:
    import redis

    return len(redis.Redis.from_url(url).keys("*:archive-version"))


def version_in_the_database(environment: dict[str, str]) -> int:
    path = environment["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as database:
        return database.execute(VERSION_ROWS).fetchone()[0]


@pytest.fixture(params=["db", "redis"])
def shared(request, tmp_path):
    """The environment of servers sharing one SQLite archive and one cache,
    migrated (which creates a database cache's table), and a count of the
    places that cache holds the archive's version."""
    is_db = request.param == "db"
    cache_url = "db://archive_cache" if is_db else request.getfixturevalue("redis_url")
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"} | {
        "DATABASE_URL": f"sqlite:///{tmp_path}/archive.sqlite3",
        "CACHE_URL": cache_url,
        "CACHE_DIR": str(tmp_path / "unused"),
    }
    run_manage(environment, "migrate", "--noinput", "-v", "0")
    if is_db:
        return environment, lambda: version_in_the_database(environment)
    return environment, lambda: version_in_redis(cache_url)


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


def test_servers_sharing_a_cache_see_one_version_and_retire_together(shared):
    environment, versions_held = shared
    version, count = cached_count(environment, "counted first")
    assert count == "counted first"
    assert versions_held() == 1
    assert cached_count(environment, "never counted") == [version, "counted first"]
    in_a_server(environment, ADD_SOURCE)
    after, count_after = cached_count(environment, "counted again")
    assert after != version
    assert count_after == "counted again"
