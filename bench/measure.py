"""Timing the list page the way a reader meets it (bench/run.py: corpus -> measure -> table).

Each case is one GET of /articles/ through django.test.Client, the full Django
request with the production middleware and templates. Every SQL statement
is timed by a connection execute_wrapper (the same hook CaptureQueriesContext
relies on, with perf_counter precision), so a case reports the request's
latency, its query count and how much of it the database took.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field

FACET_MARK = "GROUP BY"
# A warm-up slower than this is the case's only sample: the table still shows
# it, and a pathological plan cannot hold the run for hours.
SLOW_SECONDS = 3.0


@dataclass(frozen=True)
class Case:
    name: str
    params: dict[str, str | list[str]]
    # The same request put to Datasette's table page, or None when it has no equivalent.
    datasette: dict[str, str | list[str]] | None = None
    kind: str = "search"  # search, filter, first, deep, facets


@dataclass
class Timing:
    case: Case
    seconds: list[float] = field(default_factory=list)
    sql_seconds: list[float] = field(default_factory=list)
    facet_seconds: list[float] = field(default_factory=list)
    # With every cache emptied first: what the first reader of a page waits.
    cold_seconds: list[float] = field(default_factory=list)
    cold_queries: int = 0
    queries: int = 0
    status: int = 0
    size: int = 0

    @property
    def p50(self) -> float:
        return statistics.median(self.seconds) * 1000 if self.seconds else math.nan

    @property
    def p95(self) -> float:
        return percentile(self.seconds, 95) * 1000

    @property
    def cold_p50(self) -> float:
        return statistics.median(self.cold_seconds) * 1000 if self.cold_seconds else math.nan

    @property
    def cold_p95(self) -> float:
        return percentile(self.cold_seconds, 95) * 1000

    @property
    def sql_p50(self) -> float:
        return statistics.median(self.sql_seconds) * 1000 if self.sql_seconds else math.nan

    @property
    def facet_p50(self) -> float:
        return statistics.median(self.facet_seconds) * 1000 if self.facet_seconds else math.nan


def percentile(values: list[float], rank: int) -> float:
    """Nearest-rank percentile: with 20 samples, p95 is the 19th fastest."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)]


class _SqlClock:
    """Counts and times every statement run while installed."""

    def __init__(self) -> None:
        self.count, self.seconds, self.facet_seconds = 0, 0.0, 0.0
        self.statements: list[tuple[str, float]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.count += 1
            self.seconds += elapsed
            if FACET_MARK in sql.upper():
                self.facet_seconds += elapsed
            self.statements.append((sql, elapsed))


def time_case(
    client, case: Case, samples: int, path: str = "/articles/", cold_samples: int = 0
) -> Timing:
    """One warm-up request, then `samples` timed ones; a slow warm-up is the only
    sample. Then `cold_samples` more, each after emptying every cache."""
    from django.core.cache import caches

    timing = Timing(case)
    first = _timed_request(client, case, path)
    slow = first[0] > SLOW_SECONDS
    runs = [first] if slow else [_timed_request(client, case, path) for _ in range(samples)]
    for seconds, clock, response in runs:
        timing.seconds.append(seconds)
        timing.sql_seconds.append(clock.seconds)
        timing.facet_seconds.append(clock.facet_seconds)
        timing.queries, timing.status = clock.count, response.status_code
        timing.size = len(response.content)
    for _ in range(0 if slow else cold_samples):
        for cache in caches.all():
            cache.clear()
        seconds, clock, _ = _timed_request(client, case, path)
        timing.cold_seconds.append(seconds)
        timing.cold_queries = clock.count
    return timing


def _timed_request(client, case: Case, path: str):
    from django.db import connection

    clock = _SqlClock()
    with connection.execute_wrapper(clock):
        started = time.perf_counter()
        response = client.get(path, case.params)
        seconds = time.perf_counter() - started
    return seconds, clock, response


def slowest_statements(
    client, case: Case, top: int = 3, path: str = "/articles/"
) -> list[tuple[str, float]]:
    """The statements that took longest in one request: where to look first."""
    from django.db import connection

    clock = _SqlClock()
    with connection.execute_wrapper(clock):
        client.get(path, case.params)
    return sorted(clock.statements, key=lambda item: item[1], reverse=True)[:top]
