"""The tag admin: a curator renames tags (the old name and URL keep working)
and merges duplicates the importer made from different spellings."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles import curation
from articles.admin.mixins import RenameAndMergeAdmin
from articles.models import Tag


@admin.register(Tag)
class TagAdmin(RenameAndMergeAdmin):
    merge_function = staticmethod(curation.merge_tags)
    moving_function = staticmethod(curation.tags_moving_to)
    remember_function = staticmethod(curation.remember_tag_name)
    remembered_fields = ["name", "kind"]

    list_display = ["name", "kind", "slug", "article_count"]
    list_filter = ["kind"]
    fields = ["name", "kind", "slug", "alias_names"]

    @admin.display(description=_("also known as"))
    def alias_names(self, tag):
        names = [f"{alias.name} ({alias.kind})" for alias in tag.aliases.all()]
        return ", ".join(names) or "—"
