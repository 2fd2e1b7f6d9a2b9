"""What the curation admins share: the merge action and its confirmation page,
redirects from changed slugs, remembered old names, article counts on list
pages, read-only inlines and the admin stylesheet."""

import datetime as dt

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Count
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from articles import curation
from articles.forms import MergeForm

CURATION_MEDIA = {"all": ["admin-extra/curation.css"]}


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


NUL = "\x00"
DATE_PARTS = ("year", "month", "day")


def without_nul(query: QueryDict) -> QueryDict:
    """The query with NUL characters taken out: PostgreSQL refuses them in
    text, and no stored value holds one, so none can be meant."""
    if not any(NUL in key or NUL in "".join(values) for key, values in query.lists()):
        return query
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    return cleaned


def is_hierarchy_date(query: QueryDict, field: str) -> bool:
    """Whether the date hierarchy's year, month and day in `query` name a day
    Django can filter by: it adds a day, month or year to find the end, so
    the last year has no room, and it expects only a ValueError from the rest
    (20 digits raise an OverflowError)."""
    year, month, day = (query.get(f"{field}__{part}") for part in DATE_PARTS)
    if year is None:
        return month is None and day is None
    try:
        first = dt.date(int(year), int(month or 1), int(day or 1))
    except (ValueError, OverflowError):
        return False
    return first.year < dt.MAXYEAR


def shown(value: str) -> str:
    """A value from the address as a message quotes it: short."""
    return Truncator(value).chars(40)


class CurationAdmin(admin.ModelAdmin):
    """A model admin with the curation stylesheet, whose list page never
    hands the database a value it cannot take (strict filters)."""

    class Media:
        css = CURATION_MEDIA

    def view_on_site(self, obj):
        """The public page on the host the curator is using. Django's default
        goes through the sites framework, whose domain is still example.com."""
        return obj.get_absolute_url()

    def changelist_view(self, request, extra_context=None):
        request.GET = self._strict_query(request)
        return super().changelist_view(request, extra_context)

    def get_changelist_instance(self, request):
        """The list, or, when the address holds filters Django cannot apply
        (a letter for an id), the whole list with a message: Django's own
        answer is a page blaming the database installation."""
        try:
            return super().get_changelist_instance(request)
        except IncorrectLookupParameters:
            request.GET = QueryDict()
            messages.warning(
                request, _("The filters in this address could not be used; showing every row.")
            )
            return super().get_changelist_instance(request)

    def get_search_results(self, request, queryset, search_term):
        # The autocomplete of related fields searches here too.
        return super().get_search_results(request, queryset, search_term.replace(NUL, ""))

    def _strict_query(self, request) -> QueryDict:
        """The list page's query without NULs, and without a date hierarchy
        choice that names no day (a message says it was ignored)."""
        query = without_nul(request.GET)
        field = self.date_hierarchy
        if field and not is_hierarchy_date(query, field):
            query = query.copy()
            wrong = [query.pop(f"{field}__{part}", [""])[-1] for part in DATE_PARTS]
            messages.warning(
                request,
                _("“%(date)s” is not a date to browse by; showing every date.")
                % {"date": shown("-".join(wrong).strip("-"))},
            )
        return query


class ChoiceOnlyListFilter(admin.SimpleListFilter):
    """A list filter that acts only on one of its own choices: another value
    typed into the address is ignored, with a message, and never reaches
    the database."""

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        value = self.used_parameters.get(self.parameter_name)
        choices = {str(choice) for choice, _label in self.lookup_choices}
        if value is not None and value not in choices:
            del self.used_parameters[self.parameter_name]
            messages.warning(
                request,
                _("“%(value)s” is not a choice of the filter “%(title)s”; it was ignored.")
                % {"value": shown(value), "title": self.title},
            )


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

    @admin.display(description=gettext_lazy("articles"), ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


class MergeActionMixin:
    """A "merge selected" action: a confirmation page where the curator picks the
    survivor (each choice says how many articles would move), then the merge."""

    merge_function = None  # curation.merge_*: (survivor, others, *, user) -> articles moved
    moving_function = None  # curation.*_moving_to: (survivor, others) -> articles that would move

    @admin.action(
        description=gettext_lazy("Merge selected %(verbose_name_plural)s"), permissions=["merge"]
    )
    def merge_selected(self, request, queryset):
        candidates = list(queryset)
        if len(candidates) < 2:
            self.message_user(request, _("Select at least two to merge."), messages.WARNING)
            return None
        moving = {
            c.pk: self.moving_function(c, [o for o in candidates if o.pk != c.pk])
            for c in candidates
        }
        form = MergeForm(
            request.POST if "post" in request.POST else None,
            candidates=queryset,
            describe=lambda obj: merge_choice_text(obj, obj.article_count, moving[obj.pk]),
        )
        if form.is_valid():
            return self._merge(request, form.cleaned_data["survivor"], candidates)
        return intermediate_page(
            self,
            request,
            "admin/articles/merge_confirmation.html",
            {
                "title": _("Merge %(things)s") % {"things": self.opts.verbose_name_plural},
                "form": form,
                "candidates": candidates,
            },
        )

    def _merge(self, request, survivor, candidates):
        others = [c for c in candidates if c.pk != survivor.pk]
        moved = self.merge_function(survivor, others, user=request.user)
        # The noun is the model's, singular or plural: a count the verbose names decline.
        noun = self.opts.verbose_name if len(others) == 1 else self.opts.verbose_name_plural
        merged = _("Merged %(count)d %(noun)s into “%(survivor)s”;") % {
            "count": len(others),
            "noun": noun,
            "survivor": survivor,
        }
        moved_text = ngettext(
            "%(count)d article moved to it. Old addresses now redirect there.",
            "%(count)d articles moved to it. Old addresses now redirect there.",
            moved,
        ) % {"count": moved}
        self.message_user(request, f"{merged} {moved_text}", messages.SUCCESS)
        return None

    def has_merge_permission(self, request):
        return self.has_change_permission(request) and self.has_delete_permission(request)


def merge_choice_text(obj, article_count: int, moving: int) -> str:
    """One choice of the merge page: how many articles the row has, and how
    many more it would gain as the one kept."""
    has = ngettext(
        "%(name)s: has %(count)d article;", "%(name)s: has %(count)d articles;", article_count
    ) % {"name": obj, "count": article_count}
    moves = ngettext(
        "keeping it moves %(count)d more article to it",
        "keeping it moves %(count)d more articles to it",
        moving,
    ) % {"count": moving}
    return f"{has} {moves}"


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
