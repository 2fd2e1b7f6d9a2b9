"""An Atom feed of the newest articles at /feed/ (not under /articles/, where a slug could
be "feed"), so readers can follow the archive."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from articles.models import Article

FEED_SIZE = 30


class NewestArticlesFeed(Feed):
    feed_type = Atom1Feed
    title = "Azerbaijan–Russia news archive: newest articles"
    subtitle = "The most recently published articles in the archive."
    link = reverse_lazy("articles:list")

    def items(self):
        return (
            Article.objects.select_related("source")
            .only("title", "slug", "body", "published_on", "imported_at", "source__name")
            .newest_first()[:FEED_SIZE]
        )

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        # Plain text only: the syndication framework escapes it, articles are untrusted.
        return Truncator(item.body.replace("## ", "")).words(60)

    def item_author_name(self, item: Article) -> str | None:
        return item.source.name if item.source else None

    def item_pubdate(self, item: Article) -> dt.datetime:
        if item.published_on is None:
            return item.imported_at
        return dt.datetime.combine(item.published_on, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.imported_at
