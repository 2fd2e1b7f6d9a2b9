"""Second stage of ingestion: decoded text becomes a ParsedArticle (read -> parse -> extract).

Raw files are pages copied from news sites. The parser works line by line,
in four passes, each a small function:

1. clean every line (markup, odd spaces) and drop page furniture anywhere:
   share buttons, font-size controls, breadcrumbs, tag lines, separators,
   and everything after a footer marker such as "News feed";
2. read the header zone (the lines before the first real paragraph): the
   " date ... By ..." line, a site banner, a written-out date, a byline, the
   headline and its repetition;
3. group the rest into paragraphs, take a dateline off the first one and a
   byline off the last one, mark short standalone lines as subheadings;
4. settle the title (derived from the first sentence when the page has
   none), the source (explicit credits before attributions such as
   "told Trend") and the language.

Every pattern is compiled once, anchored to a line and bounded, so the cost
grows linearly with the file.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.language import detect_language

SOURCES_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "sources.json"
TITLE_MAX_CHARS = 90


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


class NoArticleText(ValueError):
    """Text with no letter or digit in it: nothing to archive."""


# ---------------------------------------------------------------- sources


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
        return self.names_by_alias.get(text.strip(_QUOTES + " .:").casefold())

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


@cache
def default_sources() -> KnownSources:
    return KnownSources.load()


@cache
def _attribution_patterns(alias_pattern: str) -> tuple[re.Pattern[str], ...]:
    alias = rf"(?P<alias>{alias_pattern})(?!\w|\.\w)"
    return (
        re.compile(rf"{_ATTRIBUTION_VERBS}\s+(?:the\s+)?[{_QUOTES}]?{alias}"),
        re.compile(rf"{alias}[{_QUOTES}]?\s+(?:reports|reported|has learned|learned)\b"),
        re.compile(rf"\(\s*{alias}\s*\)"),
        re.compile(rf"{alias}-?[ʼ'’]?y?[aəe]\s+(?:açıqlama|bildir|deyib|müsahibə)"),
    )


@cache
def _alias_anywhere(alias_pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?P<alias>{alias_pattern})(?!\w|\.\w)")


_QUOTES = "\"'«»“”„‘’"
_ATTRIBUTION_VERBS = (
    r"(?:told|tells|reports?|reported|according to|quoted by|cited by|in an interview with|"
    r"(?i:сообщает|сообщил[аи]?|передает|передаёт|рассказал[аи]?|заявил[аи]?|сказал[аи]?|"
    r"по данным|по информации|в интервью|xəbər verir|məlumat verir))"
)

# ---------------------------------------------------------------- dates

_MONTH_NAMES = {
    1: "january jan январь января янв yanvar",
    2: "february feb февраль февраля фев fevral",
    3: "march mar март марта мар mart",
    4: "april apr апрель апреля апр aprel",
    5: "may май мая",
    6: "june jun июнь июня iyun",
    7: "july jul июль июля iyul",
    8: "august aug август августа авг avqust",
    9: "september sept sep сентябрь сентября сен sentyabr",
    10: "october oct октябрь октября окт oktyabr",
    11: "november nov ноябрь ноября noy noyabr",
    12: "december dec декабрь декабря дек dekabr",
}
_MONTHS = {name: number for number, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH_ALTERNATIVES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = rf"(?i:(?P<month>{_MONTH_ALTERNATIVES}))\.?"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th|-?(?:ci|cı|cu|cü))?"
_YEAR = r"(?P<year>[0-9]{4})"
MONTH_PATTERN = rf"(?i:{_MONTH_ALTERNATIVES})\.?"
_UNNAMED_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"

_DATE_FORMATS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (
        re.compile(
            r"(?<![0-9])(?P<year>[0-9]{4})-(?P<mnum>[0-9]{1,2})-(?P<day>[0-9]{1,2})(?![0-9])"
        ),
        Precision.DAY,
    ),
    (
        re.compile(
            r"(?<![0-9])(?P<day>[0-9]{1,2})[./](?P<mnum>[0-9]{1,2})[./](?P<year>[0-9]{4})(?![0-9])"
        ),
        Precision.DAY,
    ),
    (re.compile(rf"(?<!\w){_DAY}\s+{_MONTH},?\s+{_YEAR}(?![0-9])"), Precision.DAY),
    (re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}(?![0-9])"), Precision.DAY),
    (re.compile(rf"(?<!\w){_MONTH},?\s+{_YEAR}(?![0-9])"), Precision.MONTH),
)
_YEARLESS_DATES = (
    re.compile(rf"(?<!\w){_DAY}\s+{_MONTH}(?!\w)"),
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY}(?!\w)"),
)
_YEAR_LINE = re.compile(
    r"^(?i:year:?\s*)?(?P<year>(?:19|20)[0-9]{2})(?:-?(?i:ci|cı|cu|cü))?(?:\s+(?i:il|г\.?|год))?$"
)
_TIME = re.compile(r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*(?i:[ap]\.?m\.?))?")
_DATE_LINE_LABELS = re.compile(
    r"(?i:published|updated|posted|date|on|at|опубликовано|обновлено|дата|в|tarix|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|gmt|utc|msk|"
    r"il|г|год|ci|cı|cu|cü)(?!\w)"
)
_HEADER_DATE_LINE = re.compile(r"^date\s+(?P<date>\S+)(?:\s+(?P<rest>.*))?$", re.I)


@dataclass(frozen=True)
class _DateFound:
    published: PublishedDate
    span: tuple[int, int]
    problem: str | None = None


def _find_date(text: str) -> _DateFound | None:
    """The first date written in `text`, complete or not; never guesses a year."""
    for pattern, precision in _DATE_FORMATS:
        match = pattern.search(text)
        if match:
            return _date_from_match(match, precision)
    match = next(filter(None, (pattern.search(text) for pattern in _YEARLESS_DATES)), None)
    if match:
        problem = f"date without a year ({match.group(0).rstrip('.')}): left unknown"
        return _DateFound(PublishedDate.unknown(), match.span(), problem)
    return None


def _date_from_match(match: re.Match[str], precision: Precision) -> _DateFound:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
    day = int(parts["day"]) if parts.get("day") else 1
    try:
        value = dt.date(int(parts["year"]), month, day)
    except ValueError:
        value = None
    if value is None or not 1900 <= value.year <= 2100:
        problem = f"impossible date {match.group(0)}"
        return _DateFound(PublishedDate.unknown(), match.span(), problem)
    return _DateFound(PublishedDate(value, precision), match.span())


def full_date(text: str) -> dt.date | None:
    """The first complete, possible date written in `text` ('22 February 2022'), if any."""
    for pattern, precision in _DATE_FORMATS:
        match = pattern.search(text) if precision is Precision.DAY else None
        if match:
            return _date_from_match(match, precision).published.value
    return None


def _date_only_line(line: str) -> _DateFound | None:
    """A header line that says nothing but when: '3 March 2021 10:15', 'Updated: 03.03.2021'."""
    if len(line) > 80:
        return None
    year_only = _YEAR_LINE.match(line)
    if year_only:
        value = dt.date(int(year_only.group("year")), 1, 1)
        return _DateFound(PublishedDate(value, Precision.YEAR), (0, len(line)))
    found = _find_date(line)
    if found is None:
        return None
    rest = line[: found.span[0]] + " " + line[found.span[1] :]
    rest = _DATE_LINE_LABELS.sub(" ", _TIME.sub(" ", rest))
    return found if len(_WORD.findall(rest)) <= 2 else None


# ---------------------------------------------------------------- line cleaning

_WORD = re.compile(r"[^\W_]+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SCRIPT_BLOCK = re.compile(
    r"<(script|style)\b[^<>]{0,300}>[^<]{0,50000}</(?:script|style)\s*>", re.I
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,500})?/?>")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) +([,;:!?]|\.(?!\.))(?= |$)")


def _clean_lines(text: str) -> list[str]:
    text = _SCRIPT_BLOCK.sub(" ", text)
    text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    lines = []
    for line in text.split("\n"):
        line = _SPACE_RUN.sub(" ", line).strip()
        lines.append(_SPACE_BEFORE_PUNCT.sub(r"\1", line))
    return lines


# ---------------------------------------------------------------- page furniture

_SEPARATOR = re.compile(r"^[-–—_*=~•·.#+]{3,}$")
_FONT_CONTROLS = re.compile(
    r"^(?:(?:A[-+]?\s*){2,3}"
    r"|(?i:font size|text size|размер шрифта|шрифт|şrift(?: ölçüsü)?)\b.{0,30})$"
)
_FURNITURE_WORDS = _words(
    "share print tweet email e-mail mail facebook twitter telegram whatsapp vk vkontakte "
    "linkedin ok odnoklassniki pinterest reddit instagram youtube rss copy link save pdf "
    "version for printing x поделиться печать версия для печати отправить твитнуть "
    "paylaş çap et göndər a"
)
_LINE_FURNITURE = re.compile(
    r"^(?i:follow us|join us|subscribe|подписывайтесь|следите за нами|bizi izləyin|abunə ol|"
    r"tags?\s*:|теги\s*:|метки\s*:|etiketlər\s*:|açar sözlər\s*:|"
    r"read also\s*:|read more\s*:|see also\s*:|also read\s*:|читайте также\s*:|"
    r"həmçinin oxuyun\s*:|views\s*:?\s*[0-9]|просмотров\s*:?\s*[0-9]|baxış\s*:?\s*[0-9]|"
    r"©|copyright\b|\(c\)\s)"
)
_BREADCRUMB = re.compile(r"^[^»›>|/→]{1,40}(?:\s*[»›>|/→]\s*[^»›>|/→]{1,40}){1,5}$")
_BREADCRUMB_START = re.compile(r"^(?i:home|main|главная|ana səhifə|news|новости|xəbərlər)\b")
_RATE_ROW = re.compile(r"^[A-Z]{3}\s+[0-9]+(?:\s+[0-9]+)?\s+\D{2,40}\s+[0-9]+(?:[.,][0-9]+)?$")
_FOOTER_MARKERS = _phrases(
    "news feed|exchange rates|currency rates|related news|related articles|related|read also|"
    "see also|more news|other news|latest news|most read|popular|comments|leave a comment|"
    "add comment|лента новостей|курсы валют|читайте также|похожие новости|другие новости|"
    "последние новости|по теме|комментарии|оставить комментарий|xəbər lenti|"
    "valyuta məzənnələri|oxşar xəbərlər|digər xəbərlər|son xəbərlər|həmçinin oxuyun|"
    "şərhlər|şərh yaz"
)
_COUNT_SUFFIX = re.compile(r"\s*\(?[0-9]{1,6}\)?$")
_SOURCE_LINE = re.compile(r"^(?i:source|источник|mənbə)\s*:\s*(?P<value>.{1,300})$")
_URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"'«»]{2,500}")
_URL_LINE = re.compile(r"^(?:[^\W\d_]{1,20}\s*:?\s*){0,3}(?P<url>(?i:https?://|www\.)\S{2,500})$")
_REPRINT_LINE = re.compile(
    r"(?i:when reprinting|when using|when citing|reprinting|при перепечатке|"
    r"при использовании|при цитировании|yenidən çap|istifadə edərkən|"
    r"all rights reserved|все права защищены|bütün hüquqlar)"
)


@dataclass
class _Findings:
    """What the passes learn about the article as they go."""

    title: str | None = None
    published: PublishedDate | None = None
    credited_source: str | None = None
    bylines: list[str] = field(default_factory=list)
    url: str | None = None
    problems: list[str] = field(default_factory=list)

    def note_date(self, found: _DateFound) -> None:
        if found.problem and found.problem not in self.problems:
            self.problems.append(found.problem)
        if self.published is None and found.published.value is not None:
            self.published = found.published

    def note_source(self, name: str | None) -> None:
        if name and self.credited_source is None:
            self.credited_source = name

    def note_url(self, url: str, sources: KnownSources) -> None:
        url = url.rstrip(".,;)")
        if self.url is None:
            self.url = url
        self.note_source(sources.from_url(url))


def _is_paragraph(line: str) -> bool:
    words = line.count(" ") + 1
    return len(line) > 200 or (words >= 20 and line[-1] in '.!?"”»')


def _is_furniture(line: str) -> bool:
    if _SEPARATOR.match(line) or _FONT_CONTROLS.match(line) or _LINE_FURNITURE.match(line):
        return True
    if _RATE_ROW.match(line):
        return True
    if len(line) <= 80:
        words = [word.lower() for word in _WORD.findall(line)]
        if words and all(word in _FURNITURE_WORDS for word in words):
            return True
        if _BREADCRUMB_START.match(line) and _BREADCRUMB.match(line):
            return True
    return False


def _take_credit_line(line: str, findings: _Findings, sources: KnownSources) -> bool:
    """Record and drop a line that only credits the source or names the page's URL."""
    source_line = _SOURCE_LINE.match(line)
    if source_line:
        value = source_line.group("value").strip()
        url = _URL.search(value)
        if url:
            findings.note_url(url.group(0), sources)
        elif len(value) <= 60:
            findings.note_source(sources.named(value) or value.strip(_QUOTES + " ."))
        return True
    url_line = _URL_LINE.match(line)
    if url_line:
        findings.note_url(url_line.group("url"), sources)
        return True
    if len(line) <= 200 and _REPRINT_LINE.search(line):
        mentioned = _alias_anywhere(sources.alias_pattern).search(line)
        findings.note_source(sources.named(mentioned.group("alias")) if mentioned else None)
        return True
    return False


def _drop_furniture(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    kept: list[str] = []
    seen_paragraph = False
    last_paragraph = max(
        (i for i, line in enumerate(lines) if line and _is_paragraph(line)), default=-1
    )
    for index, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        marker = _COUNT_SUFFIX.sub("", line.lower()).strip(" :.!") in _FOOTER_MARKERS
        if marker and seen_paragraph and index > last_paragraph:
            break
        if marker or _is_furniture(line) or _take_credit_line(line, findings, sources):
            continue
        seen_paragraph = seen_paragraph or _is_paragraph(line)
        kept.append(line)
    return kept


# ---------------------------------------------------------------- header zone

_BANNER = re.compile(
    rf"^[{_QUOTES}]?(?P<name>[^{_QUOTES}]{{2,40}})[{_QUOTES}]?\s+(?i:publications?|публикации)$"
)
_CREDIT_PREFIX = re.compile(r"^(?i:by|author|автор|müəllif|от)\b\s*:?\s*(?P<credit>.{2,120})$")
_CREDIT_SPLIT = re.compile(r"\s*[,|/;]\s*")
_NAME_WORD = r"[A-ZА-ЯЁƏÜÖĞİŞÇ][\w'’.-]*"
_PERSON = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s+(?:and|и|və)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})?$"
)
_ORGANISATION_WORDS = _words(
    "news agency press media service tv radio online info az ru com daily times post journal "
    "group network newspaper новости агентство пресс служба информ xəbər agentliyi qəzeti"
)
_HEADLINE_END = re.compile(r"[.,;:\-–—]$")


def _credit(text: str, findings: _Findings, sources: KnownSources) -> None:
    """Sort a credit such as 'John Smith, Trend' into byline (people) and source."""
    for part in _CREDIT_SPLIT.split(text.strip(_QUOTES + " .")):
        part = part.strip(_QUOTES + " .")
        if not part:
            continue
        known = sources.named(part)
        if known:
            findings.note_source(known)
        elif _looks_like_person(part):
            findings.bylines.append(part)
        elif " " not in part and part[:1].isupper():
            findings.note_source(part)


def _looks_like_person(text: str) -> bool:
    if not _PERSON.match(text):
        return False
    return not any(word.lower() in _ORGANISATION_WORDS for word in _WORD.findall(text))


def _take_date_header(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """The ' date 2019-11-25 By Trend' line: the date, the credit, or the body's first words."""
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        return lines
    match = _HEADER_DATE_LINE.match(lines[first])
    if not match:
        return lines
    found = _find_date(match.group("date"))
    if found is None:
        return lines
    findings.note_date(found)
    rest = (match.group("rest") or "").strip()
    credit = _CREDIT_PREFIX.match(rest)
    if credit and len(rest) <= 60:
        _credit(credit.group("credit"), findings, sources)
        rest = ""
    return [*lines[:first], *([rest] if rest else []), *lines[first + 1 :]]


def _read_header(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """Take metadata from the lines before the first paragraph; keep the rest (a standfirst)."""
    zone_end = next((i for i, line in enumerate(lines) if line and _is_paragraph(line)), len(lines))
    kept: list[str] = []
    for index in range(zone_end):
        line = lines[index]
        if not line or not _take_header_line(lines, index, findings, sources):
            kept.append(line)
    return kept + lines[zone_end:]


def _take_header_line(
    lines: list[str], index: int, findings: _Findings, sources: KnownSources
) -> bool:
    line = lines[index]
    banner = _BANNER.match(line)
    if banner:
        findings.note_source(sources.named(banner.group("name")) or banner.group("name").strip())
        return True
    date_line = _date_only_line(line)
    if date_line:
        findings.note_date(date_line)
        return True
    credit = _CREDIT_PREFIX.match(line)
    if credit and len(line) <= 80 and not _is_paragraph(line):
        _credit(credit.group("credit"), findings, sources)
        return True
    if findings.title is None and _is_headline(lines, index):
        findings.title = line
        return True
    return findings.title is not None and line.casefold() == findings.title.casefold()


def _is_headline(lines: list[str], index: int) -> bool:
    line = lines[index]
    if len(line) > 200 or len(_WORD.findall(line)) < 2 or _HEADLINE_END.search(line):
        return False
    following = next((later for later in lines[index + 1 :] if later), None)
    if following is None:
        return False
    next_is_blank = index + 1 < len(lines) and not lines[index + 1]
    return next_is_blank or not following[:1].islower()


# ---------------------------------------------------------------- body

_TERMINAL = '.!?:;"”»)…'
_PLACE = r"[A-ZА-ЯЁƏ][\w'’-]+(?:[ -][A-ZА-ЯЁƏ][\w'’-]+){0,2}"
_ANY_DATE = (
    rf"(?:{_UNNAMED_DAY}\s+{MONTH_PATTERN}(?:\s+[0-9]{{4}})?"
    rf"|{MONTH_PATTERN}\s+{_UNNAMED_DAY}(?:,?\s+[0-9]{{4}})?"
    r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})"
)


def _dateline_credit(suffix: str) -> str:
    return (
        rf"(?:\(\s*(?P<credit{suffix}>[^()\n]{{2,40}}?)\s*\)"
        rf"|/\s*(?P<slashed{suffix}>[^/\n]{{2,40}}?)\s*/)"
    )


# A dateline needs a date or a credit after the place: "BAKU, March 3." or "BAKU (Trend) -".
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*[A-ZА-ЯЁƏ][\w-]+)?)"
    rf"(?:,\s*(?P<date>{_ANY_DATE})\.?\s*{_dateline_credit('')}?|\s*{_dateline_credit('2')})"
    r"\s*(?:[—–-]+|[.:])?\s+"
)
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”»]*(?:\s[\"“«A-ZА-ЯЁƏ0-9]|$))")
_TRAILING_SMALL_WORDS = _words(
    "a an and as at by for from in into of on or that the to with which who whose its their "
    "и в во на с со по к о об от для что как а но из за у и ilə və bu da də ki"
)


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines to paragraphs: a hard-wrapped line joins the next when that goes on in lower case."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
        elif current and current[-1] not in _TERMINAL and line[:1].islower():
            current = f"{current} {line}"
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _take_dateline(paragraphs: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """'BAKU, March 3 (Trend) - ...': a dateline gives a date and credit, then leaves the body."""
    if not paragraphs:
        return paragraphs
    match = _DATELINE.match(paragraphs[0])
    if not match:
        return paragraphs
    credit = next(filter(None, match.group("credit", "slashed", "credit2", "slashed2")), None)
    if credit and not (sources.named(credit) or _looks_like_source(credit)):
        return paragraphs
    if match.group("date"):
        findings.note_date(
            _find_date(match.group("date")) or _DateFound(PublishedDate.unknown(), (0, 0))
        )
    if credit:
        findings.note_source(sources.named(credit) or credit)
    rest = paragraphs[0][match.end() :].strip()
    return [rest, *paragraphs[1:]] if rest else paragraphs[1:]


def _looks_like_source(text: str) -> bool:
    return " " not in text.strip() and text[:1].isupper()


def _take_closing_byline(
    paragraphs: list[str], findings: _Findings, sources: KnownSources
) -> list[str]:
    if len(paragraphs) < 2:
        return paragraphs
    last = paragraphs[-1].strip(_QUOTES + " ")
    credit = _CREDIT_PREFIX.match(last)
    if credit and len(last) <= 80:
        _credit(credit.group("credit"), findings, sources)
    elif len(last) <= 60 and sources.named(last.strip("()")):
        findings.note_source(sources.named(last.strip("()")))
    elif len(last) <= 60 and _looks_like_person(last):
        findings.bylines.append(last)
    else:
        return paragraphs
    return paragraphs[:-1]


def _mark_subheadings(paragraphs: list[str]) -> list[str]:
    """A short line standing alone between paragraphs is a subheading: '## Helicopter plant'."""
    marked = list(paragraphs)
    for index in range(1, len(paragraphs) - 1):
        text = paragraphs[index]
        if (
            len(text) <= 80
            and len(_WORD.findall(text)) <= 10
            and text[-1] not in _TERMINAL + ",;"
            and (text[:1].isupper() or text[:1].isdigit())
            and len(paragraphs[index + 1]) > len(text)
        ):
            marked[index] = f"## {text}"
    return marked


def _derive_title(body: str) -> str:
    """A short readable title from the body's first sentence, cut at a word boundary."""
    first = next((block for block in body.split("\n\n") if not block.startswith("## ")), body)
    first = first.removeprefix("## ")[:400]
    end = _SENTENCE_END.search(first)
    sentence = (first[: end.start()] if end else first).strip(_QUOTES + " ")
    if len(sentence) > TITLE_MAX_CHARS:
        sentence = sentence[: TITLE_MAX_CHARS + 1].rsplit(" ", 1)[0]
        words = sentence.split(" ")
        while len(words) > 3 and words[-1].lower().strip(_QUOTES + ",;:") in _TRAILING_SMALL_WORDS:
            words.pop()
        sentence = " ".join(words)
    title = sentence.rstrip(_QUOTES + " ,;:.-–—(").strip()
    if title.count('"') % 2:
        title = title.replace('"', "")
    return title or body[:TITLE_MAX_CHARS].strip()


def _attributed_source(body: str, sources: KnownSources) -> str | None:
    """The first known source the text credits: 'told Trend', 'Trend reports', '(APA)'."""
    best: tuple[int, str] | None = None
    for pattern in _attribution_patterns(sources.alias_pattern):
        match = pattern.search(body)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match.group("alias"))
    return sources.named(best[1]) if best else None


# ---------------------------------------------------------------- entry point


def parse(text: str, known_sources: KnownSources | None = None) -> ParsedArticle:
    """Make a ParsedArticle of one file's decoded text; NoArticleText if it holds no text."""
    if not _LETTER_OR_DIGIT.search(text):
        raise NoArticleText("no article text: the file has no letters or digits")
    sources = known_sources or default_sources()
    findings = _Findings()
    lines = _take_date_header(_clean_lines(text), findings, sources)
    lines = _read_header(_drop_furniture(lines, findings, sources), findings, sources)
    paragraphs = _take_dateline(_paragraphs(lines), findings, sources)
    paragraphs = _mark_subheadings(_take_closing_byline(paragraphs, findings, sources))
    body = "\n\n".join(paragraphs) or _fallback_body(text)
    title = findings.title or _derive_title(body)
    source = findings.credited_source or _attributed_source(body, sources)
    return ParsedArticle(
        title=title,
        title_derived=findings.title is None,
        body=body,
        published=findings.published or PublishedDate.unknown(),
        source=source,
        byline=", ".join(dict.fromkeys(findings.bylines)),
        language=detect_language(f"{title}\n{body}"),
        url=findings.url,
        problems=tuple(findings.problems),
    )


def _fallback_body(text: str) -> str:
    """When every line looked like page furniture, the text itself is still the article."""
    paragraphs = _paragraphs(_clean_lines(text))
    return "\n\n".join(paragraphs) or " ".join(text.split())
