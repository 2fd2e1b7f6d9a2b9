"""The archive's vocabulary (store -> index): every word of the articles' titles
and bodies with how many articles hold it, for "did you mean" (search/suggest.py).

A word's count is the number of articles that hold it, not its occurrences:
re-importing or editing an article then moves a count by the difference of two
word sets and nothing else, the count says how many articles the suggestion
finds, and one long article repeating a name does not outweigh many that use
it once. A count reaching zero deletes the word, so a suggestion is always a
word some article holds.

Written by the store (a new or changed article), the admin (a curator's edit
or deletion) and rebuild() (an archive that predates the vocabulary, or one
loaded in bulk). Increments are single upserts and decrements single updates,
so two imports counting the same words at once lose no count.

A batch of files in one transaction (store.store_batch) counts in a Tally: each
file's words are summed in memory and the batch writes them once before it
commits. Counting per file upserted the same common words once a file, and on
PostgreSQL each upsert left a row version that nothing could prune before the
commit: the 200th file of a batch walked 200 versions of "the" (bench/RESULTS.md,
"What one imported file costs").
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connections, models, transaction

from articles.ingest.language import LETTER_WORD, fold
from articles.models import WORD_LENGTH, Article, Word
from articles.search.stems import lower

# Shorter words are never corrected, so they need no place in the vocabulary.
MIN_WORD_LENGTH = 3
# Words per deletion: well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500
REBUILD_BATCH = 2_000


def words_of(*texts: str) -> dict[str, str]:
    """The words of `texts`: each folded word with its spelling in lower case
    (the first in alphabetical order when the texts spell it more than one way).
    The spelling is lowered as the search engines index it: unlike fold(), it
    keeps "ı" and "ё", which neither engine takes for "i" and "е"."""
    # Letters only: a digit separates words as punctuation does.
    tokens = set(LETTER_WORD.findall(unicodedata.normalize("NFC", " ".join(texts))))
    words: dict[str, str] = {}
    for token in sorted(tokens):
        key, spelling = fold(token), lower(token)
        if MIN_WORD_LENGTH <= len(key) <= WORD_LENGTH and len(spelling) <= WORD_LENGTH:
            words.setdefault(key, spelling)
    return words


def words_of_article(article: Article) -> dict[str, str]:
    return words_of(article.title, article.body)


@dataclass
class Tally:
    """Changes to word counts not written yet: by how many articles each word's
    count moves, and the spelling a new word is written with (the first counted)."""

    changes: Counter[str] = field(default_factory=Counter)
    spellings: dict[str, str] = field(default_factory=dict)

    def add(self, words: dict[str, str]) -> None:
        self.changes.update(words.keys())
        for key, spelling in words.items():
            self.spellings.setdefault(key, spelling)

    def remove(self, keys: Iterable[str]) -> None:
        self.changes.subtract(keys)

    def update(self, other: Tally) -> None:
        self.changes.update(other.changes)
        for key, spelling in other.spellings.items():
            self.spellings.setdefault(key, spelling)

    def write(self, *, using: str) -> None:
        """One upsert for the words that gained, and a delete and an update per
        number lost for those that lost."""
        gained = {key: times for key, times in self.changes.items() if times > 0}
        _add({key: self.spellings[key] for key in gained}, using=using, times=gained)
        by_times: dict[int, list[str]] = {}
        for key, times in self.changes.items():
            if times < 0:
                by_times.setdefault(-times, []).append(key)
        for times, keys in by_times.items():
            _remove(keys, using=using, times=times)
        self.changes.clear()
        self.spellings.clear()


# The tally the current file counts into, when its batch writes counts at the end.
_tally: ContextVar[Tally | None] = ContextVar("vocabulary_tally", default=None)


@contextmanager
def tallied(tally: Tally) -> Iterator[Tally]:
    """count_article and recounted() count into `tally` instead of the database."""
    token = _tally.set(tally)
    try:
        yield tally
    finally:
        _tally.reset(token)


def count_article(article: Article) -> None:
    """A new article: each of its words is held by one more article."""
    words = words_of_article(article)
    if (tally := _tally.get()) is not None:
        tally.add(words)
        return
    _add(words, using=article._state.db or Article.objects.db)


@contextmanager
def recounted(article: Article) -> Iterator[None]:
    """Around a save of `article`: its words as stored before, against its words
    after, move the counts by the difference. Read from the database, as a form
    may have changed the instance already."""
    using = article._state.db or Article.objects.db
    stored = Article.objects.using(using).filter(pk=article.pk).values_list("title", "body")
    before = words_of(*stored[0]) if stored else {}
    with transaction.atomic(using=using):
        yield
        after = words_of_article(article)
        gained = {key: after[key] for key in after.keys() - before.keys()}
        lost = before.keys() - after.keys()
        if (tally := _tally.get()) is not None:
            tally.add(gained)
            tally.remove(lost)
            return
        _add(gained, using=using)
        _remove(lost, using=using)


def uncount(articles: models.QuerySet) -> None:
    """Before `articles` are deleted: each of their words is held by fewer articles."""
    removed: Counter[str] = Counter()
    for title, body in articles.values_list("title", "body").iterator(chunk_size=REBUILD_BATCH):
        removed.update(words_of(title, body).keys())
    by_times: dict[int, list[str]] = {}
    for key, times in removed.items():
        by_times.setdefault(times, []).append(key)
    for times, keys in by_times.items():
        _remove(keys, using=articles.db, times=times)


def rebuild(*, using: str, article_model: type[models.Model] = Article, word_model=Word) -> int:
    """Count every article's words afresh; the number of words. Also run by
    migration 0013 with its historical models."""
    counts: Counter[str] = Counter()
    spellings: dict[str, str] = {}
    rows = article_model.objects.using(using).values_list("title", "body").order_by("pk")
    for title, body in rows.iterator(chunk_size=REBUILD_BATCH):
        words = words_of(title, body)
        counts.update(words.keys())
        for key, spelling in words.items():
            spellings.setdefault(key, spelling)
    with transaction.atomic(using=using):
        word_model.objects.using(using).all().delete()
        word_model.objects.using(using).bulk_create(
            (
                word_model(text=key, spelling=spellings[key], article_count=count)
                for key, count in sorted(counts.items())
            ),
            batch_size=REBUILD_BATCH,
        )
    return len(counts)


def _chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    items = sorted(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _add(words: dict[str, str], *, using: str, times: dict[str, int] | None = None) -> None:
    """One more article (or `times` more) holds each of `words`; new ones are inserted. One
    statement whatever the article's length, its words one JSON parameter: a
    VALUES list of 1,000 parameters per 500 words cost PostgreSQL more to
    convert and parse than to write (bench/RESULTS.md, "Did you mean"). Sorted,
    so two imports lock shared words in one order."""
    if not words:
        return
    table = Word._meta.db_table
    connection = connections[using]
    postgres = connection.vendor == "postgresql"
    if times is None:
        pairs = "jsonb_each_text(%s::jsonb)" if postgres else "json_each(%s)"
        rows, param = f"SELECT key, value, 1 FROM {pairs}", words
    else:  # [word, spelling, times] triples
        if postgres:
            triple = "(value ->> 0) AS key, value ->> 1, (value ->> 2)::integer"
            pairs = "jsonb_array_elements(%s::jsonb)"
        else:
            triple = "value ->> 0 AS key, value ->> 1, value ->> 2"
            pairs = "json_each(%s)"
        rows = f"SELECT {triple} FROM {pairs}"
        param = [[key, spelling, times[key]] for key, spelling in words.items()]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (text, spelling, article_count) "
            f"{rows} WHERE true ORDER BY key "
            f"ON CONFLICT (text) DO UPDATE "
            f"SET article_count = {table}.article_count + excluded.article_count",
            [json.dumps(param, ensure_ascii=False)],
        )


def _remove(keys: Iterable[str], *, using: str, times: int = 1) -> None:
    """`times` fewer articles hold each of `keys`; a word none holds any more goes."""
    words = Word.objects.using(using)
    for chunk in _chunks(keys):
        words.filter(text__in=chunk, article_count__lte=times).delete()
        words.filter(text__in=chunk).update(article_count=models.F("article_count") - times)
