"""Did you mean (query -> render): when a search finds nothing or very little,
the closest words the archive holds (articles.vocabulary) in place of the
reader's words it does not hold.

Closeness is pg_trgm's similarity: the trigrams of the word padded with two
spaces before and one after, shared over all. PostgreSQL finds candidates
with its `%` operator on a GIN trigram index; SQLite with an FTS5 trigram
table, counting the query's trigrams each word holds and estimating the
similarity from that and the word's length (both from migration 0013). Either
way a few best candidates are then scored here, in Python, the same on both
databases, and ranked by their similarity raised a little for each tenfold of
the articles that hold them (`score`): a misprint one article holds is often a
shade more like the reader's misprint than the word both misspell, which
thousands hold. The candidate queries order by the same score, so a crowd of
rare near misses cannot push the common word out of the few scored.

A word the vocabulary holds is kept as typed: only unknown words are
corrected. One query looks up which words are known, one more per unknown
word (at most MAX_CORRECTIONS), those within one time budget: a search for
the closest words cut short finds none, never an error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db import connections

from articles.ingest.language import WORD, fold
from articles.models import Word
from articles.search import Budget, time_budget
from articles.search.stems import lower
from articles.search.terms import parse
from articles.vocabulary import MIN_WORD_LENGTH

# A search with at most this many matches is worth a suggestion.
FEW_MATCHES = 3
# Less alike than this is no longer the same word misspelt (pg_trgm's default threshold).
MIN_SIMILARITY = 0.3
# Similarity a word may lack per tenfold more articles holding it and still
# rank first: a one-letter misprint's edge over the word it misspells (about
# 0.06) is made up by some sixteenfold more articles, a clearly closer word's
# (0.1 and more) only by a hundredfold or more.
SIMILARITY_PER_TENFOLD = 0.05
# The same weight for SQL's natural logarithm (LN: PostgreSQL's own, Django's on SQLite).
_PER_LN = SIMILARITY_PER_TENFOLD / math.log(10)
# Candidates per word scored in Python: enough for estimates that rank a few places off.
CANDIDATES = 20
# Unknown words corrected per query; the rest are kept as typed.
MAX_CORRECTIONS = 4
# The whole suggestion's share of a page's time (see bench/RESULTS.md, "Did you mean").
BUDGET_MS = 150


@dataclass(frozen=True)
class Correction:
    typed: str
    suggested: str


@dataclass(frozen=True)
class Suggestion:
    """The reader's text with unknown words replaced, ready to search again."""

    query_text: str
    words: tuple[Correction, ...]

    @property
    def parts(self) -> tuple[tuple[str, bool], ...]:
        """The query text in pieces, each with whether it was corrected: to show what changed."""
        suggested = {correction.suggested for correction in self.words}
        pieces: list[tuple[str, bool]] = []
        position = 0
        for found in WORD.finditer(self.query_text):
            if found[0] in suggested:
                pieces += [(self.query_text[position : found.start()], False), (found[0], True)]
                position = found.end()
        pieces.append((self.query_text[position:], False))
        return tuple((text, changed) for text, changed in pieces if text)


def trigrams(word: str) -> frozenset[str]:
    """pg_trgm's trigrams of one lower-case word."""
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def similarity(first: str, second: str) -> float:
    """pg_trgm's similarity: shared trigrams over all the trigrams of either."""
    a, b = trigrams(first), trigrams(second)
    return len(a & b) / len(a | b)


def suggest(text: str, *, using: str, budget: Budget | None = None) -> Suggestion | None:
    """A better search than `text`, or None when every word is known, none has
    a close enough word in the archive, or the time budget ran out.

    Which words are known is one probe of the vocabulary's unique index, run
    outside the budget; only the closeness searches need one. Pass the page's
    `budget` when one is open on this database already (SQLite has one deadline
    per connection); otherwise the suggestion opens its own.
    """
    words = _correctable_words(text)
    if not words:
        return None
    known = dict(Word.objects.using(using).filter(text__in=words).values_list("text", "spelling"))
    corrections = [
        # Known once folded, but typed "i" for "ı" or "е" for "ё": the engines tell those apart.
        Correction(typed=typed, suggested=known[key])
        for key, typed in words.items()
        if key in known and known[key] != lower(typed)
    ]
    unknown = {key: typed for key, typed in words.items() if key not in known}
    if unknown and budget is not None:
        corrections += _closest(unknown, using, budget)
    elif unknown:
        with time_budget(using, BUDGET_MS) as own_budget:
            corrections += _closest(unknown, using, own_budget)
    if not corrections:
        return None
    return Suggestion(query_text=_corrected(text, corrections), words=tuple(corrections))


def _correctable_words(text: str) -> dict[str, str]:
    """Folded form -> typed form of the sought words that could be misspelt:
    letters only, and long enough for trigrams to tell words apart."""
    words: dict[str, str] = {}
    for word in parse(text).words():
        if len(word) >= MIN_WORD_LENGTH and word.isalpha():
            words.setdefault(fold(word), word)
    return words


def _closest(unknown: dict[str, str], using: str, budget: Budget) -> list[Correction]:
    """The closest known word to each of the first MAX_CORRECTIONS unknown ones;
    none once the budget is spent."""
    corrections = []
    for key in list(unknown)[:MAX_CORRECTIONS]:
        best = budget.run(lambda key=key: closest_word(key, using=using))
        if best is not None:
            corrections.append(Correction(typed=unknown[key], suggested=best))
    return corrections


def score(similarity: float, article_count: int) -> float:
    """How good a suggestion a word is: how alike, and how many articles hold it."""
    return similarity + SIMILARITY_PER_TENFOLD * math.log10(article_count)


def closest_word(key: str, *, using: str) -> str | None:
    """The spelling of the best-scored vocabulary word like the folded `key`,
    or None when none is alike enough."""
    finder = _FINDERS[connections[using].vendor]
    scored = [
        (score(alike, count), text, spelling)
        for text, spelling, count in finder(key, using)
        if (alike := similarity(key, text)) >= MIN_SIMILARITY and text != key
    ]
    if not scored:
        return None
    return min(scored, key=lambda row: (-row[0], row[1]))[2]


def _postgres_candidates(key: str, using: str) -> list[tuple[str, str, int]]:
    # `%` is pg_trgm's "similar enough" test, the one the GIN index serves.
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT text, spelling, article_count FROM {Word._meta.db_table} "
            "WHERE text %% %s ORDER BY similarity(text, %s) + %s * LN(article_count) DESC, text "
            "LIMIT %s",
            [key, key, _PER_LN, CANDIDATES],
        )
        return cursor.fetchall()


def _sqlite_candidates(key: str, using: str) -> list[tuple[str, str, int]]:
    """Words holding any of the key's inner trigrams, best estimates first.

    The FTS5 trigram table matches substrings, so it knows the trigrams inside
    a word; the three padded ones at its edges are compared here directly. The
    estimate takes a word of n letters to have n + 1 distinct trigrams.
    """
    inner = sorted({key[i : i + 3] for i in range(len(key) - 2)})
    if not inner:
        return []
    hits = " UNION ALL ".join(
        ["SELECT rowid AS id FROM articles_word_trigrams WHERE articles_word_trigrams MATCH %s"]
        * len(inner)
    )
    edges = "(substr(w.text, 1, 1) = %s) + (substr(w.text, 1, 2) = %s) + (substr(w.text, -2) = %s)"
    sql = (
        f"SELECT w.text, w.spelling, w.article_count FROM ("
        f"  SELECT id, COUNT(*) AS shared FROM ({hits}) GROUP BY id"
        f") AS h JOIN {Word._meta.db_table} AS w ON w.id = h.id "
        f"ORDER BY (h.shared + {edges}) * 1.0 "
        f"  / (%s + length(w.text) + 1 - h.shared - {edges}) + %s * LN(w.article_count) DESC, "
        f"w.text "
        f"LIMIT %s"
    )
    edge_params = [key[:1], key[:2], key[-2:]]
    params = [
        *(f'"{trigram}"' for trigram in inner),
        *edge_params,
        len(trigrams(key)),
        *edge_params,
        _PER_LN,
        CANDIDATES,
    ]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


_FINDERS = {"postgresql": _postgres_candidates, "sqlite": _sqlite_candidates}


def _corrected(text: str, corrections: list[Correction]) -> str:
    """`text` with each corrected word replaced wherever it stands."""
    replacements = {fold(correction.typed): correction.suggested for correction in corrections}
    return WORD.sub(lambda found: replacements.get(fold(found[0]), found[0]), text)
