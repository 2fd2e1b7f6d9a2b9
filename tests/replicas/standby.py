"""A real streaming standby of the test PostgreSQL, and what the replica tests
do with it: copied from the CI PostgreSQL (127.0.0.1:5432) with
`pg_basebackup -R`, run on 127.0.0.1:5433, paused, caught up, watched.

It needs PostgreSQL's tools, root (to run them as the `postgres` user) and a
`replication` line for 127.0.0.1 in pg_hba.conf (scripts/setup adds it). Where
one is missing the tests skip and say why, except in CI (CI=true), where a
skip would hide that the replica tests never ran, so they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connections

from archive import routers

ALIAS = "replica_1"
PORT = 5433
START_SECONDS = 120


@dataclass
class Standby:
    data: Path
    pg_ctl: str

    def run(self, *args: str, timeout: int = START_SECONDS) -> None:
        as_postgres(self.pg_ctl, "-D", str(self.data), *args, timeout=timeout)

    def start(self) -> None:
        self.run("-l", str(self.data / "standby.log"), "-w", "-t", str(START_SECONDS), "start")

    def stop(self) -> None:
        self.run("-m", "immediate", "-w", "stop")


def unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"the replica tests cannot run in CI: {reason}")
    pytest.skip(f"no standby for the replica tests: {reason}")


def as_postgres(*command: str, timeout: int = START_SECONDS) -> None:
    result = subprocess.run(
        ["runuser", "-u", "postgres", "--", *command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"{command[0]} failed: {result.stderr or result.stdout}")


def server_tools(version: int) -> tuple[str, str]:
    """pg_basebackup and pg_ctl of the primary's major version (Debian keeps
    pg_ctl out of PATH, under /usr/lib/postgresql/<major>/bin)."""
    bindir = Path(f"/usr/lib/postgresql/{version // 10000}/bin")
    tools = [shutil.which(name, path=f"{bindir}:{os.environ.get('PATH', '')}") for name in
             ("pg_basebackup", "pg_ctl")]  # fmt: skip
    if None in tools:
        unavailable(f"pg_basebackup and pg_ctl of PostgreSQL {version // 10000} are not installed")
    return tools[0], tools[1]


def check_primary() -> int:
    """The primary's version, once it is known to be the local one the standby can copy."""
    primary = connections["default"]
    if primary.vendor != "postgresql":
        pytest.skip("the replica tests need PostgreSQL: scripts/test runs them there")
    if primary.settings_dict["HOST"] not in ("127.0.0.1", "localhost"):
        unavailable("the primary is not a local PostgreSQL on 127.0.0.1")
    if os.geteuid() != 0 or not shutil.which("runuser"):
        unavailable("copying the primary needs root, to run its tools as the postgres user")
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            unavailable(f"something already listens on 127.0.0.1:{PORT}")
    return primary.pg_version


# A hot standby refuses to start with less of these than its primary has.
MATCH_PRIMARY = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


def primary_limits() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT name, setting FROM pg_settings WHERE name = ANY(%s)", [list(MATCH_PRIMARY)]
        )
        return "".join(f"{name} = {setting}\n" for name, setting in cursor.fetchall())


def write_config(data: Path, limits: str) -> None:
    # Debian keeps postgresql.conf and pg_hba.conf in /etc, outside the copy.
    (data / "postgresql.conf").write_text(
        f"port = {PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{data}'\n"
        "hot_standby = on\nhot_standby_feedback = on\nshared_buffers = 32MB\nfsync = off\n" + limits
    )
    (data / "pg_hba.conf").write_text("host all all 127.0.0.1/32 trust\n")
    (data / "pg_ident.conf").write_text("")


def copy_primary(version: int, limits: str) -> Standby:
    basebackup, pg_ctl = server_tools(version)
    data = Path(tempfile.mkdtemp(prefix="archive-standby-"))
    shutil.chown(data, "postgres", "postgres")
    data.chmod(0o700)
    try:
        as_postgres(basebackup, "-h", "127.0.0.1", "-p", "5432", "-U", "postgres",
                    "-D", str(data), "-R", "-X", "stream", "-c", "fast", timeout=600)  # fmt: skip
    except RuntimeError as error:
        shutil.rmtree(data, ignore_errors=True)
        unavailable(f"{error} (scripts/setup adds pg_hba.conf's replication line)")
    write_config(data, limits)
    shutil.chown(data / "postgresql.conf", "postgres", "postgres")
    return Standby(data=data, pg_ctl=pg_ctl)


def replay_position(alias: str) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_last_wal_replay_lsn()::text")
        return cursor.fetchone()[0]


def wait_for_replay(alias: str, timeout: float = 30) -> None:
    """Until the standby has replayed everything the primary has committed."""
    target = routers.primary_position()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise TimeoutError(f"{alias} did not replay to {target} in {timeout} s")


@contextlib.contextmanager
def paused_replay(alias: str):
    """The standby, caught up, stops applying the primary's changes until the
    block ends: whatever the primary changes meanwhile is not there yet."""
    wait_for_replay(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
        wait_for_replay(alias)


@contextlib.contextmanager
def article_reads_on(alias: str):
    """The statements that read articles on `alias` while the block runs
    (without opening a connection to a server that may be down)."""
    seen: list[str] = []

    def record(execute, sql, params, many, context):
        if "articles_article" in sql:
            seen.append(sql)
        return execute(sql, params, many, context)

    with connections[alias].execute_wrapper(record):
        yield seen
