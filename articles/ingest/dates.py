"""Dates written in article text, a part of parsing (read -> parse -> extract).

The parser asks these questions of a line, and this module answers them in
English, Russian and Azerbaijani month names (any case, any Turkic i) or in
numbers:

- `find_date`: the first date in the text, complete ("3 March 2021",
  "March 3,2021", "25 Nov 201914:32", "2019-cu il noyabrın 25-də"), to the
  month ("March 2021"), or without a year ("March 3"), which is reported as a
  problem and left unknown: a year is never guessed. A numeric date that
  reads both ways (03/04/2021) is kept only to the year;
- `date_only_line`: whether a header line says nothing but when
  ("Updated: 03.03.2021 10:15", "2021-ci il", "22 февраля 2022 года, 15:30,
  Москва, Кремль"), and whether it is a widget's ("Сегодня: ...", a weekday);
- `date_in_url`: the date a page address carries ("/2018/09/27/", "/20201110/");
- `full_date`: the first complete date, which the extractor uses for the day
  an agreement was signed.

`HEADER_DATE_LINE` and `ANY_DATE_PATTERN` are the pieces the parser builds
its header and dateline patterns from. Every pattern is bounded (no unbounded
repetition next to another), so a line costs time linear in its length.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from articles.ingest.document import Precision, PublishedDate
from articles.ingest.language import LETTER_WORD, WORD, fold

_MONTH_NAMES = {
    1: "january jan январь января январе янв yanvar yanvarın",
    2: "february feb февраль февраля феврале фев февр fevral fevralın",
    3: "march mar март марта марте мар mart martın",
    4: "april apr апрель апреля апреле апр aprel aprelin",
    5: "may май мая мае mayın",
    6: "june jun июнь июня июне июн iyun iyunun",
    7: "july jul июль июля июле июл iyul iyulun",
    8: "august aug август августа августе авг avqust avqustun",
    9: "september sept sep сентябрь сентября сентябре сент сен sentyabr sentyabrın",
    10: "october oct октябрь октября октябре окт oktyabr oktyabrın",
    11: "november nov ноябрь ноября ноябре нояб ноя noyabr noyabrın noy",
    12: "december dec декабрь декабря декабре дек dekabr dekabrın",
}
# Keyed by the folded name; a regex with re.IGNORECASE already matches İ, I and ı
# to i, so the folded names serve as the pattern's alternatives too.
_MONTHS = {fold(name): number for number, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH_ALTERNATIVES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NO_LETTER = r"(?![^\W\d_])"
_MONTH = rf"(?i:(?P<month>{_MONTH_ALTERNATIVES})){_NO_LETTER}\.?"
_AZ_ORDINAL = r"-?(?i:ci|cı|cu|cü)"
_DAY = rf"(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th|{_AZ_ORDINAL}|-?(?i:də|da|dək|dan|dən))?(?![0-9])"
# A year may run straight into the time after it ("25 Nov 201914:32").
_YEAR = r"(?P<year>[0-9]{4})(?:(?![0-9])|(?=[0-9]{1,2}:[0-9]{2}))"
# What a date carries after its year: "года", "г.", "-cu il", so a dateline leaves none of it.
_YEAR_TAIL = (
    rf"(?:\s{{0,2}}(?i:года|год|г\.|{_AZ_ORDINAL}(?:\s{{1,2}}il(?:in|də|dən)?)?){_NO_LETTER})?"
)
MONTH_PATTERN = rf"(?i:{_MONTH_ALTERNATIVES}){_NO_LETTER}\.?"
_UNNAMED_DAY = rf"[0-9]{{1,2}}(?:st|nd|rd|th|{_AZ_ORDINAL})?"
_UNNAMED_YEAR = r"[0-9]{4}(?![0-9])"

# Any date a dateline may carry, with or without a year: "March 3", "3.03.2021", "5 июня 2021 года".
ANY_DATE_PATTERN = (
    rf"(?:{_UNNAMED_DAY}\s{{1,3}}{MONTH_PATTERN}(?:,?\s{{1,3}}{_UNNAMED_YEAR}{_YEAR_TAIL})?"
    rf"|{MONTH_PATTERN}\s{{1,3}}{_UNNAMED_DAY}(?:,\s{{0,3}}{_UNNAMED_YEAR}|\s{{1,3}}{_UNNAMED_YEAR})?"
    rf"|[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{4}}{_YEAR_TAIL}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})"
)

_ISO = re.compile(
    r"(?<![0-9])(?P<year>[12][0-9]{3})(?P<sep>[-/.])(?P<mnum>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
)
_DAY_MONTH_YEAR_NUMBERS = re.compile(
    rf"(?<![0-9.])(?P<day>[0-9]{{1,2}})(?P<sep>[.-])(?P<mnum>[0-9]{{1,2}})(?P=sep){_YEAR}{_YEAR_TAIL}"
)
_SLASHED = re.compile(rf"(?<![0-9/])(?P<first>[0-9]{{1,2}})/(?P<second>[0-9]{{1,2}})/{_YEAR}")
# A month in Roman figures, as Soviet and post-Soviet papers date an issue: '14.IX.1993'.
_ROMAN_MONTHS = {
    roman: number
    for number, roman in enumerate(
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1
    )
}
_ROMAN_DATE = re.compile(
    r"(?<![0-9.])(?P<day>[0-9]{1,2})\.\s?(?P<roman>"
    + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True))
    + rf")\.\s?{_YEAR}{_YEAR_TAIL}"
)
_DATE_FORMATS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (_ISO, Precision.DAY),
    (_DAY_MONTH_YEAR_NUMBERS, Precision.DAY),
    (_SLASHED, Precision.DAY),
    (_ROMAN_DATE, Precision.DAY),
    # A database's stamp: '12-Mar-2019', '05-DEC-2023'.
    (re.compile(rf"(?<![\w-])(?P<day>[0-9]{{1,2}})-{_MONTH}-{_YEAR}"), Precision.DAY),
    (re.compile(rf"(?<!\w){_DAY}\s{{1,3}}{_MONTH},?\s{{0,3}}{_YEAR}{_YEAR_TAIL}"), Precision.DAY),
    (
        # 'November, 02, 2017': a comma may follow the month too.
        re.compile(rf"(?<!\w){_MONTH},?\s{{0,3}}{_DAY}(?:,\s{{0,3}}|\s{{1,3}}){_YEAR}{_YEAR_TAIL}"),
        Precision.DAY,
    ),
    # Azerbaijani order: "2019-cu il noyabrın 25-də".
    (
        re.compile(
            rf"(?<![0-9]){_YEAR}{_AZ_ORDINAL}?\s{{1,3}}(?i:il|ilin)\s{{1,3}}{_MONTH}\s{{1,3}}{_DAY}"
        ),
        Precision.DAY,
    ),
    # And as acts and headers write it, day first: "2019-cu il 12 mart", "2010-cu il 3 sentyabr".
    (
        re.compile(
            rf"(?<![0-9]){_YEAR}{_AZ_ORDINAL}?\s{{1,3}}(?i:il|ilin)\s{{1,3}}{_DAY}\s{{1,3}}{_MONTH}"
        ),
        Precision.DAY,
    ),
    # The year first, then the day, as Azerbaijani headers write it: "2025, 30 İyun".
    (
        re.compile(
            rf"(?<![0-9]){_YEAR}(?:{_AZ_ORDINAL}\s{{1,3}}(?i:il))?,\s{{1,3}}{_DAY}\s{{1,3}}{_MONTH}"
        ),
        Precision.DAY,
    ),
    (re.compile(rf"(?<!\w){_MONTH},?\s{{1,3}}{_YEAR}{_YEAR_TAIL}"), Precision.MONTH),
    # Or the year, then the month alone and in lower case, as Azerbaijani and Russian write
    # it: "1992, aprel", "2001-ci il, yanvar" ('In 2014, October saw …' is a sentence).
    (
        re.compile(
            rf"(?<![0-9]){_YEAR}(?:{_AZ_ORDINAL}\s{{1,3}}(?i:il))?,\s{{1,3}}(?=[a-zа-яё])"
            rf"{_MONTH}(?![\w.]|\s{{1,3}}[0-9])"
        ),
        Precision.MONTH,
    ),
    # A journal's issue: "Spring 2021", "осень 2021", "Payız 2021".
    (
        re.compile(
            r"(?<!\w)(?i:spring|summer|autumn|fall|winter|весна|лето|осень|зима|"
            rf"yaz|payız|qış){_NO_LETTER},?\s{{1,3}}{_YEAR}"
        ),
        Precision.YEAR,
    ),
)
# Spans of days or months, tried only where the text has a dash or slash by a digit or a
# month: most text has none, and these patterns would scan it for nothing.
_SPAN_FORMATS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    # A weekly's issue spans days: "January 11-17, 2007", "11–17 января 2007 года".
    (
        re.compile(
            rf"(?<!\w){_MONTH}\s{{1,3}}{_UNNAMED_DAY}\s{{0,2}}[-–—]\s{{0,2}}{_UNNAMED_DAY},?"
            rf"\s{{1,3}}{_YEAR}{_YEAR_TAIL}"
        ),
        Precision.MONTH,
    ),
    (
        re.compile(
            rf"(?<![\w.-]){_UNNAMED_DAY}\s{{0,2}}[-–—]\s{{0,2}}{_UNNAMED_DAY}\s{{1,3}}{_MONTH},?"
            rf"\s{{1,3}}{_YEAR}{_YEAR_TAIL}"
        ),
        Precision.MONTH,
    ),
    # A quarterly's issue spans months: "July/September 2019", "июль–сентябрь 2019".
    (
        re.compile(
            rf"(?<!\w)(?i:{_MONTH_ALTERNATIVES}){_NO_LETTER}\.?\s{{0,2}}[-–—/]\s{{0,2}}{_MONTH},?"
            rf"\s{{1,3}}{_YEAR}"
        ),
        Precision.YEAR,
    ),
)
_SPAN_HINT = re.compile(rf"[0-9]\s{{0,2}}[-–—]\s{{0,2}}[0-9]|[-–—/]\s{{0,2}}{MONTH_PATTERN}")
_YEARLESS_DATES = (
    re.compile(rf"(?<!\w){_DAY}\s{{1,3}}{_MONTH}"),
    re.compile(rf"(?<!\w){_MONTH}\s{{1,3}}{_DAY}"),
)
_YEAR_LINE = re.compile(
    # A journal's issue names its year only: "№ 3 (45), 2019", "Issue 2, 2021".
    # "№ 3 / 2019": the number and the year parted by a slash.
    r"^(?:(?i:№|no\.|issue|выпуск|nömrə)\s{0,2}[0-9]{1,4}(?:\s{0,2}\([0-9]{1,6}\))?(?:,|\s/)?\s{1,3})?"
    # A site's archive of one year: "Архив 1996 года", "Xəbərlər arxivi - 2005", "Archive: 2005".
    r"(?:(?i:(?:news\s|xəbərlər\s)?(?:archive|архив|arxivi?)(?:\s(?:за|of|for))?)"
    r"\s{0,2}[-–—:,]?\s{0,3})?"
    rf"(?i:year:?\s{{0,3}})?(?P<year>(?:19|20)[0-9]{{2}})(?:{_AZ_ORDINAL})?"
    r"(?:\s{1,3}(?i:il|г\.?|года?))?"
    # A quarterly's months after its year: "No. 3 2019 July/September".
    rf"(?:\s{{1,3}}{MONTH_PATTERN}\s{{0,2}}[-–—/]\s{{0,2}}{MONTH_PATTERN})?"
    # A paper's year before its issue's number: "1995, № 12", "2005 | Sayı 3 (17)".
    r"(?:,?\s{1,3}(?i:№|no\.|issue|выпуск|nömrə|sayı)\s{0,2}[0-9]{1,5}"
    r"(?:\s{0,2}\([0-9 ]{1,8}\))?)?"
    # "No. 3, 1996  (scanned archive copy, page 4)": the copy's note beside the issue.
    r"(?:\s{1,3}\([^()]{1,60}\))?$"
)
_SHORT_YEAR = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<mnum>[0-9]{1,2})\.(?P<short>[0-9]{2})")
_YEAR_MONTH = re.compile(r"^(?P<year>[0-9]{4})-(?P<mnum>[0-9]{1,2})$")
_TIME = re.compile(r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s{0,2}(?i:[ap]\.?m\.?))?")
_WEEKDAY = re.compile(
    r"(?<!\w)(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|tues|wed|thu|thurs|fri|sat|sun|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс|"
    r"bazar ertəsi|çərşənbə axşamı|çərşənbə|cümə axşamı|cümə|şənbə|bazar)(?!\w)"
)


def is_weekday(text: str) -> bool:
    """'Cümə', 'Friday,': a weekday's name standing alone, as a calendar widget's column."""
    return bool(_WEEKDAY.fullmatch(text.strip(" ,.")))


# A widget shows the day the page was looked at, not the day the article appeared.
_TODAY = re.compile(
    # "Today.Az" is an outlet's name, not the present.
    r"(?<!\w)(?i:today|current date|сегодня|текущая дата|bu gün|bugün|cari tarix)(?!\w|\.\w)"
)
# A date after such a label is the page's last change, not its publication.
_UPDATE_LABEL = re.compile(
    r"(?<!\w)(?i:updated|last updated|modified|last modified|edited|обновлено|обновлен|"
    r"изменено|изменен|отредактировано|yenilənib|yenilənmə|redaktə olunub|dəyişdirilib)(?!\w)"
)
_DATE_LINE_LABELS = re.compile(
    r"(?i:published|updated|posted|last updated|modified|date|on|at|utc|gmt|msk|"
    r"опубликовано|опубликован|опубликована|обновлено|обновлен|изменено|дата|в|от|"
    r"tarix|yenilənib|yenilənmə|dərc olunub|yayımlanıb|saat|"
    r"il|г|год|года|ci|cı|cu|cü)(?!\w)"
)
SEGMENT_SEPARATOR = re.compile(r"\s[|•·]\s|\s{2,}")
_PLACE_WORD = re.compile(r"^(?:the\s|[A-ZА-ЯЁƏÜÖĞİŞÇ])")
_DIGIT = re.compile(r"[0-9]")
# A newspaper's masthead: 'Газета "Коммерсантъ" №49 от 09.12.1991, стр. 14'.
_ISSUE_WORDS = frozenset(
    [
        "газета",
        "newspaper",
        "qəzet",
        "qəzeti",
        "стр",
        "page",
        "p",
        "səh",
        "issue",
        "выпуск",
        "номер",
        "no",
        "vol",
        # 'Опубликован в газете "…" №129 от 14 июня 2003': the paper in the locative.
        "газете",
        "газеты",
        # 'RFE/RL NEWSLINE Vol. 2, No. 129, Part I, 8 July 1998': a bulletin's issue and part.
        "part",
        "часть",
        "hissə",
        "daily",
        "weekly",
        "bulletin",
        "newsletter",
        "newsline",
        "бюллетень",
        "bülleten",
    ]
)
# 'Part I', 'Часть II': a bulletin's part numbered in Roman figures.
_ISSUE_PART = re.compile(r"(?i:\b(?:part|часть|hissə)\s{1,2}[IVX]{1,4}\b)")
HEADER_DATE_LINE = re.compile(r"^date\s+(?P<date>\S+)(?:\s+(?P<rest>.*))?$", re.I)
_ARCHIVE_PATH = re.compile(
    rf"(?<![0-9])(?P<year>(?:19|20)[0-9]{{2}})\s{{0,2}}[>»›/|]\s{{0,2}}{_MONTH}"
    r"(?:\s{0,2}[>»›/|]\s{0,2}(?P<day>[0-9]{1,2})(?![0-9]))?"
)
# The whole line an archive's place: "Archive | 1998 | July", "Arxiv › 2001 › Yanvar".
_ARCHIVE_LINE = re.compile(
    r"^(?i:(?:news\s|xəbərlər\s)?(?:archive|архив|arxivi?))\s{0,2}[>»›/|:]?\s{0,2}"
    rf"(?P<year>(?:19|20)[0-9]{{2}})\s{{0,2}}[>»›/|]?\s{{0,2}}{_MONTH}"
    r"(?:\s{0,2}[>»›/|]?\s{0,2}(?P<day>[0-9]{1,2})(?![0-9]))?$"
)
_URL_DATES: tuple[tuple[re.Pattern[str], Precision], ...] = (
    # RBC's "/politics/22/02/2022/": day, month, year, each its own path segment.
    (
        re.compile(r"/(?P<day>[0-3][0-9])/(?P<mnum>[01][0-9])/(?P<year>(?:19|20)[0-9]{2})(?=/|$)"),
        Precision.DAY,
    ),
    (
        re.compile(
            r"/(?P<year>(?:19|20)[0-9]{2})[/-](?P<mnum>[01]?[0-9])[/-](?P<day>[0-3]?[0-9])(?=[/._-]|$)"
        ),
        Precision.DAY,
    ),
    (
        re.compile(
            r"/(?P<year>(?:19|20)[0-9]{2})(?P<mnum>[01][0-9])(?P<day>[0-3][0-9])(?=[/._-]|$)"
        ),
        Precision.DAY,
    ),
    # A stamp to the second as the item's number: '/news/20260302052104967-…' (day, then a
    # clock's hours, minutes and seconds, then a counter). The clock must be one.
    (
        re.compile(
            r"/(?P<year>(?:19|20)[0-9]{2})(?P<mnum>[01][0-9])(?P<day>[0-3][0-9])"
            r"(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]{0,6}(?=[/._-]|$)"
        ),
        Precision.DAY,
    ),
    (re.compile(r"/(?P<year>(?:19|20)[0-9]{2})/(?P<mnum>[01]?[0-9])/"), Precision.MONTH),
)


@dataclass(frozen=True)
class DateFound:
    """A date read from text, where it stood, and what was wrong with it, if anything.

    `is_today` marks a date shown as "today" (a page's clock, never the
    article's); `has_weekday` one shown with a weekday, as a page's calendar
    widget does and some bylines do, which the parser trusts only after the
    headline; `is_issue` one on a line that numbers a paper's issue, and
    `is_archive` one that is the archive's folder the page was filed in.
    """

    published: PublishedDate
    span: tuple[int, int]
    problem: str | None = None
    is_today: bool = False
    has_weekday: bool = False
    is_update: bool = False
    # A paper's issue line ('№ 214 (24163) 17 ноября 2005 года'): the day the issue came out.
    is_issue: bool = False
    # An archive's place ('Archive | 1998 | July'): where the site filed the page.
    is_archive: bool = False


# A scanned page's recognition mixes the alphabets' look-alike letters into a word ('мapтa'
# with Latin a and p, 'mаrt' with a Cyrillic а) and reads digits as letters ('l998', '12.O3').
_OCR_HINT = re.compile(r"[a-zA-Z][а-яёА-ЯЁ]|[а-яёА-ЯЁ][a-zA-Z]|[0-9][lIOО]|[lIOО][0-9]")
_MIXED_WORD = re.compile(
    r"[a-zA-Zа-яёА-ЯЁ]*(?:[a-zA-Z][а-яёА-ЯЁ]|[а-яёА-ЯЁ][a-zA-Z])[a-zA-Zа-яёА-ЯЁ]*"
)
_MISREAD_NUMBER = re.compile(r"(?<![^\W\d_])(?=[lIOО]{0,3}[0-9])[0-9lIOО]{2,4}(?![^\W\d_])")
_LATIN_LOOKS = "aceopxyAPCEHKMOTXBk"
_CYRILLIC_LOOKS = "асеорхуАРСЕНКМОТХВк"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKS, _CYRILLIC_LOOKS)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKS, _LATIN_LOOKS)
_TO_DIGITS = str.maketrans("lIOО", "1100")
_CYRILLIC_LETTER = re.compile(r"[а-яёА-ЯЁ]")
_ONLY_CYRILLIC = re.compile(rf"[^\W\d_a-zA-Z{_CYRILLIC_LOOKS}]")
_ONLY_LATIN = re.compile(rf"[^\W\d_а-яёА-ЯЁ{_LATIN_LOOKS}]")


def _as_printed(text: str) -> str:
    """The text with a recognition's look-alikes read as the word and the number around
    them; each letter stays in its place, so spans hold."""
    if not _OCR_HINT.search(text):
        return text
    text = _MIXED_WORD.sub(_one_alphabet, text)
    return _MISREAD_NUMBER.sub(lambda match: match.group(0).translate(_TO_DIGITS), text)


def _one_alphabet(match: re.Match[str]) -> str:
    """The word in the alphabet of its letters that have no look-alike ('м', 'т' in 'мapтa'),
    or else of most of its letters."""
    word = match.group(0)
    if _ONLY_CYRILLIC.search(word):
        return word.translate(_TO_CYRILLIC)
    if _ONLY_LATIN.search(word):
        return word.translate(_TO_LATIN)
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    return word.translate(_TO_CYRILLIC if cyrillic * 2 >= len(word) else _TO_LATIN)


# The header, the furniture and the stamped lists each ask of the same lines.
@functools.lru_cache(maxsize=16_384)
def find_date(text: str) -> DateFound | None:
    """The first possible date written in `text`, complete or not; never guesses a year.

    An impossible one ('2181-07-11', a document number) is reported only when
    the text holds no possible date.
    """
    if not _DIGIT.search(text):
        return None
    text = _as_printed(text)
    formats = _DATE_FORMATS + _SPAN_FORMATS if _SPAN_HINT.search(text) else _DATE_FORMATS
    matches = sorted(
        (
            (match, precision)
            for pattern, precision in formats
            for match in _first_matches(pattern, text)
        ),
        key=lambda found: found[0].start(),
    )
    dates = [_date_from_match(match, precision) for match, precision in matches]
    possible = next((found for found in dates if found.problem is None), None)
    if possible or dates:
        return possible or dates[0]
    match = next(filter(None, (pattern.search(text) for pattern in _YEARLESS_DATES)), None)
    if match:
        problem = f"date without a year ({match.group(0).rstrip('.')}): left unknown"
        return DateFound(PublishedDate.unknown(), match.span(), problem)
    return None


def _first_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The first two matches: enough to pass over one impossible date, bounded for long text."""
    found = []
    for match in pattern.finditer(text):
        found.append(match)
        if len(found) == 2:
            break
    return found


def _month_and_day(parts: dict[str, str | None]) -> tuple[int, int, Precision | None]:
    """Month and day from a match; a precision when the numbers read both ways."""
    if parts.get("first"):
        first, second = int(parts["first"] or 0), int(parts["second"] or 0)
        if first > 12 or first == second:
            return second, first, None
        if second > 12:
            return first, second, None
        return 1, 1, Precision.YEAR
    if parts.get("roman"):
        return _ROMAN_MONTHS[parts["roman"] or ""], int(parts["day"] or 1), None
    if not (parts.get("mnum") or parts.get("month")):
        return 1, 1, None
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[fold(parts["month"] or "")]
    return month, int(parts["day"]) if parts.get("day") else 1, None


def _date_from_match(match: re.Match[str], precision: Precision) -> DateFound:
    month, day, ambiguous = _month_and_day(match.groupdict())
    if precision is Precision.YEAR:
        month, day = 1, 1
    try:
        value = dt.date(int(match.group("year")), month, day)
    except ValueError:
        value = None
    if value is None or not 1900 <= value.year <= 2100:
        problem = f"impossible date {match.group(0)}"
        return DateFound(PublishedDate.unknown(), match.span(), problem)
    return DateFound(PublishedDate(value, ambiguous or precision), match.span())


def full_date(text: str) -> dt.date | None:
    """The first complete, possible date written in `text` ('22 February 2022'), if any."""
    found = find_date(text)
    if found and found.published.precision is Precision.DAY:
        return found.published.value
    return None


def short_year_date(text: str, today: dt.date) -> DateFound | None:
    """'23.09.02' as a dateline writes it: a two-digit year is this century's unless later."""
    match = _SHORT_YEAR.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match.group("short"))
    century = 2000 if 2000 + year <= today.year else 1900
    try:
        value = dt.date(century + year, int(match.group("mnum")), int(match.group("day")))
    except ValueError:
        return DateFound(PublishedDate.unknown(), match.span(), f"impossible date {text.strip()}")
    return DateFound(PublishedDate(value, Precision.DAY), match.span())


def day_and_month(text: str) -> tuple[int, int] | None:
    """The month and day of a date written without a year: '11 янв', 'March 3'."""
    for pattern in _YEARLESS_DATES:
        match = pattern.search(text)
        if match:
            month, day, _ = _month_and_day(match.groupdict())
            return month, day
    return None


def dated_on(text: str, month: int, day: int) -> dt.date | None:
    """A complete date in `text` on that month and day: the year a yearless dateline meant."""
    for pattern, precision in _DATE_FORMATS:
        if precision is not Precision.DAY:
            continue
        for match in pattern.finditer(text):
            published = _date_from_match(match, precision).published
            value = published.value
            if (
                value
                and published.precision is Precision.DAY
                and (value.month, value.day)
                == (
                    month,
                    day,
                )
            ):
                return value
    return _numeric_dated_on(text, month, day)


# '1130 gmt 21 Dec 06': a monitoring service's source line writes its year in two digits.
_TWO_DIGIT_YEAR = re.compile(
    rf"(?<![0-9])([0-9]{{1,2}})\s{{1,2}}({MONTH_PATTERN})\s{{1,2}}([0-9]{{2}})(?![0-9])"
)
# The archive's news starts in 1991: '91' to '99' are the 1990s, the rest this century.
FIRST_NEWS_YEAR = 1991


def _numeric_dated_on(text: str, month: int, day: int) -> dt.date | None:
    """A date one of whose readings is that month and day: '03/09/2010' either way round
    (a slashed date, whose two readings only the dateline's '3 сен' settles), '21 Dec 06'
    with its century."""
    for match in _SLASHED.finditer(text):
        first, second, year = (int(match.group(name)) for name in ("first", "second", "year"))
        if (first, second) in {(day, month), (month, day)}:
            with contextlib.suppress(ValueError):
                return dt.date(year, month, day)
    for match in _TWO_DIGIT_YEAR.finditer(text):
        written_day, written_month = (
            int(match.group(1)),
            _MONTHS.get(fold(match.group(2)).rstrip(".")),
        )
        if (written_month, written_day) == (month, day):
            short = int(match.group(3))
            century = 1900 if 1900 + short >= FIRST_NEWS_YEAR else 2000
            with contextlib.suppress(ValueError):
                return dt.date(century + short, month, day)
    return None


# A year as running text writes it, alone: 'in 1997', '2022-ci ildə', '1997 года'.
WRITTEN_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# Weekdays as a lead dates an event by them: 'on Thursday', 'в четверг' (Azerbaijani's
# 'bazar' is also a market, so only these two languages' forms with their preposition).
WEEKDAY_NUMBERS = {
    "monday": 0, "понедельник": 0, "tuesday": 1, "вторник": 1, "wednesday": 2, "среду": 2,
    "thursday": 3, "четверг": 3, "friday": 4, "пятницу": 4, "saturday": 5, "субботу": 5,
    "sunday": 6, "воскресенье": 6,
}  # fmt: skip
_WEEKDAY_IN_LEAD = re.compile(
    r"(?<!\w)(?i:on|в|во)\s+(?P<weekday>(?i:" + "|".join(WEEKDAY_NUMBERS) + r"))(?!\w)"
)
WEEKDAY_LEAD_CHARS = 600


def dated_by_weekday(text: str, month: int, day: int) -> dt.date | None:
    """The one year, among those the text writes, in which that day fell on the weekday its
    lead names: 'MOSCOW, July 3 … on Thursday' in a text about 1997 is 3 July 1997."""
    named = _WEEKDAY_IN_LEAD.search(text[:WEEKDAY_LEAD_CHARS])
    if named is None:
        return None
    number = WEEKDAY_NUMBERS[named.group("weekday").lower()]
    fitting = set()
    for year in {int(year) for year in WRITTEN_YEAR.findall(text)}:
        with contextlib.suppress(ValueError):
            value = dt.date(year, month, day)
            if value.weekday() == number:
                fitting.add(value)
    return fitting.pop() if len(fitting) == 1 else None


SLASHED_ORDER_CHARS = 20_000


def slashed_day_first(text: str) -> bool | None:
    """Which way round the page writes slashed dates, from those that read one way only:
    '14/12/2023' is day first, '12/14/2023' month first. A page keeps one order; None when
    no slashed date, or both kinds, settle it."""
    orders = set()
    for match in _SLASHED.finditer(text[:SLASHED_ORDER_CHARS]):
        first, second = int(match.group("first")), int(match.group("second"))
        if first > 12 >= second:
            orders.add(True)
        elif second > 12 >= first:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def slashed_date(line: str, year: int, day_first: bool) -> dt.date | None:
    """The line's slashed date of that year ('05/12/2023'), read in the page's order."""
    for match in _SLASHED.finditer(line):
        if int(match.group("year")) != year:
            continue
        first, second = int(match.group("first")), int(match.group("second"))
        day, month = (first, second) if day_first else (second, first)
        with contextlib.suppress(ValueError):
            return dt.date(year, month, day)
    return None


def year_month(text: str) -> DateFound | None:
    """'2019-11' standing alone, as a ' date 2019-11' header writes a month."""
    match = _YEAR_MONTH.match(text.strip())
    return _date_from_match(match, Precision.MONTH) if match else None


def date_in_url(url: str) -> DateFound | None:
    """The date a page address carries: '/2018/09/27/', '/20201110/', '/2019-11-25-…'."""
    path = url.split("?", 1)[0][:2000]
    for pattern, precision in _URL_DATES:
        match = pattern.search(path)
        if match:
            found = _date_from_match(match, precision)
            return None if found.problem else found
    iso = _ISO.search(path)
    return _date_from_match(iso, Precision.DAY) if iso else None


def date_in_path(line: str) -> DateFound | None:
    """The date an archive's breadcrumb spells out: 'Archive: 1997 > July > 03', 'Архив
    номеров › июнь 1993 › Экономика', 'Архив 1998 года › Экономика'."""
    match = _ARCHIVE_PATH.search(line[:300])
    if match is None:
        return _archive_crumb_date(line[:300])
    found = _date_from_match(match, Precision.DAY if match.group("day") else Precision.MONTH)
    return None if found.problem else found


_CRUMB_SEPARATOR = re.compile(r"\s{0,2}[>»›|]\s{0,2}")
_ARCHIVE_WORD = re.compile(r"(?i:archive|архив|arxiv)")
_YEAR_SEGMENT = re.compile(
    r"(?i:(?:archive|архив|arxivi?):?\s)?((?:19|20)[0-9]{2})"
    r"(?:\s(?:года?|il|г\.)|-(?:ci|cı|cu|cü) il)?"
)


def _archive_crumb_date(line: str) -> DateFound | None:
    """An archive's crumb whose one dated segment is a month or a year: the archive's issue.
    A row of years ('Arxiv: 2016 | 2017 | 2018') is the archive's index, no page's date."""
    segments = _CRUMB_SEPARATOR.split(line)
    if len(segments) < 2 or not _ARCHIVE_WORD.search(line):
        return None
    dated = [found for segment in segments if (found := _crumb_segment_date(segment.strip()))]
    return dated[0] if len(dated) == 1 else None


def _crumb_segment_date(segment: str) -> DateFound | None:
    year = _YEAR_SEGMENT.fullmatch(segment)
    if year:
        return DateFound(PublishedDate(dt.date(int(year.group(1)), 1, 1), Precision.YEAR), (0, 0))
    found = find_date(segment)
    if found and found.span == (0, len(segment)) and found.published.value is not None:
        return found
    return None


# The header, the headline chooser and the banner test each ask about the same lines.
@functools.lru_cache(maxsize=4096)
def date_only_line(line: str) -> DateFound | None:
    """A header line that says nothing but when: '3 March 2021 10:15', 'Updated: 03.03.2021'.

    A line of widgets ('27.04.2023 14:32 | Politics | 2 814 views') counts by
    its dated segment.
    """
    if len(line) > 160 or _LEGAL_ACT.match(line):
        return None
    line = _as_printed(line)
    archive = _ARCHIVE_LINE.match(line)
    if archive:
        precision = Precision.DAY if archive.group("day") else Precision.MONTH
        found = _date_from_match(archive, precision)
        return None if found.problem else replace(found, is_archive=True)
    year_only = _YEAR_LINE.match(line) or _YEAR_MONTH.match(line)
    if year_only is None and SEGMENT_SEPARATOR.search(line):
        # "No. 4 2010   October/December": an issue's number and months, spaced as columns.
        year_only = _YEAR_LINE.match(SEGMENT_SEPARATOR.sub(" ", line))
    if year_only:
        return replace(
            _whole_line_year(year_only, line), is_issue=bool(_ISSUE_NUMBER_MARK.search(line))
        )
    dated = _dated_segment(line)
    if dated is not None:
        return dated
    if " / " in line:
        return _slashed_column_date(line)
    return _short_year_line(line) or _year_column_line(line)


def _dated_segment(line: str) -> DateFound | None:
    """The line's date, or its columns' ('27.04.2023 14:32 | Politics'): the first that says
    only when, unless it is an update and a later column is the first publication ('Last
    updated: March 13, 2019 | Published: March 12, 2019')."""
    first = None
    for segment in [line, *SEGMENT_SEPARATOR.split(line)]:
        found = find_date(segment)
        if found and _says_only_when(segment, found):
            marked = _with_widget_marks(found, line, segment)
            if not marked.is_update:
                return marked
            first = first or marked
    return first


# '29 / 04 / 2015': a date's own slashes, spaced; ' / ' elsewhere parts a breadcrumb's columns.
_SPACED_DATE_SLASH = re.compile(r"(?<=[0-9]) / (?=[0-9])")
_SLASH_COLUMN = re.compile(r" / ")


def _slashed_column_date(line: str) -> DateFound | None:
    """'22.12.1994 / Содружество / Архив номеров', '23:10 - 29 / 04 / 2015': a day's date in
    a column of a row parted by slashes, the others a breadcrumb's; only a full day counts."""
    for segment in _SLASH_COLUMN.split(_SPACED_DATE_SLASH.sub("/", line)):
        found = find_date(segment)
        if found and found.published.precision is Precision.DAY and _says_only_when(segment, found):
            return _with_widget_marks(found, line, segment)
    return None


# An act named by its date and number: 'Распоряжение от 8 октября 2019 года №2336-р',
# 'Decree No. 45 of 3 May 2011', 'Sərəncam № 12': the day the act was made, not the page's.
_LEGAL_ACT = re.compile(
    r"^(?i:распоряжение|постановление|указ|приказ|(?:федеральный\s)?закон|решение|"
    r"decree|executive order|order|resolution|law|ordinance|"
    r"sərəncam|fərman|qərar|qanun)\w{0,2}\s(?i:от|of|no\.|№|nömrə)"
)
IMPRINT_MAX_WORDS = 10


def _year_column_line(line: str) -> DateFound | None:
    """'Министерство экономического развития … | 2005': a report's imprint, its issuer in one
    column and its year alone in another; the year is all it says of when."""
    if " | " not in line:
        return None
    parts = [part.strip() for part in line.split(" | ")]
    # The year alone, or as an archive or an issue writes it ('arxiv, 1992', '№ 3 / 2019').
    years = [part for part in parts if _BARE_YEAR.fullmatch(part) or _YEAR_LINE.match(part)]
    others = [part for part in parts if part not in years]
    if len(years) != 1 or not others:
        return None
    # A site's banner ('XALQ QƏZETİ xalqqazeti.az | Elektron arxiv | 1997') names the site and
    # its archive's year: the banner is read as the site's, the year as no date of the page.
    if any(
        _DIGIT.search(part) or len(part.split()) > IMPRINT_MAX_WORDS or _WEB_ADDRESS.search(part)
        for part in others
    ):
        return None
    value = dt.date(int(_BARE_YEAR.search(years[0]).group(0)), 1, 1)
    return DateFound(PublishedDate(value, Precision.YEAR), (0, len(line)))


_BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_WEB_ADDRESS = re.compile(r"[^\W\d_]\.[a-z]{2,6}(?![^\W\d_])")


# A stamp with a two-digit year, alone on its line with at most its time and a label:
# '12.03.19 14:05', 'Опубликовано: 05.12.23'.
_SHORT_YEAR_LINE = re.compile(
    r"^(?:(?i:published|posted|updated|date|опубликовано|дата|обновлено|tarix|dərc olunub|"
    r"yayımlanıb|yenilənib)\s{0,2}:?\s{0,2})?"
    # The time may stand first: '13:22, 03.09.10', '14:20 | 12.03.19'.
    r"(?:[0-9]{1,2}:[0-9]{2},?\s{1,3}(?:[|/]\s{1,3})?)?"
    r"(?P<day>[0-9]{1,2})\.(?P<mnum>[0-9]{2})\.(?P<short>[0-9]{2})"
    r"(?:,?\s{1,3}(?:[|/]\s{1,3})?[0-9]{1,2}:[0-9]{2})?$"
)


# The same alone with slashes, as an American site writes it: '5/26/05', '11/03/08'.
_SHORT_SLASHED_LINE = re.compile(
    r"^(?P<first>[0-9]{1,2})/(?P<second>[0-9]{1,2})/(?P<short>[0-9]{2})"
    r"(?:,?\s{1,3}[0-9]{1,2}:[0-9]{2}(?:\s{0,2}(?i:[ap]\.?m\.?))?)?$"
)


def _short_year_line(line: str) -> DateFound | None:
    """A header's date with a two-digit year: the 1990s from '91' on, this century below it
    (FIRST_NEWS_YEAR: the archive holds no news before then)."""
    match = _SHORT_YEAR_LINE.match(line) if len(line) <= 50 else None
    if match is None:
        return _short_slashed_line(line) if len(line) <= 30 else None
    short = int(match.group("short"))
    century = 1900 if 1900 + short >= FIRST_NEWS_YEAR else 2000
    try:
        value = dt.date(century + short, int(match.group("mnum")), int(match.group("day")))
    except ValueError:
        return None
    return _with_widget_marks(
        DateFound(PublishedDate(value, Precision.DAY), match.span()), line, line
    )


def _short_slashed_line(line: str) -> DateFound | None:
    """'5/26/05' reads one way only (no 26th month); '11/03/08' both ways, so only its year
    is kept, as with a slashed date of four-digit year."""
    match = _SHORT_SLASHED_LINE.match(line)
    if match is None:
        return None
    short = int(match.group("short"))
    century = 1900 if 1900 + short >= FIRST_NEWS_YEAR else 2000
    month, day, ambiguous = _month_and_day(match.groupdict())
    try:
        value = dt.date(century + short, month, day)
    except ValueError:
        return None
    return DateFound(PublishedDate(value, ambiguous or Precision.DAY), match.span())


# Words a post's closing line may carry beside its time: "Publication date:", "Dərc edilib:".
_PUBLICATION_LABELS = re.compile(
    r"(?i:publication|публикации|публикация|dərc edilib|dərc olunub|tarixi)(?!\w)"
)


def bare_date_line(line: str) -> DateFound | None:
    """A line that holds a date and nothing with a name in it: a post's closing time
    ('👁 18.4K 🔁 212 Oct 9, 2025 at 18:22'), never a commenter's ('Алексей 12.03.2019')."""
    found = date_only_line(line) if len(line) <= 100 else None
    if found is None:
        return None
    rest = line[: found.span[0]] + " " + line[found.span[1] :]
    rest = _DATE_LINE_LABELS.sub(" ", _PUBLICATION_LABELS.sub(" ", _TIME.sub(" ", rest)))
    return found if all(len(word) <= 2 for word in LETTER_WORD.findall(rest)) else None


def closing_stamp(line: str) -> DateFound | None:
    """A stamp under a page's text, which may name its weekday ('Tuesday, September 30, 2014',
    '29 июн 2025, вс'): there it is the post's own time, not a calendar widget's."""
    return bare_date_line(_WEEKDAY.sub(" ", line).strip(" ,")) if len(line) <= 100 else None


def _whole_line_year(match: re.Match[str], line: str) -> DateFound:
    if match.groupdict().get("mnum"):
        return _date_from_match(match, Precision.MONTH)
    value = dt.date(int(match.group("year")), 1, 1)
    return DateFound(PublishedDate(value, Precision.YEAR), (0, len(line)))


# An exchange rate ('USD 1.7000', 'EUR/AZN: 1.93'): beside a date, it makes its segment a
# currency widget, dated by its clock (the chrome tests read widget rows by it too).
EXCHANGE_RATE = re.compile(
    r"(?<![A-Za-z])(?:USD|EUR|RUB|GBP|TRY|AZN|CNY)(?:/[A-Z]{3})?\s{0,3}[=:]?\s{0,3}[0-9]"
)


def _says_only_when(segment: str, found: DateFound) -> bool:
    rest = segment[: found.span[0]] + " " + segment[found.span[1] :]
    if EXCHANGE_RATE.search(rest):
        return False
    # "10.11.2020, 02:15 (updated 10.11.2020, 11:40)": a second date is still only when.
    for _ in range(2):
        later = find_date(rest)
        if later is None:
            break
        rest = rest[: later.span[0]] + " " + rest[later.span[1] :]
    rest = _TIME.sub(" ", _WEEKDAY.sub(" ", _TODAY.sub(" ", rest)))
    words = LETTER_WORD.findall(_DATE_LINE_LABELS.sub(" ", _ISSUE_PART.sub(" ", rest)))
    if len([word for word in words if fold(word) not in _ISSUE_WORDS]) <= 2:
        return True
    # "22 февраля 2022 года, 15:30, Москва, Кремль": a date then where, nothing else.
    places = [place.strip() for place in rest.split(",") if place.strip(" .:-–—[]()")]
    return 0 < len(places) <= 3 and all(
        len(place.split()) <= 3 and _PLACE_WORD.match(place) and _ends_in_a_name(place)
        for place in places
    )


def _ends_in_a_name(place: str) -> bool:
    """'Moscow, the Kremlin' ends in a name; '… Moskva Bəyannaməsi imzalanıb.' ends in a
    verb: a short sentence that opens with its date, not a dateline."""
    last = place.split()[-1].strip(' .:-–—[]()«»"')
    return not last or not last[:1].islower()


# An issue's number beside a date: "№ 89 (3412)", "No. 129", "Выпуск 3", "Sayı: 15".
_ISSUE_NUMBER_MARK = re.compile(
    r"(?:№|(?i:\bno\.|\bissue|\bvol\.|выпуск|nömrə|\bsayı))\s{0,2}:?\s{0,2}[0-9]"
)


def _with_widget_marks(found: DateFound, line: str, segment: str) -> DateFound:
    is_today, has_weekday = bool(_TODAY.search(line)), bool(_WEEKDAY.search(line))
    # "Updated: 15 March" is an update; "10.11.2020 (updated 11.11.2020)" is not.
    is_update = bool(_UPDATE_LABEL.search(segment[: found.span[0]]))
    # A clock or calendar widget never numbers an issue: a dated issue line is the paper's.
    is_issue = bool(_ISSUE_NUMBER_MARK.search(line)) and not is_today
    return DateFound(
        found.published, found.span, found.problem, is_today, has_weekday, is_update, is_issue
    )


# A stamp that counts back from the moment the page was copied ('Вчера, 14:20', '3 hours
# ago', '2 saat əvvəl'): it names no day a reader of the copy can know, so it dates nothing.
_RELATIVE_STAMP = re.compile(
    r"(?<!\w)(?i:yesterday|вчера|позавчера|dünən|srağagün|"
    r"[0-9]{1,2}\s{1,2}(?:min(?:ute)?s?|hours?|hrs?|days?|минут[уы]?|мин\.?|час(?:а|ов)?|"
    r"дн(?:я|ей)|день|dəqiqə|saat|gün)\s{1,2}(?:ago|назад|əvvəl))(?!\w)"
)


# A list item's stamp at the end of its words: 'Bakıda məktəb açılıb Dünən, 21:45', '… 14:32',
# '… 5 hours ago', '… (28/04/2015)'. A day named without a clock ('… встретились вчера') ends a
# headline as well as an item, so it counts only with its time.
_CLOCK_TAIL = r"[0-9]{1,2}:[0-9]{2}"
_TRAILING_STAMP = re.compile(
    r"(?:^|[\s,|·•—–-])\s{0,2}(?:"
    rf"\((?:[0-9]{{1,2}}[./-][0-9]{{1,2}}[./-](?:[0-9]{{4}}|[0-9]{{2}})|{_CLOCK_TAIL})\)"
    r"|(?i:[0-9]{1,2}\s{1,2}(?:min(?:ute)?s?|hours?|hrs?|days?|минут[уы]?|мин\.?|час(?:а|ов)?|"
    r"дн(?:я|ей)|день|dəqiqə|saat|gün)\s{1,2}(?:ago|назад|əvvəl))"
    r"|(?i:yesterday|вчера|позавчера|dünən|today|сегодня|bu gün|bugün),?\s{0,2}(?:в\s)?"
    rf"{_CLOCK_TAIL}"
    rf"|(?P<clock>{_CLOCK_TAIL})"
    # Or its views, counted beside an eye: '… 👁 1 234'.
    r"|[👁👀]\ufe0f?\s{0,2}[0-9][0-9 ,.]{0,9}[kKкК]?"
    r")$"
)
# A time a headline announces: 'Переговоры начнутся в 10:00', 'Talks to begin at 10:00'.
_ANNOUNCED_TIME = re.compile(r"(?i:\s(?:в|во|at|by|until|till|до|с|saat|from|to))$")


def ends_in_stamp(line: str) -> bool:
    """Whether the line closes with a list item's stamp: a clock, a stamp counted back from
    the copy's moment, or a date in brackets, after words of its own."""
    if len(line) > 200:
        return False
    match = _TRAILING_STAMP.search(line)
    if match is None or not WORD.search(line[: match.start()]):
        return False
    return not (match.group("clock") and _ANNOUNCED_TIME.search(line[: match.start()].rstrip(" ,")))


def is_today_line(line: str) -> bool:
    """A widget's line about the present: 'Сегодня, 12:40', 'Bu gün', 'Tuesday, 09:15',
    or a stamp counted back from it: 'Вчера, 14:20', '3 hours ago'."""
    if len(line) > 60 or not (
        _TODAY.search(line) or _WEEKDAY.search(line) or _RELATIVE_STAMP.search(line)
    ):
        return False
    rest = _TIME.sub(" ", _WEEKDAY.sub(" ", _TODAY.sub(" ", _RELATIVE_STAMP.sub(" ", line))))
    return not WORD.findall(_DATE_LINE_LABELS.sub(" ", rest))


# A web archive's toolbar over its copy of a page: 'The Wayback Machine - https://web.archive.
# org/web/20040212093051/…', '7 captures', '12 Feb 2004 - 30 Dec 2007', 'About this capture'.
# Its dates are when a crawler copied the page, never when the page was published.
_ARCHIVED_ADDRESS = re.compile(r"(?i:web\.archive\.org/web/)(?P<stamp>[0-9]{8})[0-9]{0,6}")
# The count may share one line with the copied address: 'http://… | 14 captures | 12 Apr …'.
_CAPTURE_COUNT = re.compile(
    r"^(?:\S{4,300}\s{1,3}[|·]\s{1,3})?[0-9]{1,6}\s{1,3}(?i:captures?)(?P<rest>.{0,80})$"
)
_CAPTURE_RANGE = re.compile(r"^(?P<first>.{6,30}?)\s{0,3}[-–—]\s{0,3}.{6,30}$")
_CAPTURE_NOTE = re.compile(
    r"^(?i:about this capture|collected by|timestamps|"
    r"the wayback machine\s{0,3}-\s{0,3}\S{0,300})$"
)
_MONTH_ABBREVIATION = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# The toolbar's calendar and its crawl's labels, read as such only beside its other marks:
# 'Go', 'MAR APR MAY', '12', '2000 2001 2002', 'Organization: Alexa Crawls'.
_CAPTURE_CALENDAR = re.compile(
    rf"^(?i:go|[0-9]{{1,2}}|{_MONTH_ABBREVIATION}(?:\s{{1,3}}{_MONTH_ABBREVIATION}){{1,2}}|"
    r"(?:19|20)[0-9]{2}(?:\s{1,3}(?:19|20)[0-9]{2}){1,2}|"
    r"(?:organization|collection)\s{0,2}:.{1,80}|this crawl of .{1,200})$"
)
# A copy is read once its toolbar is past: the toolbar holds the page's first lines.
CAPTURE_TOOLBAR_LINES = 12


@dataclass(frozen=True)
class Capture:
    """A web archive's toolbar: the lines it takes and the day its crawler copied the page."""

    lines: frozenset[int]
    copied_on: dt.date | None


def web_capture(lines: list[str]) -> Capture | None:
    """The toolbar of a web archive's copy among the page's first lines, if the page is one."""
    taken: set[int] = set()
    calendar: set[int] = set()
    copied_on = None
    top = lines[:CAPTURE_TOOLBAR_LINES]
    for index, line in enumerate(top):
        address = _ARCHIVED_ADDRESS.search(line)
        if address and copied_on is None:
            copied_on = _stamp_day(address.group("stamp"))
        count = _CAPTURE_COUNT.match(line)
        if count:
            taken.add(index)
            copied_on = copied_on or _capture_range_start(count.group("rest"))
            following = top[index + 1] if index + 1 < len(top) else ""
            start = _capture_range_start(following)
            if start:
                taken.add(index + 1)
                copied_on = copied_on or start
        elif _CAPTURE_NOTE.match(line):
            taken.add(index)
        elif _CAPTURE_CALENDAR.match(line):
            calendar.add(index)
    if not taken:
        return None
    return Capture(frozenset(taken | calendar), copied_on)


def _capture_range_start(text: str) -> dt.date | None:
    """'12 Feb 2004 - 30 Dec 2007': the first capture's day."""
    match = _CAPTURE_RANGE.match(text.strip(" |"))
    found = find_date(match.group("first")) if match else None
    if found and found.published.precision is Precision.DAY:
        return found.published.value
    return None


def _stamp_day(stamp: str) -> dt.date | None:
    with contextlib.suppress(ValueError):
        return dt.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    return None


# A page copied by a crawler had been published by then; a story on a site's pages when it
# was copied is at most this many days old, so a yearless dateline's year is the copy's.
CAPTURE_WINDOW_DAYS = 31


def dated_before_capture(copied_on: dt.date, month: int, day: int) -> dt.date | None:
    """The day of that month and day on or shortly before a crawler copied the page."""
    for year in (copied_on.year, copied_on.year - 1):
        with contextlib.suppress(ValueError):
            value = dt.date(year, month, day)
            if 0 <= (copied_on - value).days <= CAPTURE_WINDOW_DAYS:
                return value
    return None
