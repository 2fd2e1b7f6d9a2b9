"""Tags (read -> parse -> extract): people, organisations, places, events and topics.

A gazetteer (fixtures/gazetteer.json) that curators extend lists each tag
with its aliases; an alias ending in "*" covers its stem's declensions
("Путин*" finds "Путина"), and one written in capitals ("GAZ") matches only
in capitals. Entities need one mention; a topic needs several keyword hits,
so a passing word does not tag.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from articles.ingest.document import ParsedArticle, TagKind, TagMention

GAZETTEER_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer.json"
_STEM_SUFFIX = r"[^\W\d_]{0,6}"


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Named things and topics to tag, compiled into a few regular expressions."""

    entries: tuple[tuple[str, TagKind, int], ...]
    patterns: tuple[re.Pattern[str], ...]
    exact: dict[str, int]
    stems: dict[str, list[tuple[re.Pattern[str], int]]]

    def entry_for(self, matched: str) -> int | None:
        index = (
            self.exact.get(matched) if matched in self.exact else self.exact.get(matched.casefold())
        )
        if index is not None:
            return index
        folded = matched.casefold()
        for length in range(len(folded), 0, -1):
            for alias_pattern, candidate in self.stems.get(folded[:length], ()):
                if alias_pattern.fullmatch(matched):
                    return candidate
        return None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read the gazetteer (default fixtures/gazetteer.json) and compile it once."""
    data = json.loads((path or GAZETTEER_PATH).read_text(encoding="utf-8"))
    return build_gazetteer(data["entries"])


def build_gazetteer(raw_entries: Iterable[dict]) -> Gazetteer:
    """Compile entries (name, kind, aliases, min_hits) as the gazetteer file holds them."""
    entries: list[tuple[str, TagKind, int]] = []
    exact: dict[str, int] = {}
    stems: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    alternatives: dict[bool, list[str]] = {True: [], False: []}
    for index, raw in enumerate(raw_entries):
        kind = TagKind(raw["kind"])
        entries.append(
            (raw["name"], kind, int(raw.get("min_hits", 2 if kind == TagKind.TOPIC else 1)))
        )
        for alias in {raw["name"], *raw.get("aliases", [])}:
            case_sensitive = _is_capitals(alias)
            alternatives[case_sensitive].append(alias)
            _index_alias(alias, index, case_sensitive, exact=exact, stems=stems)
    patterns = tuple(
        re.compile(
            rf"(?<!\w)(?:{_trie_regex(aliases, case_sensitive)})(?!\w)",
            0 if case_sensitive else re.I,
        )
        for case_sensitive, aliases in alternatives.items()
        if aliases
    )
    return Gazetteer(tuple(entries), patterns, exact, stems)


def _index_alias(
    alias: str,
    index: int,
    case_sensitive: bool,
    *,
    exact: dict[str, int],
    stems: dict[str, list[tuple[re.Pattern[str], int]]],
) -> None:
    """Record where `Gazetteer.entry_for` finds the entry of a text the alias matched."""
    if "*" in alias:
        flags = 0 if case_sensitive else re.I
        stem_pattern = re.compile(_alias_regex(alias), flags)
        stems.setdefault(alias.split("*")[0].casefold(), []).append((stem_pattern, index))
    else:
        exact[alias if case_sensitive else alias.casefold()] = index


def _is_capitals(alias: str) -> bool:
    letters = [character for character in alias if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def _alias_regex(alias: str) -> str:
    return _STEM_SUFFIX.join(re.escape(part) for part in alias.split("*"))


def _trie_regex(aliases: Iterable[str], case_sensitive: bool) -> str:
    """One alternation shaped as a trie, so matching does not retry every alias at every letter."""
    trie: dict = {}
    for alias in aliases:
        node = trie
        for character in alias if case_sensitive else alias.casefold():
            node = node.setdefault(character, {})
        node[""] = {}
    return _trie_node_regex(trie)


def _trie_node_regex(node: dict) -> str:
    branches = [
        (_STEM_SUFFIX if character == "*" else re.escape(character)) + _trie_node_regex(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def extract_tags(article: ParsedArticle, gazetteer: Gazetteer) -> list[TagMention]:
    """Tags the article earns: entities mentioned, topics discussed, in order of first mention."""
    hits: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    # Curly apostrophes would hide "Azerbaijan’s Economy Ministry" from its alias.
    # A derived title repeats the first sentence; counting it twice would inflate topics.
    title = "" if article.title_derived else article.title
    text = f"{title}\n{article.body}".replace("’", "'")
    for pattern in gazetteer.patterns:
        for match in pattern.finditer(text):
            index = gazetteer.entry_for(match.group(0))
            if index is not None:
                hits[index] += 1
                first_seen.setdefault(index, match.start())
    earned = [index for index in hits if hits[index] >= gazetteer.entries[index][2]]
    tags: dict[tuple[str, TagKind], TagMention] = {}
    for index in sorted(earned, key=first_seen.__getitem__):
        name, kind, _ = gazetteer.entries[index]
        tags.setdefault((name, kind), TagMention(name=name, kind=kind))
    return list(tags.values())
