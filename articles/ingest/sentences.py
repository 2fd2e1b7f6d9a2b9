"""What extraction reads (read -> parse -> extract): sentences, and the window around one word.

Every rule in the extract stage reads a bounded piece of the parsed body:
`sentences` cuts it into sentences of bounded length, and a `Window` is the
text around one document word, all that any rule about that word may read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE_BREAK = re.compile(r"\n+|(?<=[.!?…])[\"”»]?\s+(?=[\"“«]?[A-ZА-ЯЁƏÜÖĞİŞÇ0-9])")

# Extraction reads bounded windows around each document word, never a whole
# sentence per match: a 1 MB "sentence" of repeated document words must cost
# time linear in its length (issue 13; bench/extract.py measures it).
SENTENCE_MAX_CHARS = 2_000
BEFORE_CHARS = 300
AFTER_CHARS = 400
CONTEXT_CHARS = 200


def sentences(body: str) -> Iterator[str]:
    """Sentences, each cut into pieces of at most SENTENCE_MAX_CHARS at a space."""
    for sentence in _SENTENCE_BREAK.split(body):
        # A subheading's marker is the body's markup, not the text a mention quotes.
        sentence = sentence.removeprefix("## ")
        start, end = 0, len(sentence)
        while end - start > SENTENCE_MAX_CHARS:
            cut = sentence.rfind(" ", start + 1, start + SENTENCE_MAX_CHARS)
            cut = cut if cut > start else start + SENTENCE_MAX_CHARS
            yield sentence[start:cut].strip()
            start = cut
        if sentence[start:].strip():
            yield sentence[start:].strip()


@dataclass(frozen=True)
class Window:
    """The text around one document word: all that any rule about it may read."""

    sentence: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.sentence[self.start : self.end]

    @property
    def before(self) -> str:
        return self.sentence[max(0, self.start - BEFORE_CHARS) : self.start]

    @property
    def after(self) -> str:
        return self.sentence[self.end : self.end + AFTER_CHARS]

    @property
    def context(self) -> str:
        return self.sentence[max(0, self.start - CONTEXT_CHARS) : self.end + CONTEXT_CHARS]
