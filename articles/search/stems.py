"""Word forms: each language's words reduced to their stems, the same way on
both databases.

index / query: PostgreSQL stems inside the database with its text-search
configurations; SQLite has no stemmer of its own beyond English, so its
index holds the text this module makes (articles.search.sqlite), and both
engines' queries are stemmed here or by the configuration of the same name.
Pure Python, no Django.

A configuration is chosen by the article's language, as PostgreSQL's are:
English, Russian (whose configuration stems Latin words as English), and
Azerbaijani through Snowball's Turkish stemmer reading ə as e (Turkish has
no ə, and its suffixes -ler, -de, -den are Azerbaijani's -lər, -də, -dən):
on our own samples it found 0.78 of the word forms at a precision of 0.96,
against 0.37 without stemming and 0.61 with the Turkish stemmer alone
(bench/word_forms.py, bench/RESULTS.md). Any other language keeps its words
as written, in lower case.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import Stemmer

# Language -> Snowball stemmer, named as PostgreSQL names the configuration.
CONFIGS = {"en": "english", "ru": "russian", "az": "turkish"}
DEFAULT_CONFIG = "simple"
# Characters read as others before stemming, per configuration: Turkish
# Snowball knows e where Azerbaijani writes ə.
READ_AS = {"turkish": str.maketrans({"ə": "e", "Ə": "E"})}
# Letters, digits and private-use characters: what FTS5's unicode61
# tokenizer keeps as token characters, so a stem stands at its word's place.
WORD = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff])+")


def config_for(language: str | None) -> str:
    """The stemming configuration of an article in `language`."""
    return CONFIGS.get(language or "", DEFAULT_CONFIG)


def lower(word: str) -> str:
    """Lower case as PostgreSQL makes it: dotted İ is i, never i plus a dot."""
    return word.replace("İ", "i").lower()


@cache
def _stemmer(name: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(name)


def stem(word: str, config: str) -> str:
    """One word's stem in `config`; numbers and mixed words stay whole, and
    the Russian configuration stems a Latin word as English, as PostgreSQL's does."""
    return _stem_read(lower(word.translate(READ_AS.get(config, {}))), config)


# An article's words repeat within it and across articles: a word is stemmed
# once, then looked up (indexing an article took about a third of the time).
@lru_cache(maxsize=2**18)
def _stem_read(word: str, config: str) -> str:
    """The stem of a word already in lower case and read as `config` reads it."""
    if config == DEFAULT_CONFIG or any(char.isdigit() for char in word):
        return word
    if config == "russian" and word.isascii():
        config = "english"
    return _stemmer(config).stemWord(word)


def stems(words: tuple[str, ...] | list[str], config: str) -> tuple[str, ...]:
    return tuple(stem(word, config) for word in words)


def stemmed_text(language: str | None, text: str | None) -> str:
    """`text` as the stems of its words, one per word, in order: what the
    SQLite index holds in place of the words (phrases and highlights keep
    their positions)."""
    config = config_for(language)
    words = WORD.findall(lower((text or "").translate(READ_AS.get(config, {}))))
    return " ".join([_stem_read(word, config) for word in words])
