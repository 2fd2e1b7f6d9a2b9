"""The values that flow through ingestion: read -> parse -> extract -> store.

Plain frozen dataclasses, no Django: every stage takes and returns these, so
each stage can be tested on its own and the store never sees raw text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class AgreementKind(StrEnum):
    TREATY = "treaty"
    JOINT_STATEMENT = "joint_statement"
    WORK_PLAN = "work_plan"
    MEMORANDUM = "memorandum"
    DECLARATION = "declaration"
    AGREEMENT = "agreement"
    ROAD_MAP = "road_map"
    ACTION_PLAN = "action_plan"
    PROTOCOL = "protocol"
    PROGRAMME = "programme"
    CONTRACT = "contract"
    MINUTES = "minutes"


class TagKind(StrEnum):
    TOPIC = "topic"
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    EVENT = "event"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from a file's bytes; the bytes themselves are kept untouched."""

    text: str
    encoding: str


@dataclass(frozen=True)
class PublishedDate:
    """A date as precise as the text allows: 2019-11-25, 2019-11 or 2019.

    `value` holds the first day of the month or year when the precision is
    coarser, so it sorts; `precision` says how much of it the text gave.
    """

    value: dt.date | None
    precision: Precision = Precision.UNKNOWN

    @classmethod
    def unknown(cls) -> PublishedDate:
        return cls(None, Precision.UNKNOWN)

    @property
    def last_day(self) -> dt.date | None:
        """The last day the date may stand for: itself, or its month's or its year's last."""
        if self.value is None or self.precision is Precision.DAY:
            return self.value
        if self.precision is Precision.MONTH:
            days_in_month = calendar.monthrange(self.value.year, self.value.month)[1]
            return self.value.replace(day=days_in_month)
        return self.value.replace(month=12, day=31)


@dataclass(frozen=True)
class ParsedArticle:
    """What the parser makes of one file's text.

    `body` is the clean text: blocks separated by one blank line, a block
    that is a subheading written as "## Subheading". `problems` lists what
    the parser noticed and refused to store (an impossible date, say), in
    words a person understands.
    """

    title: str
    title_derived: bool
    body: str
    published: PublishedDate = field(default_factory=PublishedDate.unknown)
    source: str | None = None
    byline: str = ""
    language: str = "en"
    url: str | None = None
    problems: tuple[str, ...] = ()
    # Agencies the text cites or reprints from, apart from its publisher (`source`).
    credits: tuple[str, ...] = ()


BILATERAL_PARTIES = frozenset({"Azerbaijan", "Russia"})


@dataclass(frozen=True)
class AgreementMention:
    """A signed (or planned) document an article names.

    `register_key` is the curated register's entry it was matched to, if any;
    `date_note` says how `signed_on` was read when it was not written in full
    (a day and month that took the article's year).
    """

    name: str
    kind: AgreementKind
    key: str
    is_signed: bool = True
    parties: tuple[str, ...] = ()
    signed_on: dt.date | None = None
    sentence: str = ""
    register_key: str | None = None
    date_note: str = ""

    @property
    def is_bilateral(self) -> bool:
        """Between Azerbaijan and Russia alone (unknown parties count as theirs)."""
        return not self.parties or frozenset(self.parties) == BILATERAL_PARTIES


@dataclass(frozen=True)
class TagMention:
    name: str
    kind: TagKind
