"""Browsing as a reader does, in headless Chromium against a live server with
the seed articles imported: search, open, filter, follow facets, page through."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import make_article, make_source

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seeds(transactional_db):
    call_command("import_articles", "fixtures/seeds", verbosity=0)


def test_search_from_the_front_page_finds_and_marks_the_word(seeds, live_server, page, screenshot):
    page.goto(live_server.url + "/")
    page.get_by_label("Search", exact=True).fill("helicopter")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator(".result")).to_have_count(1)
    expect(page.locator(".result mark").first).to_have_text(re.compile("helicopter", re.I))
    screenshot(page, "browse-search-desktop")


def test_opening_a_result_shows_the_article_with_marks(seeds, live_server, page, screenshot):
    page.goto(live_server.url + "/articles/?q=helicopter")
    page.locator(".result__title a").first.click()
    expect(page.locator("h1")).to_contain_text("Azerbaijan")
    expect(page.locator(".article__body mark").first).to_be_visible()
    page.get_by_text("Show the original text").click()
    expect(page.locator("pre")).to_contain_text("Helicopter plant")
    screenshot(page, "browse-article-desktop")


def test_filtering_by_source_and_date_narrows_the_list(seeds, live_server, page):
    page.goto(live_server.url + "/articles/")
    page.locator(".facet").filter(has_text="Sources").get_by_role("link", name="Trend").click()
    expect(page.locator(".result")).to_have_count(2)
    expect(page.locator("details.filters")).to_have_attribute("open", "")
    page.get_by_label("From", exact=True).fill("2019-01-01")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".result")).to_have_count(1)
    expect(page.locator(".result__title")).to_contain_text("Interregional")


def test_following_a_year_facet_drills_down_to_months(seeds, live_server, page, screenshot):
    page.goto(live_server.url + "/articles/")
    page.locator(".facet__list").first.get_by_role("link", name="2022").click()
    expect(page.locator("#facet-dates")).to_have_text("Months of 2022")
    expect(page.locator(".result")).to_have_count(1)
    screenshot(page, "browse-facets-desktop")


def test_paging_moves_through_older_and_newer_results(live_server, page):
    source = make_source(name="Pager", slug="pager")
    for n in range(25):
        make_article(title=f"Paging article {n}", source=source)
    page.goto(live_server.url + "/articles/")
    page.get_by_role("link", name="Older →").click()
    expect(page.locator(".result")).to_have_count(5)
    page.get_by_role("link", name="← Newer").click()
    expect(page.locator(".result")).to_have_count(20)
    expect(page.locator(".result__title").first).to_have_text("Paging article 24")


def test_the_list_reads_well_on_a_phone(seeds, live_server, phone_page, screenshot):
    phone_page.goto(live_server.url + "/articles/?q=cooperation")
    expect(phone_page.locator(".result").first).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(phone_page, "browse-search-phone")


def test_the_article_reads_well_on_a_phone(seeds, live_server, phone_page, screenshot):
    phone_page.goto(live_server.url + "/articles/?q=forum")
    phone_page.locator(".result__title a").first.click()
    expect(phone_page.locator(".article__body")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "browse-article-phone")
