"""Document names read from English sentences: where a name ends, what its word is, what
the words before it and the prepositions inside it keep."""

import pytest

from articles.ingest.document import AgreementKind
from articles.ingest.extract import extract_agreements
from articles.ingest.parse import parse


def mentions(sentence: str, title: str = "Talks in Baku"):
    return extract_agreements(parse(f"{title}\n\n{sentence} Officials gave no further details."))


def test_a_preposition_ending_in_s_stays_inside_the_name_when_a_place_follows_it():
    sentence = (
        "In the presence of the two presidents, an intergovernmental agreement was signed on "
        "the construction of a road bridge across the Samur River."
    )
    assert [m.name for m in mentions(sentence)] == [
        "Intergovernmental agreement on the construction of a road bridge across the Samur River"
    ]


def test_a_name_goes_on_after_the_year_of_its_signing_when_its_subject_follows():
    sentence = (
        "Oil flows on the basis of the intergovernmental agreement of 1996 on the "
        "transportation of Azerbaijani oil through Russia."
    )
    assert [m.name for m in mentions(sentence)] == [
        "Intergovernmental agreement of 1996 on the transportation of Azerbaijani oil through "
        "Russia"
    ]


@pytest.mark.parametrize("plan", ["a plan of joint actions", "a plan of joint measures"])
def test_a_plan_of_joint_actions_is_an_action_plan_and_ends_the_name_before_it(plan):
    sentence = (
        "Two documents were signed at the end of the meeting: the protocol of the meeting "
        f"and {plan} of the border agencies for the second half of the year."
    )
    assert [m.kind for m in mentions(sentence)] == [
        AgreementKind.MINUTES,
        AgreementKind.ACTION_PLAN,
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The ministers signed several agreements and memoranda, including one on "
            "cooperation in the energy sector.",
            "Memorandum on cooperation in the energy sector",
        ),
        (
            "The visit produced a package of intergovernmental agreements, including one on "
            "visa-free travel for citizens.",
            "Agreement on visa-free travel for citizens",
        ),
    ],
)
def test_the_one_a_plural_goes_on_to_name_is_a_document_when_its_subject_tells_it_apart(
    sentence, name
):
    assert [m.name for m in mentions(sentence)] == [name]


def test_the_one_a_plural_goes_on_to_name_is_none_when_its_subject_tells_nothing():
    sentence = "The ministers signed several agreements, including one on cooperation."
    assert mentions(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Shipments went on after the intergovernmental transit agreement lapsed in 2013.",
            "Intergovernmental transit agreement",
        ),
        (
            "Gazprom and SOCAR also signed an addition to their existing gas purchase contract.",
            "Gas purchase contract",
        ),
    ],
)
def test_what_a_document_carries_or_trades_before_its_word_names_it(sentence, name):
    assert name in [m.name for m in mentions(sentence)]


def test_an_intergovernmental_agreement_with_nothing_before_or_after_names_nothing():
    sentence = "Shipments went on after the intergovernmental agreement lapsed in 2013."
    assert mentions(sentence) == []


def test_a_traded_documents_name_keeps_the_company_it_was_signed_with():
    sentence = "Deliveries follow a gas supply contract with Gazprom."
    assert [m.name for m in mentions(sentence)] == ["Gas supply contract with Gazprom"]


def test_a_noun_in_ed_after_a_capitalised_word_stays_in_the_name():
    sentence = "The two countries signed an agreement on the delimitation of the Caspian seabed."
    assert [m.name for m in mentions(sentence)] == [
        "Agreement on the delimitation of the Caspian seabed"
    ]


def test_a_name_ends_where_another_document_follows_under_its_own_preposition():
    sentence = (
        "The two presidents put their signatures to the Baku Declaration of the two states "
        "and to a joint statement on the principles of cooperation in the Caspian Sea."
    )
    assert [m.name for m in mentions(sentence)][:1] == ["Declaration of the two states"]


def test_organisations_opening_a_clause_after_while_signed_the_memorandum_it_names():
    sentence = (
        "The customs services signed a protocol on customs control, while Azerbaijan's "
        "Intellectual Property Agency and Russia's Federal Service for Intellectual Property "
        "signed a memorandum of understanding."
    )
    assert [m.kind for m in mentions(sentence)] == [
        AgreementKind.PROTOCOL,
        AgreementKind.MEMORANDUM,
    ]


def test_associations_that_sign_a_memorandum_name_it():
    sentence = (
        "The ministers also signed a memorandum of understanding between the business "
        "associations of Azerbaijan and Dagestan."
    )
    assert [m.kind for m in mentions(sentence)] == [AgreementKind.MEMORANDUM]


def test_an_action_program_is_named_with_its_first_word():
    sentence = (
        "The governor and the minister put their names to an Action Program on cooperation "
        "for 2020 between the Government of Azerbaijan and the Astrakhan region."
    )
    (program,) = mentions(sentence)
    assert (program.kind, program.name.split()[:2]) == (
        AgreementKind.PROGRAMME,
        ["Action", "Program"],
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The two companies are discussing an addendum to the existing contract that would "
            "allow deliveries in either direction.",
            "Addendum to the existing contract",
        ),
        (
            "«Газпром» и SOCAR подписали дополнение к контракту купли-продажи газа.",
            "Дополнение к контракту купли-продажи газа",
        ),
    ],
)
def test_a_supplement_to_a_contract_is_a_document_of_its_own(text, name):
    assert [m.name for m in mentions(text, "Gas")] == [name]
