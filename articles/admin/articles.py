"""The article admin: where a curator corrects what the importer read from a
file. Saving marks the edited fields as curated so a re-import leaves them
alone; bulk actions add or remove a tag on many articles at once."""

from django import forms
from django.contrib import admin
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from articles import curation, vocabulary
from articles.admin import stories
from articles.admin.mixins import (
    ChoiceOnlyListFilter,
    CurationAdmin,
    ReadOnlyInline,
    intermediate_page,
)
from articles.forms import BulkTagForm
from articles.models import Article, Event, Mention, Revision
from articles.search import opaque_ids, search, tiers
from articles.templatetags.archive import honest_date

# The bulk tag actions' page title and message; the plural form follows "count".
BULK_ADD = {
    "title": ngettext_lazy(
        "Add a tag: %(count)d article selected", "Add a tag: %(count)d articles selected", "count"
    ),
    "done": ngettext_lazy(
        "%(count)d article gained the tag “%(tag)s”.",
        "%(count)d articles gained the tag “%(tag)s”.",
        "count",
    ),
}
BULK_REMOVE = {
    "title": ngettext_lazy(
        "Remove a tag: %(count)d article selected",
        "Remove a tag: %(count)d articles selected",
        "count",
    ),
    "done": ngettext_lazy(
        "%(count)d article lost the tag “%(tag)s”.",
        "%(count)d articles lost the tag “%(tag)s”.",
        "count",
    ),
}


class YesNoFilter(ChoiceOnlyListFilter):
    """A yes/no filter; subclasses say what "yes" means as a Q-able condition."""

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(self.condition())
        if self.value() == "no":
            return queryset.exclude(self.condition())
        return queryset


class HasAgreementsFilter(YesNoFilter):
    title = gettext_lazy("has agreements")
    parameter_name = "has_agreements"

    def condition(self):
        return Exists(Mention.objects.filter(article=OuterRef("pk")))


class CuratedFilter(YesNoFilter):
    title = gettext_lazy("curated")
    parameter_name = "curated"

    def queryset(self, request, queryset):
        # An empty JSON list means no curator has touched the article.
        if self.value() == "yes":
            return queryset.exclude(curated_fields=[])
        if self.value() == "no":
            return queryset.filter(curated_fields=[])
        return queryset


class YearFilter(ChoiceOnlyListFilter):
    title = gettext_lazy("year of publication")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Article.objects.dates("published_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(published_on__year=int(self.value()))
        return queryset


# What an edit in an inline makes the curator's: re-imports then keep it.
CURATED_BY_INLINE = {Mention: "agreements", Event: "events"}


class SentenceRowsInline(admin.TabularInline):
    """Rows an article's text gave, each with its sentence, that a curator may edit."""

    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}
    classes = ["curation-compact"]
    extra = 0


class MentionInline(SentenceRowsInline):
    """On an article's page: the agreements it mentions, each with its sentence."""

    model = Mention
    fields = ["agreement", "sentence", "is_signed", "signed_on", "date_note"]
    autocomplete_fields = ["agreement"]
    verbose_name = gettext_lazy("agreement mentioned")
    verbose_name_plural = gettext_lazy("agreements mentioned")


class EventInline(SentenceRowsInline):
    """On an article's page: the events it reports, each with its date and sentence.
    Editing one makes the article's events a curator's, which re-imports keep."""

    model = Event
    fields = ["kind", "happened_on", "precision", "is_planned", "sentence", "date_note"]
    verbose_name = gettext_lazy("event reported")
    verbose_name_plural = gettext_lazy("events reported")


class RevisionInline(ReadOnlyInline):
    """Earlier originals of the article, listed without loading their bytes."""

    model = Revision
    fields = ["imported_at", "superseded_at", "sha256", "encoding", "file_path"]
    readonly_fields = fields
    verbose_name_plural = gettext_lazy("earlier originals (revisions)")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("original")


@admin.register(Article)
class ArticleAdmin(CurationAdmin):
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
    autocomplete_fields = ["source", "credits", "tags"]
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
                    "credits",
                    ("published_on", "date_precision"),
                    "byline",
                    "language",
                    "documents_signed",
                    "tags",
                ]
            },
        ),
        (gettext_lazy("Curation"), {"fields": ["curated_summary", "is_title_derived", "slug"]}),
        (gettext_lazy("Text"), {"fields": ["body_text", "original_text"]}),
        (
            gettext_lazy("Provenance"),
            {"fields": ["sha256", "origin", "file_path", "encoding", "imported_at", "changed_at"]},
        ),
    ]
    inlines = [MentionInline, EventInline, RevisionInline]
    actions = [
        "add_tag_to_selected",
        "remove_tag_from_selected",
        stories.join_into_one_story,
        stories.split_out_of_story,
    ]

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
        # As finished SQL: the admin nests the list's queryset in others (facet
        # counts), where the engine's SQL naming the article table would break.
        matching = search(queryset.model.objects.using(queryset.db), search_term).matching()
        return queryset.filter(pk__in=opaque_ids(matching)), False

    def save_model(self, request, obj, form, change):
        # An edited title changes the words "did you mean" may suggest, and
        # how much the article weighs in its words' champion lists.
        with transaction.atomic(using=obj._state.db), vocabulary.recounted(obj):
            super().save_model(request, obj, form, change)
            tiers.keep_articles([obj.pk], using=obj._state.db)

    def delete_model(self, request, obj):
        vocabulary.uncount(Article.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(using=queryset.db):
            vocabulary.uncount(queryset)
            super().delete_queryset(request, queryset)

    def has_add_permission(self, request):
        # Articles come from files: the importer is the only thing that adds them.
        return False

    @admin.display(description=gettext_lazy("published"), ordering="published_on")
    def published(self, article):
        """The date as precisely as it is known, as the public pages show it."""
        return honest_date(article)

    @admin.display(description=gettext_lazy("agreements"), ordering="agreement_count")
    def agreement_count(self, article):
        return article.agreement_count

    @admin.display(description=gettext_lazy("curated fields"))
    def curated(self, article):
        return ", ".join(article.curated_fields) or "—"

    @admin.display(description=gettext_lazy("curated fields"))
    def curated_summary(self, article):
        if not article.curated_fields:
            return _("None yet: a re-import of a changed file may update every field.")
        return format_html(
            "<strong>{}</strong><br>{}",
            ", ".join(article.curated_fields),
            _("A re-import leaves these as a curator set them."),
        )

    @admin.display(description=gettext_lazy("clean text"))
    def body_text(self, article):
        return format_html('<div class="curation-text">{}</div>', article.body)

    @admin.display(description=gettext_lazy("original text"))
    def original_text(self, article):
        return format_html('<pre class="curation-text">{}</pre>', article.decoded_original())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        curatable = {*Article.CURATABLE_FIELDS, "tags", "credits"}
        edited = [name for name in form.changed_data if name in curatable]
        edited += [
            CURATED_BY_INLINE[formset.model]
            for formset in formsets
            if formset.model in CURATED_BY_INLINE and formset.has_changed()
        ]
        if edited:
            article = form.instance
            article.curated_fields = curation.curated_after_edit(article.curated_fields, edited)
            # A title the curator wrote is no longer one made from the first sentence.
            article.is_title_derived = article.is_title_derived and "title" not in edited
            article.save(update_fields=["curated_fields", "is_title_derived"])

    @admin.action(
        description=gettext_lazy("Add a tag to selected articles"), permissions=["change"]
    )
    def add_tag_to_selected(self, request, queryset):
        return self._bulk_tag(request, queryset, curation.add_tag, BULK_ADD)

    @admin.action(
        description=gettext_lazy("Remove a tag from selected articles"), permissions=["change"]
    )
    def remove_tag_from_selected(self, request, queryset):
        return self._bulk_tag(request, queryset, curation.remove_tag, BULK_REMOVE)

    def _bulk_tag(self, request, queryset, apply, texts):
        form = BulkTagForm(request.POST if "post" in request.POST else None)
        if form.is_valid():
            tag = form.cleaned_data["tag"]
            changed = apply(queryset, tag, user=request.user)
            done = texts["done"] % {"count": changed, "tag": tag}
            self.message_user(request, done)
            return None
        selected = queryset.count()
        return intermediate_page(
            self,
            request,
            "admin/articles/article/bulk_tag.html",
            {
                "title": texts["title"] % {"count": selected},
                "form": form,
                "queryset": queryset.select_related(None).only("pk", "title"),
                "media": self.media + form.media,
            },
        )
