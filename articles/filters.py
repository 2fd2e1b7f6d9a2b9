"""The list page's parameters (the contract's names): what they accept,
the messages for what they do not, what they select, and the links that
change one of them while keeping the others.

ArticleFilterSet validates the query string into form errors and filters
the articles; articles/listing.py turns the result into pages, exports and
facet counts for every consumer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import F
from django.http import QueryDict
from django.utils.dates import MONTHS
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ChoiceField, MultipleChoiceField

from articles.changes import cached_until_changed
from articles.models import (
    TAG_KIND_ORDER,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Event,
    Source,
    Tag,
)
from articles.search import CANDIDATE_LIMIT

PER_PAGE = 20
# `page` reaches the first pages by OFFSET; deeper goes by cursor (keyset).
MAX_PAGE = CANDIDATE_LIMIT // PER_PAGE
SORTS = [
    ("relevance", _("Relevance")),
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
]
# A cursor: which way, then the published date ("-" when undated) and id of
# the row the page starts after (next) or ends before (prev).
CURSOR = re.compile(r"^(next|prev)\.(\d{4}-\d{2}-\d{2}|-)\.(\d{1,18})$")
TURNING_PAGE = ("page", "cursor")
DATE_INPUT = forms.DateInput(attrs={"type": "date"})
# A repeatable parameter (tag, exclude_tag, source) takes this many values:
# more than any reader picks, and a bound on the work one address can ask for.
MAX_VALUES = 20
# Every parameter's name and values together, decoded. A 10,000-character
# search still answers (the search reads its first words); this bounds what
# the page echoes back and checks.
MAX_QUERY_CHARS = 12_000


class ArticleFilterForm(forms.Form):
    page = forms.IntegerField(
        min_value=1,
        max_value=MAX_PAGE,
        required=False,
        error_messages={
            "max_value": _("Pages go up to %(limit_value)s: use “Older” to go deeper.")
        },
    )
    cursor = forms.CharField(required=False, max_length=40)

    def clean_cursor(self) -> tuple[str, dt.date | None, int] | None:
        text = self.cleaned_data.get("cursor")
        if not text:
            return None
        found = CURSOR.match(text)
        try:
            date = None if found[2] == "-" else dt.date.fromisoformat(found[2])
        except (TypeError, ValueError):
            raise forms.ValidationError(_("This link to a page is broken; start again.")) from None
        return found[1], date, int(found[3])

    def clean(self) -> dict:
        data = super().clean()
        for dates in ("date", "event"):
            after, before = data.get(f"{dates}_after"), data.get(f"{dates}_before")
            if after and before and after > before:
                self.add_error(f"{dates}_before", _("The end date is before the start date."))
        if query_chars(self.data) > MAX_QUERY_CHARS:
            raise forms.ValidationError(
                _("This address asks for too much: at most %(limit)s characters of filters."),
                code="too_long",
                params={"limit": f"{MAX_QUERY_CHARS:,}"},
            )
        return data


def query_chars(data: QueryDict) -> int:
    """How long the query is: its names and values, decoded."""
    return sum(len(key) + sum(len(value) for value in values) for key, values in data.lists())


class BoundedChoicesField(MultipleChoiceField):
    """A repeated parameter's values, refused past MAX_VALUES before any is
    looked up among the choices."""

    default_error_messages = {
        "too_many": _("Choose at most %(limit)d values here; the address gave %(count)d."),
    }

    def to_python(self, value) -> list[str]:
        values = super().to_python(value)
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": MAX_VALUES, "count": len(values)},
            )
        return values


class BoundedChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = BoundedChoicesField


def _unchanged(queryset, name, value):
    """For parameters that order or page rather than filter: the listing reads them."""
    return queryset


def _from_any_source(queryset, name, slugs):
    return queryset.filter(source__slug__in=set(slugs))


def _with_every_tag(queryset, name, slugs):
    return queryset.tagged_with_all(slugs)


def _without_any_tag(queryset, name, slugs):
    return queryset.without_tags(slugs)


# What a slug filter chooses among, by noun: one queryset per cached list.
SLUGGED = {
    "source": Source.objects.all(),
    "tag": Tag.objects.all(),
    "agreement": Agreement.objects.visible(),
}
UNKNOWN_SLUG = {
    "source": _("There is no source “%(value)s”."),
    "tag": _("There is no tag “%(value)s”."),
    "agreement": _("There is no agreement “%(value)s”."),
}


def known_slugs(noun: str) -> list[tuple[str, str]]:
    """The slugs a filter accepts with their names, as choices, from the shared
    cache: checking a chosen slug, and naming it on its chip, then costs the
    page no query of its own."""
    return cached_until_changed(
        f"named-slugs:{noun}",
        lambda: list(SLUGGED[noun].order_by().values_list("slug", "name")),
    )


def present_languages() -> list[str]:
    """The codes of the languages the articles are in, from the shared cache."""
    return cached_until_changed(
        "languages",
        lambda: sorted(Article.objects.order_by().values_list("language", flat=True).distinct()),
    )


# The articles' languages, named as the interface names them. The msgids are
# Django's own, so these entries of our catalogue also name them in
# get_language_info: Django's Azerbaijani says "Rus" where a reader says "Rus dili".
LANGUAGE_NAMES = {"en": _("English"), "ru": _("Russian"), "az": _("Azerbaijani")}


def language_label(code: str) -> str:
    """A language named in the interface's language ("Russian", "Русский"), or
    its code when Django does not know it."""
    if code in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[code])
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def language_choices() -> list[tuple[str, str]]:
    # Labelled on each call: the codes are cached, their names follow the reader.
    return sorted(((code, language_label(code)) for code in present_languages()), key=_by_label)


def _by_label(choice: tuple[str, str]) -> str:
    return str(choice[1]).casefold()


class LanguageField(ChoiceField):
    """A language code in any case: `RU` is `ru`."""

    def to_python(self, value) -> str:
        return super().to_python(value).strip().lower()


class LanguageSelect(forms.Select):
    """Shows `RU` from the address as the `ru` it means."""

    def format_value(self, value) -> list[str]:
        return [code.lower() for code in super().format_value(value)]


class LanguageFilter(django_filters.ChoiceFilter):
    field_class = LanguageField


def slug_choices(field_name: str, noun: str, *, many: bool = True, **options):
    """A filter by slug (repeatable, up to MAX_VALUES, when `many`) whose
    unknown values read "There is no tag “x”."."""
    kind = BoundedChoicesFilter if many else django_filters.ChoiceFilter
    return kind(
        field_name=field_name,
        choices=lambda: known_slugs(noun),
        distinct=False,
        error_messages={"invalid_choice": UNKNOWN_SLUG[noun]},
        **options,
    )


def _events_between(after: dt.date | None, before: dt.date | None):
    bounds = {"happened_on__gte": after, "happened_on__lte": before}
    return Event.objects.filter(**{name: value for name, value in bounds.items() if value})


class ArticleFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method=_unchanged,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _('e.g. "action plan" -oil')}
        ),
    )
    date_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label=_("From"), widget=DATE_INPUT
    )
    date_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label=_("Until"), widget=DATE_INPUT
    )
    undated = django_filters.BooleanFilter(
        field_name="published_on", lookup_expr="isnull", label=_("Date unknown")
    )
    # The date of an event the article reports (a visit, a commission's meeting),
    # not its publication: a 2024 article recalling a 2008 visit is found under 2008.
    event_after = django_filters.DateFilter(
        method="reporting_events_between", label=_("Events from"), widget=DATE_INPUT
    )
    event_before = django_filters.DateFilter(
        method="reporting_events_between", label=_("Events until"), widget=DATE_INPUT
    )
    # Each repeatable filter is one condition however many values it has.
    source = slug_choices("source__slug", "source", method=_from_any_source)
    tag = slug_choices("tags__slug", "tag", method=_with_every_tag)
    exclude_tag = slug_choices("tags__slug", "tag", method=_without_any_tag, label=_("Without tag"))
    agreement = slug_choices("agreements__slug", "agreement", many=False)
    language = LanguageFilter(
        choices=language_choices,
        widget=LanguageSelect,
        empty_label=_("Any language"),
        error_messages={"invalid_choice": _("No article is in the language “%(value)s”.")},
    )
    sort = django_filters.ChoiceFilter(choices=SORTS, method=_unchanged, empty_label=_("Default"))
    # A search also finds the other spellings of the names in it, unless exact=1.
    exact = django_filters.ChoiceFilter(
        choices=[("1", _("Only the words as typed"))],
        method=_unchanged,
        empty_label=_("Names in every spelling"),
        label=_("Spellings"),
        error_messages={"invalid_choice": _("exact takes 1: search only the words as typed.")},
    )
    # The listing shows a wire item once, its copies folded under it, unless copies=all.
    copies = django_filters.ChoiceFilter(
        choices=[("all", _("Every copy in its place"))],
        method=_unchanged,
        empty_label=_("Once, copies folded"),
        label=_("Copies"),
        error_messages={"invalid_choice": _("copies takes all: show every copy in its place.")},
    )

    class Meta:
        model = Article
        fields: list[str] = []
        form = ArticleFilterForm

    def filter_queryset(self, queryset, *, skipping: tuple[str, ...] = ()):
        # page and cursor are form fields, not filters: the listing reads them.
        for name, value in self.form.cleaned_data.items():
            if name in self.filters and name not in skipping:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def reporting_events_between(self, queryset, name, value):
        """The articles reporting one event between both chosen event dates: applied
        once, by the first of the two the address gives."""
        after = self.form.cleaned_data.get("event_after")
        before = self.form.cleaned_data.get("event_before")
        if name == "event_before" and after:
            return queryset
        # Driven by the events' date index: a date range holds few events.
        return queryset.filter(pk__in=_events_between(after, before).values("article_id"))

    def undated_outside_dates(self):
        """The undated articles every other filter chooses, which the chosen
        dates leave out; None when no date is chosen or undated ones are (or
        the parameters are invalid)."""
        if not self.is_valid():
            return None
        data = self.form.cleaned_data
        if data.get("undated") is not None or not (
            data.get("date_after") or data.get("date_before")
        ):
            return None
        others = self.filter_queryset(self.queryset, skipping=("date_after", "date_before"))
        return others.filter(published_on__isnull=True)

    @property
    def order(self) -> str:
        sort = self.form.cleaned_data.get("sort")
        if self.form.cleaned_data.get("q"):
            return sort or "relevance"
        return sort if sort in ("newest", "oldest") else "newest"

    @property
    def chosen_year(self) -> int | None:
        """The year when the dates chosen span exactly one calendar year, or a month of it."""
        after, before = (
            self.form.cleaned_data.get("date_after"),
            self.form.cleaned_data.get("date_before"),
        )
        if after and before and after.year == before.year and after.day == 1:
            ends_month = before.day == calendar.monthrange(before.year, before.month)[1]
            if ends_month and (after.month, before.month) in ((1, 12), (after.month, after.month)):
                return after.year
        return None


def facet_cache_key(query: QueryDict) -> str:
    """The query as the facet fragment depends on it: every filter, search
    and order, in a fixed order; not the page, which its links leave out."""
    kept = sorted((key, values) for key, values in query.lists() if key not in TURNING_PAGE)
    return urlencode([(key, value) for key, values in kept for value in values if value])


def with_changes(query: QueryDict, **changes: list[str] | str | None) -> QueryDict:
    """The page's query with some parameters set or removed, back on page one."""
    changed = query.copy()
    for key in (*TURNING_PAGE, *changes):
        changed.pop(key, None)
    for key, value in changes.items():
        if value is not None and value != []:
            changed.setlist(key, value if isinstance(value, list) else [value])
    return changed


@dataclass(frozen=True)
class FacetLink:
    """One value of a facet: its count and the query that adds or removes it."""

    label: str
    count: int
    query: QueryDict | None
    is_selected: bool = False
    exclude_query: QueryDict | None = None


def _toggle(query: QueryDict, key: str, value: str) -> tuple[bool, QueryDict]:
    chosen = query.getlist(key)
    if value in chosen:
        return True, with_changes(query, **{key: [v for v in chosen if v != value]})
    return False, with_changes(query, **{key: [*chosen, value]})


def _single(query: QueryDict, key: str, value: str) -> tuple[bool, QueryDict]:
    selected = query.get(key) == value
    return selected, with_changes(query, **{key: None if selected else value})


def _date_links(rows: list[dict], query: QueryDict, year: int | None) -> list[FacetLink]:
    links = []
    for row in rows:
        if row.get("year") is None and row.get("month") is None:
            selected, changed = _single(query, "undated", "true")
            changed = with_changes(changed, date_after=None, date_before=None)
            links.append(FacetLink(_("date unknown"), row["count"], changed, selected))
            continue
        if year is None:
            first, last = dt.date(row["year"], 1, 1), dt.date(row["year"], 12, 31)
            label = str(row["year"])
        else:
            first = dt.date(year, row["month"], 1)
            last = first.replace(day=calendar.monthrange(year, row["month"])[1])
            label = MONTHS[row["month"]]
        selected = query.get("date_after") == str(first) and query.get("date_before") == str(last)
        changed = with_changes(query, date_after=str(first), date_before=str(last), undated=None)
        links.append(FacetLink(label, row["count"], changed, selected))
    return links


def _link(label: str, count: int, toggled: tuple[bool, QueryDict]) -> FacetLink:
    selected, query = toggled
    return FacetLink(label, count, query, selected)


def _tag_links(rows: list[dict], query: QueryDict) -> dict[Tag.Kind, list[FacetLink]]:
    """Tags by kind, the kinds in TAG_KIND_ORDER on every page, whichever is
    commonest; each tag can be required (tag) or excluded (exclude_tag)."""
    by_kind: dict[str, list[FacetLink]] = {kind: [] for kind in TAG_KIND_ORDER}
    for row in rows:
        slug = row["tag__slug"]
        selected, changed = _toggle(query, "tag", slug)
        excluded = with_changes(query, exclude_tag=[*query.getlist("exclude_tag"), slug])
        link = FacetLink(row["tag__name"], row["count"], changed, selected, excluded)
        by_kind[Tag.Kind(row["tag__kind"])].append(link)
    return {kind: links for kind, links in by_kind.items() if links}


def facet_links(facets: dict, query: QueryDict, year: int | None) -> dict:
    """Each facet group as links that add or remove its value, keeping every other filter."""
    links: dict = {}
    if "dates" in facets:
        links["dates"] = _date_links(facets["dates"], query, year)
    if "sources" in facets:
        links["sources"] = [
            _link(row["source__name"], row["count"], _toggle(query, "source", row["source__slug"]))
            if row["source__slug"]
            else FacetLink(_("source unknown"), row["count"], None)
            for row in facets["sources"]
        ]
    if "languages" in facets:
        # `RU` in the address is the `ru` of the rows: the link removes it.
        chosen = with_changes(query, language=query.get("language", "").lower() or None)
        links["languages"] = [
            _link(
                language_label(row["language"]),
                row["count"],
                _single(chosen, "language", row["language"]),
            )
            for row in facets["languages"]
        ]
    if "agreements" in facets:
        links["agreements"] = [
            _link(row["agreement__name"], row["count"], _single(query, "agreement", slug))
            for row in facets["agreements"]
            if (slug := row["agreement__slug"])
        ]
    if "tags" in facets:
        links["tags"] = _tag_links(facets["tags"], query)
    return links


# The filters a reader chose, as opposed to the search text, its order and the page.
FILTERS = (
    "date_after",
    "date_before",
    "undated",
    "event_after",
    "event_before",
    "source",
    "tag",
    "exclude_tag",
    "agreement",
    "language",
)
# The filters shown as chips, each named by its slug in the address, and the
# noun whose names they show.
CHIPS = {"source": "source", "tag": "tag", "exclude_tag": "tag", "agreement": "agreement"}


def is_filtered(query: QueryDict) -> bool:
    """Whether any filter narrows the list (the search text and the order do not count)."""
    return any(value for key in FILTERS for value in query.getlist(key))


def chosen_names(query: QueryDict) -> dict[str, list[tuple[str, str]]]:
    """Each chosen source, tag, excluded tag and agreement as (slug, name), for
    its chip; the names come from the cached choices that validated the
    slugs, so naming them costs no query. An unknown slug keeps its slug, and
    so do more than MAX_VALUES, which are refused before any is looked up."""
    chosen = {}
    for key, noun in CHIPS.items():
        slugs = query.getlist(key)
        names = dict(known_slugs(noun)) if 0 < len(slugs) <= MAX_VALUES else {}
        chosen[key] = [(slug, names.get(slug, slug)) for slug in slugs]
    return chosen


class NameIndexForm(forms.Form):
    """The parameters of /sources/ and /tags/: a part of a name, a kind of
    tag and a first letter, each optional."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Every kind")), *((kind.value, kind.label) for kind in TAG_KIND_ORDER)],
    )
    letter = forms.CharField(required=False, max_length=1, strip=False)


@dataclass(frozen=True)
class TagIndex:
    """The tag index's headings: each kind with how many tags it has (in
    TAG_KIND_ORDER) and the first letters of the chosen kind's names."""

    kinds: list[tuple[Tag.Kind, int]]
    letters: list[str]
    total: int


def tag_index(rows: list[dict], kind: str = "") -> TagIndex:
    """The index from TagQuerySet.letters_by_kind's rows."""
    sizes = dict.fromkeys(TAG_KIND_ORDER, 0)
    letters = set()
    for row in rows:
        sizes[Tag.Kind(row["kind"])] += row["count"]
        if row["first"] and kind in ("", row["kind"]):
            letters.add(row["first"].upper())
    return TagIndex(list(sizes.items()), sorted(letters), sum(sizes.values()))


# /agreements/ by date of signing, either way, or by name; undated documents last either way.
AGREEMENT_SORTS = [
    ("name", _("Name")),
    ("signed", _("Signed, oldest first")),
    ("-signed", _("Signed, newest first")),
]
AGREEMENT_ORDER = {
    "name": ["name", "pk"],
    "signed": [F("signed_on").asc(nulls_last=True), "name", "pk"],
    "-signed": [F("signed_on").desc(nulls_last=True), "name", "pk"],
}
# What the public pages show: a curator's rejections never.
PUBLIC_STATUSES = [
    (status.value, status.label) for status in AgreementStatus if status != AgreementStatus.REJECTED
]


class AgreementFilterSet(django_filters.FilterSet):
    """/agreements/'s parameters: kind, status, scope (bilateral unless `all`) and sort."""

    kind = django_filters.ChoiceFilter(
        choices=AgreementKind.choices,
        empty_label=_("Every kind"),
        label=_("Kind"),
        error_messages={"invalid_choice": _("There is no kind of document “%(value)s”.")},
    )
    status = django_filters.ChoiceFilter(
        choices=PUBLIC_STATUSES,
        empty_label=_("Approved or suggested"),
        label=_("Status"),
        error_messages={
            "invalid_choice": _("Documents are approved or suggested, not “%(value)s”.")
        },
    )
    scope = django_filters.ChoiceFilter(
        choices=[("all", _("With other parties too"))],
        method=_unchanged,
        empty_label=_("Azerbaijan and Russia alone"),
        label=_("Parties"),
    )
    sort = django_filters.ChoiceFilter(
        choices=AGREEMENT_SORTS,
        method=_unchanged,
        empty_label=None,
        label=_("Order"),
        error_messages={"invalid_choice": _("Sort by name, signed or -signed, not “%(value)s”.")},
    )

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_queryset(self, queryset):
        chosen = self.form.cleaned_data
        queryset = super().filter_queryset(queryset)
        if chosen.get("scope") != "all":
            queryset = queryset.bilateral()
        return queryset.order_by(*AGREEMENT_ORDER[chosen.get("sort") or "name"])
