"""What the parser learns about one page as it reads, a part of parsing (read -> parse -> extract).

`Findings` collects, pass by pass, the dates read and where each stood
(`DateRank`: a date under the headline outweighs one in the page address,
which outweighs one above the headline, where widgets stand), the claims
about outlets (sources.py's `Claim`), bylines, the page's address and the
problems met. At the end it settles the publication date and who published
the page and whom it credits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum

from articles.ingest.dates import DateFound, date_in_url
from articles.ingest.document import Precision, PublishedDate
from articles.ingest.sources import Claim, KnownSources, shown_name


class DateRank(IntEnum):
    """Where a date was read, best first: a site's widgets sit above the headline."""

    HEADER = 0
    UNDER_HEADLINE = 1
    DATELINE = 2
    ADDRESS = 3
    ABOVE_HEADLINE = 4
    WIDGET_LIKE = 5
    # A post's time under its text (a channel's or a forum's): only when nothing else says.
    CLOSING = 6


@dataclass
class Findings:
    """What the passes learn about the article as they go."""

    today: dt.date
    title: str | None = None
    dates: list[tuple[DateRank, PublishedDate]] = field(default_factory=list)
    claims: list[tuple[Claim, str]] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    url: str | None = None
    problems: list[str] = field(default_factory=list)
    # An aggregator's list of other outlets' items: it has no headline of its own.
    is_listing: bool = False
    # A social network's post (a channel's, a thread's): its first line is text, no headline.
    is_post: bool = False
    # A copyright line signed by an outlet we do not know: the page is not a wire's own.
    signed_by_unknown: bool = False
    # Where the site's navigation ended among the kept lines: the headline comes later.
    navigation_end: int = 0
    # The page's first line as copied, where a site's masthead stands.
    top_line: str = ""
    # The breadcrumb's last crumb, which names the page ('Home > … > Caspian cooperation').
    crumb: str | None = None
    # Names shown as set, whatever their capitals: a short name a masthead spells out beside
    # it ('AZPROMO — …'), a newsletter's sender as it signs its letters.
    abbreviations: set[str] = field(default_factory=set)
    # A dateline's month and day written without a year ("БАКУ, 11 янв — Sputnik").
    yearless: tuple[int, int] | None = None

    def note_problem(self, problem: str | None) -> None:
        if problem and problem not in self.problems:
            self.problems.append(problem)

    def note_date(self, found: DateFound, rank: DateRank) -> None:
        self.note_problem(found.problem)
        value = found.published.value
        if value is None or found.is_today:
            return
        if value > self.today + dt.timedelta(days=1):
            self.note_problem(f"date in the future: {value.isoformat()}")
            return
        # Above the headline, the day the page was copied is a clock's, not the article's.
        if rank >= DateRank.ABOVE_HEADLINE and value >= self.today - dt.timedelta(days=1):
            return
        self.dates.append((rank, found.published))

    def published(self) -> PublishedDate:
        """The best-placed date; a finer one of the article's own that falls within it says
        more ('03/09/2010' is only the year, until the dateline's '3 сен' reads it)."""
        if not self.dates:
            return PublishedDate.unknown()
        rank, best = min(self._without_copy_day(), key=lambda dated: dated[0])
        if rank is DateRank.WIDGET_LIKE:
            best = self._closing_stamp_before(best) or best
        finer = (
            published
            for rank, published in sorted(self.dates, key=lambda dated: dated[0])
            if rank <= DateRank.DATELINE and _within(published, best)
        )
        return next(finer, best)

    def _without_copy_day(self) -> list[tuple[DateRank, PublishedDate]]:
        """The dates noted, less the day the page was copied ('Москва, 29.11.2026' over the
        dateline, 'Moderator.az - 29.11.2026' under a print copy) when the page gives a day of
        its own before it: a clock's or a print's stamp, wherever it stands."""
        copy_day = self.today - dt.timedelta(days=1)
        older = [dated for dated in self.dates if (dated[1].value or dt.date.min) < copy_day]
        own_day = any(published.precision is Precision.DAY for _, published in older)
        return older if own_day else self.dates

    def _closing_stamp_before(self, widget: PublishedDate) -> PublishedDate | None:
        """A post's stamp under the text, to the day and before a widget's date above the
        headline: the widget (a calendar with its weekday, an update, a month) shows when the
        page was looked at or changed; the stamp, when it went out."""
        stamps = [
            published
            for rank, published in self.dates
            if rank is DateRank.CLOSING
            and published.precision is Precision.DAY
            and widget.value is not None
            and published.value < widget.value
        ]
        return stamps[0] if len(stamps) == 1 else None

    def claim(self, strength: Claim, name: str | None) -> None:
        if name:
            self.claims.append((strength, name))

    def note_url(self, url: str, sources: KnownSources, strength: Claim) -> None:
        url = url.rstrip(".,;)")
        if strength is not Claim.CITED and self.url is None:
            self.url = url
            found = date_in_url(url)
            if found:
                self.note_date(found, DateRank.ADDRESS)
        self.claim(strength, sources.from_url(url))

    def publisher_and_credits(self) -> tuple[str | None, tuple[str, ...]]:
        """The strongest claim names the publisher; every other outlet named is a credit."""
        # An outlet the text cites ("Источник: ТАСС", "according to Interfax") publishes
        # the page only if the page's own banner, address or copyright says so: a wire's
        # own page never cites it, so its dateline there is a reprint's.
        cited = {name for strength, name in self.claims if strength is Claim.CITED}
        # A channel's post that says 'Interfax reports' retells the agency: a network's page
        # is the channel's, never a newsroom's own; so is a digest's or an aggregator's list.
        lowest = Claim.CREDIT if self.is_post or self.is_listing else Claim.ATTRIBUTION
        publishing = [
            (strength, name)
            for strength, name in self.claims
            if strength >= Claim.NAMED or (strength >= lowest and name not in cited)
        ]
        strongest = max((strength for strength, _ in publishing), default=None)
        publisher = next((name for strength, name in publishing if strength == strongest), None)
        # A page its footer signs for an outlet we do not know is that outlet's,
        # whatever agency its dateline or text names: left unknown, never a wire's.
        if self.signed_by_unknown and strongest is not None and strongest < Claim.NAMED:
            publisher = None
        # A name the page gives itself is no one's credit, even where a known one outweighs it.
        # A bureau signs its dateline with its family's short name ('ТБИЛИСИ — Sputnik' on
        # Sputnik Georgia's page), a service its copyright with its house's ('© 2020 BBC' under
        # BBC News Russian's banner): that is the page's own, not a credit to another.
        credits = dict.fromkeys(
            name
            for strength, name in self.claims
            if name != publisher
            and strength is not Claim.NAMED
            and not (strength in _OWN_HOUSE_CLAIMS and _same_family(name, publisher))
        )
        if (
            publisher is not None
            and strongest is Claim.NAMED
            and publisher not in self.abbreviations
        ):
            publisher = shown_name(publisher)
        return publisher, tuple(credits)


_OWN_HOUSE_CLAIMS = (Claim.DATELINE, Claim.SITE)


def _same_family(name: str, publisher: str | None) -> bool:
    """'Sputnik Azerbaijan' and 'Sputnik Georgia': two bureaus of one outlet."""
    return bool(publisher) and name.split()[0].casefold() == publisher.split()[0].casefold()


def _within(finer: PublishedDate, coarser: PublishedDate) -> bool:
    """`finer` names a shorter span inside `coarser`'s: a day of its month, a month of its year."""
    if finer.value is None or coarser.value is None:
        return False
    inside = coarser.value <= finer.value and finer.last_day <= coarser.last_day
    return inside and (finer.value, finer.last_day) != (coarser.value, coarser.last_day)
