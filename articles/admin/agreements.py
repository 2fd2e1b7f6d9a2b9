"""The agreement admin: the review queue where a curator approves or rejects
the agreements the importer suggested, judging by the sentences that mention
them, and merges ones it found under different wordings."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from articles import curation
from articles.admin.mixins import (
    ArticleCountMixin,
    ChoiceOnlyListFilter,
    CurationAdmin,
    MergeActionMixin,
    ReadOnlyInline,
    SlugRedirectMixin,
)
from articles.models import Agreement, AgreementKey, AgreementStatus, Mention

# What a review action did; the plural form follows "count".
APPROVED = ngettext_lazy("Approved %(count)d agreement.", "Approved %(count)d agreements.", "count")
REJECTED = ngettext_lazy("Rejected %(count)d agreement.", "Rejected %(count)d agreements.", "count")


class ReviewStatusFilter(ChoiceOnlyListFilter):
    """The review queue: suggestions first, every status one click away."""

    title = _("review status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*AgreementStatus.choices, (self.ALL, _("all"))]

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


class InRegisterFilter(admin.SimpleListFilter):
    """The register of known documents: the entries the importer matches first."""

    title = _("in register")
    parameter_name = "in_register"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        in_register = Agreement.objects.in_register().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=in_register)
        if self.value() == "no":
            return queryset.exclude(pk__in=in_register)
        return queryset


class ArticleMentionInline(ReadOnlyInline):
    """On an agreement's page: every article naming it, with the sentence, so the
    curator can judge without opening each article."""

    model = Mention
    fields = ["article_link", "published", "sentence", "is_signed", "signed_on", "date_note"]
    readonly_fields = fields
    verbose_name = _("mention in an article")
    verbose_name_plural = _("mentioned in these articles")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article__source")
            .defer("article__original", "article__body")
            .order_by("article__published_on", "pk")
        )

    @admin.display(description=_("article"))
    def article_link(self, mention):
        url = reverse("admin:articles_article_change", args=[mention.article_id])
        return format_html('<a href="{}">{}</a>', url, mention.article.title)

    @admin.display(description=_("published"))
    def published(self, mention):
        return mention.article.published_on or _("date unknown")


class AgreementKeyInline(ReadOnlyInline):
    """The wordings the importer knows this agreement by (merges move them here)."""

    model = AgreementKey
    fields = ["key"]
    readonly_fields = fields
    verbose_name_plural = _("importer keys")


@admin.register(Agreement)
class AgreementAdmin(SlugRedirectMixin, MergeActionMixin, ArticleCountMixin, CurationAdmin):
    merge_function = staticmethod(curation.merge_agreements)
    moving_function = staticmethod(curation.agreements_moving_to)
    article_count_of = "mentions"

    list_display = [
        "name",
        "kind",
        "review_status",
        "signed_on",
        "register_key",
        "is_bilateral",
        "article_count",
    ]
    list_filter = [ReviewStatusFilter, InRegisterFilter, "is_bilateral", "kind"]
    search_fields = [
        "name",
        "name_ru",
        "name_az",
        "aliases",
        "register_key",
        "parties",
        "signatories",
        "keys__key",
    ]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "name_ru", "name_az", "slug", "kind", "status"]}),
        (
            _("Signing"),
            {"fields": ["parties", "is_bilateral", "signatories", ("signed_on", "signed_place")]},
        ),
        (
            _("Register of known documents"),
            {
                "fields": ["register_key", "aliases"],
                "description": _(
                    "A key puts the document in the register: the next import matches "
                    "mentions of any of its names or other names to it first."
                ),
            },
        ),
        (None, {"fields": [("created_at", "updated_at")]}),
    ]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ArticleMentionInline, AgreementKeyInline]
    actions = ["approve_selected", "reject_selected", "merge_selected"]

    @admin.display(description=_("status"), ordering="status")
    def review_status(self, agreement):
        return format_html(
            '<span class="review-status review-{}">{}</span>',
            agreement.status,
            agreement.get_status_display(),
        )

    @admin.action(description=_("Approve selected agreements"), permissions=["change"])
    def approve_selected(self, request, queryset):
        self._review(request, queryset, AgreementStatus.APPROVED, APPROVED)

    @admin.action(description=_("Reject selected agreements"), permissions=["change"])
    def reject_selected(self, request, queryset):
        self._review(request, queryset, AgreementStatus.REJECTED, REJECTED)

    def _review(self, request, queryset, status, done):
        changed = curation.set_agreement_status(queryset, status, user=request.user)
        self.message_user(request, done % {"count": changed}, messages.SUCCESS)
