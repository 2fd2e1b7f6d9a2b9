"""The public site mounted under /elsewhere/: a URLconf for tests of link building."""

from django.urls import include, path

urlpatterns = [path("elsewhere/", include("articles.urls"))]
