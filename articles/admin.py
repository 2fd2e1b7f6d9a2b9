"""Curation in the Django admin: the last step of the flow, where staff fix
what the importer got wrong and review what it suggested.

Editing an article marks the fields the curator changed as curated, so a
re-import leaves them alone. Merges, reviews and bulk tagging are admin
actions that collect the curator's choice on an intermediate page and hand it
to `articles.curation`, which does the work in one transaction and writes the
history.
"""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from articles import curation
from articles.forms import BulkTagForm, MergeForm
from articles.models import (
    Agreement,
    AgreementKey,
    AgreementStatus,
    Article,
    Mention,
    Revision,
    Source,
    Tag,
)
from articles.search import search

CURATION_MEDIA = {"all": ["admin-extra/curation.css"]}


def count_of(n: int, noun: str) -> str:
    """ "1 article", "3 articles": messages a curator reads many times a day."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class YesNoFilter(admin.SimpleListFilter):
    """A yes/no filter; subclasses say what "yes" means as a Q-able condition."""

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(self.condition())
        if self.value() == "no":
            return queryset.exclude(self.condition())
        return queryset


class HasAgreementsFilter(YesNoFilter):
    title = "has agreements"
    parameter_name = "has_agreements"

    def condition(self):
        return Exists(Mention.objects.filter(article=OuterRef("pk")))


class CuratedFilter(YesNoFilter):
    title = "curated"
    parameter_name = "curated"

    def queryset(self, request, queryset):
        # An empty JSON list means no curator has touched the article.
        if self.value() == "yes":
            return queryset.exclude(curated_fields=[])
        if self.value() == "no":
            return queryset.filter(curated_fields=[])
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = "year of publication"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Article.objects.dates("published_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(published_on__year=int(self.value()))
        return queryset


class ReviewStatusFilter(admin.SimpleListFilter):
    """The review queue: suggestions first, every status one click away."""

    title = "review status"
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*AgreementStatus.choices, (self.ALL, "all")]

    def value(self):
        return super().value() or AgreementStatus.SUGGESTED

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


def _intermediate_page(model_admin, request, template, context):
    """Render an action's confirmation page inside the admin's frame."""
    opts = model_admin.model._meta
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "opts": opts,
            "action": request.POST["action"],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": model_admin.media,
            **context,
        },
    )


class MergeActionMixin:
    """A "merge selected" action: a confirmation page where the curator picks the
    survivor (each choice says how many articles would move), then the merge."""

    merge_function = None  # curation.merge_*: (survivor, others, *, user) -> articles moved
    moving_function = None  # curation.*_moving_to: (survivor, others) -> articles that would move

    @admin.action(description="Merge selected %(verbose_name_plural)s", permissions=["merge"])
    def merge_selected(self, request, queryset):
        candidates = list(queryset)
        if len(candidates) < 2:
            self.message_user(request, "Select at least two to merge.", messages.WARNING)
            return None
        moving = {
            c.pk: self.moving_function(c, [o for o in candidates if o.pk != c.pk])
            for c in candidates
        }
        form = MergeForm(
            request.POST if "post" in request.POST else None,
            candidates=queryset,
            describe=lambda obj: f"{obj}: has {count_of(obj.article_count, 'article')}; "
            f"keeping it moves {count_of(moving[obj.pk], 'more article')} to it",
        )
        if form.is_valid():
            return self._merge(request, form.cleaned_data["survivor"], candidates)
        return _intermediate_page(
            self,
            request,
            "admin/articles/merge_confirmation.html",
            {
                "title": f"Merge {self.opts.verbose_name_plural}",
                "form": form,
                "candidates": candidates,
            },
        )

    def _merge(self, request, survivor, candidates):
        others = [c for c in candidates if c.pk != survivor.pk]
        moved = self.merge_function(survivor, others, user=request.user)
        self.message_user(
            request,
            f"Merged {count_of(len(others), self.opts.verbose_name)} into “{survivor}”; "
            f"{count_of(moved, 'article')} moved to it. Old addresses now redirect there.",
            messages.SUCCESS,
        )
        return None

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)


class SlugRedirectMixin:
    """A changed slug changes the public URL: the old one redirects to the new."""

    def save_model(self, request, obj, form, change):
        old_slug = form.initial.get("slug")
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            old_url = type(obj)(slug=old_slug).get_absolute_url()
            curation.redirect_old_url(old_url, obj.get_absolute_url())


class MentionInline(admin.TabularInline):
    """On an article's page: the agreements it mentions, each with its sentence."""

    model = Mention
    fields = ["agreement", "sentence", "is_signed"]
    autocomplete_fields = ["agreement"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}
    classes = ["curation-compact"]
    extra = 0
    verbose_name = "agreement mentioned"
    verbose_name_plural = "agreements mentioned"


class RevisionInline(admin.TabularInline):
    """Earlier originals of the article, listed without loading their bytes."""

    model = Revision
    fields = ["imported_at", "superseded_at", "sha256", "encoding", "file_path"]
    readonly_fields = fields
    extra = 0
    classes = ["curation-compact"]
    verbose_name_plural = "earlier originals (revisions)"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("original")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "source",
        "published",
        "agreement_count",
        "curated",
    ]
    list_filter = [
        ("source", admin.RelatedOnlyFieldListFilter),
        YearFilter,
        "language",
        "date_precision",
        HasAgreementsFilter,
        CuratedFilter,
    ]
    list_select_related = ["source"]
    list_per_page = 50
    # Shows the search box; get_search_results searches title and body in full text.
    search_fields = ["title", "body"]
    date_hierarchy = "published_on"
    sortable_by = ["title", "published", "agreement_count"]
    autocomplete_fields = ["source", "tags"]
    readonly_fields = [
        "curated_summary",
        "is_title_derived",
        "slug",
        "body_text",
        "original_text",
        "origin",
        "file_path",
        "sha256",
        "encoding",
        "imported_at",
        "changed_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "source",
                    ("published_on", "date_precision"),
                    "byline",
                    "language",
                    "tags",
                ]
            },
        ),
        ("Curation", {"fields": ["curated_summary", "is_title_derived", "slug"]}),
        ("Text", {"fields": ["body_text", "original_text"]}),
        (
            "Provenance",
            {"fields": ["sha256", "origin", "file_path", "encoding", "imported_at", "changed_at"]},
        ),
    ]
    inlines = [MentionInline, RevisionInline]
    actions = ["add_tag_to_selected", "remove_tag_from_selected"]

    class Media:
        css = CURATION_MEDIA

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("original", "body")
            .annotate(agreement_count=Count("mentions", distinct=True))
            # Meta.ordering does not apply to a grouped query; paging needs an order.
            .order_by(*Article._meta.ordering)
        )

    def get_search_results(self, request, queryset, search_term):
        # The public search's engine and syntax: words, "phrases", -excluded, OR.
        if not search_term.strip():
            return queryset, False
        return search(queryset, search_term).matching(), False

    def has_add_permission(self, request):
        # Articles come from files: the importer is the only thing that adds them.
        return False

    @admin.display(description="published", ordering="published_on")
    def published(self, article):
        """The date as precisely as it is known: "26 Apr 2022", "Apr 2022", "2022"."""
        day, precision = article.published_on, article.date_precision
        if day is None:
            return "unknown"
        return {"year": f"{day:%Y}", "month": f"{day:%b %Y}"}.get(
            precision, f"{day.day} {day:%b %Y}"
        )

    @admin.display(description="agreements", ordering="agreement_count")
    def agreement_count(self, article):
        return article.agreement_count

    @admin.display(description="curated fields")
    def curated(self, article):
        return ", ".join(article.curated_fields) or "—"

    @admin.display(description="curated fields")
    def curated_summary(self, article):
        if not article.curated_fields:
            return "None yet: a re-import of a changed file may update every field."
        return format_html(
            "<strong>{}</strong><br>A re-import leaves these as a curator set them.",
            ", ".join(article.curated_fields),
        )

    @admin.display(description="clean text")
    def body_text(self, article):
        return format_html('<div class="curation-text">{}</div>', article.body)

    @admin.display(description="original text")
    def original_text(self, article):
        data = bytes(article.original)
        try:
            text = data.decode(article.encoding or "utf-8", errors="replace")
        except LookupError:
            text = data.decode("utf-8", errors="replace")
        return format_html('<pre class="curation-text">{}</pre>', text)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        edited = [name for name in form.changed_data if name in {*Article.CURATABLE_FIELDS, "tags"}]
        if any(formset.model is Mention and formset.has_changed() for formset in formsets):
            edited.append("agreements")
        if edited:
            article = form.instance
            article.curated_fields = curation.curated_after_edit(article.curated_fields, edited)
            # A title the curator wrote is no longer one made from the first sentence.
            article.is_title_derived = article.is_title_derived and "title" not in edited
            article.save(update_fields=["curated_fields", "is_title_derived"])

    @admin.action(description="Add a tag to selected articles", permissions=["change"])
    def add_tag_to_selected(self, request, queryset):
        return self._bulk_tag(request, queryset, curation.add_tag, "Add", "gained")

    @admin.action(description="Remove a tag from selected articles", permissions=["change"])
    def remove_tag_from_selected(self, request, queryset):
        return self._bulk_tag(request, queryset, curation.remove_tag, "Remove", "lost")

    def _bulk_tag(self, request, queryset, apply, verb, outcome):
        form = BulkTagForm(request.POST if "post" in request.POST else None)
        if form.is_valid():
            tag = form.cleaned_data["tag"]
            changed = apply(queryset, tag, user=request.user)
            self.message_user(request, f"{count_of(changed, 'article')} {outcome} the tag “{tag}”.")
            return None
        return _intermediate_page(
            self,
            request,
            "admin/articles/article/bulk_tag.html",
            {
                "title": f"{verb} a tag: {count_of(queryset.count(), 'article')} selected",
                "form": form,
                "queryset": queryset.select_related(None).only("pk", "title"),
                "media": self.media + form.media,
            },
        )


@admin.register(Tag)
class TagAdmin(SlugRedirectMixin, MergeActionMixin, admin.ModelAdmin):
    merge_function = staticmethod(curation.merge_tags)
    moving_function = staticmethod(curation.tags_moving_to)

    list_display = ["name", "kind", "slug", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "kind", "slug", "alias_names"]
    readonly_fields = ["alias_names"]
    actions = ["merge_selected"]

    class Media:
        css = CURATION_MEDIA

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("articles"))
            .order_by(*Tag._meta.ordering)
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, tag):
        return tag.article_count

    @admin.display(description="also known as")
    def alias_names(self, tag):
        names = [f"{alias.name} ({alias.kind})" for alias in tag.aliases.all()]
        return ", ".join(names) or "—"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"name", "kind"} & set(form.changed_data):
            # Files still use the old name: the importer must file them here, not recreate it.
            curation.remember_tag_name(obj, name=form.initial["name"], kind=form.initial["kind"])


class ArticleMentionInline(admin.TabularInline):
    """On an agreement's page: every article naming it, with the sentence, so the
    curator can judge without opening each article."""

    model = Mention
    fields = ["article_link", "published", "sentence", "is_signed"]
    readonly_fields = fields
    extra = 0
    classes = ["curation-compact"]
    verbose_name = "mention in an article"
    verbose_name_plural = "mentioned in these articles"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article__source")
            .defer("article__original", "article__body")
            .order_by("article__published_on", "pk")
        )

    @admin.display(description="article")
    def article_link(self, mention):
        url = reverse("admin:articles_article_change", args=[mention.article_id])
        return format_html('<a href="{}">{}</a>', url, mention.article.title)

    @admin.display(description="published")
    def published(self, mention):
        return mention.article.published_on or "date unknown"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AgreementKeyInline(admin.TabularInline):
    """The wordings the importer knows this agreement by (merges move them here)."""

    model = AgreementKey
    fields = ["key"]
    readonly_fields = fields
    extra = 0
    classes = ["curation-compact"]
    verbose_name_plural = "importer keys"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Agreement)
class AgreementAdmin(SlugRedirectMixin, MergeActionMixin, admin.ModelAdmin):
    merge_function = staticmethod(curation.merge_agreements)
    moving_function = staticmethod(curation.agreements_moving_to)

    list_display = ["name", "kind", "review_status", "signed_on", "article_count"]
    list_filter = [ReviewStatusFilter, "kind"]
    search_fields = ["name", "parties", "signatories", "keys__key"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "kind",
        "status",
        "parties",
        "signatories",
        ("signed_on", "signed_place"),
        ("created_at", "updated_at"),
    ]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ArticleMentionInline, AgreementKeyInline]
    actions = ["approve_selected", "reject_selected", "merge_selected"]

    class Media:
        css = CURATION_MEDIA

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("mentions"))
            .order_by(*Agreement._meta.ordering)
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, agreement):
        return agreement.article_count

    @admin.display(description="status", ordering="status")
    def review_status(self, agreement):
        return format_html(
            '<span class="review-status review-{}">{}</span>',
            agreement.status,
            agreement.get_status_display(),
        )

    @admin.action(description="Approve selected agreements", permissions=["change"])
    def approve_selected(self, request, queryset):
        changed = curation.set_agreement_status(
            queryset, AgreementStatus.APPROVED, user=request.user
        )
        self.message_user(request, f"Approved {count_of(changed, 'agreement')}.", messages.SUCCESS)

    @admin.action(description="Reject selected agreements", permissions=["change"])
    def reject_selected(self, request, queryset):
        changed = curation.set_agreement_status(
            queryset, AgreementStatus.REJECTED, user=request.user
        )
        self.message_user(request, f"Rejected {count_of(changed, 'agreement')}.", messages.SUCCESS)


@admin.register(Source)
class SourceAdmin(SlugRedirectMixin, MergeActionMixin, admin.ModelAdmin):
    merge_function = staticmethod(curation.merge_sources)
    moving_function = staticmethod(curation.sources_moving_to)

    list_display = ["name", "slug", "site_url", "article_count"]
    # Curators type "trend.az"; the web is HTTPS now (and Django 6 assumes so).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_editable = ["site_url"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "site_url", "alias_names"]
    readonly_fields = ["alias_names"]
    actions = ["merge_selected"]

    class Media:
        css = CURATION_MEDIA

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count("articles"))
            .order_by(*Source._meta.ordering)
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, source):
        return source.article_count

    @admin.display(description="also credited as")
    def alias_names(self, source):
        return ", ".join(alias.name for alias in source.aliases.all()) or "—"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            curation.remember_source_name(obj, name=form.initial["name"])
