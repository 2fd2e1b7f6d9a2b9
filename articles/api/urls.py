"""The API's URLs under /api/ (names used by reverse("api:…"))."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from articles.api import timeline, views

app_name = "api"

urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("stories/<int:pk>/", views.StoryDetailView.as_view(), name="story-detail"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("tags/", views.TagListView.as_view(), name="tag-list"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("timeline/", timeline.TimelineView.as_view(), name="timeline"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
]
