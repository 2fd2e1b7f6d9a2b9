"""The API's indexes: /api/ itself, sources and tags with their counts,
agreements (bilateral unless asked for all) and one agreement with the
articles that mention it; their query counts stay fixed as rows grow."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest

from articles.models import Agreement, Tag
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db

# A page of an index: the number of rows, then its rows (agreements with their counts).
INDEX_QUERIES = 2
# The agreement with its count, then its first mentions with their articles and sources.
AGREEMENT_QUERIES = 2


def results(client, path: str, **params) -> list[dict]:
    response = client.get(path, params)
    assert response.status_code == HTTPStatus.OK, response.content
    return response.json()["results"]


def test_root_links_every_endpoint_when_opened(client):
    links = client.get("/api/").json()
    assert links == {
        "articles": "http://testserver/api/articles/",
        "sources": "http://testserver/api/sources/",
        "tags": "http://testserver/api/tags/",
        "agreements": "http://testserver/api/agreements/",
        "timeline": "http://testserver/api/timeline/",
        "schema": "http://testserver/api/schema/",
        "docs": "http://testserver/api/docs/",
    }


def test_sources_carry_their_article_counts_when_listed(client):
    trend = make_source(name="Trend", slug="trend", site_url="https://trend.az")
    make_source(name="Quiet", slug="quiet")
    for _ in range(2):
        make_article(source=trend)
    assert results(client, "/api/sources/") == [
        {
            "slug": "quiet",
            "name": "Quiet",
            "url": "http://testserver/sources/quiet/",
            "site_url": "",
            "article_count": 0,
            "articles": "http://testserver/api/articles/?source=quiet",
        },
        {
            "slug": "trend",
            "name": "Trend",
            "url": "http://testserver/sources/trend/",
            "site_url": "https://trend.az",
            "article_count": 2,
            "articles": "http://testserver/api/articles/?source=trend",
        },
    ]


def test_tags_carry_their_kind_and_count_when_listed(client):
    baku = make_tag(name="Baku", slug="baku", kind=Tag.Kind.PLACE)
    make_tag(name="Aliyev", slug="aliyev", kind=Tag.Kind.PERSON)
    make_article(tags=[baku])
    found = {tag["slug"]: tag for tag in results(client, "/api/tags/")}
    assert found["baku"]["kind"] == "place" and found["baku"]["article_count"] == 1
    assert found["aliyev"]["article_count"] == 0
    assert found["baku"]["articles"] == "http://testserver/api/articles/?tag=baku"


def test_tags_are_filtered_by_kind_when_asked(client):
    make_tag(slug="baku", kind=Tag.Kind.PLACE)
    make_tag(slug="aliyev", kind=Tag.Kind.PERSON)
    assert [tag["slug"] for tag in results(client, "/api/tags/", kind="person")] == ["aliyev"]


def test_unknown_tag_kind_is_a_json_400_when_asked(client):
    response = client.get("/api/tags/", {"kind": "planet"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()["errors"]) == ["kind"]


def test_agreements_are_the_bilateral_ones_unless_all_are_asked_for(client):
    make_agreement(name="Road map", slug="road-map")
    make_agreement(name="Trilateral statement", slug="trilateral", is_bilateral=False)
    make_agreement(name="Rejected", slug="rejected", status=Agreement.Status.REJECTED)
    assert [a["slug"] for a in results(client, "/api/agreements/")] == ["road-map"]
    every = results(client, "/api/agreements/", scope="all")
    assert [a["slug"] for a in every] == ["road-map", "trilateral"]


def test_unknown_agreement_scope_is_a_json_400_when_asked(client):
    response = client.get("/api/agreements/", {"scope": "galactic"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()["errors"]) == ["scope"]


def test_agreement_lists_the_articles_mentioning_it_oldest_first_when_opened(client):
    road_map = make_agreement(name="Road map", slug="road-map", kind=Agreement.Kind.ROAD_MAP)
    later = make_article(published_on=dt.date(2021, 5, 1), agreements=[road_map])
    undated = make_article(published_on=None, agreements=[road_map])
    earlier = make_article(published_on=dt.date(2019, 5, 1), agreements=[road_map])
    make_article()
    data = client.get("/api/agreements/road-map/").json()
    assert [m["slug"] for m in data["mentioned_in"]] == [earlier.slug, later.slug, undated.slug]
    assert (data["kind"], data["article_count"]) == ("road_map", 3)
    assert data["articles"] == "http://testserver/api/articles/?agreement=road-map"


def test_agreement_shows_a_bounded_number_of_mentions_when_many_articles_name_it(
    client, monkeypatch
):
    monkeypatch.setattr("articles.api.views.MENTIONS_SHOWN", 2)
    road_map = make_agreement(slug="road-map")
    for _ in range(3):
        make_article(agreements=[road_map])
    data = client.get("/api/agreements/road-map/").json()
    assert (len(data["mentioned_in"]), data["article_count"]) == (2, 3)


def test_rejected_agreement_is_a_404_when_asked(client):
    make_agreement(slug="rejected", status=Agreement.Status.REJECTED)
    assert client.get("/api/agreements/rejected/").status_code == HTTPStatus.NOT_FOUND


def populate(size: int) -> None:
    source, tag = make_source(), make_tag()
    agreement = make_agreement(slug="road-map")
    for _ in range(size):
        make_source()
        make_tag()
        make_agreement()
        make_article(source=source, tags=[tag], agreements=[agreement])


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/api/sources/", INDEX_QUERIES + 1),
        ("/api/tags/", INDEX_QUERIES + 1),
        ("/api/agreements/", INDEX_QUERIES),
    ],
)
def test_index_query_count_is_fixed_when_rows_grow(
    client, django_assert_num_queries, size, path, expected
):
    populate(size)
    # Sources and tags count every row's articles once, then keep the counts.
    with django_assert_num_queries(expected):
        assert len(results(client, path)) > size
    with django_assert_num_queries(INDEX_QUERIES):
        client.get(path, {"page": "1"})


@pytest.mark.parametrize(("path", "noun"), [("/api/sources/", "source"), ("/api/tags/", "tag")])
def test_kept_counts_follow_the_archive_when_an_article_is_added(
    client, django_capture_on_commit_callbacks, path, noun
):
    source, tag = make_source(slug="trend"), make_tag(slug="baku")
    make_article(source=source, tags=[tag])
    client.get(path)
    # The archive's version moves when the article's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        make_article(source=source, tags=[tag])
    counted = {row["slug"]: row["article_count"] for row in results(client, path)}
    assert counted[{"source": "trend", "tag": "baku"}[noun]] == 2


@pytest.mark.parametrize("size", [3, 30])
def test_agreement_query_count_is_fixed_when_mentions_grow(client, django_assert_num_queries, size):
    populate(size)
    with django_assert_num_queries(AGREEMENT_QUERIES):
        data = client.get("/api/agreements/road-map/").json()
    assert len(data["mentioned_in"]) == size


def test_root_reads_nothing_from_the_database_when_opened(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/api/").status_code == HTTPStatus.OK
