"""The public archive's pages: the searchable list, an article with its
original, sources, tags, agreements and the date archive (render).

Views stay thin: the listing (articles/listing.py) and the QuerySets choose the rows.
"""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

from django.db.models import Max, Min, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import (
    DetailView,
    ListView,
    MonthArchiveView,
    TemplateView,
    YearArchiveView,
)

from articles import search
from articles.changes import cached_until_changed
from articles.filters import (
    PER_PAGE,
    AgreementFilterSet,
    NameIndexForm,
    chosen_names,
    facet_links,
    is_filtered,
    tag_index,
    with_changes,
)
from articles.listing import ArticleListing
from articles.models import Agreement, Article, DatePrecision, Mention, Source, Story, Tag
from articles.story_pages import StoryPage, VersionsAround, compared
from articles.timeline import TimelineForm, build_timeline


class StatusInContextMixin:
    """Responds with the status its context names (200 when it names none), so
    a view decides a 400 or a 404 where it reads the parameters."""

    def render_to_response(self, context, **kwargs):
        status = context.get("status", HTTPStatus.OK)
        return super().render_to_response(context, status=status, **kwargs)


def valid_or_400(is_valid: bool) -> HTTPStatus:
    return HTTPStatus.OK if is_valid else HTTPStatus.BAD_REQUEST


class ArticleListView(StatusInContextMixin, TemplateView):
    """/ and /articles/: search, filters, facets; bad parameters come back as
    form errors (400), a page past the end as a message (404)."""

    template_name = "articles/article_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        listing, query = ArticleListing(self.request.GET), self.request.GET
        clear_query = with_changes(
            query, **{key: None for key in listing.filterset.filters if key != "q"}
        )
        context.update(
            filter=listing.filterset,
            clear_query=clear_query,
            is_filtered=is_filtered(query),
            chosen=chosen_names(query),
        )
        if not listing.is_valid:
            context["status"] = HTTPStatus.BAD_REQUEST
            return context
        page, facets = listing.page, listing.facets()
        context.update(
            listing=page,
            facets=facet_links(facets.groups, query, listing.chosen_year),
            dropped=facets.dropped,
            year=listing.chosen_year,
            word_count=len(search.parse(listing.text).words()),
            undated_left_out=facets.undated_left_out,
            expanded=listing.search.expanded if listing.search else [],
            suggestion=listing.suggestion,
            status=HTTPStatus.NOT_FOUND if page.is_past_end else HTTPStatus.OK,
        )
        return context


class ArticleDetailView(DetailView):
    """One article; arriving from a search (?q=) marks the query's words."""

    queryset = Article.objects.for_detail()
    template_name = "articles/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article, text = self.object, self.request.GET.get("q", "")
        marked = search.marked_body(Article.objects.all(), article.pk, text) if text else None
        versions, similar = Article.objects.around(article)
        context.update(
            also_reported=VersionsAround.of(article, versions),
            marked_title=search.mark(marked[0]) if marked else None,
            marked_body=marked[1] if marked else None,
            similar=similar,
            original_text=article.decoded_original(),
            permalink=self.request.build_absolute_uri(article.get_absolute_url()),
            query=text,
        )
        return context


class StoryDetailView(StatusInContextMixin, DetailView):
    """/stories/<pk>/: every version of a story by outlet country and language;
    /stories/<pk>/compare/?a=&b= adds two of them compared (400 when it cannot)."""

    model = Story
    template_name = "articles/story_detail.html"
    is_comparing = False

    def get_context_data(self, **kwargs):
        page = StoryPage.of(self.object)
        comparison, errors = None, []
        if self.is_comparing:
            comparison, errors = compared(self.request.GET, page.versions)
        return super().get_context_data(
            page=page,
            comparison=comparison,
            errors=errors,
            status=valid_or_400(not errors),
            **kwargs,
        )


def original(request: HttpRequest, slug: str) -> HttpResponse:
    """The file as it was imported, byte for byte, as plain text."""
    article = get_object_or_404(
        Article.objects.only("slug", "original", "encoding", "language"), slug=slug
    )
    response = HttpResponse(
        bytes(article.original),
        content_type=f"text/plain; charset={article.encoding or 'utf-8'}",
    )
    response["Content-Disposition"] = f'inline; filename="{article.slug}.txt"'
    # The text's own language, not the interface's (LocaleMiddleware's default).
    response["Content-Language"] = article.language
    return response


class ArticlesOfMixin:
    """A page about one thing (a source, a tag) listing its articles, newest first."""

    paginate_by = PER_PAGE
    model_of: type
    template_name = "articles/articles_of.html"

    def get_queryset(self):
        self.subject = get_object_or_404(self.model_of, slug=self.kwargs["slug"])
        return self.articles_of(self.subject).for_listing().newest_first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, kind=self.kind, **kwargs)


class SourceView(ArticlesOfMixin, ListView):
    model_of, kind = Source, "source"

    def articles_of(self, source):
        return Article.objects.filter(source=source)


class TagView(ArticlesOfMixin, ListView):
    model_of, kind = Tag, "tag"

    def articles_of(self, tag):
        return Article.objects.filter(tags=tag)


# Tags an index page shows at once: a few screens, however many thousands there are.
TAGS_PER_PAGE = 200


def with_counts(rows, noun: str, count) -> list:
    """`rows` with their `article_count`, from counts of every row made once
    (`count()`, one grouped statement) and kept until the archive changes:
    a page of tags then costs no count of its own, however many articles."""
    counts = cached_until_changed(f"article-counts:{noun}", count)
    rows = list(rows)
    for row in rows:
        row.article_count = counts.get(row.pk, 0)
    return rows


def _by_first_letter(rows) -> list[tuple[str, list]]:
    """Rows sorted by name, grouped under their names' first letters."""
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row.name[:1].upper(), []).append(row)
    return list(groups.items())


class NameIndexMixin(StatusInContextMixin):
    """An index narrowed by a NameIndexForm (self.form): bad parameters are a 400."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(status=valid_or_400(self.form.is_valid()), **kwargs)


class SourceIndexView(NameIndexMixin, ListView):
    """/sources/: every source with its article count, A–Z; ?q= narrows by name."""

    template_name = "articles/source_index.html"

    def get_queryset(self):
        self.form = NameIndexForm(self.request.GET)
        sources = Source.objects.order_by("name", "pk")
        text = self.form.cleaned_data["q"] if self.form.is_valid() else ""
        return sources.named_like(text) if text else sources

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        sources = with_counts(context["object_list"], "source", Source.objects.article_counts)
        return {**context, "letters": _by_first_letter(sources)}


class TagIndexView(NameIndexMixin, ListView):
    """/tags/: every tag with its article count, grouped by kind, A–Z, a page
    at a time; ?q= (a part of a name or another name), ?kind= and ?letter= narrow it."""

    template_name = "articles/tag_index.html"
    paginate_by = TAGS_PER_PAGE

    def get_queryset(self):
        self.form = NameIndexForm(self.request.GET)
        tags = Tag.objects.by_kind_then_name()
        if not self.form.is_valid():
            return tags.none()
        chosen = self.form.cleaned_data
        if chosen["q"]:
            tags = tags.named_like(chosen["q"])
        if chosen["kind"]:
            tags = tags.filter(kind=chosen["kind"])
        return tags.starting_with(chosen["letter"]) if chosen["letter"] else tags

    def get_context_data(self, **kwargs):
        letters = cached_until_changed("tag-letters", Tag.objects.letters_by_kind)
        kind = self.form.cleaned_data.get("kind") if self.form.is_valid() else ""
        context = super().get_context_data(
            form=self.form, index=tag_index(letters, kind), chosen_kind=kind, **kwargs
        )
        tags = with_counts(context["object_list"], "tag", Tag.objects.article_counts)
        return {**context, "object_list": tags}


class AgreementListView(StatusInContextMixin, ListView):
    """Documents between Azerbaijan and Russia (?scope=all adds those with other
    parties), narrowed by kind and status, by name or date of signing; bad
    parameters are a 400 with their messages above the unnarrowed list."""

    template_name = "articles/agreement_list.html"

    def get_queryset(self):
        visible = Agreement.objects.visible().with_article_counts()
        self.filterset = AgreementFilterSet(self.request.GET, queryset=visible)
        if self.filterset.is_valid():
            return self.filterset.qs
        return AgreementFilterSet({}, queryset=visible).qs

    def get_context_data(self, **kwargs):
        chosen = self.filterset.form.cleaned_data if self.filterset.is_valid() else {}
        showing_all = chosen.get("scope") == "all"
        return super().get_context_data(
            form=self.filterset.form,
            showing_all=showing_all,
            status=valid_or_400(self.filterset.is_valid()),
            **kwargs,
        )


class AgreementDetailView(DetailView):
    """The document and every article that mentions it, oldest first."""

    queryset = Agreement.objects.visible()
    template_name = "articles/agreement_detail.html"

    def get_context_data(self, **kwargs):
        mentions = Mention.objects.of_agreement(self.object)
        return super().get_context_data(mentions=mentions, **kwargs)


class TimelineView(StatusInContextMixin, TemplateView):
    """/timeline/: documents by their date of signing and events by their own dates,
    year by year; bad parameters are a 400 with their messages."""

    template_name = "articles/timeline.html"

    def get_context_data(self, **kwargs):
        form = TimelineForm(self.request.GET)
        timeline = build_timeline(form) if form.is_valid() else None
        return super().get_context_data(
            form=form, timeline=timeline, status=valid_or_400(form.is_valid()), **kwargs
        )


class DateArchiveMixin:
    queryset = Article.objects.for_listing()
    date_field = "published_on"
    allow_future = True
    make_object_list = True
    paginate_by = 50
    ordering = ["published_on", "pk"]

    def nearest_date(self, before: dt.date | None = None, since: dt.date | None = None):
        """The date of the nearest article before `before` or on or after `since`,
        for the links to the neighbouring year or month. Django's own lookup reads
        the whole first article there with its tags (the list's prefetch), twice
        a page; one date is all the link needs."""
        dates = self.get_queryset().prefetch_related(None).order_by()
        if before is not None:
            return dates.filter(published_on__lt=before).aggregate(day=Max("published_on"))["day"]
        return dates.filter(published_on__gte=since).aggregate(day=Min("published_on"))["day"]


class YearArchive(DateArchiveMixin, YearArchiveView):
    template_name = "articles/archive_year.html"

    def get_previous_year(self, date):
        found = self.nearest_date(before=dt.date(date.year, 1, 1))
        return found and dt.date(found.year, 1, 1)

    def get_next_year(self, date):
        found = self.nearest_date(since=dt.date(date.year + 1, 1, 1))
        return found and dt.date(found.year, 1, 1)


class MonthArchive(DateArchiveMixin, MonthArchiveView):
    """A month's articles; those known only to the year are not placed in one."""

    month_format = "%m"
    template_name = "articles/archive_month.html"

    def get_queryset(self):
        known_month = Q(date_precision__in=[DatePrecision.DAY, DatePrecision.MONTH])
        return super().get_queryset().filter(known_month)

    def get_previous_month(self, date):
        found = self.nearest_date(before=dt.date(date.year, date.month, 1))
        return found and dt.date(found.year, found.month, 1)

    def get_next_month(self, date):
        following = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        found = self.nearest_date(since=following)
        return found and dt.date(found.year, found.month, 1)
