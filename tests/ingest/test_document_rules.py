"""Document rules drawn from how the three languages name and sign documents.

Azerbaijani names a document before its word, so where its name starts is the
question: after a clause's circumstances ('İclasın yekununda'), at an opening
quote, before another document joined by 'və', past a plural subject; a
parenthesised acronym and an adjective that looks like a verb end nothing. A
column's hard-wrapped lines stay one paragraph. Counted sides ('three
countries') keep a document off the bilateral lists.
"""

import pytest

from articles.ingest.document import AgreementKind
from articles.ingest.extract import extract_agreements
from articles.ingest.kinds import document_words
from articles.ingest.names import candidate_at
from articles.ingest.parse import parse


def az_candidate(sentence: str, word: str):
    window, kind = next((w, k) for w, k in document_words(sentence) if w.word == word)
    return candidate_at(window, kind, "az")


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        (
            "İclasın yekununda tərəflər Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
            "iqtisadi əməkdaşlıq proqramı və iclasın protokolu imzalanıb.",
            "proqramı",
            "Azərbaycan Respublikası ilə Rusiya Federasiyası arasında iqtisadi əməkdaşlıq proqramı",
        ),
        (
            "İclasın yekununda tərəflər Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
            "iqtisadi əməkdaşlıq proqramı və iclasın protokolu imzalanıb.",
            "protokolu",
            "Iclasın protokolu",
        ),
        (
            'Kreml "Azərbaycan ilə Türkiyə arasında Müttəfiqlik münasibətləri haqqında Şuşa '
            'Bəyannaməsi"nin mətnini öyrənir.',
            "Bəyannaməsi",
            "Azərbaycan ilə Türkiyə arasında Müttəfiqlik münasibətləri haqqında Şuşa Bəyannaməsi",
        ),
        (
            "Tərəflər həmçinin Təşviqi Agentliyi (AZPROMO) ilə Rusiya İxrac Mərkəzi arasında "
            "anlaşma memorandumunu imzalayıblar.",
            "memorandumunu",
            "Təşviqi Agentliyi (AZPROMO) ilə Rusiya İxrac Mərkəzi arasında anlaşma memorandumunu",
        ),
    ],
)
def test_an_azerbaijani_name_starts_where_its_noun_phrase_does(sentence, word, name):
    assert az_candidate(sentence, word).name == name


def test_a_quoted_organisation_stays_in_the_name_when_the_document_itself_is_not_quoted():
    sentence = (
        "“Azərbaycan Dəmir Yolları” QSC ilə “Rusiya Dəmir Yolları” ASC arasında yükdaşımalara "
        "dair Yol xəritəsini imzalayıblar."
    )
    assert az_candidate(sentence, "Yol xəritəsini").name.startswith("Azərbaycan Dəmir Yolları”")


def test_keeps_one_sentence_when_a_column_wraps_it_before_a_capitalised_word():
    text = (
        "Treaty news\n\n"
        "Sənəd 1997-ci ildə imzalanmış Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında\n"
        "Müqavilədən sonra ikitərəfli münasibətlərin hüquqi bazasında ən mühüm addımdır.\n"
    )
    article = parse(text)
    (treaty,) = extract_agreements(article)
    assert treaty.kind is AgreementKind.TREATY
    assert "təhlükəsizlik" in treaty.name


def test_a_document_of_three_countries_is_not_bilateral_when_the_text_counts_its_sides():
    article = parse(
        "Customs news\n\nGörüşün yekununda üç ölkənin gömrük orqanları arasında tranzit yükləri "
        "barədə məlumat mübadiləsinə dair Anlaşma Memorandumu imzalanıb. Azərbaycan, Rusiya və "
        "İran nümayəndələri iştirak edib."
    )
    (memorandum,) = extract_agreements(article)
    assert set(memorandum.parties) == {"Azerbaijan", "Russia", "Iran"}
    assert memorandum.is_bilateral is False
