"""The register of known documents: loading it, matching mentions to it, closest stored keys."""

import datetime as dt

import pytest

from articles.ingest.document import AgreementKind
from articles.ingest.register import Register, closest_key, load_register

REQUIRED = {
    "treaty-friendship-cooperation-mutual-security-1997": ("Moscow", "1997-07-03"),
    "baku-declaration-2001": ("Baku", "2001-01-09"),
    "caspian-seabed-delimitation-agreement-2002": ("Moscow", "2002-09-23"),
    "moscow-declaration-2004": ("Moscow", "2004-02-06"),
    "declaration-friendship-strategic-partnership-2008": ("Baku", "2008-07-03"),
    "state-border-treaty-2010": ("Baku", "2010-09-03"),
    "samur-river-agreement-2010": ("Baku", "2010-09-03"),
    "declaration-allied-interaction-2022": ("Moscow", "2022-02-22"),
}


@pytest.fixture(scope="module")
def register():
    return load_register()


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_holds_the_place_and_date_of_signing_when_the_document_is_well_known(register, key):
    entry = register.entry(key)
    place, date = REQUIRED[key]
    assert (entry.signed_place, entry.signed_on) == (place, dt.date.fromisoformat(date))
    assert entry.name and entry.name_ru and entry.name_az


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (AgreementKind.DECLARATION, "Declaration on Allied Interaction"),
        (AgreementKind.DECLARATION, "Декларацией о союзническом взаимодействии"),
        (AgreementKind.DECLARATION, "MÜTTƏFİQLİK QARŞILIQLI FƏALİYYƏTİ HAQQINDA BƏYANNAMƏ"),
    ],
)
def test_matches_every_language_and_casing_when_the_name_is_the_registers(register, kind, name):
    assert register.key_for(kind, name) == "declaration-allied-interaction-2022"


def test_matches_nothing_when_two_entries_fit_equally(register):
    assert register.key_for(AgreementKind.JOINT_STATEMENT, "Joint statement") is None


def test_matches_nothing_when_the_year_of_signing_differs(register):
    assert register.key_for(AgreementKind.DECLARATION, "Baku Declaration", year=2016) is None


def test_matches_nothing_when_a_third_country_signed(register):
    key = register.key_for(AgreementKind.DECLARATION, "Baku Declaration", parties=["Iran"])
    assert key is None


def test_matches_nothing_when_only_a_common_word_is_shared(register):
    assert (
        register.key_for(AgreementKind.AGREEMENT, "Agreement on cooperation in transport") is None
    )


def test_reads_rows_when_built_from_database_shaped_dicts():
    row = {
        "key": "x-2020",
        "kind": "memorandum",
        "name": "Memorandum on pensions",
        "name_ru": None,
        "name_az": "",
        "aliases": [],
        "signed_on": dt.date(2020, 1, 2),
        "signed_place": "Baku",
        "parties": "Azerbaijan, Russia",
    }
    register = Register.from_entries([row])
    assert register.key_for(AgreementKind.MEMORANDUM, "memorandum on pensions") == "x-2020"
    assert register.entry("x-2020").parties == ("Azerbaijan", "Russia")


def test_finds_the_stored_key_when_a_word_is_inflected_differently():
    existing = ["memorandum:education-higher", "protocol:customs"]
    assert closest_key("memorandum:educat-higher", existing) == "memorandum:education-higher"


def test_finds_no_stored_key_when_the_kinds_differ():
    assert closest_key("memorandum:customs", ["protocol:customs"]) is None


def test_finds_no_stored_key_when_only_some_words_are_shared():
    assert closest_key("memorandum:education-pension", ["memorandum:education-tourism"]) is None
