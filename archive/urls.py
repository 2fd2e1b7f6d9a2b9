"""The archive's URLs: the public site from `articles`, curation under /admin/."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Archive curation")
admin.site.site_title = _("Archive curation")
admin.site.index_title = _("Curate articles, tags, agreements and sources")

urlpatterns = [
    path("admin/", admin.site.urls),
    # set_language: the switcher's POST target, so no page needs JavaScript to change language.
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("articles.api.urls")),
    path("", include("articles.urls")),
]
