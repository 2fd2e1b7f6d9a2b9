"""PostgreSQL: a common word searched within a filter walks the filtered
articles newest first instead of the GIN index; both ways give the same ids."""

import datetime as dt

import pytest
from django.db import connection

from articles.models import Article
from articles.search import parse, postgres
from tests.conftest import make_article, make_source

pytestmark = pytest.mark.usefixtures("postgres_only")


def analyze():
    """The walk is chosen from ANALYZE's statistics, which a test table lacks."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")


def walk_scope(text, share=postgres.COMMON_SHARE):
    with connection.cursor() as cursor:
        cursor.execute(postgres.WALK_SCOPE_SQL, postgres.walk_scope_params(parse(text), share))
        return cursor.fetchone()[0]


def newest_ids(queryset, text, count_cap):
    return postgres.ordered_ids(
        queryset, parse(text), "newest", cap=count_cap - 1, count_cap=count_cap
    )


@pytest.fixture
def trend():
    """Every article names Russia; two of trend's ten also name a pipeline."""
    source = make_source(slug="trend")
    for n in range(10):
        extra = " A pipeline opened." if n % 5 == 0 else ""
        make_article(source=source, body=f"Azerbaijan and Russia signed, report {n}.{extra}")
        make_article(source=make_source(), body=f"Russia and Azerbaijan met, report {n}.")
    analyze()
    return Article.objects.filter(source=source)


def test_word_is_common_when_most_analyzed_articles_hold_it(trend):
    assert walk_scope("Russia") == "all"


def test_word_is_not_common_when_few_analyzed_articles_hold_it(trend):
    assert walk_scope("pipeline") is None


def test_word_is_common_when_its_rare_other_spellings_are_sought_beside_it(trend):
    """A name is searched with its other spellings OR'ed after it: its own
    word's share decides, not the rarest spelling's."""
    assert walk_scope("Russia OR pipeline") == "all"


def test_word_in_half_the_articles_is_walked_only_within_a_filter(trend):
    """'signed' is in trend's ten articles of twenty."""
    assert walk_scope("signed") is None
    assert walk_scope("signed", postgres.FILTERED_SHARE) == "all"


def test_a_filtered_search_walks_from_the_lower_share_and_further(trend):
    assert postgres._walk_bounds(trend) == (
        postgres.FILTERED_SHARE,
        postgres.FILTERED_WALK_PER_MATCH,
    )
    assert postgres._walk_bounds(Article.objects.all()) == (
        postgres.COMMON_SHARE,
        postgres.WALK_PER_MATCH,
    )


def test_walk_returns_the_newest_filtered_matches_when_the_word_is_common(trend):
    ids, total = newest_ids(trend, "Russia", count_cap=4)
    expected = list(trend.order_by("-pk").values_list("pk", flat=True)[:3])
    assert (ids, total) == (expected, 4)


def test_walk_returns_the_newest_filtered_matches_when_the_word_is_in_half_the_articles(trend):
    ids, total = newest_ids(trend, "signed", count_cap=4)
    expected = list(trend.order_by("-pk").values_list("pk", flat=True)[:3])
    assert (ids, total) == (expected, 4)


def test_index_counts_every_match_when_the_filter_holds_fewer_than_the_cap(trend):
    ids, total = newest_ids(trend, "pipeline", count_cap=4)
    assert (sorted(ids), total) == (
        sorted(trend.filter(body__contains="pipeline").values_list("pk", flat=True)),
        2,
    )


@pytest.fixture
def dated_trend():
    """Trend's articles name Russia once to three times, some undated, their
    dates out of step with the order they were added in."""
    source = make_source(slug="trend")
    for n in range(9):
        published = None if n % 4 == 0 else dt.date(2020, 1, 1) + dt.timedelta(days=(n * 5) % 7)
        words = " ".join(["Russia"] * (1 + n % 3))
        make_article(source=source, published_on=published, body=f"Azerbaijan, {words}, {n}.")
        make_article(source=make_source(), body=f"Russia and Azerbaijan met, report {n}.")
    analyze()
    return Article.objects.filter(source=source)


def ranks(ids, text):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ts_rank(search_vector, websearch_to_tsquery('english', %s)) "
            "FROM articles_article WHERE id = ANY(%s)",
            [text, ids],
        )
        return dict(cursor.fetchall())


@pytest.mark.parametrize("order", ["relevance", "newest", "oldest"])
def test_walked_candidates_come_in_the_page_order(dated_trend, order):
    """The walk carries each candidate's sort key: the page order is the
    same as ordering the same candidates by rank or date afterwards."""
    ids, total = postgres.ordered_ids(dated_trend, parse("Russia"), order, cap=6, count_cap=7)
    newest_added = list(dated_trend.order_by("-pk").values_list("pk", flat=True)[:6])
    dates = dict(dated_trend.values_list("pk", "published_on"))
    if order == "relevance":
        rank = ranks(newest_added, "Russia")
        expected = sorted(newest_added, key=lambda pk: (rank[pk], pk), reverse=True)
    else:
        latest_first = order == "newest"
        dated = sorted(
            (pk for pk in newest_added if dates[pk]),
            key=lambda pk: (dates[pk], pk),
            reverse=latest_first,
        )
        undated = sorted((pk for pk in newest_added if not dates[pk]), reverse=latest_first)
        expected = dated + undated
    assert total == 7
    assert ids == expected


@pytest.fixture
def russian_minority():
    """Six Russian articles in thirty name сотрудничество (a fifth of all,
    all of the Russian ones); one English article quotes the word, and is
    the newest of all."""
    source = make_source(slug="trend")
    for n in range(24):
        make_article(source=source, body=f"Azerbaijan and Russia met, report {n}.")
        if n % 4 == 0:
            body = f"Азербайджан и Россия: сотрудничество, сообщение {n}."
            make_article(source=source, language="ru", body=body)
    quoting = make_article(source=source, body="The word сотрудничество means cooperation.")
    analyze()
    return quoting


def test_word_common_among_one_language_walks_that_language(russian_minority):
    assert walk_scope("сотрудничество") == "ru"
    assert walk_scope("Russia") == "all"


def test_language_walk_keeps_the_matches_in_other_languages(russian_minority):
    """The walk reads Russian articles only; the English one that quotes the
    word still comes first among the newest matches."""
    found = Article.objects.filter(language__in=["en", "ru"])
    ids, total = postgres.ordered_ids(found, parse("сотрудничество"), "newest", cap=4, count_cap=5)
    russian = list(
        Article.objects.filter(language="ru").order_by("-pk").values_list("pk", flat=True)
    )
    assert total == 5
    assert sorted(ids, reverse=True) == [russian_minority.pk, *russian[:3]]


@pytest.fixture
def azerbaijani_minority():
    """Six Azerbaijani articles in thirty name ticarət, which their vectors
    hold as Turkish stemming reads it, ə as e."""
    for n in range(24):
        make_article(body=f"Azerbaijan and Russia met, report {n}.")
        if n % 4 == 0:
            make_article(language="az", body=f"Azərbaycan və Rusiya: ticarət, xəbər {n}.")
    analyze()


def test_word_common_among_azerbaijani_articles_walks_them_as_written(azerbaijani_minority):
    assert walk_scope("ticarət") == "az"


def test_connections_do_not_jit_compile(trend):
    """A search statement's estimated cost at 1M passed jit_above_cost and
    spent 275 ms compiling; archive.env turns JIT off for every connection."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_champions_are_ranked_when_given_by_id_and_matching(trend):
    """The rows are read by id, then tested: only those that match come back, ranked."""
    given = list(Article.objects.values_list("pk", flat=True))
    ranked = dict(postgres._ranked(Article.objects.all(), parse("pipeline"), given))
    piped = trend.filter(body__contains="pipeline").values_list("pk", flat=True)
    assert set(ranked) == set(piped)
    assert ranked == ranks(list(ranked), "pipeline")
