"""Who published an article and whom it credits, a part of parsing (read -> parse -> extract).

The publisher (`source`) is the outlet whose page the text was copied from;
the agencies the text cites or reprints from are its `credits`, never the
publisher. The parser collects claims about outlets as it reads, each with a
strength (`Claim`): the page's own banner, address, copyright or reprint
notice (SITE) outweigh a dateline's "(Trend)" (DATELINE), which outweighs a
"By AzerNews" line or a closing credit (CREDIT), which outweighs an
attribution in the text such as "told Trend" (ATTRIBUTION). "According to
Interfax", "со ссылкой на ТАСС", "Mənbə: APA" are CITED: credits only. The
strongest claim names the publisher; every other outlet named is a credit.

This module holds the known outlets (fixtures/sources.json, which curators
extend: names in three languages, aliases, web domains, home country) and the patterns
that recognise claims; the parser decides which line they are tried on.
Every lookup folds case with Turkic and Cyrillic care (`language.fold`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, cached_property, lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from articles.ingest.language import WORD, fold, word_set

SOURCES_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "sources.json"
QUOTES = "\"'«»“”„‘’"


class Claim(IntEnum):
    """How strongly a mention says that an outlet published the page."""

    CITED = 0
    ATTRIBUTION = 1
    CREDIT = 2
    DATELINE = 3
    # The page names itself (its masthead, its copyright's holder) with a name the
    # sources list does not know: the publisher unless a known outlet's banner or
    # address says otherwise, and never a wire its dateline or text credits.
    NAMED = 4
    SITE = 5


# The patterns below are built from word classes, not from one page's wording:
# a reporting verb before the outlet ("told", "сообщил агентству", "в интервью"),
# one after it ("Interfax said", "TASS agentliyi xəbər verir"), and citing phrases
# ("according to", "как пишет", "…-ya istinadən"). A person speaking TO an outlet
# is an ATTRIBUTION (the outlet may be the page's own); an outlet quoted is CITED.
_ATTRIBUTION_VERBS = (
    r"(?:(?i:told|tells|telling|speaking to|spoke to|talking to|said to|"
    r"in (?:an |a )?(?:exclusive )?(?:interview|comments?|remarks|statement|conversation)"
    r" (?:to|with)|"
    r"сообщает|сообщил[аио]?|сообщили|передает|передаёт|рассказал[аио]?|рассказали|"
    r"заявил[аио]?|заявили|сказал[аио]?|сказали|пояснил[аио]?|пояснили|отмечает|"
    r"в интервью|в беседе с|в комментарии|xəbər verir|məlumat verir))"
)
_CITING_WORDS = (
    # "…, writes Kommersant": English inverts the verb after a quotation.
    r"(?:,[\"'»”’]?\s{0,2}(?:writes|wrote|reports|reported|says|said|notes|noted)|"
    r"(?i:source:|источник:|mənbə:|"
    # 'According to a report by TASS', 'in comments carried by Interfax', 'based on reporting
    # by …': the report is the outlet's, the page another's.
    r"according to (?:an? |the )?(?:report|reports|story|dispatch|article)s? (?:by|from|of|in)|"
    r"carried by|based on (?:reporting|reports) (?:by|from)|"
    r"according to|citing|cited by|quoted by|as quoted by|"
    r"as cited by|"
    r"as reported by|reported (?:earlier |first |previously )?by|courtesy of|reprinted from|"
    r"republished from|"
    r"originally published by|first reported by|via|with input from|"
    # "Originally published on AzerNews", "Впервые опубликовано на сайте …": a republished
    # story names the outlet it first ran at.
    r"(?:originally|first) (?:published|appeared|posted) (?:on|in|at)|"
    r"(?:впервые|первоначально|изначально) опубликован[оа]? (?:в|на)(?: сайте)?|"
    # "Material ilk dəfə Trend saytında dərc olunub": the outlet after 'first'.
    r"ilk (?:dəfə|olaraq)(?=\s\S{2,40} (?:saytında|portalında|agentliyində) dərc)|"
    # A forum's quotation of an outlet: "Quote from News.az:", "Цитата из «Коммерсанта»".
    r"quote from|quoting|цитата из|цитирую|sitat:?|"
    r"with (?:additional )?reporting (?:by|from)|при участии|"
    r"based on (?:materials|reports|information|data) (?:from|of|by)|"
    r"по материалам|по словам|использованы (?:данные|материалы)|"
    # "Перепечатано с сайта Report.az", "Взято с …", "Taken from …": a reprint's origin.
    r"перепечатан[оа]? (?:с|из)|перепечатка (?:с|из)|взят[оа]? (?:с|из)|"
    r"(?:taken|copied|copying|reposting) from|"
    # A forum post that copies an item: 'Копирую с РИА Новости', 'скопировано с …'.
    r"(?:копиру\w{1,3}|скопирова\w{1,4}|копипаст\w{0,3}) (?:с|из|у)|"
    # "Forwarded from the TURAN English service": a repost names the service it came from.
    r"forwarded from|reposted from|переслано (?:из|от)|репост (?:из|с)|"
    # "Материал подготовлен на основе данных агентства Интерфакс".
    r"на основе (?:данных|материалов|сообщений|информации)|"
    r"с использованием (?:сообщений|материалов|данных|информации)|"
    r"по данным|по информации|со ссылкой на|по сообщению|сообщает со ссылкой на|"
    # 'данные, которые приводит Report': figures the outlet gives.
    r"(?:которые |которую |которое |что )?привод(?:ит|ят)|привел[аи]?|"
    # 'говорится в сообщении РИА Новости', 'следует из публикации ТАСС', '(цитата по ТАСС)'.
    r"говорится в (?:сообщении|материале|публикации|заметке|статье)|"
    r"следует из (?:сообщения|материала|публикации|заметки|статьи)|цитата по|цит\. по|"
    r"как стало известно|стало известно|пишет|пишут|писал[аио]?|писали|"
    # "Как сообщили «Интерфаксу»" is told TO the outlet: an attribution, not here.
    r"как (?:сообща|переда|пиш|писал|отмеча|отмети|уточня|уточни|информиру|"
    r"выясни|узна)[а-яё]{0,6}))"
)
# No text cites more outlets in one list than this.
MAX_LISTED = 50
# An outlet's name and the 'and' after it fit in this many characters.
LIST_BEFORE_CHARS = 80
# Between the verb and the name: an article, a pronoun, or what the outlet is.
_AGENCY_WORD = (
    r"(?:(?i:он|она|они|he|she|they)\s{1,2})?"
    # "сообщает азербайджанское агентство Trend", "the Turkish news agency Anadolu".
    r"(?:(?i:[а-яё]{3,}(?:ое|ий|ый|ая|ого|ому|ой|ие|их)\s(?=агентств|издани|газет|портал|сайт|"
    r"телеканал)|(?:the\s)?[A-Z][a-z]{2,}\s(?=news agency|agency|daily|newspaper))?)"
    r"(?:(?i:the\s|news agency\s|agency\s|daily\s|newspaper\s|"
    r"агентства\s|агентство\s|агентству\s|агентством\s|"
    r"издания\s|изданию\s|издание\s|газеты\s|газете\s|газета\s|портала\s|порталу\s|"
    r"портал\s|сайта\s|сайту\s|"
    r"телеканала\s|телеканалу\s|корреспондент\s|корреспонденту\s|ИА\s|"
    # 'Копирую из ленты Интерфакса': an agency's feed.
    r"ленты\s|ленте\s|"
    r"источника\s|источнику\s|источник\s|a source at\s|sources at\s))?"
)
# After the name: what the outlet is, before its verb ("TASS news agency said").
_AGENCY_AFTER = (
    # 'Anadolu Agency (AA) reported': the outlet's initials may follow it.
    r"(?:\s{1,2}\([A-ZА-ЯƏ]{2,6}\))?"
    # "Report's northern bureau says": a bureau or a correspondent of the outlet's.
    r"(?:['’]s\s(?:\w{2,12}\s)?(?i:bureau|correspondent|reporter|office))?"
    r"(?:\s{1,3}(?i:news agency|agency|agentliyi\w{0,4}|saytı\w{0,4}|portalı\w{0,4}|"
    r"qəzeti\w{0,4}|telekanalı\w{0,4}|\w{2,12} bürosu\w{0,3}|\w{2,12} müxbiri\w{0,3}))?"
)
# An outlet naming itself in the present ("Trend reports", "APA xəbər verir"), or
# someone speaking to it ("Report-a bildirib"): the page may be the outlet's own.
_SELF_VERBS = (
    r"(?:(?i:also|тоже|также|da|də)\s{1,3})?"
    r"(?:reports|informs|has learned|learned|сообщает|передает|передаёт|"
    r"xəbər ver\w{0,4}|məlumat ver\w{0,4}|bildir\w{0,6}|açıqlama\w{0,8}|deyib|müsahibə\w{0,8}|"
    # "Trend-in sualını cavablandırıb", "Sputnik-in sorğusuna cavab": answering the outlet.
    r"sual\w{0,8}|sorğu\w{0,8}|"
    # "Sputnik Azərbaycan-a danışan sürücülər": drivers speaking to the outlet.
    r"danış\w{0,6})"
)
# An outlet quoted in the past or at a remove: another outlet's words.
_QUOTED_VERBS = (
    r"(?:(?i:later|earlier|also|first|previously|ранее|также|тоже|əvvəlcə|həmçinin)\s{1,3})?"
    r"(?:reported|has reported|said|says|wrote|writes|noted|notes|quoted|cited|confirmed|"
    r"сообщил[аио]?|сообщили|пишет|пишут|писал[аио]?|уточняет|отмечает|подтвердил[аио]?|"
    r"yazır|yazıb|təsdiqləyib|yayıb|yaydı|yayımlayıb|məlumat yayıb|"
    # "Reuters со ссылкой на источники сообщил": the outlet reported what its sources said.
    r"со ссылкой на (?:[а-яё]{2,12}\s)?(?:источник|собеседник|осведомленн|неназванн|"
    r"представител)\w*|"
    r"citing (?:sources?|officials?|people|a source|unnamed)|"
    # "Reuters contributed to this report": a wire's reporting folded into the text.
    r"contributed (?:to this (?:report|story|article)|reporting))"
)
# "Reuters, citing a source, says": an aside between commas before the verb.
_ASIDE = r"(?:,\s{1,3}[^,.;\n]{1,80},|,)?"
# Case endings an outlet's name takes in running text: "Интерфаксу", "Trend-ə", "APA-nın".
# Azerbaijani puts a case ending straight after a closing quote: '“Report”a istinadən'.
_NAME_ENDING = r"(?:у|а|ом|е|[-ʼ'’](?:y?[aəe]|n?[ıiuü]n)|(?<=[\"»”])(?:y?[aəe]|n?[ıiuü]n))?"
BANNER = re.compile(
    rf"^[{QUOTES}]?(?P<name>[^{QUOTES}]{{2,40}})[{QUOTES}]?\s+(?i:publications?|публикации)$"
)
CREDIT_PREFIX = re.compile(r"^(?i:by|author|автор|müəllif|от)\b\s*:?\s*(?P<credit>.{2,120})$")
_CREDIT_SPLIT = re.compile(r"\s*[,|/;]\s*")
# 'Tural_77', '@caspian': a user's handle signs a post; no outlet is called that.
_HANDLE_MARK = re.compile(r"[_@0-9]")
# "'s Azerbaijani and Armenian services": what of the outlet wrote it, not another credit.
_POSSESSIVE_TAIL = re.compile(r"^['’]s\b[^,|;]*")
_NAME_WORD = r"[A-ZА-ЯЁƏÜÖĞİŞÇ][\w'’.-]*"
_PERSON = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s+(?:and|и|və)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})?$"
)
_BANNER_REST = re.compile(r"^\s*(?:[|•·/—–]|-\s|$)")


ORGANISATION_WORDS = word_set(
    "news agency press media service tv radio online info az ru com daily times post journal "
    "group network newspaper gazette portal website official site publications "
    "новости агентство информационное пресс служба информ газета издание портал сайт "
    "официальный xəbər agentliyi agentlik informasiya qəzeti qəzet portalı saytı rəsmi"
)


@dataclass(frozen=True)
class KnownOutlet:
    """One known outlet as the archive shows it: its names and its home country.

    `country` is an ISO 3166-1 alpha-2 code ("AZ", "RU", "GB"), "" when not known;
    the story pages group an event's versions by it (Source.country).
    """

    name: str
    name_ru: str = ""
    name_az: str = ""
    country: str = ""
    # A state body's site (a president's, a ministry's): quoted, it is a newsmaker.
    official: bool = False

    @classmethod
    def from_entry(cls, entry: dict) -> KnownOutlet:
        country = entry.get("country") or ""
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise ValueError(f"{entry['name']}: country {country!r} is not an ISO 3166-1 code")
        names = (entry.get("name_ru") or "", entry.get("name_az") or "")
        return cls(entry["name"], *names, country, bool(entry.get("official")))


# A state body's site names it without its country, which the banner's flag or address gives:
# 'DİASPORLA İŞ ÜZRƏ DÖVLƏT KOMİTƏSİ' for 'Azərbaycan Respublikasının Diasporla İş üzrə Dövlət
# Komitəsi', 'Министерство сельского хозяйства' for '… Российской Федерации'.
_COUNTRY_QUALIFIER = re.compile(
    r"^azərbaycan respublikas[ıi]n[ıi]n\s|^rusiya federasiyas[ıi]n[ıi]n\s"
    r"|\s(?:азербайджанской республики|российской федерации|азербайджана|россии"
    r"|of the republic of azerbaijan|of azerbaijan|of the russian federation|of russia)$"
)


UNCOUNTRIED_MIN_WORDS = 4


def _add_uncountried_names(by_alias: dict[str, str], outlets: dict[str, KnownOutlet]) -> None:
    """Each official body's name without its country, where no other body shares it: the
    foreign ministries of both countries are 'Ministry of Foreign Affairs', and stay apart."""
    bodies: dict[str, set[str]] = {}
    for alias, name in by_alias.items():
        outlet = outlets.get(name)
        if outlet is None or not outlet.official:
            continue
        bare = _COUNTRY_QUALIFIER.sub("", alias)
        # A short name ('Ministry of Agriculture') is every country's; a long one is its own.
        if bare != alias and bare.count(" ") >= UNCOUNTRIED_MIN_WORDS - 1:
            bodies.setdefault(bare, set()).add(name)
    for bare, names in bodies.items():
        if len(names) == 1 and bare not in by_alias:
            by_alias[bare] = next(iter(names))


@dataclass(frozen=True, eq=False)
class KnownSources:
    """News outlets the parser recognises, loaded from data a curator can extend."""

    names_by_alias: dict[str, str]
    names_by_domain: dict[str, str]
    alias_pattern: str
    outlets_by_name: dict[str, KnownOutlet]

    @classmethod
    def from_entries(cls, entries: list[dict]) -> KnownSources:
        by_alias: dict[str, str] = {}
        by_domain: dict[str, str] = {}
        aliases: list[str] = []
        outlets = {entry["name"]: KnownOutlet.from_entry(entry) for entry in entries}
        for entry in entries:
            name = entry["name"]
            names = [name, entry.get("name_ru"), entry.get("name_az"), *entry.get("aliases", [])]
            for alias in (form for given in filter(None, names) for form in _case_forms(given)):
                by_alias.setdefault(fold(alias), name)
                aliases.append(alias)
            for domain in entry.get("domains", []):
                by_domain[domain.lower()] = name
                by_alias.setdefault(fold(domain), name)
                aliases.append(domain)
        _add_uncountried_names(by_alias, outlets)
        return cls(by_alias, by_domain, _alias_alternation(aliases), outlets)

    @classmethod
    def load(cls, path: Path | None = None) -> KnownSources:
        data = json.loads((path or SOURCES_PATH).read_text(encoding="utf-8"))
        return cls.from_entries(data["sources"])

    def is_official(self, name: str) -> bool:
        """Whether `name` is a state body's site rather than a news outlet."""
        outlet = self.outlet(name)
        return outlet is not None and outlet.official

    def outlet(self, name: str) -> KnownOutlet | None:
        """The record of the outlet the archive shows as `name` (a name `named` returns)."""
        return self.outlets_by_name.get(name)

    def named(self, text: str) -> str | None:
        """The outlet `text` names exactly (any case, quotes ignored), if known."""
        key = fold(text.strip(QUOTES + " .:;,()[]/-–—"))
        # '"Azərbaycan" qəzeti': a name that opens with its own quoted word keeps the quote.
        whole = fold(text.strip(" .:;,()[]/-–—"))
        # '«AZƏRBAYCAN» QƏZETİ': the same name in another pair of quotes, or none.
        bare = fold(text.translate(_NO_QUOTES).strip(" .:;,()[]/-–—"))
        return (
            self.names_by_alias.get(key)
            or self.names_by_alias.get(whole)
            or self.names_by_alias.get(key.removeprefix("www."))
            or self.names_by_alias.get(bare)
            or self.names_by_alias.get(_AGENCY_PREFIX.sub("", key))
            # 'The CACI Analyst': an English masthead's article, which the alias leaves out.
            or self.names_by_alias.get(key.removeprefix("the "))
        )

    def named_in_its_case(self, line: str) -> str | None:
        """The outlet a site's banner names in a case of its own: 'Официальный сайт
        Правительства Астраханской области', 'Azərbaycan Respublikasının İqtisadiyyat
        Nazirliyi'. A name of two words or more, word by word, each ending aside."""
        if len(line) > BANNER_NAME_MAX_CHARS:
            return None
        words = tuple(WORD.findall(_SITE_WORDS.sub("", fold(line))))
        for alias_words, name in self._names_by_length.get(len(words), ()):
            if all(_same_stem(word, alias) for word, alias in zip(words, alias_words, strict=True)):
                return name
        return None

    @cached_property
    def _names_by_length(self) -> dict[int, list[tuple[tuple[str, ...], str]]]:
        by_length: dict[int, list[tuple[tuple[str, ...], str]]] = {}
        for alias, name in self.names_by_alias.items():
            words = tuple(WORD.findall(alias))
            if len(words) >= 2:
                by_length.setdefault(len(words), []).append((words, name))
        return by_length

    def from_url(self, url: str) -> str | None:
        """The outlet whose web domain `url` is on, if known."""
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
        """The first known outlet named anywhere in `text` (any case), as a whole word."""
        mentioned = _alias_anywhere(self.alias_pattern).search(text)
        return self.named(mentioned.group("alias")) if mentioned else None

    def banner(self, line: str) -> str | None:
        """The outlet a banner names: 'ТАСС', 'Trend.az | News | ...', 'AZƏRTAC Agency'."""
        if len(line) > 160:
            return None
        match = _alias_anywhere(self.alias_pattern).match(line.lstrip(QUOTES))
        if match is None:
            return None
        rest = line.lstrip(QUOTES)[match.end() :].strip(QUOTES + " ")
        words = WORD.findall(rest)
        name = self.named(match.group("alias"))
        if (
            _BANNER_REST.match(rest)
            or (len(words) <= 6 and ORGANISATION_WORDS & {fold(word) for word in words})
            or (len(words) <= 3 and all(word[:1].isupper() for word in words))
            # 'РСМД  Российский совет по международным делам': its short name, then its full one.
            or self.named(rest) == name
        ):
            return name
        return None

    def attributed_in(self, text: str) -> list[str]:
        """Outlets the text reports for: 'told Trend', 'Trend reports', '(APA)', in order."""
        return self._names(text, _attribution_patterns(self.alias_pattern))

    def cited_in(self, text: str) -> list[str]:
        """Outlets the text cites: 'according to Interfax', 'со ссылкой на ТАСС', in order;
        a list after the citing words names each ('with reporting by Interfax and TASS')."""
        return self._names(
            text,
            _citing_patterns(self.alias_pattern),
            _list_next(self.alias_pattern),
            lists_before=True,
        )

    def _names(
        self,
        text: str,
        patterns: tuple[re.Pattern[str], ...],
        list_next: re.Pattern[str] | None = None,
        lists_before: bool = False,
    ) -> list[str]:
        starts = _alias_starts(self.alias_pattern, text)
        matches = [match for pattern in patterns for match in _finditer(pattern, text, starts)]
        found = [(match.start(), match.group("alias")) for match in matches]
        # The first pattern puts its name after the citing words, where a list may go on.
        for match in matches if list_next else ():
            following = list_next.match(text, match.end()) if match.re is patterns[0] else None
            while following and len(found) < MAX_LISTED:
                found.append((following.start(), following.group("alias")))
                following = list_next.match(text, following.end())
        # The second puts its name before the verb, where a list may have begun.
        for match in matches if lists_before else ():
            if match.re is patterns[1]:
                found.extend(self._listed_before(text, match.start(), MAX_LISTED - len(found)))
        names = (self.named(alias) for _, alias in sorted(found))
        return list(dict.fromkeys(name for name in names if name))

    def _listed_before(self, text: str, end: int, most: int) -> list[tuple[int, str]]:
        """The outlets listed before the one at `end`, nearest first: 'Interfax and ', then
        'TASS, ' in 'TASS, Interfax and RIA Novosti reported'."""
        listed: list[tuple[int, str]] = []
        pattern = _list_before(self.alias_pattern, last=True)
        while len(listed) < most:
            preceding = pattern.search(text, max(0, end - LIST_BEFORE_CHARS), end)
            if preceding is None:
                break
            listed.append((preceding.start(), preceding.group("alias")))
            end, pattern = preceding.start(), _list_before(self.alias_pattern, last=False)
        return listed


# A Russian name ending in a vowel changes it in running text: "Известиям",
# "в интервью «Ведомостям»", "у Газеты.Ru" is rare, so only a name's last letter.
_RUSSIAN_CASE_ENDINGS = {
    "я": ("й", "и", "е", "ю", "ям", "ях", "ями"),
    "и": ("ей", "ям", "ях", "ями"),
    "а": ("ы", "е", "у", "ой"),
}


_AZERBAIJANI_LETTERS = re.compile(r"[əƏıİşŞğĞçÇöÖüÜ]")


BANNER_NAME_MAX_CHARS = 120
# What a site says of itself around the name of the body it belongs to.
_SITE_WORDS = re.compile(
    r"^(?:официальный (?:сайт|интернет-портал|портал)|(?:the )?official (?:web ?site|portal) of"
    r"(?: the)?)\s"
    r"|\s(?:rəsmi (?:saytı|internet (?:səhifəsi|portalı))|official (?:web ?site|portal))$"
)
# A case ending is a few letters: 'Правительства' / 'Правительство', 'Respublikasının' /
# 'Respublikası'; two words that share less are two words.
CASE_ENDING_MAX_CHARS = 4
STEM_MIN_CHARS = 4


def _same_stem(word: str, other: str) -> bool:
    if word == other:
        return True
    shared = 0
    for mine, theirs in zip(word, other, strict=False):
        if mine != theirs:
            break
        shared += 1
    shortest = min(len(word), len(other))
    return shared >= max(STEM_MIN_CHARS, shortest - CASE_ENDING_MAX_CHARS + 1) and (
        max(len(word), len(other)) - shared <= CASE_ENDING_MAX_CHARS
    )


def _case_forms(alias: str) -> tuple[str, ...]:
    """How running text writes an alias: as given, in capitals, a name of several words
    in sentence case ('Anadolu agency'), and a Russian name's case forms ('Известиям').

    Matching stays case-sensitive, so the word 'trend' is never the outlet Trend.
    """
    first, _, rest = alias.partition(" ")
    forms = [alias, alias.upper(), f"{first} {rest.lower()}" if rest else alias]
    if _AZERBAIJANI_LETTERS.search(alias):
        # Azerbaijani capitals keep the dot: 'Respublikası' is 'RESPUBLİKASI', not 'RESPUBLIKASI'.
        forms.append(alias.replace("i", "İ").upper())
    endings = _RUSSIAN_CASE_ENDINGS.get(alias[-1:], ())
    last_word = alias.rsplit(" ", 1)[-1]
    if endings and len(last_word) >= 5 and last_word[:1].isupper():
        forms.extend(alias[:-1] + ending for ending in endings)
    return tuple(dict.fromkeys(forms))


# An alternation of no alias: a pattern that matches nowhere.
_NO_ALIAS = r"(?!x)x"


def _alias_alternation(aliases: list[str]) -> str:
    """One pattern for every alias, longest first, so 'Trend News Agency' wins over 'Trend'."""
    ordered = sorted(set(aliases), key=len, reverse=True)
    return "|".join(re.escape(alias) for alias in ordered) or _NO_ALIAS


@cache
def default_sources() -> KnownSources:
    return KnownSources.load()


def _inflected_alias(alias_pattern: str) -> str:
    """An outlet's name as running text writes it: '"Interfax"-a', 'Интерфаксу', 'APA-nın'."""
    return rf"(?P<alias>{alias_pattern})[{QUOTES}]?{_NAME_ENDING}(?!\w|\.\w)"


@cache
def _list_next(alias_pattern: str) -> re.Pattern[str]:
    """The next outlet of a list just matched: ', TASS', ' and TASS', ' и ТАСС', ' və TASS'."""
    alias = _inflected_alias(alias_pattern)
    return re.compile(rf"\s{{0,2}}(?:,|\s(?i:and|и|və))\s{{1,3}}{_AGENCY_WORD}[{QUOTES}]?{alias}")


@cache
def _list_before(alias_pattern: str, last: bool) -> re.Pattern[str]:
    """The outlet before one just matched: 'Interfax and ' in 'Interfax and RIA Novosti
    reported', then 'TASS, ' in 'TASS, Interfax and RIA Novosti reported'. A list's last
    name follows an 'and': 'employees of Sputnik Azerbaijan, Reuters reported' is no list."""
    alias = _inflected_alias(alias_pattern)
    joint = r"\s(?i:and|и|və)" if last else r"(?:,|\s(?i:and|и|və))"
    return re.compile(rf"(?<!\w)[{QUOTES}]?{alias}[{QUOTES}]?\s{{0,2}}{joint}\s{{1,3}}$")


@cache
def _attribution_patterns(alias_pattern: str) -> tuple[re.Pattern[str], ...]:
    alias = _inflected_alias(alias_pattern)
    return (
        re.compile(rf"{_ATTRIBUTION_VERBS}\s{{1,3}}{_AGENCY_WORD}[{QUOTES}]?{alias}"),
        re.compile(
            rf"(?<!\w){alias}[{QUOTES}]?{_AGENCY_AFTER}[{QUOTES}]?\s{{1,3}}{_SELF_VERBS}(?!\w)"
        ),
        re.compile(rf"\(\s{{0,3}}{alias}\s{{0,3}}\)"),
    )


@cache
def _citing_patterns(alias_pattern: str) -> tuple[re.Pattern[str], ...]:
    alias = _inflected_alias(alias_pattern)
    return (
        re.compile(rf"{_CITING_WORDS}\s{{1,3}}{_AGENCY_WORD}[{QUOTES}]?{alias}"),
        re.compile(
            rf"(?<!\w){alias}[{QUOTES}]?{_AGENCY_AFTER}[{QUOTES}]?{_ASIDE}\s{{1,3}}"
            rf"{_QUOTED_VERBS}(?!\w)"
        ),
        # "APA-dan yönləndirilib": a repost names, in the ablative, the service it came from.
        re.compile(
            rf"(?<!\w){alias}[{QUOTES}]?{_AGENCY_AFTER}[-ʼ'’]?(?i:d[aə]n|t[aə]n)\s{{1,3}}"
            # 'Trend-dən kopyalayıram': a post copies, in the ablative, the item it quotes.
            r"(?i:yönləndiril\w{0,4}|paylaşıl\w{0,4}|götürül\w{0,4}|kopyala\w{0,6}|"
            r"köçürül\w{0,4})"
        ),
        # "TASS-ın məlumatına görə", "Turan-a verdiyi məlumata görə", "Trend-ə istinadən",
        # "Report-un yazdığına görə": by what the outlet said, wrote or reported.
        re.compile(
            rf"(?<!\w){alias}[{QUOTES}]?{_AGENCY_AFTER}\s{{1,3}}(?:\w{{2,12}}\s{{1,3}})?"
            r"(?i:(?:məlumat\w{0,4}|(?:mənbə|xəbər|sözlər|hesabat)\w{0,6}"
            r"|\w{2,10}(?:dığ|diy|duğ|düy)\w{0,6})\s{1,3}(?:görə|əsasən)"
            # 'TASS-ın məlumatında deyilir', 'İnterfaksın yaydığı xəbərdə bildirilir': said in
            # the outlet's report.
            # 'AZƏRTAC-ın yaydığı mətndə': in the text the outlet put out.
            r"|\w{2,10}(?:dığ|diy|duğ|düy)\w{0,3}\s{1,3}(?:mətn|xəbər|məlumat|yazı|material)"
            r"\w{0,4}(?:da|də)(?!\w)"
            r"|(?:məlumat|xəbər|hesabat|yazı|material)\w{0,4}(?:da|də)\s{1,3}"
            r"(?:deyilir|bildirilir|qeyd (?:olunur|edilir))"
            r"|istinad\w{0,4})"
        ),
        # "RİA Novosti agentliyi … mənbəyə istinadən bildirib": the outlet, the subject of a
        # past report in its own sentence, told what others said.
        re.compile(
            rf"(?<!\w){alias}[{QUOTES}]?\s{{1,3}}(?i:agentliyi|saytı|qəzeti|telekanalı|portalı)"
            r"\s(?:[^.;!?\n]{0,100}?\s)?(?i:bildirib|xəbər verib|məlumat verib|yazıb|yayıb|"
            r"açıqlayıb)(?!\w)"
        ),
    )


# A pattern that opens with the outlet's name matches only where a name starts.
_OPENS_WITH_ALIAS = r"(?<!\w)(?P<alias>"


# A text is asked whom it reports for and then whom it cites: its names are found once.
@lru_cache(maxsize=2)
def _alias_starts(alias_pattern: str, text: str) -> tuple[int, ...]:
    """Every position where a known name starts (overlapping ones too): one scan of the
    text instead of one per pattern that opens with a name."""
    return tuple(_alias_index(alias_pattern).starts(text))


@dataclass(frozen=True)
class _AliasIndex:
    """Where names start, found without trying the alternation of every name at every
    position: most words open with a letter no name opens with, and the rest are told
    apart by their first two letters before any name is compared."""

    opening: re.Pattern[str]
    by_prefix: dict[str, tuple[str, ...]]

    def starts(self, text: str) -> list[int]:
        found = []
        for match in self.opening.finditer(text):
            at = match.start()
            names = self.by_prefix.get(text[at : at + 2], ()) + self.by_prefix.get(text[at], ())
            if any(text.startswith(name, at) for name in names):
                found.append(at)
        return found


@cache
def _alias_index(alias_pattern: str) -> _AliasIndex:
    aliases = _literal_aliases(alias_pattern)
    by_prefix: dict[str, list[str]] = {}
    for alias in aliases:
        by_prefix.setdefault(alias[:2], []).append(alias)
    first = "".join(sorted({re.escape(alias[0]) for alias in aliases}))
    return _AliasIndex(
        re.compile(rf"(?<!\w)[{first}]" if first else r"(?!x)x"),
        {prefix: tuple(names) for prefix, names in by_prefix.items()},
    )


def _literal_aliases(alias_pattern: str) -> list[str]:
    """The aliases of an alternation of escaped aliases (`_alias_alternation`), as written."""
    if alias_pattern == _NO_ALIAS:
        return []
    aliases: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(alias_pattern):
        char = alias_pattern[index]
        if char == "\\" and index + 1 < len(alias_pattern):
            current.append(alias_pattern[index + 1])
            index += 2
            continue
        if char == "|":
            aliases.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    aliases.append("".join(current))
    return [alias for alias in aliases if alias]


# Every pattern here holds a known name, and what stands before it (the citing or reporting
# words, what the outlet is, a quote) or after it (an ending, a verb, an aside) is a few
# words: a match lies within these many characters of where a name starts.
_WORDS_AROUND_NAME_CHARS = 400


def _finditer(
    pattern: re.Pattern[str], text: str, starts: tuple[int, ...]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where a name starts when the pattern opens with
    one, and only around where names start when it does not: it can match nowhere else, so
    the matches are the same (a long page names few outlets; its citing verbs are many)."""
    if not pattern.pattern.startswith(_OPENS_WITH_ALIAS):
        for begin, end in _around(starts, len(text)):
            yield from pattern.finditer(text, begin, end)
        return
    end = 0
    for start in starts:
        match = pattern.match(text, start) if start >= end else None
        if match:
            end = match.end()
            yield match


def _around(starts: tuple[int, ...], length: int) -> Iterator[tuple[int, int]]:
    """The stretches of a text within reach of where names start, overlapping ones joined."""
    reach = _WORDS_AROUND_NAME_CHARS
    begin = end = None
    for start in starts:
        if end is not None and start - reach <= end:
            end = min(length, start + reach)
            continue
        if end is not None:
            yield begin, end
        begin, end = max(0, start - reach), min(length, start + reach)
    if end is not None:
        yield begin, end


@cache
def _alias_anywhere(alias_pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<alias>{alias_pattern})(?!\w|\.\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Credit:
    """A credit line sorted into the people who wrote and the sources named, in order."""

    people: tuple[str, ...]
    source_names: tuple[str, ...]


def split_credit(text: str, sources: KnownSources) -> Credit:
    """Sort a credit such as 'John Smith, Trend' into people and sources."""
    people: list[str] = []
    source_names: list[str] = []
    text = text.strip(QUOTES + " .")
    # 'RFE/RL's Azerbaijani service': a known name may hold a separator; it leads, whole.
    leading = _alias_anywhere(sources.alias_pattern).match(text)
    if leading:
        source_names.append(sources.named(leading.group("alias")) or leading.group("alias"))
        text = _POSSESSIVE_TAIL.sub("", text[leading.end() :])
    for part in _CREDIT_SPLIT.split(text):
        # 'By Reuters Staff', 'Редакция ТАСС': the outlet's own people, no other outlet.
        words = part.strip(QUOTES + " .").split()
        part = " ".join(word for word in words if fold(word) not in _NEWSROOM_WORDS)
        if not part:
            continue
        known = sources.named(part)
        if known:
            source_names.append(known)
        elif fold(part) in _COLUMN_HEADINGS:
            continue
        elif looks_like_person(part):
            people.append(part)
        elif " " not in part and part[:1].isupper() and not _HANDLE_MARK.search(part):
            source_names.append(part)
    return Credit(tuple(people), tuple(source_names))


_NEWSROOM_WORDS = word_set(
    "staff newsroom desk editorial editors correspondent correspondents редакция корреспондент "
    "redaksiya müxbir"
)
# A forum's column heading beside the poster's name ('Автор: Кумух_05 | Сообщение',
# 'Author: sea_wolf | Message'): what the column holds, no outlet.
_COLUMN_HEADINGS = word_set(
    "сообщение сообщения message messages post posts mesaj mesajlar ismarıc ответ reply cavab"
)
# "Azerbaijan's Leader Courts Moscow": a possessive makes a title-case headline, not a name.
_POSSESSIVE = re.compile(r"\w['’]s(?!\w)")


# A site's own name: 'Tehran Times', 'OC MEDIA', 'РИА «Дагестан»', 'Civil.ge'. Its words
# are capitalised (small linking words aside); a headline or a sentence runs longer.
_OUTLET_DOMAIN = re.compile(r"(?:www\.)?[^\W_][\w-]{1,30}\.[a-z]{2,6}", re.IGNORECASE)
_LINKING_WORDS = word_set("of the for and on in и на в по de və")
_OUTLET_NAME_MAX_WORDS = 5
# One generic word names a part of a site, not the site: 'Форум', 'News', 'Blog'.
_GENERIC_WORDS = word_set("forum форум blog блог news новости xəbərlər home главная menu меню")


# A social network or a news aggregator signs every page it serves: it hosts a post or
# lists others' items, it does not publish them.
_SOCIAL_NETWORKS = word_set(
    "facebook вконтакте vkontakte vk reddit telegram twitter instagram youtube tiktok "
    "одноклассники threads google yandex яндекс"
)


def is_social_network(name: str) -> bool:
    """Whether `name` is a social network's or an aggregator's ('Facebook', 'Reddit Inc')."""
    words = name.split()
    return bool(words) and fold(words[0]) in _SOCIAL_NETWORKS


def is_domain_name(text: str) -> bool:
    """Whether `text` is a site's address as a name: 'Civil.ge', 'www.minval.az'."""
    return bool(_OUTLET_DOMAIN.fullmatch(text.strip()))


def looks_like_outlet_name(text: str) -> bool:
    """Whether `text` is shaped as a site's or a paper's own name, known or not."""
    text = text.strip()
    # 'Tural_Baku', '@caspian': a user's handle; 'Re: …': a thread's title.
    if not 2 <= len(text) <= 45 or text[-1] in ".!?;,…" or re.search(r"[_@:]", text):
        return False
    if _OUTLET_DOMAIN.fullmatch(text):
        return True
    words = text.split()
    if len(words) > _OUTLET_NAME_MAX_WORDS or re.search(r"[0-9#|/]", text):
        return False
    if len(words) == 1 and fold(words[0]) in _GENERIC_WORDS:
        return False
    return all(
        word[:1].isupper() or word[:1] in QUOTES or fold(word) in _LINKING_WORDS for word in words
    )


# Letters only Turkic alphabets write, and Azerbaijani's Q and X (English rarely has them):
# a word with one of them lowers 'I' to 'ı' and 'İ' to 'i' ('QIZIL' is 'Qızıl').
_TURKIC_MARK = re.compile(r"[ƏİŞĞÇÖÜQX]")
# Short capitals are an abbreviation ('OC', 'TV'); linking words go in lower case.
_ABBREVIATION_MAX = 2


_NO_QUOTES = str.maketrans(dict.fromkeys(QUOTES))
# 'ИА Регнум', 'İA Turan': an agency's name after the letters for "news agency".
_AGENCY_PREFIX = re.compile(r"^(?:иа|ia)\s")


# The firm behind a paper, signing its copyright: 'Deseret News Publishing Company',
# 'Caspian Media, Inc.'; the paper is shown by its own name.
_COMPANY_TAIL = re.compile(
    r",?\s(?:(?i:publishing|publishers|media)\s)?(?i:company|co\.|inc\.?|ltd\.?|llc|corp\.?|"
    r"corporation)$"
)


# '«АСТРАХАНСКИЕ ИЗВЕСТИЯ»': a masthead quoted whole; the quotes are typography, not the name.
_ENCLOSING_QUOTES = re.compile(r"^[\"«“„]([^\"«»“”„]+)[\"»”“]$")


def shown_name(name: str) -> str:
    """An outlet's name as the archive shows it when the page sets it in capitals:
    'CƏNUB XƏBƏRLƏRİ' is 'Cənub Xəbərləri', 'OC MEDIA' is 'OC Media'.

    Only a Latin-script name written wholly in capitals changes: capitals are the
    masthead's typography, not the name. Cyrillic names keep their letters, since
    Russian capitalises a name's first word only and which words are names is not knowable.
    """
    name = _COMPANY_TAIL.sub("", name) or name
    name = _ENCLOSING_QUOTES.sub(r"\1", name)
    letters = [char for char in name if char.isalpha()]
    if not letters or not all(char.isupper() for char in letters):
        return name
    if any("\u0400" <= char <= "\u04ff" for char in letters):
        return name
    words = []
    for index, word in enumerate(name.split(" ")):
        plain = word.strip(QUOTES)
        lower = _turkic_lower(word) if _TURKIC_MARK.search(word) else word.lower()
        if index and fold(plain) in _LINKING_WORDS:
            words.append(lower)
            continue
        if len(plain) <= _ABBREVIATION_MAX or any(char.isdigit() for char in plain):
            words.append(word)
            continue
        parts = zip(word.split("-"), lower.split("-"), strict=True)
        words.append("-".join(_capitalised(upper, part) for upper, part in parts))
    return " ".join(words)


def _capitalised(upper: str, lower: str) -> str:
    """`lower` with its first letter as `upper` wrote it ('İnfo' from 'İNFO')."""
    opening = len(lower) - len(lower.lstrip(QUOTES))
    first = upper[opening : opening + 1] if upper[opening : opening + 1] == "İ" else ""
    return lower[:opening] + (first or lower[opening : opening + 1].upper()) + lower[opening + 1 :]


def _turkic_lower(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower()


def looks_like_person(text: str) -> bool:
    if not _PERSON.match(text) or _POSSESSIVE.search(text):
        return False
    return not any(fold(word) in ORGANISATION_WORDS for word in WORD.findall(text))


def looks_like_source(text: str) -> bool:
    """One capitalised word, as an unknown agency's name usually is: 'Report', 'Oxu'."""
    return " " not in text.strip() and text[:1].isupper()
