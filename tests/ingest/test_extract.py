"""extract_agreements and extract_tags over parsed articles."""

from pathlib import Path

import pytest

from articles.ingest.document import AgreementKind, TagKind
from articles.ingest.extract import (
    agreement_key,
    build_gazetteer,
    extract_agreements,
    extract_tags,
    load_gazetteer,
)
from articles.ingest.parse import parse
from articles.ingest.read import decode

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def seed_agreements(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract_agreements(parse(decode(path.read_bytes()).text))


def names(mentions) -> str:
    return " | ".join(mention.name for mention in mentions)


def test_finds_the_declaration_when_seed_003_names_it():
    declaration = next(m for m in seed_agreements("003") if m.kind is AgreementKind.DECLARATION)
    assert declaration.name == (
        "Declaration on Allied Interaction between the Republic of Azerbaijan "
        "and the Russian Federation"
    )
    assert declaration.parties == ("Azerbaijan", "Russia")


def test_finds_minutes_and_pension_memorandum_when_seed_003_names_them():
    found = names(seed_agreements("003"))
    assert "Minutes of the 20th meeting of the Azerbaijan-Russia Intergovernmental" in found
    assert "Memorandum of cooperation in the field of pensions" in found


def test_names_the_parties_when_they_sign_as_the_subject():
    intent = next(m for m in seed_agreements("003") if "intent" in m.name)
    assert intent.parties[0] == "Azerbaijani Small and Medium Business Development Agency"


def test_finds_action_plan_and_customs_protocol_when_seed_001_names_them():
    found = names(seed_agreements("001"))
    assert "Action Plan on the development of the key areas" in found
    assert "Protocol on cooperation in the field of combating customs offenses" in found


def test_finds_the_sme_memorandum_when_seed_000_names_it():
    assert "Small and Medium-sized Businesses" in names(seed_agreements("000"))


def test_seeds_together_yield_at_least_five_agreements():
    assert sum(len(seed_agreements(prefix)) for prefix in ("000", "001", "002", "003")) >= 5


def test_mentions_each_document_once_when_an_article_repeats_it():
    plans = [m for m in seed_agreements("001") if m.kind is AgreementKind.ACTION_PLAN]
    assert len(plans) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan and Russia have signed a number of agreements on cooperation.",
        "On September 1, 15 documents were signed in Moscow.",
        "Mustafayev recalled that there are eight road maps under which they work.",
        "These agreements will stimulate relations.",
        "According to the road map, signed between the two countries, trade will grow.",
        "The agreements concluded between Russian and Azerbaijani oil companies are important.",
    ],
)
def test_suggests_nothing_when_mention_is_vague(sentence):
    assert extract_agreements(parse(sentence)) == []


def test_marks_a_document_unsigned_when_text_says_it_will_be_signed():
    article = parse("The sides will sign a memorandum on cooperation in tourism next month.")
    (memorandum,) = extract_agreements(article)
    assert memorandum.is_signed is False


def test_reads_the_signing_date_when_sentence_gives_a_full_date():
    article = parse("A protocol on customs cooperation was signed on 22 February 2022 in Moscow.")
    (protocol,) = extract_agreements(article)
    assert protocol.signed_on.isoformat() == "2022-02-22"


def test_finds_a_russian_memorandum_when_text_is_russian():
    article = parse("Стороны подписали меморандум о сотрудничестве в области транспорта.")
    (memorandum,) = extract_agreements(article)
    assert memorandum.name == "Меморандум о сотрудничестве в области транспорта"


def test_finds_an_azerbaijani_memorandum_when_text_is_azerbaijani():
    article = parse("Nazirlər təhsil sahəsində əməkdaşlıq haqqında memorandum imzalayıblar.")
    (memorandum,) = extract_agreements(article)
    assert memorandum.name.endswith("təhsil sahəsində əməkdaşlıq haqqında memorandum")


def test_keys_match_when_wording_differs_slightly():
    first = agreement_key(
        AgreementKind.MEMORANDUM,
        "Memorandum between the Russian Corporation for Small and Medium-sized Businesses "
        "and the Azerbaijan Agency",
    )
    second = agreement_key(
        AgreementKind.MEMORANDUM,
        "Memorandum between the Azerbaijani Agency and the Russian Corporation for Small and "
        "Medium Business",
    )
    assert first == second


def test_keys_differ_when_kinds_differ():
    assert agreement_key(AgreementKind.PROTOCOL, "Protocol on customs") != agreement_key(
        AgreementKind.AGREEMENT, "Agreement on customs"
    )


def test_tags_a_person_when_russian_text_declines_the_name(gazetteer):
    tags = extract_tags(parse("Встреча Путина и Ильхама Алиева прошла в Сочи."), gazetteer)
    assert {"Vladimir Putin", "Ilham Aliyev", "Sochi"} <= {tag.name for tag in tags}


def test_tags_the_carmaker_gaz_only_in_capitals(gazetteer):
    article = parse("Gas and oil exports grew. The gaz price fell.")
    assert "GAZ" not in {tag.name for tag in extract_tags(article, gazetteer)}


def test_tags_the_carmaker_gaz_when_written_in_capitals(gazetteer):
    article = parse("Production of GAZ vehicles will start in Azerbaijan.")
    assert TagKindName("GAZ", TagKind.ORGANISATION) in tag_pairs(article, gazetteer)


def test_skips_a_topic_when_keyword_passes_by_once(gazetteer):
    article = parse("The ministers met in Baku and discussed oil.")
    assert "energy" not in {tag.name for tag in extract_tags(article, gazetteer)}


def test_tags_a_topic_when_keywords_recur(gazetteer):
    article = parse("The ministers discussed oil and gas supplies and the energy market.")
    assert "energy" in {tag.name for tag in extract_tags(article, gazetteer)}


def test_matches_whole_words_only_when_alias_is_inside_another_word(gazetteer):
    article = parse("The Iranian delegation and Bakunin scholars attended.")
    assert {tag.name for tag in extract_tags(article, gazetteer)} & {"Iran", "Baku"} == set()


def test_tags_each_entry_once_when_aliases_repeat(gazetteer):
    article = parse("Putin met Aliyev. Vladimir Putin said. Путин добавил.")
    assert [tag.name for tag in extract_tags(article, gazetteer)].count("Vladimir Putin") == 1


def test_uses_curator_entries_when_gazetteer_is_built_from_data():
    gazetteer = build_gazetteer([{"name": "Shusha", "kind": "place", "aliases": ["Şuşa*", "Шуш*"]}])
    tags = extract_tags(parse("Prezident Şuşada görüşüb. Встреча в Шуше."), gazetteer)
    assert [tag.name for tag in tags] == ["Shusha"]


class TagKindName(tuple):
    def __new__(cls, name: str, kind: TagKind):
        return super().__new__(cls, (name, kind))


def tag_pairs(article, gazetteer) -> set:
    return {(tag.name, tag.kind) for tag in extract_tags(article, gazetteer)}
