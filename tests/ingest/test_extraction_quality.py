"""Precision and recall of agreements and tags over the seeds and the samples.

The expected lists are written from reading the texts (expected_seeds.py,
samples/expected.json). `pytest -s` prints the figures; the floors keep a
change that makes extraction worse from passing unnoticed.
"""

from pathlib import Path

import pytest

from articles.ingest.extract import load_gazetteer
from articles.ingest.pipeline import Extracted, process
from tests.ingest.expected_seeds import SEEDS as EXPECTED_SEEDS
from tests.ingest.sample_cases import SAMPLES, expected_samples

SEED_FILES = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
FLOOR = 0.8


def corpus() -> list[tuple[Extracted, list[str], list[str]]]:
    """(extracted, expected agreement phrases, expected tag names) per article."""
    gazetteer = load_gazetteer()
    articles = []
    for prefix, expected in EXPECTED_SEEDS.items():
        data = next(SEED_FILES.glob(f"{prefix}_*.txt")).read_bytes()
        articles.append(
            (process(data, gazetteer=gazetteer), expected["agreements"], expected["tags"])
        )
    for case in expected_samples():
        data = (SAMPLES / case["file"]).read_bytes()
        phrases = [agreement["match"] for agreement in case["agreements"]]
        articles.append((process(data, gazetteer=gazetteer), phrases, case["tags"]))
    return articles


def agreement_scores(articles) -> tuple[float, float]:
    found = relevant = expected_total = matched = 0
    for extracted, phrases, _ in articles:
        names = [mention.name.lower() for mention in extracted.agreements]
        found += len(names)
        relevant += sum(any(p.lower() in name for p in phrases) for name in names)
        expected_total += len(phrases)
        matched += sum(any(p.lower() in name for name in names) for p in phrases)
    return relevant / found, matched / expected_total


def tag_scores(articles) -> tuple[float, float]:
    found = relevant = expected_total = 0
    for extracted, _, expected_tags in articles:
        names = {tag.name for tag in extracted.tags}
        found += len(names)
        relevant += len(names & set(expected_tags))
        expected_total += len(set(expected_tags))
    return relevant / found, relevant / expected_total


@pytest.fixture(scope="module")
def articles():
    return corpus()


def test_agreements_are_found_with_precision_and_recall_above_the_floor(articles):
    precision, recall = agreement_scores(articles)
    print(f"\nagreements: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= FLOOR
    assert recall >= FLOOR


def test_tags_are_found_with_precision_and_recall_above_the_floor(articles):
    precision, recall = tag_scores(articles)
    print(f"\ntags: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= FLOOR
    assert recall >= FLOOR
