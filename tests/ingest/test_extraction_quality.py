"""How well the importer reads what it is given, held to floors.

Agreements and tags over the seeds and the samples (expected lists written
from reading the texts: expected_seeds.py, samples/expected.json); then every
field, per language, over the real-world corpus (tests/ingest/realworld/,
scored by realworld_score.py): the dev half the importer is tuned on, and the
untouched holdout half. `pytest -s` prints the tables; the floors keep a
change that reads worse from passing unnoticed.
"""

from pathlib import Path

import pytest

from articles.ingest.extract import load_gazetteer
from articles.ingest.pipeline import Extracted, process
from tests.ingest import realworld_score
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


# The dev half, which the importer is tuned on (each reported holdout joined it), at what it
# read at the end of the session in which the twenty-second to twenty-fourth halves joined it
# (2026-11-29 17:40 UTC, 2,238 files, e592425): headlines 1971/2055, dates 2173/2238,
# publishers 2073/2201, credits 680/744 and 680/715, documents 1771/1867 and 1771/1838,
# register 997/1026, signing dates 1060/1251.
DEV_FLOORS = {
    "headlines right": 0.95,
    "dates exact": 0.97,
    "publishers right": 0.94,
    "credits recall": 0.91,
    "credits precision": 0.95,
    "language right": 1.0,
    "documents recall": 0.94,
    "documents precision": 0.96,
    "register mapped": 0.97,
    "signing dates right": 0.84,
}
# Issue 12 asks documents to be found in each language, not on average, at 0.9; English
# recall read 289/322 when the ninth to twelfth halves joined, below it, 360/391 when the
# thirteenth to fifteenth joined, 367/391 after the rounds on their pages, 415/450 when
# the sixteenth to eighteenth joined, 478/527 when the nineteenth to twenty-first did,
# 541/595 when the twenty-second to twenty-fourth did, and 565/595 after that session's rounds
# on English names (precision 565/588).
DOCUMENT_FLOORS_PER_LANGUAGE = {
    "en": {"documents recall": 0.94, "documents precision": 0.96},
    "ru": {"documents recall": 0.94, "documents precision": 0.96},
    "az": {"documents recall": 0.95, "documents precision": 0.97},
}
# The untouched holdout: each half is written blind by an outsider, never read while tuning, and
# scored once by the lead when moved in. These floors are what the twenty-fifth to
# twenty-seventh blind halves read together (270 pages: sport, culture, education, science,
# consular and migration pages; regional pages of both countries; opinion, explainers,
# fact-checks, think-tank PDFs, roundups and chronologies), scored once on 2026-11-29 at 16:28
# UTC (ca2b5a4), when three of the PDF pages failed with an internal error (a row of footnote
# markers, fixed in e0dd057; language read 267/270), and looked at once more, figures only, on
# the session's last rules (2b932a8, 17:25 UTC): headlines 241/249, dates 248/270, publishers
# 234/268, credits 82/99 and 82/88, language 270/270, documents 121/131 and 121/130, register
# 76/81; chrome 9, invented 1, cited 2, third-country 2. Apart, headlines / dates / publishers /
# documents recall and precision read: twenty-fifth 1.0, 0.92, 0.86, 0.94 / 0.89;
# twenty-sixth 0.96, 0.91, 0.89, 0.81 / 0.94; twenty-seventh 0.90, 0.90, 0.84, 0.97 / 0.95.
# Earlier halves, each scored once before it joined dev: twenty-second to twenty-fourth
# together (270) 0.81, 0.94, 0.89, 0.88 / 0.92; nineteenth to twenty-first together (270)
# 0.93, 0.95, 0.89, 0.88 / 0.92; sixteenth to eighteenth together (280) 0.90, 0.90, 0.86,
# 0.85 / 0.90; thirteenth to fifteenth together (270) 0.95, 0.90, 0.91, 0.86 / 0.93; ninth to
# twelfth together (401) 0.93, 0.95, 0.95, 0.87 / 0.92; eighth 0.87, 0.92, 0.82, 0.81 / 0.93;
# seventh 0.93, 0.95, 0.98, 0.95 / 0.92; sixth 0.92, 0.89, 0.83, 0.85 / 0.91; fifth 0.95,
# 0.89, 0.76, 0.89 / 0.95; fourth 0.90, 1.0, 0.89, 0.88 / 0.90. Below issue 12's targets where
# they are, which stay open; a change may raise them, never lower them unnoticed.
HOLDOUT_FLOORS = {
    "headlines right": 0.96,
    "dates exact": 0.91,
    "publishers right": 0.87,
    "credits recall": 0.82,
    "credits precision": 0.93,
    "language right": 1.0,
    "documents recall": 0.92,
    "documents precision": 0.93,
    "register mapped": 0.93,
}
# Misses that issue 12 wants at zero: at most these on dev and on the holdout.
DEV_MOST = {
    "chrome or wrong headlines": 55,
    "invented dates": 11,
    "cited agencies as publisher": 12,
    "third-country documents as bilateral": 10,
}
HOLDOUT_MOST = {
    "chrome or wrong headlines": 9,
    "invented dates": 1,
    "cited agencies as publisher": 2,
    "third-country documents as bilateral": 2,
}


@pytest.fixture(scope="module")
def realworld():
    halves = {half: realworld_score.score(half) for half in ("dev", "holdout")}
    for half, result in halves.items():
        print(f"\n{half}:\n{realworld_score.table(result)}")
    return halves


@pytest.fixture
def holdout(realworld):
    """The holdout's score; its tests skip while the folder holds no case yet."""
    result = realworld["holdout"]
    if not result.counts["all"]["files"]:
        pytest.skip(f"the holdout is empty: {realworld_score.CORPUS / 'holdout'} holds no case")
    return result


def _ratio(result, label: str, scope: str = "all") -> float:
    _, numerator, denominator = next(row for row in realworld_score.ROWS if row[0] == label)
    return result.ratio(scope, numerator, denominator)


def _count(result, label: str) -> int:
    name = dict(realworld_score.ZEROS)[label]
    return result.counts["all"][name]


@pytest.mark.parametrize(("label", "floor"), DEV_FLOORS.items())
def test_realworld_field_meets_the_target_when_read_from_the_dev_half(realworld, label, floor):
    assert _ratio(realworld["dev"], label) >= floor


@pytest.mark.parametrize(
    ("language", "label", "floor"),
    [
        (language, label, floor)
        for language, floors in DOCUMENT_FLOORS_PER_LANGUAGE.items()
        for label, floor in floors.items()
    ],
)
def test_realworld_documents_meet_the_target_in_each_language_of_the_dev_half(
    realworld, label, floor, language
):
    assert _ratio(realworld["dev"], label, language) >= floor


@pytest.mark.parametrize(("label", "floor"), HOLDOUT_FLOORS.items())
def test_realworld_field_holds_its_floor_when_read_from_the_holdout(holdout, label, floor):
    assert _ratio(holdout, label) >= floor


@pytest.mark.parametrize(("label", "most"), DEV_MOST.items())
def test_realworld_miss_stays_under_its_ceiling_when_read_from_the_dev_half(realworld, label, most):
    assert _count(realworld["dev"], label) <= most


@pytest.mark.parametrize(("label", "most"), HOLDOUT_MOST.items())
def test_realworld_miss_stays_under_its_ceiling_when_read_from_the_holdout(holdout, label, most):
    assert _count(holdout, label) <= most


def test_the_scorer_reads_an_azerbaijani_headline_in_capitals_as_its_label():
    # 'İ'.casefold() is an i with a combining dot, and 'I' folds to a dotted i where
    # Azerbaijani writes 'ı': neither makes a headline in capitals another headline.
    record = {"title": "İQTİSADİ ƏMƏKDAŞLIQ GÜCLƏNİR", "title_derived": False}
    assert realworld_score.judge_title("İqtisadi əməkdaşlıq güclənir", record) == "right"


def test_the_scorer_matches_a_document_stem_whatever_the_case_of_its_i():
    expected = {"kind": "agreement", "match": ["qarşılıqlı", "iqtisadi"]}
    found = {"kind": "agreement", "name": "QARŞILIQLI İQTİSADİ ƏMƏKDAŞLIQ HAQQINDA SAZİŞ"}
    assert realworld_score._matches(expected, found)
    assert not realworld_score._matches({**expected, "match": ["ticarət"]}, found)
