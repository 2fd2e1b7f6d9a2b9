"""The archive's URLs: the public site from `articles`, curation under /admin/."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Archive curation"
admin.site.site_title = "Archive curation"
admin.site.index_title = "Curate articles, tags, agreements and sources"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
