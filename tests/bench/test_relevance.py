"""bench/relevance.py: the overlap of a first page with the exhaustive top,
the query set's shape, and that the exhaustive side sees past the cap."""

import re

import pytest

from articles.filters import PER_PAGE
from bench.relevance import (
    FILTERS,
    KINDS,
    PAGE_SIZE,
    QUERIES,
    Measured,
    Probe,
    champion_page,
    champions,
    exhaustive_ranking,
    exhaustive_top,
    first_page,
    measure,
    overlap_at,
    p95,
    render,
    summary_by,
)
from tests.conftest import make_article


def test_overlap_is_the_share_of_the_exhaustive_top_on_the_page():
    assert overlap_at([1, 2, 3, 4], [4, 3, 9, 8], k=4) == 0.5


def test_overlap_ignores_order_within_the_top():
    assert overlap_at([3, 2, 1], [1, 2, 3], k=3) == 1.0


def test_overlap_reads_only_the_first_k_of_either_side():
    assert overlap_at([1, 2, 7], [1, 7, 2], k=2) == 0.5


def test_overlap_with_fewer_matches_than_a_page_is_judged_on_all_of_them():
    assert overlap_at([5, 6], [6, 5]) == 1.0
    assert overlap_at([5], [6, 5]) == 0.5


def test_overlap_without_matches_is_whole_only_when_nothing_is_shown():
    assert overlap_at([], []) == 1.0
    assert overlap_at([1], []) == 0.0


def test_the_top_compared_is_one_list_page():
    assert PAGE_SIZE == PER_PAGE


def test_the_query_set_has_at_least_forty_distinct_searches():
    assert len(QUERIES) >= 40
    assert len(set(QUERIES)) == len(QUERIES)


def test_every_class_is_searched_with_and_without_filters():
    for kind in KINDS:
        probes = [probe for probe in QUERIES if probe.kind == kind]
        assert any(probe.filters for probe in probes), kind
        assert any(not probe.filters for probe in probes), kind
    assert {probe.kind for probe in QUERIES} == set(KINDS)


def test_searches_use_only_list_filters_and_each_of_them():
    used = {name for probe in QUERIES for name in probe.filters}
    assert used == FILTERS
    assert all(probe.text.strip() for probe in QUERIES)


def test_date_ranges_are_whole_ranges():
    for probe in QUERIES:
        assert ("date_after" in probe.filters) == ("date_before" in probe.filters), probe.label


def test_classes_hold_what_their_names_say():
    cyrillic, azerbaijani = re.compile("[а-яё]", re.I), re.compile("[əğıöüşç]", re.I)
    for probe in QUERIES:
        if probe.kind == "phrase":
            assert probe.text.startswith('"') and probe.text.endswith('"'), probe.label
        if probe.kind == "Russian":
            assert cyrillic.search(probe.text), probe.label
        if probe.kind == "Azerbaijani":
            assert azerbaijani.search(probe.text), probe.label
        if probe.kind == "three common words":
            assert len(probe.text.split()) == 3, probe.label


def _measured(
    kind: str, overlap: float, matches: int, champions: float | None = None, **filters: str
) -> Measured:
    probe = Probe(kind, (("q", kind), *filters.items()))
    return Measured(probe, matches, str(matches), overlap, 1.0, 1.5, 2.0, champions)


def test_summaries_give_each_group_its_mean_and_share_at_full_overlap():
    results = [
        _measured("name", 1.0, 10),
        _measured("name", 0.5, 5000, source="trend"),
        _measured("phrase", 0.0, 5000),
    ]
    by_kind = summary_by(results, lambda r: r.probe.kind)
    assert by_kind == {"name": (2, 0.75, 0.5), "phrase": (1, 0.0, 0.0)}
    table = render(results, "heading")
    assert "| all | 3 | 0.50 | 33% |" in table
    assert "| filtered | 1 | 0.50 | 0% |" in table
    assert "| name | name (source=trend) | 5,000 | 5000 | 0.50 | 1.0 | 1.5 | 2.0 |" in table


@pytest.mark.django_db
def test_the_exhaustive_top_finds_the_best_match_the_cap_leaves_out(monkeypatch):
    best = make_article(title="Gas contract", body="The gas contract was signed.")
    # Bodies of one length, so every other match ranks alike and the newest wins ties.
    others = [make_article(title=f"Note {n}", body=f"Gas, note {n}.") for n in range(3)]
    monkeypatch.setattr("articles.search.RANK_LIMIT", 2)
    probe = Probe("two common words", (("q", "gas"),))

    shown, count_text, _, _ = first_page(probe)
    top, matches, _ = exhaustive_top(probe, k=2)

    assert (matches, count_text) == (4, "2+")
    assert shown == [others[2].pk, others[1].pk]
    assert top[0] == best.pk
    assert overlap_at(shown, top, k=2) == 0.5


def test_p95_is_the_nearest_rank():
    assert p95(list(range(1, 21))) == 19
    assert p95([3.0, 1.0, 2.0]) == 3.0


def test_each_group_shows_the_median_and_p95_of_its_page_times():
    fast, slow = _measured("name", 1.0, 10), _measured("name", 1.0, 10)
    slow = Measured(slow.probe, 10, "10", 1.0, 40.0, 30.0, 2.0)
    table = render([fast, fast, slow], "heading")
    assert "| name | 3 | 1.00 | 100% | 1.5 / 30.0 | 1.0 / 40.0 |" in table


def test_the_champion_columns_appear_only_when_modelled():
    assert "champions" not in render([_measured("name", 1.0, 10)], "heading")
    table = render([_measured("name", 0.5, 5000, 1.0), _measured("name", 0.0, 5000, 0.5)], "h")
    assert "| name | name | 5,000 | 5000 | 0.50 | 1.0 | 1.5 | 2.0 | 1.00 |" in table
    assert "| all | 2 | 0.25 | 0% | 1.5 / 1.5 | 1.0 / 1.0 | 0.75 | 50% |" in table


@pytest.mark.django_db
def test_a_champion_list_brings_back_the_best_match_the_cap_leaves_out(monkeypatch):
    best = make_article(title="Gas contract", body="The gas contract was signed.")
    newer = [make_article(title=f"Note {n}", body=f"Gas, note {n}.") for n in range(3)]
    monkeypatch.setattr("articles.search.RANK_LIMIT", 2)
    probe = Probe("name", (("q", "gas"),))
    champions.cache_clear()  # a run's lists, kept per process: none from another test's rows
    ranking, _, _ = exhaustive_ranking(probe)

    assert champion_page(probe, ranking, per_word=1) == [best.pk, newer[2].pk, newer[1].pk]


def test_each_search_shows_its_page_p50_and_p95_when_they_were_sampled():
    probe = Probe("name", (("q", "name"),))
    sampled = Measured(probe, 10, "10", 1.0, 12.0, 8.0, 2.0, None, 30.0, 20.0)
    assert "| name | name | 10 | 10 | 1.00 | 12.0 / 30.0 | 8.0 / 20.0 | 2.0 |" in render(
        [sampled], "heading"
    )


@pytest.mark.django_db
def test_a_kept_exhaustive_top_is_read_instead_of_ranking_again(monkeypatch):
    shown = make_article(title="Gas", body="Gas.")
    probe = Probe("rare word", (("q", "gas"),))
    kept = {probe.label: ([999, shown.pk], 7, 5.0)}
    monkeypatch.setattr("bench.relevance.exhaustive_ranking", pytest.fail)

    result = measure(probe, samples=2, kept=kept)

    assert (result.matches, result.overlap, result.exhaustive_ms) == (7, 0.5, 5.0)


@pytest.mark.django_db
def test_an_exhaustive_top_is_kept_when_first_ranked():
    found = make_article(title="Gas", body="Gas.")
    probe = Probe("rare word", (("q", "gas"),))
    kept: dict = {}

    measure(probe, samples=1, kept=kept)

    assert kept[probe.label][:2] == ([found.pk], 1)
