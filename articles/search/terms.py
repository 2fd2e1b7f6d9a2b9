"""What a reader typed into the search box, as a small safe structure.

search/__init__ parses the text once here; each backend then writes the
structure in its engine's syntax. Pure Python, no Django: user text reaches
FTS5 `MATCH` or `websearch_to_tsquery` only as the quoted words made here.

The syntax: words, "quoted phrases", -excluded words or phrases, and OR
between two terms. Everything else (brackets, stars, colons, SQL) is
punctuation that separates words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: letters and digits, the same characters FTS5's unicode61 tokenizer keeps.
from articles.ingest.language import WORD

# A longer text is cut, not refused: the first words still search.
MAX_QUERY_CHARS = 500
MAX_TERMS = 16

# A token: an optional "-", then a quoted phrase (the closing quote may be
# missing) or a run of anything but spaces and quotes.
_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')


@dataclass(frozen=True)
class Term:
    """One word, or the words of a phrase that must appear side by side;
    `is_quoted` when the reader quoted it: its spelling is meant as written,
    so no other names are searched for it (articles.search.expand)."""

    words: tuple[str, ...]
    is_quoted: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def as_websearch(self) -> str:
        """Text for websearch_to_tsquery: a phrase in quotes, a word bare."""
        text = " ".join(self.words)
        return f'"{text}"' if self.is_phrase else text


@dataclass(frozen=True)
class Query:
    """Every group must match (AND); a group matches when any of its terms does
    (OR); no excluded term may match."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: a query of only exclusions or punctuation."""
        return not self.groups

    def words(self) -> tuple[str, ...]:
        """The words sought, in order, for highlighting outside the database."""
        return tuple(word for group in self.groups for term in group for word in term.words)


def _terms(text: str) -> list[tuple[bool, Term | None]]:
    """(is_excluded, term) per token; an OR operator is (False, None)."""
    tokens: list[tuple[bool, Term | None]] = []
    for minus, phrase, bare in _TOKEN.findall(text[:MAX_QUERY_CHARS]):
        if bare == "OR" and not minus:
            tokens.append((False, None))
            continue
        words = tuple(WORD.findall(phrase if phrase else bare))
        if words:
            tokens.append((bool(minus), Term(words, is_quoted=bool(phrase))))
    return tokens


def parse(text: str) -> Query:
    """Read a reader's search text; never fails, whatever the text."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False
    for is_excluded, term in _terms(text):
        if term is None:
            joining = bool(groups)
            continue
        if is_excluded:
            excluded.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    kept = [tuple(dict.fromkeys(group)) for group in groups[:MAX_TERMS]]
    return Query(groups=tuple(kept), excluded=tuple(dict.fromkeys(excluded[:MAX_TERMS])))
