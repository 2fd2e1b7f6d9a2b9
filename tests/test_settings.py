"""Settings come from the environment; a malformed value fails with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import database_config, env_bool

BASE = Path("/srv/archive")
ROOT = Path(__file__).resolve().parents[1]


def test_database_is_sqlite_in_project_when_url_unset():
    config = database_config(None, base_dir=BASE)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/archive/db.sqlite3"


def test_sqlite_path_is_relative_to_project_when_url_has_three_slashes():
    assert database_config("sqlite:///data/a.sqlite3", base_dir=BASE)["NAME"] == (
        "/srv/archive/data/a.sqlite3"
    )


def test_sqlite_path_is_absolute_when_url_has_four_slashes():
    assert database_config("sqlite:////tmp/a.sqlite3", base_dir=BASE)["NAME"] == "/tmp/a.sqlite3"


def test_sqlite_can_be_in_memory():
    assert database_config("sqlite:///:memory:", base_dir=BASE)["NAME"] == ":memory:"


def test_postgres_url_gives_every_connection_part():
    config = database_config(
        "postgres://arch%40ive:s3cr%2Ft@db.example:6543/news?sslmode=require", base_dir=BASE
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"]) == ("arch@ive", "s3cr/t")
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", "6543", "news")
    assert config["OPTIONS"] == {"options": "-c jit=off", "sslmode": "require"}


def test_postgres_options_in_the_url_replace_the_defaults():
    config = database_config(
        "postgres://postgres@127.0.0.1/archive?options=-c%20jit%3Don", base_dir=BASE
    )
    assert config["OPTIONS"] == {"options": "-c jit=on"}


def test_postgresql_scheme_is_accepted_when_spelled_out():
    config = database_config("postgresql://postgres@127.0.0.1/archive", base_dir=BASE)
    assert config["NAME"] == "archive"
    assert config["PORT"] == ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/news", "scheme 'mysql'"),
        ("postgres://postgres@localhost:notaport/news", "bad port"),
        ("postgres://postgres@localhost:5432/", "needs a database name"),
        ("sqlite:///", "needs a file name"),
        ("just-a-path.sqlite3", "scheme ''"),
    ],
)
def test_malformed_database_url_is_rejected_with_reason(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        database_config(url, base_dir=BASE)


def test_boolean_setting_rejects_a_word_that_is_not_a_boolean(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe' is not a boolean"):
        env_bool("DEBUG", True)


@pytest.mark.parametrize(("raw", "expected"), [("0", False), ("no", False), ("TRUE", True)])
def test_boolean_setting_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("DEBUG", raw)
    assert env_bool("DEBUG", not expected) is expected


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly refuses.
    unset = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7!Qm" * 12,
        ALLOWED_HOSTS="archive.example",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    result = _manage("check", DEBUG="0", ALLOWED_HOSTS="archive.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = _manage("check", DEBUG="0", SECRET_KEY="x7!Qm" * 12)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr
