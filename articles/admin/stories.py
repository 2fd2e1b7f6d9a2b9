"""Stories in the admin: a curator joins articles the importer kept apart into
one story, or splits an article out of the story it was wrongly put in
(articles.stories does the work). A story a curator touched is curated, and
re-imports and `group_stories` leave its articles where the curator put them.

The two actions belong on the article list (ArticleAdmin lists them); the
story's own page shows its articles read-only, each linked to its article page.
"""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import stories
from articles.admin.mixins import CurationAdmin, ReadOnlyInline
from articles.models import Article, Story


@admin.action(description=_("Join selected articles into one story"), permissions=["change"])
def join_into_one_story(modeladmin, request, queryset):
    chosen = list(queryset.select_related("story").defer("original", "body"))
    if len(chosen) < 2:
        modeladmin.message_user(request, _("Select two articles or more to join."), "warning")
        return
    story = stories.join_stories(chosen)
    story.refresh_from_db()
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d article is now in the story “%(story)s”.",
            "%(count)d articles are now in the story “%(story)s”.",
            len(chosen),
        )
        % {"count": len(chosen), "story": story},
    )


@admin.action(description=_("Split selected articles out of their stories"), permissions=["change"])
def split_out_of_story(modeladmin, request, queryset):
    chosen = list(queryset.exclude(story=None).defer("original", "body"))
    for article in chosen:
        stories.split_story(article)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d article now stands in a story of its own.",
            "%(count)d articles now stand in stories of their own.",
            len(chosen),
        )
        % {"count": len(chosen)},
    )


class StoryArticleInline(ReadOnlyInline):
    """The story's versions, earliest first, without their texts."""

    model = Article
    fields = ["linked_title", "source", "published_on", "language", "copy_of"]
    readonly_fields = fields
    verbose_name_plural = _("articles in this story")

    def get_queryset(self, request):
        rows = super().get_queryset(request).select_related("source", "copy_of")
        return rows.defer("original", "body", "copy_of__original", "copy_of__body").order_by(
            "published_on", "pk"
        )

    @admin.display(description=_("title"))
    def linked_title(self, article):
        url = reverse("admin:articles_article_change", args=[article.pk])
        return format_html('<a href="{}">{}</a>', url, article.title)


@admin.register(Story)
class StoryAdmin(CurationAdmin):
    list_display = ["__str__", "first_published", "article_count", "is_curated"]
    list_filter = ["is_curated"]
    search_fields = ["title"]
    fields = ["title", "first_published", "is_curated", "created_at"]
    readonly_fields = ["title", "first_published", "created_at"]
    inlines = [StoryArticleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    def has_add_permission(self, request):
        # Stories come from the importer or from joining articles on the article list.
        return False

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, story):
        return story.article_count
