"""Language of a parsed article's text, as an ISO 639-1 code, and case folding (used by parse).

`fold` is the one form every lookup table of the parser is keyed by (month
names, outlets, labels): casefold() alone turns Azerbaijani "İ" into "i" plus
a combining dot, so the Turkic i's and Cyrillic ё are folded explicitly.

No model, no dependency: the archive holds English, Russian and Azerbaijani
news, which differ enough to tell apart by script, by letters only one of
them uses (ə, ğ, ı ... in Azerbaijani; і, ї, є in Ukrainian) and by the
commonest short words. Each candidate language gets a score from these and
the best one wins; English is the answer only when nothing points elsewhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SAMPLE_CHARS = 20_000
# Turkic dotted and dotless i fold to plain i and Cyrillic ё to е before casefold():
# "İ".lower() is "i" plus a combining dot, and an Azerbaijani page writes "İyun"
# where an English one writes "June", so the lookup tables hold one form of each.
_FOLD_LETTERS = str.maketrans({"İ": "i", "I": "i", "ı": "i", "Ё": "е", "ё": "е", "\u0307": None})
# A word as the parser counts and compares words: letters and digits, or letters only.
WORD = re.compile(r"[^\W_]+")
LETTER_WORD = re.compile(r"[^\W\d_]+")
# Runs of letters of each script: counting a run's letters at once costs less than a match each.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u0259\u018f]+")


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set to look words up in."""
    return frozenset(text.split())


_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "the of and to in a is that for on with as was by at from it are be has have "
        "this which will said were an or its their also between two"
    ),
    "az": word_set(
        "və bu ilə üçün da də bir olan isə ki həm daha artıq sonra görə arasında "
        "edib edilib olunub oldu olub haqqında dair üzrə qeyd bildirib"
    ),
    "tr": word_set(
        "ve bir bu için ile olarak da de gibi daha sonra kadar göre olan ise çok "
        "arasında hakkında yaptı etti"
    ),
    "ru": word_set(
        "и в на с по что не о из к за от для это как его а также между был были "
        "будет он она они при об"
    ),
    "uk": word_set(
        "і в на з що не до за від для це як його також між був були буде він вона вони та й про"
    ),
}
# Letters that belong to one candidate and not to the others it competes with.
_DISTINCTIVE = {
    "az": re.compile(r"[əƏ]"),
    "tr": re.compile(r"[ğıĞİ]"),
    "uk": re.compile(r"[іїєґІЇЄҐ]"),
    "ru": re.compile(r"[ыэъЫЭЪё]"),
}
_NOT_TURKISH = re.compile(r"[əƏqQxX]")
# Words with q or x, letters Turkish lacks: Azerbaijani typed without its own letters
# ('Xeber APA-dan', 'Qusarda kendliler') still has many; a Turkish text has a foreign name or two.
# A word starts a match only at its first letter: tried inside a word with neither letter, the
# pattern would read the rest of the word again from each of its letters.
_Q_OR_X_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]*[qQxX][^\W\d_]*")
NOT_TURKISH_WORDS_MIN = 3
_LATIN_CANDIDATES = ("en", "az", "tr")
_CYRILLIC_CANDIDATES = ("ru", "uk")


# The parser folds the same words and lines over and over, page after page.
@functools.lru_cache(maxsize=32_768)
def fold(text: str) -> str:
    """`text` in the one form every lookup table (months, sources, labels) is keyed by."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_LETTERS).casefold()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is most likely written in."""
    sample = text[:_SAMPLE_CHARS]
    cyrillic = sum(map(len, _CYRILLIC.findall(sample)))
    latin = sum(map(len, _LATIN.findall(sample)))
    candidates = _CYRILLIC_CANDIDATES if cyrillic > latin else _LATIN_CANDIDATES
    words = [word.lower() for word in LETTER_WORD.findall(sample)]
    scores = {language: _score(language, words, sample) for language in candidates}
    best = max(candidates, key=lambda language: scores[language])
    if scores[best] == 0:
        return candidates[0]
    return best


def _score(language: str, words: list[str], sample: str) -> float:
    stop_words = _STOP_WORDS[language]
    hits = sum(1 for word in words if word in stop_words)
    distinctive = _DISTINCTIVE.get(language)
    # A distinctive letter is stronger evidence than a short word, which
    # neighbouring languages may share; weigh it as three word hits.
    letters = len(distinctive.findall(sample)) if distinctive else 0
    # Turkish shares ğ and ı with Azerbaijani; they only point to Turkish in
    # a text without the letters its alphabet lacks (ə, q, x).
    if language == "tr" and _NOT_TURKISH.search(sample):
        letters = 0
        if len(_Q_OR_X_WORD.findall(sample)) >= max(NOT_TURKISH_WORDS_MIN, len(words) // 100):
            hits = 0
    return hits + 3 * letters
