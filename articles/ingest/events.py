"""The events an article reports, with their dates (read -> parse -> extract).

A meeting of the Intergovernmental Commission, an official or state visit,
talks, a phone call, the Interregional Forum or a summit, in English, Russian
or Azerbaijani, read sentence by sentence from the clean body (never from a
page's "latest news" lists, which parsing has already cut away).

An event is kept only when its sentence dates it: the timeline and the
event-date filter place events by their dates, and an undated "the
presidents discussed..." is already the article itself, dated by its
publication. A plan is an event too when it is dated ("will visit Moscow in
June 2024": `is_planned`); an undated plan ("will visit Moscow") gives none.

How a date is read, from the sentence alone:
- written in full, to the month or to the year ("on 14 March 2019", "в июне
  2021 года", "in 2019", "2019-cu ildə"): as written;
- a day and month without a year ("noyabrın 25-də"): the article's year, only
  when the sentence is in the past tense, the article is dated to the day and
  the day is not after it; `date_note` says so;
- "yesterday", "today" and their Russian and Azerbaijani words: from an
  article dated to the day; a weekday ("on Thursday", "в четверг") in a
  sentence in the past tense: that day of the week before it, or the day
  itself; `date_note` says so.
One sentence gives at most one event, of its most specific kind, and one
article one event per kind and date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from articles.ingest.dates import WEEKDAY_NUMBERS, day_and_month, find_date
from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.sentences import sentences

# An event's sentence is stored; a longer one is a run of text, not one sentence.
SENTENCE_MAX_CHARS = 1_000


class EventKind(StrEnum):
    COMMISSION = "commission"
    FORUM = "forum"
    SUMMIT = "summit"
    PHONE_CALL = "phone_call"
    VISIT = "visit"
    TALKS = "talks"


# Most specific first: "talks were held during the visit" is the visit, and a
# commission's session "held talks" is the session.
_KINDS: tuple[tuple[EventKind, re.Pattern[str]], ...] = (
    (
        EventKind.COMMISSION,
        re.compile(
            r"(?i:(?:meeting|session)\w*\s+of\s+the\s+(?:[\w-]+\s+){0,3}intergovernmental\s+commission"
            r"|intergovernmental\s+commission\W{0,3}(?:[\w-]+[\s,]+){0,6}(?:held|met|meeting|session)"
            r"|заседани\w+\s+(?:[\w-]+\s+){0,2}межправительственн\w+\s+комисси"
            r"|межправительственн\w+\s+комисси\w*\W{0,3}(?:[\w-]+[\s,]+){0,6}(?:заседани|состоял|прош)"
            r"|hökumətlərarası\s+komissiya\w*\s+(?:[\w-]+\s+){0,3}iclas)"
        ),
    ),
    (
        EventKind.FORUM,
        re.compile(r"(?i:inter-?regional\s+forum|межрегиональн\w+\s+форум|regionlararası\s+forum)"),
    ),
    (EventKind.SUMMIT, re.compile(r"(?i:\bsummit\b|\bсаммит\w*|\bsammit\w*)")),
    (
        EventKind.PHONE_CALL,
        re.compile(
            r"(?i:(?:tele)?phone\s+(?:conversation|call|talk)s?|\bby\s+(?:tele)?phone\b"
            r"|телефонн\w+\s+разговор|по\s+телефону|telefon\s+danışığı|telefonla\s+danış)"
        ),
    ),
    (
        EventKind.VISIT,
        re.compile(
            r"(?i:\b(?:official|state|working|friendly)\s+visit\b|\bvisit(?:ed|ing)?\s+(?:to\s+)?"
            r"(?:baku|moscow|azerbaijan|russia|sochi|st\.? petersburg)\b|\bpaid\s+a\s+visit"
            r"|\bвизит\w*|\bпосетил\w*"
            # Səfər is also a man's name ("Səfər Mehdiyev bildirib") and a surname's stem.
            r"|(?!(?-i:Səfər\s+[A-ZƏÜÖĞİŞÇ]))\bsəfər(?!ov|li)\w*)"
        ),
    ),
    (
        EventKind.TALKS,
        re.compile(
            r"(?i:\btalks\b|\bnegotiations\b|\bmet\s+with\b|\bпереговор\w+|\bвстретил\w+"
            r"|\bвстреч[аеуи]\s+(?:с|между)\b|\bdanışıqlar\w*|\bgörüş(?:üb|dü|ü|ündə)\b)"
        ),
    ),
)

# A plan, not a report: "will visit", "состоится", "keçiriləcək".
_PLANNED = re.compile(
    r"(?i:\b(?:will|shall|is\s+to|are\s+to|to\s+be\s+held|is\s+scheduled|are\s+scheduled|"
    r"plans?\s+to|planned|expected\s+to|is\s+due\s+to|upcoming|next)\b"
    r"|\bсостоится\b|\bсостоятся\b|\bпройд[её]т\b|\bбудет\b|\bбудут\b|\bпланиру\w+|\bпредстоящ\w+"
    r"|\bнамерен\w*|\bожида\w+ся\b"
    r"|\B(?:acaq|əcək)(?:dır|dir)?\b|planlaşdırılır|gözlənilir|nəzərdə\s+tutulur)"
)
# A report of something done: English past forms, Russian past in -л, Azerbaijani -dı/-ıb
# (word endings only: a leading \w+ made every position of a sentence a start to try).
_PAST = re.compile(
    r"(?i:\b(?:was|were|had|held|met|took\s+place|visited|paid|discussed|arrived|hosted|"
    r"talked|spoke|attended|signed|opened|received)\b"
    r"|(?<=[а-яё])(?:л[аои]?(?:ся|сь)?|шл[аои]?)\b"
    r"|\B(?:dı|di|du|dü|ıb|ib|ub|üb|mışdır|mişdir|muşdur|müşdür)\b)"
)
_YEAR_ONLY = re.compile(
    r"(?i:\b(?:in|during)\s+(?P<en>(?:19|20)[0-9]{2})(?![0-9])"
    r"|\bв\s+(?P<ru>(?:19|20)[0-9]{2})\s+(?:году|г\.)"
    r"|(?<![0-9])(?P<az>(?:19|20)[0-9]{2})-?(?:ci|cı|cu|cü)\s+il(?:də|in)\b)"
)
_QUOTED = re.compile(r"[“«„\"][^“”«»„\"]{0,1000}[”»\"]")
# "Talks" is also talks in general ("after fifteen years of talks", "talks are under way"):
# a year alone dates only the kinds that name one occasion.
_DATED_BY_YEAR = frozenset(EventKind) - {EventKind.TALKS}
_TODAY = re.compile(r"(?i:\btoday\b|\bсегодня\b|\bbu\s+gün\b)")
_YESTERDAY = re.compile(r"(?i:\byesterday\b|\bвчера\b|\bdünən\b)")
# English and Russian weekdays with their preposition (Azerbaijani "bazar" is also a market).
_WEEKDAY = re.compile(
    r"(?<!\w)(?i:on|в|во)\s+(?P<weekday>(?i:" + "|".join(WEEKDAY_NUMBERS) + r"))(?!\w)"
)


@dataclass(frozen=True)
class EventMention:
    """An event an article reports: its kind, its date as precise as the sentence
    gives it, whether it is still planned, and the sentence it comes from.

    `happened_on` holds the first day of the month or year for a coarser
    precision, so it sorts; `date_note` says how a date not written in full was read.
    """

    kind: EventKind
    happened_on: dt.date
    precision: Precision
    sentence: str
    is_planned: bool = False
    date_note: str = ""


def extract_events(article: ParsedArticle) -> list[EventMention]:
    """The dated events `article`'s clean body reports, in the order it reports them."""
    found: dict[tuple[EventKind, dt.date, Precision], EventMention] = {}
    for sentence in sentences(article.body):
        event = event_in(sentence, article.published)
        if event is not None:
            found.setdefault((event.kind, event.happened_on, event.precision), event)
    return list(found.values())


def event_in(sentence: str, published: PublishedDate) -> EventMention | None:
    """The event one sentence reports, if it names one and dates it."""
    kind = next(_kinds_named(sentence), None)
    if kind is None:
        return None
    # A plan the sentence quotes someone making is not the event's: "…, he said: 'it will…'".
    is_planned = bool(_PLANNED.search(_QUOTED.sub(" ", sentence)))
    is_past = not is_planned and bool(_PAST.search(sentence))
    dated = _date_of(sentence, published, is_past=is_past, by_year=kind in _DATED_BY_YEAR)
    if dated is None:
        return None
    value, precision, note = dated
    if is_planned and _ended_before(value, precision, published):
        return None
    return EventMention(
        kind=kind,
        happened_on=value,
        precision=precision,
        sentence=sentence[:SENTENCE_MAX_CHARS],
        is_planned=is_planned,
        date_note=note,
    )


def _ended_before(value: dt.date, precision: Precision, published: PublishedDate) -> bool:
    """The date's whole day, month or year was over when the article was written:
    no plan for it then, so the date is another thing's (a body "set up in 2012")."""
    written = published.value
    if written is None or published.precision is Precision.UNKNOWN:
        return False
    if precision is Precision.YEAR or published.precision is Precision.YEAR:
        return value.year < written.year
    if precision is Precision.MONTH or published.precision is Precision.MONTH:
        return (value.year, value.month) < (written.year, written.month)
    return value < written


def _kinds_named(sentence: str) -> Iterator[EventKind]:
    return (kind for kind, pattern in _KINDS if pattern.search(sentence))


def _date_of(
    sentence: str, published: PublishedDate, *, is_past: bool, by_year: bool
) -> tuple[dt.date, Precision, str] | None:
    """The sentence's own date; else a day and month, "yesterday" or a weekday read
    against a day-precise article; else a year alone ("in 2019"), which a sentence
    also writes for things other than its event, so it is tried last."""
    found = find_date(sentence)
    if found is not None and found.published.value is not None:
        return found.published.value, found.published.precision, ""
    article_day = published.value if published.precision is Precision.DAY else None
    if found is not None:
        # A day and month without a year: the article's year or none, never another's.
        return _in_article_year(sentence, article_day) if article_day and is_past else None
    relative = article_day and (
        _relative_day(sentence, article_day)
        or (_weekday_before(sentence, article_day) if is_past else None)
    )
    if relative:
        return relative
    year = _YEAR_ONLY.search(sentence) if by_year else None
    if year is None:
        return None
    written = year.group("en") or year.group("ru") or year.group("az")
    return dt.date(int(written), 1, 1), Precision.YEAR, ""


def _in_article_year(sentence: str, article_day: dt.date) -> tuple[dt.date, Precision, str] | None:
    month_day = day_and_month(sentence)
    if month_day is None:
        return None
    try:
        value = dt.date(article_day.year, *month_day)
    except ValueError:
        return None
    if value > article_day:
        return None
    return value, Precision.DAY, f"year taken from the article's date ({article_day.isoformat()})"


def _relative_day(sentence: str, article_day: dt.date) -> tuple[dt.date, Precision, str] | None:
    if _YESTERDAY.search(sentence):
        value = article_day - dt.timedelta(days=1)
        note = f"'yesterday' read from the article's date ({article_day.isoformat()})"
        return value, Precision.DAY, note
    if _TODAY.search(sentence):
        note = f"'today' read as the article's date ({article_day.isoformat()})"
        return article_day, Precision.DAY, note
    return None


def _weekday_before(sentence: str, article_day: dt.date) -> tuple[dt.date, Precision, str] | None:
    named = _WEEKDAY.search(sentence)
    if named is None:
        return None
    number = WEEKDAY_NUMBERS[named.group("weekday").lower()]
    value = article_day - dt.timedelta(days=(article_day.weekday() - number) % 7)
    note = f"weekday read within the week of the article's date ({article_day.isoformat()})"
    return value, Precision.DAY, note
