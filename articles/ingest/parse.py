"""Second stage of ingestion: decoded text becomes a ParsedArticle (read -> parse -> extract).

Raw files are pages copied from news sites. The parser works line by line,
in four passes, each a small function:

1. clean every line (markup, odd spaces) and drop page chrome anywhere
   (chrome.py: menus, widgets, share rows, copyright lines ...), noting the
   site a copyright or reprint notice names, and cut everything after a
   footer marker such as "News feed";
2. read the header zone (the lines before the first real paragraph): the
   " date ... By ..." line, the site's banner, date lines, a byline, the
   headline (the header line that reads most like one, headline.py) and its
   repetition;
3. group the rest into paragraphs, take a dateline off the first one and a
   credit off the last one, mark short standalone lines as subheadings;
4. settle the title (derived from the first sentence when the page has
   none, cut at a word with "…"), the date (the best-placed candidate: a
   date line under the headline before a dateline, the page address, and a
   date line above the headline, which is often a widget's; never "today"
   or a date in the future), the publisher and credits (sources.py), and
   the language.

Reading dates lives in dates.py, outlets and credits in sources.py, chrome
in chrome.py, the headline's choice in headline.py and datelines in
datelines.py; this module decides which line each is tried on and what
each finding counts for.

Every pattern is compiled once, anchored to a line and bounded, so the cost
grows linearly with the file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from enum import IntEnum

from articles.ingest.chrome import (
    is_calendar_row,
    is_chrome,
    is_copyright,
    is_footer_marker,
    is_labelled_chrome,
    is_navigation_bar,
)
from articles.ingest.datelines import find_dateline
from articles.ingest.dates import (
    HEADER_DATE_LINE,
    DateFound,
    bare_date_line,
    date_in_path,
    date_in_url,
    date_only_line,
    dated_on,
    day_and_month,
    find_date,
    short_year_date,
    year_month,
)
from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.headline import (
    TERMINAL,
    choose_headline,
    header_end,
    index_after_filled,
    is_paragraph,
    is_tagline,
    join_wrapped_header,
    split_glued_dates,
)
from articles.ingest.language import detect_language, fold
from articles.ingest.sources import (
    BANNER,
    CREDIT_PREFIX,
    QUOTES,
    Claim,
    KnownSources,
    default_sources,
    looks_like_person,
    split_credit,
)

TITLE_MAX_CHARS = 90
MENTIONS_CHARS = 50_000
ELLIPSIS = "…"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


class NoArticleText(ValueError):
    """Text with no letter or digit in it: nothing to archive."""


class _DateRank(IntEnum):
    """Where a date was read, best first: a site's widgets sit above the headline."""

    HEADER = 0
    UNDER_HEADLINE = 1
    DATELINE = 2
    ADDRESS = 3
    ABOVE_HEADLINE = 4
    WIDGET_LIKE = 5
    # A post's time under its text (a channel's or a forum's): only when nothing else says.
    CLOSING = 6


# ---------------------------------------------------------------- line cleaning

_WORD = re.compile(r"[^\W_]+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SCRIPT_BLOCK = re.compile(
    r"<(script|style)\b[^<>]{0,300}>[^<]{0,50000}</(?:script|style)\s*>", re.I
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,500})?/?>")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_COLUMN_GAP = re.compile(r" {3,}")
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
        # A wide gap in a short line separates a menu's or a widget's items.
        if len(line) <= 200:
            line = _COLUMN_GAP.sub(" | ", line.strip())
        line = _SPACE_RUN.sub(" ", line).strip()
        lines.append(_SPACE_BEFORE_PUNCT.sub(r"\1", line))
    return lines


# ---------------------------------------------------------------- page furniture

_SOURCE_LINE = re.compile(r"^(?P<label>(?i:source|источник|mənbə))\s*:\s*(?P<value>.{1,300})$")
_URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"'«»]{2,500}")
_URL_LINE = re.compile(r"^(?:[^\W\d_]{1,20}\s*:?\s*){0,3}(?P<url>(?i:https?://|www\.)\S{2,500})$")
_REPRINT_LINE = re.compile(
    r"(?i:when reprinting|when using|when citing|reprinting|при перепечатке|"
    r"при использовании|при цитировании|yenidən çap|istifadə edərkən|"
    r"all rights reserved|все права защищены|bütün hüquqlar)"
)
_PHOTO_CREDIT = re.compile(r"(?i:©|\(c\))\s{0,2}[^/|]{1,40}/")
_YEAR_OR_TERMS = re.compile(r"[0-9]{4}|(?i:reserved|защищены|hüquqlar|при |istifadə|reprint)")
# A story page lists its sources by the time each wrote: 'ТАСС · 19:48'.
_CLOCK = re.compile(r"^[0-2]?[0-9]:[0-5][0-9]$")
_SIGNATURE_NOISE = re.compile(
    r"(?i:©|\(c\)|copyright|all rights reserved|все права защищены|bütün hüquqlar\w*|"
    r"qorunur|powered by|[0-9]{4}|[-–—,.;:|+]|18\+|12\+)"
)
_CAPITALISED = re.compile(r"[A-ZА-ЯЁƏÜÖĞİŞÇ][\w«»\"'.-]{2,}")
_LISTING_CREDIT = re.compile(
    r"^(?i:via\s)?\s{0,2}(?P<outlet>[^|·•,0-9]{2,40}?)\s{0,2}[|·•,]?\s{1,2}(?P<rest>[0-9].{2,60})$"
)


@dataclass
class _Findings:
    """What the passes learn about the article as they go."""

    today: dt.date
    title: str | None = None
    dates: list[tuple[_DateRank, PublishedDate]] = field(default_factory=list)
    claims: list[tuple[Claim, str]] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    url: str | None = None
    problems: list[str] = field(default_factory=list)
    # An aggregator's list of other outlets' items: it has no headline of its own.
    is_listing: bool = False
    # A copyright line signed by an outlet we do not know: the page is not a wire's own.
    signed_by_unknown: bool = False
    # Where the site's navigation ended among the kept lines: the headline comes later.
    navigation_end: int = 0
    # A dateline's month and day written without a year ("БАКУ, 11 янв — Sputnik").
    yearless: tuple[int, int] | None = None

    def note_problem(self, problem: str | None) -> None:
        if problem and problem not in self.problems:
            self.problems.append(problem)

    def note_date(self, found: DateFound, rank: _DateRank) -> None:
        self.note_problem(found.problem)
        value = found.published.value
        if value is None or found.is_today:
            return
        if value > self.today + dt.timedelta(days=1):
            self.note_problem(f"date in the future: {value.isoformat()}")
            return
        # Above the headline, the day the page was copied is a clock's, not the article's.
        if rank >= _DateRank.ABOVE_HEADLINE and value >= self.today - dt.timedelta(days=1):
            return
        self.dates.append((rank, found.published))

    def published(self) -> PublishedDate:
        return (
            min(self.dates, key=lambda dated: dated[0])[1]
            if self.dates
            else PublishedDate.unknown()
        )

    def claim(self, strength: Claim, name: str | None) -> None:
        if name:
            self.claims.append((strength, name))

    def note_url(self, url: str, sources: KnownSources, strength: Claim) -> None:
        url = url.rstrip(".,;)")
        if strength is not Claim.CITED and self.url is None:
            self.url = url
            found = date_in_url(url)
            if found:
                self.note_date(found, _DateRank.ADDRESS)
        self.claim(strength, sources.from_url(url))

    def publisher_and_credits(self) -> tuple[str | None, tuple[str, ...]]:
        """The strongest claim names the publisher; every other outlet named is a credit."""
        # An outlet the text cites ("Источник: ТАСС") publishes the page only if the
        # page's own dateline or banner says so, never by a "сообщает ТАСС" alone.
        cited = {name for strength, name in self.claims if strength is Claim.CITED}
        publishing = [
            (strength, name)
            for strength, name in self.claims
            if strength >= Claim.DATELINE or (strength >= Claim.ATTRIBUTION and name not in cited)
        ]
        strongest = max((strength for strength, _ in publishing), default=None)
        publisher = next((name for strength, name in publishing if strength == strongest), None)
        # A page its footer signs for an outlet we do not know is that outlet's,
        # whatever agency its dateline or text names: left unknown, never a wire's.
        if self.signed_by_unknown and strongest is not None and strongest < Claim.SITE:
            publisher = None
        credits = dict.fromkeys(name for _, name in self.claims if name != publisher)
        return publisher, tuple(credits)


def _take_credit_line(line: str, findings: _Findings, sources: KnownSources) -> bool:
    """Record and drop a line that only credits an outlet or names the page's URL."""
    source_line = _SOURCE_LINE.match(line) if ":" in line else None
    if source_line:
        # "Source: <address>" is how a page names itself; "Источник:" and "Mənbə:"
        # name where a reprint came from.
        own = fold(source_line.group("label")) == "source"
        value = source_line.group("value").strip()
        url = _URL.search(value)
        if url:
            findings.note_url(url.group(0), sources, Claim.CREDIT if own else Claim.CITED)
        elif len(value) <= 60:
            findings.claim(Claim.CITED, sources.named(value) or value.strip(QUOTES + " ."))
        return True
    url_line = _URL_LINE.match(line) if "://" in line or "www." in line else None
    if url_line:
        findings.note_url(url_line.group("url"), sources, Claim.SITE)
        return True
    if is_copyright(line) or (len(line) <= 300 and _REPRINT_LINE.search(line)):
        # A site signs its copyright with years or terms; a bare "(c) TASS" credits a reprint.
        own = _YEAR_OR_TERMS.search(line) or not is_copyright(line)
        if not _PHOTO_CREDIT.search(line):
            named = sources.mentioned_in(line)
            findings.claim(Claim.SITE if own else Claim.CITED, named)
            findings.signed_by_unknown |= bool(own and not named and _signatory(line))
        return True
    return False


def _signatory(line: str) -> str | None:
    """Who signs a copyright line, once its years and legal words are gone: 'РИА «Дагестан»'."""
    names = _CAPITALISED.findall(_SIGNATURE_NOISE.sub(" ", line[:160]))
    return " ".join(names) if names else None


def _listings(lines: list[str], sources: KnownSources) -> dict[int, str]:
    """An aggregator's items credit their outlets one line each; one such line is a dateline."""
    listed = {index: _listing_credit(line, sources) for index, line in enumerate(lines) if line}
    found = {index: outlet for index, outlet in listed.items() if outlet}
    return found if len(found) >= 2 else {}


def _listing_credit(line: str, sources: KnownSources) -> str | None:
    """An aggregator's item credit: 'ТАСС | 18.08.2024 21:47', 'via Report · 17 May'."""
    if len(line) > 80:
        return None
    match = _LISTING_CREDIT.match(line)
    if match is None:
        return None
    outlet = sources.named(match.group("outlet"))
    rest = match.group("rest")
    when = date_only_line(rest) or find_date(rest) or _CLOCK.match(rest)
    return outlet if outlet and when else None


def _drop_furniture(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """The article's lines: chrome, credits and addresses go (noted), and all after the footer."""
    kept: list[str] = []
    seen_paragraph = False
    last_paragraph = max(
        (i for i, line in enumerate(lines) if line and is_paragraph(line)), default=-1
    )
    listings = _listings(lines, sources)
    for index, line in enumerate(lines):
        if line and index > last_paragraph and seen_paragraph and is_footer_marker(line):
            break
        if line and index in listings:
            findings.claim(Claim.CITED, listings[index])
            findings.is_listing = True
        elif not line or not _is_dropped(line, kept, seen_paragraph, findings, sources):
            seen_paragraph = seen_paragraph or (bool(line) and is_paragraph(line))
            kept.append(line)
    return kept


def _is_dropped(
    line: str, kept: list[str], seen_paragraph: bool, findings: _Findings, sources: KnownSources
) -> bool:
    """Whether a line is furniture; what it says about the page is noted on the way."""
    if not seen_paragraph and _is_banner(line, findings, sources):
        return True
    if _is_site_footer(line, kept, findings, sources):
        return True
    if is_calendar_row(line):
        _drop_calendar_heading(kept)
        return True
    furniture = is_footer_marker(line) or _take_credit_line(line, findings, sources)
    if not (furniture or _is_furniture(line)):
        return False
    if not seen_paragraph and is_navigation_bar(line):
        findings.navigation_end = len(kept)
    dated = date_in_path(line) if is_chrome(line) else None
    if dated:
        findings.note_date(dated, _DateRank.ADDRESS)
    return True


def _drop_calendar_heading(kept: list[str]) -> None:
    """'Ноябрь 2026' over a calendar's rows is the widget's month, not the article's date."""
    for back in (1, 2):
        heading = kept[-back] if len(kept) >= back else ""
        if heading:
            dated = date_only_line(heading)
            if dated and dated.published.precision is not Precision.DAY:
                del kept[-back]
            return


def _is_site_footer(line: str, kept: list[str], findings: _Findings, sources: KnownSources) -> bool:
    """'© 2020 All rights reserved' a line or two under the site's name: the footer signs the page.

    The footer's lines (the name, an address) go with it.
    """
    if not is_copyright(line) or sources.mentioned_in(line):
        return False
    for back in range(1, min(len(kept), 4) + 1):
        above = kept[-back]
        if len(above) > 80:
            return False
        named = sources.named(above) if above else None
        if named:
            findings.claim(Claim.SITE, named)
            del kept[-back:]
            return True
    return False


def _is_furniture(line: str) -> bool:
    if is_labelled_chrome(line):
        return True
    if not is_chrome(line):
        return False
    # A date line such as "14:32 / 27.04.2023" is read in the header, unless it is today's.
    dated = date_only_line(line)
    return dated is None or dated.is_today


# ---------------------------------------------------------------- header zone


def _credit(text: str, findings: _Findings, sources: KnownSources) -> None:
    """Note a credit such as 'John Smith, Trend': people as bylines, the rest as outlets."""
    credit = split_credit(text, sources)
    findings.bylines.extend(credit.people)
    for name in credit.source_names:
        findings.claim(Claim.CREDIT, name)


def _take_date_header(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """The ' date 2019-11-25 By Trend' line: the date, the credit, or the body's first words."""
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        return lines
    match = HEADER_DATE_LINE.match(lines[first])
    if not match:
        return lines
    found = find_date(match.group("date")) or year_month(match.group("date"))
    if found is None:
        return lines
    findings.note_date(found, _DateRank.HEADER)
    rest = (match.group("rest") or "").strip()
    credit = CREDIT_PREFIX.match(rest)
    if credit and len(rest) <= 60:
        _credit(credit.group("credit"), findings, sources)
        rest = ""
    return [*lines[:first], *([rest] if rest else []), *lines[first + 1 :]]


def _read_header(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """Take metadata from the lines before the first paragraph; keep the rest (a standfirst)."""
    navigation = sum(1 for line in lines[: findings.navigation_end] if line)
    lines = split_glued_dates(join_wrapped_header(lines))
    findings.navigation_end = index_after_filled(lines, navigation)
    zone_end = header_end(lines)
    headline = None
    if not findings.is_listing:
        after_navigation = choose_headline(lines, findings.navigation_end, zone_end, sources)
        headline = after_navigation or choose_headline(lines, 0, zone_end, sources)
    kept: list[str] = []
    for index in range(zone_end):
        line = lines[index]
        if not line or not _take_header_line(lines, index, headline, findings, sources):
            kept.append(line)
    return kept + lines[zone_end:]


def _take_header_line(
    lines: list[str], index: int, headline: int | None, findings: _Findings, sources: KnownSources
) -> bool:
    line = lines[index]
    above = headline is None or index < headline
    if above and _is_banner(line, findings, sources):
        return True
    date_line = date_only_line(line)
    if date_line:
        findings.note_date(date_line, _date_rank(date_line, above, headline))
        # "Nigar Rustamli | Jul 2, 2025": the author shares the date's line.
        segments = (segment.strip() for segment in line.split(" | "))
        findings.bylines.extend(s for s in segments if len(s) <= 60 and looks_like_person(s))
        return True
    credit = CREDIT_PREFIX.match(line)
    if credit and len(line) <= 80 and not is_paragraph(line):
        _credit(credit.group("credit"), findings, sources)
        return True
    if index == headline:
        findings.title = line
        return True
    if findings.title is not None:
        return _take_line_under_headline(line, findings)
    # Above a headline stand the site's name, taglines and rubrics, never the article.
    return headline is not None and len(_WORD.findall(line)) <= 12


def _date_rank(found: DateFound, above: bool, headline: int | None) -> _DateRank:
    # The page's last change counts only when it shows no other date.
    if found.is_update:
        return _DateRank.WIDGET_LIKE
    if not above:
        return _DateRank.UNDER_HEADLINE
    coarse = found.published.precision is not Precision.DAY
    if found.has_weekday or (coarse and headline is not None):
        return _DateRank.WIDGET_LIKE
    return _DateRank.ABOVE_HEADLINE


def _take_line_under_headline(line: str, findings: _Findings) -> bool:
    """The headline repeated, or an author's name standing alone under it."""
    if fold(line) == fold(findings.title or ""):
        return True
    if len(line) <= 60 and looks_like_person(line.strip(QUOTES + " ")):
        findings.bylines.append(line.strip(QUOTES + " "))
        return True
    return False


def _is_banner(line: str, findings: _Findings, sources: KnownSources) -> bool:
    """The site's own name atop its page: '"Kaspi" publications', 'ТАСС', 'Trend.az | …'."""
    banner = BANNER.match(line)
    if banner:
        name = banner.group("name")
        findings.claim(Claim.SITE, sources.named(name) or name.strip())
        return True
    named = sources.banner(line) or (is_tagline(line) and sources.mentioned_in(line))
    if named and not date_only_line(line):
        findings.claim(Claim.SITE, named)
        return True
    masthead = _masthead_name(line, sources)
    if masthead:
        findings.claim(Claim.SITE, masthead)
        # The issue's date on the masthead is read with the header's dates.
        return not date_only_line(line)
    return False


# An issue's number on a masthead: "№ 165 (26123)", "Issue 12", "выпуск", "nömrə".
_ISSUE_MARK = re.compile(r"№|(?i:\bissue\b|\bno\.\s?[0-9]|выпуск|nömrə)")


def _masthead_name(line: str, sources: KnownSources) -> str | None:
    """A masthead names its paper: '2 | БАКИНСКИЙ РАБОЧИЙ | № 165 (26123) | 4 сентября 2010 г.',
    'Газета «Коммерсантъ» №118 от 04.07.1995, стр. 4' (a date line naming an outlet)."""
    if len(line) > 160:
        return None
    if date_only_line(line):
        return sources.mentioned_in(line) if _ISSUE_MARK.search(line) else None
    if " | " not in line:
        return None
    named = (sources.named(segment) for segment in line.split(" | ") if len(segment) <= 60)
    return next((name for name in named if name), None)


# ---------------------------------------------------------------- body

_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”»]*(?:\s[\"“«A-ZА-ЯЁƏ0-9]|$))")
_TRAILING_SMALL_WORDS = _words(
    "a an and as at by for from in into of on or that the to with which who whose its their "
    "и в во на с со по к о об от для что как а но из за у ilə və bu da də ki"
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
        elif current and current[-1] not in TERMINAL and line[:1].islower():
            current = f"{current} {line}"
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _take_dateline(paragraphs: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """'BAKU, March 3 (Trend) - ...': a dateline gives a date and credit, then leaves the body.

    Tried on the first three paragraphs: a photo caption and a standfirst may stand above
    the lead.
    """
    for position in range(min(3, len(paragraphs))):
        rest = _cut_dateline(paragraphs[position], findings, sources)
        if rest is not None:
            kept = [rest] if rest else []
            return [*paragraphs[:position], *kept, *paragraphs[position + 1 :]]
    return paragraphs


def _cut_dateline(paragraph: str, findings: _Findings, sources: KnownSources) -> str | None:
    """The paragraph without its dateline, or None when it opens with none."""
    dateline = find_dateline(paragraph, sources)
    # "ОФИЦИАЛЬНАЯ ХРОНИКА" alone is a rubric: a dateline opens text that goes on.
    if dateline is None or not (dateline.date or paragraph[dateline.end :].strip()):
        return None
    if dateline.date:
        found = find_date(dateline.date) or short_year_date(dateline.date, findings.today)
        findings.note_date(found or DateFound(PublishedDate.unknown(), (0, 0)), _DateRank.DATELINE)
        if found is None or found.published.value is None:
            findings.yearless = day_and_month(dateline.date)
    findings.claim(Claim.DATELINE, dateline.credit)
    if dateline.reporter:
        findings.bylines.append(dateline.reporter)
    return paragraph[dateline.end :].strip()


def _take_closing_byline(
    paragraphs: list[str], findings: _Findings, sources: KnownSources
) -> list[str]:
    if len(paragraphs) < 2:
        return paragraphs
    last = paragraphs[-1].strip(QUOTES + " ")
    credit = CREDIT_PREFIX.match(last)
    named = sources.named(last.strip("()—–- ")) if len(last) <= 60 else None
    stamped = _listing_credit(last, sources)
    if stamped:
        # A wire's closing stamp, 'ITAR-TASS 23.09.2002 17:12': its outlet and its date.
        findings.claim(Claim.CREDIT, stamped)
        found = find_date(last)
        if found:
            findings.note_date(found, _DateRank.ADDRESS)
    elif credit and len(last) <= 80:
        _credit(credit.group("credit"), findings, sources)
    elif named:
        # A bare "(Interfax)" closing the text credits the agency it came from.
        findings.claim(Claim.CITED, named)
    elif len(last) <= 60 and looks_like_person(last):
        findings.bylines.append(last)
    elif bare_date_line(last.replace(" | ", " ")):
        # The whole line says when ('Oct 9, 2025 at 18:22'), not a listed item or a comment.
        findings.note_date(bare_date_line(last.replace(" | ", " ")), _DateRank.CLOSING)
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
            and text[-1] not in TERMINAL + ",;"
            and (text[:1].isupper() or text[:1].isdigit())
            and len(paragraphs[index + 1]) > len(text)
        ):
            marked[index] = f"## {text}"
    return marked


def _derive_title(body: str) -> str:
    """A short readable title from the body's first sentence, cut at a word with '…'."""
    first = next((block for block in body.split("\n\n") if not block.startswith("## ")), body)
    first = first.removeprefix("## ")[:400]
    end = _SENTENCE_END.search(first)
    sentence = (first[: end.start()] if end else first).strip(QUOTES + " ")
    cut = len(sentence) > TITLE_MAX_CHARS
    if cut:
        sentence = sentence[: TITLE_MAX_CHARS + 1].rsplit(" ", 1)[0]
        words = sentence.split(" ")
        while len(words) > 3 and fold(words[-1].strip(QUOTES + ",;:")) in _TRAILING_SMALL_WORDS:
            words.pop()
        sentence = " ".join(words)
    title = sentence.rstrip(QUOTES + " ,;:.-–—(").strip()
    if title.count('"') % 2:
        title = title.replace('"', "")
    if not title:
        return body[:TITLE_MAX_CHARS].strip()
    return f"{title}{ELLIPSIS}" if cut else title


# ---------------------------------------------------------------- entry point


def parse(
    text: str, known_sources: KnownSources | None = None, *, today: dt.date | None = None
) -> ParsedArticle:
    """Make a ParsedArticle of one file's decoded text; NoArticleText if it holds no text.

    `today` is the day of the import (default: the machine's): a date after
    the next day is refused as a problem, never stored.
    """
    if not _LETTER_OR_DIGIT.search(text):
        raise NoArticleText("no article text: the file has no letters or digits")
    sources = known_sources or default_sources()
    findings = _Findings(today=today or dt.date.today())
    lines = _take_date_header(_clean_lines(text), findings, sources)
    lines = _read_header(_drop_furniture(lines, findings, sources), findings, sources)
    paragraphs = _take_dateline(_paragraphs(lines), findings, sources)
    paragraphs = _mark_subheadings(_take_closing_byline(paragraphs, findings, sources))
    body = "\n\n".join(paragraphs) or _fallback_body(text)
    title = findings.title or _derive_title(body)
    _date_yearless_dateline(text, findings)
    _note_mentions(body, findings, sources)
    source, credits = findings.publisher_and_credits()
    return ParsedArticle(
        title=title,
        title_derived=findings.title is None,
        body=body,
        published=findings.published(),
        source=source,
        byline=", ".join(dict.fromkeys(findings.bylines)),
        language=detect_language(f"{title}\n{body}"),
        url=findings.url,
        problems=tuple(findings.problems),
        credits=credits,
    )


def _note_mentions(body: str, findings: _Findings, sources: KnownSources) -> None:
    """Outlets the text reports for ('told Trend') and those it cites ('according to TASS').

    Read in the first MENTIONS_CHARS of the body: an article names its
    sources early, and a megabyte file costs no more than a long article.
    """
    sample = body[:MENTIONS_CHARS]
    for name in sources.attributed_in(sample):
        findings.claim(Claim.ATTRIBUTION, name)
    for name in sources.cited_in(sample):
        findings.claim(Claim.CITED, name)


def _date_yearless_dateline(text: str, findings: _Findings) -> None:
    """'БАКУ, 11 янв' has its year where the page writes that day in full ('11.01.2021').

    A date on that day and month is the dateline's own; no year is ever guessed.
    """
    if findings.yearless:
        value = dated_on(text[:MENTIONS_CHARS], *findings.yearless)
        if value:
            found = DateFound(PublishedDate(value, Precision.DAY), (0, 0))
            findings.note_date(found, _DateRank.DATELINE)
            findings.problems = [p for p in findings.problems if "without a year" not in p]


def _fallback_body(text: str) -> str:
    """When every line looked like page furniture, the text itself is still the article."""
    paragraphs = _paragraphs(_clean_lines(text))
    return "\n\n".join(paragraphs) or " ".join(text.split())
