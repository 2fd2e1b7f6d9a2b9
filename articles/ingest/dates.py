"""Dates written in article text, a part of parsing (read -> parse -> extract).

The parser asks three questions of a line, and this module answers them in
English, Russian and Azerbaijani month names or in numbers:

- `find_date`: the first date in the text, complete ("3 March 2021"), to the
  month ("March 2021"), or without a year ("March 3"), which is reported as a
  problem and left unknown: a year is never guessed;
- `date_only_line`: whether a header line says nothing but when
  ("Updated: 03.03.2021 10:15", "2021-ci il");
- `full_date`: the first complete date, which the extractor uses for the day
  an agreement was signed.

`HEADER_DATE_LINE` and `ANY_DATE_PATTERN` are the pieces the parser builds
its header and dateline patterns from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from articles.ingest.document import Precision, PublishedDate

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

# Any date a dateline may carry, with or without a year: "March 3", "3.03.2021".
ANY_DATE_PATTERN = (
    rf"(?:{_UNNAMED_DAY}\s+{MONTH_PATTERN}(?:\s+[0-9]{{4}})?"
    rf"|{MONTH_PATTERN}\s+{_UNNAMED_DAY}(?:,?\s+[0-9]{{4}})?"
    r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})"
)

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
_WORD = re.compile(r"[^\W_]+")
HEADER_DATE_LINE = re.compile(r"^date\s+(?P<date>\S+)(?:\s+(?P<rest>.*))?$", re.I)


@dataclass(frozen=True)
class DateFound:
    """A date read from text, where it stood, and what was wrong with it, if anything."""

    published: PublishedDate
    span: tuple[int, int]
    problem: str | None = None


def find_date(text: str) -> DateFound | None:
    """The first date written in `text`, complete or not; never guesses a year."""
    for pattern, precision in _DATE_FORMATS:
        match = pattern.search(text)
        if match:
            return _date_from_match(match, precision)
    match = next(filter(None, (pattern.search(text) for pattern in _YEARLESS_DATES)), None)
    if match:
        problem = f"date without a year ({match.group(0).rstrip('.')}): left unknown"
        return DateFound(PublishedDate.unknown(), match.span(), problem)
    return None


def _date_from_match(match: re.Match[str], precision: Precision) -> DateFound:
    parts = match.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()]
    day = int(parts["day"]) if parts.get("day") else 1
    try:
        value = dt.date(int(parts["year"]), month, day)
    except ValueError:
        value = None
    if value is None or not 1900 <= value.year <= 2100:
        problem = f"impossible date {match.group(0)}"
        return DateFound(PublishedDate.unknown(), match.span(), problem)
    return DateFound(PublishedDate(value, precision), match.span())


def full_date(text: str) -> dt.date | None:
    """The first complete, possible date written in `text` ('22 February 2022'), if any."""
    for pattern, precision in _DATE_FORMATS:
        match = pattern.search(text) if precision is Precision.DAY else None
        if match:
            return _date_from_match(match, precision).published.value
    return None


def date_only_line(line: str) -> DateFound | None:
    """A header line that says nothing but when: '3 March 2021 10:15', 'Updated: 03.03.2021'."""
    if len(line) > 80:
        return None
    year_only = _YEAR_LINE.match(line)
    if year_only:
        value = dt.date(int(year_only.group("year")), 1, 1)
        return DateFound(PublishedDate(value, Precision.YEAR), (0, len(line)))
    found = find_date(line)
    if found is None:
        return None
    rest = line[: found.span[0]] + " " + line[found.span[1] :]
    rest = _DATE_LINE_LABELS.sub(" ", _TIME.sub(" ", rest))
    return found if len(_WORD.findall(rest)) <= 2 else None
