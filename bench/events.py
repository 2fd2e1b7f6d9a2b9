"""Timing what events add: their extraction per file (pure, no database) and, on
a benchmark corpus, the timeline page, its API and the list by event dates.

    python bench/events.py extract DIR [DIR ...]
    DATABASE_URL=sqlite:////tmp/bench_events.sqlite3 python bench/events.py pages --events 3

`extract` parses every *.txt file of the folders first, then times
`extract_events` on each parsed article beside `pipeline.process` on its bytes
(the importer's whole per-file work without the database). The generated
corpus states few events with dates, so `pages --events N` first gives every
Nth article (by id) an event dated on its publication day, kinds in turn, and
every fifth of them the date and kind of the one before (several reports of
one event): it writes, so point it at a copy of a corpus.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import sample, warm_page  # noqa: E402

PAGES = (
    "/timeline/",
    "/timeline/?decade=2010",
    "/timeline/?year=2019",
    "/timeline/?kind=visit",
    "/timeline/?kind=document",
    "/api/timeline/?decade=2010",
    "/articles/?event_after=2019-01-01&event_before=2019-12-31",
    "/articles/?event_after=2019-03-01&event_before=2019-03-31&q=cooperation",
)


def time_extraction(folders: list[str], samples: int) -> None:
    from functools import partial

    from articles.ingest.events import extract_events
    from articles.ingest.extract import load_gazetteer
    from articles.ingest.parse import NoArticleText, parse
    from articles.ingest.pipeline import process
    from articles.ingest.read import UnreadableFile, decode
    from articles.ingest.register import load_register

    gazetteer, register = load_gazetteer(), load_register()
    files = [path for folder in folders for path in sorted(Path(folder).glob("*.txt"))]
    parsed, whole, alone = [], [], []
    for path in files:
        data = path.read_bytes()
        try:
            parsed.append(parse(decode(data).text))
        except (UnreadableFile, NoArticleText):
            continue
        whole.append(sample(partial(process, data, gazetteer=gazetteer, register=register), 3))
        alone.append(sample(partial(extract_events, parsed[-1]), samples))
    print("| files | process() p50, mean ms | extract_events p50, mean ms | share |")
    print("| --- | --- | --- | --- |")
    process_ms = statistics.mean(each.p50_ms for each in whole)
    events_ms = statistics.mean(each.p50_ms for each in alone)
    print(
        f"| {len(parsed)} from {', '.join(folders)} | {process_ms:.2f} | {events_ms:.3f} "
        f"| {events_ms / process_ms:.1%} |"
    )


def add_events(every: int) -> None:
    """Every `every`th dated article gets an event on its publication day."""
    from django.db import transaction

    from articles.models import Article, DatePrecision, Event, EventKind

    kinds = list(EventKind)
    rows, previous = [], None
    dated = Article.objects.exclude(date_precision=DatePrecision.UNKNOWN).order_by("pk")
    for n, (pk, day, precision) in enumerate(
        dated.values_list("pk", "published_on", "date_precision").iterator()
    ):
        if n % every:
            continue
        kind, happened_on = kinds[n // every % len(kinds)], day
        if previous and (n // every) % 5 == 0:
            kind, happened_on, precision = previous
        rows.append(Event(article_id=pk, kind=kind, happened_on=happened_on, precision=precision))
        previous = (kind, happened_on, precision)
    with transaction.atomic():
        Event.objects.all().delete()
        Event.objects.bulk_create(rows, batch_size=2000)
    print(f"{len(rows):,} events added")


def time_pages(samples: int) -> None:
    print("| page, warm | queries | p50 ms | max ms |")
    print("| --- | --- | --- | --- |")
    for path in PAGES:
        queries, took = warm_page(path, samples)
        print(f"| `{path}` | {queries} | {took.p50_ms:.1f} | {took.max_ms:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["extract", "pages"])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--samples", type=int, default=7)
    parser.add_argument("--events", type=int, default=0, help="add an event to every Nth article")
    args = parser.parse_args()
    if args.what == "extract":
        time_extraction(args.folders, args.samples)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection

    from articles.models import Article, Event

    if args.events:
        add_events(args.events)
    articles, events = Article.objects.count(), Event.objects.count()
    print(f"{connection.vendor}: {articles:,} articles, {events:,} events")
    time_pages(args.samples)


if __name__ == "__main__":
    main()
