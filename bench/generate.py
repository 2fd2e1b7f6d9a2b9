"""Write a benchmark corpus (bench/corpus.py articles) as files or straight into the database.

    python bench/generate.py files --articles 2000 --out bench/corpus/2000
    DATABASE_URL=... python bench/generate.py database --articles 100000
    DATABASE_URL=... python bench/generate.py database --articles 1000000 --defer-stories

Files go through the real importer (`manage.py import_articles DIR`). The
database path is for large corpora: the same articles as rows, written in
batches (executemany on SQLite, COPY on PostgreSQL) into the tables the
importer writes. The full-text index is the database's own business (FTS5
triggers, a generated tsvector column): to load fast this module drops the
secondary indexes and, on SQLite, the FTS triggers, then rebuilds both and
checks the FTS index against the table with FTS5's integrity-check.
With --defer-stories the rows are not filed into copies and stories after the
load (`manage.py group_stories` files them later): at 1M that filing takes
longer than the load, and a measurement of search alone does not need it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402

# Articles per transaction on the bulk path. Small enough that the two writers
# and the generator overlap from the start: with 5,000 a 10k load was two
# batches, one core idle for much of it (100k on PostgreSQL: 2,004 -> 2,100/s).
BATCH = 1000


def write_files(count: int, out: Path, *, seed: int = corpus.DEFAULT_SEED, start: int = 0) -> int:
    """Articles start..start+count as raw files, named by number, in their own encodings."""
    out.mkdir(parents=True, exist_ok=True)
    for number in range(start, start + count):
        (out / f"{number:07d}.txt").write_bytes(corpus.article(number, seed).original)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", choices=("files", "database"))
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--start", type=int, default=0, help="number of the first article")
    parser.add_argument("--out", type=Path, help="folder for the files")
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument(
        "--writers", type=int, default=2, help="parallel writers on PostgreSQL (SQLite has one)"
    )
    parser.add_argument(
        "--defer-stories",
        action="store_true",
        help="leave the articles unfiled into stories (manage.py group_stories files them later)",
    )
    args = parser.parse_args(argv)
    if args.output == "files":
        if args.out is None:
            parser.error("files needs --out")
        write_files(args.articles, args.out, seed=args.seed, start=args.start)
        print(f"wrote {args.articles} files to {args.out}")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    timings = load_database(
        args.articles,
        seed=args.seed,
        start=args.start,
        batch=args.batch,
        writers=args.writers,
        stories=not args.defer_stories,
    )
    print(json.dumps(timings))
    return 0


def load_database(
    count: int,
    *,
    seed: int,
    start: int = 0,
    batch: int = BATCH,
    writers: int = 2,
    stories: bool = True,
) -> dict:
    """Bulk-load articles start..start+count with their tags and mentions; returns
    timings. Without `stories` the articles are left unfiled (group_stories files them)."""
    from bench import bulk

    # bulk.load files every article it wrote as its last step (bench/bulk.py is the
    # stories work's; this leaves it as it is): deferred, that step does nothing.
    filing = (
        contextlib.nullcontext() if stories else mock.patch.object(bulk, "group_archive", lambda: 0)
    )
    with filing:
        return bulk.load(
            count, seed=seed, start=start, batch=batch, progress=_progress, writers=writers
        )


def _progress(done: int, total: int, started: float) -> None:
    rate = done / max(time.perf_counter() - started, 1e-9)
    print(f"  {done:>9,}/{total:,} articles, {rate:,.0f}/s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
