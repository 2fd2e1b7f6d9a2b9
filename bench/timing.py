"""Timing one action again and again, for the bench scripts that print their
own table (bench/edges.py, bench/events.py, bench/suggest.py); bench/run.py's list page cases
go through bench/measure.py, whose percentile this shares."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.measure import percentile


@dataclass(frozen=True)
class Samples:
    """Seconds per call: wall-clock, and this process's CPU time (SQLite's work
    included, PostgreSQL's server not), the steadier on a shared machine."""

    wall: list[float]
    cpu: list[float]

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.wall) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.wall, 95) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.wall) * 1000

    @property
    def cpu_p50_ms(self) -> float:
        return statistics.median(self.cpu) * 1000


def sample(action: Callable[[], object], samples: int) -> Samples:
    """`samples` calls of `action`, each timed; the caller warms it first if
    the first call is not what it means to measure."""
    wall, cpu = [], []
    for _ in range(samples):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return Samples(wall, cpu)


def warm_page(path: str, samples: int) -> tuple[int, Samples]:
    """A page's statements per request and its timings once warmed (its cached
    counts made by a first, untimed request, as every reader after the first
    finds them), through Django's test client."""
    from django.db import connection
    from django.test import Client

    client = Client()
    statements: list[str] = []

    def counting(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    def get() -> None:
        assert client.get(path).status_code == 200, path

    get()
    with connection.execute_wrapper(counting):
        took = sample(get, samples)
    return len(statements) // samples, took
