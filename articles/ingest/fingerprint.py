"""Fingerprints of an article's clean text, for finding its near-copies (extract -> store).

A copy of a wire item differs from the original by a headline, a "By ..."
line, a credit or a "Follow us" line and a few edited words. The text is
normalised (folded, those lines dropped) and cut into overlapping word
shingles; a MinHash signature of the shingle set estimates the Jaccard
similarity of two texts, and its LSH band keys are what the store indexes so
that an article's candidate copies are one indexed lookup, not a scan.

The signature is one-permutation MinHash (Li, Owen and Zhang 2012) with
optimal densification (Shrivastava 2017): each shingle is hashed once and
falls into one of SLOTS slots, which keep their smallest hash; a slot no
shingle fell into borrows another's along a fixed probe sequence, so two
texts' empty slots borrow alike. One hash per shingle, where k-permutation
MinHash needs SLOTS of them: fast enough in plain Python for the importer.

Pure Python, no Django.
"""

from __future__ import annotations

import random
import re
import struct
from dataclasses import dataclass
from functools import cache
from hashlib import blake2b

from articles.ingest.language import WORD, fold

# Words per shingle: three keeps a one-word edit to three shingles while two
# unrelated texts on the same subject share few.
SHINGLE_WORDS = 3
SLOTS = 128
# 32 bands of 4 slots: two texts become candidates with probability
# 1 - (1 - J**4)**32, 0.99 at J = 0.6 and 0.23 at J = 0.3 (the verify step
# drops those); tests/stories and bench/stories.py measure what this misses.
BANDS = 32
ROWS = SLOTS // BANDS
_SLOT_BITS = 7  # 2**7 == SLOTS
_VALUE_MASK = 0xFFFFFFFF
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
        keys = []
        for band in range(BANDS):
            rows = self.signature[band * ROWS : (band + 1) * ROWS]
            digest = blake2b(struct.pack(f"<B{ROWS}I", band, *rows), digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys

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


def shingles(words: list[str]) -> set[str]:
    """Overlapping runs of SHINGLE_WORDS words (a shorter text is one shingle)."""
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def fingerprint(body: str) -> Fingerprint | None:
    """The body's fingerprint; None when it holds no words to compare."""
    found = shingles(normalised_words(body))
    if not found:
        return None
    slots: list[int | None] = [None] * SLOTS
    for shingle in found:
        hashed = int.from_bytes(blake2b(shingle.encode(), digest_size=8).digest(), "little")
        slot, value = hashed & (SLOTS - 1), (hashed >> _SLOT_BITS) & _VALUE_MASK
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
