"""Readers for the load test (bench/loadtest.py drives this file with locust, headless).

A mix of what people do on the archive: open the front page, page through
the list, read articles, search (common and rare words, phrases, Russian),
filter by source, language and dates, follow the "Older" link. Every answer
other than 200 counts as an error. The host is given by the driver: 127.0.0.1.
"""

from __future__ import annotations

import itertools
import os
import random
import re

from locust import HttpUser, between, task

SEARCHES = [
    "Azerbaijan",
    "Russia",
    "cooperation",
    "Russia cooperation",
    "energy",
    "transport",
    "corridor",
    '"intergovernmental commission"',
    '"North-South transport corridor"',
    "ferrochrome",
    "Lavrov",
    "SOCAR",
    "pensions",
    "сотрудничество",
    "Азербайджан",
    "Baku -Moscow",
    "memorandum OR declaration",
    "Karabakh",
    "Caspian",
    "quetzalcoatlus",
]
SOURCES = ["trend", "azernews", "apa", "report", "tass", "interfax", "kaspi", "caliber"]
LANGUAGES = ["en", "ru", "az"]
ARTICLE_LINK = re.compile(r'href="/articles/([a-z0-9-]+)/"')
OLDER_LINK = re.compile(r'href="[^"]*[?&]cursor=(next\.[0-9-]+\.[0-9]+)')


# Several application servers (bench/loadtest.py --servers): each reader keeps to
# one, taken in turn, as behind a load balancer; unset, the driver's --host.
SERVERS = [url for url in os.environ.get("LOAD_TEST_SERVERS", "").split(",") if url]
_server_turn = itertools.count()


def _year_range() -> dict[str, str]:
    first = random.randint(1995, 2025)
    last = random.randint(first, 2026)
    return {"date_after": f"{first}-01-01", "date_before": f"{last}-12-31"}


class Reader(HttpUser):
    wait_time = between(0.5, 3)

    def on_start(self) -> None:
        if SERVERS:
            self.client.base_url = SERVERS[next(_server_turn) % len(SERVERS)]
        self.slugs: list[str] = []
        self.cursor: str | None = None

    def _list(self, params: dict, name: str) -> None:
        with self.client.get("/articles/", params=params, name=name, catch_response=True) as reply:
            if reply.status_code != 200:
                reply.failure(f"status {reply.status_code}")
                return
            self.slugs = ARTICLE_LINK.findall(reply.text)[:20] or self.slugs
            older = OLDER_LINK.search(reply.text)
            self.cursor = older.group(1) if older else None

    @task(2)
    def front_page(self) -> None:
        self.client.get("/", name="/ (front page)")

    @task(2)
    def browse_pages(self) -> None:
        self._list({"page": random.randint(1, 10)}, "/articles/?page")

    @task(4)
    def read_article(self) -> None:
        if not self.slugs:
            self._list({}, "/articles/")
        if self.slugs:
            self.client.get(f"/articles/{random.choice(self.slugs)}/", name="/articles/<slug>/")

    @task(5)
    def search(self) -> None:
        params = {"q": random.choice(SEARCHES)}
        if random.random() < 0.2:
            params["sort"] = random.choice(["newest", "oldest"])
        self._list(params, "/articles/?q")

    @task(2)
    def search_with_filter(self) -> None:
        params = {"q": random.choice(SEARCHES[:10]), "source": random.choice(SOURCES)}
        self._list(params | (_year_range() if random.random() < 0.5 else {}), "/articles/?q&filter")

    @task(3)
    def filter_only(self) -> None:
        choice = random.random()
        if choice < 0.4:
            params = {"source": random.choice(SOURCES)}
        elif choice < 0.7:
            params = {"language": random.choice(LANGUAGES)} | _year_range()
        else:
            params = _year_range()
        self._list(params, "/articles/?filter")

    @task(2)
    def older(self) -> None:
        if self.cursor is None:
            self._list({}, "/articles/")
        if self.cursor:
            self._list({"cursor": self.cursor}, "/articles/?cursor")

    @task(1)
    def date_archive(self) -> None:
        self.client.get(f"/archive/{random.randint(1996, 2025)}/", name="/archive/<year>/")

    @task(1)
    def source_page(self) -> None:
        self.client.get(f"/sources/{random.choice(SOURCES)}/", name="/sources/<slug>/")
