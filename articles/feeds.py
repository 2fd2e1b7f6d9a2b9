"""An Atom feed of the newest articles at /feed/ (not under /articles/, where a slug could
be "feed"), so readers can follow the archive: the render step for feed readers.

Articles are untrusted text, so every summary goes out as plain text
(`type="text"`): a body holding a tag, escaped or not, is shown by a reader as
the characters it is, never run. Links are made absolute from the request's
own host; the sites framework (installed for redirects) would name its
default domain (example.com) instead.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models import Article, DatePrecision

FEED_SIZE = 30
SUMMARY_WORDS = 60
# A day ahead of UTC is still "today" somewhere (UTC+14 at most): a date
# past that is an error in the data, which must not top the feed.
LATEST_TIME_ZONE = dt.timedelta(days=1)


class PlainTextAtomFeed(Atom1Feed):
    """Atom whose entry summaries are plain text, not HTML for the reader to render."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class NewestArticlesFeed(Feed):
    feed_type = PlainTextAtomFeed
    title = _("Azerbaijan–Russia news archive: newest articles")
    subtitle = _("The most recently published articles in the archive.")

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        """The request itself: the feed's links are made from its host."""
        return request

    def link(self, request: HttpRequest) -> str:
        return request.build_absolute_uri(reverse("articles:list"))

    def feed_url(self, request: HttpRequest) -> str:
        return request.build_absolute_uri(reverse("articles:feed"))

    def items(self, request: HttpRequest) -> list[Article]:
        latest = timezone.now().date() + LATEST_TIME_ZONE
        items = list(
            Article.objects.select_related("source")
            .only(
                "title",
                "slug",
                "body",
                "published_on",
                "date_precision",
                "changed_at",
                "source__name",
            )
            .published_by(latest)
            .newest_first()[:FEED_SIZE]
        )
        for item in items:
            item.absolute_url = request.build_absolute_uri(item.get_absolute_url())
        return items

    def item_title(self, item: Article) -> str:
        return item.title

    def item_link(self, item: Article) -> str:
        return item.absolute_url

    def item_description(self, item: Article) -> str:
        return Truncator(item.body.replace("## ", "")).words(SUMMARY_WORDS)

    def item_author_name(self, item: Article) -> str | None:
        return item.source.name if item.source else None

    def item_pubdate(self, item: Article) -> dt.datetime | None:
        """The day it was published, when known to the day; an article known
        only to the month or year, or undated, claims no day at all."""
        if item.published_on is None or item.date_precision != DatePrecision.DAY:
            return None
        return dt.datetime.combine(item.published_on, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, item: Article) -> dt.datetime:
        """When the archive's copy last changed: Atom's `updated`, never `published`."""
        return item.changed_at
