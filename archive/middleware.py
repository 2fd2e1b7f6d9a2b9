"""Response headers Django 5.2 does not set by itself, and the choice of the
database a request reads."""

from django.conf import settings

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
