"""Each sample article through the whole pipeline, against what a reader expects."""

import pytest

from articles.ingest.extract import load_gazetteer
from articles.ingest.pipeline import process, to_json_record
from tests.ingest.sample_cases import SAMPLES, expected_samples

CASES = expected_samples()
IDS = [case["file"] for case in CASES]


@pytest.fixture(scope="module")
def records() -> dict[str, tuple]:
    gazetteer = load_gazetteer()
    results = {}
    for case in CASES:
        extracted = process((SAMPLES / case["file"]).read_bytes(), gazetteer=gazetteer)
        results[case["file"]] = (extracted, to_json_record(extracted))
    return results


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sample_title_when_parsed(case, records):
    _, record = records[case["file"]]
    assert record["title_derived"] is case["title_derived"]
    if case["title"] is not None:
        assert record["title"] == case["title"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sample_date_when_parsed(case, records):
    _, record = records[case["file"]]
    assert (record["published"], record["date_precision"]) == (
        case["published"],
        case["precision"],
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sample_source_and_byline_when_parsed(case, records):
    _, record = records[case["file"]]
    assert (record["source"], record["byline"]) == (case["source"], case["byline"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sample_language_when_parsed(case, records):
    assert records[case["file"]][1]["language"] == case["language"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_sample_body_is_clean_when_parsed(case, records):
    body = records[case["file"]][1]["body"]
    assert body.startswith(case["body_start"])
    assert [junk for junk in case["body_excludes"] if junk in body] == []


@pytest.mark.parametrize("case", [c for c in CASES if "problem" in c], ids=lambda c: c["file"])
def test_sample_reports_problem_when_date_cannot_be_stored(case, records):
    problems = records[case["file"]][1]["problems"]
    assert any(case["problem"] in problem for problem in problems)


@pytest.mark.parametrize("case", [c for c in CASES if "encoding" in c], ids=lambda c: c["file"])
def test_sample_is_decoded_when_file_uses_a_legacy_encoding(case, records):
    assert records[case["file"]][0].encoding == case["encoding"]


@pytest.mark.parametrize("case", [c for c in CASES if "url" in c], ids=lambda c: c["file"])
def test_sample_keeps_url_when_text_names_it(case, records):
    assert records[case["file"]][1]["url"] == case["url"]


@pytest.mark.parametrize("case", [c for c in CASES if c["agreements"]], ids=lambda c: c["file"])
def test_sample_agreements_are_signed_or_planned_as_the_text_says(case, records):
    extracted, _ = records[case["file"]]
    for expected in case["agreements"]:
        matching = [m for m in extracted.agreements if expected["match"].lower() in m.name.lower()]
        assert [(m.kind.value, m.is_signed) for m in matching] == [
            (expected["kind"], expected["is_signed"])
        ]
