"""process and to_json_record: one file's bytes to the importer's record."""

import pytest

from articles.ingest.extract import load_gazetteer
from articles.ingest.parse import NoArticleText
from articles.ingest.pipeline import process, to_json_record
from articles.ingest.read import UnreadableFile
from articles.ingest.register import load_register

GOOD = (
    b" date 2021-06-15 By Trend\n\nBaku and Moscow signed a memorandum of understanding on "
    b"cooperation in the field of education on Tuesday, the ministry said.\n"
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_record_has_the_importer_keys_when_file_is_good(gazetteer):
    record = to_json_record(process(GOOD, gazetteer=gazetteer))
    assert {"title", "title_derived", "published", "date_precision", "source", "byline"} <= set(
        record
    )
    assert {"language", "body", "agreements", "tags"} <= set(record)


def test_record_dates_are_iso_strings_when_date_is_known(gazetteer):
    record = to_json_record(process(GOOD, gazetteer=gazetteer))
    assert (record["published"], record["date_precision"]) == ("2021-06-15", "day")


def test_record_lists_agreements_by_name_and_kind_when_text_names_one(gazetteer):
    record = to_json_record(process(GOOD, gazetteer=gazetteer))
    assert record["agreements"][0]["kind"] == "memorandum"
    assert "education" in record["agreements"][0]["name"]


def test_keeps_the_encoding_when_file_is_cp1251(gazetteer):
    data = "Азербайджан и Россия подписали меморандум о сотрудничестве.".encode("cp1251")
    assert process(data, gazetteer=gazetteer).encoding == "cp1251"


def test_raises_unreadable_file_when_file_is_empty(gazetteer):
    with pytest.raises(UnreadableFile, match="empty file"):
        process(b"", gazetteer=gazetteer)


def test_raises_no_article_text_when_file_holds_only_punctuation(gazetteer):
    with pytest.raises(NoArticleText):
        process(b"--- *** ...", gazetteer=gazetteer)


def test_record_carries_register_parties_and_count_when_a_register_is_given(gazetteer):
    data = (
        b"Presidents signed the Declaration on Allied Interaction in Moscow. "
        b"In total, six documents were signed during the visit.\n"
    )
    record = to_json_record(process(data, gazetteer=gazetteer, register=load_register()))
    (agreement,) = record["agreements"]
    assert agreement["register"] == "declaration-allied-interaction-2022"
    assert (agreement["parties"], agreement["bilateral"]) == (["Azerbaijan", "Russia"], True)
    assert {"signed", "signed_on", "date_note"} <= set(agreement)
    assert (record["documents_signed"], record["credits"]) == (6, [])


def test_record_leaves_register_empty_when_no_register_is_given(gazetteer):
    record = to_json_record(process(GOOD, gazetteer=gazetteer))
    assert record["agreements"][0]["register"] is None
