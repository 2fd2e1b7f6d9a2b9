"""Page furniture, the first pass of parsing (read -> parse -> extract).

Chrome lines (chrome.py) go wherever they stand; lines that say something
about the page go too, once noted on the `Findings`: a copyright or reprint
notice and whom it names, "Source:"/"Источник:"/"Mənbə:" credits, the page's
own address, an aggregator's item credits ("ТАСС · 19:48"), a footer's site
name, a calendar widget and its month heading, the site's banner or a print
masthead. Everything after a footer marker such as "Related news" goes.
"""

from __future__ import annotations

import re

from articles.ingest.blocks import PageBlocks
from articles.ingest.chrome import (
    first_crumb,
    is_calendar_row,
    is_chrome,
    is_copyright,
    is_footer_marker,
    is_labelled_chrome,
    is_navigation_bar,
    is_newsletter_line,
    is_photo_credit,
    is_post_head,
    is_post_mark,
    is_separator,
    is_source_link,
    is_summary_label,
    is_widget_row,
    last_crumb,
    poster_name,
)
from articles.ingest.datelines import find_dateline
from articles.ingest.dates import (
    DateFound,
    date_in_path,
    date_only_line,
    ends_in_stamp,
    find_date,
    is_today_line,
    is_weekday,
)
from articles.ingest.document import Precision, PublishedDate
from articles.ingest.findings import DateRank, Findings
from articles.ingest.headline import is_paragraph, is_tagline
from articles.ingest.language import fold
from articles.ingest.sources import (
    BANNER,
    CREDIT_PREFIX,
    QUOTES,
    Claim,
    KnownSources,
    is_domain_name,
    is_social_network,
    looks_like_outlet_name,
    looks_like_person,
)

# A credit line names an outlet, perhaps with where and when it wrote; longer is prose.
MAX_CREDIT_CHARS = 60
_SOURCE_LINE = re.compile(r"^(?P<label>(?i:source|источник|mənbə))\s*:\s*(?P<value>.{1,300})$")
_POWERED_BY = re.compile(r"^(?i:powered by|работает на|на платформе)\s{1,2}(?P<platform>.{2,40})$")
_URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"'«»]{2,500}")
_URL_LINE = re.compile(
    r"^(?:[^\W\d_]{1,20}\s*:?\s*){0,3}(?P<url>(?i:https?://|www\.)\S{2,500})$"
    # 'Адрес: vestikavkaza.ru/news/…': a print version's labelled address, without its scheme.
    r"|^(?i:address|url|link|адрес|ссылка|ünvan|keçid)\s{0,2}:\s{0,2}"
    r"(?P<bare_url>[\w.-]{2,60}\.[^\W\d_]{2,6}/\S{0,500})$"
)
_REPRINT_LINE = re.compile(
    r"(?i:when reprinting|when using|when citing|reprinting|при перепечатке|"
    r"при использовании|при цитировании|yenidən çap|istifadə edərkən|"
    r"all rights reserved|все права защищены|bütün hüquqlar)"
)
_PHOTO_CREDIT = re.compile(r"(?i:©|\(c\))\s{0,2}[^/|]{1,40}/")
_YEAR_OR_TERMS = re.compile(
    r"[0-9]{4}|(?i:reserved|защищены|hüquqlar|при |istifadə|reprint|reproduc|перепечат|yenidən)"
)
# A story page lists its sources by the time each wrote: 'ТАСС · 19:48'.
_CLOCK = re.compile(r"^[0-2]?[0-9]:[0-5][0-9]$")
_SIGNATURE_NOISE = re.compile(
    r"(?i:©|\(c\)|copyright|all rights reserved|все права защищены|bütün hüquqlar\w*|"
    r"qorunur|powered by|[0-9]{4}|[-–—,.;:|+]|18\+|12\+)"
)
_CAPITALISED = re.compile(r"[A-ZА-ЯЁƏÜÖĞİŞÇ][\w«»\"'.-]{2,}")
_LISTING_CREDIT = re.compile(
    r"^(?i:via\s)?\s{0,2}(?P<outlet>[^|·•,0-9—–]{2,40}?)\s{0,2}[|·•,—–]?\s{1,2}"
    r"(?P<rest>[0-9].{2,60})$"
)
# How long ago an aggregator saw an item: "2 days ago", "5 часов назад", "3 saat əvvəl".
_AGO = re.compile(r"^[0-9]{1,3}\s{1,2}(?i:[^\W\d_]{1,10})\s{1,2}(?i:ago|назад|əvvəl)$")
# An aggregator's item opens with its outlet in brackets: "[Интерфакс] Москва. 3 июля. …".
_BRACKETED_OUTLET = re.compile(r"^\[(?P<outlet>[^\[\]]{2,40})\]\s{1,3}(?=\S)")


def _take_credit_line(line: str, findings: Findings, sources: KnownSources) -> bool:
    """Record and drop a line that only credits an outlet or names the page's URL."""
    source_line = _SOURCE_LINE.match(line) if ":" in line else None
    if source_line:
        # "Source: <address>" is how a page names itself; "Источник:" and "Mənbə:"
        # name where a reprint came from.
        own = fold(source_line.group("label")) == "source"
        value = _take_credits_date(source_line.group("value").strip(), findings)
        url = _URL.search(value)
        if url:
            findings.note_url(url.group(0), sources, Claim.CREDIT if own else Claim.CITED)
        elif len(value) <= MAX_CREDIT_CHARS:
            findings.claim(Claim.CITED, _credited(value, sources))
        return True
    powered = _POWERED_BY.match(line)
    platform = sources.named(powered.group("platform")) if powered else None
    if platform:
        # 'Powered by LiveJournal.com' under a blog: the platform publishes the page.
        findings.claim(Claim.SITE, platform)
        return True
    url_line = _URL_LINE.match(line) if "://" in line or "www." in line or "/" in line else None
    if url_line:
        findings.note_url(url_line.group("url") or url_line.group("bare_url"), sources, Claim.SITE)
        return True
    if is_copyright(line) or (len(line) <= 300 and _REPRINT_LINE.search(line)):
        # A site signs its copyright with years or terms; a bare "(c) TASS" credits a reprint,
        # but a state body's ('© Правительство Астраханской области') is its own site's: a
        # ministry or a governor's office republishes no wire.
        named = sources.mentioned_in(line)
        own = _YEAR_OR_TERMS.search(line) or not is_copyright(line) or sources.is_official(named)
        if not _PHOTO_CREDIT.search(line):
            findings.claim(Claim.SITE if own else Claim.CITED, named)
            findings.signed_by_unknown |= bool(own and not named and _signatory(line))
            # Under a social network's post the copyright is the network's, a platform's.
            if own and not named and not findings.is_post:
                findings.claim(Claim.NAMED, copyright_holder(line))
        return True
    return False


def _take_credits_date(value: str, findings: Findings) -> str:
    """'Mənbə: Report · 04.06.2024, 11:20': the item's date shares its credit's line; the date
    is read as the one under a headline, the outlet is what the line credits."""
    columns = [column.strip() for column in _WIDGET_COLUMN.split(value)]
    if len(columns) < 2:
        return value
    kept = []
    for column in columns:
        found = date_only_line(column)
        if found is None:
            kept.append(column)
        else:
            findings.note_date(found, DateRank.UNDER_HEADLINE)
    return " · ".join(kept) if kept else value


def _credited(value: str, sources: KnownSources) -> str:
    """Whom a 'Source:' line credits: the outlet it names, or the known one its first part
    names ('Turan news agency, Baku, in Russian 1130 gmt 21 Dec 06', as monitoring writes)."""
    named = sources.named(value) or sources.mentioned_in(value.split(",", 1)[0])
    return named or value.strip(QUOTES + " .")


# Who holds a copyright: the name before the sign ('Caspian Energy © 2003–2026') or after
# it and its years ('© 2019 РИА «Дагестан». …'), up to the next sentence or separator.
_HOLDER_BEFORE = re.compile(r"^(?P<holder>[^©|·•]{2,45}?)\s*(?:©|\((?i:c)\)|(?i:copyright))")
_HOLDER_AFTER = re.compile(
    r"^(?:©|\((?i:c)\)|(?i:copyright))\s*(?:(?:©|\((?i:c)\))\s*)?"
    r"(?:[0-9]{4}(?:\s*[-–—]\s*[0-9]{4})?\s*,?\s*)?(?P<holder>[^.,;|·•©]{2,45})"
)
# Whose platform a page runs on, not who publishes it: 'Powered by vBulletin® Copyright ©…'.
_PLATFORM_MARK = re.compile(r"(?i:powered by|работает на|®)")


def copyright_holder(line: str) -> str | None:
    """The name a copyright line is signed with, when it is shaped as an outlet's name."""
    if _PLATFORM_MARK.search(line):
        return None
    # 'Copyright (c) 1996 …': the word and the sign both open the line, the holder follows.
    match = _HOLDER_AFTER.match(line) or _HOLDER_BEFORE.match(line)
    holder = match.group("holder").strip(" -–—:") if match else ""
    return holder if looks_like_outlet_name(holder) and not is_social_network(holder) else None


def _signatory(line: str) -> str | None:
    """Who signs a copyright line, once its years and legal words are gone: 'РИА «Дагестан»'."""
    names = _CAPITALISED.findall(_SIGNATURE_NOISE.sub(" ", line[:160]))
    return " ".join(names) if names else None


def _listings(lines: list[str], sources: KnownSources) -> dict[int, str]:
    """An aggregator's items credit their outlets one line each; one such line is a dateline,
    unless the page links to the item's source ('Mənbəyə keç →'): then it is an aggregator's."""
    listed = {index: listing_credit(line, sources) for index, line in enumerate(lines) if line}
    found = {index: outlet for index, outlet in listed.items() if outlet}
    if len(found) == 1 and not any(is_source_link(line) for line in lines if line):
        return {}
    return found


def _bracketed_outlet(line: str, sources: KnownSources) -> tuple[str, str] | None:
    """The outlet a '[ТАСС] …' item is credited to, and the item's text without it."""
    match = _BRACKETED_OUTLET.match(line) if line[:1] == "[" else None
    outlet = sources.named(match.group("outlet")) if match else None
    return (outlet, line[match.end() :]) if match and outlet else None


def listing_credit(line: str, sources: KnownSources) -> str | None:
    """An aggregator's item credit: 'ТАСС | 18.08.2024 21:47', 'via Report · 17 May'."""
    if len(line) > 80:
        return None
    match = _LISTING_CREDIT.match(line)
    if match is None:
        return None
    outlet = sources.named(match.group("outlet"))
    rest = match.group("rest")
    when = date_only_line(rest) or find_date(rest) or _CLOCK.match(rest) or _AGO.match(rest)
    return outlet if outlet and when else None


def drop_furniture(lines: list[str], findings: Findings, sources: KnownSources) -> list[str]:
    """The article's lines: chrome, credits and addresses go (noted), and all after the footer."""
    kept: list[str] = []
    findings.top_line = next((line for line in lines if line), "")
    seen_paragraph = False
    # A cookie banner under the footer reads as a sentence; it is no paragraph of the article.
    last_paragraph = next(
        (
            i
            for i in range(len(lines) - 1, -1, -1)
            if lines[i] and is_paragraph(lines[i]) and not is_chrome(lines[i])
        ),
        -1,
    )
    listings = _listings(lines, sources)
    stamped = _stamped_items(lines)
    findings.is_listing = findings.is_listing or _is_feed(lines)
    in_sidebar = False
    words_kept = 0
    past_header = False
    banner_end = _two_line_banner(lines, findings, sources)
    for index, line in enumerate(lines):
        if index < banner_end or index in stamped:
            continue
        if _opens_stacked_items(lines, index) and _holds_running_text(kept):
            break
        if line and index > last_paragraph and seen_paragraph and is_footer_marker(line):
            break
        # A "Most viewed" list above the article: its items run to the next blank line, or to
        # the article's own date line (an item has words beside its time).
        # An AI summary's box over or under the headline retells the story in short lines.
        opens = not seen_paragraph and (is_footer_marker(line) or is_summary_label(line))
        was_in_sidebar = in_sidebar
        in_sidebar = bool(line) and (opens or (in_sidebar and not _ends_sidebar(line)))
        if in_sidebar and not is_paragraph(line):
            continue
        if was_in_sidebar and line and not opens and _headline_over(lines, index):
            # The list ran into the article: the line over its date line is its headline.
            kept.append(lines[index - 1])
        bracketed = _bracketed_outlet(line, sources) if line else None
        if bracketed:
            findings.claim(Claim.CITED, bracketed[0])
            findings.is_listing = True
            line = bracketed[1]
        if line and index in listings:
            findings.claim(Claim.CITED, listings[index])
            # Many items are a list with no headline of its own; one item keeps its headline.
            findings.is_listing = findings.is_listing or len(listings) > 1
            if len(listings) == 1:
                # The one item an aggregator shows: its date is the item's.
                findings.note_date(
                    find_date(line) or DateFound(PublishedDate.unknown(), (0, 0)),
                    DateRank.ABOVE_HEADLINE,
                )
        elif line and findings.is_post and seen_paragraph and (stamp := _post_time(line)):
            # '3:14 PM · Apr 12, 2023 · 41.2K Views', '👁 1.4M   22 февр. 2022 в 15:21': the
            # post's own time under its text, beside its counters.
            findings.note_date(stamp, DateRank.CLOSING)
        elif line and (dated := _dated_segment(line) or _byline_without_reading_time(line)):
            kept.append(dated)
        elif line and is_post_mark(line) and _holds_running_text(kept):
            # Under a post's text its network's marks ("Forwarded message", a subscribe
            # button) close it: the page is still a post, and nothing below is its text
            # but the post's time.
            findings.is_post = True
            _note_post_time(lines[index + 1 : index + POST_TIME_LINES + 1], findings)
            break
        elif not line or not _is_dropped(
            line, kept, seen_paragraph, findings, sources, past_header
        ):
            seen_paragraph = seen_paragraph or (bool(line) and is_paragraph(line))
            kept.append(line)
            words_kept += line.count(" ") + 1 if line else 0
            # Under a sentence of text the site's banner is behind: a bare 'Trend' closing a
            # short text credits it, whatever the paragraphs' length.
            past_header = words_kept > HEADER_MAX_WORDS or past_header or _is_running_text(line)
    return kept


# A list's stamp stands on a short line of its own under its item's words.
STAMP_MAX_CHARS = 40
STAMPED_ITEM_MIN_WORDS = 3
STAMPED_SCAN_LINES = 200


def _stamped_items(lines: list[str]) -> set[int]:
    """The lines of a list above the article whose items each carry their own stamp on the
    next line ('Каспийский саммит пройдет в Тегеране' over '10 марта 2023', then the next item
    and its stamp, no blank line between): two such pairs in a row are a 'Latest news' or
    'Главное' block, and neither its items nor their dates are the article's."""
    found: set[int] = set()
    limit = min(len(lines), STAMPED_SCAN_LINES)
    index = 0
    while index < limit and not (lines[index] and is_paragraph(lines[index])):
        end = index
        while end + 1 < limit and _is_stamped_item(lines[end], lines[end + 1]):
            end += 2
        if end == index:
            # '… Dünən, 21:45' over '… Dünən, 20:10': items whose stamps close their own lines.
            while end < limit and _closes_with_stamp(lines[end]):
                end += 1
            end = end if end - index >= 2 else index
        if end - index >= 4 or (end > index and _closes_with_stamp(lines[index])):
            found.update(range(index, end))
        index = max(end, index + 1)
    return found


FEED_MIN_ITEMS = 3


def _is_feed(lines: list[str]) -> bool:
    """A feed's page ('Лента новостей', an RSS reader's view): block after block opens with
    an item's headline over its own stamp. Three such blocks make a list with no headline of
    its own; an article has one block so dated, then its text."""
    blocks = 0
    for index in range(1, min(len(lines), STAMPED_SCAN_LINES * 5)):
        # Under 'Related news' an article's page lists other stories: no feed of its own;
        # nor is a page whose prose stands apart from any item's stamp (an article's text).
        if lines[index - 1] and is_footer_marker(lines[index - 1]):
            return False
        if lines[index] and is_paragraph(lines[index]) and not _is_stamp(lines[index - 1]):
            return False
        opens_block = index < 2 or not lines[index - 2]
        if opens_block and lines[index - 1] and _is_stamped_item(lines[index - 1], lines[index]):
            blocks += 1
            if blocks >= FEED_MIN_ITEMS:
                return not _article_under(lines, index)
    return False


def _article_under(lines: list[str], index: int) -> bool:
    """Whether the page's densest run of prose (blocks.py) starts below line `index`: the
    stamped items above it are a sidebar's list over an article, not a feed."""
    main = PageBlocks(lines).main
    return main is not None and main.start > index


def _closes_with_stamp(line: str) -> bool:
    """An item closed by its stamp; in a run of them a bare day ('… 20 февраля') is one too,
    though one headline alone may end with the day it announces."""
    if not line or len(_LETTER_WORDS.findall(line)) < STAMPED_ITEM_MIN_WORDS:
        return False
    if date_only_line(line) is not None or is_chrome(line):
        return False
    end = line[-STAMP_MAX_CHARS:]
    tail = find_date(end)
    return ends_in_stamp(line) or (tail is not None and tail.span[1] == len(end))


def _is_stamped_item(line: str, following: str) -> bool:
    if not line or not following or is_paragraph(line) or _is_stamp(line):
        return False
    # A menu over a clock, a breadcrumb over the page's date: the site's bars, read elsewhere.
    if is_chrome(line) or is_navigation_bar(line) or _is_crumb_or_bar(line):
        return False
    words = _LETTER_WORDS.findall(line)
    return len(words) >= STAMPED_ITEM_MIN_WORDS and _is_stamp(following)


def _is_crumb_or_bar(line: str) -> bool:
    return any(mark in line for mark in (" | ", " » ", " › ", " > ", " / "))


def _is_stamp(line: str) -> bool:
    """'14:52', '10 марта 2023', 'Tue 10 May 2022 08:40': a time or a date alone, not an update."""
    if len(line) > STAMP_MAX_CHARS:
        return False
    if _CLOCK.match(line) or is_today_line(line):
        return True
    if is_widget_row(line):
        return False
    found = date_only_line(line)
    return found is not None and not found.is_update


BANNER_LINE_MAX_CHARS = 40
# An aggregator's other item under a rule: 'Oil prices dip (Oct. 1, 2019) — via Reuters',
# 'Neftin qiyməti ucuzlaşıb — Mənbə: Trend · 04.06.2024'.
_STACKED_ITEM = re.compile(r"\s[—–-]\s{1,2}(?i:via|source:|источник:|mənbə:)\s{0,2}[^\W_]")
STACKED_ITEM_MAX_CHARS = 200


def _opens_stacked_items(lines: list[str], index: int) -> bool:
    """Under the article's text, a rule then an item crediting its own outlet: the page
    stacks other outlets' items below its own, and none of them is this text's."""
    line = lines[index]
    if not line or len(line) > STACKED_ITEM_MAX_CHARS or not _STACKED_ITEM.search(line):
        return False
    above = next((lines[back] for back in range(index - 1, -1, -1) if lines[back]), "")
    return is_separator(above)


def _two_line_banner(lines: list[str], findings: Findings, sources: KnownSources) -> int:
    """'VALDAI' over 'Discussion Club': a site's name set on two lines at the top of its page.
    Returns the index past the banner's lines, 0 when the page opens with none."""
    filled = [index for index, line in enumerate(lines[:BANNER_SCAN_LINES]) if line][:2]
    if len(filled) < 2 or filled[1] != filled[0] + 1:
        return 0
    first, second = (lines[index] for index in filled)
    if max(len(first), len(second)) > BANNER_LINE_MAX_CHARS or sources.named(first):
        return 0
    named = sources.named(f"{first} {second}")
    if named is None:
        return 0
    findings.claim(Claim.SITE, named)
    findings.top_line = ""
    return filled[1] + 1


BANNER_SCAN_LINES = 10
_RUNNING_TEXT_WORDS = 8
# More words than a header holds (a site's name, menus, a headline, a byline): the text has
# begun, even in a column copy whose short lines are no paragraphs, and an outlet's name
# alone below it ('AZƏRTAC' under a newspaper's story) credits the text, not the page.
HEADER_MAX_WORDS = 80


def _holds_running_text(kept: list[str]) -> bool:
    """Whether a sentence of text stands among the lines kept: a network's menus and a
    channel's name above a post are short and end in no full stop."""
    return any(_is_running_text(line) for line in kept)


# A post's sentence may end in its hashtags or a pointing emoji: '… are planned. #Baku 👇'.
_TRAILING_TAGS = re.compile(r"(?:\s+(?:#\w+|[^\w\s]{1,3}))+$")


def _is_running_text(line: str) -> bool:
    text = _TRAILING_TAGS.sub("", line)
    return len(text.split()) >= _RUNNING_TEXT_WORDS and text[-1:] in '.!?…»"”'


def _is_dropped(
    line: str,
    kept: list[str],
    seen_paragraph: bool,
    findings: Findings,
    sources: KnownSources,
    past_header: bool = False,
) -> bool:
    """Whether a line is furniture; what it says about the page is noted on the way."""
    # 'Фото: © РИА Новости / …' names the picture's agency, neither the site nor a credit.
    if is_photo_credit(line):
        return True
    if is_source_link(line):
        # 'Read full story at azernews.az →': the story is that outlet's, the page another's.
        linked = _LINKED_DOMAIN.search(line)
        findings.claim(Claim.CITED, sources.from_url(linked.group(0)) if linked else None)
        return True
    if not seen_paragraph and (is_post_mark(line) or is_post_head(line)):
        # Above the mark stand the network's menus and the channel's name, never the post.
        findings.is_post = True
        poster = poster_name(line) or _channel_name(kept)
        findings.claim(Claim.NAMED, poster and _known_poster(poster, sources))
        # '9 oktyabr 2025, 16:10 · 🌐': the post's own time.
        if found := find_date(line):
            findings.note_date(found, DateRank.HEADER)
        # 'Переслано из ТАСС': the outlet a post was forwarded from is its credit.
        findings.claim(Claim.CITED, sources.mentioned_in(line))
        kept.clear()
        return True
    signed = _signer_above(kept)
    if not seen_paragraph and not past_header and not signed and is_banner(line, findings, sources):
        return True
    if _is_site_footer(line, kept, findings, sources):
        return True
    if is_newsletter_line(line):
        # An email's sender is its masthead: the agencies its items credit did not send it.
        findings.signed_by_unknown = True
        return True
    if is_calendar_row(line):
        _drop_calendar_heading(kept)
        return True
    furniture = is_footer_marker(line) or _take_credit_line(line, findings, sources)
    chrome = is_chrome(line)
    if not (furniture or (chrome and _is_dropped_chrome(line))):
        return False
    # A bar has items; one section's name alone ('Политика' under a headline) is its rubric.
    if not seen_paragraph and is_navigation_bar(line) and len(line.split()) >= 2:
        findings.navigation_end = len(kept)
        findings.crumb = last_crumb(line) or findings.crumb
        if line == findings.top_line:
            _claim_crumbs_site(line, findings, sources)
    dated = date_in_path(line) if chrome else None
    if dated:
        findings.note_date(dated, DateRank.ADDRESS)
    return True


def _claim_crumbs_site(line: str, findings: Findings, sources: KnownSources) -> None:
    """A breadcrumb at the page's top that starts from the site's own name ('Disput.Az Forum
    › Siyasət › İqtisadiyyat', 'Форум азербайджанцев России › Новости'): the site's page."""
    site = first_crumb(line)
    # One word alone ('Board', 'Topics') is a section of the site, unless it is its address.
    if (
        site is None
        or not looks_like_outlet_name(site)
        or is_social_network(site)
        or (len(site.split()) < 2 and not is_domain_name(site))
    ):
        return
    known = sources.named(site) or sources.banner(site)
    findings.claim(Claim.SITE if known else Claim.NAMED, known or site)


# What may stand beside a post's time: its clock, counters and their icons, a few words.
_BESIDE_POST_TIME = re.compile(
    r"[0-9]{1,2}:[0-9]{2}(?:\s?(?i:am|pm))?|[0-9][0-9.,]*\s?(?i:[kmк]|тыс\.?|млн)?(?!\w)|"
    r"(?i:views|просмотр\w{0,3}|baxış\w{0,3}|в|at|saat|edited|изм(?:\.|енено)|redaktə edilib)"
    r"(?!\w)|"
    r"[^\w\s]"
)


# A post's time stands right under its marks: 'Translate post' then '10:15 AM · Feb 12, 2026'.
POST_TIME_LINES = 2


def _note_post_time(lines: list[str], findings: Findings) -> None:
    stamp = next((found for line in lines if (found := _post_time(line))), None)
    if stamp:
        findings.note_date(stamp, DateRank.CLOSING)


POST_TIME_MAX_CHARS = 80


def _post_time(line: str) -> DateFound | None:
    """'10:15 AM · Feb 12, 2026 · 4,212 Views' under a post: its day, time and counters."""
    found = find_date(line) if len(line) <= POST_TIME_MAX_CHARS else None
    if found is None or found.published.value is None:
        return None
    rest = line[: found.span[0]] + " " + line[found.span[1] :]
    return found if not _BESIDE_POST_TIME.sub(" ", rest).strip() else None


_LINKED_DOMAIN = re.compile(r"[\w-]{2,40}(?:\.[\w-]{2,40}){0,3}\.[a-z]{2,6}\b")


# A channel's or a group's name: a few words, as a network shows it over the post.
CHANNEL_NAME_MAX_WORDS = 6


_NETWORK_FORUM = re.compile(r"^r/\w")


def _channel_name(kept: list[str]) -> str | None:
    """The line right over a post's marks ('Caspian Markets' over '@caspianmarkets · 18 412
    subscribers'): the channel whose post the page is, which publishes it; the network's own
    name and its menus are not."""
    above = next((line for line in reversed(kept) if line), None)
    if (
        above is None
        or len(above.split()) > CHANNEL_NAME_MAX_WORDS
        or above[-1:] in ".!?…:"
        or is_social_network(above)
        # 'r/azerbaijan': a forum of the network's, whose posts are its users'.
        or _NETWORK_FORUM.match(above) is not None
        or is_chrome(above)
        or date_only_line(above)
        or is_today_line(above)
    ):
        return None
    return above


def _known_poster(poster: str, sources: KnownSources) -> str:
    """A known outlet's name for a channel's ('APA | Xəbərlər' is APA's), else the channel's."""
    return sources.named(poster) or sources.named(poster.split(" | ")[0]) or poster


def _signer_above(kept: list[str]) -> bool:
    """'İlham Əliyev,' right above: the line is the signer's office under a law or a statement
    ('Azərbaycan Respublikasının Prezidenti'), which names its author, not the site."""
    above = kept[-1] if kept else ""
    return above.endswith(",") and looks_like_person(above[:-1].strip())


def _headline_over(lines: list[str], index: int) -> bool:
    """'Путин и Алиев приняли …' right over '19.08.2024 16:48': where a list under a
    'Лента новостей' link ends at the page's date line, the line over that date is no
    item (an item carries its time beside its words) but the article's headline."""
    if index == 0 or not lines[index - 1] or date_only_line(lines[index]) is None:
        return False
    above = lines[index - 1]
    return not is_paragraph(above) and len(_LETTER_WORDS.findall(above)) >= HEADLINE_MIN_WORDS


# Fewer words make a rubric or a menu's item ('Визит Путина в Азербайджан' has four).
HEADLINE_MIN_WORDS = 4


def _ends_sidebar(line: str) -> bool:
    """'Bakı, 14 mart 2017 11:42' or 'Siyasət | 14 mart 2017 11:42' under a 'Xəbər lenti' link:
    the page's own date line, where the article begins, not an item of the list."""
    found = date_only_line(line)
    if found is None or _TIME_LED_ITEM.match(line):
        return False
    # '28 Sentyabr 2023 Bakıda sərgi açılıb' is an item: a date then a story's words.
    rest = line[: found.span[0]] + " " + line[found.span[1] :]
    return " | " in line or len(_LETTER_WORDS.findall(rest)) <= 2


_LETTER_WORDS = re.compile(r"[^\W\d_]{3,}")
# A list item led by its time: '17:45 Dollar ucuzlaşdı'.
_TIME_LED_ITEM = re.compile(r"^[0-9]{1,2}:[0-9]{2}\s+[^\W\d_]")


# Columns of a row of widgets: 'Thu, December 26, 2024 at 5:14 AM EST · 3 min read'.
_WIDGET_COLUMN = re.compile(r"\s[|·•]\s")


# A byline's reading time after its day: 'By Kamila Aliyeva   March 4, 2026   5 min read'.
_READING_TIME_TAIL = re.compile(
    r"\s[0-9]{1,3}\s?(?i:min(?:ute)?s? read|мин\.? чтения|dəq(?:iqə)?\.? oxu\w{0,4})$"
)


def _byline_without_reading_time(line: str) -> str | None:
    """The byline and its day, the reading time (a widget's) left out; the header reads both."""
    tail = _READING_TIME_TAIL.search(line) if CREDIT_PREFIX.match(line) else None
    return line[: tail.start()] if tail and find_date(line[: tail.start()]) else None


def _dated_segment(line: str) -> str | None:
    """'02 октября 2019 в 11:34 | Время чтения: 2 мин.', '12.03.2024 | Baxış sayı: 5 212':
    a page's date shares its row with a labelled widget (reading time, views); the row is
    chrome, but its dated segment is the page's date line, read with the header's."""
    if len(line) > 160 or not _WIDGET_COLUMN.search(line):
        return None
    segments = [segment.strip() for segment in _WIDGET_COLUMN.split(line)]
    dated = [
        segment
        for segment in segments
        if not is_labelled_chrome(segment)
        and (found := date_only_line(segment)) is not None
        and not found.is_today
    ]
    others = [segment for segment in segments if segment not in dated]
    # '11.12.2012 | Baxılıb: 2 318 | Çap et': a print button may share the row.
    if len(dated) != 1 or not all(is_chrome(segment) for segment in others):
        return None
    # '27 noyabr 2026 · Cümə | USD 1.7000': the weekday keeps the date a calendar's.
    return ", ".join([dated[0], *filter(is_weekday, others)])


def _drop_calendar_heading(kept: list[str]) -> None:
    """'Ноябрь 2026' over a calendar's rows is the widget's month, not the article's date."""
    for back in (1, 2):
        heading = kept[-back] if len(kept) >= back else ""
        if heading:
            dated = date_only_line(heading)
            if dated and dated.published.precision is not Precision.DAY:
                del kept[-back]
            return


def _is_site_footer(line: str, kept: list[str], findings: Findings, sources: KnownSources) -> bool:
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


def _is_dropped_chrome(chrome_line: str) -> bool:
    """Whether a line `is_chrome` finds is dropped: a date line such as "14:32 / 27.04.2023"
    is read in the header (unless it is today's or labelled chrome's)."""
    if is_labelled_chrome(chrome_line):
        return True
    dated = date_only_line(chrome_line)
    return dated is None or dated.is_today


def _tagline_names(line: str, sources: KnownSources) -> str | None:
    """The outlet a tagline names; 'Quote from News.az:' names one as a tagline would,
    but quotes it."""
    named = sources.mentioned_in(line)
    return None if named is None or sources.cited_in(line) else named


def is_banner(line: str, findings: Findings, sources: KnownSources) -> bool:
    """The site's own name atop its page: '"Kaspi" publications', 'ТАСС', 'Trend.az | …'."""
    if _is_dated_dateline(line, sources):
        # 'Дагестан, 6 сентября 2017, 18:20 — ИА Регнум.' names its agency by the day it filed.
        return False
    banner = BANNER.match(line)
    if banner:
        name = banner.group("name")
        findings.claim(Claim.SITE, sources.named(name) or name.strip())
        return True
    named = (
        sources.banner(line)
        or (len(line) <= BANNER_LINE_MAX_CHARS and sources.named(line))
        or (is_tagline(line) and _tagline_names(line, sources))
        # 'Официальный сайт Правительства Астраханской области' atop the page: its owner.
        or (line == findings.top_line and sources.named_in_its_case(line))
    )
    if named and not date_only_line(line):
        findings.claim(Claim.SITE, named)
        return True
    if named and line == findings.top_line and sources.banner(line):
        # 'XALQ QƏZETİ | 10 yanvar 2001-ci il': the paper's name and the issue's date atop
        # the page; the date is read with the header's.
        findings.claim(Claim.SITE, named)
        return False
    masthead = _masthead_name(line, sources)
    if masthead:
        findings.claim(Claim.SITE, masthead)
        # The issue's date on the masthead is read with the header's dates.
        return not date_only_line(line)
    return False


def _is_dated_dateline(line: str, sources: KnownSources) -> bool:
    """A whole line that is a place, a day and an agency: a dateline, not a banner."""
    if len(line) > 120 or not line[:1].isupper():
        return False
    dateline = find_dateline(line, sources)
    return bool(dateline and dateline.date and not line[dateline.end :].strip(" ."))


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
