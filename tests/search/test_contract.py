"""The search contract: the same cases on whichever database the tests run
(SQLite FTS5 or PostgreSQL tsvector), agreeing on what matches and what ranks first."""

import datetime as dt

import pytest

import articles.search
from articles.models import Article
from articles.search import marked_body, search
from tests.conftest import make_article, make_source

pytestmark = pytest.mark.django_db


def first_page(text):
    return search(Article.objects.all(), text).page(Article.objects.all(), offset=0, limit=5)


def found(text, queryset=None, order="relevance"):
    queryset = Article.objects.all() if queryset is None else queryset
    page = search(queryset, text, order=order).page(Article.objects.all(), offset=0, limit=50)
    return [row.slug for row in page.rows]


@pytest.fixture
def corpus():
    make_article(slug="plant", title="Helicopter plant to open", body="A factory in Azerbaijan.")
    make_article(slug="forum", title="Forum in Moscow", body="The interregional forum met again.")
    make_article(slug="ties", title="Ties grow", body="Forum talks were interregional in scope.")
    make_article(slug="oil", title="Oil deal", body="Rosneft and SOCAR agreed on oil fields.")


def test_finds_only_articles_with_the_word_when_it_is_rare(corpus):
    assert found("helicopter") == ["plant"]


def test_finds_stemmed_forms_when_the_word_is_inflected(corpus):
    assert found("helicopters") == ["plant"]


def test_phrase_requires_adjacent_words_when_quoted(corpus):
    assert found('"interregional forum"') == ["forum"]


def test_all_words_must_match_when_several_are_given(corpus):
    assert set(found("interregional forum")) == {"forum", "ties"}


def test_title_match_ranks_first_when_both_match(corpus):
    assert found("forum")[0] == "forum"


def test_excluded_word_removes_articles_when_prefixed_with_minus(corpus):
    assert found("forum -moscow") == ["ties"]


def test_or_finds_either_word_when_given(corpus):
    assert set(found("helicopter OR rosneft")) == {"plant", "oil"}


def test_nothing_is_found_when_no_article_has_the_word(corpus):
    assert found("zanzibar") == []


@pytest.mark.parametrize(
    "text",
    [
        "-",
        '"',
        '"unbalanced',
        "x" * 10_000,
        "'; DROP TABLE articles_article; --",
        "NEAR(a b)",
        "title:forum",
        "forum*",
        "AND OR NOT",
        "(((",
        "^forum",
        "\x00",
        "the and of",
    ],
)
def test_odd_text_returns_a_page_when_searched(corpus, text):
    assert isinstance(found(text), list)


def test_cyrillic_word_is_found_when_the_article_is_russian():
    make_article(slug="ru", language="ru", title="Вертолетный завод", body="Завод в Азербайджане.")
    make_article(slug="en", title="A plant", body="No Russian here.")
    assert found("завод") == ["ru"]


def test_search_respects_filters_when_the_queryset_is_filtered(corpus):
    trend = make_source(name="Trend", slug="trend")
    make_article(slug="trend-forum", source=trend, title="Forum", body="Trend on the forum.")
    assert found("forum", Article.objects.filter(source=trend)) == ["trend-forum"]


def test_date_order_sorts_matches_when_asked(corpus):
    make_article(slug="old", published_on=dt.date(1999, 1, 1), title="Forum of 1999", body="Old.")
    make_article(slug="new", published_on=dt.date(2030, 1, 1), title="Forum of 2030", body="New.")
    assert found("forum", order="newest")[0] == "new"
    assert found("forum", order="oldest")[0] == "old"


def test_index_follows_the_article_when_its_title_changes(corpus):
    Article.objects.filter(slug="oil").update(title="Gas deal")
    assert found("gas") == ["oil"]


def test_index_forgets_the_article_when_it_is_deleted(corpus):
    Article.objects.filter(slug="plant").delete()
    assert found("helicopter") == []


def test_snippet_marks_the_word_and_escapes_markup_when_the_text_holds_html():
    make_article(slug="x", title="Report", body="<script>x()</script> helicopter & plant")
    page = first_page("helicopter")
    snippet = page.rows[0].marked_snippet
    assert "<mark>helicopter</mark>" in snippet
    assert "<script>" not in snippet and "&amp;" in snippet


def test_title_is_marked_when_it_matches(corpus):
    page = first_page("helicopter")
    assert "<mark>Helicopter</mark>" in page.rows[0].marked_title


def test_count_stops_at_the_cap_when_more_articles_match(corpus, monkeypatch):
    monkeypatch.setattr(articles.search, "RANK_LIMIT", 1)
    page = first_page("forum")
    assert (page.total, page.is_capped) == (2, True)


def test_whole_body_is_marked_when_the_article_page_is_reached_from_a_search(corpus):
    article = Article.objects.get(slug="forum")
    title, body = marked_body(Article.objects.all(), article.pk, "interregional")
    assert articles.search.mark(body) == "The <mark>interregional</mark> forum met again."


def test_only_the_newest_added_matches_are_ranked_when_more_match_than_the_rank_limit(
    corpus, monkeypatch
):
    monkeypatch.setattr(articles.search, "RANK_LIMIT", 1)
    page = first_page("forum")
    assert [row.slug for row in page.rows] == ["ties"]
    assert (page.total, page.ranked, page.is_rank_bounded) == (2, 1, True)


def test_facet_base_holds_only_the_ranked_candidates_when_the_rank_limit_bounds_them(
    corpus, monkeypatch
):
    monkeypatch.setattr(articles.search, "RANK_LIMIT", 1)
    candidates = search(Article.objects.all(), "forum").candidates()
    assert list(candidates.values_list("slug", flat=True)) == ["ties"]


def test_search_within_a_date_range_keeps_only_matches_inside_it_when_filtered(corpus):
    Article.objects.filter(slug="forum").update(published_on=dt.date(2001, 1, 1))
    in_range = Article.objects.filter(published_on__gte=dt.date(2010, 1, 1))
    assert found("interregional", in_range) == ["ties"]
