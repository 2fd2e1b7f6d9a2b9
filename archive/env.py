"""Reading the settings' environment: booleans, lists, DATABASE_URL, the
replicas' DATABASE_REPLICA_URLS and CACHE_URL.

Kept apart from settings.py so the parsing can be tested without reloading
the settings, and so a malformed value fails with a message that names it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}
# Seconds a request waits for a replica that does not answer before it reads
# from the primary instead.
REPLICA_CONNECT_TIMEOUT = 2


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1/0, true/false or yes/no.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_config(url: str | None, *, base_dir: Path) -> dict:
    """Turn DATABASE_URL into a DATABASES entry; SQLite in base_dir when unset."""
    if not url:
        return _sqlite(str(base_dir / "db.sqlite3"))
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return _sqlite(_sqlite_path(parts.path, base_dir))
    if parts.scheme in POSTGRES_SCHEMES:
        return _postgres(url)
    raise ImproperlyConfigured(
        f"DATABASE_URL has the scheme {parts.scheme!r}; use sqlite:///path or "
        "postgres://user:password@host:port/name."
    )


def _sqlite_path(path: str, base_dir: Path) -> str:
    # sqlite:///name is relative to the project, sqlite:////abs/name absolute.
    relative = path[1:] if path.startswith("/") else path
    if not relative:
        raise ImproperlyConfigured(
            "DATABASE_URL sqlite:/// needs a file name, e.g. sqlite:///db.sqlite3"
        )
    if relative == ":memory:" or relative.startswith("/"):
        return relative
    return str(base_dir / relative)


def _sqlite(name: str) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            # WAL lets readers go on while the importer writes; IMMEDIATE avoids
            # "database is locked" when a reader upgrades to a writer.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            # Two imports at once queue for the write lock instead of failing
            # after SQLite's default five seconds.
            "timeout": 60,
        },
    }


def _postgres(url: str) -> dict:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL has a bad port: {error}") from None
    name = unquote(parts.path.lstrip("/"))
    if not name or "/" in name:
        raise ImproperlyConfigured(
            "DATABASE_URL for PostgreSQL needs a database name: postgres://user@host:5432/name"
        )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(port or ""),
        # JIT compiles a plan whose estimated cost passes jit_above_cost: a
        # search at 1M articles spent 275 ms compiling to save nothing. Any
        # options given in the URL's query replace these.
        "OPTIONS": {"options": "-c jit=off", **dict(parse_qsl(parts.query))},
        "CONN_HEALTH_CHECKS": True,
    }


def replica_configs(urls: list[str], *, primary: dict) -> dict[str, dict]:
    """DATABASE_REPLICA_URLS as read-only aliases `replica_1`, `replica_2`, …

    Each replica is a streaming standby of the primary: the same engine, the
    primary's connection options (jit, statement timeout, connection reuse)
    unless its URL's query says otherwise, a short connect timeout so a
    replica that is down costs a request little before it falls back to the
    primary (archive/routers.py), and in tests a mirror of the primary, so no
    test database is created on a server that cannot be written to.
    """
    if urls and primary["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs a PostgreSQL primary: DATABASE_URL=postgres://…"
        )
    replicas = {}
    for number, url in enumerate(urls, start=1):
        if urlsplit(url).scheme not in POSTGRES_SCHEMES:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS entry {number} is not postgres://user@host:port/name"
            )
        own = _postgres(url)
        options = primary["OPTIONS"] | dict(parse_qsl(urlsplit(url).query))
        replicas[f"replica_{number}"] = own | {
            "OPTIONS": {"connect_timeout": REPLICA_CONNECT_TIMEOUT} | options,
            "CONN_MAX_AGE": primary.get("CONN_MAX_AGE", 0),
            "TEST": {"MIRROR": "default"},
        }
    return replicas


def cache_config(url: str | None, *, default_dir: Path, max_entries: int) -> dict:
    """CACHE_URL as the CACHES entry that holds facets, listing data and the
    archive's version: `file:///path` (one machine, the default: default_dir),
    `db://table` (Django's database cache: every server that shares the
    database shares it) or `redis://host:port/n` (Django's Redis cache, which
    evicts by its own policy, so max_entries is not its option)."""
    parts = urlsplit(url or "")
    culled = {"OPTIONS": {"MAX_ENTRIES": max_entries}}
    if not url or parts.scheme == "file":
        location = parts.path if url else str(default_dir)
        if parts.netloc or not location.startswith("/"):
            raise ImproperlyConfigured(
                "CACHE_URL needs an absolute path: file:///var/cache/archive"
            )
        backend = "django.core.cache.backends.filebased.FileBasedCache"
        return {"BACKEND": backend, "LOCATION": location} | culled
    if parts.scheme == "db":
        table = (parts.netloc + parts.path).strip("/") or "archive_cache"
        if not table.replace("_", "").isalnum():
            raise ImproperlyConfigured(f"CACHE_URL db://{table}: use letters, digits and _.")
        backend = "django.core.cache.backends.db.DatabaseCache"
        return {"BACKEND": backend, "LOCATION": table} | culled
    if parts.scheme == "redis":
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"CACHE_URL has the scheme {parts.scheme!r}; use file:///path, db://table or "
        "redis://host:port/0."
    )


def page_cache_config(url: str | None, *, default_dir: Path, max_entries: int) -> dict:
    """The CACHES entry for rendered pages (archive.middleware.PageCacheMiddleware):
    the same place as CACHE_URL's, kept apart from the counts, which many large
    pages would otherwise cull out of a file or database cache: files in a
    `pages` folder beside the counts', a database cache's own `…_pages` table,
    Redis's own key prefix (the settings give it)."""
    config = cache_config(url, default_dir=default_dir, max_entries=max_entries)
    if config["BACKEND"].endswith("FileBasedCache"):
        return config | {"LOCATION": str(Path(config["LOCATION"]) / "pages")}
    if config["BACKEND"].endswith("DatabaseCache"):
        return config | {"LOCATION": f"{config['LOCATION']}_pages"}
    return config
