"""The list page's edges as a reader meets them: chips that name what was
chosen, the language as a choice in any case, facet groups in one order,
undated articles a date range leaves out, an empty state that fits the
query, and a derived title that says it was cut."""

import datetime as dt
import io
import re
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.filters import ArticleFilterSet, facet_links, language_choices
from articles.listing import ArticleListing
from articles.models import Article, Tag
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db


def page(client, **params) -> str:
    response = client.get("/articles/", params)
    assert response.status_code == HTTPStatus.OK, response.content.decode()[:2000]
    return response.content.decode()


def chips(html: str) -> list[str]:
    """The chips' visible text: "source: Trend"."""
    return [
        " ".join(text.split()) for text in re.findall(r'class="chip"><input[^>]*>([^<]*)<', html)
    ]


def facet_headings(html: str) -> list[str]:
    column = html[html.index('<aside class="facets"') :]
    return re.findall(r'<h3 id="facet-[^"]*">([^<]*)</h3>', column)


def test_chips_show_names_when_slugs_are_chosen(client):
    trend = make_source(name="Trend", slug="trend")
    aliyev = make_tag(name="Ilham Aliyev", slug="ilham-aliyev", kind=Tag.Kind.PERSON)
    oil = make_tag(name="Oil and gas", slug="oil")
    road_map = make_agreement(name="Road map 2024", slug="road-map")
    make_article(source=trend, tags=[aliyev], agreements=[road_map])
    html = page(client, source="trend", tag="ilham-aliyev", exclude_tag="oil", agreement="road-map")
    assert chips(html) == [
        "source: Trend",
        "tag: Ilham Aliyev",
        "without: Oil and gas",
        "agreement: Road map 2024",
    ]
    assert oil.slug not in chips(html)[2]


def test_filters_are_open_to_untick_a_chip_when_undated_is_chosen(client):
    make_article(published_on=None)
    html = page(client, undated="true")
    assert chips(html) == ["date unknown"]
    assert '<details class="filters" open>' in html
    assert '<details class="filters">' in page(client)


def test_chip_keeps_the_slug_when_it_names_nothing(client):
    make_source(name="Trend", slug="trend")
    response = client.get("/articles/", {"source": ["trend", "no-such-source"]})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert chips(response.content.decode()) == ["source: Trend", "source: no-such-source"]


def test_chips_cost_no_query_when_the_choices_are_cached(client, django_assert_num_queries):
    trend = make_source(name="Trend", slug="trend")
    make_article(source=trend)
    page(client, source="trend")
    # Rows, tags and the bounded count: the facets and the named choices are cached.
    with django_assert_num_queries(3):
        html = page(client, source="trend")
    assert chips(html) == ["source: Trend"]


def test_language_is_accepted_in_capitals_when_given(client):
    make_article(title="Moscow talks", language="ru")
    make_article(title="Baku forum", language="en")
    html = page(client, language="RU")
    assert "Moscow talks" in html and "Baku forum" not in html
    assert '<option value="ru" selected>' in html


def test_language_is_a_choice_of_the_languages_present_when_listed(client):
    make_article(language="ru")
    make_article(language="az")
    html = page(client)
    select = html[html.index('<select name="language"') : html.index("</select>")]
    assert re.findall(r'<option value="(\w*)"', select) == ["", "az", "ru"]


def test_language_choices_are_named_in_the_interface_language_when_shown(client):
    make_article(language="ru")
    make_article(language="az")
    with translation.override("ru"):
        assert dict(language_choices()) == {"az": "Азербайджанский", "ru": "Русский"}
    with translation.override("en"):
        assert dict(language_choices()) == {"az": "Azerbaijani", "ru": "Russian"}


def test_language_is_an_error_when_no_article_is_in_it(client):
    make_article(language="ru")
    response = client.get("/articles/", {"language": "xx"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "No article is in the language “xx”" in response.content.decode()


def test_language_facet_names_the_language_when_listed(client):
    make_article(language="ru")
    html = page(client)
    assert re.search(r'href="\?language=ru">Russian</a>', html)


def test_language_facet_link_removes_the_language_when_chosen_in_capitals(client):
    make_article(language="ru")
    response = client.get("/articles/", {"language": "RU"})
    (link,) = response.context["facets"]["languages"]
    assert link.is_selected and link.query.urlencode() == ""


def kinds_in_order(counts: dict[str, int]) -> list[str]:
    """Facet headings when tags of each kind are carried by `counts[kind]` articles."""
    rows = [
        {"tag__slug": kind, "tag__name": kind, "tag__kind": kind, "count": count}
        for kind, count in sorted(counts.items(), key=lambda item: -item[1])
    ]
    return [str(kind.label) for kind in facet_links({"tags": rows}, QueryDict(), None)["tags"]]


def test_tag_kinds_keep_one_order_when_their_counts_change():
    assert kinds_in_order({"topic": 9, "person": 1, "place": 5}) == ["person", "place", "topic"]
    assert kinds_in_order({"topic": 1, "person": 9, "place": 5}) == ["person", "place", "topic"]


def test_facet_groups_stand_in_one_order_when_pages_differ(client):
    putin = make_tag(name="Putin", slug="putin", kind=Tag.Kind.PERSON)
    oil = make_tag(name="Oil", slug="oil", kind=Tag.Kind.TOPIC)
    trend = make_source(name="Trend", slug="trend")
    road_map = make_agreement(name="Road map", slug="road-map")
    for _ in range(3):
        make_article(source=trend, tags=[oil], agreements=[road_map], language="ru")
    make_article(source=trend, tags=[putin, oil], agreements=[road_map], language="ru")
    expected = ["Years", "Sources", "People", "Topics", "Agreements", "Languages"]
    assert facet_headings(page(client)) == expected
    # Here people outnumber topics; the groups stay where they were.
    assert facet_headings(page(client, tag="putin")) == expected


def test_undated_articles_left_out_are_counted_when_dates_are_chosen(client):
    make_article(title="Dated", published_on=dt.date(2020, 5, 1))
    make_article(title="Undated one", published_on=None)
    make_article(title="Undated two", published_on=None)
    html = page(client, date_after="2019-01-01")
    note = re.search(r'<p class="notice undated-note">(.*?)</p>', html, re.S)[1]
    assert "2 undated articles are not in this date range" in note
    assert 'href="?undated=true">show them</a>' in note


def test_undated_note_counts_only_what_the_other_filters_choose(client):
    trend, apa = make_source(slug="trend"), make_source(slug="apa")
    make_article(source=trend, published_on=dt.date(2020, 5, 1))
    make_article(source=trend, published_on=None)
    make_article(source=apa, published_on=None)
    listing = ArticleListing(QueryDict("date_before=2021-01-01&source=trend"))
    assert listing.facets().undated_left_out == 1


def test_undated_note_counts_only_matches_when_searching(client):
    make_article(title="Helicopter plant", published_on=dt.date(2020, 5, 1))
    make_article(title="Helicopter deal", published_on=None)
    make_article(title="Oil deal", published_on=None)
    html = page(client, q="helicopter", date_after="2019-01-01")
    assert "1 undated article is not in this date range" in html
    assert 'href="?q=helicopter&amp;undated=true"' in html


def test_undated_note_is_absent_when_no_date_is_chosen(client):
    make_article(published_on=None)
    assert "undated-note" not in page(client)
    assert ArticleListing(QueryDict("")).facets().undated_left_out == 0


def test_undated_note_is_absent_when_none_are_left_out(client):
    make_article(published_on=dt.date(2020, 5, 1))
    assert "undated-note" not in page(client, date_after="2019-01-01")


def test_undated_count_is_one_bounded_query_cached_with_the_facets(client):
    make_article(published_on=None)
    listing = ArticleListing(QueryDict("date_after=2019-01-01"))
    assert listing.is_valid
    with CaptureQueriesContext(connection) as counted:
        assert listing.facets().undated_left_out == 1
    counts = [
        q["sql"].upper()
        for q in counted.captured_queries
        if "COUNT" in q["sql"].upper() and "IS NULL" in q["sql"].upper()
    ]
    assert len(counts) == 1 and "LIMIT" in counts[0]
    with CaptureQueriesContext(connection) as again:
        ArticleListing(QueryDict("date_after=2019-01-01")).facets()
    assert again.captured_queries == []


def advice(html: str) -> str:
    found = re.search(r'<p class="empty-advice">(.*?)</p>', html, re.S)
    return " ".join(found[1].split()) if found else ""


def test_empty_search_of_one_word_suggests_another_word(client):
    make_article(title="Baku forum")
    found = advice(page(client, q="zeppelin"))
    assert "try another word" in found
    assert "fewer words" not in found and "filter" not in found


def test_empty_search_of_several_words_suggests_fewer(client):
    make_article(title="Baku forum")
    found = advice(page(client, q="baku zeppelin"))
    assert "fewer words" in found and "filter" not in found


def test_empty_search_with_filters_offers_the_search_without_them(client):
    trend = make_source(slug="trend")
    make_article(title="Baku forum")
    make_article(title="Moscow talks", source=trend)
    found = advice(page(client, q="baku", source="trend"))
    assert 'href="?q=baku">Search without the filters</a>' in found


def test_empty_browse_with_filters_suggests_removing_one(client):
    trend = make_source(slug="trend")
    make_article(source=trend, published_on=dt.date(2020, 5, 1))
    found = advice(page(client, source="trend", date_after="2021-01-01"))
    assert "Remove a filter" in found and "spelling" not in found


def test_empty_archive_says_so_when_nothing_is_chosen(client):
    assert advice(page(client)) == "The archive holds no articles yet."


@pytest.mark.parametrize("params", [{}, {"q": "baku"}, {"sort": "oldest"}, {"q": "zeppelin"}])
def test_clear_filters_is_absent_when_nothing_is_filtered(client, params):
    make_article(title="Baku forum")
    html = page(client, **params)
    assert "Clear filters" not in html and "clear the filters" not in html


@pytest.mark.parametrize("params", [{"language": "en"}, {"undated": "true"}, {"tag": "oil"}])
def test_clear_filters_is_offered_when_something_is_filtered(client, params):
    make_article(title="Baku forum", tags=[make_tag(slug="oil")])
    make_article(title="Undated", published_on=None)
    assert "Clear filters" in page(client, **params)


def test_filters_link_jumps_to_the_facets_when_results_are_listed(client):
    make_article()
    html = page(client)
    assert '<a href="#facets">Filters' in html
    assert html.index('href="#facets"') < html.index('class="result-list"')
    assert 'id="facets"' in html


def test_derived_title_ends_with_an_ellipsis_when_imported_from_a_long_sentence(client, tmp_path):
    sentence = (
        "Azerbaijan and Russia signed a long agreement on the development of the transport "
        "corridor between the two countries and their neighbours in the region in Baku today"
    )
    (tmp_path / "long.txt").write_text(f"{sentence}. Then more followed.\n", encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=io.StringIO())
    article = Article.objects.get()
    assert article.is_title_derived and article.title.endswith("…")
    assert sentence.startswith(article.title.removesuffix("…"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<h1 lang="{article.language}">{article.title}</h1>' in html
    assert f"{article.title}</a>" in page(client)


def test_chosen_filters_are_checked_against_the_cached_names():
    make_source(name="Trend", slug="trend")
    filterset = ArticleFilterSet(QueryDict("source=trend"), queryset=Article.objects.all())
    assert filterset.is_valid()
    assert dict(filterset.form.fields["source"].choices) == {"trend": "Trend"}


def test_no_empty_filter_column_is_shown_when_nothing_matches_or_is_filtered(client):
    make_article(title="Baku forum")
    html = page(client, q="zeppelin")
    assert 'id="facets"' not in html and 'href="#facets"' not in html
