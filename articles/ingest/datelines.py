"""Datelines: the place, date and agency that open a news lead, a part of parsing (parse).

"BAKU, March 3 (Trend) -", "Баку. 19 ноября. ИНТЕРФАКС -", "Bakı. 5 iyun.
REPORT.AZ/", "Москва, 5 июня 2021 года.", "Bakı/23.09.02/Turan:", APA's
"Baku. Hikmet Aslanli - APA.": a place, then a date, a credit or both.
`find_dateline` reads one off the start of a paragraph; the parser decides
which paragraph, and what the date and the agency count for. Each pattern
is anchored and bounded, so a paragraph costs time linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.ingest.dates import ANY_DATE_PATTERN, MONTH_PATTERN
from articles.ingest.language import word_set
from articles.ingest.sources import KnownSources, looks_like_person, looks_like_source

_CAPITAL = "A-ZА-ЯЁƏÜÖĞİŞÇ"
_PLACE = rf"[{_CAPITAL}][\w'’-]+(?:[ -][{_CAPITAL}][\w'’-]+){{0,2}}"
_CREDIT = (
    r"(?:\(\s{0,2}(?P<paren>[^()\n]{2,40}?)\s{0,2}\)"
    r"|/\s{0,2}(?P<slashed>[^/\n]{2,60}?)\s{0,2}/"
    # APA's "Baku. Hikmet Aslanli - APA.": a reporter, then the agency.
    r"|(?:(?P<reporter>[^\s()/,.:;–—-][^()/,.:;–—\n-]{1,40}?)\s[-–—]\s{1,2})?"
    r"(?P<bare>[^\s()/,.:;–—-][^()/,:;–—\n]{0,30}?)(?:/|(?=\s{0,2}[-–—:.]|$)))"
)
_END = r"\s{0,3}(?:[—–-]{1,2}|[.:])?(?=\s|$)"
# The place ends at a word's end: "BAKU, Nov. 25" is never the place "BAKU, No", and
# "BAKU, March 12" never the place "BAKU, March": a month opens the date.
# A story filed from several cities joins them with slashes: "BAKU/YEREVAN/MOSCOW, Nov 10".
# "Пишет Коммерсантъ: …", "Writes Reuters: …": a verb citing an outlet opens a quote, not a
# dateline; the outlet is cited there, and never publishes the page.
_CITING_VERB = r"(?!(?i:пишет|сообщает|переда[её]т|цитирует|отмечает|writes|reports|says)\b)"
_PLACES = (
    rf"(?P<place>{_CITING_VERB}{_PLACE}(?:/{_PLACE}){{0,3}}"
    rf"(?:,\s{{0,2}}(?!{MONTH_PATTERN}){_PLACE})?)(?!\w)"
)
# "Баку, 12 марта 2021 года, 14:10 — ИА REGNUM.": the date's word for year and a time.
_DATE_TAIL = r"(?:\s{1,2}(?:года|г\.))?(?:,?\s{1,3}[0-2]?[0-9]:[0-5][0-9])?"
_WITH_CREDIT = re.compile(
    rf"^{_PLACES}(?:[,.]\s{{0,3}}(?P<date>{ANY_DATE_PATTERN}){_DATE_TAIL})?"
    rf"[.,]?\s{{0,3}}[—–-]?\s{{0,3}}{_CREDIT}{_END}"
)
_DATE_ONLY = re.compile(rf"^{_PLACES}[,.]\s{{0,3}}(?P<date>{ANY_DATE_PATTERN}){_END}")
# A press release's dateline puts the date first: '12 марта 2019 года, Баку. …', 'March 12,
# 2019, The Kremlin, Moscow – …', '12 mart 2019-cu il, Bakı şəhəri. …', '12.03.2019, г. Махачкала
# – …'. The place must close on a full stop, a colon or a dash (or the line): a sentence that
# opens on a date goes on after its comma ('March 12, 2019, Baku hosted …').
_DATE_FIRST = re.compile(
    rf"^(?P<date>{ANY_DATE_PATTERN}){_DATE_TAIL},\s{{1,2}}(?:(?i:г\.|şəh\.)\s{{0,2}})?"
    rf"{_PLACES}(?:\s(?i:şəhəri|шәһәри))?\s{{0,3}}(?:(?:[—–-]{{1,2}}|[.:])(?=\s|$)|$)"
)
# Turan's "Bakı/23.09.02/Turan:": place, date with a two-digit year, agency.
_SLASHED = re.compile(
    rf"^(?P<place>{_PLACE})/(?P<date>[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{2,4}})/"
    r"(?P<bare>[^/:\n]{2,30}?):(?=\s|$)"
)

# Tatar-inform's dateline in brackets: '(Баку, 23 октября 2012, «Татар-информ», Анна Кузнецова).'
# — the place, the date, the agency and its reporter, the lead after the closing bracket.
_BRACKETED = re.compile(
    rf"^\((?P<place>{_PLACE}),\s{{1,2}}(?P<date>{ANY_DATE_PATTERN}){_DATE_TAIL}"
    r"(?:,\s{1,2}(?P<bare>[^,()\n]{2,40}?))?(?:,\s{1,2}(?P<reporter>[^,()\n]{2,40}?))?"
    r"\)[.:]?(?=\s|$)"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline read off a paragraph: where it ends, its date text, agency and reporter."""

    end: int
    date: str | None
    credit: str | None
    reporter: str | None


def find_dateline(paragraph: str, sources: KnownSources) -> Dateline | None:
    """The dateline `paragraph` opens with, if it opens with one."""
    for pattern in (_WITH_CREDIT, _SLASHED):
        match = pattern.match(paragraph)
        credit = _credit(match, sources) if match else None
        if match and credit:
            return _dateline(match, credit)
    match = _DATE_ONLY.match(paragraph)
    if match is None:
        match = _DATE_FIRST.match(paragraph)
    if match is None and paragraph.startswith("("):
        match = _BRACKETED.match(paragraph)
        if match:
            return _dateline(match, sources.mentioned_in(match.group("bare") or ""))
    return _dateline(match, None) if match else None


def _dateline(match: re.Match[str], credit: str | None) -> Dateline:
    parts = match.groupdict()
    reporter = (parts.get("reporter") or "").strip()
    person = reporter if reporter and looks_like_person(reporter) else None
    return Dateline(match.end(), parts.get("date"), credit, person)


# A clock's zone or half of the day after a date line's time: 'Tuesday, 5 December, 2000,
# 15:04 GMT', 'Tue, February 22, 2022, 6:05 PM'.
_TIME_ZONES = word_set("gmt utc msk мск est edt cst cdt pst pdt mst mdt cet cest bst eet azt am pm")


def _credit(match: re.Match[str], sources: KnownSources) -> str | None:
    """The outlet a dateline credits, if its credit names one ('Корр. ИТАР-ТАСС …' does)."""
    bare = match.group("bare")
    if bare and bare.strip().casefold() in _TIME_ZONES:
        return None
    if bare:
        named = sources.named(bare)
        # 'ALMA-ATA, U.S.S.R. (AP)': capitals with full stops abbreviate a country, no agency.
        # One capital is a name's initial ('Alex W.'), no agency's.
        shouted = bare.isupper() and " " not in bare.strip() and "." not in bare
        shouted = shouted and len(bare.strip()) > 1
        return named or (bare.strip() if shouted else None)
    credit = (match.group("paren") or match.group("slashed") or "").strip()
    named = sources.named(credit) or sources.mentioned_in(credit)
    if named:
        return named
    # 'Azerbaijan Railways (ADY) and Russian Railways …': a name's own abbreviation, its
    # sentence going on in lower case; a dateline's lead opens a sentence of its own.
    going_on = match.string[match.end() : match.end() + 2].lstrip()[:1].islower()
    return credit if looks_like_source(credit) and not going_on else None
