"""Relevance over every match (issue 17): how much of a relevance-sorted first
page is the top of the whole archive, not only of the candidates ranked.

    python bench/relevance.py --database-url sqlite:////tmp/copy.sqlite3 --out report.md
    python bench/relevance.py --database-url postgres://postgres@127.0.0.1:5432/copy

A search ranks only its RANK_LIMIT most recently added matches
(articles.search). For each search of QUERIES this compares the first page
the list shows for sort=relevance (articles.listing, exactly as the page
builds it, copies folded) with the exhaustive ranking: the backend's own
ranking statement run with the candidate cap lifted past the archive's size,
so every match is ranked by the same formula (SQLite: bm25, title 10 : body
1; PostgreSQL: ts_rank over the weighted vector) with the same tie-break,
and folded the same way. Run it on a migrated copy of a corpus: the listing
needs the current schema.

Each first page is built --samples times warm, its median and p95 reported.
At 1M the exhaustive side takes seconds a search: --exhaustive FILE keeps
each search's exhaustive top (JSON) and reads it back on the next run, which
is right while the corpus and the ranking formula stay the same; --only
TEXT re-measures the searches whose label holds TEXT.

With --champions K it also models, offline, per-word champion lists (the
issue's "what next"): the candidates the search ranks now plus, for each
word sought, the K articles of the whole archive that word alone ranks
highest, kept where they match the search, ranked as the exhaustive ranking
ranks them. No such lists exist in the archive: this says what keeping them
would buy before anyone builds them.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The list page's PER_PAGE (articles.filters, which needs Django loaded; a test keeps them equal).
PAGE_SIZE = 20
# Timed builds of each first page, after one untimed build that warms the caches.
PAGE_SAMPLES = 5
# Kept of the exhaustive ranking per search by --exhaustive: more than a page,
# so a page size change does not need a new file.
EXHAUSTIVE_KEPT = 100
# The parameters a search of the query set may carry besides q.
FILTERS = frozenset({"source", "language", "date_after", "date_before"})
KINDS = (
    "near-universal word",
    "two common words",
    "three common words",
    "phrase",
    "name",
    "Russian",
    "Azerbaijani",
    "rare word",
)


@dataclass(frozen=True)
class Probe:
    """One search of the query set: its class and the list page's parameters."""

    kind: str
    params: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return dict(self.params)["q"]

    @property
    def filters(self) -> dict[str, str]:
        return {name: value for name, value in self.params if name != "q"}

    @property
    def label(self) -> str:
        shown = " ".join(f"{name}={value}" for name, value in self.filters.items())
        return f"{self.text}" + (f" ({shown})" if shown else "")


def _probe(kind: str, text: str, **filters: str) -> Probe:
    return Probe(kind, (("q", text), *filters.items()))


PERIOD = {"date_after": "2015-01-01", "date_before": "2019-12-31"}
EARLY = {"date_after": "1995-01-01", "date_before": "2004-12-31"}
QUERIES: tuple[Probe, ...] = (
    _probe("near-universal word", "Azerbaijan"),
    _probe("near-universal word", "Russia"),
    _probe("near-universal word", "cooperation"),
    _probe("near-universal word", "Russia", source="trend"),
    _probe("near-universal word", "Azerbaijan", **PERIOD),
    _probe("near-universal word", "cooperation", language="en", **EARLY),
    _probe("two common words", "Russia cooperation"),
    _probe("two common words", "energy cooperation"),
    _probe("two common words", "transport corridor"),
    _probe("two common words", "Baku Moscow"),
    _probe("two common words", "trade turnover", source="tass"),
    _probe("two common words", "energy projects", **PERIOD),
    _probe("three common words", "Russia Azerbaijan cooperation"),
    _probe("three common words", "trade turnover grew"),
    _probe("three common words", "strategic energy projects"),
    _probe("three common words", "customs cooperation Baku", source="apa"),
    _probe("phrase", '"intergovernmental commission"'),
    _probe("phrase", '"North-South transport corridor"'),
    _probe("phrase", '"mutually beneficial"'),
    _probe("phrase", '"Caspian Summit"'),
    _probe("phrase", '"Baku Energy Week"', **PERIOD),
    _probe("phrase", '"trade turnover"', source="interfax"),
    _probe("name", "Lavrov"),
    _probe("name", "Putin"),
    _probe("name", "Gazprom"),
    _probe("name", "Mishustin"),
    _probe("name", "Sumgait"),
    _probe("name", "Lavrov", source="tass"),
    _probe("name", "SOCAR", **EARLY),
    _probe("name", "Yekaterinburg"),
    _probe("Russian", "сотрудничество"),
    _probe("Russian", "товарооборот"),
    _probe("Russian", "Лавров"),
    _probe("Russian", '"межправительственная комиссия"'),
    _probe("Russian", "сотрудничество", language="ru", **PERIOD),
    _probe("Russian", "Каспийском регионе", source="ria-novosti"),
    _probe("Azerbaijani", "əməkdaşlıq"),
    _probe("Azerbaijani", "ticarət"),
    _probe("Azerbaijani", "Bakı"),
    _probe("Azerbaijani", "nəqliyyat dəhlizi"),
    _probe("Azerbaijani", "Rusiya", language="az", **EARLY),
    _probe("Azerbaijani", "əməkdaşlıq", source="azertac"),
    _probe("rare word", "ferrochrome"),
    _probe("rare word", "ferrochrome", language="en", **PERIOD),
    _probe("rare word", "ferrochrome", source="trend"),
)


def overlap_at(shown: list[int], exhaustive: list[int], k: int = PAGE_SIZE) -> float:
    """The share of the exhaustive ranking's top `k` that the first `k` shown
    hold. A search with fewer than `k` matches is judged on all of them; one
    with none, by whether nothing was shown."""
    best = exhaustive[:k]
    if not best:
        return 0.0 if shown[:k] else 1.0
    return len(set(shown[:k]) & set(best)) / len(best)


@dataclass(frozen=True)
class Measured:
    """One search: its matches, the overlap of its first page with the
    exhaustive top, and what each took."""

    probe: Probe
    matches: int
    shown_count: str
    overlap: float
    page_ms: float
    page_cpu_ms: float
    exhaustive_ms: float
    champion_overlap: float | None = None
    page_p95_ms: float | None = None
    page_cpu_p95_ms: float | None = None


def summary_by(
    results: list[Measured], key, value=lambda result: result.overlap
) -> dict[str, tuple[int, float, float]]:
    """Per group `key(result)`: (searches, mean `value`, share of them at 1.0),
    in first-seen order."""
    groups: dict[str, list[float]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(value(result))
    return {
        name: (len(found), statistics.fmean(found), sum(v == 1.0 for v in found) / len(found))
        for name, found in groups.items()
    }


def p95(values: list[float]) -> float:
    """The 95th percentile, by the nearest rank: of 19 values or fewer, the highest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def spread_by(results: list[Measured], key, value) -> dict[str, tuple[float, float]]:
    """Per group `key(result)`: the median and p95 of `value(result)`."""
    groups: dict[str, list[float]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(value(result))
    return {name: (statistics.median(found), p95(found)) for name, found in groups.items()}


def render(results: list[Measured], heading: str) -> str:
    """The per-search table and the summaries, as Markdown; the champion
    lists' columns when they were modelled."""
    modelled = any(r.champion_overlap is not None for r in results)
    extra = " overlap@20 with champions |" if modelled else ""
    lines = [
        heading,
        "",
        "| class | search | matches | page shows | overlap@20 | page ms p50 / p95 "
        "| page CPU ms p50 / p95 | exhaustive ms |" + extra,
        "|---|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if modelled else ""),
    ]
    for r in results:
        search = r.probe.label.replace("|", "\\|")
        champions = f" {r.champion_overlap:.2f} |" if modelled else ""
        lines.append(
            f"| {r.probe.kind} | {search} | {r.matches:,} | {r.shown_count} | "
            f"{r.overlap:.2f} | {_spread(r.page_ms, r.page_p95_ms)} | "
            f"{_spread(r.page_cpu_ms, r.page_cpu_p95_ms)} | {r.exhaustive_ms:,.1f} |{champions}"
        )
    extra = " mean with champions | at 100% with champions |" if modelled else ""
    lines += [
        "",
        "Page ms per group: median and p95 over the group's searches of each one's median build.",
        "",
        "| group | searches | mean overlap@20 | share at 100% | page CPU ms median / p95 "
        "| page wall ms median / p95 |" + extra,
        "|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if modelled else ""),
    ]
    groups = {"all": (lambda r: "all")}
    groups |= {"by class": lambda r: r.probe.kind}
    groups |= {"by filter": lambda r: "filtered" if r.probe.filters else "unfiltered"}
    groups |= {"by matches": lambda r: "more than 1,000" if r.matches > 1000 else "1,000 or fewer"}
    for key in groups.values():
        modelled_by = summary_by(results, key, lambda r: r.champion_overlap or 0.0)
        cpu = spread_by(results, key, lambda r: r.page_cpu_ms)
        wall = spread_by(results, key, lambda r: r.page_ms)
        for name, (count, mean, full) in summary_by(results, key).items():
            _, champion_mean, champion_full = modelled_by[name]
            champions = f" {champion_mean:.2f} | {champion_full:.0%} |" if modelled else ""
            lines.append(
                f"| {name} | {count} | {mean:.2f} | {full:.0%} | {cpu[name][0]:,.1f} / "
                f"{cpu[name][1]:,.1f} | {wall[name][0]:,.1f} / {wall[name][1]:,.1f} |{champions}"
            )
    return "\n".join(lines) + "\n"


def _spread(median: float, high: float | None) -> str:
    return f"{median:,.1f}" + ("" if high is None else f" / {high:,.1f}")


def _configure(database_url: str) -> None:
    """Django on `database_url`, production settings, with a cache of its own."""
    cache_dir = tempfile.mkdtemp(prefix="relevance-cache-")
    atexit.register(shutil.rmtree, cache_dir, ignore_errors=True)
    os.environ |= {
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "relevance-bench-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CACHE_DIR": cache_dir,
        "CACHE_URL": f"file://{cache_dir}",
    }
    import django

    django.setup()


def _listing(probe: Probe):
    from django.http import QueryDict

    from articles.listing import ArticleListing

    params = QueryDict(mutable=True)
    for name, value in (*probe.params, ("sort", "relevance")):
        params[name] = value
    listing = ArticleListing(params)
    if not listing.is_valid:
        raise SystemExit(f"{probe.label}: the list page refuses it: {listing.errors}")
    return listing


def server_cpu_seconds() -> float:
    """CPU time so far of the PostgreSQL backend serving this process's
    connection (its /proc schedstat, in nanoseconds: the server must run on
    this machine); 0 on SQLite, whose work is this process's own."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except OSError:
        return 0.0


def first_page(
    probe: Probe, samples: int = PAGE_SAMPLES
) -> tuple[list[int], str, list[float], list[float]]:
    """The ids of the first page the list shows, its count as printed, and
    the milliseconds each of `samples` warm builds of that page took (ids,
    rows and headlines): wall clock, and CPU: this process's and, on
    PostgreSQL, its server backend's (server_cpu_seconds), steadier than the
    wall clock when the machine is shared."""
    _listing(probe).page  # noqa: B018 - warms the names and folded-copies caches
    wall, cpu = [], []
    for _ in range(samples):
        started, started_cpu = time.perf_counter(), time.process_time() + server_cpu_seconds()
        page = _listing(probe).page
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() + server_cpu_seconds() - started_cpu) * 1000)
    shown = [row.pk for row in page.rows]
    return shown, page.count_text, wall, cpu


def _uncapped(queryset, query) -> list[int]:
    """Every match of `query` in `queryset`, by the backend's own ranking
    statement with its cap lifted past the archive's size."""
    from articles.models import Article
    from articles.search import backend_for

    everything = Article.objects.using(queryset.db).count() + 1
    ids, _ = backend_for(queryset.db).ordered_ids(
        queryset, query, "relevance", cap=everything, count_cap=everything
    )
    return ids


def exhaustive_ranking(probe: Probe) -> tuple[list[int], int, float]:
    """Every match in rank order, copies folded as the page folds them; the
    number of matches; and the milliseconds it took."""
    listing = _listing(probe)
    found = listing.search
    started = time.perf_counter()
    ids = _uncapped(found.queryset, found.query)
    matches = len(ids)
    if listing.folds_copies and ids:
        hidden, _ = listing._copies_among(ids)
        ids = [pk for pk in ids if pk not in hidden]
    return ids, matches, (time.perf_counter() - started) * 1000


def exhaustive_top(probe: Probe, k: int = PAGE_SIZE) -> tuple[list[int], int, float]:
    """The top `k` of exhaustive_ranking, the number of matches and the milliseconds."""
    ids, matches, milliseconds = exhaustive_ranking(probe)
    return ids[:k], matches, milliseconds


@cache
def champions(word: str, per_word: int, using: str) -> tuple[int, ...]:
    """The `per_word` articles of the whole archive that `word` alone ranks highest."""
    from articles.models import Article
    from articles.search.terms import Query, Term

    alone = Query(groups=((Term((word,)),),))
    return tuple(_uncapped(Article.objects.using(using).all(), alone)[:per_word])


def champion_page(probe: Probe, ranking: list[int], per_word: int) -> list[int]:
    """The first page if the search ranked its candidates of today plus each
    sought word's champions that match it, as `ranking` (every match, in
    rank order) ranks them."""
    found = _listing(probe).search
    place = {pk: number for number, pk in enumerate(ranking)}
    candidates = {pk for pk in found.ordered_ids()[0] if pk in place}
    for word in found.query.words():
        candidates.update(pk for pk in champions(word, per_word, found.queryset.db) if pk in place)
    return sorted(candidates, key=place.__getitem__)[:PAGE_SIZE]


def measure(
    probe: Probe, per_word: int = 0, samples: int = PAGE_SAMPLES, kept: dict | None = None
) -> Measured:
    """One search; with `per_word`, the champion lists of that length modelled
    too. `kept`: exhaustive tops by label (--exhaustive), read where present
    and filled where not."""
    shown, shown_count, wall, cpu = first_page(probe, samples)
    if kept is not None and probe.label in kept and not per_word:
        best, matches, exhaustive_ms = kept[probe.label]
    else:
        ranking, matches, exhaustive_ms = exhaustive_ranking(probe)
        best = ranking[:EXHAUSTIVE_KEPT]
        if kept is not None:
            kept[probe.label] = (best, matches, exhaustive_ms)
    modelled = overlap_at(champion_page(probe, ranking, per_word), best) if per_word else None
    return Measured(
        probe,
        matches,
        shown_count,
        overlap_at(shown, best[:PAGE_SIZE]),
        statistics.median(wall),
        statistics.median(cpu),
        exhaustive_ms,
        modelled,
        p95(wall),
        p95(cpu),
    )


def upkeep_cost(articles: int) -> str:
    """What keeping the lists costs per stored article: tiers.keep_articles
    for `articles` stored articles one at a time, as the store would call it
    after each, in a transaction rolled back at the end."""
    from django.db import connection, transaction

    from articles.models import Article
    from articles.search.tiers import keep_articles

    ids = list(Article.objects.order_by("?").values_list("pk", flat=True)[:articles])
    entered, seconds, cpu = 0, [], []
    with transaction.atomic():
        for pk in ids:
            started, started_cpu = time.perf_counter(), time.process_time()
            entered += keep_articles([pk], using=connection.alias)
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        transaction.set_rollback(True)
    return (
        f"upkeep on {connection.vendor}: {len(ids)} articles, median "
        f"{statistics.median(seconds) * 1000:.2f} ms (CPU {statistics.median(cpu) * 1000:.2f} ms), "
        f"mean {statistics.fmean(seconds) * 1000:.2f} ms; {entered} list places taken"
    )


def _read_kept(path: Path | None) -> dict | None:
    """The exhaustive tops an earlier run kept, by label (empty for a new file)."""
    if path is None:
        return None
    if not path.exists():
        return {}
    return {label: tuple(value) for label, value in json.loads(path.read_text()).items()}


def _progress_line(r: Measured) -> str:
    return (
        f"{r.probe.label}: {r.matches:,} matches, overlap {r.overlap:.2f}, page "
        f"{_spread(r.page_ms, r.page_p95_ms)} ms (CPU {_spread(r.page_cpu_ms, r.page_cpu_p95_ms)})"
    )


def _ignore_lists() -> None:
    """Searches read no champion list, whatever the database holds."""
    import articles.search
    from articles.search.tiers import Tier

    articles.search.ranked_with_champions = lambda backend, queryset, query, scored: (None, Tier())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a migrated copy of a corpus")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    parser.add_argument(
        "--champions", type=int, default=0, help="model per-word champion lists of this length"
    )
    parser.add_argument(
        "--without-lists",
        action="store_true",
        help="rank only the newest matches, as before the champion lists (the 'before' figures)",
    )
    parser.add_argument(
        "--upkeep", type=int, default=0, help="time the lists' upkeep for this many articles only"
    )
    parser.add_argument(
        "--samples", type=int, default=PAGE_SAMPLES, help="warm builds timed per first page"
    )
    parser.add_argument(
        "--exhaustive",
        type=Path,
        help="JSON of each search's exhaustive top: read where it has the search, else written",
    )
    parser.add_argument(
        "--only", action="append", default=[], help="only the searches whose label holds this"
    )
    args = parser.parse_args(argv)
    _configure(args.database_url)
    if args.upkeep:
        print(upkeep_cost(args.upkeep))
        return 0
    if args.without_lists:
        _ignore_lists()
    from django.db import connection

    from articles.models import Article

    kept = _read_kept(args.exhaustive)
    probes = [p for p in QUERIES if not args.only or any(t in p.label for t in args.only)]
    results = []
    for probe in probes:
        results.append(measure(probe, args.champions, args.samples, kept))
        print(_progress_line(results[-1]), file=sys.stderr, flush=True)
        if args.exhaustive:
            args.exhaustive.write_text(json.dumps(kept, ensure_ascii=False, indent=0))
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    heading = (
        f"{Article.objects.count():,} articles on {connection.vendor}, {now}, "
        + ("without champion lists, " if args.without_lists else "with champion lists, ")
        + f"load average at the end {load}; page times: {args.samples} warm builds each"
        + ("; page CPU: this process and its server" if connection.vendor != "sqlite" else "")
        + (
            f"; champion lists modelled: {args.champions:,} articles a word"
            if args.champions
            else ""
        )
    )
    report = render(results, heading)
    print(report)
    if args.out:
        args.out.write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
