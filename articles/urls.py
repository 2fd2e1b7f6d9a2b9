"""The public archive's URLs (names used by get_absolute_url and templates)."""

from django.urls import path, re_path

from articles import exports, views
from articles.feeds import ArticleFeed, ArticleRssFeed

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(extra_context={"is_front": True}), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("feed/", ArticleFeed(), name="feed"),
    path("feed/rss/", ArticleRssFeed(), name="feed_rss"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("articles/<slug:slug>/original/", views.original, name="original"),
    re_path(
        r"^articles/(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<extension>ris|bib|json)$",
        exports.cite_article,
        name="cite",
    ),
    re_path(
        r"^export/articles\.(?P<extension>csv|jsonl|ris|bib)$",
        exports.export_articles,
        name="export",
    ),
    path("stories/<int:pk>/", views.StoryDetailView.as_view(), name="story"),
    path(
        "stories/<int:pk>/compare/",
        views.StoryDetailView.as_view(is_comparing=True),
        name="story_compare",
    ),
    path("sources/", views.SourceIndexView.as_view(), name="sources"),
    path("sources/<slug:slug>/", views.SourceView.as_view(), name="source"),
    path("tags/", views.TagIndexView.as_view(), name="tags"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("agreements/", views.AgreementListView.as_view(), name="agreements"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("archive/<int:year>/", views.YearArchive.as_view(), name="archive_year"),
    path("archive/<int:year>/<int:month>/", views.MonthArchive.as_view(), name="archive_month"),
]
