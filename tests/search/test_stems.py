"""stems.py: SQLite's index is stemmed in Python exactly as PostgreSQL stems
in the database, word for word, so both engines find the same articles."""

from pathlib import Path

import pytest
from django.db import connection

from articles.search.stems import CONFIGS, WORD, config_for, stem, stemmed_text

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
SAMPLES = "Azərbaycanın ölkələri İlham Əliyev Ильхама Алиева образования cooperation 2022 S400"


def seed_words() -> list[str]:
    words = {
        w for path in SEEDS.iterdir() for w in WORD.findall(path.read_text("utf-8", "replace"))
    }
    return sorted(words | set(SAMPLES.split()))


def test_every_word_keeps_its_place_when_stemmed():
    text = "Министерство образования, science; 2022 год — Əliyevin"
    assert len(stemmed_text("ru", text).split()) == len(WORD.findall(text))


def test_russian_stems_latin_words_as_english_when_configured():
    assert stem("agreements", "russian") == stem("agreements", "english") == "agreement"


def test_azerbaijani_reads_schwa_as_e_when_stemmed():
    assert stem("ölkələr", config_for("az")) == stem("ölkeler", "turkish")


def test_a_language_without_a_stemmer_keeps_its_words_when_stemmed():
    assert stemmed_text("de", "Verträge Unterzeichnet") == "verträge unterzeichnet"


@pytest.mark.usefixtures("postgres_only")
@pytest.mark.parametrize("language", [*CONFIGS, "de"])
def test_python_stems_as_postgres_does_when_the_seed_words_are_stemmed(language):
    """Stop words aside: PostgreSQL drops them, SQLite's index keeps them."""
    words = seed_words()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, ARRAY(SELECT lexeme FROM unnest(to_tsvector(articles_search_config(%s), "
            "articles_search_text(%s, w)))) FROM unnest(%s::text[]) w",
            [language, language, words],
        )
        stemmed_by_postgres = dict(cursor.fetchall())
    config = config_for(language)
    differing = {
        word: (stem(word, config), lexemes)
        for word, lexemes in stemmed_by_postgres.items()
        if lexemes and stem(word, config) not in lexemes
    }
    assert differing == {}
