"""A seeded HTTP fuzz of every public URL and parameter, and of the admin's
list filters and search as a signed-in curator: thousands of hostile
requests, not one server error.

The values are what an attacker or a broken link sends: huge strings, NULs
and other control characters, bytes that are not UTF-8, right-to-left
overrides, SQL and HTML fragments, negative and huge numbers, impossible
dates, parameters repeated past their bound, mixed with valid values so the
requests reach past the form's first check. Django's test client runs each
one through the whole stack (middleware, URL resolver, view, template) with
`raise_request_exception=False`, so a crash is counted as the 500 a reader
would get. FUZZ_SEED replays a run; FUZZ_REQUESTS scales it (5,120 per database).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
from collections import Counter
from collections.abc import Callable
from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles.models import Revision
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = [pytest.mark.reliability, pytest.mark.django_db]

SEED = int(os.environ.get("FUZZ_SEED", "13"))
# Per database: requests in all, one in eight of them to the admin (each
# admin page costs about five public ones), within two minutes on CI.
REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "5120"))
ADMIN_REQUESTS = REQUESTS // 8
PUBLIC_REQUESTS = REQUESTS - ADMIN_REQUESTS
FIRST_DAY = dt.date(2019, 12, 1)

LIST_PARAMETERS = [
    "q",
    "date_after",
    "date_before",
    "source",
    "tag",
    "exclude_tag",
    "agreement",
    "language",
    "sort",
    "page",
    "cursor",
    "undated",
]
# Already percent-encoded: bytes a browser would never send as they are.
RAW_VALUES = ["%00", "%FF", "%C0%80", "%ED%A0%80", "%", "%%", "%zz", "%E2%80%AE", "a%00b", "%0D%0A"]
HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x7f",
    "\u202egnp.exe",
    "\u200f\u202b",
    "\ue000mark\ue001",
    "😀" * 50,
    "漢字",
    "ǅ",
    "i̇",
    "Ω" * 3000,
    "x" * 20_000,
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE articles_article; --",
    "%' AND SLEEP(5) --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% debug %}",
    "../../../../etc/passwd",
    "-1",
    "0",
    "1",
    "2",
    "-99999999999999999999",
    "9" * 30,
    "1e308",
    "NaN",
    "Infinity",
    "0x10",
    "²",
    "١٢",
    "true",
    "false",
    "None",
    "null",
    "2019-13-45",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2019-02-29",
    "2020-02-29",
    "-2019-01-01",
    "２０１９-01-01",
    "2019-1-1",
    "01/02/2019",
    "next.2019-01-01.1",
    "prev.-.1",
    "next.9999-12-31.999999999999999999",
    "next.0000-01-01.1",
    "prev.2019-13-45.1",
    "next.-.99999999999999999999",
    "relevance",
    "newest",
    "oldest",
    "sideways",
    "en",
    "ru",
    "az",
    "english!",
    '"unbalanced',
    "-",
    "NOT",
    "a OR b",
    '"quoted phrase" -excluded',
]


class Fuzzer:
    """Makes hostile requests from one seeded generator and counts the answers."""

    def __init__(self, client: Client, rng: random.Random, slugs: dict[str, list[str]]) -> None:
        self.client = client
        self.rng = rng
        self.slugs = slugs
        self.statuses: Counter[int] = Counter()
        self.server_errors: list[str] = []

    def value(self, valid: list[str] = ()) -> str:
        """A hostile value, or (a third of the time) a valid one, percent-encoded."""
        roll = self.rng.random()
        if valid and roll < 0.35:
            return quote(self.rng.choice(valid), safe="")
        if roll < 0.45:
            return self.rng.choice(RAW_VALUES)
        return quote(self.rng.choice(HOSTILE_VALUES), safe="")

    def query(self, names: list[str], valid: Callable[[str], list[str]]) -> str:
        if self.rng.random() < 0.1:
            return "&".join(self.many_valid(names, valid))
        pairs = []
        for name in self.rng.sample(names, self.rng.randint(0, min(5, len(names)))):
            repeats = self.rng.choice([1, 1, 1, 2, 3, 21, 60])
            pairs += [f"{name}={self.value(valid(name))}" for _ in range(repeats)]
        if self.rng.random() < 0.1:
            pairs.append(f"{self.value()}={self.value()}")
        self.rng.shuffle(pairs)
        return "&".join(pairs)

    def many_valid(self, names: list[str], valid: Callable[[str], list[str]]) -> list[str]:
        """One parameter repeated with distinct valid values only, up to and
        past the bound: the requests that reach the filters' SQL."""
        name = self.rng.choice([name for name in names if len(valid(name)) > 1])
        values = valid(name)
        count = min(len(values), self.rng.choice([2, 19, 20, 21, 40, 60, 70]))
        return [f"{name}={quote(value, safe='')}" for value in self.rng.sample(values, count)]

    def get(self, path: str, query: str = "") -> None:
        url = f"{path}?{query}" if query else path
        response = self.client.get(url)
        self.statuses[response.status_code] += 1
        if response.status_code >= HTTPStatus.INTERNAL_SERVER_ERROR:
            self.server_errors.append(url[:300])

    def slug(self, kind: str) -> str:
        if self.rng.random() < 0.7:
            return self.rng.choice(self.slugs[kind])
        return self.rng.choice(["no-such-slug", "a" * 300, "-", "_", "feed", "0"])

    def list_value(self, name: str) -> list[str]:
        return {
            "source": self.slugs["source"],
            "tag": self.slugs["tag"],
            "exclude_tag": self.slugs["tag"],
            "agreement": self.slugs["agreement"],
            "q": ["Azerbaijan", "talks", "Baku -oil", '"cooperation talks"'],
            "date_after": ["2019-01-01", "2020-01-05"],
            "date_before": ["2020-12-31", "2021-06-30"],
            "undated": ["true", "false"],
            "page": ["1", "2", "3"],
        }.get(name, [])

    def public_request(self) -> None:
        """One request to a public page, chosen at random."""
        rng = self.rng

        def list_query() -> str:
            return self.query(LIST_PARAMETERS, self.list_value)

        article = self.slug("article")
        choice = rng.randrange(12)
        if choice < 4:
            self.get(rng.choice(["/", "/articles/"]), list_query())
        elif choice == 4:
            self.get(f"/articles/{article}/", f"q={self.value(['talks', 'Baku'])}")
        elif choice == 5:
            suffix = rng.choice(["original/", "cite.ris", "cite.bib", "cite.json"])
            self.get(f"/articles/{article}/{suffix}")
        elif choice == 6:
            kind = rng.choice(["source", "tag"])
            self.get(f"/{kind}s/{self.slug(kind)}/", f"page={self.value(['1', '2'])}")
        elif choice == 7:
            self.get(rng.choice(["/agreements/", f"/agreements/{self.slug('agreement')}/"]))
        elif choice == 8:
            year = rng.choice(["2020", "2021", "0", "1", "9999", "10000", "9" * 25])
            month = rng.choice(["", "1/", "01/", "12/", "13/", "0/", "9" * 20 + "/"])
            self.get(f"/archive/{year}/{month}", f"page={self.value(['1'])}")
        elif choice == 9:
            self.get("/feed/", list_query())
        elif choice == 10:
            self.get(
                rng.choice(["/sources/", "/tags/", "/api/articles/", "/export/articles.csv"]),
                list_query(),
            )
        else:
            self.get(rng.choice(["/nothing/", "/articles/%00/", "/.env", "/articles/a%FFb/"]))

    def admin_request(self, filters: dict[str, list[str]]) -> None:
        """One request to an admin change list or the autocomplete."""
        rng = self.rng
        if rng.random() < 0.15:
            field = rng.choice(
                [("article", "tags"), ("article", "source"), ("mention", "agreement")]
            )
            term = self.value(["Baku", "Trend", "Memo"])
            query = f"app_label=articles&model_name={field[0]}&field_name={field[1]}&term={term}"
            self.get(reverse("admin:autocomplete"), query)
            return
        model = rng.choice(list(filters))
        names = [*filters[model], "q", "o", "p", "all", "_facets", "e"]
        self.get(reverse(f"admin:articles_{model}_changelist"), self.query(names, admin_value))


def admin_value(name: str) -> list[str]:
    """Values the admin's own links would carry for a parameter."""
    valid = {"q": ["Baku", "talks"], "o": ["1", "-2"], "p": ["1", "2"]}
    return valid.get(name, ["2020", "yes", "en", "day", "suggested", "all", "topic"])


# Every list filter of each change list (articles/admin/*.py), by its parameter.
ADMIN_FILTERS = {
    "article": [
        "source__id__exact",
        "source__isnull",
        "year",
        "language",
        "language__isnull",
        "date_precision__exact",
        "has_agreements",
        "curated",
        "published_on__year",
        "published_on__month",
        "published_on__day",
    ],
    "agreement": ["status", "kind__exact"],
    "tag": ["kind__exact"],
    "source": [],
}


@pytest.fixture
def archive(db) -> dict[str, list[str]]:
    """A small archive with every kind of row, and the slugs a link could name."""
    sources = [make_source(name="Trend", slug="trend"), make_source(name="APA", slug="apa")]
    # More tags than SQLite can join one by one (64 tables): a link naming
    # them all must still be answered.
    tags = [make_tag(name=f"Baku {n}", slug=f"baku-{n}") for n in range(70)]
    agreements = [make_agreement(slug="road-map"), make_agreement(slug="declaration")]
    articles = []
    for n in range(30):
        articles.append(
            make_article(
                title=f"Baku talks {n}",
                body=f"Azerbaijan and Russia held cooperation talks in Baku, round {n}.",
                source=sources[n % 2] if n % 5 else None,
                published_on=None if n % 7 == 0 else FIRST_DAY + dt.timedelta(days=23 * n),
                tags=tags[: n * 7 % 70 + 1],
                agreements=agreements[: n % 3],
                language=["en", "ru", "az"][n % 3],
            )
        )
    Revision.objects.create(
        article=articles[1],
        original=b"earlier",
        sha256="0" * 64,
        imported_at=articles[1].imported_at,
        superseded_at=articles[1].imported_at,
    )
    return {
        "source": [source.slug for source in sources],
        "tag": [tag.slug for tag in tags],
        "agreement": [agreement.slug for agreement in agreements],
        "article": [article.slug for article in articles],
    }


@pytest.fixture
def quiet_request_log():
    """4xx answers are expected by the thousand here; their warnings would flood the log."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def record(counts: dict[str, int], label: str, fuzzer: Fuzzer) -> None:
    vendor = connection.vendor
    total = sum(fuzzer.statuses.values())
    client_errors = sum(n for status, n in fuzzer.statuses.items() if 400 <= status < 500)
    counts[f"http {label} requests fuzzed ({vendor})"] = total
    counts[f"http {label} 2xx/3xx ({vendor})"] = total - client_errors - len(fuzzer.server_errors)
    counts[f"http {label} 4xx ({vendor})"] = client_errors
    counts[f"http {label} 5xx ({vendor})"] = len(fuzzer.server_errors)


def test_no_public_url_answers_a_server_error_when_fuzzed(
    archive, quiet_request_log, reliability_counts
):
    fuzzer = Fuzzer(Client(raise_request_exception=False), random.Random(SEED), archive)
    for _ in range(PUBLIC_REQUESTS):
        fuzzer.public_request()
    record(reliability_counts, "public", fuzzer)
    assert fuzzer.server_errors == []
    assert sum(fuzzer.statuses.values()) == PUBLIC_REQUESTS


def test_no_admin_list_answers_a_server_error_when_fuzzed_by_a_curator(
    archive, quiet_request_log, reliability_counts
):
    curator = get_user_model().objects.create_user("fuzzing-curator", is_staff=True)
    curator.groups.add(Group.objects.get(name="Curators"))
    client = Client(raise_request_exception=False)
    client.force_login(curator)
    fuzzer = Fuzzer(client, random.Random(SEED + 1), archive)
    for _ in range(ADMIN_REQUESTS):
        fuzzer.admin_request(ADMIN_FILTERS)
    record(reliability_counts, "admin", fuzzer)
    assert fuzzer.server_errors == []
    assert fuzzer.statuses[HTTPStatus.OK] > ADMIN_REQUESTS // 2
