"""The API's OpenAPI description of the list parameters, made from
ArticleFilterSet and its form: the names, types, bounds and allowed values
in the schema are the ones the listing validates, so they cannot drift.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.validators import RegexValidator
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import serializers

from articles.filters import (
    CURSOR,
    MAX_QUERY_CHARS,
    MAX_VALUES,
    ArticleFilterForm,
    ArticleFilterSet,
    BoundedChoicesFilter,
)

# What each list parameter does, for the schema's readers. A test asks for an
# entry for every parameter of ArticleFilterSet, so none goes undescribed.
DESCRIPTIONS = {
    "q": 'Full-text search: words, "quoted phrases", -excluded words, OR. A search '
    "orders by relevance unless `sort` says otherwise, and turns its pages by `page`. "
    f"All the parameters together may hold at most {MAX_QUERY_CHARS:,} characters.",
    "date_after": "Published on or after this day.",
    "date_before": "Published on or before this day (not before `date_after`).",
    "undated": "true: only the articles whose date is unknown; false: only dated ones.",
    "event_after": "Reporting an event (a visit, a commission's meeting, a call, a forum, a "
    "summit, talks) dated on or after this day, whenever the article was published.",
    "event_before": "Reporting an event dated on or before this day (not before "
    "`event_after`); with both, one event lies between them.",
    "source": "A publisher's slug (/api/sources/). Repeat it for articles from any of them.",
    "tag": "A tag's slug (/api/tags/). Repeat it for articles carrying every one of them.",
    "exclude_tag": "A tag's slug. Repeat it to leave out articles carrying any of them.",
    "agreement": "An agreement's slug (/api/agreements/?scope=all): the articles mentioning it.",
    "language": "The article's language as an ISO 639-1 code: en, ru, az.",
    "sort": "relevance (the default with `q`), newest (the default otherwise) or oldest.",
    "exact": "1: search only the words as typed, not the other spellings of the names in them.",
    "copies": "all: every copy of a wire item in its place. By default a copy whose first "
    "version the results hold is left out, and that version's `folded_copies` counts it.",
    "page": "A page number: any page of a search, the first pages of browsing. "
    "Follow the response's `next` and `previous` links rather than counting.",
    "cursor": "Where a browsing page starts, as the `next` and `previous` links give it: "
    "depth costs nothing. Take it from those links; its form may change.",
}

ERRORS = inline_serializer(
    "Errors",
    {
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text='Each refused parameter\'s messages ("__all__": the query as a whole), '
            "in the language Accept-Language asks for.",
        )
    },
)
DETAIL = inline_serializer("Detail", {"detail": serializers.CharField()})


def listing_parameters() -> list[OpenApiParameter]:
    """Every parameter the list page takes: ArticleFilterSet's filters, then the
    fields of its form that turn pages (page, cursor)."""
    found = [_from_filter(name, each) for name, each in ArticleFilterSet.base_filters.items()]
    found += [_from_form_field(name, each) for name, each in ArticleFilterForm.base_fields.items()]
    return found


def _from_filter(name: str, each: django_filters.Filter) -> OpenApiParameter:
    if isinstance(each, BoundedChoicesFilter):
        return OpenApiParameter(
            name,
            {"type": "array", "items": {"type": "string"}, "maxItems": MAX_VALUES},
            description=f"{_description(name, each.label)} At most {MAX_VALUES} values.",
            explode=True,
            style="form",
        )
    return OpenApiParameter(name, _schema_of(each), description=_description(name, each.label))


def _schema_of(each: django_filters.Filter) -> dict:
    if isinstance(each, django_filters.DateFilter):
        return {"type": "string", "format": "date"}
    if isinstance(each, django_filters.BooleanFilter):
        return {"type": "boolean"}
    if isinstance(each, django_filters.ChoiceFilter):
        choices = each.extra["choices"]
        # Slugs are the archive's data (callable choices); fixed choices are an enum.
        return (
            {"type": "string"}
            if callable(choices)
            else {"type": "string", "enum": [v for v, _ in choices]}
        )
    # A filter of a kind not named above is read from the query string as text.
    return _text_schema(each.extra.get("validators", []))


def _text_schema(validators: list) -> dict:
    patterns = [v.regex.pattern for v in validators if isinstance(v, RegexValidator)]
    return {"type": "string"} | ({"pattern": patterns[0]} if patterns else {})


def _from_form_field(name: str, field: forms.Field) -> OpenApiParameter:
    if isinstance(field, forms.IntegerField):
        schema = {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}
    elif name == "cursor":
        schema = {"type": "string", "maxLength": field.max_length, "pattern": CURSOR.pattern}
    else:
        schema = {"type": "string"}
    return OpenApiParameter(name, schema, description=_description(name, field.label))


def _description(name: str, label) -> str:
    # A parameter added to the filter set without a description here still
    # gets its form label; a test asks for a description of every one.
    return DESCRIPTIONS.get(name) or str(label or name)
