"""Second stage of ingestion: decoded text becomes a ParsedArticle (read -> parse -> extract).

Raw files are pages copied from news sites. The parser works line by line,
in four passes, each a small function:

1. clean every line (markup, odd spaces) and drop page chrome anywhere
   (chrome.py: menus, widgets, share rows, copyright lines ...), noting the
   site a copyright or reprint notice names, and cut everything after a
   footer marker such as "News feed";
2. read the header zone (the lines before the first real paragraph): the
   " date ... By ..." line, the site's banner, date lines, a byline, the
   headline (the first headline-shaped line that is not chrome) and its
   repetition;
3. group the rest into paragraphs, take a dateline off the first one and a
   credit off the last one, mark short standalone lines as subheadings;
4. settle the title (derived from the first sentence when the page has
   none, cut at a word with "…"), the date (the best-placed candidate: a
   date line under the headline before a dateline, the page address, and a
   date line above the headline, which is often a widget's; never "today"
   or a date in the future), the publisher and credits (sources.py), and
   the language.

Every pattern is compiled once, anchored to a line and bounded, so the cost
grows linearly with the file.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from dataclasses import dataclass, field
from enum import IntEnum

from articles.ingest.chrome import (
    is_chrome,
    is_copyright,
    is_footer_marker,
    is_labelled_chrome,
    is_navigation_bar,
)
from articles.ingest.dates import (
    ANY_DATE_PATTERN,
    HEADER_DATE_LINE,
    MONTH_PATTERN,
    DateFound,
    date_in_path,
    date_in_url,
    date_only_line,
    find_date,
    short_year_date,
    year_month,
)
from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.language import detect_language, fold
from articles.ingest.sources import (
    BANNER,
    CREDIT_PREFIX,
    ORGANISATION_WORDS,
    QUOTES,
    Claim,
    KnownSources,
    default_sources,
    looks_like_person,
    looks_like_source,
    split_credit,
)

TITLE_MAX_CHARS = 90
# A page's header (banner, menus, headline, date, byline) fits in its first lines;
# bounding it keeps a file of many short lines linear.
HEADER_MAX_LINES = 200
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


# ---------------------------------------------------------------- line cleaning

_WORD = re.compile(r"[^\W_]+")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
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
    # Where the site's navigation ended among the kept lines: the headline comes later.
    navigation_end: int = 0

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
        publishing = [claim for claim in self.claims if claim[0] >= Claim.ATTRIBUTION]
        strongest = max((strength for strength, _ in publishing), default=None)
        publisher = next((name for strength, name in publishing if strength == strongest), None)
        credits = dict.fromkeys(name for _, name in self.claims if name != publisher)
        return publisher, tuple(credits)


def _is_paragraph(line: str) -> bool:
    words = line.count(" ") + 1
    return len(line) > 200 or (words >= 20 and line[-1] in '.!?"”»')


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
            findings.claim(Claim.SITE if own else Claim.CITED, sources.mentioned_in(line))
        return True
    return False


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
    return outlet if outlet and (date_only_line(rest) or find_date(rest)) else None


def _drop_furniture(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    kept: list[str] = []
    seen_paragraph = False
    last_paragraph = max(
        (i for i, line in enumerate(lines) if line and _is_paragraph(line)), default=-1
    )
    listings = _listings(lines, sources)
    for index, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        marker = is_footer_marker(line)
        if marker and seen_paragraph and index > last_paragraph:
            break
        if index in listings:
            findings.claim(Claim.CITED, listings[index])
            findings.is_listing = True
            continue
        if not seen_paragraph and _is_banner(line, findings, sources):
            continue
        if _is_site_footer(line, kept, findings, sources):
            continue
        if marker or _take_credit_line(line, findings, sources) or _is_furniture(line):
            if not seen_paragraph and is_navigation_bar(line):
                findings.navigation_end = len(kept)
            dated = date_in_path(line) if is_chrome(line) else None
            if dated:
                findings.note_date(dated, _DateRank.ADDRESS)
            continue
        seen_paragraph = seen_paragraph or _is_paragraph(line)
        kept.append(line)
    return kept


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

_HEADLINE_END = re.compile(r"[.,;:\-–—]$")
_GLUED_DATE = re.compile(
    rf"(?<=[^\W\d_])(?=[0-9]{{1,2}}\s{{1,3}}{MONTH_PATTERN}\s{{0,3}}[0-9]{{4}}|[0-9]{{1,2}}\.[0-9]{{2}}\.[0-9]{{4}})"
)
# "Today.Az » Politics » Russia ends use of Gabala radar": a breadcrumb ending in the headline.
_CRUMBS_THEN_HEADLINE = re.compile(
    r"^(?:[^»›→>/]{1,40}\s[»›→>]\s){2,5}(?P<last>(?:[^\s»›→>]+\s){3,}[^\s»›→>]+)$"
)
_FORUM_LABEL = re.compile(r"^(?i:mövzu|тема|topic|re|цитата|quote|sitat)\s*:")


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
    lines = _split_glued_dates(_join_wrapped_header(lines))
    findings.navigation_end = _index_after_filled(lines, navigation)
    zone_end = _header_end(lines)
    headline = None
    if not findings.is_listing:
        after_navigation = _choose_headline(lines, findings.navigation_end, zone_end, sources)
        headline = after_navigation or _choose_headline(lines, 0, zone_end, sources)
    kept: list[str] = []
    for index in range(zone_end):
        line = lines[index]
        if not line or not _take_header_line(lines, index, headline, findings, sources):
            kept.append(line)
    return kept + lines[zone_end:]


def _header_end(lines: list[str]) -> int:
    """Where the header ends: the first paragraph, or past a date or byline right under it.

    A standfirst long enough to read as a paragraph may stand above the date
    and author ('Baku's reaction ... began.' then 'Nigar Rustamli | Jul 2, 2025').
    """
    prose = (i for i in range(min(len(lines), HEADER_MAX_LINES)) if _opens_prose(lines, i))
    paragraphs = list(itertools.islice(prose, 2))
    end = paragraphs[0] if paragraphs else min(len(lines), HEADER_MAX_LINES)
    if len(paragraphs) < 2:
        return end
    between = _filled(lines, end + 1, paragraphs[1], 4)
    if between and len(between) <= 3 and any(date_only_line(line) for line in between):
        return paragraphs[1]
    return end


def _split_glued_dates(lines: list[str]) -> list[str]:
    """'… for Azerbaijan18 January 2025 10:24': a headline and its date, glued by the copy."""
    split: list[str] = []
    for line in lines:
        crumbs = _CRUMBS_THEN_HEADLINE.match(line) if len(line) <= 300 else None
        if crumbs:
            line = crumbs.group("last")
        glued = _GLUED_DATE.search(line) if len(line) <= 300 else None
        if glued and date_only_line(line[glued.start() :]):
            split.extend([line[: glued.start()].rstrip(), line[glued.start() :]])
        else:
            split.append(line)
    return split


def _index_after_filled(lines: list[str], count: int) -> int:
    """The index just past the `count`-th non-empty line."""
    seen = 0
    for index, line in enumerate(lines):
        if seen == count:
            return index
        seen += bool(line)
    return len(lines)


def _filled(lines: list[str], start: int, stop: int, count: int) -> list[str]:
    """Up to `count` non-empty lines of lines[start:stop], looking no further than needed."""
    step = 1 if stop >= start else -1
    found: list[str] = []
    for index in range(start, stop, step):
        if lines[index]:
            found.append(lines[index])
            if len(found) == count:
                break
    return found


def _opens_prose(lines: list[str], index: int) -> bool:
    """A paragraph, or the first of three long lines in a row: prose hard-wrapped by the copy."""
    if _is_paragraph(lines[index]):
        return True
    if not lines[index]:
        return False
    block = lines[index : index + 3]
    return len(block) == 3 and all(len(line) >= 50 for line in block) and block[0] != block[1]


def _join_wrapped_header(lines: list[str]) -> list[str]:
    """A headline hard-wrapped by a newspaper's columns goes on in lower case on the next line."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if (
            previous
            and line[:1].islower()
            and previous[-1] not in _TERMINAL + ","
            and len(previous) + len(line) <= 160
            and not _is_paragraph(previous)
        ):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


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
        return True
    credit = CREDIT_PREFIX.match(line)
    if credit and len(line) <= 80 and not _is_paragraph(line):
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
    named = sources.banner(line) or (_is_tagline(line) and sources.mentioned_in(line))
    if named and not date_only_line(line):
        findings.claim(Claim.SITE, named)
        return True
    return False


def _choose_headline(
    lines: list[str], start: int, zone_end: int, sources: KnownSources
) -> int | None:
    """The header line that reads most like the page's headline, if any does.

    Menus and widgets stand in blocks at the top; the headline stands alone,
    next to the date, the byline or the dateline's lead, and has words. It
    comes before any prose: a line under someone's remark is a quotation.
    """
    best: tuple[int, int] | None = None
    for index in range(min(start, zone_end), zone_end):
        if not _is_headline(lines, index, sources):
            if _is_prose(lines[index]):
                break
            continue
        score = _headline_score(lines, index, zone_end, sources)
        if score >= 3 and (best is None or score > best[0]):
            best = (score, index)
    return best[1] if best else None


def _is_prose(line: str) -> bool:
    return len(_LETTER_WORD.findall(line)) >= 8 and not date_only_line(line)


def _headline_score(lines: list[str], index: int, zone_end: int, sources: KnownSources) -> int:
    """Higher for a line by the date or byline (a standfirst may stand between), alone, wordy."""
    line = lines[index]
    words = len(_LETTER_WORD.findall(line))
    later = _filled(lines, index + 1, min(zone_end + 1, len(lines)), 3)
    repeated = bool(later) and fold(later[0]) == fold(line)
    if repeated:
        later = later[1:]
    above_date = any(_is_metadata_line(other, sources) for other in later[:2])
    earlier = next(iter(_filled(lines, index - 1, -1, 1)), "")
    under_date = bool(earlier and date_only_line(earlier))
    alone = (index == 0 or not lines[index - 1]) and (
        index + 1 >= len(lines) or not lines[index + 1]
    )
    if (words < 3 and not (later and _is_metadata_line(later[0], sources))) or words > 30:
        return 0
    first = not _filled(lines, index - 1, -1, 1)
    return (
        5 * repeated
        + 4 * above_date
        + 3 * under_date
        + 2 * alone
        + first
        + (words >= 3)
        + (words >= 4)
    )


def _is_metadata_line(line: str, sources: KnownSources) -> bool:
    """A line that follows a headline: its date, its byline or the dateline's lead."""
    return bool(
        date_only_line(line)
        or CREDIT_PREFIX.match(line)
        or (len(line) <= 60 and looks_like_person(line.strip(QUOTES + " ")))
        or _dateline_parts(line, sources) is not None
    )


def _is_headline(lines: list[str], index: int, sources: KnownSources) -> bool:
    line = lines[index]
    if not line or len(line) > 250 or len(_LETTER_WORD.findall(line)) < 2:
        return False
    if _HEADLINE_END.search(line) or _FORUM_LABEL.match(line) or _is_tagline(line):
        return False
    if date_only_line(line) or CREDIT_PREFIX.match(line) or sources.banner(line):
        return False
    if looks_like_person(line.strip(QUOTES + " ")) or " " not in line:
        return False
    # "25.11.2019 Putin met Aliyev": an item of a dated list, not this page's headline.
    led = find_date(line[:40])
    if led is not None and led.span[0] == 0:
        return False
    if not _filled(lines, index + 1, len(lines), 1):
        return False
    following = _filled(lines, index + 1, len(lines), 1)[0]
    next_is_blank = index + 1 < len(lines) and not lines[index + 1]
    return next_is_blank or not following[:1].islower()


def _is_tagline(line: str) -> bool:
    """A site's description under its name: 'Информационное агентство России'."""
    if _URL.search(line) or line.endswith("."):
        return False
    words = [fold(word) for word in _LETTER_WORD.findall(line)]
    return len(words) <= 6 and bool(ORGANISATION_WORDS & set(words))


# ---------------------------------------------------------------- body

_TERMINAL = '.!?:;"”»)…'
_CAPITAL = "A-ZА-ЯЁƏÜÖĞİŞÇ"
_PLACE = rf"[{_CAPITAL}][\w'’-]+(?:[ -][{_CAPITAL}][\w'’-]+){{0,2}}"
_DATELINE_CREDIT = (
    r"(?:\(\s{0,2}(?P<paren>[^()\n]{2,40}?)\s{0,2}\)"
    r"|/\s{0,2}(?P<slashed>[^/\n]{2,60}?)\s{0,2}/"
    # APA's "Baku. Hikmet Aslanli - APA.": a reporter, then the agency.
    r"|(?:(?P<reporter>[^\s()/,.:;–—-][^()/,.:;–—\n-]{1,40}?)\s[-–—]\s{1,2})?"
    r"(?P<bare>[^\s()/,.:;–—-][^()/,:;–—\n]{0,30}?)(?:/|(?=\s{0,2}[-–—:.]|$)))"
)
_DATELINE_END = r"\s{0,3}(?:[—–-]{1,2}|[.:])?(?=\s|$)"
# "BAKU, March 3 (Trend) -", "Баку. 19 ноября. ИНТЕРФАКС -", "Bakı. 5 iyun. REPORT.AZ/",
# "Москва, 5 июня 2021 года.": a place, then a date, a credit or both.
_DATELINE_WITH_CREDIT = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s{{0,2}}{_PLACE})?)(?!\w)"
    rf"(?:[,.]\s{{0,3}}(?P<date>{ANY_DATE_PATTERN}))?"
    rf"[.,]?\s{{0,3}}[—–-]?\s{{0,3}}{_DATELINE_CREDIT}{_DATELINE_END}"
)
_DATELINE_DATE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s{{0,2}}{_PLACE})?)[,.]\s{{0,3}}(?P<date>{ANY_DATE_PATTERN})"
    rf"{_DATELINE_END}"
)
# Turan's "Bakı/23.09.02/Turan:": place, date with a two-digit year, agency.
_SLASHED_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})/(?P<date>[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{2,4}})/"
    r"(?P<bare>[^/:\n]{2,30}?):(?=\s|$)"
)
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
    """'BAKU, March 3 (Trend) - ...': a dateline gives a date and credit, then leaves the body.

    Tried on the first two paragraphs: a standfirst may stand above the lead.
    """
    for position in range(min(2, len(paragraphs))):
        rest = _cut_dateline(paragraphs[position], findings, sources)
        if rest is not None:
            kept = [rest] if rest else []
            return [*paragraphs[:position], *kept, *paragraphs[position + 1 :]]
    return paragraphs


def _cut_dateline(paragraph: str, findings: _Findings, sources: KnownSources) -> str | None:
    """The paragraph without its dateline, or None when it opens with none."""
    parts = _dateline_parts(paragraph, sources)
    if parts is None:
        return None
    match, credit = parts
    date = match.groupdict().get("date")
    if date:
        found = find_date(date) or short_year_date(date, findings.today)
        findings.note_date(found or DateFound(PublishedDate.unknown(), (0, 0)), _DateRank.DATELINE)
    findings.claim(Claim.DATELINE, credit)
    reporter = match.groupdict().get("reporter")
    if reporter and looks_like_person(reporter.strip()):
        findings.bylines.append(reporter.strip())
    return paragraph[match.end() :].strip()


def _dateline_parts(
    paragraph: str, sources: KnownSources
) -> tuple[re.Match[str], str | None] | None:
    """The dateline a paragraph opens with and the outlet it credits, if it opens with one."""
    for pattern in (_DATELINE_WITH_CREDIT, _SLASHED_DATELINE):
        match = pattern.match(paragraph)
        credit = _dateline_credit(match, sources) if match else None
        if match and credit:
            return match, credit
    match = _DATELINE_DATE.match(paragraph)
    return (match, None) if match else None


def _dateline_credit(match: re.Match[str], sources: KnownSources) -> str | None:
    """The outlet a dateline credits, if its credit names one ('Корр. ИТАР-ТАСС …' does)."""
    bare = match.group("bare")
    if bare:
        named = sources.named(bare)
        return named or (bare.strip() if bare.isupper() and " " not in bare.strip() else None)
    credit = (match.group("paren") or match.group("slashed") or "").strip()
    named = sources.named(credit) or sources.mentioned_in(credit)
    if named:
        return named
    return credit if looks_like_source(credit) and credit[:1].isupper() else None


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


def _fallback_body(text: str) -> str:
    """When every line looked like page furniture, the text itself is still the article."""
    paragraphs = _paragraphs(_clean_lines(text))
    return "\n\n".join(paragraphs) or " ".join(text.split())
