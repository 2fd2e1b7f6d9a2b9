"""Response headers Django 5.2 does not set by itself, the choice of the
database a request reads, and the cache of rendered public pages."""

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token

from archive import routers


class ContentSecurityPolicyMiddleware:
    """Send one Content-Security-Policy on every response.

    Articles are untrusted text; a policy without inline script means a
    tag that slipped through escaping still cannot run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class ReadDatabaseMiddleware:
    """Send a public read to a replica that has caught up with the archive
    (archive/routers.py); everything else reads the primary.

    The choice is made in process_view, once the URL is resolved (the admin
    reads the primary) and after AuthenticationMiddleware (a curator's
    requests read the primary, so their own change shows at once).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        routers.back_to_primary()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from articles.changes import read_under

        alias, version = routers.choose_read_database(request)
        read_under(version)
        routers.read_from(alias)


# The public pages whose whole content follows from the archive's rows, the
# URL and the interface's language. Not the exports and the original file
# (large, and read once), nor the API (it counts each client's requests).
CACHED_PAGES = {
    "articles:home",
    "articles:list",
    "articles:article",
    "articles:story",
    "articles:story_compare",
    "articles:sources",
    "articles:source",
    "articles:tags",
    "articles:tag",
    "articles:agreements",
    "articles:agreement",
    "articles:timeline",
    "articles:archive_year",
    "articles:archive_month",
    "articles:feed",
    "articles:feed_rss",
}
# The language switcher's token (base.html) is the one part of a page that is
# the reader's own: kept out of the cache and made afresh for each reader.
CSRF_INPUT = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[^"]*(")')
# A page larger than this is rendered each time rather than kept.
LARGEST_PAGE = 1 << 20


class PageCacheMiddleware:
    """Answer a reader without a session from a shared cache of rendered pages.

    A page is kept under its full URL, the interface's language and the
    archive's version (articles/changes.py), so an import, a curator's save or
    any other change retires every page at once, as it retires the facet
    counts. Only GET requests for CACHED_PAGES, only from requests carrying no
    session or messages cookie (a curator always has a session), and only
    200 answers that set no cookie of their own are kept; anything else is
    rendered as before. Headers the outer middleware sets (the language's
    Vary and Content-Language, the CSRF cookie, the security headers) are set
    again on a cached answer, since they are added on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.page_cache_key = None
        response = self.get_response(request)
        if request.page_cache_key and self._keeps(response):
            content = CSRF_INPUT.sub(rb"\1\2", response.content)
            headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
            kept = (content, headers)
            caches["pages"].set(request.page_cache_key, kept, settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self._serves(request):
            return None
        from articles.changes import current_version

        # The version is read before the page is rendered: whatever the page then
        # reads is at least that new, so a page is never kept under a version
        # newer than what it shows.
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        address = f"{request.build_absolute_uri()} {language} {current_version()}"
        key = hashlib.sha256(address.encode()).hexdigest()
        kept = caches["pages"].get(key)
        if kept is None:
            request.page_cache_key = key
            return None
        content, headers = kept
        if CSRF_INPUT.search(content):
            token = get_token(request).encode()
            content = CSRF_INPUT.sub(lambda found: found[1] + token + found[2], content)
        return HttpResponse(content, headers=headers)

    @staticmethod
    def _serves(request) -> bool:
        match = request.resolver_match
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and match is not None
            and match.view_name in CACHED_PAGES
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    @staticmethod
    def _keeps(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
            and len(response.content) <= LARGEST_PAGE
        )
