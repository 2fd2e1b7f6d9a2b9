"""Timing "did you mean" (articles.search.suggest) on a benchmark corpus.

    DATABASE_URL=sqlite:///bench/data/bench_100000.sqlite3 python bench/suggest.py
    DATABASE_URL=postgres://postgres@127.0.0.1/bench_100000 python bench/suggest.py --pad 300000

The corpus is built by bench/generate.py's bulk path, which bypasses the store
and so the vocabulary: this counts it first (`rebuild_vocabulary`, timed).
Then each misspelt query is suggested for `--samples` times, warm, and the
p50/p95 printed; also what counting one article's words costs the importer.

The generated corpus writes from a few hundred sentences, so its vocabulary
is small; a real archive's holds names, places and misprints by the hundred
thousand. `--pad N` adds N made-up words (real ones with letters swapped,
doubled or dropped, so they share trigrams with the queries) for the same
timings on a vocabulary of that size, and removes them afterwards.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import Samples, sample  # noqa: E402

# Misspelt words of the corpus's three languages, and one long query.
QUERIES = (
    "strategik",
    "cooperatoin",
    "Azerbajan",
    "sotrudnichestvo",
    "сотрудничесво",
    "Азербайджаном",
    "əməkdaslıq",
    "Aliyev Puttin cooperatoin",
    "xylophone",
)
KNOWN = "Azerbaijan Russia cooperation"
LONG_ARTICLE_WORDS = 1_500
PAD_BATCH = 5_000


def _timed(action, samples: int) -> Samples:
    action()  # warm
    return sample(action, samples)


def _shown(timed: Samples) -> str:
    return f"{timed.p50_ms:.1f} / {timed.p95_ms:.1f} ms (CPU p50 {timed.cpu_p50_ms:.1f} ms)"


def _made_up_words(count: int, seed: int) -> list[tuple[str, str, int]]:
    from articles.ingest.language import fold
    from articles.models import Word

    rng = random.Random(seed)
    real = list(Word.objects.values_list("text", flat=True))
    # The queries' own misspellings stay unknown, or they would be "correct".
    taken = set(real) | {fold(word) for query in QUERIES for word in query.split()}
    made: list[tuple[str, str, int]] = []
    while len(made) < count:
        word = list(rng.choice(real))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(word))
            change = rng.choice(("swap", "double", "drop", "letter"))
            if change == "swap" and at + 1 < len(word):
                word[at], word[at + 1] = word[at + 1], word[at]
            elif change == "double":
                word.insert(at, word[at])
            elif change == "drop" and len(word) > 4:
                del word[at]
            else:
                word[at] = rng.choice("abcdeghiklmnoprstuvyzəşçğıöüабвгдеиклмнопрстуя")
        text = "".join(word)[:40]
        if text not in taken:
            taken.add(text)
            made.append((text, text, rng.choice((1, 1, 1, 2, 3))))
    return made


def _pad(count: int, seed: int) -> list[str]:
    from articles.models import Word

    made = _made_up_words(count, seed)
    for start in range(0, len(made), PAD_BATCH):
        Word.objects.bulk_create(
            Word(text=text, spelling=spelling, article_count=n)
            for text, spelling, n in made[start : start + PAD_BATCH]
        )
    return [text for text, _, _ in made]


def _unpad(words: list[str]) -> None:
    from articles.models import Word

    for start in range(0, len(words), PAD_BATCH):
        Word.objects.filter(text__in=words[start : start + PAD_BATCH]).delete()


def _import_cost(samples: int) -> str:
    """Counting one stored article's words, as the store does after creating it
    (rolled back): the importer's extra cost per new file."""
    from articles.models import Article

    articles = iter(Article.objects.order_by("pk")[: samples + 1])
    return _shown(_timed(lambda: _count_rolled_back(next(articles)), samples))


def _long_article_cost(samples: int) -> str:
    """The same for an article of LONG_ARTICLE_WORDS words the vocabulary
    mostly lacks, as the reliability drill's generated files are."""
    from articles.models import Article

    letters = itertools.product("abcdefghijklmnoprstuvyz", repeat=4)
    body = " ".join("".join(word) for word in itertools.islice(letters, LONG_ARTICLE_WORDS))
    article = Article(title="Lexicon", body=body)
    return _shown(_timed(lambda: _count_rolled_back(article), samples))


def _count_rolled_back(article) -> None:
    from django.db import transaction

    from articles import vocabulary

    with transaction.atomic():
        vocabulary.count_article(article)
        transaction.set_rollback(True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--pad", type=int, default=0, help="made-up words to add for the run")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-rebuild", action="store_true", help="the vocabulary is counted")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.db import connection

    from articles.models import Article, Word
    from articles.search.suggest import suggest
    from articles.vocabulary import rebuild

    print(f"{connection.vendor}, {Article.objects.count():,} articles")
    if not args.no_rebuild:
        started = time.perf_counter()
        rebuild(using="default")
        print(f"rebuild_vocabulary: {time.perf_counter() - started:.1f} s")
    padded = _pad(args.pad, args.seed) if args.pad else []
    try:
        print(f"{Word.objects.count():,} words ({len(padded):,} made up)")
        print(f"counting a new article's words, p50 / p95: {_import_cost(args.samples)}")
        print(
            f"counting a new {LONG_ARTICLE_WORDS:,}-word article's, p50 / p95: "
            f"{_long_article_cost(args.samples)}"
        )
        print("| query | suggestion | p50 / p95 ms | CPU p50 ms |\n|---|---|---|---|")
        for text in (*QUERIES, KNOWN):
            found = suggest(text, using="default")
            shown = found.query_text if found else "(none)"
            timed = _timed(lambda text=text: suggest(text, using="default"), args.samples)
            print(
                f"| {text} | {shown} | {timed.p50_ms:.1f} / {timed.p95_ms:.1f} "
                f"| {timed.cpu_p50_ms:.1f} |"
            )
    finally:
        _unpad(padded)
    return 0


if __name__ == "__main__":
    sys.exit(main())
