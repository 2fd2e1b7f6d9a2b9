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
# read when the twenty-fifth to twenty-seventh halves joined it (2026-11-29 20:15 UTC, 2,508
# files, c769b10): headlines 2212/2304, dates 2421/2508, publishers 2307/2469, credits 762/843
# and 762/803, documents 1892/1998 and 1892/1968, register 1073/1107, signing dates 1122/1345;
# and after that session's rules on their pages (9cfce25): headlines 2214/2304, dates
# 2426/2508, publishers 2340/2469, credits 771/843 and 771/812, documents 1893/1998 and
# 1893/1969, register 1074/1107, signing dates 1123/1345; chrome 60.
DEV_FLOORS = {
    "headlines right": 0.96,
    "dates exact": 0.96,
    "publishers right": 0.94,
    "credits recall": 0.91,
    "credits precision": 0.94,
    "language right": 1.0,
    "documents recall": 0.94,
    "documents precision": 0.96,
    "register mapped": 0.97,
    "signing dates right": 0.83,
}
# Issue 12 asks documents to be found in each language, not on average, at 0.9; English
# recall read 289/322 when the ninth to twelfth halves joined, below it, 360/391 when the
# thirteenth to fifteenth joined, 367/391 after the rounds on their pages, 415/450 when
# the sixteenth to eighteenth joined, 478/527 when the nineteenth to twenty-first did,
# 541/595 when the twenty-second to twenty-fourth did, 565/595 after that session's rounds
# on English names, and 606/640 when the twenty-fifth to twenty-seventh joined (precision
# 606/633).
DOCUMENT_FLOORS_PER_LANGUAGE = {
    "en": {"documents recall": 0.94, "documents precision": 0.95},
    "ru": {"documents recall": 0.94, "documents precision": 0.96},
    "az": {"documents recall": 0.94, "documents precision": 0.96},
}
# The untouched holdout: each half is written blind by an outsider, never read while tuning, and
# scored once by the lead when moved in. These floors are what the twenty-eighth to thirtieth
# blind halves read together (270 pages: international wire and broadcast copy, transcripts
# and monitoring digests; neighbours' media, diaspora media and multilateral forums; sector
# and company pages, press releases, travel, health, agriculture, customs), scored once on
# 2026-11-29 at 20:14 UTC (c769b10): headlines 236/248, dates 245/270, publishers 194/264,
# credits 86/111 and 86/92, language 270/270, documents 110/124 and 110/124, register 70/76;
# chrome 15, invented 1, cited 8, third-country 4; looked at once more, figures only, on the
# session's last rules (9cfce25, 21:17 UTC): headlines 236/248, dates 246/270, publishers
# 206/264 (the sources rules of the session: a site's short name before its full one, a
# newsletter's sender, a forum's crumb), credits 89/111 and 89/95, documents 110/124 and
# 110/124, register 70/76; chrome 15, invented 1, cited 5, third-country 4. Apart,
# headlines / dates / publishers / documents recall and precision read: twenty-eighth 0.91,
# 0.89, 0.96, 0.96 / 0.93; twenty-ninth 0.96, 0.91, 0.89, 0.91 / 0.94; thirtieth 0.98, 0.92,
# 0.37 (68 of its 81 publishers are companies and bodies that fixtures/sources.json does not
# list), 0.75 / 0.77.
# Earlier halves, each scored once before it joined dev: twenty-fifth to twenty-seventh
# together (270) 0.96, 0.91, 0.87, 0.92 / 0.93; twenty-second to twenty-fourth together (270)
# 0.81, 0.94, 0.89, 0.88 / 0.92; nineteenth to twenty-first together (270) 0.93, 0.95, 0.89,
# 0.88 / 0.92; sixteenth to eighteenth together (280) 0.90, 0.90, 0.86, 0.85 / 0.90;
# thirteenth to fifteenth together (270) 0.95, 0.90, 0.91, 0.86 / 0.93; ninth to twelfth
# together (401) 0.93, 0.95, 0.95, 0.87 / 0.92; eighth 0.87, 0.92, 0.82, 0.81 / 0.93; seventh
# 0.93, 0.95, 0.98, 0.95 / 0.92; sixth 0.92, 0.89, 0.83, 0.85 / 0.91; fifth 0.95, 0.89, 0.76,
# 0.89 / 0.95; fourth 0.90, 1.0, 0.89, 0.88 / 0.90. Below issue 12's targets where they are,
# which stay open; a change may raise them, never lower them unnoticed.
HOLDOUT_FLOORS = {
    "headlines right": 0.95,
    "dates exact": 0.91,
    "publishers right": 0.78,
    "credits recall": 0.80,
    "credits precision": 0.93,
    "language right": 1.0,
    "documents recall": 0.88,
    "documents precision": 0.88,
    "register mapped": 0.92,
}
# Misses that issue 12 wants at zero: at most these on dev and on the holdout.
DEV_MOST = {
    "chrome or wrong headlines": 60,
    "invented dates": 12,
    "cited agencies as publisher": 12,
    "third-country documents as bilateral": 12,
}
HOLDOUT_MOST = {
    "chrome or wrong headlines": 15,
    "invented dates": 1,
    "cited agencies as publisher": 5,
    "third-country documents as bilateral": 4,
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
