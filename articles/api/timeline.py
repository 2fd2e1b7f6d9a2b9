"""/api/timeline/: the bilateral timeline's years and entries for /timeline/'s
parameters, from the same function (articles.timeline.build_timeline) in the
same number of queries; bad parameters are a 400 with the page's messages.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from articles.api.schema import DETAIL, ERRORS
from articles.api.views import ReadOnlyAPIView
from articles.citations import iso_date
from articles.timeline import (
    DOCUMENT,
    EVENT,
    FIRST_YEAR,
    DocumentEntry,
    Report,
    TimelineForm,
    build_timeline,
)


def _absolute(field: serializers.Field, path: str) -> str:
    request = field.context.get("request")
    return request.build_absolute_uri(path) if request else path


class ReportSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    source = serializers.CharField(allow_null=True, help_text="Its publisher's name, if known.")
    published = serializers.SerializerMethodField(help_text="As precisely as known, or null.")
    language = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The article's page in the archive.")
    story_url = serializers.SerializerMethodField(
        help_text="Its story's page (the other outlets' versions), or null."
    )

    def get_published(self, report: Report) -> str | None:
        return iso_date(report.published_on, report.date_precision) or None

    def get_url(self, report: Report) -> str:
        return _absolute(self, reverse("articles:article", args=[report.slug]))

    def get_story_url(self, report: Report) -> str | None:
        if report.story_id is None:
            return None
        return _absolute(self, reverse("articles:story", args=[report.story_id]))


class EntryFields(serializers.Serializer):
    kind = serializers.CharField(help_text="The document's kind, or the event's.")
    date = serializers.SerializerMethodField(help_text='"2022-02-22", "2022-02" or "2022".')
    article_count = serializers.IntegerField()

    def get_date(self, entry) -> str:
        return iso_date(entry.happened_on, entry.precision)


class DocumentEntrySerializer(EntryFields):
    """An approved document on its date of signing."""

    type = serializers.ChoiceField(choices=[DOCUMENT], source="entry_type")
    name = serializers.CharField()
    slug = serializers.CharField()
    place = serializers.CharField(help_text="Where it was signed, or empty.")
    url = serializers.SerializerMethodField(help_text="The document's page in the archive.")

    def get_url(self, entry: DocumentEntry) -> str:
        return _absolute(self, reverse("articles:agreement", args=[entry.slug]))


class EventEntrySerializer(EntryFields):
    """An event on its own date, with the first articles reporting it
    (`article_count` says how many do)."""

    type = serializers.ChoiceField(choices=[EVENT], source="entry_type")
    is_planned = serializers.BooleanField(help_text="Every report says it is still to come.")
    sentence = serializers.CharField(help_text="The first report's sentence about it.")
    articles = ReportSerializer(many=True, source="reports")


ENTRY = PolymorphicProxySerializer(
    component_name="TimelineEntry",
    serializers=[DocumentEntrySerializer, EventEntrySerializer],
    resource_type_field_name="type",
)


class TimelineYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    entries = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=ENTRY))
    def get_entries(self, year) -> list[dict]:
        return [
            (DocumentEntrySerializer if entry.is_document else EventEntrySerializer)(
                entry, context=self.context
            ).data
            for entry in year.entries
        ]


class TimelineSerializer(serializers.Serializer):
    years = TimelineYearSerializer(many=True)
    is_cut = serializers.BooleanField(
        help_text="More entries than a response holds: narrow by decade, year or kind."
    )


PARAMETERS = [
    OpenApiParameter(
        "kind",
        {
            "type": "string",
            "enum": [value for value, _ in TimelineForm.base_fields["kind"].choices if value],
        },
        description="document: documents only; an event's kind: those events only.",
    ),
    OpenApiParameter(
        "tag",
        str,
        description="A tag's slug (a person): the events of the articles "
        "carrying it and the documents they mention.",
    ),
    OpenApiParameter(
        "agreement",
        str,
        description="A document's slug: it, and the events of the articles mentioning it.",
    ),
    OpenApiParameter("year", {"type": "integer", "minimum": FIRST_YEAR}, description="One year."),
    OpenApiParameter(
        "decade",
        {"type": "integer", "minimum": 1990, "multipleOf": 10},
        description="A decade by its first year (not with `year`).",
    ),
]


class TimelineView(ReadOnlyAPIView):
    """The bilateral timeline: approved documents by their date of signing and the
    events the articles report by their own dates, year by year from 1991."""

    @extend_schema(
        operation_id="timeline",
        parameters=PARAMETERS,
        responses={200: TimelineSerializer, 400: ERRORS, 429: DETAIL},
    )
    def get(self, request: Request) -> Response:
        form = TimelineForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({name: list(messages) for name, messages in form.errors.items()})
        timeline = build_timeline(form)
        return Response(TimelineSerializer(timeline, context={"request": request}).data)
