"""The signing (read -> parse -> extract): whether it happened, when, and how many were signed.

A document is signed unless its sentence says it is planned ("will sign",
"проект соглашения", "imzalanacaq"). Its signing date is the one the text
gives beside it. What the article's own date may lend, and only to a past
signing (English, Russian and Azerbaijani past forms) in an article dated to
the day, each time said in the mention's note:

- a day and month without a year take the article's year ("on July 15"), or the
  year before when the text says so ("3 сентября прошлого года");
- "today", "сегодня", "bu gün" are the article's day, "yesterday" the day
  before, a weekday the last such day up to the article's;
- a document signed "following the talks" / "по итогам переговоров" /
  "görüşün yekununda" takes the day the lead gives for that meeting, and
  one listed under a lead that dates its signing takes that day.

A sentence after the document's that opens on it ("The document was signed
in Baku on 6 May") dates it. A past signing reported as the article's news
with no day anywhere ("Saziş imzalanıb.") takes the article's day, noted as
such: news writers expect it, and the note keeps it from passing for a fact
the text gave. A document recalled as earlier, written with another year, or
signed "following the talks" the lead does not date stays undated. For a
registered document, agreements.py prefers the register's day (within the
article's week) to any day inferred from the article's: a print paper dates
the day after the signing.
`count_documents_signed` reads "six documents were signed" for the event an
article reports, never a running total.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from articles.ingest.dates import WEEKDAY_NUMBERS, WRITTEN_YEAR, find_date, full_date
from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.sentences import Window, sentences

DATE_AFTER_CHARS = 160
# Azerbaijani writes the date first and the verb last: '1997-ci il iyulun 3-də Moskvada …
# (a long name) … Müqaviləni imzalayıblar'; the whole window before the word is read.
DATE_BEFORE_CHARS = 300
RELATIVE_DAY_CHARS = 60
COUNT_WINDOW_CHARS = 80
YEAR_NEAR_CHARS = 40

# ---------------------------------------------------------------- signed or planned

_PLANNED = re.compile(
    r"(?i:\b(?:will|shall|would|to be|are to|is to|plans? to|planned|planning|intends? to|"
    r"expected to|going to|may|might|could|ready to|draft|prepar\w+|negotiat\w+)\b"
    r".{0,40}\b(?:sign|signed|signing|conclude|adopt)\w*"
    r"|\b(?:working on|drafting|preparing|developing)\s+(?:a|an|the)\s"
    r"|\bdraft\b|\b(?:agreed|decided|instructed|intend|plan|ready|expected) to (?:prepare|draft|"
    r"conclude|sign|negotiate|work out|develop)\b"
    r"|будет подписан|будут подписаны|планиру\w+ подписать|подпишут|намерен\w* подписать|"
    r"готов\w* подписать|предстоит подписать|подготовк\w+|"
    r"проект\w* (?:соглашени|меморандум|договор)|"
    r"ускорить подготовку|"
    r"(?:ведут|вед[её]тся|продолжа\w{1,4}|ускорить|завершить)\s+работ\w{0,3}\s+над|"
    r"к подписанию|imzalanacaq|imzalanması planlaşdırılır|imzalanması nəzərdə tutulur|"
    r"imzalanması gözlənilir|hazırlan(?:ır|ması|masına|acaq)|"
    r"(?:saziş|protokol|memorandum|müqavilə|bəyannamə|proqram)\w{0,6}\s+layihə)"
)


def is_planned(window: Window) -> bool:
    """The text around the document word says its signing is still to come."""
    return bool(_PLANNED.search(window.context))


# ---------------------------------------------------------------- signing dates

# Azerbaijani's past forms from one small grammar: the stem 'imzala', a passive 'n' or a
# reciprocal 'ş', then a past tense: 'dı' (imzalandı), '(y)ıb' (imzalayıb, imzalanıb) or
# 'mış' (imzalanmışdır). A future ('imzalanacaq') or a noun ('imzalanması') has none of them.
_AZ_PAST = r"(?:dı|y?ıb|mış)\w*"
# The active voice alone says its subject signed: 'nazirlər … imzalayıblar'.
AZ_SIGNED_ACTIVE = rf"imzala(?:ş)?{_AZ_PAST}"
_AZ_SIGNED = rf"imzala(?:n|ş)?{_AZ_PAST}"
# Exchanging is signing only when documents change hands: 'exchanged views' is talk.
_EXCHANGED = (
    r"\bexchanged\s+(?:the\s+)?(?:\w+\s+)?(?:documents|instruments|texts|notes|copies)\b|"
    r"обменял\w*\s+(?:\w+\s+)?(?:документ|текст|грамот|нот|экземпляр)\w*|"
    r"\bsənəd\w*\s+mübadilə (?:edilib|olunub|ediblər)"
)
_PAST_SIGNING = re.compile(
    r"(?i:\b(?:signed|inked|concluded|adopted)\b|"
    r"\bput\s+(?:their|his|her)\s+(?:signatures?|names?)\s+(?:to|on|under)\b|"
    rf"{_EXCHANGED}|подписал\w*|подписан\w*|заключил\w*|{_AZ_SIGNED}|"
    # A statement is adopted as often as it is signed: 'приняли совместное заявление',
    # 'Birgə Bəyannamə qəbul edilib'.
    r"принял[аи]?\b|принят[аоы]?\b|qəbul (?:edil|olun)\w*|qəbul ediblər)"
)
_RELATIVE_DAY = re.compile(r"(?i:\b(?:today|this day)\b|сегодня|bu gün)")
# 'Накануне в Баку подписали …' is yesterday; 'накануне визита' (on the eve of the visit)
# is not: a lower-case word after it that is no past verb makes it the eve of something.
_YESTERDAY = re.compile(
    r"(?i:\byesterday\b|вчера|dünən)|"
    r"(?i:накануне)(?![ \t]+(?![а-яё]+(?:л|ла|ло|ли|лись|лось)\b)[а-яё]{4,})"
)
# A ceremony the lead reports: its date is the day the article's documents were signed.
_CEREMONY = re.compile(
    r"(?i:signing ceremony|ceremony of signing|церемони\w* подписания|"
    r"imzalanma(?:sı)? mərasimi|sənədlərin imzalanması)"
)
# A document recalled, not signed at the event: 'signed earlier', 'в прошлом году'.
_EARLIER = re.compile(
    r"(?i:\b(?:earlier|previously|last (?:year|month|week)|ago)\b|ранее|прошл\w+ (?:год|месяц)"
    r"|назад|keçən il|əvvəl)"
)
_LIST_MARK = "-–—•*·"
_QUOTES = '"“”«»„'
# 'for 2011–2013', 'на 2019–2024 годы', '2024–2026-cı illər üçün': the years a programme
# covers, not a year of signing.
YEAR_SPAN = re.compile(
    r"(?<![0-9])(?:19|20)[0-9]{2}\s{0,2}[-–—]\s{0,2}(?:(?:19|20)?[0-9]{2})(?![0-9])"
)
# 'starting from January 1, 2010', 'до 31 декабря 2025 года': when a term starts or ends.
_TERM_BEFORE = re.compile(
    r"(?i:\b(?:from|since|until|till|through|effective|starting|valid|с|со|до|по|начиная с)"
    r"\s{1,2}(?:the\s)?$)"
)
_TERM_YEAR = re.compile(
    r"(?i:\b(?:until|till|through|up to|for|to|до|на|по)\s{1,2}(?:the\s)?(?:year\s)?"
    r"(?:19|20)[0-9]{2}|(?:19|20)[0-9]{2}\S{0,6}\s(?:ilə|ilədək|ilinədək|qədər|-?dək))"
)
# 'Following the talks, the ministers signed …', 'По итогам консультаций …', 'Görüşün
# yekununda …': a signing at a meeting the lead has dated.
_AT_MEETING = re.compile(
    r"(?i:\b(?:following|after|at the end of|at the close of|in the course of|during)\s+"
    r"(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:meeting|talks|negotiations|session|"
    r"consultations)\b|по (?:его |её |ее |их )?итогам|в ходе|по завершении|по окончании|"
    r"\w+(?:ın|in|un|ün|nın|nin|nun|nün)\s+(?:yekununda|sonunda|gedişində))"
)
# A sentence in the future tense dates no meeting that has been: 'will meet', 'состоится',
# 'keçiriləcək'.
_FUTURE = re.compile(
    r"(?i:\b(?:will|shall)\b|состоит\w*|пройд[её]т|будет|будут|\w+(?:acaq|əcək)\b)"
)
LEAD_CHARS = 1500
EVENT_DAYS_BEFORE = 7
_WEEKDAYS = (
    r"(?i:\b(?:on\s+)?(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bв(?:о)?\s+(?P<ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b)"
)
_WEEKDAY = re.compile(_WEEKDAYS)


def signing_date(
    window: Window,
    published: PublishedDate,
    is_signed: bool,
    event: Callable[[], tuple[dt.date, str] | None] | None = None,
    lead_reports: Callable[[], bool] | None = None,
    following: Callable[[], str] | None = None,
) -> tuple[dt.date | None, str]:
    """The date the text gives for the signing, and a note when part of it was inferred.

    The closest date after the document word, else the closest before it (never
    one that starts or ends a term). A day and month without a year, "today",
    "yesterday" or a weekday take the article's date only when the sentence says
    the signing is past and the article is dated to the day; a span of years
    near the word is the period a document covers, not another year of signing.
    A document signed (or listed) without a date of its own in an article that
    reports a signing takes that event's day (`event`, asked only then:
    `event_day`), unless the text recalls it as earlier or writes another year; an item
    of a list under a lead that reports a signing (`lead_reports`) but gives no day for it
    takes the article's own day. A sentence after it that dates the signing of 'the
    document' ('The document was signed in Baku on 6 May', `following`, asked only
    when the window gives no date) dates it. A past signing the article reports as its
    news with no day anywhere takes the article's day, with a note saying so.
    """
    after, before = window.after[:DATE_AFTER_CHARS], window.before[-DATE_BEFORE_CHARS:]
    written = _signing_dates(after)
    value = written[0] if written else (_signing_dates(before) or [None])[-1]
    if value is not None:
        return value, ""
    article_day = published.value if published.precision is Precision.DAY else None
    if article_day is None or not is_signed:
        return None, ""
    # '2022-ci ildə imzalanmış … Bəyannamə' in a 2024 article: signed in another year.
    # The spans go before the cut, which may fall inside one ('for 2025–202').
    # So go the years that end a term ('2024-cü ilədək … Proqram', 'until 2000').
    near_before = _TERM_YEAR.sub(" ", YEAR_SPAN.sub(" ", before))[-YEAR_NEAR_CHARS:]
    near = f"{near_before} {_TERM_YEAR.sub(' ', YEAR_SPAN.sub(' ', after))[:YEAR_NEAR_CHARS]}"
    if any(int(year) != article_day.year for year in WRITTEN_YEAR.findall(near)):
        return None, ""
    past = bool(_PAST_SIGNING.search(window.context))
    for text in (after, before) if past else ():
        inferred = _date_in_article_year(text, article_day)
        if inferred is not None:
            return inferred
    # 'Dünən Moskvada … Sazişi imzalayıblar', '… signed a memorandum … on Tuesday': a day
    # named relative to the article's stands anywhere in the signing's sentence.
    for text in (after[:RELATIVE_DAY_CHARS], before[-RELATIVE_DAY_CHARS:], window.sentence):
        inferred = _relative_day(text, article_day) if past else None
        if inferred is not None:
            return inferred
    # 'Today marks a year since the signing of the Declaration … The document, signed … on 22
    # February 2022, …': the next sentence's full date dates it even when this one only
    # names the signing; a day without its year needs this one to say it was signed.
    if following is not None:
        inferred = _dated_by_next_sentence(following(), article_day, full_only=not past)
        if inferred is not None:
            return inferred
    listed = window.sentence.lstrip()[:1] in _LIST_MARK or _opens_with_word(window)
    if not event or not (past or listed) or _EARLIER.search(window.context):
        return None, ""
    # '… signed a separate agreement on the junction point … in 2003': the sentence dates
    # its own signing to another year, whatever the article's event.
    if _another_year(window.context, article_day.year):
        return None, ""
    found = event()
    if found is None and listed and lead_reports is not None and lead_reports():
        # '… aşağıdakı sənədlər imzalanıb:' over a list, in an article dated to the day: the
        # list is the day's news, and the lead gives no other day for it.
        return article_day, "the article's day: listed under a lead that reports the signing"
    # A signing 'following the talks' is the meeting's: one the lead does not date (or dates
    # to come) leaves it undated.
    if found is None and past and not _AT_MEETING.search(window.context):
        # 'Saziş imzalanıb.', 'have signed a memorandum' under a dateline: the day's news.
        return article_day, f"the article's day: reported signed as its news ({article_day})"
    return found or (None, "")


def _opens_with_word(window: Window) -> bool:
    """The sentence opens with the document word: a paragraph that is a document's name
    ('Agreement between … on the State Border.') is an item of the list its lead introduces."""
    # A list's item may stand in quotes: '"Agreement between … on plant quarantine";'.
    return not window.sentence[: window.start].strip(_LIST_MARK + _QUOTES + " ")


# 'The document was signed in Baku on 6 May', 'Документ подписан 20 февраля', 'Sənəd
# fevralın 20-də imzalanıb': a sentence that opens on the document it follows and dates
# its signing.
_BACK_REFERENCE = re.compile(
    r"(?i:(?:the|this|that)\s+(?:document|agreement|memorandum|protocol|plan|programme|"
    r"program|treaty|declaration|statement|road map|contract|deal|accord)s?\b|it\s+was\b|"
    r"(?:этот\s+|данный\s+)?(?:документ|соглашение|меморандум|протокол|план|программ[аy]|"
    r"договор|декларация|заявление|контракт)\b|"
    r"(?:bu\s+|həmin\s+)?(?:sənəd|saziş|memorandum|protokol|plan|proqram|müqavilə|"
    r"bəyannamə|bəyanat)\w{0,4}\b)"
)
_SIGNED_IN_SENTENCE = re.compile(
    rf"(?i:\b(?:(?:was|were|had been|has been)\s+|,\s*)signed\b|подписан\w{{0,2}}\b|{_AZ_SIGNED})"
)


def _dated_by_next_sentence(
    text: str, article_day: dt.date, full_only: bool = False
) -> tuple[dt.date, str] | None:
    """The day the sentence after a document's dates its signing, when it opens on the
    document ('The plan was signed on February 20 …'): a full date up to the article's day,
    or a day and month in the article's year."""
    verb = _SIGNED_IN_SENTENCE.search(text) if _BACK_REFERENCE.match(text) else None
    if verb is None:
        return None
    # '… signed on the anniversary of the Treaty, signed in Moscow on 3 July 1997': the
    # stretch ends where another signing begins.
    later = _SIGNED_IN_SENTENCE.search(text, verb.end())
    stretch = text[verb.end() : later.start() if later else None][:DATE_AFTER_CHARS]
    if not stretch.strip():
        # Azerbaijani writes the date before the verb: 'Sənəd fevralın 20-də imzalanıb'.
        stretch = text[: verb.start()]
    written = [day for day in _signing_dates(stretch) if day <= article_day]
    if written:
        return written[0], ""
    return None if full_only else _date_in_article_year(stretch, article_day)


def reports_signing_on(
    window: Window, published: PublishedDate, lead_reports: Callable[[], bool] | None = None
) -> dt.date | None:
    """The article's day, when the sentence reports the signing as news: past, not recalled
    as earlier, in an article dated to the day. Only a window around it may have happened.

    A paragraph that opens with the document's name ('Joint Statement by the Presidents …')
    is an item of the list its lead introduces: it is news when the lead reports a signing
    (`lead_reports`, asked only then)."""
    if published.precision is not Precision.DAY or is_planned(window):
        return None
    if _EARLIER.search(window.context):
        return None
    listed = not window.sentence[: window.start].strip(_LIST_MARK + _QUOTES + " ")
    if not _PAST_SIGNING.search(window.context) and not (
        listed and lead_reports is not None and lead_reports()
    ):
        return None
    return published.value


def lead_reports_signing(body: str, headline: str = "") -> bool:
    """The lead says documents were signed (or a signing ceremony held) as its news.

    The headline leads too ('Documents signed during the state visit' over a list of
    names), unless the lead speaks of a signing it does not report (one recalled as
    earlier, one to come): the text's own words outrank the headline's."""
    lead = list(sentences(body[:LEAD_CHARS]))
    if any(_reports_signing(sentence) for sentence in lead):
        return True
    if any(_PAST_SIGNING.search(sentence) or _CEREMONY.search(sentence) for sentence in lead):
        return False
    return _reports_signing(headline)


def _reports_signing(sentence: str) -> bool:
    return bool(
        (_PAST_SIGNING.search(sentence) or _CEREMONY.search(sentence))
        and not _PLANNED.search(sentence)
        and not _EARLIER.search(sentence)
    )


def event_day(body: str, published: PublishedDate) -> tuple[dt.date, str] | None:
    """The day an article dated to the day gives for the signing its lead reports.

    The first sentence of the lead that says documents were signed (or a
    signing ceremony held) dates it: in full (within a week before the
    article), by day and month in the article's year, or by "today",
    "yesterday" or a weekday; a sentence that gives none leaves the next one of the
    lead to. A lead that says nothing of when dates nothing here.
    """
    article_day = published.value if published.precision is Precision.DAY else None
    if article_day is None:
        return None
    earlier: list[str] = []
    for sentence in sentences(body[:LEAD_CHARS]):
        reports = _PAST_SIGNING.search(sentence) or _CEREMONY.search(sentence)
        if reports and not _PLANNED.search(sentence) and not _EARLIER.search(sentence):
            own = _day_of(sentence, article_day)
            if own is not None:
                return own
            # Undated this week: '… the Declaration signed on 22 February 2022' in a 2023
            # lead recalls a signing, and the one the article reports may come later. One
            # undated (a subheading over the lead: '… подписали в Баку основополагающий
            # документ') leaves a later sentence of the lead that reports the signing to date it.
            if _AT_MEETING.search(sentence) and not _another_year(sentence, article_day.year):
                meeting = _meeting_day(earlier, article_day)
                if meeting is not None:
                    return meeting
        earlier.append(sentence)
    return None


def _meeting_day(earlier: list[str], article_day: dt.date) -> tuple[dt.date, str] | None:
    """The day the latest of the lead's sentences before a signing 'following the talks'
    gives for the meeting, if one that is not in the future tense gives one."""
    for sentence in reversed(earlier):
        if _FUTURE.search(sentence) or _PLANNED.search(sentence):
            continue
        found = _day_of(sentence, article_day)
        if found is not None:
            day, note = found
            said = f"the day the lead gives for the meeting it followed ({day})"
            return day, f"{said}; {note}" if note else said
    return None


def _day_of(sentence: str, article_day: dt.date) -> tuple[dt.date, str] | None:
    written = full_date(sentence)
    if written is not None:
        recent = article_day - dt.timedelta(days=EVENT_DAYS_BEFORE) <= written <= article_day
        return (written, "") if recent else None
    return _date_in_article_year(sentence, article_day) or _relative_day(sentence, article_day)


def may_give_year(window: Window, published: PublishedDate, years: frozenset[int]) -> bool:
    """False when `signing_date` cannot give a date in any of `years`: cheap, and sure.

    A date's year is written in full in the text the search reads (find_date
    never guesses one); a year it infers is the article's, or the one before
    for a weekday in the first days of January. A year written near the
    document word (agreements._year_near) is inside the same text.
    """
    read = window.before[-DATE_BEFORE_CHARS:] + " " + window.after[:DATE_AFTER_CHARS]
    day = published.value
    inferred = {day.year, day.year - 1} if day else set()
    return any(year in inferred or str(year) in read for year in years)


def _signing_dates(text: str) -> list[dt.date]:
    """The complete dates written in `text`, in order, but for those that start or end a
    term ('starting from January 1, 2010'): a contract's term is not its signing."""
    dates, offset = [], 0
    while (found := find_date(text[offset:])) is not None:
        start, end = found.span
        term = _TERM_BEFORE.search(text[max(0, offset + start - 20) : offset + start])
        if found.published.precision is Precision.DAY and not term:
            dates.append(found.published.value)
        offset += max(end, 1)
    return dates


# 'until 2024', 'до 2024 года': the year a term ends.
_TERM_END_YEAR = re.compile(
    r"(?i:\b(?:until|till|through|up to|до)\s{1,2}(?:the\s)?(?:year\s)?(?:19|20)[0-9]{2})"
)


def signing_years_written(name: str) -> list[str]:
    """The years a document's name writes, but for the one a term ends ('until 2024', 'до
    2024 года'), which is not the year it was signed. The years a programme covers ('for
    2024–2026') stay: it was signed about the first."""
    return WRITTEN_YEAR.findall(_TERM_END_YEAR.sub(" ", name))


def _another_year(text: str, year: int) -> bool:
    """`text` writes a year other than `year`, beyond the years a programme covers and
    those that end a term ('until 2000', 'до 2024 года')."""
    text = _TERM_YEAR.sub(" ", YEAR_SPAN.sub(" ", text))
    return any(int(written) != year for written in WRITTEN_YEAR.findall(text))


def _date_in_article_year(text: str, article_day: dt.date) -> tuple[dt.date, str] | None:
    found = find_date(text)
    if found is None or found.published.value is not None or not found.problem:
        return None
    start, end = found.span
    # '3 сентября прошлого года', 'on 3 September last year', 'keçən ilin 3 sentyabrında'.
    last_year = _LAST_YEAR_AFTER.match(text, end) or _LAST_YEAR_BEFORE.search(text, 0, start)
    year = article_day.year - 1 if last_year else article_day.year
    value = full_date(f"{text[start:end]} {year}")
    if value is None or value > article_day:
        return None
    if last_year:
        return value, f"'last year' read from the article's date ({article_day.isoformat()})"
    return value, f"year taken from the article's date ({article_day.isoformat()})"


_LAST_YEAR_AFTER = re.compile(r"\s{0,2}(?i:(?:of )?last year|прошлого года)\b")
_LAST_YEAR_BEFORE = re.compile(r"(?i:keçən|ötən) ilin\s{1,2}$")


def _relative_day(text: str, article_day: dt.date) -> tuple[dt.date, str] | None:
    if _RELATIVE_DAY.search(text):
        return article_day, f"'today' read as the article's date ({article_day.isoformat()})"
    if _YESTERDAY.search(text):
        value = article_day - dt.timedelta(days=1)
        return value, f"'yesterday' read from the article's date ({article_day.isoformat()})"
    weekday = _WEEKDAY.search(text)
    if weekday is None:
        return None
    number = WEEKDAY_NUMBERS[(weekday.group("en") or weekday.group("ru")).lower()]
    value = article_day - dt.timedelta(days=(article_day.weekday() - number) % 7)
    return value, f"weekday read within the week of the article's date ({article_day.isoformat()})"


# ---------------------------------------------------------------- counts of documents signed

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15,
    "двадцать": 20,
    # 'пакет из шести документов': the genitive after 'из'.
    "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6,
    "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12,
    "пятнадцати": 15, "двадцати": 20,
    "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8, "doqquz": 9,
    "on": 10,
}  # fmt: skip
# '18 февраля межправительственное соглашение' is a day, not a count.
_NOT_A_DAY = (
    r"(?!\s+(?i:январ|феврал|март|апрел|ма[яй]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"january|february|march|april|may\b|june|july|august|september|october|november|"
    r"december|yanvar|fevral|aprel|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr))"
)
_NUMBER = r"(?P<number>[0-9]{1,3}|" + "|".join(_NUMBER_WORDS) + r")" + _NOT_A_DAY
# 'beş ölkə sazişlər imzalayıb', 'five countries signed agreements': the number counts the
# sides, not the documents.
_NOT_SIDES = r"(?!(?i:ölkə|dövlət|tərəf|countries|states|sides|parties|стран|государств|сторон))"
_DOCUMENTS = (
    r"(?:documents|agreements|memoranda|memorandums|deals|papers|accords|"
    r"документ\w{0,3}|соглашени\w{0,3}|межправсоглашени\w{0,3}|sənəd\w{0,5}|saziş\w{0,5})"
)
_APPROX = (
    r"(?:more than|over|about|around|nearly|almost|some|up to|at least|более|свыше|около|"
    r"порядка|почти|больше|примерно|təxminən)"
)
_SIGNED_VERB = (
    r"(?:signed|inked|exchanged|подписан\w{0,3}|подписали|imzalan\w{0,6}|imzalayıb\w{0,3}"
    # '6 sənəd mübadiləsi olub', 'sənədlər mübadilə edilib': documents changed hands.
    r"|mübadiləsi|mübadilə\s+(?:edil|olun)\w*)"
)
# 'Seven documents in all were signed', 'ümumilikdə': a total of the event's, no aside.
_IN_ALL = r"(?:(?:in all|in total|altogether|всего|ümumilikdə)\s+)?"
# 'подписали в Баку два документа', 'signed in Sochi on Friday six agreements'.
_WHERE_OR_WHEN = r"(?:(?:in|at|on|в|во)\s+[A-ZА-ЯЁ]\w+\s+|today\s+|сегодня\s+|вчера\s+)*"
# 'The leaders witnessed the signing of seven documents', 'состоялось подписание шести
# документов': the signing told as a noun.
_SIGNING_OF = r"(?:signing\s+of|подписание|imzalanması)"
# The count must be what was signed: "seven documents were signed", "signed six documents",
# "подписано шесть документов", "6 sənəd imzalanıb".
_COUNTS = (
    re.compile(
        rf"(?i:(?<!\w)(?P<approx>{_APPROX}\s+)?{_NUMBER}\s+(?:{_NOT_SIDES}[\w-]+\s+){{0,3}}?"
        rf"{_DOCUMENTS}"
        rf"\s+{_IN_ALL}(?:(?:were|have been|had been|was|были|было|был)\s+)?(?:\w+\s+)?"
        rf"{_SIGNED_VERB})"
    ),
    re.compile(
        rf"(?i:(?:{_SIGNED_VERB}|{_SIGNING_OF})\s+(?-i:{_WHERE_OR_WHEN})"
        rf"(?:(?:a total of|in total|всего|в общей сложности)\s+)?"
        rf"(?:(?:a\s+)?package of\s+|пакет\w{{0,2}}\s+из\s+)?"
        rf"(?P<approx>{_APPROX}\s+)?{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENTS}(?!\w))"
    ),
)
# Both counts need a signing verb: a sentence without one is not searched for them.
_SIGNED_VERB_ANYWHERE = re.compile(rf"(?i:{_SIGNED_VERB}|{_SIGNING_OF})")
_TOTAL_CONTEXT = re.compile(
    r"(?i:\b(?:to date|so far|since|over the years|legal framework|treaty base|legal base)\b|"
    r"за годы|с момента|договорн\w+ баз\w+|правов\w+ баз\w+|hüquqi baza\w*|bu günədək|indiyədək)"
)


def count_documents_signed(article: ParsedArticle) -> int | None:
    """How many documents the text says were signed at the event it reports, if it says.

    "Six documents were signed", "подписано шесть документов", "altı sənəd
    imzalanıb" count. A number with "more than" or "about", or one said of
    the relations' whole history ("more than 150 agreements since 1992"), is
    a running total and does not: it says nothing about the event.
    """
    # The headline counts too ('… iki mühüm sənəd imzalayıblar'), after the text's own words.
    for sentence in [*sentences(article.body), article.title or ""]:
        if not _SIGNED_VERB_ANYWHERE.search(sentence):
            continue
        for pattern in _COUNTS:
            for match in pattern.finditer(sentence):
                around = sentence[
                    max(0, match.start() - COUNT_WINDOW_CHARS) : match.end() + COUNT_WINDOW_CHARS
                ]
                if match.group("approx") or _TOTAL_CONTEXT.search(around):
                    continue
                number = match.group("number").lower()
                return int(number) if number.isdigit() else _NUMBER_WORDS[number]
    return None
