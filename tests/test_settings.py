"""Settings come from the environment; a malformed value fails with a clear message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import cache_config, database_config, env_bool, replica_configs

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


PRIMARY_URL = "postgres://archive@db1:5432/archive"


def test_replica_urls_become_aliases_mirroring_the_primary_in_tests():
    primary = database_config(PRIMARY_URL, base_dir=BASE) | {"CONN_MAX_AGE": 60}
    replicas = replica_configs(
        ["postgres://reader@db2:5432/archive", "postgres://reader@db3/archive?options=-c%20a=b"],
        primary=primary,
    )
    assert list(replicas) == ["replica_1", "replica_2"]
    first, second = replicas.values()
    assert (first["HOST"], first["USER"], first["CONN_MAX_AGE"]) == ("db2", "reader", 60)
    assert first["OPTIONS"]["options"] == "-c jit=off"
    assert second["OPTIONS"]["options"] == "-c a=b"
    assert first["OPTIONS"]["connect_timeout"] > 0
    assert first["TEST"] == {"MIRROR": "default"}


def test_no_replica_urls_add_no_aliases():
    assert replica_configs([], primary=database_config(None, base_dir=BASE)) == {}


@pytest.mark.parametrize(
    ("primary_url", "replica_url", "message"),
    [
        (None, "postgres://reader@db2/archive", "needs a PostgreSQL primary"),
        (PRIMARY_URL, "sqlite:///copy.sqlite3", "entry 1 is not postgres://"),
    ],
)
def test_replicas_are_refused_unless_both_are_postgres(primary_url, replica_url, message):
    primary = database_config(primary_url, base_dir=BASE)
    with pytest.raises(ImproperlyConfigured, match=message):
        replica_configs([replica_url], primary=primary)


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        (None, "filebased.FileBasedCache", "/srv/cache"),
        ("file:///var/cache/archive", "filebased.FileBasedCache", "/var/cache/archive"),
        ("db://", "db.DatabaseCache", "archive_cache"),
        ("db://shared_cache", "db.DatabaseCache", "shared_cache"),
        ("redis://127.0.0.1:6379/2", "redis.RedisCache", "redis://127.0.0.1:6379/2"),
    ],
)
def test_cache_url_chooses_the_backend_of_the_shared_cache(url, backend, location):
    config = cache_config(url, default_dir=Path("/srv/cache"), max_entries=10)
    assert config["BACKEND"] == f"django.core.cache.backends.{backend}"
    assert config["LOCATION"] == location


def test_redis_cache_gets_no_culling_option_it_would_pass_to_its_client():
    config = cache_config("redis://127.0.0.1:6379/0", default_dir=BASE, max_entries=10)
    assert "OPTIONS" not in config


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("memcached://127.0.0.1:11211", "scheme 'memcached'"),
        ("db://drop table", "use letters, digits and _"),
        ("file://relative/dir", "needs an absolute path"),
    ],
)
def test_malformed_cache_url_is_rejected_with_reason(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        cache_config(url, default_dir=BASE, max_entries=10)


def test_deploy_check_is_clean_with_replicas_and_a_database_cache():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7!Qm" * 12,
        ALLOWED_HOSTS="archive.example",
        DATABASE_URL=PRIMARY_URL,
        DATABASE_REPLICA_URLS="postgres://reader@db2/archive,postgres://reader@db3/archive",
        CACHE_URL="db://archive_cache",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_transaction_pooling_turns_server_side_cursors_off_on_every_database():
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; "
        "print(sorted((a, d.get('DISABLE_SERVER_SIDE_CURSORS')) for a, d in "
        "settings.DATABASES.items()))",
        DATABASE_URL=PRIMARY_URL,
        DATABASE_REPLICA_URLS="postgres://reader@db2/archive",
        DATABASE_TRANSACTION_POOLING="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('default', True), ('replica_1', True)]"
