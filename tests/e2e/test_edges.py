"""The list page's edges and the index pages in headless Chromium, at a
desktop's 1280 px and a phone's 390 px: the jump to the filters, tables that
reflow, the article's facts beside its text, the language choice, chips with
names, and every tag reachable from /tags/."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def seeds(transactional_db):
    call_command("import_articles", "fixtures/seeds", verbosity=0)


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_filters_link_jumps_to_the_facets_on_a_phone(seeds, live_server, phone_page, screenshot):
    phone_page.goto(live_server.url + "/articles/")
    link = phone_page.get_by_role("link", name=re.compile("^Filters"))
    expect(link).to_be_visible()
    assert box(phone_page, ".facets")["y"] > phone_page.viewport_size["height"]
    link.click()
    expect(phone_page).to_have_url(re.compile("#facets$"))
    facets_top = phone_page.evaluate(
        "document.querySelector('#facets').getBoundingClientRect().top"
    )
    assert abs(facets_top) < 5
    screenshot(phone_page, "edges-list-phone")


def test_filters_link_is_hidden_beside_the_facets_on_a_desktop(seeds, live_server, page):
    page.goto(live_server.url + "/articles/")
    expect(page.get_by_role("link", name=re.compile("^Filters"))).to_be_hidden()
    expect(page.locator(".facets")).to_be_in_viewport()


def test_agreements_table_reflows_instead_of_being_cut_on_a_phone(
    seeds, live_server, phone_page, screenshot
):
    phone_page.goto(live_server.url + "/agreements/")
    width = phone_page.viewport_size["width"]
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= width
    row = phone_page.locator("table.agreements tbody tr").first
    for cell in row.locator("th, td").all():
        cell_box = cell.bounding_box()
        assert cell_box["x"] >= 0 and cell_box["x"] + cell_box["width"] <= width
    label = row.locator("td").first.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Kind: "'
    screenshot(phone_page, "edges-agreements-phone")


def test_article_facts_stand_beside_the_text_on_a_desktop(
    seeds, live_server, page, phone_page, screenshot
):
    page.goto(live_server.url + "/articles/")
    address = page.locator(".result__title a").first.get_attribute("href")
    page.goto(live_server.url + address)
    body, facts = box(page, ".article__body"), box(page, ".article > .facts")
    assert facts["x"] >= body["x"] + body["width"]
    assert facts["y"] < body["y"] + body["height"]
    screenshot(page, "edges-article-desktop")
    phone_page.goto(live_server.url + address)
    body, facts = box(phone_page, ".article__body"), box(phone_page, ".article > .facts")
    assert facts["x"] == body["x"] and facts["y"] < body["y"]
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "edges-article-phone")


def test_language_is_chosen_from_the_languages_present(seeds, live_server, page):
    make_article(title="Переговоры в Сочи", language="ru")
    page.goto(live_server.url + "/articles/")
    page.get_by_text("Filters and order").click()
    choice = page.get_by_label("Language", exact=True)
    assert choice.locator("option").all_inner_texts() == ["Any language", "English", "Russian"]
    choice.select_option(label="Russian")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"language=ru"))
    expect(page.locator(".result__title")).to_have_text(["Переговоры в Сочи"])
    expect(page.get_by_label("Language", exact=True)).to_have_value("ru")


def test_chip_names_the_source_chosen_from_a_facet(seeds, live_server, page):
    page.goto(live_server.url + "/articles/")
    page.locator(".facet").filter(has_text="Sources").get_by_role("link", name="Trend").click()
    expect(page.locator(".chip")).to_have_text("source: Trend")
    page.locator(".chip input").uncheck()
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".chip")).to_have_count(0)
    expect(page.get_by_role("link", name="Clear filters")).to_have_count(0)


def test_every_tag_is_reachable_from_the_tag_index(seeds, live_server, page, screenshot):
    page.goto(live_server.url + "/articles/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Tags").click()
    expect(page.locator("h1")).to_have_text("Tags")
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.locator(".index-group h2")).to_have_text(["People"])
    first = page.locator(".letter-index a").nth(1)
    letter = first.inner_text()
    first.click()
    for name in page.locator(".name-list a").all_inner_texts():
        assert name.upper().startswith(letter)
    screenshot(page, "edges-tags-desktop")


def test_sources_index_lists_the_sources_a_to_z(seeds, live_server, page, phone_page, screenshot):
    page.goto(live_server.url + "/sources/")
    names = page.locator(".name-list a").all_inner_texts()
    assert names == sorted(names, key=str.casefold) and "Trend" in names
    screenshot(page, "edges-sources-desktop")
    phone_page.goto(live_server.url + "/sources/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("language", ["en", "ru", "az"])
@pytest.mark.parametrize("path", ["/", "/articles/", "/agreements/", "/timeline/", "/tags/"])
def test_page_fits_a_phone_in_every_interface_language(
    seeds, live_server, phone_page, path, language
):
    # Russian and Azerbaijani menu words are longer: the site menu must wrap, not widen the page.
    phone_page.set_extra_http_headers({"Accept-Language": language})
    phone_page.goto(live_server.url + path)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
