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
in chrome.py, where the article's text stands among the chrome by the shape of its
lines in blocks.py (asked where the rules are weakest: another story's title or date
above the text), the first pass in furniture.py, what the passes learn and how
it is settled in findings.py, the headline's choice in headline.py and
datelines in datelines.py; this module decides which line each is tried on
and what each finding counts for.

Every pattern is compiled once, anchored to a line and bounded, so the cost
grows linearly with the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import re

from articles.ingest.blocks import PageBlocks, Role
from articles.ingest.chrome import (
    CACHE_BANNER_LINES,
    cached_page_address,
    is_cache_note,
    is_chrome,
    is_footer_marker,
    is_post_mark,
    is_row_of_controls,
    is_rubric,
    is_widget_row,
)
from articles.ingest.datelines import Dateline, find_dateline
from articles.ingest.dates import (
    HEADER_DATE_LINE,
    SEGMENT_SEPARATOR,
    DateFound,
    bare_date_line,
    closing_stamp,
    date_only_line,
    dated_before_capture,
    dated_by_weekday,
    dated_on,
    day_and_month,
    find_date,
    is_weekday,
    short_year_date,
    slashed_date,
    slashed_day_first,
    web_capture,
    year_month,
)
from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.findings import DateRank, Findings
from articles.ingest.furniture import drop_furniture, is_banner, listing_credit
from articles.ingest.headline import (
    BODY_CHARS_READ,
    LABELLED_BYLINE,
    TERMINAL,
    archive_note_parts,
    choose_headline,
    content_stems,
    header_end,
    index_after_filled,
    is_editors_note,
    is_masthead,
    is_paragraph,
    is_periodical_title,
    is_rubric_like,
    is_tagline,
    is_text_columns,
    join_wrapped_header,
    split_glued_dates,
)
from articles.ingest.language import WORD, detect_language, fold, word_set
from articles.ingest.sources import (
    CREDIT_PREFIX,
    QUOTES,
    Claim,
    KnownSources,
    default_sources,
    is_domain_name,
    is_social_network,
    looks_like_outlet_name,
    looks_like_person,
    split_credit,
)

TITLE_MAX_CHARS = 90
MENTIONS_CHARS = 50_000
ELLIPSIS = "…"


class NoArticleText(ValueError):
    """Text with too little prose in it to be an article: nothing to archive."""


# ---------------------------------------------------------------- line cleaning

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_SCRIPT_BLOCK = re.compile(
    r"<(script|style)\b[^<>]{0,300}>[^<]{0,50000}</(?:script|style)\s*>", re.I
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,500})?/?>")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_COLUMN_GAP = re.compile(r" {3,}")
# "Report.az   |   17.01.2025": a gap around a bar is one separator, not three.
_REPEATED_BARS = re.compile(r"(?: \|){2,} ")
_SPACE_RUN = re.compile(r" {2,}")
# A menu typed with two spaces between its items: "Current Issue  Archive  Editorial Board".
_TWO_SPACE_GAP = re.compile(r"(?<=\S) {2}(?=\S)")
# A menu's item: one to three words, or a dotted abbreviation ('U.S.', 'U.K.', 'С.-Пб.').
_MENU_ITEM = re.compile(
    r"[A-ZА-ЯЁƏÜÖĞİŞÇ][^\s.,:;!?«»\"“”()]*(?: [^\s.,:;!?«»\"“”()]+){0,2}"
    r"|(?:[A-ZА-ЯЁ][a-zа-яё]{0,2}\.-?){2,3}"
)
MENU_ROW_MIN_ITEMS = 4
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
            line = _REPEATED_BARS.sub(" | ", _COLUMN_GAP.sub(" | ", line.strip()))
            line = _spaced_widget_row(_spaced_menu_row(line))
        line = _SPACE_RUN.sub(" ", line).strip()
        lines.append(_SPACE_BEFORE_PUNCT.sub(r"\1", line))
    return lines


def _spaced_menu_row(line: str) -> str:
    """'Россия  Мир  Бывший СССР  Экономика': two spaces between short capitalised items
    with no sentence mark are a menu's gaps (shown as ' | '); in prose they follow a full stop."""
    items = _TWO_SPACE_GAP.split(line)
    if len(items) >= MENU_ROW_MIN_ITEMS and all(_MENU_ITEM.fullmatch(item) for item in items):
        return " | ".join(items)
    return line


def _spaced_widget_row(line: str) -> str:
    """'Monday, 19 August 2024  Baku +33°C  USD/AZN 1.70': two spaces part a widget row's
    items too, so that its date stays a column of its own, as it does with wider gaps."""
    if "  " in line and is_widget_row(line):
        return _TWO_SPACE_GAP.sub(" | ", line)
    return line


# ---------------------------------------------------------------- header zone


def _credit(text: str, findings: Findings, sources: KnownSources) -> None:
    """Note a credit such as 'John Smith, Trend': people as bylines, the rest as outlets."""
    credit = split_credit(text, sources)
    findings.bylines.extend(credit.people)
    for name in credit.source_names:
        findings.claim(Claim.CREDIT, name)


def _take_date_header(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
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
    rest = (match.group("rest") or "").strip()
    if is_widget_row(rest):
        # ' date 2025-10-14 USD 1.7000': the date of a currency widget's row is its clock's.
        return [*lines[:first], *lines[first + 1 :]]
    findings.note_date(found, DateRank.HEADER)
    credit = CREDIT_PREFIX.match(rest)
    if credit and len(rest) <= 60:
        _credit(credit.group("credit"), findings, sources)
        rest = ""
    return [*lines[:first], *([rest] if rest else []), *lines[first + 1 :]]


# A page's address copied alone over it, without its scheme: 'lenta.ru/news/2020/11/10/…/'.
_BARE_ADDRESS = re.compile(r"^[\w-]{1,60}(?:\.[\w-]{1,60}){0,3}\.[a-z]{2,6}/\S{1,500}$")


# A copy's address stands among the top lines, over the text: under the site's name and menu.
TOP_ADDRESS_LINES = 6


def _take_top_address(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """The page's own address with no scheme before it, on a line of its own among the top
    lines ('teleqraf.com/news/2024/09/12/olya-elet-bere' under the site's menu): the site and
    the day it carries are the page's, as a 'https://' address's would be."""
    if findings.url is not None:
        return lines
    filled = [index for index, line in enumerate(lines) if line][:TOP_ADDRESS_LINES]
    for index in filled:
        if is_paragraph(lines[index]):
            return lines
        # 't.me/caspian_news' under a channel's name marks its post (furniture reads it).
        if _BARE_ADDRESS.match(lines[index]) and not is_post_mark(lines[index]):
            findings.note_url(lines[index], sources, Claim.SITE)
            return [*lines[:index], *lines[index + 1 :]]
    return lines


# What a digest of other outlets' news calls itself under or beside its name.
_DIGEST_WORDS = re.compile(
    r"(?i:press review|week in brief|news digest|"
    r"(?:daily|weekly) (?:digest|newsletter|review|brief)|"
    r"обзор (?:прессы|сми)|(?:еженедельн|ежедневн)\w{2} (?:рассылка|обзор|дайджест)|дайджест|"
    r"mətbuat icmalı|(?:həftəlik|gündəlik) (?:bülleten|icmal|xəbər bülleteni))"
)
_NAME_AND_TAGLINE = re.compile(r"^(?P<name>[^—–]{3,60}?)\s[—–]\s(?P<tagline>.{3,120})$")
DIGEST_NAME_MAX_WORDS = 6


def _take_digest_masthead(lines: list[str], findings: Findings) -> list[str]:
    """A digest's name atop its issue, with what it is beside or under it ('CAUCASUS PRESS
    REVIEW — week in brief', 'МОНИТОР СМИ' over 'Ежедневный обзор прессы'): the digest
    publishes the issue, which has no headline of its own, and the outlets its items name
    are its credits."""
    filled = [index for index, line in enumerate(lines[:8]) if line][:2]
    if not filled:
        return lines
    first = lines[filled[0]]
    beside = _NAME_AND_TAGLINE.match(first)
    if beside and _DIGEST_WORDS.search(beside.group("tagline")):
        name, taken = beside.group("name").strip(), {filled[0]}
    elif (
        len(filled) > 1
        and len(first.split()) <= DIGEST_NAME_MAX_WORDS
        and 3 <= len(lines[filled[1]].split()) <= DIGEST_NAME_MAX_WORDS + 2
        and _DIGEST_WORDS.search(lines[filled[1]])
        # A menu with a 'Дайджест' section names the site's rubric, not what the page is.
        and not is_chrome(lines[filled[1]])
    ):
        name, taken = first.strip(), set(filled)
    else:
        return lines
    if len(name.split()) > DIGEST_NAME_MAX_WORDS:
        return lines
    findings.claim(Claim.NAMED, name)
    findings.is_listing = True
    # 'Həftəlik bülleten · № 37 · Sentyabr 2017', 'e-bulletin No. 8 (2006)': the issue's day.
    for index in sorted(taken):
        if found := find_date(lines[index]):
            findings.note_date(found, DateRank.HEADER)
    return [line for index, line in enumerate(lines) if index not in taken]


def _take_cache_banner(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """A search engine's banner over its cached copy: the address it names is the page's own
    (its site and its day), and the banner's lines go, with the day the crawler copied the
    page, which is never the article's."""
    taken = set()
    for index, line in enumerate(lines[:CACHE_BANNER_LINES]):
        address = cached_page_address(line)
        if address:
            findings.note_url(address, sources, Claim.SITE)
            taken.add(index)
        elif taken and is_cache_note(line):
            taken.add(index)
    return [line for index, line in enumerate(lines) if index not in taken] if taken else lines


# A forum thread's page labels its topic ('Тема: …', 'Mövzu: …', 'Topic: …'); the posts under
# it are replies, so the topic is the page's headline. Only on a page that shows it is a forum:
# a news page's lone 'Тема: …' under its text is a rubric.
_TOPIC_LINE = re.compile(
    r"^(?i:тема|mövzu|topic|thread|konu)\s{0,2}:\s{0,3}(?P<value>\S.{1,200}?)"
    # The thread's page the copy shows: '(səhifə 1 / 3)', '(страница 2)', '(page 2 of 5)'.
    r"(?:\s{0,3}[(\[]?(?i:səhifə|səh\.|страница|стр\.|page)\s{0,2}(?P<page>[0-9]{1,4})\b[^)\]]{0,12}[)\]]?)?$"
)
_THREAD_PAGER = re.compile(
    r"(?i:(?:страница|səhifə|page)\s{0,2}(?P<page>[0-9]{1,4})\s{0,2}(?:из|of|/)\s{0,2}[0-9])"
)
_FORUM_MARK = re.compile(
    r"(?i:\bфорум|\bforum|сообщени[йея]\s{0,2}(?:#|:)|ответов\s{0,2}:|просмотров\s{0,2}:|"
    r"replies\s{0,2}:|views\s{0,2}:|posts\s{0,2}:|cavablar\s{0,2}:|baxış\w{0,4}\s{0,2}:|"
    r"mesaj\s{0,2}#|post\s{0,2}#|yazan\s{0,2}:|yazıb\s{0,2}:|автор\s{0,2}:|author\s{0,2}:)"
)
FORUM_TOPIC_LINES = 8
FORUM_MARK_LINES = 12


# A forum's window title as the board software writes it: 'Форум X :: Просмотр темы - T',
# 'X • View topic - T', 'X » Mövzuya baxış - T'. The board names itself; T is the topic.
_THREAD_TITLE = re.compile(
    r"^(?P<site>\S.{1,60}?)\s(?:::|•|»|\|)\s"
    r"(?i:просмотр темы|view topic|view thread|mövzuya bax\w{0,3}|mövzu)\s[-–—:]\s"
    r"(?P<topic>\S.{1,200})$"
)


def _take_forum_topic(lines: list[str], findings: Findings) -> list[str]:
    """A forum thread's topic label atop its first page: the topic is the headline, never the
    poster's card or the board's name. A later page of the thread opens on a reply, so its
    topic is no headline of the text it shows."""
    if findings.title is not None:
        return lines
    first = next((index for index, line in enumerate(lines[:40]) if line), None)
    if first is not None and (title := _THREAD_TITLE.match(lines[first])):
        findings.claim(Claim.NAMED, title.group("site").strip())
        lines = [*lines[:first], title.group("topic").strip(), *lines[first + 1 :]]
    top = [(index, line) for index, line in enumerate(lines[:40]) if line][:FORUM_TOPIC_LINES]
    for position, (index, line) in enumerate(top):
        if is_paragraph(line):
            return lines
        match = _TOPIC_LINE.match(line)
        if match is None:
            continue
        near = [text for _, text in top[: position + 4]]
        if not _is_forum(lines) or _later_page(match, near[position + 1 :]):
            return lines
        findings.title = match.group("value").strip()
        return [*lines[:index], *lines[index + 1 :]]
    return lines


def _is_forum(lines: list[str]) -> bool:
    filled = [line for line in lines[:40] if line][:FORUM_MARK_LINES]
    return any(_FORUM_MARK.search(line) for line in filled)


def _later_page(topic: re.Match, following: list[str]) -> bool:
    pages = [topic.group("page")]
    pages += [match.group("page") for line in following if (match := _THREAD_PAGER.search(line))]
    return any(page is not None and int(page) > 1 for page in pages)


# A page's title as the browser shows it: the headline, then the site, perhaps the day:
# 'Ferry line reopens - Trend.az', 'Паромная линия … — РИА Новости, 14.05.2015'.
_SITE_SUFFIX = re.compile(
    r"^(?P<headline>\S.{10,200}?)\s[-–—|]\s(?P<site>[^-–—|,]{2,40}?)"
    r"(?:,\s(?P<date>[^,]{6,30}))?$"
)
SUFFIXED_TITLE_MIN_WORDS = 3


def _take_site_suffix(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """The page's first line when it is its title with its site's name after it: the headline
    stays, the site is the page's own (a title names where it stands, never a wire it cites),
    and its day is read as a header's."""
    first = next((index for index, line in enumerate(lines) if line), None)
    match = _SITE_SUFFIX.match(lines[first]) if first is not None else None
    site = sources.named(match.group("site")) if match else None
    if match is None or site is None:
        return lines
    headline = match.group("headline").strip()
    # 'Ferry line reopens | Politics | Trend': the site's section may stand between.
    head, _, section = headline.rpartition(" | ")
    if head and is_rubric(section):
        headline = head
    if len(WORD.findall(headline)) < SUFFIXED_TITLE_MIN_WORDS or date_only_line(headline):
        return lines
    dated = date_only_line(match.group("date")) if match.group("date") else None
    if match.group("date") and dated is None:
        return lines
    if dated:
        findings.note_date(dated, DateRank.HEADER)
    findings.claim(Claim.SITE, site)
    return [*lines[:first], headline, *lines[first + 1 :]]


# A letter's header as a mail program shows it, in English, Russian or Azerbaijani.
_MAIL_FIELD = re.compile(
    r"^(?P<label>(?i:from|to|subject|от|кому|тема|göndərən|kimdən|kimə|mövzu|"
    # A newsgroup's post heads its text with the group, its day and its length too.
    r"newsgroups|date|дата|tarix|lines|группы|строк|sətir|"
    # and its transport's fields, which name no outlet: 'Message-ID: <…@news.example.az>'.
    r"message-id|path|references|organi[sz]ation|reply-to|sender|cc|nntp-posting-host|"
    r"x-[\w-]{1,30}|mime-version|content-type|content-transfer-encoding))\s{0,2}:\s{0,3}"
    r"(?P<value>\S.{0,300})$"
)
_SUBJECT_LABELS = frozenset(["subject", "тема", "mövzu"])
_GROUP_LABELS = frozenset(["newsgroups", "группы"])
_DATE_LABELS = frozenset(["date", "дата", "tarix"])
_LENGTH_LABELS = frozenset(["lines", "строк", "sətir"])
_SENDER_LABELS = frozenset(["from", "от", "göndərən", "kimdən"])
_ADDRESS_LABELS = frozenset(["to", "кому", "kimə", *_SENDER_LABELS])
# A sender's name beside its address: 'Caspian News <newsletter@caspiannews.com>',
# 'bulletin@rus-az-council (Russian-Azerbaijani Business Council)'.
_SENDER_NAME = re.compile(
    r"^\s*(?:\"?(?P<before>[^<>\"@]{2,60}?)\"?\s*<(?P<mailbox>[^<>@\s]{1,60})@[^<>\s]{1,120}>|"
    r"(?P<box>[^@\s]{1,60})@\S{0,120}\s*\((?P<after>[^()@]{2,60})\))\s*$"
)
# A newsroom's mailbox, not a person's: 'newsletter@…', 'digest@…', 'bulleten@…'.
_ROLE_MAILBOX = re.compile(
    r"(?i:newsletters?|digest|news|bulletin|bulleten|editors?|editorial|info|no-?reply|press|"
    r"media|subscriptions?|mailer|list|redaksiya|redaktsiya|rassylka)"
)
SENDER_NAME_MAX_WORDS = 8
MAIL_HEADER_LINES = 10


def _sender_outlet(value: str, sources: KnownSources) -> str | None:
    """The outlet a letter's sender names: 'Caspian News <newsletter@…>' sent by Caspian
    News; 'Elchin M. <elchin@…>' by a person, no outlet."""
    sender = _SENDER_NAME.match(value)
    if sender is None:
        return None
    name = (sender.group("before") or sender.group("after")).strip()
    known = sources.named(name)
    if known:
        return known
    mailbox = sender.group("mailbox") or sender.group("box")
    if _ROLE_MAILBOX.fullmatch(mailbox):
        shaped = name[:1].isupper() and len(name.split()) <= SENDER_NAME_MAX_WORDS
        return name if shaped and not re.search(r"[0-9]", name) else None
    return name if looks_like_outlet_name(name) and not looks_like_person(name) else None


def _take_mail_subject(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """A newsletter copied from a mailbox ('From: …', 'Subject: …', 'Date: …' atop it): its
    subject is its headline, which the items listed under it would otherwise outscore."""
    top = [(index, line) for index, line in enumerate(lines[: MAIL_HEADER_LINES * 2]) if line]
    fields = {}
    for index, line in top[:MAIL_HEADER_LINES]:
        match = _MAIL_FIELD.match(line)
        if match:
            fields[fold(match.group("label"))] = (index, match.group("value").strip())
    subject = next((fields[label] for label in _SUBJECT_LABELS if label in fields), None)
    # A subject with a sender or a recipient: a lone 'Тема:' line is a page's rubric.
    if subject is None or len(fields) < 2:
        return lines
    findings.title = subject[1]
    taken = {subject[0]}
    for label, (index, value) in fields.items():
        if label in _GROUP_LABELS:
            # 'Newsgroups: soc.culture.azerbaijan': the group the post went out in carries it.
            findings.claim(Claim.NAMED, value.split(",")[0].strip())
        elif label in _DATE_LABELS and (found := date_only_line(value)):
            findings.note_date(found, DateRank.HEADER)
        elif label in _SENDER_LABELS:
            # A newsletter's sender is its publisher; a person writing to a list is not. The
            # name is as the sender typed it, no masthead's capitals.
            sender = _sender_outlet(value, sources)
            if sender:
                findings.abbreviations.add(sender)
                findings.claim(Claim.NAMED, sender)
            continue
        elif label in _ADDRESS_LABELS or label in _DATE_LABELS:
            continue
        taken.add(index)
    return [line for index, line in enumerate(lines) if index not in taken]


# A press database's record labels its fields: 'HEADLINE: …', 'SECTION: …', 'LOAD-DATE: …'.
_HEADLINE_FIELD = re.compile(
    # A forum's post labels its subject too: 'Заголовок сообщения: …', 'Post subject: …'.
    r"^(?i:headline|заголовок(?: сообщения)?|başlıq|post subject|mesajın başlığı)"
    r"\s{0,2}:\s{0,3}(?P<value>\S.{0,300})$"
)
LABELLED_FIELD_LINES = 30


def _take_labelled_headline(lines: list[str], findings: Findings) -> list[str]:
    """The headline a database's record labels as one: the label is not part of it."""
    if findings.title is not None:
        return lines
    for index, line in enumerate(lines[:LABELLED_FIELD_LINES]):
        match = _HEADLINE_FIELD.match(line)
        if match:
            findings.title = match.group("value").strip()
            return [*lines[:index], *lines[index + 1 :]]
    return lines


def _read_header(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """Take metadata from the lines before the first paragraph; keep the rest (a standfirst)."""
    navigation = sum(1 for line in lines[: findings.navigation_end] if line)
    lines = split_glued_dates(join_wrapped_header(lines))
    findings.navigation_end = index_after_filled(lines, navigation)
    zone_end = header_end(lines)
    blocks = PageBlocks(lines)
    headline = None
    if not (findings.title or findings.is_listing or findings.is_post):
        after_navigation = choose_headline(lines, findings.navigation_end, zone_end, sources)
        headline = after_navigation or choose_headline(lines, 0, zone_end, sources)
        headline = _nearer_the_text(lines, headline, zone_end, blocks, sources)
        headline = _line_crumbed(lines, zone_end, findings.crumb) or headline
    masthead = _unknown_masthead(lines, headline, zone_end, findings, sources)
    if masthead is not None:
        name, as_set = _masthead_name(findings.top_line)
        if as_set:
            findings.abbreviations.add(name)
        findings.claim(Claim.NAMED, name)
    kept: list[str] = []
    far_dates = _dates_far_from_text(lines, zone_end, blocks)
    for index in range(zone_end):
        line = lines[index]
        if index == masthead or index in far_dates:
            continue
        taken = line and _take_header_line(lines, index, headline, findings, sources)
        if not taken and not is_row_of_controls(line):
            kept.append(line)
    return kept + lines[zone_end:]


# Between a headline and its text stand a date, a byline, a standfirst at most (blocks.py
# counts the lines between); dev's headlines stand 0 to 2 lines above the text in nine
# pages of ten.
BESIDE_TEXT_LINES = 2
# Items over the line beside the text that make the lines above it a list of other stories:
# a headline has its standfirst or kicker above it, not three lines of a headline's shape.
LIST_MIN_ITEMS = 3
# A headline shares this many longer words with the text under it at least.
RETOLD_MIN_STEMS = 2


def _nearer_the_text(
    lines: list[str],
    headline: int | None,
    zone_end: int,
    blocks: PageBlocks,
    sources: KnownSources,
) -> int | None:
    """The headline chosen, unless it stands in chrome among a list's items ('latest news'
    over the article) and the headline-like line beside the text, under that list, shares
    more words with the text: a page's headline is the last one over its text, which
    retells it; another story's title shares none."""
    if headline is None or blocks.role(headline) is not Role.CHROME:
        return headline
    nearer = choose_headline(lines, headline + 1, zone_end, sources)
    distance = blocks.lines_before_main(nearer) if nearer is not None else None
    if distance is None or distance > BESIDE_TEXT_LINES:
        return headline
    if blocks.items_above(nearer) < LIST_MIN_ITEMS:
        return headline
    text = content_stems(blocks.main_text(BODY_CHARS_READ))
    shared = len(content_stems(lines[headline]) & text)
    nearer_shared = len(content_stems(lines[nearer]) & text)
    return nearer if nearer_shared > shared and nearer_shared >= RETOLD_MIN_STEMS else headline


def _dates_far_from_text(lines: list[str], zone_end: int, blocks: PageBlocks) -> set[int]:
    """The header's date lines in chrome far above the text (a 'latest news' list's stamps,
    a widget's day), when another date line stands beside the text and is no list's stamp:
    that one is the page's, and the far ones are dropped unread."""
    dated = [index for index in range(zone_end) if lines[index] and date_only_line(lines[index])]
    beside = any(
        (distance := blocks.lines_before_main(index)) is not None
        and distance <= BESIDE_TEXT_LINES
        and not _is_list_stamp(lines, index)
        for index in dated
    )
    return {index for index in dated if blocks.is_far_chrome(index)} if beside else set()


def _is_list_stamp(lines: list[str], index: int) -> bool:
    """A date under an item that stands under another date: the item-and-stamp pattern of a
    list goes on, and the date is its last item's, not the page's."""
    above = [lines[back] for back in range(index - 1, -1, -1) if lines[back]][:2]
    return len(above) == 2 and bool(date_only_line(above[1])) and not date_only_line(above[0])


def _line_crumbed(lines: list[str], zone_end: int, crumb: str | None) -> int | None:
    """The header line the breadcrumb's last crumb repeats: the page's own headline, over
    any item of a menu standing one to a line between them."""
    if crumb is None:
        return None
    folded = fold(crumb.rstrip("…. "))
    for index in range(zone_end):
        line = lines[index]
        if line and fold(line).startswith(folded) and not is_chrome(line):
            return index
    return None


def _unknown_masthead(
    lines: list[str],
    headline: int | None,
    zone_end: int,
    findings: Findings,
    sources: KnownSources,
) -> int | None:
    """The page's first line when it is a site's name above the headline that the sources
    list does not know: 'Tehran Times', 'OC MEDIA', 'АЗЕРБАЙДЖАНЦЫ РОССИИ'."""
    first = next((index for index in range(zone_end) if lines[index]), None)
    if first is None or (headline is not None and first >= headline):
        return None
    # Under a menu or a network's name the first line kept is a user's or a section's;
    # the site's tagline may have been joined to its name ('ВОЛГА-ИНФОРМ информационное …').
    line = findings.top_line
    # A masthead stands above a headline; over a page with none, only a site's address
    # names the site ('Civil.ge'): 'ОФИЦИАЛЬНАЯ ХРОНИКА' there is a rubric.
    if headline is None and not is_domain_name(line):
        return None
    name, _ = _masthead_name(line)
    if (
        not lines[first].startswith(line)
        or is_rubric(name)
        or not looks_like_outlet_name(name)
        or is_social_network(name)
        or is_chrome(line)
        or date_only_line(line)
        or sources.named(name)
    ):
        return None
    return first


# A site's name and, beside it, its full name or its line about itself: 'AZPROMO —
# Azərbaycan İxracın və İnvestisiyaların Təşviqi Agentliyi', 'SOCAR | State Oil Company of
# Azerbaijan Republic', 'XAÇMAZ XƏBƏR — bölgənin xəbər portalı'.
_MASTHEAD_BESIDE = re.compile(r"^(?P<name>[^|•·—–]{2,45}?)\s(?:[|•·—–]|-)\s(?P<rest>.{3,160})$")
_ACRONYM = re.compile(r"[A-ZА-ЯЁƏÜÖĞİŞÇ][A-ZА-ЯЁƏÜÖĞİŞÇ0-9]{1,9}")
FULL_NAME_MAX_WORDS = 12


def _masthead_name(line: str) -> tuple[str, bool]:
    """The name a masthead line gives the site, and whether it is a short name in capitals
    to show as set (the logo's 'AZPROMO', which the full name beside it spells out)."""
    beside = _MASTHEAD_BESIDE.match(line)
    if beside is None:
        return line, False
    name, rest = beside.group("name", "rest")
    if _ACRONYM.fullmatch(name):
        return (name, True) if _is_full_name(name, rest) else (line, False)
    return (name, False) if _is_site_line(rest) else (line, False)


# Beside these the name is a place's or a person's: 'ASTRAKHAN REGION — Official website'
# is its government's site, 'Tarixçi Qeydləri — şəxsi bloq' a person's.
_NO_OUTLETS_LINE = re.compile(
    r"(?i:official\s(?:web\s?)?(?:site|portal)|официальный\s(?:сайт|портал)|"
    r"rəsmi\s(?:internet\s)?(?:sayt|portal)|personal\sblog|личный\sблог|şəxsi\sbloq)"
)


def _is_site_line(text: str) -> bool:
    """What a site says of itself beside its name: 'bölgənin xəbər portalı', 'news from the
    five shores', 'web version | Unsubscribe'; no sentence, no date, no issue's number."""
    return (
        len(text.split()) <= FULL_NAME_MAX_WORDS
        and not re.search(r"[0-9.!?:;]", text)
        and not _NO_OUTLETS_LINE.search(text)
    )


ACRONYM_MAX_LETTERS = 5
SPELT_OUT_MIN_WORDS = 3


def _is_full_name(acronym: str, text: str) -> bool:
    """A name spelt out, or a site's line about itself: words, no sentence, no date. In
    capitals it spells out a short name ('ASCO — AZƏRBAYCAN XƏZƏR DƏNİZ GƏMİÇİLİYİ'), or it
    is the rest of one masthead ('DİRÇƏLİŞ — XXI ƏSR')."""
    words = text.split()
    spelt_out = len(acronym) <= ACRONYM_MAX_LETTERS and len(words) >= SPELT_OUT_MIN_WORDS
    return (
        len(words) <= FULL_NAME_MAX_WORDS
        and text[:1].isupper()
        and (spelt_out or not text.isupper())
        and not re.search(r"[0-9.!?:;|]", text)
    )


def _take_header_line(
    lines: list[str], index: int, headline: int | None, findings: Findings, sources: KnownSources
) -> bool:
    line = lines[index]
    above = headline is None or index < headline
    if above and (is_banner(line, findings, sources) or is_masthead(line)):
        return True
    if above and is_editors_note(line):
        # '[Text recognised from a scanned page]' over the headline: the copy's, not the text.
        return True
    dateline = _standing_dateline(line, sources)
    if dateline and dateline.date:
        # 'Дагестан, 6 сентября 2017, 18:20 — ИА Регнум.' on its own line: the filing's day.
        found = find_date(dateline.date) or short_year_date(dateline.date, findings.today)
        place = line[: max(line.find(dateline.date), 0)]
        weekday = any(is_weekday(part.strip()) for part in place.split(","))
        if weekday and above and headline is not None:
            # 'Astana, Sunday, 29 November 2026' over the headline: the site's clock, by its city.
            return True
        if found is not None and found.published.value is not None:
            findings.note_date(found, DateRank.DATELINE)
            findings.claim(Claim.DATELINE, dateline.credit)
            return True
    note = archive_note_parts(line)
    if note is not None:
        _date_from_archive_note(note, findings)
        return True
    # 'By Anna Lee — 13 March 2024': a byline's dash parts its columns as a bar would.
    if CREDIT_PREFIX.match(line) or LABELLED_BYLINE.match(line):
        line = _byline_columns(_BYLINE_DASH.sub(" | ", line))
    date_line = date_only_line(line)
    if date_line:
        findings.note_date(date_line, _date_rank(date_line, above, headline))
        if date_line.published.value is None and findings.yearless is None:
            # 'Moscow, July 4 (AZERTAC).' over the headline: a dateline's day, its year to find.
            findings.yearless = day_and_month(line)
        # "Nigar Rustamli | Jul 2, 2025": the author shares the date's line.
        segments = [segment.strip() for segment in line.split(" | ")]
        findings.bylines.extend(s for s in segments if len(s) <= 60 and looks_like_person(s))
        # "Baku, March 12, AZERTAC" on its own line: a dateline whose agency is its credit.
        dateline = find_dateline(line, sources)
        if dateline and dateline.date and not line[dateline.end :].strip():
            findings.claim(Claim.DATELINE, dateline.credit)
        # "By AzerNews | Thursday, April 18, 2019": the credit shares it too.
        for segment in segments:
            credit = CREDIT_PREFIX.match(segment) if len(segment) <= 80 else None
            if credit:
                _credit(credit.group("credit"), findings, sources)
        return True
    credit = CREDIT_PREFIX.match(line)
    if credit and len(line) <= 80 and not is_paragraph(line):
        _credit(credit.group("credit"), findings, sources)
        return True
    labelled = LABELLED_BYLINE.match(line)
    if labelled:
        # 'Текст: Виктор Фельдман (Баку — Москва)': the writer, and where from, not the text.
        findings.bylines.append(_BYLINE_PLACE.sub("", labelled.group("names")).strip())
        return True
    if index == headline:
        findings.title = line
        _note_date_closing_headline(line, findings)
        return True
    if findings.title is not None:
        return _take_line_under_headline(line, findings)
    # Above a headline stand the site's name, taglines and rubrics, never the article.
    return headline is not None and len(WORD.findall(line)) <= 12


_CLOSING_YEAR_WORD = re.compile(r"\s*(?:года|г\.|il|ildə)?[\s.]*$")


def _note_date_closing_headline(headline: str, findings: Findings) -> None:
    """'Брифинг официального представителя МИД России …, Москва, 15 декабря 2022 года': an
    official page's title closes on the day of what it records, after a comma."""
    found = find_date(headline)
    if found is None or found.published.precision is not Precision.DAY:
        return
    before, after = headline[: found.span[0]].rstrip(), headline[found.span[1] :]
    if before.endswith(",") and _CLOSING_YEAR_WORD.fullmatch(after):
        findings.note_date(found, DateRank.DATELINE)


def _standing_dateline(line: str, sources: KnownSources) -> Dateline | None:
    """A whole line that is a place, a day and perhaps an agency; a weekday ('Tue, 09 Aug
    2016', a calendar's) or a widget's row is no place."""
    if not line[:1].isupper() or is_paragraph(line) or is_widget_row(line):
        return None
    dateline = find_dateline(line, sources)
    if dateline is None or line[dateline.end :].strip(" .") or is_weekday(line.split(",")[0]):
        return None
    return dateline


_BYLINE_DASH = re.compile(r"\s[—–]\s(?=[^—–]{4,40}$)")
_BEFORE_BYLINE_DATE = re.compile(r"\s(?i:on|at|—|–|-)$")


def _byline_columns(line: str) -> str:
    """'By Staff Reporter in Business on 7 November 2023', 'By Kamila Aliyeva March 4, 2026
    5 min read': a byline's day set apart as its own column, as a bar's would be."""
    found = find_date(line) if " | " not in line else None
    if found is None or found.published.value is None:
        return line
    start, end = found.span
    before = _BEFORE_BYLINE_DATE.sub("", line[:start].rstrip())
    return " | ".join(part for part in (before, line[start:end], line[end:].strip()) if part)


def _date_from_archive_note(parts: list[str], findings: Findings) -> None:
    """'Номер от 7 апреля 1992 года': the digitised issue's day, which its stories came out on."""
    for part in parts:
        found = date_only_line(part)
        if found and found.published.value is not None:
            findings.note_date(found, DateRank.UNDER_HEADLINE)
            return


# '(Баку — Москва)' after a writer's name: where the piece was written from.
_BYLINE_PLACE = re.compile(r"\s*\([^()]{1,40}\)\s*$")


def _date_rank(found: DateFound, above: bool, headline: int | None) -> DateRank:
    # The page's last change counts only when it shows no other date.
    if found.is_update:
        return DateRank.WIDGET_LIKE
    # A paper's issue line says the day the issue came out, weekday and all; the stories in
    # it were filed earlier ('Баку/11.05.05/Туран' in the bulletin of 12 May).
    if found.is_issue:
        return DateRank.UNDER_HEADLINE
    # The archive's folder ('Archive | 1998 | July') places the page as its address does.
    if found.is_archive:
        return DateRank.ADDRESS
    if not above:
        return DateRank.UNDER_HEADLINE
    coarse = found.published.precision is not Precision.DAY
    if found.has_weekday or (coarse and headline is not None):
        return DateRank.WIDGET_LIKE
    return DateRank.ABOVE_HEADLINE


def _take_line_under_headline(line: str, findings: Findings) -> bool:
    """The headline repeated, or an author's name standing alone under it."""
    if fold(line) == fold(findings.title or ""):
        return True
    if len(line) <= 60 and looks_like_person(line.strip(QUOTES + " ")):
        findings.bylines.append(line.strip(QUOTES + " "))
        return True
    return False


# ---------------------------------------------------------------- body

_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”»]*(?:\s[\"“«A-ZА-ЯЁƏ0-9]|$))")
_TRAILING_SMALL_WORDS = word_set(
    "a an and as at by for from in into of on or that the to with which who whose its their "
    "и в во на с со по к о об от для что как а но из за у ilə və bu da də ki"
)


# A newspaper's column wraps its lines near one width; a line that long, ending mid-phrase,
# goes on in the next, whatever case that opens with ('… haqqında' / 'Müqaviləni …').
WRAPPED_LINE_MIN_CHARS = 45


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines to paragraphs: a hard-wrapped line joins the next when that goes on in lower case,
    or when both are a column's lines and the first breaks off mid-phrase."""
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
        elif (
            current
            and current[-1] not in TERMINAL
            and (line[:1].islower() or _column_goes_on(previous, line))
        ):
            current = f"{current} {line}"
        else:
            if current:
                paragraphs.append(current)
            current = line
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _column_goes_on(previous: str, line: str) -> bool:
    """Both lines a column's, the first breaking off mid-phrase (a letter, a digit or a comma)."""
    return (
        len(previous) >= WRAPPED_LINE_MIN_CHARS
        and len(line) >= WRAPPED_LINE_MIN_CHARS // 2
        and (previous[-1].isalnum() or previous[-1] == ",")
        and not is_paragraph(previous)
    )


def _take_dateline(paragraphs: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """'BAKU, March 3 (Trend) - ...': a dateline gives a date and credit, then leaves the body.

    Tried on the first three paragraphs: a photo caption and a standfirst may stand above
    the lead.
    """
    for position in range(min(3, len(paragraphs))):
        rest = _cut_dateline(paragraphs[position], findings, sources)
        if rest is not None:
            kept = [rest] if rest else []
            after = paragraphs[position + 1 :]
            if rest and after and _headline_under_lead(rest, after[0], findings):
                findings.title = after[0]
                after = after[1:]
            return [*paragraphs[:position], *kept, *after]
    return paragraphs


# A headline a copy put under its lead retells it: most of its longer words are the lead's.
LEAD_RETOLD_MIN_STEMS = 3
LEAD_RETOLD_SHARE = 0.6
HEADLINE_MAX_WORDS = 14


def _headline_under_lead(lead: str, line: str, findings: Findings) -> bool:
    """'MOSCOW. March 2 (Interfax) - …' then 'Russia, Azerbaijan agree on grain transit via
    Caspian': a wire's copy with no headline above it whose next line, short, unpunctuated
    and alone, says what the lead says is the headline the copy dropped below the lead.
    A subheading names a part of the story, not the lead's own words."""
    if findings.title is not None or findings.is_listing or findings.is_post:
        return False
    words = WORD.findall(line)
    if not 3 <= len(words) <= HEADLINE_MAX_WORDS or line[-1] in TERMINAL or "\n" in line:
        return False
    if is_chrome(line) or is_tagline(line) or is_rubric(line):
        return False
    stems = content_stems(line)
    shared = len(stems & content_stems(lead[:BODY_CHARS_READ]))
    return shared >= LEAD_RETOLD_MIN_STEMS and shared >= LEAD_RETOLD_SHARE * len(stems)


def _cut_dateline(paragraph: str, findings: Findings, sources: KnownSources) -> str | None:
    """The paragraph without its dateline, or None when it opens with none."""
    dateline = find_dateline(paragraph, sources)
    # "ОФИЦИАЛЬНАЯ ХРОНИКА" alone is a rubric: a dateline opens text that goes on.
    if dateline is None or not (dateline.date or paragraph[dateline.end :].strip()):
        return None
    # On an aggregator's list a dateline dates its item, not the page.
    if dateline.date and not findings.is_listing:
        found = find_date(dateline.date) or short_year_date(dateline.date, findings.today)
        findings.note_date(found or DateFound(PublishedDate.unknown(), (0, 0)), DateRank.DATELINE)
        if found is None or found.published.value is None:
            findings.yearless = day_and_month(dateline.date)
    findings.claim(Claim.DATELINE, dateline.credit)
    if dateline.reporter:
        findings.bylines.append(dateline.reporter)
    return paragraph[dateline.end :].strip()


def _take_closing_byline(
    paragraphs: list[str], findings: Findings, sources: KnownSources
) -> list[str]:
    """The last paragraph goes when it only credits, signs or dates the text."""
    if len(paragraphs) >= 2 and _took_closing_line(paragraphs[-1], findings, sources):
        return paragraphs[:-1]
    return paragraphs


def _took_closing_line(paragraph: str, findings: Findings, sources: KnownSources) -> bool:
    last = paragraph.strip(QUOTES + " ")
    short = len(last) <= 60
    stamped = listing_credit(last, sources)
    if stamped:
        # A wire's closing stamp, 'ITAR-TASS 23.09.2002 17:12': its outlet and its date.
        findings.claim(Claim.CREDIT, stamped)
        findings.note_date(
            find_date(last) or DateFound(PublishedDate.unknown(), (0, 0)), DateRank.ADDRESS
        )
        return True
    credit = CREDIT_PREFIX.match(last)
    if credit and len(last) <= 80:
        _credit(credit.group("credit"), findings, sources)
        return True
    closing = find_dateline(last, sources) if short else None
    if closing and closing.date and closing.credit and not last[closing.end :].strip():
        # "Алма-Ата, 14 мая. — Интерфакс" under a paper's text: the wire item it drew on.
        findings.claim(Claim.CITED, closing.credit)
        return True
    named = sources.named(last.strip("()/—–- ")) if short else None
    if named or (short and looks_like_person(last)):
        # A bare "(Interfax)" or "— ТАСС" closing the text credits the agency it came from.
        findings.claim(Claim.CITED, named)
        findings.bylines.extend([] if named else [last])
        return True
    dated = bare_date_line(last.replace(" | ", " "))
    if dated:
        # The whole line says when ('Oct 9, 2025 at 18:22'), not a listed item or a comment.
        findings.note_date(dated, DateRank.CLOSING)
    return dated is not None


# Under the text a page's stamp may stand over its own furniture (share buttons, a comment
# counter, tags, links to related pages), or share a row with it: 'Tuesday, September 30,
# 2014' over 'Print | Email | Tags: …', '25.06.2011 11:40 | Comments: 17'.
CLOSING_ZONE_PARAGRAPHS = 3
CLOSING_ZONE_CHARS = 200


def _note_stamp_over_furniture(paragraphs: list[str], findings: Findings) -> None:
    """The page's stamp among the short lines closing it, when the last line was none."""
    if any(rank is DateRank.CLOSING for rank, _ in findings.dates):
        return
    for paragraph in reversed(paragraphs[-CLOSING_ZONE_PARAGRAPHS:]):
        if len(paragraph) > CLOSING_ZONE_CHARS or is_paragraph(paragraph):
            return
        stamp = _stamp_row(paragraph)
        if stamp:
            findings.note_date(stamp, DateRank.CLOSING)
            return


def _stamp_row(line: str) -> DateFound | None:
    """A row that says when and otherwise holds only furniture: its columns are the stamp and
    buttons, counters or a labelled author ('14 April 2017 | Author: …'); a weekday beside
    the stamp is the stamp's ('Tuesday, September 30, 2014')."""
    columns = [
        part.strip()
        for column in SEGMENT_SEPARATOR.split(line)
        for part in _stamp_and_tail(column.strip())
        if part.strip()
    ]
    stamps = [found for column in columns if (found := _closing_stamp_or_issue(column))]
    others = [column for column in columns if _closing_stamp_or_issue(column) is None]
    if len(stamps) != 1 or not all(_is_closing_furniture(column) for column in others):
        return None
    return stamps[0]


# Under a printed article, the paper that ran it and the issue's day: 'Газета «Зеркало»,
# 13 октября 2017 г.', '"Xalq qəzeti", 4 iyul 1997', 'The Baku Herald, 3 March 2015'.
_PAPER_WORD = re.compile(r"(?i:газета|газеты|newspaper|qəzeti?|журнал|jurnal|journal)(?!\w)")


def _closing_stamp_or_issue(column: str) -> DateFound | None:
    stamp = closing_stamp(column)
    if stamp is not None or not _PAPER_WORD.search(column):
        return stamp
    issue = date_only_line(column)
    return issue if issue and issue.published.precision is Precision.DAY else None


def _stamp_and_tail(column: str) -> tuple[str, ...]:
    """'Опубликовано: 23 июля 2019 г. Поделиться Печать': the stamp, then the buttons typed
    on after it with no column between."""
    found = find_date(column)
    if found is None or found.published.value is None or closing_stamp(column):
        return (column,)
    head, tail = column[: found.span[1]], column[found.span[1] :]
    time = _CLOCK_AFTER_STAMP.match(tail)
    if time:
        head, tail = head + time.group(0), tail[time.end() :]
    return (head, tail) if closing_stamp(head) and tail.strip() else (column,)


_CLOCK_AFTER_STAMP = re.compile(r"[,\s]{0,3}(?:[0-9]{1,2}:[0-9]{2})?")


# The stamp's time in a column of its own: '12:45 PM · May 14, 2024 · 12.3K Views'.
_CLOCK_COLUMN = re.compile(r"^[0-9]{1,2}:[0-9]{2}(?:\s?(?i:[ap]\.?m\.?))?$")


def _is_closing_furniture(column: str) -> bool:
    return (
        is_chrome(column)
        or is_footer_marker(column)
        or LABELLED_BYLINE.match(column) is not None
        or _CLOCK_COLUMN.match(column) is not None
    )


def _mark_subheadings(paragraphs: list[str]) -> list[str]:
    """A short line standing alone between paragraphs is a subheading: '## Helicopter plant'."""
    marked = list(paragraphs)
    for index in range(1, len(paragraphs) - 1):
        text = paragraphs[index]
        if (
            len(text) <= 80
            and len(WORD.findall(text)) <= 10
            and text[-1] not in TERMINAL + ",;"
            and (text[:1].isupper() or text[:1].isdigit())
            and len(paragraphs[index + 1]) > len(text)
        ):
            marked[index] = f"## {text}"
    return marked


# A list's bullet or a post's flags before a headline ('* ALIEV, PRIMAKOV …', '🇦🇿🇷🇺 Путин …',
# '■ Gazprom and SOCAR …'), a digest item's number ('3. Azərbaycan və Rusiya …') or a live
# page's label ('LIVE | Putin's state visit …', 'CANLI — Qarabağda atəşkəs'): marks of the
# layout, not words of the title.
_LEADING_MARKS = re.compile(
    r"^(?:(?:[*•·▪►▶■□▣▸▹◆◇◾✅❗⚡🔴📌\u2600-\u27bf]|[\U0001F000-\U0001FAFF]|\ufe0f)+\s*"
    r"|[0-9]{1,2}\.\s(?=[^\W\d_])"
    r"|(?:LIVE|Live|CANLI|Canlı|ОНЛАЙН|Онлайн|ПРЯМАЯ ТРАНСЛЯЦИЯ)\s{0,2}[|—–:]\s{0,2})"
)


def _without_leading_marks(title: str) -> str:
    """'🔴 LIVE | …': a mark may stand before a label; each goes."""
    return _LEADING_MARKS.sub("", _LEADING_MARKS.sub("", title))


def _derive_title(body: str) -> str:
    """A short readable title from the body's first sentence, cut at a word with '…';
    a block with no words in it ("«»") gives way to the next."""
    split = body.split("\n\n")
    # 'Caspian Herald' over the text: a site's name left at the top names no story either.
    masthead = len(split) > 1 and looks_like_outlet_name(split[0]) and len(split[0].split()) <= 4
    blocks = [
        block
        for block in (split[1:] if masthead else split)
        if not block.startswith("## ") and not _names_no_story(block)
    ]
    for block in blocks or [body.removeprefix("## ")]:
        if title := _title_from(block):
            return title
    return _title_from(" ".join(body.replace("## ", " ").split())) or body[:TITLE_MAX_CHARS]


def _names_no_story(block: str) -> bool:
    """A periodical's title, a tagline or a kicker left above the text ('Russia & CIS General
    Newswire', 'СНГ: ПАРТНЕРСТВО'): a title derived from it would name the paper, not the story;
    two columns of a PDF side by side would mix two stories' words."""
    if is_text_columns(block[:400]):
        return True
    return "\n" not in block and (
        is_periodical_title(block) or is_tagline(block) or is_rubric_like(block) or is_rubric(block)
    )


def _title_from(block: str) -> str:
    """The block's first sentence as a title ("" when it holds no words)."""
    first = block.removeprefix("## ")[:400]
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
    # '1 243' (a view counter), 'Дзен' (a button): a sentence names a story in words.
    if len(_WORD_OF_LETTERS.findall(title)) < DERIVED_TITLE_MIN_WORDS:
        return ""
    return f"{title}{ELLIPSIS}" if cut else title


_WORD_OF_LETTERS = re.compile(r"[^\W\d_]{2,}")
# A word as prose writes it: a whitespace-delimited token of two or more letters (hyphens
# and apostrophes inside) between punctuation only, as in '"Baku,' or '(Trend)'.
_PROSE_WORD = re.compile(
    r"(?<!\S)[^\w\s]*([^\W\d_]{2,}(?:[-'’][^\W\d_]+)*|[^\W\d_](?:[-'’][^\W\d_]+)+)[^\w\s]*(?!\S)"
)
PROSE_MIN_WORDS = 3
# Every page of the real-world corpus has at least two thirds of its characters in
# words; a file under a third is symbols, code or noise, not a page copied as text.
PROSE_MIN_SHARE = 0.3
DERIVED_TITLE_MIN_WORDS = 2


# ---------------------------------------------------------------- entry point


def _refuse_what_is_not_prose(text: str) -> None:
    """NoArticleText when the text is too short or too little of it is words to be a page:
    a stray 'x', a number, a row of marks or random printable bytes."""
    if not _LETTER_OR_DIGIT.search(text):
        raise NoArticleText("no article text: the file has no letters or digits")
    words = _PROSE_WORD.findall(text)
    if len(words) < PROSE_MIN_WORDS:
        raise NoArticleText(f"no article text: fewer than {PROSE_MIN_WORDS} words")
    share = sum(map(len, words)) / len("".join(text.split()))
    if share < PROSE_MIN_SHARE:
        raise NoArticleText(
            f"no article text: only {share:.0%} of its characters are words "
            f"(a page has at least {PROSE_MIN_SHARE:.0%}); symbols, code or noise"
        )


def parse(
    text: str, known_sources: KnownSources | None = None, *, today: dt.date | None = None
) -> ParsedArticle:
    """Make a ParsedArticle of one file's decoded text; NoArticleText if it holds no text.

    `today` is the day of the import (default: the machine's): a date after
    the next day is refused as a problem, never stored.
    """
    _refuse_what_is_not_prose(text)
    sources = known_sources or default_sources()
    findings = Findings(today=today or dt.date.today())
    lines = _clean_lines(text)
    capture = web_capture(lines)
    if capture:
        lines = [line for index, line in enumerate(lines) if index not in capture.lines]
    lines = _take_cache_banner(lines, findings, sources)
    lines = _take_top_address(lines, findings, sources)
    lines = _take_digest_masthead(lines, findings)
    lines = _take_labelled_headline(_take_mail_subject(lines, findings, sources), findings)
    lines = _take_forum_topic(lines, findings)
    lines = _take_date_header(lines, findings, sources)
    lines = _take_site_suffix(lines, findings, sources)
    lines = _read_header(drop_furniture(lines, findings, sources), findings, sources)
    paragraphs = _take_dateline(_paragraphs(lines), findings, sources)
    paragraphs = _take_closing_byline(paragraphs, findings, sources)
    _note_stamp_over_furniture(paragraphs, findings)
    paragraphs = _mark_subheadings(paragraphs)
    body = "\n\n".join(paragraphs) or _fallback_body(text)
    # A title of nothing but marks ('🀀') keeps them: a page always has some title.
    raw_title = findings.title or _derive_title(body)
    title = _without_leading_marks(raw_title) or raw_title
    _date_yearless_dateline(text, findings, capture.copied_on if capture else None)
    _note_mentions(body, findings, sources)
    source, credits = findings.publisher_and_credits()
    # 'Источник: kremlin.ru', 'Фото: president.az': a state body's site gives a statement or a
    # photo, as a newsmaker does; the outlets credited are news outlets.
    credits = tuple(name for name in credits if not sources.is_official(name))
    return ParsedArticle(
        title=title,
        title_derived=findings.title is None,
        body=body,
        published=_read_slashed(_published(findings), text),
        source=source,
        byline=", ".join(dict.fromkeys(findings.bylines)),
        language=detect_language(f"{title}\n{body}"),
        url=findings.url,
        problems=tuple(findings.problems),
        credits=credits,
    )


def _note_mentions(body: str, findings: Findings, sources: KnownSources) -> None:
    """Outlets the text reports for ('told Trend') and those it cites ('according to TASS').

    Read in the first MENTIONS_CHARS of the body: an article names its
    sources early, and a megabyte file costs no more than a long article.
    """
    sample = body[:MENTIONS_CHARS]
    for name in sources.attributed_in(sample):
        # 'Rusiya Müdafiə Nazirliyi bildirib': a state body speaking is news, not a credit.
        if not sources.is_official(name):
            findings.claim(Claim.ATTRIBUTION, name)
    for name in sources.cited_in(sample):
        # 'The Russian Foreign Ministry said': a state body quoted is news, not a credit.
        if not sources.is_official(name):
            findings.claim(Claim.CITED, name)


def _date_yearless_dateline(text: str, findings: Findings, copied_on: dt.date | None) -> None:
    """'БАКУ, 11 янв' has its year where the page writes that day in full ('11.01.2021'),
    or where the one year the text writes in which that day fell on the weekday its lead
    names ('on Thursday'), or, on a web archive's copy, the year of the copy when that day
    fell shortly before it.

    A date on that day and month is the dateline's own; no year is ever guessed.
    """
    if not findings.yearless:
        return
    body = text[:MENTIONS_CHARS]
    value = (
        dated_on(body, *findings.yearless)
        or _in_filed_month(findings, *findings.yearless)
        or dated_by_weekday(body, *findings.yearless)
    )
    # A copy's address and stamps are the crawler's day: they never outrank its dateline.
    by_capture = value is None and copied_on is not None
    if by_capture:
        value = dated_before_capture(copied_on, *findings.yearless)
    if value and (by_capture or not _stamped_after(value, findings)):
        found = DateFound(PublishedDate(value, Precision.DAY), (0, 0))
        findings.note_date(found, DateRank.DATELINE)
        findings.problems = [p for p in findings.problems if "without a year" not in p]


def _in_filed_month(findings: Findings, month: int, day: int) -> dt.date | None:
    """'Moscow, July 4' on a page its site filed under 'Archive | 1998 | July' (or an address's
    '/1998/07/'): the folder's year and month are the dateline's, so its day is known."""
    for rank, published in findings.dates:
        value = published.value
        if (
            rank <= DateRank.ADDRESS
            and value is not None
            and published.precision is Precision.MONTH
            and value.month == month
        ):
            with contextlib.suppress(ValueError):
                return value.replace(day=day)
    return None


def _published(findings: Findings) -> PublishedDate:
    """The page's date; a day shown with its weekday above the headline (a calendar widget's
    place) counts where it falls in the month the site filed the page under ('Arxiv › 2001 ›
    Yanvar' over '10 yanvar 2001, çərşənbə'): a widget shows the day the page was copied,
    which an archive's old month does not hold."""
    published = findings.published()
    if published.precision is not Precision.MONTH or published.value is None:
        return published
    filed = published.value
    days = {
        candidate.value
        for rank, candidate in findings.dates
        if rank is DateRank.WIDGET_LIKE
        and candidate.precision is Precision.DAY
        and candidate.value is not None
        and (candidate.value.year, candidate.value.month) == (filed.year, filed.month)
    }
    if len(days) == 1 and any(
        rank is DateRank.ADDRESS and candidate == published for rank, candidate in findings.dates
    ):
        return PublishedDate(days.pop(), Precision.DAY)
    return published


# The header's lines where a page's own slashed date stands.
SLASHED_HEADER_LINES = 40


def _read_slashed(published: PublishedDate, text: str) -> PublishedDate:
    """A date kept only to its year because its slashed numbers read both ways ('05/12/2023')
    to the day, when the page's other slashed dates ('(14/12/2023)') say which way round it
    writes them. The page's language does not: sites in every language write both ways."""
    if published.precision is not Precision.YEAR or published.value is None:
        return published
    year = published.value.year
    header = [line for line in _clean_lines(text[:MENTIONS_CHARS]) if line][:SLASHED_HEADER_LINES]
    stamped = next(
        (
            line
            for line in header
            if (found := date_only_line(line)) is not None
            and found.published == published
            and "/" in line
        ),
        None,
    )
    if stamped is None:
        return published
    day_first = slashed_day_first(text)
    if day_first is None:
        return published
    value = slashed_date(stamped, year, day_first)
    return PublishedDate(value, Precision.DAY) if value else published


# A story is filed on its dateline's day and put out that day or within a few days.
FILING_TO_PUBLICATION_DAYS = 3


def _stamped_after(filed: dt.date, findings: Findings) -> bool:
    """Whether the page stamps itself, in full, a day or a few after its yearless dateline's
    day ('2018-09-02 04:11' over 'SOCHI, Sept. 1'): the stamp is when it was published."""
    return any(
        published.precision is Precision.DAY
        and rank <= DateRank.WIDGET_LIKE
        and 0 < (published.value - filed).days <= FILING_TO_PUBLICATION_DAYS
        for rank, published in findings.dates
    )


def _fallback_body(text: str) -> str:
    """When every line looked like page furniture, the text itself is still the article."""
    paragraphs = _paragraphs(_clean_lines(text))
    return "\n\n".join(paragraphs) or " ".join(text.split())
