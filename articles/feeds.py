"""Feeds of any list page: `/feed/?<list parameters>` (Atom) and
`/feed/rss/?<list parameters>` (RSS 2.0), at /feed/ rather than under
/articles/, where a slug could be "feed". The render step for feed readers:
the entries are the list page's first page (articles/listing.py), the same
articles in the same order, and the title says what the feed follows.

Articles are untrusted text, so every summary goes out as plain text
(`type="text"`): a body holding a tag, escaped or not, is shown by a reader as
the characters it is, never run. Links are made absolute from the request's
own host; the sites framework (installed for redirects) would name its
default domain (example.com) instead.
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.filters import chosen_names, language_label, with_changes
from articles.listing import ArticleListing
from articles.models import Article, DatePrecision

SUMMARY_WORDS = 60
# Characters XML 1.0 cannot carry at all, escaped or not: a search text or a
# stored article holding one must not take the whole feed down.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


class PlainTextAtomFeed(Atom1Feed):
    """Atom whose entry summaries are plain text, not HTML for the reader to render."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class ArticleFeed(Feed):
    """The articles a list page shows, for a feed reader to follow."""

    feed_type = PlainTextAtomFeed
    url_name = "articles:feed"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        listing = ArticleListing(request.GET)
        if not listing.is_valid:
            messages = [message for errors in listing.errors.values() for message in errors]
            return HttpResponseBadRequest(
                "\n".join(messages), content_type="text/plain; charset=utf-8"
            )
        request.listing = listing
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        """The request itself: it carries the listing, and the links are made from its host."""
        return request

    def title(self, request: HttpRequest) -> str:
        followed = xml_text(describe(request.listing))
        if not followed:
            return _("Azerbaijan–Russia news archive: newest articles")
        return _("Azerbaijan–Russia news archive: %(followed)s") % {"followed": followed}

    def subtitle(self, request: HttpRequest) -> str:
        return _("The articles of the archive's list page for the same filters, as it orders them.")

    def link(self, request: HttpRequest) -> str:
        return request.build_absolute_uri(reverse("articles:list") + _query(request))

    def feed_url(self, request: HttpRequest) -> str:
        return request.build_absolute_uri(reverse(self.url_name) + _query(request))

    def items(self, request: HttpRequest) -> list[Article]:
        items = request.listing.page.rows
        # List rows leave the body out; the summaries read it in one query.
        bodies = dict(
            Article.objects.filter(pk__in=[item.pk for item in items]).values_list("pk", "body")
        )
        for item in items:
            item.absolute_url = request.build_absolute_uri(item.get_absolute_url())
            summary = Truncator(bodies.get(item.pk, "").replace("## ", "")).words(SUMMARY_WORDS)
            item.summary = xml_text(summary)
        return items

    def item_title(self, item: Article) -> str:
        return xml_text(item.title)

    def item_link(self, item: Article) -> str:
        return item.absolute_url

    def item_description(self, item: Article) -> str:
        return item.summary

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


class ArticleRssFeed(ArticleFeed):
    feed_type = Rss201rev2Feed
    url_name = "articles:feed_rss"


def _query(request: HttpRequest) -> str:
    """The request's list parameters, without the page turned to."""
    kept = with_changes(request.GET)
    return f"?{kept.urlencode()}" if kept else ""


def describe(listing: ArticleListing) -> str:
    """What the listing follows, in words: "Trend, 2019, search: helicopter"."""
    chosen, names = listing.cleaned, chosen_names(listing.params)
    parts = [name for key in ("source", "tag", "agreement") for _slug, name in names[key]]
    parts += [_("without %(tag)s") % {"tag": name} for _slug, name in names["exclude_tag"]]
    if chosen.get("language"):
        parts.append(language_label(chosen["language"]))
    parts += _dates(listing)
    if chosen.get("undated"):
        parts.append(_("date unknown"))
    if listing.text:
        parts.append(_("search: %(text)s") % {"text": listing.text})
    return ", ".join(parts)


def _dates(listing: ArticleListing) -> list[str]:
    after, before = listing.cleaned.get("date_after"), listing.cleaned.get("date_before")
    if after and before:
        if _is_whole_year(after, before):
            return [str(after.year)]
        return [_("%(after)s to %(before)s") % {"after": after, "before": before}]
    if after:
        return [_("from %(date)s") % {"date": after}]
    if before:
        return [_("until %(date)s") % {"date": before}]
    return []


def _is_whole_year(after: dt.date, before: dt.date) -> bool:
    return after == dt.date(after.year, 1, 1) and before == dt.date(after.year, 12, 31)
