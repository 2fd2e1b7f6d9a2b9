"""The extract stage's shortcuts never change an answer, only skip work whose answer is known.

Extraction asks the register only when it may answer (`Register.may_name`,
`may_name_signed_in`, `years_naming`) and reads a signing date only when its
year may matter (`signing.may_give_year`). Each shortcut must say "no" only
where the full work would have found nothing.
"""

import datetime as dt
import json
import random

import pytest

from articles.ingest.document import AgreementKind, Precision, PublishedDate
from articles.ingest.kinds import document_words
from articles.ingest.register import REGISTER_PATH, Register
from articles.ingest.signing import may_give_year, signing_date

SEED = 20261127
# The register grew (fourteen entries, long Gabala names): more asks keep over a hundred hits.
ASKS = 6_000
# Words and short stems that begin a register word or that one begins, and words it lacks.
STRANGERS = ("Baku", "Moscow", "çay", "çayı", "çayının", "dost", "dostluq", "soyuz", "frie", "xyz")


def _raw_entries() -> list[dict]:
    return json.loads(REGISTER_PATH.read_text(encoding="utf-8"))["entries"]


def _grown_register(rng: random.Random) -> Register:
    """The fixture register and sixty look-alike entries: shuffled name words, other years."""
    raw = _raw_entries()
    grown = list(raw)
    for number in range(60):
        entry = dict(rng.choice(raw))
        words = f"{entry['name']} {entry.get('name_ru') or ''}".split()
        rng.shuffle(words)
        grown.append(
            entry
            | {
                "key": f"look-alike-{number}",
                "name": " ".join(words[: rng.randint(1, 6)]),
                "aliases": [],
                "signed_on": rng.choice([None, "2001-01-09", "2022-02-22", "1997-07-03"]),
            }
        )
    return Register.from_entries(grown)


def _names(rng: random.Random, entries: list[dict]) -> list[str]:
    """Mentions cut from the register's own names, whole words and stems, and strangers."""
    vocabulary = [
        word
        for entry in entries
        for name in (entry["name"], entry.get("name_ru") or "", *(entry.get("aliases") or ()))
        for word in name.split()
    ] + [*STRANGERS]
    return [
        " ".join(
            rng.choice(vocabulary)[: rng.choice((3, 4, 5, 40))] for _ in range(rng.randint(0, 5))
        )
        for _ in range(ASKS)
    ]


@pytest.mark.parametrize("grown", [False, True], ids=["fixture register", "grown register"])
def test_register_finds_nothing_when_a_shortcut_says_it_cannot(grown):
    rng = random.Random(SEED)
    register = _grown_register(rng) if grown else Register.from_entries(_raw_entries())
    kinds = list(AgreementKind)
    found = 0
    for name in _names(rng, _raw_entries()):
        kind = rng.choice(kinds)
        year = rng.choice((None, None, 1997, 2001, 2010, 2022, 2019))
        parties = rng.choice(((), ("Azerbaijan", "Russia"), ("Iran",)))
        key = register.key_for(kind, name, year=year, parties=parties)
        if key is None:
            continue
        found += 1
        years = register.years_naming(name)
        assert register.may_name(name), name
        assert register.may_name_signed_in(name, year), (name, year)
        assert years is None or year in years, (name, year)
    assert found > 100  # the asks reach the register, or the test proves nothing


ARTICLE_DAY = PublishedDate(dt.date(2022, 1, 2), Precision.DAY)


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed on 22.02.2022 in Moscow.",
        "The treaty was signed on 2022-02-22 in Moscow.",
        "On February 22, 2022 the presidents signed the treaty.",
        "Договор подписали 22 февраля 2022 года в Москве.",
        "2022-ci il fevralın 22-də müqavilə imzalanıb.",
        "The treaty was signed on 1 January in Baku.",
        "The presidents signed the treaty today.",
        "The presidents signed the treaty on Friday.",
        "Президенты подписали договор в пятницу.",
    ],
)
def test_year_of_signing_is_within_reach_when_the_text_gives_a_date(sentence):
    window, _ = next(document_words(sentence))
    signed_on, _ = signing_date(window, ARTICLE_DAY, is_signed=True)
    assert signed_on is not None
    assert may_give_year(window, ARTICLE_DAY, frozenset({signed_on.year}))


def test_year_of_signing_is_out_of_reach_when_no_date_or_year_is_near():
    window, _ = next(document_words("The presidents discussed the treaty at length."))
    assert not may_give_year(window, ARTICLE_DAY, frozenset({1997, 2010}))
