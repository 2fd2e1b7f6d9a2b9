"""The public archive's URLs (names used by get_absolute_url and templates)."""

from django.urls import path

from articles import views
from articles.feeds import NewestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(extra_context={"is_front": True}), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("feed/", NewestArticlesFeed(), name="feed"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("articles/<slug:slug>/original/", views.original, name="original"),
    path("sources/<slug:slug>/", views.SourceView.as_view(), name="source"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("agreements/", views.AgreementListView.as_view(), name="agreements"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement"),
    path("archive/<int:year>/", views.YearArchive.as_view(), name="archive_year"),
    path("archive/<int:year>/<int:month>/", views.MonthArchive.as_view(), name="archive_month"),
]
