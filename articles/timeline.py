"""The bilateral timeline (query): every approved document by its date of signing
and the events the articles report by their own dates, year by year from 1991.

`TimelineForm` reads the parameters of /timeline/ and /api/timeline/ (kind,
person or any tag, document, year or decade); `build_timeline` turns a valid
form into years of entries in three queries, however many entries: the
documents, the events grouped by kind and date, and the first articles
reporting each of those events. The page and the API render what it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from articles.changes import cached_until_changed
from articles.filters import UNKNOWN_SLUG, known_slugs
from articles.models import (
    Agreement,
    AgreementStatus,
    Event,
    EventKind,
    Mention,
    Tag,
    TagKind,
    name_in_interface_language,
)

FIRST_YEAR = 1991
# A page shows at most this many documents and as many events; narrowing by
# year or decade shows the rest. Bounds the page whatever the archive's size.
ENTRIES_SHOWN = 300
# An event lists its first reports; the article list (by event date) has them all.
ARTICLES_PER_EVENT = 5
DOCUMENT, EVENT = "document", "event"
# Within a year an entry known only to the year comes first; within a month, one known
# only to the month comes before its days.
PRECISION_ORDER = {"year": 0, "month": 1, "day": 2}


def _last_year() -> int:
    return dt.date.today().year + 1


class SlugField(forms.ChoiceField):
    """A tag's or agreement's slug, checked against the shared cache of slugs; the
    menu offers `offered` (people, the timeline's documents) and the chosen one."""

    def __init__(self, noun: str, *, anything: str, offered, **options):
        self.noun, self.anything, self.offered = noun, anything, offered
        super().__init__(
            choices=lambda: [("", ""), *known_slugs(noun)],
            required=False,
            error_messages={"invalid_choice": UNKNOWN_SLUG[noun]},
            **options,
        )

    def menu(self, chosen: str | None) -> list[tuple[str, str]]:
        offered = self.offered()
        if chosen and chosen not in dict(offered):
            named = dict(known_slugs(self.noun))
            offered = [(chosen, named[chosen]), *offered] if chosen in named else offered
        return [("", self.anything), *offered]


def _people() -> list[tuple[str, str]]:
    return cached_until_changed(
        "timeline:people",
        lambda: list(
            Tag.objects.filter(kind=TagKind.PERSON).order_by("name").values_list("slug", "name")
        ),
    )


def _timeline_documents():
    """What the timeline shows of the documents, and its menu offers: approved ones
    between the two parties alone, signed since the timeline starts."""
    return Agreement.objects.bilateral().filter(
        status=AgreementStatus.APPROVED, signed_on__gte=dt.date(FIRST_YEAR, 1, 1)
    )


def _documents_on_the_timeline() -> list[tuple[str, str]]:
    # Cached in every language at once; named in the page's own when read.
    documents = cached_until_changed(
        "timeline:documents-in-three-languages",
        lambda: list(
            _timeline_documents()
            .order_by("signed_on", "name")
            .values_list("slug", "name", "name_ru", "name_az")
        ),
    )
    return [(slug, name_in_interface_language(*names)) for slug, *names in documents]


class TimelineForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What"),
        required=False,
        choices=[("", _("Documents and events")), (DOCUMENT, _("Documents signed"))]
        + list(EventKind.choices),
        error_messages={"invalid_choice": _("There is no kind of entry “%(value)s”.")},
    )
    tag = SlugField("tag", anything=_("Anyone"), offered=_people, label=_("Person"))
    agreement = SlugField(
        "agreement",
        anything=_("Any document"),
        offered=_documents_on_the_timeline,
        label=_("Document"),
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=FIRST_YEAR,
        error_messages={
            "min_value": _("The timeline starts in %(limit_value)s."),
            "invalid": _("A year is four digits, such as 2019."),
        },
    )
    decade = forms.IntegerField(
        label=_("Decade"),
        required=False,
        min_value=1990,
        error_messages={
            "min_value": _("The timeline starts in the 1990s."),
            "invalid": _("A decade is its first year, such as 2010."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("tag", "agreement"):
            self.fields[name].widget.choices = self.fields[name].menu(self.data.get(name))
        # The last year moves with the calendar: set on each form, not at import.
        last = _last_year()
        self.fields["year"].widget.attrs.update(min=FIRST_YEAR, max=last)
        self.fields["decade"].widget.attrs.update(min=1990, max=last, step=10)

    def clean_year(self) -> int | None:
        year = self.cleaned_data.get("year")
        if year is not None and year > _last_year():
            raise forms.ValidationError(
                _("The timeline ends in %(year)s."), params={"year": _last_year()}
            )
        return year

    def clean_decade(self) -> int | None:
        decade = self.cleaned_data.get("decade")
        if decade is not None and (decade % 10 or decade > _last_year()):
            raise forms.ValidationError(_("A decade is its first year, such as 2010."))
        return decade

    def clean(self) -> dict:
        data = super().clean()
        if data.get("year") and data.get("decade"):
            raise forms.ValidationError(_("Choose a year or a decade, not both."))
        return data

    def decades(self) -> list[int]:
        """The decades the timeline spans, by their first years: 1990, 2000…"""
        return list(range(1990, _last_year() + 1, 10))

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day the chosen year or decade (or the whole timeline) covers."""
        year, decade = self.cleaned_data.get("year"), self.cleaned_data.get("decade")
        if year:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if decade:
            return dt.date(max(decade, FIRST_YEAR), 1, 1), dt.date(decade + 9, 12, 31)
        return dt.date(FIRST_YEAR, 1, 1), dt.date(_last_year(), 12, 31)


@dataclass(frozen=True)
class Report:
    """An article reporting an event, as an entry links it."""

    slug: str
    title: str
    source: str | None
    published_on: dt.date | None
    date_precision: str
    language: str
    story_id: int | None


@dataclass
class EventEntry:
    kind: str
    label: str
    happened_on: dt.date
    precision: str
    is_planned: bool
    article_count: int
    reports: list[Report] = field(default_factory=list)
    # The first report's sentence about it.
    sentence: str = ""

    is_document = False
    entry_type = EVENT

    @property
    def more_reports(self) -> int:
        return self.article_count - len(self.reports)


@dataclass(frozen=True)
class DocumentEntry:
    slug: str
    name: str
    kind: str
    label: str
    happened_on: dt.date
    place: str
    article_count: int

    precision = "day"
    is_document = True
    entry_type = DOCUMENT


@dataclass(frozen=True)
class TimelineYear:
    year: int
    entries: list


@dataclass(frozen=True)
class Timeline:
    years: list[TimelineYear]
    # More documents or events than a page shows: narrowing shows the rest.
    is_cut: bool


def build_timeline(form: TimelineForm) -> Timeline:
    """The years of a valid form's documents and events, oldest first."""
    chosen = form.cleaned_data
    first, last = form.period()
    kind = chosen.get("kind") or ""
    documents = [] if kind not in ("", DOCUMENT) else _documents(chosen, first, last)
    events = [] if kind == DOCUMENT else _events(chosen, first, last)
    is_cut = len(documents) > ENTRIES_SHOWN or len(events) > ENTRIES_SHOWN
    entries = sorted(
        [*documents[:ENTRIES_SHOWN], *events[:ENTRIES_SHOWN]],
        key=lambda entry: (
            entry.happened_on.year,
            0 if entry.precision == "year" else entry.happened_on.month,
            PRECISION_ORDER[entry.precision],
            entry.happened_on,
            not entry.is_document,
            entry.label,
        ),
    )
    years: dict[int, list] = {}
    for entry in entries:
        years.setdefault(entry.happened_on.year, []).append(entry)
    return Timeline([TimelineYear(year, rows) for year, rows in years.items()], is_cut)


def _documents(chosen: dict, first: dt.date, last: dt.date) -> list[DocumentEntry]:
    """Approved bilateral documents signed in the period, one more than a page shows."""
    documents = _timeline_documents().filter(signed_on__range=(first, last))
    if chosen.get("agreement"):
        documents = documents.filter(slug=chosen["agreement"])
    if chosen.get("tag"):
        tagged = Mention.objects.filter(agreement=OuterRef("pk"), article__tags__slug=chosen["tag"])
        documents = documents.filter(Exists(tagged))
    labels = dict(Agreement.Kind.choices)
    rows = (
        documents.with_article_counts()
        .order_by("signed_on", "name", "pk")
        .values(
            "slug",
            "name",
            "name_ru",
            "name_az",
            "kind",
            "signed_on",
            "signed_place",
            "article_count",
        )
    )
    return [
        DocumentEntry(
            slug=row["slug"],
            name=name_in_interface_language(row["name"], row["name_ru"], row["name_az"]),
            kind=row["kind"],
            label=str(labels.get(row["kind"], row["kind"])),
            happened_on=row["signed_on"],
            place=row["signed_place"],
            article_count=row["article_count"],
        )
        for row in rows[: ENTRIES_SHOWN + 1]
    ]


def _chosen_events(chosen: dict, first: dt.date, last: dt.date):
    events = Event.objects.filter(happened_on__range=(first, last))
    if chosen.get("kind"):
        events = events.filter(kind=chosen["kind"])
    if chosen.get("tag"):
        events = events.filter(article__tags__slug=chosen["tag"])
    if chosen.get("agreement"):
        events = events.filter(article__mentions__agreement__slug=chosen["agreement"])
    return events


GROUP = ("kind", "happened_on", "precision")


def _events(chosen: dict, first: dt.date, last: dt.date) -> list[EventEntry]:
    """The period's events, one entry per kind and date, each with its first reports."""
    events = _chosen_events(chosen, first, last)
    # No per-group subquery here (the first report's sentence, say): SQLite runs it for
    # every group before the LIMIT, 26 s for 26,000 groups (bench/RESULTS.md, "Events").
    groups = list(
        events.order_by()
        .values(*GROUP)
        .annotate(
            article_count=Count("article_id", distinct=True),
            reported_count=Count("pk", filter=Q(is_planned=False)),
        )
        .order_by("happened_on", "kind", "precision")[: ENTRIES_SHOWN + 1]
    )
    labels = dict(EventKind.choices)
    entries = {
        tuple(group[name] for name in GROUP): EventEntry(
            kind=group["kind"],
            label=str(labels.get(group["kind"], group["kind"])),
            happened_on=group["happened_on"],
            precision=group["precision"],
            is_planned=group["reported_count"] == 0,
            article_count=group["article_count"],
        )
        for group in groups
    }
    if entries:
        shown = groups[:ENTRIES_SHOWN][-1]["happened_on"]
        for key, report, sentence in _first_reports(events.filter(happened_on__lte=shown)):
            if key in entries:
                entries[key].sentence = entries[key].sentence or sentence
                entries[key].reports.append(report)
    return list(entries.values())


def _first_reports(events) -> list[tuple[tuple, Report, str]]:
    """Each event's first ARTICLES_PER_EVENT articles, oldest first, with the sentence
    each reports it in, in one query."""
    rank = Window(
        RowNumber(),
        partition_by=[F(name) for name in GROUP],
        order_by=[F("article__published_on").asc(nulls_last=True), F("article_id").asc()],
    )
    rows = (
        events.annotate(rank=rank)
        .filter(rank__lte=ARTICLES_PER_EVENT)
        .order_by("happened_on", "kind", "precision", "rank")
        .values(
            *GROUP,
            "article__slug",
            "article__title",
            "article__source__name",
            "article__published_on",
            "article__date_precision",
            "article__language",
            "article__story_id",
            "sentence",
        )
    )
    return [
        (
            tuple(row[name] for name in GROUP),
            Report(
                slug=row["article__slug"],
                title=row["article__title"],
                source=row["article__source__name"],
                published_on=row["article__published_on"],
                date_precision=row["article__date_precision"],
                language=row["article__language"],
                story_id=row["article__story_id"],
            ),
            row["sentence"],
        )
        for row in rows
    ]
