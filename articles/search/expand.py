"""Names across scripts and spellings: a query word that is a known name's
word also searches that word's other spellings (Aliyev: Алиев, Əliyev, Aliev).

query: `search(..., expand=True)` turns each word the reader did not quote
into an OR of the word and its other spellings, before either backend sees
the query, so both get it alike. Pure Python, no Django: the names come in
as plain (kind, names) pairs from articles.search.names.

Spellings are found twice over. The names of one person, place or
organisation, written in several scripts with the same number of words,
give each word's spellings by position ("Ilham Aliyev", "Ильхам Алиев",
"İlham Əliyev"). And every spelling is reduced to a loose Latin skeleton
(`skeleton`): a transliteration that folds what the scripts and their
romanisations write differently (ə/а/e, х/kh/x/h, й/y/j, ş/ш/sh, doubled letters), so
a spelling no one listed (Alijev) still finds the others, and so does a
Russian or Azerbaijani case form once its ending is stemmed (Алиева).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from articles.ingest.language import WORD
from articles.search.stems import stem
from articles.search.terms import Query, Term

# The most other spellings one word searches for (the page lists them all).
MAX_SPELLINGS = 8
# Kinds whose names are names: a topic's aliases are keywords, not spellings.
NAMED_KINDS = frozenset({"person", "place", "organisation"})
# The stemmers that turn a case form back into the name it declines.
CASE_STEMMERS = ("russian", "turkish")
SAME_WORD_STEMMERS = ("english", *CASE_STEMMERS)
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ә": "a", "ү": "u", "ө": "o",
}  # fmt: skip
# Azerbaijani and Turkish Latin letters, then the romanisations' variants, to one letter each.
_LATIN = {
    "ə": "a", "e": "a", "ä": "a", "ı": "i", "ğ": "g", "ş": "sh", "ç": "ch", "ö": "o",
    "ü": "u", "x": "h", "q": "k", "w": "v", "c": "k",
}  # fmt: skip
# First letters that one name's spellings may begin with in different
# scripts (Hasanov, Гасанов; Gazprom, Qazprom; Jabbarov, Cabbarov).
_ONE_SOUND = str.maketrans("cghjkqy", "kkkkkkk")
_DZH = re.compile(r"dzh|dj")
_KH = re.compile(r"kh")
# A y or j between vowels only glides: Aliyev, Aliev, Alijev, Мустафаев.
_GLIDE = re.compile(r"(?<=[aiou])[yj](?=[aiou])")
_DOUBLED = re.compile(r"(.)\1+")
# A Russian name ending in a consonant: its genitive adds -а.
_RUSSIAN_CONSONANT_END = re.compile(r"[а-яё]*[бвгджзклмнпрстфхцчшщ]$", re.IGNORECASE)


def skeleton(word: str) -> str:
    """A loose Latin key for any spelling of a word: equal keys, likely the
    same name (Aliyev, Aliev, Alijev, Əliyev, Алиев -> 'aliav')."""
    text = "".join(_CYRILLIC.get(char, char) for char in word.replace("İ", "i").lower())
    text = _DZH.sub("j", _KH.sub("h", text))
    text = "".join(_LATIN.get(char, char) for char in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if "a" <= char <= "z")
    return _DOUBLED.sub(r"\1", _GLIDE.sub("", text))


def _keys(word: str) -> set[str]:
    """A query word's keys: itself, and its stems as a case form."""
    return {skeleton(word)} | {skeleton(stem(word, config)) for config in CASE_STEMMERS}


def _name_words(name: str) -> list[str]:
    """A name's words as written; an alias's stem marker (Путин*) goes."""
    return WORD.findall(name.replace("*", ""))


class _Sets:
    """Spellings joined into sets of one word's spellings (union-find)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, spelling: str) -> str:
        self.parent.setdefault(spelling, spelling)
        while self.parent[spelling] != spelling:
            self.parent[spelling] = self.parent[self.parent[spelling]]
            spelling = self.parent[spelling]
        return spelling

    def join(self, one: str, other: str) -> None:
        self.parent[self.find(one)] = self.find(other)


def _aligned(kind: str, names: list[list[str]]) -> Iterable[tuple[str, str]]:
    """Pairs of spellings of one word among an entity's names: the words at
    one place in names of equal length, and a person's one-word name with the
    last word of the full ones (Putin, Vladimir Putin). Only capitalised
    words: 'of' and 'и' are nobody's name."""
    longest = max(len(words) for words in names)
    model = next(words for words in names if len(words) == longest)
    for words in names:
        if len(words) == longest:
            pairs = zip(model, words, strict=True)
        elif len(words) == 1 and kind == "person":
            pairs = zip(model[-1:], words, strict=True)
        else:
            continue
        yield from ((a, b) for a, b in pairs if _may_be_one_word(a, b))


def _may_be_one_word(one: str, other: str) -> bool:
    """Words at one place in two names, capitalised and sounding alike at
    first: 'of' and 'и' are nobody's name, and 'Federation Council' puts its
    words the other way round from 'Совет Федерации'."""
    if not (one[:1].isupper() and other[:1].isupper()):
        return False
    first, second = skeleton(one)[:1], skeleton(other)[:1]
    return first.translate(_ONE_SOUND) == second.translate(_ONE_SOUND)


def _genitives(spellings: list[str]) -> list[str]:
    """The genitive of each Russian name that does not stem as its other
    cases do: Snowball reads the -ев of Алиев and the -ам of Ильхам as
    plural endings (ал, ильх), while Алиева, Алиеву, Алиевым all stem to
    алиев; the genitive searched besides finds those."""
    forms = []
    for spelling in spellings:
        genitive = f"{spelling}а"
        if _RUSSIAN_CONSONANT_END.fullmatch(spelling) and stem(genitive, "russian") != stem(
            spelling, "russian"
        ):
            forms.append(genitive)
    return forms


def _same_word(spelling: str, word: str) -> bool:
    """Whether searching `word` already finds `spelling`: one of its forms."""
    return any(stem(spelling, config) == stem(word, config) for config in SAME_WORD_STEMMERS)


@dataclass(frozen=True)
class Spellings:
    """Each known name word's other spellings, by skeleton."""

    by_key: dict[str, tuple[str, ...]]

    def of(self, word: str) -> tuple[str, ...]:
        """The other spellings of `word` (none when it is no known name's word)."""
        found: dict[str, str] = {}
        for key in sorted(_keys(word)):
            for spelling in self.by_key.get(key, ()):
                found.setdefault(spelling.lower(), spelling)
        if not found:
            return ()
        spellings = [*found.values(), *_genitives([word, *found.values()])]
        others = dict.fromkeys(s for s in spellings if not _same_word(s, word))
        return tuple(others)[:MAX_SPELLINGS]


def spellings_of(entities: Iterable[tuple[str, Iterable[str]]]) -> Spellings:
    """The spellings of every word of the named entities' names, from
    (kind, names) pairs; spellings with one skeleton are one word's."""
    sets = _Sets()
    for kind, names in entities:
        if kind not in NAMED_KINDS:
            continue
        word_lists = [words for words in map(_name_words, names) if words]
        for words in word_lists:
            for word in words:
                sets.find(word)
        if word_lists:
            for one, other in _aligned(kind, word_lists):
                sets.join(one, other)
    by_skeleton: dict[str, str] = {}
    for spelling in list(sets.parent):
        key = skeleton(spelling)
        if key:
            sets.join(spelling, by_skeleton.setdefault(key, spelling))
    members: dict[str, set[str]] = {}
    for spelling in sets.parent:
        members.setdefault(sets.find(spelling), set()).add(spelling)
    by_key: dict[str, tuple[str, ...]] = {}
    for spelling, root in ((spelling, sets.find(spelling)) for spelling in sets.parent):
        by_key.setdefault(skeleton(spelling), tuple(sorted(members[root], key=str.lower)))
    return Spellings(by_key=by_key)


@dataclass(frozen=True)
class Expansion:
    """The query with other spellings added, and those spellings, in order."""

    query: Query
    added: tuple[str, ...]


def _expand_term(term: Term, spellings: Spellings) -> list[Term]:
    if term.is_quoted or term.is_phrase:
        return [term]
    return [term, *(Term((spelling,)) for spelling in spellings.of(term.words[0]))]


def expand(query: Query, spellings: Spellings) -> Expansion:
    """Each unquoted word of `query` OR'ed with its other spellings; quoted
    terms and excluded ones stay as the reader wrote them."""
    groups = []
    added: dict[str, None] = {}
    for group in query.groups:
        terms = [variant for term in group for variant in _expand_term(term, spellings)]
        groups.append(tuple(dict.fromkeys(terms)))
        added.update((term.words[0], None) for term in terms if term not in group)
    expanded = Query(groups=tuple(groups), excluded=query.excluded)
    return Expansion(query=expanded, added=tuple(added))
