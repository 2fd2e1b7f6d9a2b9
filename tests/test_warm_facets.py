"""warm_facets: the pages readers open first get their facet counts cached,
counted in full however long they take, so no reader waits or misses a group."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import make_article, make_source, make_tag
from tests.test_views import WARM_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    trend, apa = make_source(name="Trend", slug="trend"), make_source(name="APA", slug="apa")
    tag = make_tag(name="Baku", slug="baku")
    make_article(source=trend, tags=[tag], published_on=dt.date(2019, 5, 1))
    make_article(source=apa, language="ru", published_on=dt.date(2022, 4, 26))


def warm(*args) -> str:
    out = StringIO()
    call_command("warm_facets", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"language": "ru"},
        {"date_after": "2019-01-01", "date_before": "2019-12-31"},
    ],
)
def test_reader_pages_count_no_facets_once_warmed(
    archive, client, params, django_assert_num_queries
):
    warm()
    with django_assert_num_queries(WARM_QUERIES):
        client.get("/articles/", params)


def test_source_page_counts_no_facets_once_warmed(archive, client, django_assert_num_queries):
    warm()
    with django_assert_num_queries(WARM_QUERIES):
        client.get("/articles/", {"source": "apa"})


def test_groups_too_slow_for_a_page_are_counted_in_full(archive, client, monkeypatch):
    monkeypatch.setattr("articles.listing.FACET_BUDGET_MS", 0)
    assert "took too long" in client.get("/articles/").content.decode()
    warm()
    html = client.get("/").content.decode()
    assert "took too long" not in html
    assert "Baku" in html[html.index('<aside class="facets"') :]


def test_reports_each_page_and_the_total(archive):
    out = warm("--verbosity", "2")
    for label in ("front page", "source apa", "source trend", "language ru", "year 2019"):
        assert f"{label}: " in out
    assert "Facet counts cached for 7 pages" in out
