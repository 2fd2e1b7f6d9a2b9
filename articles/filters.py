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
from django.core.validators import RegexValidator
from django.http import QueryDict
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django_filters.fields import MultipleChoiceField

from articles.changes import cached_until_changed
from articles.models import Agreement, Article, Source, Tag
from articles.search import CANDIDATE_LIMIT

PER_PAGE = 20
# `page` reaches the first pages by OFFSET; deeper goes by cursor (keyset).
MAX_PAGE = CANDIDATE_LIMIT // PER_PAGE
FACET_CACHE_SECONDS = 24 * 60 * 60
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
        after, before = data.get("date_after"), data.get("date_before")
        if after and before and after > before:
            self.add_error("date_before", _("The end date is before the start date."))
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


UNKNOWN_SLUG = {
    "source": _("There is no source “%(value)s”."),
    "tag": _("There is no tag “%(value)s”."),
    "agreement": _("There is no agreement “%(value)s”."),
}


def known_slugs(noun: str, queryset) -> list[tuple[str, str]]:
    """The slugs a filter accepts, as choices, from the shared cache: checking a
    chosen slug then costs the page no query of its own."""
    slugs = cached_until_changed(
        f"slugs:{noun}", lambda: list(queryset.values_list("slug", flat=True)), FACET_CACHE_SECONDS
    )
    return [(slug, slug) for slug in slugs]


def slug_choices(field_name: str, queryset, noun: str, *, many: bool = True, **options):
    """A filter by slug (repeatable, up to MAX_VALUES, when `many`) whose
    unknown values read "There is no tag “x”."."""
    kind = BoundedChoicesFilter if many else django_filters.ChoiceFilter
    return kind(
        field_name=field_name,
        choices=lambda: known_slugs(noun, queryset),
        distinct=False,
        error_messages={"invalid_choice": UNKNOWN_SLUG[noun]},
        **options,
    )


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
    # Each repeatable filter is one condition however many values it has.
    source = slug_choices("source__slug", Source.objects.all(), "source", method=_from_any_source)
    tag = slug_choices("tags__slug", Tag.objects.all(), "tag", method=_with_every_tag)
    exclude_tag = slug_choices(
        "tags__slug", Tag.objects.all(), "tag", method=_without_any_tag, label=_("Without tag")
    )
    agreement = slug_choices(
        "agreements__slug", Agreement.objects.visible(), "agreement", many=False
    )
    language = django_filters.CharFilter(
        widget=forms.TextInput(attrs={"size": 3, "placeholder": "en"}),
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("A language is a code such as en or ru."))],
    )
    sort = django_filters.ChoiceFilter(choices=SORTS, method=_unchanged, empty_label=_("Default"))

    class Meta:
        model = Article
        fields: list[str] = []
        form = ArticleFilterForm

    def filter_queryset(self, queryset):
        # page and cursor are form fields, not filters: the listing reads them.
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

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


def _tag_links(rows: list[dict], query: QueryDict) -> dict[str, list[FacetLink]]:
    """Tags by kind; each can be required (tag) or excluded (exclude_tag)."""
    by_kind: dict[str, list[FacetLink]] = {}
    for row in rows:
        slug = row["tag__slug"]
        selected, changed = _toggle(query, "tag", slug)
        excluded = with_changes(query, exclude_tag=[*query.getlist("exclude_tag"), slug])
        link = FacetLink(row["tag__name"], row["count"], changed, selected, excluded)
        by_kind.setdefault(Tag.Kind(row["tag__kind"]).label, []).append(link)
    return by_kind


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
        links["languages"] = [
            _link(row["language"], row["count"], _single(query, "language", row["language"]))
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
