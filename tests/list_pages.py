"""The HTML list as a reader walks it, for the tests that compare the API and
the exports with it: every result, following the "next" links to the end."""

from __future__ import annotations

import html
import re
from http import HTTPStatus

RESULT_LINK = re.compile(r'class="result__title"[^>]*><a href="/articles/([^/"?]+)/')
NEXT_LINK = re.compile(r'<a rel="next" href="([^"]+)"')


def html_slugs(client, query: str) -> list[str]:
    """Every article the HTML list shows for `query`, page after page, in order."""
    slugs, address = [], f"/articles/?{query}"
    while address:
        response = client.get(address)
        assert response.status_code == HTTPStatus.OK, response.content[:500]
        page = response.content.decode()
        slugs += RESULT_LINK.findall(page)
        following = NEXT_LINK.search(page)
        address = "/articles/" + html.unescape(following[1]) if following else None
    return slugs
