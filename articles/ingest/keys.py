"""A document's identity (read -> parse -> extract -> store): its key.

Two mentions of one document rarely spell it the same way ("the Treaty on
Friendship", "the treaty of friendship"); `agreement_key` reduces a name to
its kind and distinctive words, sorted, so both spellings meet in one key,
and `key_words` lets the extract stage see that one name's words are a part
of another's.
"""

from __future__ import annotations

import re

from articles.ingest.document import AgreementKind
from articles.ingest.kinds import KIND_PATTERN
from articles.ingest.language import WORD, word_set

KEY_MAX_CHARS = 300


# Words that tell no document apart from another, in the three languages.
GENERIC_WORDS = word_set(
    "cooperation understanding intent intention intentions partnership mutual the a an of on "
    "in between for about and field sphere area areas with to by at "
    "из о об в на по и между сотрудничестве сотрудничества взаимопонимании намерениях "
    "области сфере əməkdaşlıq əməkdaşlığa haqqında dair "
    "üzrə sahəsində və ilə arasında"
)
_KEY_PHRASES = (
    (
        re.compile(
            r"(?i:small and medium[- ]?(?:sized)?\s+(?:business\w*|enterprises?|entrepreneurship))"
        ),
        " sme ",
    ),
    (re.compile(r"(?i:мал\w+ и средн\w+ (?:бизнес\w*|предпринимательств\w*))"), " sme "),
    (re.compile(r"(?i:kiçik və orta (?:biznes\w*|sahibkarlıq\w*))"), " sme "),
)
_KEY_SYNONYMS = {
    "untill": "until",
    "till": "until",
    "directions": "areas",
    "direction": "areas",
    "spheres": "field",
    "sphere": "field",
    "programme": "program",
    "azerbaijani": "azerbaijan",
    "russian": "russia",
    "offences": "offenses",
}
# "intent" and "understanding" stay in keys: a memorandum of intent is not the
# memorandum it may lead to.
_KEY_DROP = (GENERIC_WORDS - {"intent", "understanding"}) | {"federation", "republic", "key"}


def agreement_key(kind: AgreementKind, name: str) -> str:
    """A stable identity: kind plus the name's distinctive words, normalised and sorted."""
    text = name.lower()
    for pattern, replacement in _KEY_PHRASES:
        text = pattern.sub(replacement, text)
    words = {_key_word(word) for word in WORD.findall(text)}
    words -= _KEY_DROP | {""}
    distinctive = sorted(word for word in words if not KIND_PATTERN.fullmatch(word))
    return f"{kind.value}:{'-'.join(distinctive)}"[:KEY_MAX_CHARS]


def _key_word(word: str) -> str:
    word = _KEY_SYNONYMS.get(word, word)
    if word in _KEY_DROP:
        return ""
    if word.isascii():
        return (
            word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
        )
    # Russian and Azerbaijani inflect by endings; six letters keep the stem.
    return word[:6]


def key_words(key: str) -> frozenset[str]:
    """The distinctive words an `agreement_key` holds, its kind left out."""
    return frozenset(key.partition(":")[2].split("-"))
