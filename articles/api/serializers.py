"""The API's JSON shapes (render): articles as the list shows them, one
article with its body and import history, sources, tags and agreements.

Rows arrive with their relations already loaded (views.py); a serializer
reads them and never queries. Every `url` is the archive's own page for the
thing, absolute; an outlet's own web address is `site_url`.
"""

from __future__ import annotations

import html
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.citations import iso_date, web_address
from articles.filters import with_changes
from articles.links import slug_url
from articles.listing import ResultPage
from articles.models import (
    EVENT_PRECISIONS,
    Agreement,
    Article,
    DatePrecision,
    Event,
    EventKind,
    Mention,
    Tag,
)

# Revision fields whose change an import history names, by what a reader calls them.
REVISION_CHANGES = {"sha256": "original", "file_path": "file_path", "encoding": "encoding"}


def published_at_precision(article: Article) -> str | None:
    """The publication date as precisely as it is known and no more; None when unknown."""
    return iso_date(article.published_on, article.date_precision) or None


def unmarked(marked: str) -> str:
    """A highlighted headline as plain text. Marking escapes the text first, so
    the only tags in it are the <mark>s it added."""
    return html.unescape(marked.replace("<mark>", "").replace("</mark>", ""))


def _absolute(serializer: serializers.Field, path: str) -> str:
    return serializer.context["request"].build_absolute_uri(path)


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The archive's own page for the row (or for the row's `source`), absolute."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source=kwargs.pop("source", "*"), read_only=True, **kwargs)

    def to_representation(self, row) -> str:
        return _absolute(self, row.get_absolute_url())


class ArticlesOfMixin:
    """An `articles` link to the API's list of the articles one filter value
    selects (`filter_name`), the list's address reversed once per response."""

    filter_name: str

    @cached_property
    def _article_list(self) -> str:
        return _absolute(self, reverse("api:article-list"))

    @extend_schema_field(OpenApiTypes.URI)
    def get_articles(self, row) -> str:
        return f"{self._article_list}?{urlencode({self.filter_name: row.slug})}"


class SourceRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = PageUrlField(help_text="The source's page in the archive.")
    site_url = serializers.CharField(help_text="The outlet's own web address, or empty.")


class TagRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Tag.Kind.choices)


class AgreementRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ArticleSerializer(serializers.Serializer):
    """An article as a list shows it: no body, the search's snippet when searching."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    title_derived = serializers.BooleanField(
        source="is_title_derived", help_text="The file had no headline: made from its text."
    )
    published = serializers.SerializerMethodField(
        help_text='ISO 8601 cut to the known precision ("2022-04-26", "2022-04", "2022"), '
        "or null when the date is unknown."
    )
    date_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    source = SourceRefSerializer(allow_null=True, help_text="The publisher, when known.")
    credits = SourceRefSerializer(
        many=True, help_text="Agencies the text cites or reprints from, apart from its publisher."
    )
    byline = serializers.CharField(help_text="Who wrote it, as the text says; may be empty.")
    language = serializers.CharField(help_text="ISO 639-1 code.")
    tags = TagRefSerializer(many=True)
    agreements = AgreementRefSerializer(
        source="public_agreements", many=True, help_text="Agreements the text mentions."
    )
    title_html = serializers.SerializerMethodField(
        help_text="When searching: the title, HTML-escaped, its matches in <mark>…</mark>."
    )
    snippet = serializers.SerializerMethodField(
        help_text="When searching: the passage that matches, as plain text; null otherwise."
    )
    snippet_html = serializers.SerializerMethodField(
        help_text="When searching: the same passage HTML-escaped, its matches in <mark>…</mark>."
    )
    url = PageUrlField(help_text="The article's page in the archive.")
    original_url = serializers.SerializerMethodField(
        help_text="The web address the text names as its own, when it names one (http/https)."
    )
    original_file = serializers.SerializerMethodField(
        help_text="The imported file, byte for byte, as the archive keeps it."
    )
    sha256 = serializers.CharField(help_text="SHA-256 of the original file's bytes.")
    story = serializers.IntegerField(
        source="story_id",
        allow_null=True,
        help_text="The story it is a version of (/api/stories/<id>/), or null when alone.",
    )
    folded_copies = serializers.SerializerMethodField(
        help_text="In a list: how many copies of it by other outlets the results hold, "
        "left out and counted here (0 with copies=all); null outside a list."
    )

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_folded_copies(self, article: Article) -> int | None:
        return getattr(article, "folded_copies", None)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_published(self, article: Article) -> str | None:
        return published_at_precision(article)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_title_html(self, article: Article) -> str | None:
        return str(article.marked_title) if hasattr(article, "marked_title") else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_snippet(self, article: Article) -> str | None:
        marked = getattr(article, "marked_snippet", None)
        return unmarked(marked) if marked is not None else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_snippet_html(self, article: Article) -> str | None:
        marked = getattr(article, "marked_snippet", None)
        return str(marked) if marked is not None else None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_original_url(self, article: Article) -> str | None:
        return web_address(article.origin) or None

    @extend_schema_field(OpenApiTypes.URI)
    def get_original_file(self, article: Article) -> str:
        return _absolute(self, slug_url("articles:original", article.slug))


class RevisionSerializer(serializers.Serializer):
    imported_at = serializers.DateTimeField(help_text="When this original was taken in.")
    superseded_at = serializers.DateTimeField(help_text="When a changed file replaced it.")
    sha256 = serializers.CharField()
    file_path = serializers.CharField()
    encoding = serializers.CharField()
    changed = serializers.ListField(
        child=serializers.ChoiceField(choices=list(REVISION_CHANGES.values())),
        help_text="What the next import changed: the original's bytes, and maybe its file "
        "path or encoding.",
    )


class EventSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EventKind.choices)
    date = serializers.SerializerMethodField(
        help_text='ISO 8601 cut to the known precision ("2022-04-26", "2022-04", "2022").'
    )
    precision = serializers.ChoiceField(choices=[p.value for p in EVENT_PRECISIONS])
    is_planned = serializers.BooleanField(help_text="The text says it is still to come.")
    sentence = serializers.CharField(help_text="The sentence that reports it; may be empty.")

    @extend_schema_field(OpenApiTypes.STR)
    def get_date(self, event: Event) -> str:
        return iso_date(event.happened_on, event.precision)


class ArticleDetailSerializer(ArticleSerializer):
    """One article: the list's fields, its clean body and its import history."""

    body = serializers.CharField(
        help_text='The clean text: paragraphs separated by a blank line, "## " opening a '
        "subheading."
    )
    imported_at = serializers.DateTimeField(help_text="When the archive first took it in.")
    changed_at = serializers.DateTimeField(help_text="When its original last changed.")
    history = serializers.SerializerMethodField(
        help_text="Earlier originals, newest first: when each was imported and replaced, its "
        "SHA-256, and what the import that replaced it changed."
    )
    events = EventSerializer(
        many=True, help_text="The events it reports, in date order, each dated as its text allows."
    )

    @extend_schema_field(RevisionSerializer(many=True))
    def get_history(self, article: Article) -> list[dict]:
        versions, newer = [], article
        for revision in article.revisions.all():
            revision.changed = [
                name
                for field, name in REVISION_CHANGES.items()
                if getattr(revision, field) != getattr(newer, field)
            ]
            versions.append(revision)
            newer = revision
        return RevisionSerializer(versions, many=True).data


class ResultPageSerializer(serializers.Serializer):
    """One page of /api/articles/: the rows, the bounded count, the neighbours."""

    count = serializers.SerializerMethodField(
        help_text="How many articles match, counted no further than the cap "
        "(`is_capped` then says more match)."
    )
    count_text = serializers.CharField(help_text='The count as the list page prints it: "1,000+".')
    is_capped = serializers.BooleanField(help_text="Counting stopped at `count`: more match.")
    order = serializers.ChoiceField(
        choices=["relevance", "newest", "oldest"], help_text="The order of the results."
    )
    page = serializers.IntegerField(
        source="number",
        allow_null=True,
        help_text="The page's number; null for a page reached by cursor.",
    )
    next = serializers.SerializerMethodField(help_text="The next page, or null at the end.")
    previous = serializers.SerializerMethodField(help_text="The previous page, or null.")
    results = ArticleSerializer(source="rows", many=True)

    @extend_schema_field(OpenApiTypes.INT)
    def get_count(self, page: ResultPage) -> int:
        return min(page.total, page.cap)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_next(self, page: ResultPage) -> str | None:
        return self._turned(page, "next")

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_previous(self, page: ResultPage) -> str | None:
        return self._turned(page, "prev")

    def _turned(self, page: ResultPage, way: str) -> str | None:
        """The same query turned one page: a search by number, browsing by cursor."""
        changes = page.neighbour(way)
        if changes is None:
            return None
        request = self.context["request"]
        query = with_changes(request.query_params, **changes)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


class SourceSerializer(ArticlesOfMixin, SourceRefSerializer):
    """A publisher, how many articles it published and where to list them."""

    filter_name = "source"
    article_count = serializers.IntegerField(help_text="Articles it published.")
    articles = serializers.SerializerMethodField(help_text="Its articles in the API.")


class TagSerializer(ArticlesOfMixin, TagRefSerializer):
    """A tag, how many articles carry it and where to list them."""

    filter_name = "tag"
    article_count = serializers.IntegerField(help_text="Articles that carry it.")
    url = PageUrlField(help_text="The tag's page in the archive.")
    articles = serializers.SerializerMethodField(help_text="Its articles in the API.")


class AgreementSerializer(ArticlesOfMixin, AgreementRefSerializer):
    """A document the public pages show: its names, kind, review status,
    parties and signing, and the articles mentioning it."""

    filter_name = "agreement"
    name_ru = serializers.CharField(help_text="Its name in Russian, when known.")
    name_az = serializers.CharField(help_text="Its name in Azerbaijani, when known.")
    kind = serializers.ChoiceField(choices=Agreement.Kind.choices)
    status = serializers.ChoiceField(
        choices=Agreement.Status.choices,
        help_text="suggested by the importer, or approved by a curator.",
    )
    is_bilateral = serializers.BooleanField(help_text="Between Azerbaijan and Russia alone.")
    parties = serializers.CharField()
    signed_on = serializers.DateField(allow_null=True, help_text="When it was signed, if known.")
    signed_place = serializers.CharField()
    article_count = serializers.IntegerField(help_text="Articles that mention it.")
    url = PageUrlField(help_text="The agreement's page in the archive.")
    articles = serializers.SerializerMethodField(
        help_text="The articles mentioning it, in the API."
    )


class MentionedInSerializer(serializers.Serializer):
    """An article mentioning an agreement, with the sentence that names it."""

    slug = serializers.CharField(source="article.slug")
    title = serializers.CharField(source="article.title")
    published = serializers.SerializerMethodField()
    source = SourceRefSerializer(source="article.source", allow_null=True)
    url = PageUrlField(source="article")
    sentence = serializers.CharField(help_text="The sentence that names the agreement.")
    is_signed = serializers.BooleanField(help_text="The text says it was signed, not planned.")

    @extend_schema_field({"type": "string", "nullable": True})
    def get_published(self, mention: Mention) -> str | None:
        return published_at_precision(mention.article)


class AgreementDetailSerializer(AgreementSerializer):
    """One agreement: its fields in the list, its other names and signatories,
    and the first articles mentioning it."""

    aliases = serializers.ListField(
        source="alias_list", child=serializers.CharField(), help_text="Its other names."
    )
    signatories = serializers.CharField()
    mentioned_in = serializers.SerializerMethodField(
        help_text="The first articles mentioning it, oldest first (at most `article_count`; "
        "`articles` lists them all)."
    )

    @extend_schema_field(MentionedInSerializer(many=True))
    def get_mentioned_in(self, agreement: Agreement) -> list[dict]:
        mentions = self.context["mentions"]
        return MentionedInSerializer(mentions, many=True, context=self.context).data


class StoryVersionSerializer(serializers.Serializer):
    """One version of a story: who published it when, and what it copies."""

    slug = serializers.SlugField()
    title = serializers.CharField()
    published = serializers.SerializerMethodField(
        help_text="ISO 8601 cut to the known precision, or null."
    )
    language = serializers.CharField(help_text="ISO 639-1 code.")
    source = SourceRefSerializer(allow_null=True)
    country = serializers.SerializerMethodField(
        help_text="The outlet's country, ISO 3166-1 alpha-2, or null when unknown."
    )
    copy_of = serializers.SerializerMethodField(
        help_text="The slug of the earlier version it copies nearly word for word, or null."
    )
    url = PageUrlField(help_text="The article's page in the archive.")

    @extend_schema_field({"type": "string", "nullable": True})
    def get_published(self, article: Article) -> str | None:
        return published_at_precision(article)

    @extend_schema_field({"type": "string", "nullable": True})
    def get_country(self, article: Article) -> str | None:
        return (article.source.country if article.source else "") or None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_copy_of(self, article: Article) -> str | None:
        return self.context["slugs"].get(article.copy_of_id)


class StorySerializer(serializers.Serializer):
    """A story: the articles that report one wire item or event, in publication order."""

    id = serializers.IntegerField()
    title = serializers.CharField(help_text="The earliest version's title.")
    first_published = serializers.DateField(allow_null=True)
    url = PageUrlField(help_text="The story's page in the archive.")
    versions = serializers.SerializerMethodField(help_text="Every version, oldest first.")

    @extend_schema_field(StoryVersionSerializer(many=True))
    def get_versions(self, story) -> list[dict]:
        versions = self.context["versions"]
        context = self.context | {"slugs": {article.pk: article.slug for article in versions}}
        return StoryVersionSerializer(versions, many=True, context=context).data
