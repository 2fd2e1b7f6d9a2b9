"""Who an article credits, a part of parsing (read -> parse -> extract).

The parser settles an article's source from what the page says, in this
order: an explicit credit (a "Trend publications" banner, "By John Smith,
Trend", "Source: trend.az", a "(Trend)" dateline), then an attribution in the
text ("told Trend", "Trend reports", "(APA)"). This module holds the known
sources (fixtures/sources.json, which curators extend: names, aliases, web
domains) and the patterns that recognise credits and attributions; the
parser decides which line they are tried on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

SOURCES_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "sources.json"
QUOTES = "\"'«»“”„‘’"

_ATTRIBUTION_VERBS = (
    r"(?:told|tells|reports?|reported|according to|quoted by|cited by|in an interview with|"
    r"(?i:сообщает|сообщил[аи]?|передает|передаёт|рассказал[аи]?|заявил[аи]?|сказал[аи]?|"
    r"по данным|по информации|в интервью|xəbər verir|məlumat verir))"
)
BANNER = re.compile(
    rf"^[{QUOTES}]?(?P<name>[^{QUOTES}]{{2,40}})[{QUOTES}]?\s+(?i:publications?|публикации)$"
)
CREDIT_PREFIX = re.compile(r"^(?i:by|author|автор|müəllif|от)\b\s*:?\s*(?P<credit>.{2,120})$")
_CREDIT_SPLIT = re.compile(r"\s*[,|/;]\s*")
_NAME_WORD = r"[A-ZА-ЯЁƏÜÖĞİŞÇ][\w'’.-]*"
_PERSON = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s+(?:and|и|və)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})?$"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ORGANISATION_WORDS = _words(
    "news agency press media service tv radio online info az ru com daily times post journal "
    "group network newspaper новости агентство пресс служба информ xəbər agentliyi qəzeti"
)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, eq=False)
class KnownSources:
    """News sources the parser recognises, loaded from data a curator can extend."""

    names_by_alias: dict[str, str]
    names_by_domain: dict[str, str]
    alias_pattern: str

    @classmethod
    def from_entries(cls, entries: list[dict]) -> KnownSources:
        by_alias: dict[str, str] = {}
        by_domain: dict[str, str] = {}
        aliases: list[str] = []
        for entry in entries:
            name = entry["name"]
            for alias in [name, *entry.get("aliases", [])]:
                by_alias[alias.casefold()] = name
                aliases.append(alias)
            for domain in entry.get("domains", []):
                by_domain[domain.lower()] = name
                by_alias.setdefault(domain.lower(), name)
        ordered = sorted(set(aliases), key=len, reverse=True)
        pattern = "|".join(re.escape(alias) for alias in ordered) or r"(?!x)x"
        return cls(by_alias, by_domain, pattern)

    @classmethod
    def load(cls, path: Path | None = None) -> KnownSources:
        data = json.loads((path or SOURCES_PATH).read_text(encoding="utf-8"))
        return cls.from_entries(data["sources"])

    def named(self, text: str) -> str | None:
        """The source `text` names exactly (any case, quotes ignored), if known."""
        return self.names_by_alias.get(text.strip(QUOTES + " .:").casefold())

    def from_url(self, url: str) -> str | None:
        """The source whose web domain `url` is on, if known."""
        try:
            host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        except ValueError:
            return None
        labels = host.lower().split(".")
        for start in range(len(labels) - 1):
            name = self.names_by_domain.get(".".join(labels[start:]))
            if name:
                return name
        return None

    def mentioned_in(self, text: str) -> str | None:
        """The first known source named anywhere in `text`, as a whole word."""
        mentioned = _alias_anywhere(self.alias_pattern).search(text)
        return self.named(mentioned.group("alias")) if mentioned else None

    def attributed_in(self, text: str) -> str | None:
        """The first known source the text credits: 'told Trend', 'Trend reports', '(APA)'."""
        best: tuple[int, str] | None = None
        for pattern in _attribution_patterns(self.alias_pattern):
            match = pattern.search(text)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), match.group("alias"))
        return self.named(best[1]) if best else None


@cache
def default_sources() -> KnownSources:
    return KnownSources.load()


# Cached by the alias pattern so each set of known sources compiles its patterns once.
@cache
def _attribution_patterns(alias_pattern: str) -> tuple[re.Pattern[str], ...]:
    alias = rf"(?P<alias>{alias_pattern})(?!\w|\.\w)"
    return (
        re.compile(rf"{_ATTRIBUTION_VERBS}\s+(?:the\s+)?[{QUOTES}]?{alias}"),
        re.compile(rf"{alias}[{QUOTES}]?\s+(?:reports|reported|has learned|learned)\b"),
        re.compile(rf"\(\s*{alias}\s*\)"),
        re.compile(rf"{alias}-?[ʼ'’]?y?[aəe]\s+(?:açıqlama|bildir|deyib|müsahibə)"),
    )


@cache
def _alias_anywhere(alias_pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<alias>{alias_pattern})(?!\w|\.\w)")


@dataclass(frozen=True)
class Credit:
    """A credit line sorted into the people who wrote and the sources named, in order."""

    people: tuple[str, ...]
    source_names: tuple[str, ...]


def split_credit(text: str, sources: KnownSources) -> Credit:
    """Sort a credit such as 'John Smith, Trend' into people and sources."""
    people: list[str] = []
    source_names: list[str] = []
    for part in _CREDIT_SPLIT.split(text.strip(QUOTES + " .")):
        part = part.strip(QUOTES + " .")
        if not part:
            continue
        known = sources.named(part)
        if known:
            source_names.append(known)
        elif looks_like_person(part):
            people.append(part)
        elif " " not in part and part[:1].isupper():
            source_names.append(part)
    return Credit(tuple(people), tuple(source_names))


def looks_like_person(text: str) -> bool:
    if not _PERSON.match(text):
        return False
    return not any(word.lower() in _ORGANISATION_WORDS for word in _WORD.findall(text))


def looks_like_source(text: str) -> bool:
    """One capitalised word, as an unknown agency's name usually is: 'Report', 'Oxu'."""
    return " " not in text.strip() and text[:1].isupper()
