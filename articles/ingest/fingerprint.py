"""Fingerprints of an article's clean text, for finding its near-copies (extract -> store).

A copy of a wire item differs from the original by a headline, a "By ..."
line, a credit or a "Follow us" line and a few edited words. The text is
normalised (folded, those lines dropped) and cut into overlapping word
shingles; a MinHash signature of the shingle set estimates the Jaccard
similarity of two texts, and its LSH band keys are what the store indexes so
that an article's candidate copies are one indexed lookup, not a scan.

The signature is one-permutation MinHash (Li, Owen and Zhang 2012) with
optimal densification (Shrivastava 2017): each shingle's hash (made from its
words' hashes) falls into one of SLOTS slots, which keep their smallest hash;
a slot no shingle fell into borrows another's along a fixed probe sequence, so
two texts' empty slots borrow alike. One hash per shingle, where k-permutation
MinHash needs SLOTS of them: fast enough in plain Python for the importer.

Reports of one event in other languages share no shingles; their event keys
(names and figures, below) are what relates them.

Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import struct
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from hashlib import blake2b

from articles.ingest.language import WORD, fold

# Words per shingle: three keeps a one-word edit to three shingles while two
# unrelated texts on the same subject share few.
SHINGLE_WORDS = 3
SLOTS = 120
# 40 bands of 3 slots: two texts become candidates with probability
# 1 - (1 - J**3)**40: 0.96 at J = 0.43 and 0.88 at J = 0.37, the least alike
# copies of the labelled pairs, and 0.28 at J = 0.2, the most alike pair that is
# no copy (the verify step drops those; bench/stories.py measures both).
BANDS = 40
ROWS = SLOTS // BANDS
_VALUE_MASK = 0xFFFFFFFF
_MASK64 = (1 << 64) - 1
# Odd multipliers placing each word of a run apart (SHINGLE_WORDS == 3).
_SHINGLE_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F)
_SIGNATURE = struct.Struct(f"<{SLOTS}I")
_PROBES = 64

# Paragraphs that a copy adds, drops or rewords without copying anything:
# bylines, credits, "Follow us" and "Read more" lines, "X reports, citing Y".
_CREDIT_LINE = re.compile(
    r"^\s*(?:by\s|photo:|source:|follow\s+us|subscribe|read\s+more|read\s+also|"
    r"also\s+read|источник:|фото:|автор:|подписывайтесь|читайте\s+(?:также|нас)|"
    r"mənbə:|foto:|müəllif:|bizi\s+izləyin|"
    r"[\w.\-]+\s+(?:reports|writes|informs),?\s+(?:citing|with reference to)\b|"
    r"[\w.\-]+\s+(?:сообщает|передает|передаёт)\s+со\s+ссылкой|"
    r"[\w.\-]+\s+.{0,40}istinadən\s+xəbər\s+verir)",
    re.IGNORECASE,
)
# A credit or byline is a short paragraph; a longer one is text that happens to start so.
_CREDIT_MAX_WORDS = 14


# ------------------------------------------------------------------ event keys
#
# Reports of one event in other languages share no shingles, but they name the
# same people and places and give the same figures. Event keys are those names
# (as consonant skeletons, which most spellings of a name across Latin,
# Cyrillic and Azerbaijani Latin share) and figures; the store indexes them
# beside the band keys, and articles.stories counts how many two articles share.
# (articles.search.expand has a skeleton for search; it keeps vowels, which the
# scripts write differently, and lives in a package that imports Django.)

_NAME = re.compile(r"(?<![\w.])([^\W\d_][^\W\d_'’-]{3,})")
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
# One consonant per sound the romanisations spell differently: g/k/q, h/kh/x/ğ,
# j/zh/dzh/c (Azerbaijani c), s/sh/ş, ch/ç/ts (č).
_LATIN_DIGRAPHS = (("dzh", "j"), ("kh", "h"), ("zh", "j"), ("sh", "s"), ("ch", "č"), ("ts", "č"))
_CYRILLIC_SOUNDS = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэюя", "abvkdeziiklmnoprstufieua", strict=True)),
        **{"ж": "j", "х": "h", "ц": "č", "ч": "č", "ш": "s", "щ": "s", "ъ": None, "ь": None},
    }
)
_LATIN_SOUNDS = str.maketrans(
    {"g": "k", "q": "k", "x": "h", "ğ": "h", "ş": "s", "ç": "č", "w": "v"}
)
_VOWELS = set("aeiouyəıöüâî")
_SKELETON_CONSONANTS = 4
_MIN_CONSONANTS = 3
# Names nearly every article of the archive holds: their keys say nothing.
# English capitalises titles, months and weekdays as it does names.
_EVERYWHERE = (
    "Azerbaijan Azerbaijani Азербайджан Азербайджана Azərbaycan Russian Российской "
    "Moscow Москва Moskva President Президент Prezident Prezidenti Minister Министр "
    "Republic Республики Respublikası Federation Федерации Federasiyası Ministry "
    "Deputy Prime Foreign Affairs Economic Cooperation Commission Intergovernmental "
    "State Chairman Chairwoman Speaker Agency Defence National International Council "
    "January February March April June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Bakı Bakıda Moskvada Москве"
)
MAX_NAME_KEYS = 16
MAX_FIGURE_KEYS = 8
_FIGURE_FLOOR = 32  # whole day numbers and ordinals are everywhere
_YEARS = range(1900, 2101)


def event_keys(text: str, language: str) -> set[str]:
    """The names and figures `text` gives, as keys comparable across languages:
    the first MAX_NAME_KEYS names and MAX_FIGURE_KEYS figures, where a report
    puts who and how much, so a long text costs no more than a short one."""
    names = [f"name:{key}" for key in _name_keys(text, language)][:MAX_NAME_KEYS]
    return {*names, *[f"figure:{figure}" for figure in _figures(text)][:MAX_FIGURE_KEYS]}


def _name_keys(text: str, language: str) -> dict[str, None]:
    """Skeletons of the capitalised words, in the order the text first gives them."""
    found: dict[str, None] = {}
    for match in _NAME.finditer(text):
        word = match.group(1)
        if not word[0].isupper() or word.isupper():
            continue
        key = name_skeleton(word, language)
        if key and key not in _everywhere():
            found.setdefault(key)
        if len(found) >= MAX_NAME_KEYS:
            break
    return found


# Names recur from article to article: a skeleton made once is a dict lookup after
# (the generated corpus: 233k capitalised words in 10k articles).
@lru_cache(maxsize=100_000)
def name_skeleton(word: str, language: str) -> str | None:
    """The first consonants of a name by sound: Mustafayev, Мустафаева -> 'mstf'."""
    text = fold(word)
    for digraph, sound in _LATIN_DIGRAPHS:
        text = text.replace(digraph, sound)
    # A lone c is j in Azerbaijani (Cabbarov) and k in English (Caspian).
    text = text.replace("c", "j" if language == "az" else "k")
    text = text.replace("дж", "j").translate(_CYRILLIC_SOUNDS).translate(_LATIN_SOUNDS)
    consonants = []
    for char in text:
        if char.isalpha() and char not in _VOWELS and (not consonants or consonants[-1] != char):
            consonants.append(char)
    if len(consonants) < _MIN_CONSONANTS:
        return None
    return "".join(consonants[:_SKELETON_CONSONANTS])


@cache
def _everywhere() -> frozenset[str]:
    return frozenset(
        key
        for word in _EVERYWHERE.split()
        for language in ("en", "az")
        if (key := name_skeleton(word, language))
    )


def _figures(text: str) -> dict[str, None]:
    """Figures written alike in any language: 4.3 and 4,3; 1,000 and 1000."""
    found: dict[str, None] = {}
    for raw in _FIGURE.findall(text):
        figure = raw.replace(",", "") if _THOUSANDS.fullmatch(raw) else raw.replace(",", ".")
        try:
            value = float(figure)
        except ValueError:
            continue
        if value.is_integer() and (value < _FIGURE_FLOOR or int(value) in _YEARS):
            continue
        found.setdefault(figure.rstrip("0").rstrip(".") if "." in figure else figure)
    return found


def key_number(key: str, day: dt.date) -> int:
    """An event key of a day as a signed 64-bit integer, stored beside the band keys.
    The day is part of the key: reports of one event are days apart at most, so a
    lookup asks for the few days around an article, and a name every article
    gives is in a handful of keys a day, not in the whole archive's."""
    digest = blake2b(f"event:{day.isoformat()}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@dataclass(frozen=True)
class Fingerprint:
    """A text's MinHash signature and how many distinct shingles it held."""

    signature: tuple[int, ...]
    shingle_count: int

    def to_bytes(self) -> bytes:
        return _SIGNATURE.pack(*self.signature)

    @classmethod
    def from_bytes(cls, data: bytes, shingle_count: int) -> Fingerprint:
        return cls(_SIGNATURE.unpack(bytes(data)), shingle_count)

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band: texts sharing a key are candidate copies."""
        return list(self._band_keys)

    @cached_property
    def _band_keys(self) -> tuple[int, ...]:
        # Made once: filing an article stores its keys, then looks them up (40 hashes,
        # a fifth of the fingerprint's own time).
        keys = []
        for band in range(BANDS):
            rows = self.signature[band * ROWS : (band + 1) * ROWS]
            digest = blake2b(struct.pack(f"<B{ROWS}I", band, *rows), digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return tuple(keys)

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        same = sum(
            1
            for mine, theirs in zip(self.signature, other.signature, strict=True)
            if mine == theirs
        )
        return same / SLOTS

    def containment(self, other: Fingerprint) -> float:
        """Estimated share of the shorter text's shingles that the other holds too:
        a reprint that leaves out the last paragraph is still a copy."""
        jaccard = self.similarity(other)
        smaller = min(self.shingle_count, other.shingle_count)
        if not smaller:
            return 0.0
        shared = jaccard * (self.shingle_count + other.shingle_count) / (1 + jaccard)
        return min(1.0, shared / smaller)


def normalised_words(body: str) -> list[str]:
    """The body's words, folded, without the paragraphs copies add or drop."""
    words: list[str] = []
    for paragraph in body.split("\n"):
        found = WORD.findall(fold(paragraph))
        if len(found) <= _CREDIT_MAX_WORDS and _CREDIT_LINE.match(paragraph):
            continue
        words.extend(found)
    return words


def shingle_hashes(words: list[str]) -> set[int]:
    """64-bit hashes of the overlapping runs of SHINGLE_WORDS words (a shorter text
    is one run). Each word is hashed once, and a run's hash combines its words'
    (random already) by place: a hash call per run cost the importer twice as much."""
    hashed = [_word_hash(word) for word in words]
    if len(hashed) < SHINGLE_WORDS:
        hashed += [0] * (SHINGLE_WORDS - len(hashed)) if hashed else []
    second, third = _SHINGLE_MULTIPLIERS
    return {
        (hashed[i] ^ (hashed[i + 1] * second) ^ (hashed[i + 2] * third)) & _MASK64
        for i in range(len(hashed) - SHINGLE_WORDS + 1)
    }


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "little")


def fingerprint(body: str) -> Fingerprint | None:
    """The body's fingerprint; None when it holds no words to compare."""
    found = shingle_hashes(normalised_words(body))
    if not found:
        return None
    slots: list[int | None] = [None] * SLOTS
    for hashed in found:
        slot, value = hashed % SLOTS, (hashed // SLOTS) & _VALUE_MASK
        current = slots[slot]
        if current is None or value < current:
            slots[slot] = value
    return Fingerprint(_densified(slots), len(found))


def _densified(slots: list[int | None]) -> tuple[int, ...]:
    """Empty slots take a filled slot's value along their own fixed probe sequence."""
    filled = [slot for slot, value in enumerate(slots) if value is not None]
    signature = []
    for slot, value in enumerate(slots):
        if value is None:
            borrowed = next((p for p in _probe_sequence(slot) if slots[p] is not None), filled[0])
            value = slots[borrowed]
        signature.append(value)
    return tuple(signature)


@cache
def _probe_sequence(slot: int) -> tuple[int, ...]:
    # Seeded by the slot alone: every text's empty slot probes the same slots in turn.
    chooser = random.Random(slot * 7919 + 1)
    return tuple(chooser.randrange(SLOTS) for _ in range(_PROBES))
