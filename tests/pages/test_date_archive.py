"""The date archive's links to the neighbouring year and month: the nearest
period holding an article, found without reading whole articles."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.models import DatePrecision
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    for year, month, day in ((2019, 3, 9), (2021, 7, 4), (2021, 7, 20), (2024, 1, 2)):
        make_article(published_on=dt.date(year, month, day))
    # Known only to its year: a year of its own, but no month.
    make_article(published_on=dt.date(2022, 1, 1), date_precision=DatePrecision.YEAR)


def test_a_year_links_to_the_nearest_years_with_articles(client, archive):
    html = client.get("/archive/2021/").content.decode()
    assert 'href="/archive/2019/"' in html
    assert 'href="/archive/2022/"' in html
    assert "/archive/2020/" not in html


def test_a_month_links_to_the_nearest_months_with_dated_articles(client, archive):
    html = client.get("/archive/2021/07/").content.decode()
    assert 'href="/archive/2019/3/"' in html
    assert 'href="/archive/2024/1/"' in html
    assert "/archive/2022/1/" not in html


def test_the_first_and_last_periods_link_only_inward(client, archive):
    first = client.get("/archive/2019/").content.decode()
    last = client.get("/archive/2024/01/").content.decode()
    assert "/archive/2018/" not in first and 'href="/archive/2021/"' in first
    assert 'href="/archive/2021/7/"' in last and "/archive/2024/2/" not in last


def test_december_links_to_the_next_year(client):
    make_article(published_on=dt.date(2020, 12, 5))
    make_article(published_on=dt.date(2021, 2, 1))
    assert 'href="/archive/2021/2/"' in client.get("/archive/2020/12/").content.decode()


def test_a_year_page_reads_no_whole_article_for_its_neighbours(
    client, archive, django_assert_num_queries
):
    # Whether the year has articles, its months, its rows with their tags, the
    # count, and one date on each side (Django's own lookup: a row and its tags each).
    with django_assert_num_queries(7):
        client.get("/archive/2021/")
