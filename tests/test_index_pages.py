"""/sources/ and /tags/: every source and tag with its article count, tags
grouped by kind, a letter index, narrowed by name, kind and letter, a page
of tags at a time with a query count that does not grow with the tags."""

import re
from http import HTTPStatus

import pytest

from articles import views
from articles.models import SourceAlias, Tag, TagAlias
from tests.conftest import make_article, make_source, make_tag

pytestmark = pytest.mark.django_db


def get(client, path: str, **params) -> str:
    response = client.get(path, params)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def listed(html: str) -> list[tuple[str, str]]:
    """(name, count) of each entry, in page order."""
    return re.findall(
        r'<li><a href="/(?:sources|tags)/[^"]+"[^>]*>([^<]+)</a> '
        r'<span class="count">([^<]+)</span>',
        html,
    )


def headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="(?:kind|letter)-\d+"[^>]*>([^<]+)</h2>', html)


def test_sources_are_listed_a_to_z_with_their_counts(client):
    trend, apa = make_source(name="Trend"), make_source(name="APA")
    make_source(name="Report")
    make_article(source=trend)
    make_article(source=trend)
    make_article(source=apa)
    html = get(client, "/sources/")
    assert listed(html) == [("APA", "1"), ("Report", "0"), ("Trend", "2")]
    assert headings(html) == ["A", "R", "T"]
    assert '<a href="#letter-1">A</a>' in html


@pytest.mark.parametrize("text", ["tren", "TREND", "Тренд", "тренд"])
def test_sources_are_found_by_any_of_their_names_when_searched(client, text):
    trend = make_source(name="Trend")
    make_source(name="APA")
    SourceAlias.objects.create(name="Тренд", source=trend)
    assert listed(get(client, "/sources/", q=text)) == [("Trend", "0")]


def test_sources_search_says_so_when_nothing_is_found(client):
    make_source(name="Trend")
    html = get(client, "/sources/", q="zeppelin")
    assert "No source is named like “zeppelin”" in html and listed(html) == []


def test_tags_are_grouped_by_kind_in_a_fixed_order_with_their_counts(client):
    oil = make_tag(name="Oil", kind=Tag.Kind.TOPIC)
    baku = make_tag(name="Baku", kind=Tag.Kind.PLACE)
    putin = make_tag(name="Vladimir Putin", kind=Tag.Kind.PERSON)
    aliyev = make_tag(name="Ilham Aliyev", kind=Tag.Kind.PERSON)
    make_article(tags=[oil, baku])
    make_article(tags=[oil, putin])
    html = get(client, "/tags/")
    assert headings(html) == ["People", "Places", "Topics"]
    assert listed(html) == [
        ("Ilham Aliyev", "0"),
        ("Vladimir Putin", "1"),
        ("Baku", "1"),
        ("Oil", "2"),
    ]
    assert aliyev.get_absolute_url() in html


def test_tags_are_narrowed_to_a_kind_when_asked(client):
    make_tag(name="Oil", kind=Tag.Kind.TOPIC)
    make_tag(name="Vladimir Putin", kind=Tag.Kind.PERSON)
    html = get(client, "/tags/", kind="person")
    assert listed(html) == [("Vladimir Putin", "0")]
    assert '<strong aria-current="true">People</strong>' in html


def test_tags_are_narrowed_to_a_first_letter_in_any_script(client):
    make_tag(name="Oil")
    make_tag(name="Алиев", kind=Tag.Kind.PERSON)
    make_tag(name="азот")
    html = get(client, "/tags/")
    index = html[html.index('class="letter-index"') :]
    assert re.findall(r'letter=([^"&]+)"', index[: index.index("</nav>")]) == ["O", "%D0%90"]
    assert [name for name, _ in listed(get(client, "/tags/", letter="а"))] == ["Алиев", "азот"]


@pytest.mark.parametrize("text", ["aliyev", "ALIYEV", "Алиев", "алиев"])
def test_tags_are_found_by_any_of_their_names_when_searched(client, text):
    aliyev = make_tag(name="Ilham Aliyev", kind=Tag.Kind.PERSON)
    make_tag(name="Vladimir Putin", kind=Tag.Kind.PERSON)
    TagAlias.objects.create(name="Ильхам Алиев", kind=Tag.Kind.PERSON, tag=aliyev)
    assert listed(get(client, "/tags/", q=text)) == [("Ilham Aliyev", "0")]


def test_tags_beyond_the_facet_column_are_reachable_page_by_page(client, monkeypatch):
    monkeypatch.setattr(views.TagIndexView, "paginate_by", 3)
    for n in range(7):
        make_tag(name=f"Topic {n}")
    names = []
    for number in (1, 2, 3):
        names += [name for name, _ in listed(get(client, "/tags/", page=number))]
    assert names == [f"Topic {n}" for n in range(7)]
    assert client.get("/tags/", {"page": 4}).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("params", [{"kind": "planet"}, {"letter": "ab"}, {"q": "x" * 201}])
def test_tag_index_answers_400_with_the_message_when_a_parameter_is_bad(client, params):
    make_tag(name="Oil")
    response = client.get("/tags/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'class="errorlist' in response.content.decode()


def test_source_index_answers_400_when_the_name_is_too_long(client):
    response = client.get("/sources/", {"q": "x" * 201})
    assert response.status_code == HTTPStatus.BAD_REQUEST


# Warm: the tags' count and the page of tags. The kinds' sizes with the letter
# index, and every tag's article count, are one grouped statement each, cached
# until the archive changes.
TAG_INDEX_QUERIES = 2


@pytest.mark.parametrize("size", [3, 30])
def test_tag_index_query_count_is_fixed_when_tags_grow(client, django_assert_num_queries, size):
    for n in range(size):
        make_article(
            tags=[make_tag(name=f"Topic {n}"), make_tag(name=f"Person {n}", kind="person")]
        )
    with django_assert_num_queries(TAG_INDEX_QUERIES + 2):
        get(client, "/tags/")
    with django_assert_num_queries(TAG_INDEX_QUERIES):
        get(client, "/tags/", kind="person", q="person")


@pytest.mark.parametrize("size", [3, 30])
def test_source_index_query_count_is_fixed_when_sources_grow(
    client, django_assert_num_queries, size
):
    for n in range(size):
        make_article(source=make_source(name=f"Outlet {n}"))
    # The sources, and their article counts (cached).
    with django_assert_num_queries(2):
        get(client, "/sources/")
    with django_assert_num_queries(1):
        get(client, "/sources/", q="outlet")


def test_index_counts_follow_the_archive_when_an_article_is_added(
    client, django_capture_on_commit_callbacks
):
    trend, oil = make_source(name="Trend"), make_tag(name="Oil")
    make_article(source=trend, tags=[oil])
    assert listed(get(client, "/tags/")) == [("Oil", "1")]
    assert listed(get(client, "/sources/")) == [("Trend", "1")]
    with django_capture_on_commit_callbacks(execute=True):
        make_article(source=trend, tags=[oil])
    assert listed(get(client, "/tags/")) == [("Oil", "2")]
    assert listed(get(client, "/sources/")) == [("Trend", "2")]


def test_header_links_both_indexes_on_every_page(client):
    html = get(client, "/agreements/")
    nav = html[html.index('class="site-nav"') :]
    assert 'href="/sources/"' in nav and 'href="/tags/"' in nav


def test_facet_groups_link_their_index_when_listed(client):
    putin = make_tag(name="Vladimir Putin", kind=Tag.Kind.PERSON)
    make_article(source=make_source(name="Trend"), tags=[putin])
    column = get(client, "/articles/").split('<aside class="facets"')[1]
    assert 'href="/tags/?kind=person">All tags…</a>' in column
    assert 'href="/sources/">All sources…</a>' in column
