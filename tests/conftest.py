"""Shared builders for the test suite: plain functions that make rows with
sensible defaults, overridable per test (make_article(title=...))."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from articles.models import Agreement, AgreementKey, Article, DatePrecision, Mention, Source, Tag

_counter = itertools.count(1)


def make_source(**overrides) -> Source:
    n = next(_counter)
    fields = {"name": f"Source {n}", "slug": f"source-{n}", "site_url": ""}
    return Source.objects.create(**(fields | overrides))


def make_tag(**overrides) -> Tag:
    n = next(_counter)
    fields = {"name": f"Tag {n}", "slug": f"tag-{n}", "kind": Tag.Kind.TOPIC}
    return Tag.objects.create(**(fields | overrides))


def make_agreement(*, key: str | None = None, **overrides) -> Agreement:
    n = next(_counter)
    fields = {
        "name": f"Memorandum {n}",
        "slug": f"memorandum-{n}",
        "kind": Agreement.Kind.MEMORANDUM,
    }
    agreement = Agreement.objects.create(**(fields | overrides))
    AgreementKey.objects.create(key=key or f"memorandum:{n}", agreement=agreement)
    return agreement


def make_article(*, tags=(), agreements=(), **overrides) -> Article:
    """An imported-looking article; `original` defaults to bytes made from the body."""
    n = next(_counter)
    body = overrides.pop("body", f"Azerbaijan and Russia discussed cooperation, report {n}.")
    original = overrides.pop("original", body.encode("utf-8"))
    published_on = overrides.pop("published_on", dt.date(2020, 1, 1) + dt.timedelta(days=n))
    now = timezone.now()
    fields = {
        "title": f"Article {n}",
        "slug": f"article-{n}",
        "body": body,
        "published_on": published_on,
        "date_precision": DatePrecision.DAY if published_on else DatePrecision.UNKNOWN,
        "language": "en",
        "origin": f"tests/article-{n}.txt",
        "original": original,
        "sha256": hashlib.sha256(original).hexdigest(),
        "encoding": "utf-8",
        "imported_at": now,
        "changed_at": now,
    }
    article = Article.objects.create(**(fields | overrides))
    article.tags.add(*tags)
    for agreement in agreements:
        Mention.objects.create(article=article, agreement=agreement, sentence="")
    return article


def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def postgres_only(db):
    """For tests of PostgreSQL-only behaviour: a visible skip elsewhere."""
    if not on_postgres():
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (scripts/test does)")


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached counts must not carry one test's archive into the next, nor the
    API's request counts one test's requests."""
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


def pytest_report_header(config):
    return f"database: {os.environ.get('DATABASE_URL') or 'SQLite (DATABASE_URL unset)'}"


# The reliability suite's tallies (requests fuzzed, files tried, kills survived…),
# printed at the end of the run so CI's log carries them.
_reliability_counts: dict[str, int] = {}


@pytest.fixture
def reliability_counts() -> dict[str, int]:
    """Add to this a drill's figures: {"http requests (SQLite)": 5000, …}."""
    return _reliability_counts


def pytest_terminal_summary(terminalreporter):
    if _reliability_counts:
        terminalreporter.section("reliability counts")
        for name, value in sorted(_reliability_counts.items()):
            terminalreporter.write_line(f"{name}: {value:,}")


@pytest.fixture
def no_hang():
    """Opening a FIFO or a device for reading can block forever: fail instead of hanging."""
    import signal

    def give_up(signum, frame):
        raise TimeoutError("the run hung: a FIFO or device was opened")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(300)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
