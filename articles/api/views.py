"""The API's endpoints: thin views over the listing and the QuerySets.

/api/articles/ hands its query string to ArticleListing, as the list page
does, and renders the page it returns; it never filters, searches, orders,
pages or counts by itself. Every endpoint loads its rows' relations in a
fixed number of queries, whatever the number of rows.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.api import serializers
from articles.api.schema import DETAIL, ERRORS, listing_parameters
from articles.listing import ArticleListing
from articles.models import Agreement, Article, Mention, Source, Story, Tag
from articles.views import TAGS_PER_PAGE, with_counts

READ_ONLY = ["get", "head", "options"]
# What an article carries beyond the listing's rows: one query each per page.
ARTICLE_RELATIONS = (
    "credits",
    Prefetch("agreements", queryset=Agreement.objects.visible(), to_attr="public_agreements"),
)
# What the root lists: each endpoint by what it holds.
ENDPOINTS = {
    "articles": "api:article-list",
    "sources": "api:source-list",
    "tags": "api:tag-list",
    "agreements": "api:agreement-list",
    "timeline": "api:timeline",
    "schema": "api:schema",
    "docs": "api:docs",
}
# An agreement's page lists its first mentions; `articles` links the rest.
MENTIONS_SHOWN = 100


class ReadOnlyAPIView(APIView):
    http_method_names = READ_ONLY


class ApiRootView(ReadOnlyAPIView):
    """The API's endpoints."""

    @extend_schema(
        tags=["index"],
        responses={200: {"type": "object", "additionalProperties": {"type": "string"}}},
    )
    def get(self, request: Request) -> Response:
        return Response(
            {key: request.build_absolute_uri(reverse(name)) for key, name in ENDPOINTS.items()}
        )


class ArticleListView(ReadOnlyAPIView):
    """The list page's articles for the same parameters, in the same order.

    Browsing turns pages by cursor (`next`, `previous`), a search by page number.
    """

    @extend_schema(
        operation_id="articles_list",
        parameters=listing_parameters(),
        responses={
            200: serializers.ResultPageSerializer,
            400: ERRORS,
            404: ERRORS,
            429: DETAIL,
        },
    )
    def get(self, request: Request) -> Response:
        listing = ArticleListing(request.query_params)
        if not listing.is_valid:
            raise ValidationError(listing.errors)
        page = listing.page
        if page.is_past_end:
            return Response({"errors": {"page": [_past_end(page.number)]}}, HTTPStatus.NOT_FOUND)
        prefetch_related_objects(page.rows, *ARTICLE_RELATIONS)
        return Response(serializers.ResultPageSerializer(page, context={"request": request}).data)


def _past_end(number: int | None) -> str:
    if number is None:
        return _("There are no results past this point.")
    return _("Page %(number)s is past the end of these results.") % {"number": number}


class ArticleDetailView(generics.RetrieveAPIView):
    """One article: the list's fields, its clean body and its import history."""

    http_method_names = READ_ONLY
    queryset = Article.objects.for_detail().defer("original").prefetch_related(*ARTICLE_RELATIONS)
    serializer_class = serializers.ArticleDetailSerializer
    lookup_field = "slug"

    @extend_schema(responses={200: serializers.ArticleDetailSerializer, 404: DETAIL})
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class StoryDetailView(generics.RetrieveAPIView):
    """One story and every version of it, oldest first (the story page's data)."""

    http_method_names = READ_ONLY
    queryset = Story.objects.all()
    serializer_class = serializers.StorySerializer

    @extend_schema(responses={200: serializers.StorySerializer, 404: DETAIL})
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        story = self.get_object()
        versions = list(Article.objects.versions_in(story).defer("body"))
        context = self.get_serializer_context() | {"versions": versions}
        return Response(self.get_serializer_class()(story, context=context).data)


class IndexPagination(PageNumberPagination):
    page_size = TAGS_PER_PAGE


class IndexView(generics.ListAPIView):
    http_method_names = READ_ONLY
    pagination_class = IndexPagination
    filter_backends = [filters.DjangoFilterBackend]


class CountedIndexView(IndexView):
    """An index whose rows carry their article counts, counted for every row at
    once and kept until the archive changes, shared with the HTML index pages."""

    noun: str
    # Every row's article count by id, in one statement.
    count_articles: Callable[[], dict[int, int]]

    def paginate_queryset(self, queryset) -> list:
        return with_counts(super().paginate_queryset(queryset), self.noun, self.count_articles)


class SourceListView(CountedIndexView):
    """Every source with the number of articles it published, A–Z."""

    queryset = Source.objects.order_by("name", "pk")
    serializer_class = serializers.SourceSerializer
    noun, count_articles = "source", staticmethod(Source.objects.article_counts)


class TagFilterSet(filters.FilterSet):
    class Meta:
        model = Tag
        fields = ["kind"]


class TagListView(CountedIndexView):
    """Every tag with the number of articles carrying it, by kind (as /tags/ orders
    them), then A–Z."""

    queryset = Tag.objects.by_kind_then_name()
    serializer_class = serializers.TagSerializer
    filterset_class = TagFilterSet
    noun, count_articles = "tag", staticmethod(Tag.objects.article_counts)


class AgreementFilterSet(filters.FilterSet):
    """`scope`: the documents between Azerbaijan and Russia alone (bilateral,
    the default, as on /agreements/) or all of them."""

    scope = filters.ChoiceFilter(
        choices=[("bilateral", "bilateral"), ("all", "all")],
        method="within_scope",
        help_text="bilateral (the default): between Azerbaijan and Russia alone; all: with "
        "trilateral and third-country documents too.",
    )

    def filter_queryset(self, queryset):
        # An absent scope is the bilateral one, and django-filter calls no method for it.
        return self.within_scope(queryset, "scope", self.form.cleaned_data.get("scope"))

    def within_scope(self, queryset, name, scope):
        return queryset if scope == "all" else queryset.bilateral()


class AgreementListView(IndexView):
    """The agreements the public pages show, with the number of articles mentioning each."""

    queryset = Agreement.objects.visible().with_article_counts().order_by("name", "pk")
    serializer_class = serializers.AgreementSerializer
    filterset_class = AgreementFilterSet


class AgreementDetailView(generics.RetrieveAPIView):
    """One agreement and the first articles that mention it, oldest first."""

    http_method_names = READ_ONLY
    queryset = Agreement.objects.visible().with_article_counts()
    serializer_class = serializers.AgreementDetailSerializer
    lookup_field = "slug"

    @extend_schema(responses={200: serializers.AgreementDetailSerializer, 404: DETAIL})
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        agreement = self.get_object()
        context = self.get_serializer_context() | {"mentions": _first_mentions(agreement)}
        return Response(self.get_serializer_class()(agreement, context=context).data)


def _first_mentions(agreement: Agreement) -> list[Mention]:
    return list(Mention.objects.of_agreement(agreement)[:MENTIONS_SHOWN])


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI over the schema, its files served from this site (no CDN), its
    script a file of its own rather than inline (the site's CSP forbids inline)."""

    template_name = "api/docs.html"
