"""The source admin: a curator renames outlets (the old credit keeps filing
articles here), sets their web address and merges duplicates."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles import curation
from articles.admin.mixins import RenameAndMergeAdmin
from articles.models import Source


@admin.register(Source)
class SourceAdmin(RenameAndMergeAdmin):
    merge_function = staticmethod(curation.merge_sources)
    moving_function = staticmethod(curation.sources_moving_to)
    remember_function = staticmethod(curation.remember_source_name)

    list_display = ["name", "slug", "site_url", "country", "article_count"]
    # Curators type "trend.az"; the web is HTTPS now (and Django 6 assumes so).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_editable = ["site_url"]
    fields = ["name", "slug", "site_url", "country", "alias_names"]

    @admin.display(description=_("also credited as"))
    def alias_names(self, source):
        return ", ".join(alias.name for alias in source.aliases.all()) or "—"
