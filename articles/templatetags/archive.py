"""Presentation helpers for the archive's templates (render): honest dates,
article bodies as structure, counts that admit their bound, the timeline,
all in the interface's language."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from articles.filters import language_label
from articles.models import DatePrecision, Tag
from articles.search import CANDIDATE_LIMIT, mark

register = template.Library()

BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 12, 3, 60
# Room for a first and a last label side by side, however few the bars.
MIN_CHART_WIDTH = 60


# A month inside a full date: Russian declines it (26 апреля), Azerbaijani
# writes it in lower case (26 aprel). The context is Django's own for the "E"
# date format, so these entries of our catalogue also correct `date:"j E Y"`
# where Django's catalogue is wrong (it capitalises the Azerbaijani months).
MONTHS_IN_DATE = {
    1: pgettext_lazy("alt. month", "January"),
    2: pgettext_lazy("alt. month", "February"),
    3: pgettext_lazy("alt. month", "March"),
    4: pgettext_lazy("alt. month", "April"),
    5: pgettext_lazy("alt. month", "May"),
    6: pgettext_lazy("alt. month", "June"),
    7: pgettext_lazy("alt. month", "July"),
    8: pgettext_lazy("alt. month", "August"),
    9: pgettext_lazy("alt. month", "September"),
    10: pgettext_lazy("alt. month", "October"),
    11: pgettext_lazy("alt. month", "November"),
    12: pgettext_lazy("alt. month", "December"),
}
# A month that is the most precise part of a date ("April 2022"): the
# nominative, in lower case where the language writes it so (апрель 2022).
MONTHS_OF_YEAR = {
    1: pgettext_lazy("a date known to the month", "January"),
    2: pgettext_lazy("a date known to the month", "February"),
    3: pgettext_lazy("a date known to the month", "March"),
    4: pgettext_lazy("a date known to the month", "April"),
    5: pgettext_lazy("a date known to the month", "May"),
    6: pgettext_lazy("a date known to the month", "June"),
    7: pgettext_lazy("a date known to the month", "July"),
    8: pgettext_lazy("a date known to the month", "August"),
    9: pgettext_lazy("a date known to the month", "September"),
    10: pgettext_lazy("a date known to the month", "October"),
    11: pgettext_lazy("a date known to the month", "November"),
    12: pgettext_lazy("a date known to the month", "December"),
}
TAG_KIND_HEADINGS = {
    Tag.Kind.TOPIC: _("Topics"),
    Tag.Kind.PERSON: _("People"),
    Tag.Kind.ORGANISATION: _("Organisations"),
    Tag.Kind.PLACE: _("Places"),
    Tag.Kind.EVENT: _("Events"),
}
FACET_GROUP_NAMES = {
    "dates": _("dates"),
    "sources": _("sources"),
    "languages": _("languages"),
    "agreements": _("agreements"),
    "tags": _("tags"),
}


@register.filter
def honest_date(article) -> str:
    """The date as precisely as it is known, and no more, in the interface's language."""
    return date_as_known(article.published_on, article.date_precision)


@register.filter
def entry_date(entry) -> str:
    """A timeline entry's date (a document's signing, an event's) as precisely as known."""
    return date_as_known(entry.happened_on, entry.precision)


def date_as_known(date, precision: str) -> str:
    if date is None or precision == DatePrecision.UNKNOWN:
        return gettext("date unknown")
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS_OF_YEAR[date.month]} {date.year}"
    return f"{date.day} {MONTHS_IN_DATE[date.month]} {date.year}"


@register.filter
def localize_count(number: int) -> str:
    """A count grouped the interface language's way: 12,345 or 12 345."""
    return number_format(number, force_grouping=True)


@register.filter
def bounded_count(total: int, cap: int = CANDIDATE_LIMIT) -> str:
    """A count from a capped query: "10,000+" once it passes the cap."""
    if total > cap:
        return f"{localize_count(cap)}+"
    return localize_count(total)


@register.filter
def language_name(code: str) -> str:
    """An article's language named in the interface's language."""
    return language_label(code)


@register.filter
def tag_kind_heading(kind_label: str) -> str:
    """The facet heading for a kind of tag, from the kind's (translated) label."""
    for kind, heading in TAG_KIND_HEADINGS.items():
        if str(kind.label) == str(kind_label):
            return str(heading)
    return str(kind_label).capitalize()


@register.filter
def facet_group_names(groups) -> str:
    """Facet groups named for a reader: "sources, tags"."""
    return ", ".join(str(FACET_GROUP_NAMES.get(group, group)) for group in groups)


@dataclass(frozen=True)
class Block:
    is_heading: bool
    html: SafeString


@register.filter
def blocks(body: str) -> list[Block]:
    """Paragraphs and "## " subheadings of a clean body (or of one whose
    matches sit between search sentinels), each escaped and marked."""
    found = []
    for text in (body or "").split("\n\n"):
        text = text.strip()
        if text.startswith("## "):
            found.append(Block(True, mark(text[3:].strip())))
        elif text:
            found.append(Block(False, mark(text)))
    return found


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    link: object | None
    x: int
    y: int
    height: int


@register.inclusion_tag("articles/includes/timeline.html")
def timeline(links: list, year: int | None) -> dict:
    """Bars per year (gaps shown as empty years) or per month of `year`,
    drawn as SVG on the server from the date facet's links."""
    undated = gettext("date unknown")
    by_label = {str(link.label): link for link in links if str(link.label) != undated}
    if year is None:
        years = [int(label) for label in by_label]
        labels = [str(y) for y in range(min(years), max(years) + 1)] if years else []
    else:
        labels = [str(MONTHS[month]) for month in range(1, 13)]
    highest = max((link.count for link in by_label.values()), default=0) or 1
    bars = []
    for i, label in enumerate(labels):
        link = by_label.get(label)
        count = link.count if link else 0
        height = round(count / highest * (CHART_HEIGHT - 14)) if count else 0
        y = CHART_HEIGHT - 12 - height
        bars.append(Bar(label, count, link, i * (BAR_WIDTH + BAR_GAP), y, height))
    width = max(len(bars) * (BAR_WIDTH + BAR_GAP), MIN_CHART_WIDTH)
    return {
        "bars": bars,
        "width": width,
        "height": CHART_HEIGHT,
        "bar_width": BAR_WIDTH,
        "axis_y": CHART_HEIGHT - 12,
        "label_y": CHART_HEIGHT - 1,
        "year": year,
    }


@register.simple_tag
def interface_languages() -> list[tuple[str, str]]:
    """The interface's languages for the switcher, each named in itself as
    settings.LANGUAGES names it (get_available_languages would translate them)."""
    return list(settings.LANGUAGES)
