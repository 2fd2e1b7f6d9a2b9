"""Did you mean: a misspelt word gets the closest word the archive holds, the
same on SQLite and PostgreSQL, and the suggestion finds articles."""

from __future__ import annotations

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles import vocabulary
from articles.models import Article
from articles.search import Budget, search
from articles.search.suggest import (
    MAX_CORRECTIONS,
    Correction,
    Suggestion,
    similarity,
    suggest,
)
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def stored(**fields) -> Article:
    """An article counted into the vocabulary, as the store counts a new one."""
    article = make_article(**fields)
    vocabulary.count_article(article)
    return article


@pytest.fixture
def archive() -> dict[str, Article]:
    return {
        "partnership": stored(
            title="Strategic partnership with Russia",
            body="The strategic partnership between Azerbaijan and Russia grows.",
        ),
        "strategy": stored(title="A strategy for the Caspian", body="The region needs a plan."),
        "russian": stored(
            title="Стратегическое партнёрство",
            body="Президент подписал декларацию о стратегическом партнёрстве.",
            language="ru",
        ),
        "azerbaijani": stored(
            title="Qarşılıqlı əməkdaşlıq",
            body="Azərbaycan və Rusiya arasında qarşılıqlı əməkdaşlıq genişlənir.",
            language="az",
        ),
    }


def found_by(text: str) -> list[int]:
    ids, _ = search(Article.objects.all(), text).ordered_ids()
    return sorted(ids)


def suggested(text: str) -> str | None:
    suggestion = suggest(text, using="default")
    return suggestion.query_text if suggestion else None


@pytest.mark.parametrize(
    ("typed", "expected", "article"),
    [
        ("strategik", "strategic", "partnership"),
        ("strattegy", "strategy", "strategy"),
        ("стратегичесское", "стратегическое", "russian"),
        ("qarsiliqli", "qarşılıqlı", "azerbaijani"),
        ("əmekdaşlıq", "əməkdaşlıq", "azerbaijani"),
    ],
)
def test_a_misspelt_word_gets_the_closest_word_which_finds_its_articles(
    archive, typed, expected, article
):
    assert suggested(typed) == expected
    assert found_by(expected) == [archive[article].pk]


def test_a_word_known_once_folded_gets_the_spelling_the_articles_use(archive):
    # "i" for the dotless "ı": the same word to a reader, not to either engine.
    assert suggested("qarşiliqli") == "qarşılıqlı"
    assert found_by("qarşılıqlı") == [archive["azerbaijani"].pk]


def test_words_the_archive_holds_are_kept_as_typed(archive):
    assert suggested("Strategic partnrship") == "Strategic partnership"
    assert suggested("Strategic PARTNERSHIP") is None
    assert suggested("СТРАТЕГИЧЕСКОЕ партнёрство") is None


def test_the_query_syntax_survives_the_correction(archive):
    suggestion = suggest('"strategik partnership" -gas OR Caspain', using="default")
    assert suggestion == Suggestion(
        query_text='"strategic partnership" -gas OR caspian',
        words=(
            Correction(typed="strategik", suggested="strategic"),
            Correction(typed="Caspain", suggested="caspian"),
        ),
    )
    assert suggestion.parts == (
        ('"', False),
        ("strategic", True),
        (' partnership" -gas OR ', False),
        ("caspian", True),
    )


def test_nothing_close_enough_and_short_or_numeric_words_get_no_suggestion(archive):
    assert suggested("xylophone") is None
    assert suggested("ab 2019 G20") is None
    assert suggested("") is None
    assert suggested('-strategik ""') is None


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # Equally alike: the word more articles hold.
        ({"kabaz": 1, "kabay": 2}, "kabay"),
        # More alike beats commoner.
        ({"kabaz": 3, "kabaxe": 1}, "kabaxe"),
        # Equal in both: the first alphabetically, so both databases agree.
        ({"kabaz": 1, "kabay": 1}, "kabay"),
    ],
)
def test_candidates_rank_by_similarity_and_by_how_many_articles_hold_them(counts, expected):
    for word, count in counts.items():
        for copy in range(count):
            stored(title=word, body=f"{word} {copy}")
    assert suggested("kabax") == expected


def test_a_misprint_one_article_holds_loses_when_many_hold_the_word_it_misspells():
    stored(title="A strategi for the region", body="Misprinted once.")
    for copy in range(20):
        stored(title="Strategic talks", body=f"Round {copy}.")
    # "strategi" shares 8 of 11 trigrams with the query, "strategic" 8 of 12.
    assert similarity("strategik", "strategi") > similarity("strategik", "strategic")
    assert suggested("strategik") == "strategic"


def test_similarity_is_pg_trgm_s():
    # show_trgm('strategik') and show_trgm('strategic') share 8 of 12 trigrams.
    assert similarity("strategik", "strategic") == pytest.approx(8 / 12)
    assert similarity("word", "word") == 1.0


def test_the_similarity_agrees_with_pg_trgm(postgres_only, archive):
    pairs = [("strategik", "strategic"), ("стратегичесское", "стратегическое"), ("kabax", "kab")]
    with connection.cursor() as cursor:
        for first, second in pairs:
            cursor.execute("SELECT similarity(%s, %s)", [first, second])
            assert cursor.fetchone()[0] == pytest.approx(similarity(first, second), abs=1e-6)


def selects(text: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        suggest(text, using="default")
    return sum(query["sql"].lstrip().upper().startswith("SELECT") for query in queries)


def test_queries_are_one_lookup_and_one_per_unknown_word_up_to_a_bound(archive):
    assert selects("strategic partnership") == 1
    assert selects("strategik partnrship") == 3
    many_unknown = " ".join(f"strategi{letter}k" for letter in "abcdefgh")
    assert selects(many_unknown) == 1 + MAX_CORRECTIONS


def test_a_spent_budget_finds_no_closest_word_and_no_error(archive):
    assert suggest("strategik", using="default", budget=Budget(0)) is None
    # Which words are known is one index probe, outside the budget.
    respelt = suggest("qarşiliqli strategik", using="default", budget=Budget(0))
    assert respelt.query_text == "qarşılıqlı strategik"


def test_the_link_searches_the_suggestion_with_the_page_s_other_filters(archive):
    request = RequestFactory().get(
        "/articles/", {"q": "strategik", "source": "trend", "page": "2", "cursor": "n"}
    )
    html = render_to_string(
        "articles/includes/did_you_mean.html",
        {"suggestion": suggest("strategik", using="default")},
        request=request,
    )
    assert 'href="?q=strategic&amp;source=trend"' in html
    assert "<strong>strategic</strong>" in html


def test_the_link_escapes_what_the_reader_typed(archive):
    request = RequestFactory().get("/articles/", {"q": "<b>strategik</b>"})
    suggestion = suggest("<b>strategik</b>", using="default")
    html = render_to_string(
        "articles/includes/did_you_mean.html", {"suggestion": suggestion}, request=request
    )
    assert "<b>" not in html
    assert "&lt;b&gt;" in html
    assert "q=%3Cb%3Estrategic%3C%2Fb%3E" in html
