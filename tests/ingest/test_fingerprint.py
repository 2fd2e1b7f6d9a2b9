"""Fingerprints of clean bodies (articles.ingest.fingerprint): what a copy keeps and may change."""

from __future__ import annotations

import os
import subprocess
import sys

from articles.ingest import fingerprint as fp

WIRE = (
    "Azerbaijan's Food Safety Agency and Russia's Federal Service for Veterinary and "
    "Phytosanitary Surveillance signed a memorandum of understanding on cooperation in "
    "veterinary medicine in Baku on Thursday, the agency said.\n\n"
    "The document provides for the exchange of laboratory data, joint inspections of "
    "exporters and mutual recognition of veterinary certificates for livestock and "
    "poultry products.\n\n"
    "The sides also agreed to hold a joint working group meeting in Moscow in the autumn "
    "to review the first results of the memorandum."
)
OTHER = (
    "A working group on agriculture of the Azerbaijan-Russia Intergovernmental Commission "
    "met in Moscow to discuss grain and fertiliser supplies for the coming season, the "
    "Ministry of Agriculture said.\n\nThe sides reviewed rail capacity on the North-South "
    "corridor and the schedule of wheat deliveries to Baku."
)


def similarity(a: str, b: str) -> float:
    return fp.fingerprint(a).similarity(fp.fingerprint(b))


def test_same_text_is_wholly_similar_and_shares_every_band_key():
    mine, theirs = fp.fingerprint(WIRE), fp.fingerprint(WIRE)

    assert mine.similarity(theirs) == 1.0
    assert mine.band_keys() == theirs.band_keys()
    assert len(set(mine.band_keys())) == fp.BANDS


def test_bylines_credits_and_follow_us_lines_change_nothing_when_a_copy_adds_them():
    reprint = (
        f"By Leyla Hasanova\n\nToday.az reports, citing Azernews.\n\n{WIRE}\n\n"
        "Follow us on Twitter @AzerNewsAz"
    )

    assert similarity(WIRE, reprint) == 1.0


def test_a_long_paragraph_starting_like_a_byline_is_kept_when_it_is_text():
    opening = (
        "By the end of the year the two agencies will have inspected every exporter "
        "of poultry to Russia and published the results."
    )

    assert fp.normalised_words(opening)[:4] == ["by", "the", "end", "of"]


def test_case_is_folded_when_words_are_compared():
    assert similarity(WIRE, WIRE.upper()) == 1.0


def test_a_lightly_edited_copy_stays_above_the_copy_threshold():
    edited = WIRE.replace("signed", "have signed").replace("in the autumn", "in autumn")

    assert similarity(WIRE, edited) >= 0.6


def test_unrelated_texts_on_the_same_subject_share_almost_nothing():
    assert similarity(WIRE, OTHER) < 0.1


def test_a_reprint_cut_short_is_contained_in_the_whole():
    cut = WIRE.rsplit("\n\n", 1)[0]
    whole, part = fp.fingerprint(WIRE), fp.fingerprint(cut)

    assert part.similarity(whole) < 0.9
    assert part.containment(whole) >= 0.85


def test_a_body_without_words_has_no_fingerprint():
    assert fp.fingerprint("") is None
    assert fp.fingerprint("— … —") is None


def test_a_text_shorter_than_a_shingle_is_one_shingle():
    assert fp.fingerprint("Two words").shingle_count == 1
    assert fp.fingerprint("Two words").similarity(fp.fingerprint("two WORDS")) == 1.0


def test_shingles_differ_when_the_same_words_stand_in_another_order():
    assert len(fp.shingle_hashes(["a", "b", "c", "b", "a"])) == 3


def test_signature_survives_its_bytes_when_stored():
    mine = fp.fingerprint(WIRE)

    restored = fp.Fingerprint.from_bytes(mine.to_bytes(), mine.shingle_count)

    assert restored == mine


def test_band_keys_are_the_same_in_another_process_when_hashing_is_salted():
    code = (
        "from articles.ingest.fingerprint import fingerprint;"
        "import sys; print(fingerprint(sys.stdin.read()).band_keys())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=WIRE,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )

    assert result.stdout.strip() == str(fp.fingerprint(WIRE).band_keys())


def test_cyrillic_and_azerbaijani_words_are_shingled_when_folded():
    russian = "Стороны подписали меморандум о сотрудничестве в области ветеринарии в Баку."
    azerbaijani = "TƏRƏFLƏR Bakıda baytarlıq sahəsində əməkdaşlıq haqqında memorandum imzalayıblar."

    assert similarity(russian, russian.upper()) == 1.0
    assert similarity(azerbaijani, azerbaijani.lower()) == 1.0


def test_a_name_has_one_skeleton_when_spelled_in_three_scripts():
    spellings = [("Mustafayev", "en"), ("Мустафаева", "ru"), ("Mustafayev", "az")]
    spellings += [("Jabbarov", "en"), ("Джаббаров", "ru"), ("Cabbarov", "az")]

    skeletons = {fp.name_skeleton(word, language) for word, language in spellings}

    assert skeletons == {"mstf", "jbrv"}


def test_figures_are_keys_whatever_the_languages_decimal_and_thousands_marks():
    english = fp.event_keys("Trade reached 4.3 billion dollars and 1,000 trucks.", "en")
    russian = fp.event_keys("Товарооборот достиг 4,3 млрд долларов, 1000 грузовиков.", "ru")

    assert {"figure:4.3", "figure:1000"} <= english & russian


def test_years_day_numbers_and_names_every_article_holds_are_no_keys():
    keys = fp.event_keys("President Ilham Aliyev arrived in Moscow on March 14, 2024.", "en")

    assert keys == {f"name:{fp.name_skeleton('Ilham', 'en')}"}


def test_an_article_holds_fewer_event_keys_than_band_keys():
    # Migration 0020 told the two apart by this, counting an article's stored keys.
    assert fp.MAX_NAME_KEYS + fp.MAX_FIGURE_KEYS < fp.BANDS
