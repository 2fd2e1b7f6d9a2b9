"""detect_language: ISO 639-1 codes for the archive's languages."""

import re

from hypothesis import given
from hypothesis import strategies as st

from articles.ingest.language import _CYRILLIC, _Q_OR_X_WORD, detect_language


def test_detects_english_when_text_is_a_short_english_sentence():
    assert detect_language("The presidents met in Sochi.") == "en"


def test_detects_english_when_text_is_long():
    text = "Azerbaijan and Russia have signed a number of documents as part of the meeting. " * 50
    assert detect_language(text) == "en"


def test_detects_russian_when_text_is_cyrillic():
    assert detect_language("Россия и Азербайджан обсудили сотрудничество в энергетике.") == "ru"


def test_detects_azerbaijani_when_text_has_schwa():
    assert detect_language("Bakıda memorandum imzalanıb, nazirlər qeyd edib.") == "az"


def test_detects_azerbaijani_when_text_is_long():
    text = "Azərbaycan ilə Rusiya arasında kənd təsərrüfatı sahəsində əməkdaşlıq. " * 20
    assert detect_language(text) == "az"


def test_detects_turkish_when_latin_text_has_dotless_i_but_no_schwa():
    assert detect_language("Türkiye ile Rusya arasında bir anlaşma imzalandı.") == "tr"


def test_detects_ukrainian_when_text_has_ukrainian_letters():
    assert detect_language("Україна та Азербайджан підписали угоду про співпрацю.") == "uk"


def test_falls_back_to_english_when_latin_text_gives_no_signal():
    assert detect_language("SOCAR KAMAZ GAZ") == "en"


def test_returns_a_two_letter_code_when_text_has_no_letters():
    assert detect_language("2021 — 15 %") == "en"


def test_detects_english_when_an_azerbaijani_word_passes_by():
    text = "The delegation visited the Milli Məclis and met the speaker of the parliament in Baku."
    assert detect_language(text) == "en"


# The patterns as they were before they were made linear: the counts must not change.
_ONE_Q_OR_X_WORD_AT_A_TIME = re.compile(r"[^\W\d_]*[qQxX][^\W\d_]*")
_ONE_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LETTERS = st.text(alphabet=st.sampled_from("aqxQXbİıəƏçşğüöЁёжЖ019_ -.,\u0307"), max_size=80)


@given(_LETTERS)
def test_counts_words_with_q_or_x_as_the_quadratic_pattern_did_when_text_is_any(text):
    assert len(_Q_OR_X_WORD.findall(text)) == len(_ONE_Q_OR_X_WORD_AT_A_TIME.findall(text))


@given(_LETTERS)
def test_counts_cyrillic_letters_by_runs_as_one_by_one_when_text_is_any(text):
    assert sum(map(len, _CYRILLIC.findall(text))) == len(_ONE_CYRILLIC_LETTER.findall(text))
