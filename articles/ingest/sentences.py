"""What extraction reads (read -> parse -> extract): sentences, and the window around one word.

Every rule in the extract stage reads a bounded piece of the parsed body:
`sentences` cuts it into sentences of bounded length, and a `Window` is the
text around one document word, all that any rule about that word may read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE_BREAK = re.compile(r"\n+|(?<=[.!?…])[\"”»]?\s+(?=[\"“«]?[A-ZА-ЯЁƏÄÜÖĞİŞÇ0-9])")
# A word broken at the end of a printed or PDF line: 'План кон- сультаций' once the lines
# are joined. A hyphen that leaves a word's first half for a second word is kept: 'нефте- и
# газодобыча', 'pre- and post-war', 'iqtisadi- və'.
_LINE_END_HYPHEN = re.compile(
    r"(?<=[a-zа-яёəäüöğışç])- (?!(?:и|или|а|and|or|to|və|ya|yaxud|ilə)\s)(?=[a-zа-яёəäüöğışç])"
)
_COLUMNS = " | "
# Abbreviations a stop closes without ending the sentence: English news's short months and
# titles ('Sept. 1', 'Mr. Aliyev', 'St. Petersburg').
_ABBREVIATION_AT_END = re.compile(
    r"(?<!\w)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep)\.$"
)
# Azerbaijani's Latin alphabet of 1991-92 wrote ä where today's writes ə.
_OLD_AZERBAIJANI_E = str.maketrans("äÄ", "əƏ")
_TODAY_AZERBAIJANI_E = str.maketrans("əƏ", "äÄ")

# Extraction reads bounded windows around each document word, never a whole
# sentence per match: a 1 MB "sentence" of repeated document words must cost
# time linear in its length (issue 13; bench/extract.py measures it).
SENTENCE_MAX_CHARS = 2_000
BEFORE_CHARS = 300
AFTER_CHARS = 400
CONTEXT_CHARS = 200


def joined_line_breaks(text: str) -> str:
    """The text with words broken by a hyphen at a line's end made whole again.

    A paragraph laid out in columns (' | ' between them) is left as it is: the
    word after a hyphen there may be the next column's."""
    if "- " not in text and "-\n" not in text:
        return text
    return "\n".join(
        line if _COLUMNS in line else _LINE_END_HYPHEN.sub("", line) for line in text.split("\n")
    )


def in_todays_alphabet(sentence: str, language: str) -> str:
    """An Azerbaijani sentence in today's letters: 'Bäyannamä' is read as 'Bəyannamə'."""
    return sentence.translate(_OLD_AZERBAIJANI_E) if language == "az" else sentence


def in_its_own_alphabet(name: str, sentence: str) -> str:
    """A name read in today's letters, spelt as its sentence spells it: a sentence that wrote
    ä and no ə had every ə of the name as ä."""
    if "ə" in sentence.casefold() or "ä" not in sentence.casefold():
        return name
    return name.translate(_TODAY_AZERBAIJANI_E)


# Agreements, events and the count of documents signed each read the same body's sentences.
@functools.lru_cache(maxsize=8)
def sentences(body: str) -> tuple[str, ...]:
    """Sentences, each cut into pieces of at most SENTENCE_MAX_CHARS at a space."""
    return tuple(_cut_sentences(body))


def _cut_sentences(body: str) -> Iterator[str]:
    for sentence in _past_abbreviations(_SENTENCE_BREAK.split(body)):
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


def _past_abbreviations(pieces: list[str]) -> Iterator[str]:
    """The pieces a stop split, joined again where the stop closed an abbreviation: 'on
    Sept. 1 signed', 'Mr. Aliyev', 'St. Petersburg' go on past their stop."""
    held = ""
    for piece in pieces:
        held = f"{held} {piece}" if held else piece
        if not _ABBREVIATION_AT_END.search(held) or "\n" in piece:
            yield held
            held = ""
    if held:
        yield held


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
