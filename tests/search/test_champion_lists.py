"""Champion lists (articles.search.tiers): a relevance search ranks each word's
best articles in the whole archive with its newest matches, on either database.

RANK_LIMIT is lowered so the newest matches leave out the archive's best,
and the lists hold two articles, so the cases stay small."""

import pytest

import articles.search
from articles.models import Article, ChampionList
from articles.search import backend_for, search, tiers
from articles.search.stems import stem
from tests.conftest import make_article, make_source

pytestmark = pytest.mark.django_db

LENGTH = 2
FILLER = "Ministers met and talked about trade and culture. " * 20


def pipeline_list() -> ChampionList:
    return ChampionList.objects.get(config="english", term=stem("pipeline", "english"))


def on_list() -> set[str]:
    return set(pipeline_list().champions.values_list("article__slug", flat=True))


@pytest.fixture
def archive(monkeypatch):
    """The best 'pipeline' articles first added, then five that name it once in a long text."""
    monkeypatch.setattr(articles.search, "RANK_LIMIT", 2)
    make_article(slug="best", title="Pipeline pipeline", body="The pipeline opens.")
    make_article(slug="second", title="Pipeline opens", body="Gas flows through it.")
    for n in range(5):
        make_article(slug=f"weak-{n}", title=f"Trade report {n}", body=f"{FILLER}Pipeline {n}.")


def first(text, **filters):
    found = search(Article.objects.filter(**filters), text)
    ids, _ = found.ordered_ids()
    slugs = dict(Article.objects.filter(pk__in=ids[:2]).values_list("pk", "slug"))
    return [slugs[pk] for pk in ids[:2]], found


def exhaustive(text):
    queryset = Article.objects.all()
    query = search(queryset, text).query
    ids, _ = backend_for(queryset.db).ordered_ids(
        queryset, query, "relevance", cap=10_000, count_cap=10_000
    )
    return ids


def test_only_the_newest_are_ranked_when_no_word_has_a_list(archive):
    slugs, found = first("pipeline")
    assert "best" not in slugs
    assert not found.is_tiered


def test_the_archives_best_come_first_when_the_words_have_lists(archive):
    tiers.rebuild(using="default", length=LENGTH)
    found = search(Article.objects.all(), "pipeline")
    ids, total = found.ordered_ids()
    assert ids[:2] == exhaustive("pipeline")[:2]
    assert Article.objects.get(pk=ids[0]).slug == "best"
    assert (total, found.is_tiered) == (3, True)


def test_two_words_rank_as_every_match_is_ranked_when_both_have_lists(archive):
    make_article(slug="both", title="Pipeline trade", body="A pipeline for trade.")
    tiers.rebuild(using="default", length=LENGTH)
    ids, _ = search(Article.objects.all(), "pipeline trade").ordered_ids()
    assert ids[:2] == exhaustive("pipeline trade")[:2]


def test_a_champion_outside_the_filter_is_left_out_when_filtered(archive):
    other = make_source()
    Article.objects.filter(slug="best").update(source=other)
    tiers.rebuild(using="default", length=LENGTH)
    slugs, _ = first("pipeline", source__isnull=True)
    assert "best" not in slugs
    assert "second" in slugs


def test_a_champion_without_the_other_word_is_left_out_when_both_are_sought(archive):
    tiers.rebuild(using="default", length=LENGTH)
    slugs, _ = first("pipeline culture")
    assert not {"best", "second"} & set(slugs)


def test_rebuild_lists_only_the_words_in_more_articles_than_a_list_holds(archive):
    tiers.rebuild(using="default", length=LENGTH)
    assert on_list() == {"best", "second"}
    assert not ChampionList.objects.filter(term=stem("flows", "english")).exists()


def test_a_new_article_takes_the_lowest_place_when_it_weighs_more_than_the_floor(archive):
    tiers.rebuild(using="default", length=LENGTH)
    floor = pipeline_list().floor
    stronger = make_article(slug="stronger", title="Pipeline pipeline pipeline", body="Pipeline.")
    tiers.keep_articles([stronger.pk], using="default")
    assert on_list() == {"stronger", "best"}
    assert pipeline_list().floor > floor


def test_a_new_article_stays_off_the_list_when_it_weighs_less_than_the_floor(archive):
    tiers.rebuild(using="default", length=LENGTH)
    weak = make_article(slug="weak-new", title="Another report", body=FILLER + "A pipeline.")
    tiers.keep_articles([weak.pk], using="default")
    assert on_list() == {"best", "second"}


def test_an_article_leaves_the_list_when_its_text_no_longer_weighs_enough(archive):
    tiers.rebuild(using="default", length=LENGTH)
    best = Article.objects.get(slug="best")
    best.title, best.body = "Gas news", FILLER + "A pipeline."
    best.save()
    tiers.keep_articles([best.pk], using="default")
    assert on_list() == {"second"}


def test_a_deleted_article_leaves_its_lists_when_deleted(archive):
    tiers.rebuild(using="default", length=LENGTH)
    Article.objects.filter(slug="best").delete()
    assert on_list() == {"second"}
    slugs, _ = first("pipeline")
    assert slugs[0] == "second"


def test_the_page_says_each_words_best_are_ranked_when_the_words_have_lists(client, archive):
    tiers.rebuild(using="default", length=LENGTH)
    html = client.get("/articles/", {"q": "pipeline"}).content.decode()
    assert "strongest articles in the whole archive" in html
    assert "most recently added are ranked" not in html


def test_the_page_says_only_the_newest_are_ranked_when_no_word_has_a_list(client, archive):
    html = client.get("/articles/", {"q": "pipeline"}).content.decode()
    assert "most recently added are ranked" in html
    assert "strongest articles in the whole archive" not in html


def test_a_list_keeps_its_length_when_a_champion_is_stored_again(archive):
    tiers.rebuild(using="default", length=LENGTH)
    best = Article.objects.get(slug="best")
    best.body = "The pipeline opens today."
    best.save()
    tiers.keep_articles([best.pk], using="default")
    assert on_list() == {"best", "second"}


@pytest.mark.parametrize("text", ['"pipeline opens"', "pipeline trade", "pipeline OR trade"])
def test_ranking_stops_only_where_no_champion_left_can_reach_the_first_places(
    archive, monkeypatch, text
):
    make_article(slug="both", title="Pipeline trade", body="A pipeline opens for trade and gas.")
    tiers.rebuild(using="default", length=LENGTH)
    backend = backend_for("default")
    monkeypatch.setattr(backend, "EXACT_TOP", 1)
    ids, _ = search(Article.objects.all(), text).ordered_ids()
    assert ids[:1] == exhaustive(text)[:1]


def test_the_page_says_only_the_newest_are_ranked_when_a_word_is_too_rare_for_a_list(archive):
    tiers.rebuild(using="default", length=LENGTH)
    found = search(Article.objects.all(), "pipeline OR gas")
    found.ordered_ids()
    assert not found.is_tiered


def read_depths(monkeypatch) -> list[int | None]:
    """The depth of each read of the lists a search makes from now on."""
    depths = []
    read = tiers.tier_for

    def spy(query, using, depth=None, **kwargs):
        depths.append(depth)
        return read(query, using, depth, **kwargs)

    monkeypatch.setattr(tiers, "tier_for", spy)
    return depths


@pytest.mark.parametrize("text", ["pipeline", "pipeline trade", "pipeline OR trade"])
def test_lists_read_a_row_at_a_time_rank_as_lists_read_whole(archive, monkeypatch, text):
    make_article(slug="both", title="Pipeline trade", body="A pipeline opens for trade and gas.")
    make_article(slug="trade", title="Trade trade", body="Trade grows.")
    tiers.rebuild(using="default", length=4)
    monkeypatch.setattr(backend_for("default"), "EXACT_TOP", 2)
    monkeypatch.setattr(backend_for("default"), "FIRST_DEPTH", 1)
    monkeypatch.setattr(tiers, "DEEPER", 2)
    depths = read_depths(monkeypatch)
    ids, _ = search(Article.objects.all(), text).ordered_ids()
    assert ids[:2] == exhaustive(text)[:2]
    assert depths[0] == 1


def test_a_search_reads_no_deeper_once_its_first_places_are_settled(archive, monkeypatch):
    tiers.rebuild(using="default", length=4)
    monkeypatch.setattr(backend_for("default"), "EXACT_TOP", 1)
    monkeypatch.setattr(backend_for("default"), "FIRST_DEPTH", 2)
    depths = read_depths(monkeypatch)
    ids, _ = search(Article.objects.all(), "pipeline").ordered_ids()
    assert ids[:1] == exhaustive("pipeline")[:1]
    # 'best' leads the list and the second row weighs less: nothing unread can pass it.
    assert depths == [2]


def test_a_search_reads_deeper_while_an_unread_article_could_reach_the_first_places(
    archive, monkeypatch
):
    tiers.rebuild(using="default", length=4)
    monkeypatch.setattr(backend_for("default"), "EXACT_TOP", 2)
    monkeypatch.setattr(backend_for("default"), "FIRST_DEPTH", 1)
    monkeypatch.setattr(tiers, "DEEPER", 2)
    depths = read_depths(monkeypatch)
    ids, _ = search(Article.objects.all(), "pipeline").ordered_ids()
    assert ids[:2] == exhaustive("pipeline")[:2]
    assert depths[:2] == [1, 2]


@pytest.mark.parametrize("text", ["pipeline OR trade", "pipeline trade", "pipeline"])
def test_sqlite_scores_from_the_lists_and_the_index_as_from_the_text(archive, text):
    """A champion's bm25 from its lists, the words it is on no list of looked
    up in the index, is the bm25 its text gives."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's bm25 outside FTS5")
    from articles.search.sqlite import _ChampionScorer

    make_article(slug="both", title="Pipeline trade", body="A pipeline opens for trade and gas.")
    make_article(slug="trade", title="Trade trade", body="Trade grows.")
    tiers.rebuild(using="default", length=2)
    query = search(Article.objects.all(), text).query
    tier = tiers.tier_for(query, "default")
    scorer = _ChampionScorer(query, tier, "default")
    ids = list(tier.impacts)
    assert ids
    ranked = {pk: score for pk, score in scorer.rank(ids).items() if score is not None}
    assert ranked == pytest.approx(scorer.from_texts(ids))


@pytest.mark.parametrize("text", ["pipeline trade", "pipeline OR trade", '"pipeline opens"'])
def test_champions_ranked_one_at_a_time_rank_as_ranked_at_once(archive, monkeypatch, text):
    make_article(slug="both", title="Pipeline trade", body="A pipeline opens for trade and gas.")
    make_article(slug="trade", title="Trade trade", body="Trade grows.")
    tiers.rebuild(using="default", length=4)
    backend = backend_for("default")
    monkeypatch.setattr(backend, "EXACT_TOP", 2)
    monkeypatch.setattr(backend, "CHAMPION_BATCH", 1)
    ids, _ = search(Article.objects.all(), text).ordered_ids()
    assert ids[:2] == exhaustive(text)[:2]
