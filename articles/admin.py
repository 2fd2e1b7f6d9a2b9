"""Curation in the Django admin."""

from django.contrib import admin

from articles.models import Agreement, AgreementKey, Article, Mention, Revision, Source, Tag

admin.site.register([Agreement, AgreementKey, Article, Mention, Revision, Source, Tag])
