"""Timing what the story pages add: the word diff (pure, no database) and,
on a benchmark corpus, the list page with its copies folded against
copies=all, and a story page.

    python bench/story_pages.py diff
    DATABASE_URL=sqlite:////tmp/bench_copy.sqlite3 python bench/story_pages.py list

`diff` compares texts made from the seed articles' words, 500 to 3,000
words, each with scattered one-word edits, a paragraph left out and a credit
line added, with difflib's autojunk on (as articles/wordiff.py runs it) and
off. `list` times `ArticleListing.page` (rows and count: the facets are
cached apart) for each case folded and unfolded; a corpus whose articles
have no copies folds nothing, so `--copies N` first marks every Nth article
a copy of the one before it (in a copy of the corpus: it writes).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import sample  # noqa: E402

LIST_CASES = ("", "language=ru", "source={source}", "q=cooperation", "q=gas&sort=newest")


def seed_words() -> list[str]:
    files = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    return " ".join(path.read_text(errors="replace") for path in files).split()


def edited(words: list[str]) -> tuple[str, str]:
    """A text of `words` in paragraphs of 60, and a copy: a word changed in
    every 50, its third paragraph left out, a credit line before it."""
    paragraphs = [" ".join(words[start : start + 60]) for start in range(0, len(words), 60)]
    copy = [word if n % 50 else "changed" for n, word in enumerate(words)]
    copied = [" ".join(copy[start : start + 60]) for start in range(0, len(copy), 60)]
    del copied[2:3]
    return "\n\n".join(paragraphs), "\n\n".join(["By Trend.", *copied])


def opcodes_without_autojunk(old: list[str], new: list[str]) -> list:
    return difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()


def time_diffs(samples: int) -> None:
    from articles.wordiff import BREAK, diff_words, tokens

    words = seed_words()
    print("| words | autojunk on, p50 ms | max ms | autojunk off, p50 ms | words kept, on / off |")
    print("| --- | --- | --- | --- | --- |")
    for size in (500, 1500, 3000):
        first, second = edited(words[:size])
        on = sample(partial(diff_words, first, second), samples)
        old, new = tokens(first), tokens(second)
        # A new matcher each time: one caches its opcodes.
        off = sample(partial(opcodes_without_autojunk, old, new), 3)
        kept_on = diff_words(first, second).kept
        kept_off = sum(
            sum(word != BREAK for word in old[o1:o2])
            for tag, o1, o2, _, _ in opcodes_without_autojunk(old, new)
            if tag == "equal"
        )
        in_first = sum(word != BREAK for word in old)
        print(
            f"| {size:,} | {on.p50_ms:.1f} | {on.max_ms:.1f} | {off.p50_ms:.1f} "
            f"| {kept_on:,} / {kept_off:,} of {in_first:,} |"
        )


def mark_copies(every: int) -> None:
    """Every `every`th article (by id) becomes a copy of the article before it."""
    from django.db import transaction

    from articles.models import Article

    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        Article.objects.update(copy_of=None)
        for position in range(every, len(ids), every):
            Article.objects.filter(pk=ids[position]).update(copy_of=ids[position - 1])
    print(f"{len(ids) // every:,} articles marked copies")


def time_list(samples: int) -> None:
    from django.http import QueryDict

    from articles.listing import ArticleListing
    from articles.models import Source

    source = Source.objects.order_by("-pk").values_list("slug", flat=True).first()
    print("| case | folded p50 / max ms | copies=all p50 / max ms | fold lookup ms | totals |")
    print("| --- | --- | --- | --- | --- |")
    for case in LIST_CASES:
        query = case.format(source=source)
        timed, totals = [], []
        for extra in ("", "copies=all"):
            params = QueryDict("&".join(part for part in (query, extra) if part))

            def page(params=params):
                listing = ArticleListing(params)
                assert listing.is_valid, listing.errors
                return listing.page

            totals.append(page().total)
            timed.append(sample(page, samples))
        folded, every = timed
        lookup = "–"
        listing = ArticleListing(QueryDict(query))
        if listing.is_valid and listing.search:
            ids, _ = listing.search.ordered_ids()
            took = sample(partial(listing._copies_among, ids), samples)
            lookup = f"{took.p50_ms:.1f}"
        print(
            f"| `{query or '(none)'}` | {folded.p50_ms:.1f} / {folded.max_ms:.1f} "
            f"| {every.p50_ms:.1f} / {every.max_ms:.1f} | {lookup} | {totals[0]}, {totals[1]} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["diff", "list"])
    parser.add_argument("--samples", type=int, default=9)
    parser.add_argument("--copies", type=int, default=0, help="mark every Nth article a copy")
    args = parser.parse_args()
    if args.what == "diff":
        time_diffs(args.samples)
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection

    from articles.models import Article

    if args.copies:
        mark_copies(args.copies)
    print(f"{connection.vendor}: {Article.objects.count():,} articles")
    time_list(args.samples)


if __name__ == "__main__":
    main()
