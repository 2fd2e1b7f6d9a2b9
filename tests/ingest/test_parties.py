"""parties.COUNTRY: its names grouped by first letter find what the plain alternation found;
the sides a document's sentence states."""

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.ingest.extract import extract_agreements
from articles.ingest.parse import parse
from articles.ingest.parties import _COUNTRIES, COUNTRY, _alternatives

# COUNTRY as it was written before its names were grouped by their first letter.
_ONE_ALTERNATION = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<c{index}>{pattern})" for index, (_, pattern) in enumerate(_COUNTRIES))
    + r")(?!\w)",
    re.I,
)
_FIRST_LETTERS = sorted({name[0] for _, pattern in _COUNTRIES for name in _alternatives(pattern)})
_NAMES = [
    name.replace("\\w*", "").replace("\\", "") for _, p in _COUNTRIES for name in p.split("|")
]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str]]:
    return [
        (match.span(), _COUNTRIES[int(match.lastgroup[1:].split("_")[0])][0])
        for match in pattern.finditer(text)
    ]


def test_no_letter_matches_two_first_letters_when_case_is_ignored():
    any_first = re.compile(f"[{''.join(_FIRST_LETTERS)}]", re.I)
    for code in range(sys.maxunicode + 1):
        letter = chr(code)
        if any_first.fullmatch(letter):
            matching = [first for first in _FIRST_LETTERS if re.fullmatch(first, letter, re.I)]
            assert len(matching) == 1, (hex(code), matching)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_NAMES).map(lambda name: name.upper() if len(name) % 3 else name),
            st.text(alphabet="aİıIiəÖöкКxz -,.", max_size=6),
        ),
        max_size=12,
    )
)
def test_finds_the_countries_the_plain_alternation_found_when_text_names_any(words):
    text = " ".join(words)
    assert _found(COUNTRY, text) == _found(_ONE_ALTERNATION, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The trilateral deal completes the Azerbaijani-Russian agreement on the delimitation "
        "of the Caspian seabed.",
        "Трехсторонний документ дополняет российско-азербайджанское соглашение о разграничении "
        "дна Каспийского моря.",
    ],
)
def test_a_hyphenated_pair_before_the_word_names_the_two_sides_in_a_trilaterals_story(sentence):
    article = parse(
        "Caspian talks\n\nAzerbaijan, Kazakhstan and Russia met in Almaty at a trilateral "
        f"meeting.\n\n{sentence}"
    )
    found = [m for m in extract_agreements(article) if "seabed" in m.name or "дна" in m.name]
    assert [m.parties for m in found] == [("Azerbaijan", "Russia")]


def test_documents_listed_in_one_sentence_share_the_sides_stated_for_the_first():
    article = parse(
        "Caspian summit\n\nThe leaders of the five Caspian states met in Astrakhan.\n\nThe "
        "documents are an agreement on cooperation in emergency situations in the Caspian Sea, "
        "an agreement on cooperation in hydrometeorology, and an agreement on fisheries."
    )
    sides = {m.parties for m in extract_agreements(article)}
    assert sides == {("Azerbaijan", "Russia", "Iran", "Kazakhstan", "Turkmenistan")}


def test_the_two_sides_a_name_states_stay_its_own_in_a_trilaterals_story():
    article = parse(
        "Каспий\n\nПрезиденты России, Казахстана и Азербайджана подписали трехстороннее "
        "соглашение о точке стыка.\n\nТрехстороннее соглашение дополняет соглашение между "
        "Россией и Азербайджаном о разграничении дна Каспийского моря."
    )
    found = [m for m in extract_agreements(article) if "разграничении" in m.name]
    assert [m.parties for m in found] == [("Azerbaijan", "Russia")]
