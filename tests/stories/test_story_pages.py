"""Where a story shows: the article page's other versions, the story page by
outlet country and language, two versions compared, in fixed query counts."""

import datetime as dt
import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.utils import translation

from articles.models import Story, Tag
from articles.story_pages import SHOWN_VERSIONS, country_name
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db

WIRE = "Baku and Moscow agreed on gas transit.\n\nThe talks lasted two days."
# The article with its tags, credits, mentions, events and revisions, and its story's
# versions (these articles share no tag or document: no "more like this").
DETAIL_QUERIES = 7
# The story, its versions with their sources, the people, the documents.
STORY_QUERIES = 4


def wire_story(copies: int = 2) -> tuple[Story, list]:
    """A Trend wire item (AZ, en), `copies` near-copies by other outlets, and a
    Russian report of the same event by TASS (RU, ru)."""
    story = Story.objects.create(title="Gas transit agreed")
    trend = make_source(name="Trend", slug="trend", country="AZ")
    first = make_article(
        title="Gas transit agreed",
        body=WIRE,
        source=trend,
        story=story,
        published_on=dt.date(2019, 11, 25),
    )
    versions = [first]
    for n in range(copies):
        outlet = make_source(name=f"Outlet {n}", slug=f"outlet-{n}", country="AZ")
        versions.append(
            make_article(
                title=f"Copy {n}",
                body=f"By Trend. {WIRE} Extra line {n}.",
                source=outlet,
                story=story,
                copy_of=first,
                published_on=dt.date(2019, 11, 26),
            )
        )
    tass = make_source(name="ТАСС", slug="tass", country="RU")
    versions.append(
        make_article(
            title="Транзит газа",
            body="Баку и Москва договорились.",
            source=tass,
            story=story,
            language="ru",
            published_on=dt.date(2019, 11, 25),
        )
    )
    return story, versions


def test_article_page_links_its_story_when_it_is_in_one(client):
    story, versions = wire_story()
    html = client.get(versions[0].get_absolute_url()).content.decode()
    assert f'href="/stories/{story.pk}/"' in html


def test_article_page_lists_other_versions_with_language_when_it_differs(client):
    story, versions = wire_story()
    html = client.get(versions[0].get_absolute_url()).content.decode()
    block = html[html.index('class="also-reported"') :]
    assert "ТАСС, 25 November 2019</a> (<abbr" in block
    assert "Outlet 0, 26 November 2019</a> ·" in block
    assert versions[0].get_absolute_url() not in block[: block.index("</section>")]


def test_article_page_links_what_a_copy_changed_when_listing_a_copy(client):
    story, versions = wire_story()
    html = client.get(versions[0].get_absolute_url()).content.decode()
    expected = f"/stories/{story.pk}/compare/?a={versions[0].slug}&amp;b={versions[1].slug}"
    assert expected in html


def test_article_page_says_it_is_a_copy_when_it_copies_another(client):
    story, versions = wire_story()
    html = client.get(versions[1].get_absolute_url()).content.decode()
    assert "This article copies Trend’s text nearly word for word." in html


def test_article_page_names_the_earliest_versions_and_counts_the_rest_when_many(client):
    story, versions = wire_story(copies=SHOWN_VERSIONS + 3)
    html = client.get(versions[0].get_absolute_url()).content.decode()
    block = html[html.index('class="also-reported"') :]
    block = block[: block.index("</section>")]
    others = len(versions) - 1
    assert block.count("<li>") == SHOWN_VERSIONS
    # The earliest are named: TASS ran it the day Trend did, the copies a day later.
    assert "ТАСС, 25 November 2019" in block
    assert f">and {others - SHOWN_VERSIONS} more versions</a>" in block
    assert f'href="/stories/{story.pk}/">and' in block


def test_article_page_has_no_story_block_when_alone(client):
    article = make_article()
    assert "also-reported" not in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.parametrize("copies", [1, 6])
def test_article_page_query_count_is_fixed_when_versions_grow(
    client, django_assert_num_queries, copies
):
    story, versions = wire_story(copies)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(versions[0].get_absolute_url())
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("filed", [False, True])
def test_article_page_query_count_is_the_same_when_filed_into_a_story(
    client, django_assert_num_queries, filed
):
    # The importer files articles into stories as copies arrive: the page of an
    # article that shares tags must not read more once it is in one.
    gas = make_tag(name="Gas", slug="gas")
    article, neighbour = make_article(title="First"), make_article(title="Neighbour")
    article.tags.add(gas)
    neighbour.tags.add(gas)
    if filed:
        story = Story.objects.create(title="First")
        make_article(title="Copy", story=story)
        article.story = story
        article.save()
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(article.get_absolute_url())
    assert "Neighbour" in response.content.decode()


def test_article_page_keeps_story_versions_out_of_more_like_this_when_both_share_tags(client):
    story, versions = wire_story(copies=1)
    gas = make_tag(name="Gas", slug="gas")
    for article in [*versions, make_article(title="Elsewhere on gas")]:
        article.tags.add(gas)
    html = client.get(versions[0].get_absolute_url()).content.decode()
    also = html[html.index('class="also-reported"') :]
    also = also[: also.index("</section>")]
    assert versions[1].get_absolute_url() in also
    rest = html.replace(also, "")
    assert versions[1].get_absolute_url() not in rest
    assert "Elsewhere on gas" in rest


def test_article_page_lists_a_wire_item_once_in_more_like_this_when_its_copies_share_a_tag(
    client,
):
    story, versions = wire_story(copies=2)
    gas = make_tag(name="Gas", slug="gas")
    for article in versions:
        article.tags.add(gas)
    elsewhere = make_article(title="Elsewhere on gas")
    elsewhere.tags.add(gas)
    html = client.get(elsewhere.get_absolute_url()).content.decode()
    assert versions[0].get_absolute_url() in html
    assert versions[1].get_absolute_url() not in html
    assert versions[2].get_absolute_url() not in html


def test_article_page_shows_at_most_five_more_like_this_when_many_share_a_tag(client):
    gas = make_tag(name="Gas", slug="gas")
    article = make_article(title="Subject")
    article.tags.add(gas)
    for n in range(8):
        make_article(title=f"Neighbour {n}", published_on=dt.date(2020, 1, n + 1)).tags.add(gas)
    html = client.get(article.get_absolute_url()).content.decode()
    shown = re.findall(r"Neighbour (\d)", html)
    assert sorted(set(shown)) == ["3", "4", "5", "6", "7"]


@pytest.mark.parametrize("copies", [1, 6])
def test_story_page_query_count_is_fixed_when_versions_grow(
    client, django_assert_num_queries, copies
):
    story, versions = wire_story(copies)
    with django_assert_num_queries(STORY_QUERIES):
        response = client.get(story.get_absolute_url())
    assert response.status_code == HTTPStatus.OK


def test_story_page_lists_every_version_when_shown(client):
    story, versions = wire_story()
    html = client.get(story.get_absolute_url()).content.decode()
    assert all(version.get_absolute_url() in html for version in versions)


def test_story_page_groups_by_country_and_language_in_order_of_first_version(client):
    story, versions = wire_story()
    html = client.get(story.get_absolute_url()).content.decode()
    headings = re.findall(r'<h3 id="group-\d+">([^<]+)</h3>', html)
    assert headings == ["Azerbaijan · English", "Russia · Russian"]


def test_story_page_names_countries_in_the_interface_language_when_russian(client):
    story, versions = wire_story()
    html = client.get(story.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Азербайджан" in html


def test_outlet_without_country_goes_under_other_countries_when_grouped(client):
    story, versions = wire_story(copies=0)
    make_article(story=story, source=make_source(name="Nowhere"), published_on=dt.date(2020, 1, 1))
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Other countries · English" in html


def test_story_page_names_who_reported_first_when_dated(client):
    story, versions = wire_story()
    html = client.get(story.get_absolute_url()).content.decode()
    assert "First reported by Trend, 25 November 2019" in html


def test_story_page_shows_what_a_copy_added_when_it_has_copies(client):
    story, versions = wire_story(copies=1)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<details" in html
    assert "<ins>By Trend.</ins>" in html and "<ins>Extra line 0.</ins>" in html


def test_story_page_lists_people_and_documents_when_articles_carry_them(client):
    story, versions = wire_story()
    versions[0].tags.add(make_tag(name="Ilham Aliyev", kind=Tag.Kind.PERSON))
    versions[1].tags.add(make_tag(name="Gas", kind=Tag.Kind.TOPIC))
    make_agreement(name="Gas transit protocol").mentions.create(article=versions[1])
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Ilham Aliyev" in html and "Gas transit protocol" in html
    assert ">Gas</a>" not in html


def test_unknown_story_is_404_when_asked_for(client):
    assert client.get("/stories/999999999/").status_code == HTTPStatus.NOT_FOUND


def test_compare_shows_the_diff_when_both_are_versions(client):
    story, versions = wire_story(copies=1)
    response = client.get(
        f"/stories/{story.pk}/compare/", {"a": versions[0].slug, "b": versions[1].slug}
    )
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'class="story-comparison"' in html and "<ins>By Trend.</ins>" in html


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"a": "x"},
        {"a": "no-such", "b": "nor-this"},
        {"a": "same", "b": "same"},
        {"a": "x" * 5000, "b": "\x00"},
    ],
)
def test_compare_is_a_400_with_a_message_when_parameters_are_bad(client, params):
    story, versions = wire_story(copies=1)
    params = {key: versions[0].slug if value == "same" else value for key, value in params.items()}
    response = client.get(f"/stories/{story.pk}/compare/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'role="alert"' in response.content.decode()


def test_compare_refuses_an_article_of_another_story_when_asked(client):
    story, versions = wire_story(copies=1)
    stranger = make_article()
    response = client.get(
        f"/stories/{story.pk}/compare/", {"a": versions[0].slug, "b": stranger.slug}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_country_name_falls_back_to_the_code_when_unknown():
    with translation.override("en"):
        assert country_name("QQ") == "QQ"


RESULT_SLUG = re.compile(r'class="result__title"[^>]*><a href="/articles/([^/"?]+)/')
# The list page browsing (see tests/test_views.py): folding copies adds no statement.
BROWSE_QUERIES = {"sqlite": 9, "postgresql": 12}


def listed(client, **params) -> list[str]:
    response = client.get("/articles/", params)
    assert response.status_code == HTTPStatus.OK
    return RESULT_SLUG.findall(response.content.decode())


def test_list_shows_a_wire_item_once_with_its_copies_counted_when_browsing(client):
    story, versions = wire_story()
    html = client.get("/articles/").content.decode()
    assert RESULT_SLUG.findall(html) == [versions[0].slug, versions[-1].slug][::-1]
    assert f'<a href="/stories/{story.pk}/">+2 copies</a>' in html


def test_list_shows_every_copy_when_asked_for_all(client):
    story, versions = wire_story()
    assert sorted(listed(client, copies="all")) == sorted(v.slug for v in versions)


def test_list_shows_a_copy_when_its_first_version_is_filtered_out(client):
    story, versions = wire_story()
    assert listed(client, source="outlet-0") == [versions[1].slug]


def test_search_shows_a_wire_item_once_when_every_version_matches(client):
    story, versions = wire_story()
    html = client.get("/articles/", {"q": "transit"}).content.decode()
    assert RESULT_SLUG.findall(html) == [versions[0].slug]
    assert "+2 copies" in html


def test_search_shows_a_copy_when_only_the_copy_matches(client):
    story, versions = wire_story()
    assert listed(client, q='"extra line"', sort="oldest") == [versions[1].slug, versions[2].slug]


def test_list_refuses_an_unknown_copies_value_when_given(client):
    wire_story()
    response = client.get("/articles/", {"copies": "some"})
    assert response.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize("copies", [1, 6])
def test_list_query_count_is_fixed_when_copies_grow(client, django_assert_num_queries, copies):
    wire_story(copies)
    with django_assert_num_queries(BROWSE_QUERIES[connection.vendor]):
        response = client.get("/articles/")
    assert response.status_code == HTTPStatus.OK


def test_export_keeps_every_copy_when_the_list_folds_them(client):
    story, versions = wire_story()
    csv_text = b"".join(client.get("/export/articles.csv").streaming_content).decode()
    assert all(version.slug in csv_text for version in versions)


def test_api_folds_copies_like_the_list_when_browsing(client):
    story, versions = wire_story()
    results = client.get("/api/articles/").json()["results"]
    assert [item["slug"] for item in results] == [versions[-1].slug, versions[0].slug]
    assert [item["folded_copies"] for item in results] == [0, 2]
    assert {item["story"] for item in results} == {story.pk}


def test_api_lists_every_copy_when_asked_for_all(client):
    story, versions = wire_story()
    results = client.get("/api/articles/", {"copies": "all"}).json()["results"]
    assert len(results) == len(versions)


def test_api_story_lists_its_versions_oldest_first_when_asked(client):
    story, versions = wire_story(copies=1)
    body = client.get(f"/api/stories/{story.pk}/").json()
    assert [v["slug"] for v in body["versions"]] == [
        versions[0].slug,
        versions[2].slug,
        versions[1].slug,
    ]
    assert body["versions"][2]["copy_of"] == versions[0].slug
    assert body["versions"][1]["country"] == "RU"
    assert body["url"].endswith(f"/stories/{story.pk}/")


def test_api_unknown_story_is_404_when_asked_for(client):
    assert client.get("/api/stories/999999999/").status_code == HTTPStatus.NOT_FOUND


def test_list_offers_every_copy_when_it_folded_some(client):
    wire_story()
    html = client.get("/articles/").content.decode()
    assert "2 copies by other outlets are folded" in html
    assert 'href="?copies=all"' in html


def test_list_offers_to_fold_again_when_showing_every_copy(client):
    wire_story()
    html = client.get("/articles/", {"copies": "all"}).content.decode()
    assert "Fold copies under their first version" in html


def test_more_like_this_leaves_out_the_story_when_its_versions_are_listed(client):
    story, versions = wire_story()
    baku = make_tag(name="Baku", kind=Tag.Kind.PLACE)
    for version in versions:
        version.tags.add(baku)
    elsewhere = make_article(title="Another Baku meeting", tags=[baku])
    html = client.get(versions[0].get_absolute_url()).content.decode()
    similar = html[html.index('id="similar-title"') :]
    assert elsewhere.get_absolute_url() in similar
    assert versions[1].get_absolute_url() not in similar


def test_story_page_links_a_rewrite_to_the_first_version_when_in_its_language(client):
    story, versions = wire_story(copies=0)
    rewrite = make_article(
        story=story, body="Gas will flow through Russia.", published_on=dt.date(2019, 11, 27)
    )
    html = client.get(story.get_absolute_url()).content.decode()
    expected = f"/stories/{story.pk}/compare/?a={versions[0].slug}&amp;b={rewrite.slug}"
    assert expected in html
    assert f"b={versions[-1].slug}" not in html
