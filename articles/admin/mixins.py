"""What the curation admins share: the merge action and its confirmation page,
redirects from changed slugs, remembered old names, article counts on list
pages, read-only inlines and the admin stylesheet."""

from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse

from articles import curation
from articles.forms import MergeForm

CURATION_MEDIA = {"all": ["admin-extra/curation.css"]}


def count_of(n: int, noun: str) -> str:
    """ "1 article", "3 articles": messages a curator reads many times a day."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def intermediate_page(model_admin, request, template, context):
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


class CurationAdmin(admin.ModelAdmin):
    """A model admin with the curation stylesheet."""

    class Media:
        css = CURATION_MEDIA


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for context beside the object; nothing in them is edited here."""

    extra = 0
    classes = ["curation-compact"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ArticleCountMixin:
    """An "articles" column: how many articles use each row, sortable."""

    article_count_of = "articles"  # the relation from the row to its articles

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(article_count=Count(self.article_count_of))
            # Meta.ordering does not apply to a grouped query; paging needs an order.
            .order_by(*self.model._meta.ordering)
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


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
        return intermediate_page(
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


class RememberOldNameMixin:
    """A renamed row keeps its old name: files still use it, and the importer
    must file them here, not recreate the old row."""

    remember_function = None  # curation.remember_*_name: (obj, **old values of remembered_fields)
    remembered_fields = ["name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and set(self.remembered_fields) & set(form.changed_data):
            old = {name: form.initial[name] for name in self.remembered_fields}
            self.remember_function(obj, **old)


class RenameAndMergeAdmin(
    RememberOldNameMixin, SlugRedirectMixin, MergeActionMixin, ArticleCountMixin, CurationAdmin
):
    """Tags and sources alike: named rows that files credit by name, which a
    curator renames (old names are remembered as aliases) and merges."""

    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["alias_names"]
    actions = ["merge_selected"]
