"""Presentation helpers for the archive's templates (render): honest dates,
article bodies as structure, counts that admit their bound, the timeline."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString

from articles.models import DatePrecision
from articles.search import CANDIDATE_LIMIT, mark

register = template.Library()

BAR_WIDTH, BAR_GAP, CHART_HEIGHT = 12, 3, 60
# Room for a first and a last label side by side, however few the bars.
MIN_CHART_WIDTH = 60


@register.filter
def honest_date(article) -> str:
    """The date as precisely as it is known, and no more."""
    date, precision = article.published_on, article.date_precision
    if date is None or precision == DatePrecision.UNKNOWN:
        return "date unknown"
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return f"{calendar.month_name[date.month]} {date.year}"
    return f"{date.day} {calendar.month_name[date.month]} {date.year}"


@register.filter
def bounded_count(total: int) -> str:
    """A count from a capped query: "10,000+" once it reaches the cap."""
    if total > CANDIDATE_LIMIT:
        return f"{CANDIDATE_LIMIT:,}+"
    return f"{total:,}"


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
    by_label = {link.label: link for link in links if link.label != "date unknown"}
    if year is None:
        years = [int(label) for label in by_label]
        labels = [str(y) for y in range(min(years), max(years) + 1)] if years else []
    else:
        labels = list(calendar.month_name)[1:]
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
