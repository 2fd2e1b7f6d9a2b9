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

Reading dates lives in dates.py and recognising sources and credits in
sources.py; this module decides which line each is tried on.

Every pattern is compiled once, anchored to a line and bounded, so the cost
grows linearly with the file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from articles.ingest.dates import (
    ANY_DATE_PATTERN,
    HEADER_DATE_LINE,
    DateFound,
    date_only_line,
    find_date,
)
from articles.ingest.document import ParsedArticle, PublishedDate
from articles.ingest.language import detect_language
from articles.ingest.sources import (
    BANNER,
    CREDIT_PREFIX,
    QUOTES,
    KnownSources,
    default_sources,
    looks_like_person,
    looks_like_source,
    split_credit,
)

TITLE_MAX_CHARS = 90


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


class NoArticleText(ValueError):
    """Text with no letter or digit in it: nothing to archive."""


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
    "paylaş çap et göndər a on via in в"
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

    def note_date(self, found: DateFound) -> None:
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
            findings.note_source(sources.named(value) or value.strip(QUOTES + " ."))
        return True
    url_line = _URL_LINE.match(line)
    if url_line:
        findings.note_url(url_line.group("url"), sources)
        return True
    if len(line) <= 200 and _REPRINT_LINE.search(line):
        findings.note_source(sources.mentioned_in(line))
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

_HEADLINE_END = re.compile(r"[.,;:\-–—]$")


def _credit(text: str, findings: _Findings, sources: KnownSources) -> None:
    """Note a credit such as 'John Smith, Trend': people as bylines, the rest as source."""
    credit = split_credit(text, sources)
    findings.bylines.extend(credit.people)
    for name in credit.source_names:
        findings.note_source(name)


def _take_date_header(lines: list[str], findings: _Findings, sources: KnownSources) -> list[str]:
    """The ' date 2019-11-25 By Trend' line: the date, the credit, or the body's first words."""
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None:
        return lines
    match = HEADER_DATE_LINE.match(lines[first])
    if not match:
        return lines
    found = find_date(match.group("date"))
    if found is None:
        return lines
    findings.note_date(found)
    rest = (match.group("rest") or "").strip()
    credit = CREDIT_PREFIX.match(rest)
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
    banner = BANNER.match(line)
    if banner:
        findings.note_source(sources.named(banner.group("name")) or banner.group("name").strip())
        return True
    date_line = date_only_line(line)
    if date_line:
        findings.note_date(date_line)
        return True
    credit = CREDIT_PREFIX.match(line)
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


def _dateline_credit(suffix: str) -> str:
    return (
        rf"(?:\(\s*(?P<credit{suffix}>[^()\n]{{2,40}}?)\s*\)"
        rf"|/\s*(?P<slashed{suffix}>[^/\n]{{2,40}}?)\s*/)"
    )


# A dateline needs a date or a credit after the place: "BAKU, March 3." or "BAKU (Trend) -".
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*[A-ZА-ЯЁƏ][\w-]+)?)"
    rf"(?:,\s*(?P<date>{ANY_DATE_PATTERN})\.?\s*{_dateline_credit('')}?|\s*{_dateline_credit('2')})"
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
    if credit and not (sources.named(credit) or looks_like_source(credit)):
        return paragraphs
    if match.group("date"):
        findings.note_date(
            find_date(match.group("date")) or DateFound(PublishedDate.unknown(), (0, 0))
        )
    if credit:
        findings.note_source(sources.named(credit) or credit)
    rest = paragraphs[0][match.end() :].strip()
    return [rest, *paragraphs[1:]] if rest else paragraphs[1:]


def _take_closing_byline(
    paragraphs: list[str], findings: _Findings, sources: KnownSources
) -> list[str]:
    if len(paragraphs) < 2:
        return paragraphs
    last = paragraphs[-1].strip(QUOTES + " ")
    credit = CREDIT_PREFIX.match(last)
    if credit and len(last) <= 80:
        _credit(credit.group("credit"), findings, sources)
    elif len(last) <= 60 and sources.named(last.strip("()")):
        findings.note_source(sources.named(last.strip("()")))
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
    """A short readable title from the body's first sentence, cut at a word boundary."""
    first = next((block for block in body.split("\n\n") if not block.startswith("## ")), body)
    first = first.removeprefix("## ")[:400]
    end = _SENTENCE_END.search(first)
    sentence = (first[: end.start()] if end else first).strip(QUOTES + " ")
    if len(sentence) > TITLE_MAX_CHARS:
        sentence = sentence[: TITLE_MAX_CHARS + 1].rsplit(" ", 1)[0]
        words = sentence.split(" ")
        while len(words) > 3 and words[-1].lower().strip(QUOTES + ",;:") in _TRAILING_SMALL_WORDS:
            words.pop()
        sentence = " ".join(words)
    title = sentence.rstrip(QUOTES + " ,;:.-–—(").strip()
    if title.count('"') % 2:
        title = title.replace('"', "")
    return title or body[:TITLE_MAX_CHARS].strip()


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
    source = findings.credited_source or sources.attributed_in(body)
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
