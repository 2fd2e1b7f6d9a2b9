"""Azerbaijani word forms: which stemming finds them, measured.

Thirty sentences of our own in Azerbaijani and 26 query words, each labelled
by hand with the sentences that hold one of its forms (inflections, not
derivations: hökumətlərarası is not a form of hökumət). A stemming finds a
sentence for a word when the word's stem is one of the sentence's stems.
Precision and recall over every (word, sentence) pair, for: no stemming
(PostgreSQL's simple configuration), Snowball's Turkish stemmer as it is,
the Turkish stemmer reading ə as e (articles.search.stems), and a small
suffix list of our own.

    python bench/word_forms.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import Stemmer  # noqa: E402

from articles.search.stems import WORD, lower, stem  # noqa: E402

SENTENCES = """\
Azərbaycan və Rusiya prezidentləri Moskvada görüşüblər.
Prezident İlham Əliyev Rusiya Prezidenti Vladimir Putinlə telefonla danışıb.
Azərbaycanın xarici işlər naziri Ceyhun Bayramov Moskvaya səfər edib.
Ölkələr arasında ticarət dövriyyəsi artıb.
İki ölkənin hökumətləri iqtisadi əməkdaşlıq haqqında saziş imzalayıblar.
Əməkdaşlığın yeni istiqamətləri müzakirə olunub.
Sazişin mətni parlamentə təqdim edilib.
Nazirlər Bakıda hökumətlərarası komissiyanın iclasında iştirak ediblər.
Komissiya nəqliyyat dəhlizi layihəsini bəyənib.
Şimal-Cənub nəqliyyat dəhlizinin tikintisi davam edir.
Rusiyanın enerji şirkətləri Azərbaycanda yeni layihələrə investisiya qoyur.
Enerji sahəsində əməkdaşlıq üzrə memorandum imzalanıb.
Prezidentin mətbuat xidməti bəyanat yayıb.
Bəyanatda iki dövlət arasında müttəfiqlik qarşılıqlı fəaliyyəti vurğulanır.
Dövlətlərin başçıları regional təhlükəsizlik məsələlərini müzakirə ediblər.
Təhlükəsizlik şurasının iclası keçirilib.
Bakı ilə Moskva arasında reyslərin sayı artırılıb.
Moskvadan gələn nümayəndə heyəti Bakıya çatıb.
Heyətin tərkibində nazir müavinləri var.
Humanitar sahədə təhsil proqramları genişlənir.
Təhsilin keyfiyyəti barədə konfrans keçirilib.
Universitetlər tələbə mübadiləsinə dair sənəd imzalayıblar.
Sənədlərin layihəsi hazırlanır.
Ticarətin həcmi ötən il rekord göstərici olub.
Qaz ixracı üzrə müqavilə bağlanıb.
Müqavilənin şərtləri açıqlanmayıb.
Xəzər dənizinin statusu haqqında konvensiya qüvvəyə minib.
Dənizdə birgə təlimlər keçirilir.
Ordunun hərbi təlimləri ilə bağlı məlumat verilib.
Qarabağda sülhməramlıların missiyası başa çatıb.""".splitlines()

# Query word -> the sentences (numbered from 1) holding one of its forms.
EXPECTED = {
    "prezident": {1, 2, 13}, "ölkə": {4, 5}, "əməkdaşlıq": {5, 6, 12}, "saziş": {5, 7},
    "hökumət": {5}, "komissiya": {8, 9}, "dəhliz": {9, 10}, "layihə": {9, 11, 23},
    "enerji": {11, 12}, "bəyanat": {13, 14}, "dövlət": {14, 15}, "təhlükəsizlik": {15, 16},
    "Moskva": {1, 3, 17, 18}, "Bakı": {8, 17, 18}, "nazir": {3, 8, 19}, "təhsil": {20, 21},
    "sənəd": {22, 23}, "müqavilə": {25, 26}, "dəniz": {27, 28}, "təlim": {28, 29},
    "Rusiya": {1, 2, 11}, "Azərbaycan": {1, 3, 11}, "il": {24}, "heyət": {18, 19},
    "ticarət": {4, 24}, "sahə": {12, 20},
}  # fmt: skip

# Case, plural and possessive endings, longest first; a stem keeps 3 letters.
OWN_SUFFIXES = sorted(
    [
        "lar",
        "lər",
        "dan",
        "dən",
        "da",
        "də",
        "ın",
        "in",
        "un",
        "ün",
        "nın",
        "nin",
        "nun",
        "nün",
        "ı",
        "i",
        "u",
        "ü",
        "ya",
        "yə",
        "a",
        "ə",
        "na",
        "nə",
        "sı",
        "si",
        "su",
        "sü",
        "sını",
        "sini",
        "sında",
        "sində",
        "sından",
        "sindən",
        "ları",
        "ləri",
        "larının",
        "lərinin",
        "larda",
        "lərdə",
        "lardan",
        "lərdən",
        "lara",
        "lərə",
        "nı",
        "ni",
        "ını",
        "ini",
        "ına",
        "inə",
        "ında",
        "ində",
        "ından",
        "indən",
        "ımız",
        "imiz",
        "ınız",
        "iniz",
        "dır",
        "dir",
    ],
    key=len,
    reverse=True,
)


def own_suffixes(word: str) -> str:
    word = lower(word)
    for suffix in OWN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def turkish_as_is(word: str) -> str:
    return Stemmer.Stemmer("turkish").stemWord(lower(word))


STEMMINGS: dict[str, Callable[[str], str]] = {
    "none (simple)": lower,
    "Snowball Turkish": turkish_as_is,
    "Snowball Turkish, ə read as e (chosen)": lambda word: stem(word, "turkish"),
    "own suffix list": own_suffixes,
}


def measure(stemming: Callable[[str], str]) -> tuple[float, float, list[str]]:
    """Precision, recall, and the words whose sentences came out wrong."""
    right = wrong = missed = 0
    misses = []
    sentence_stems = [{stemming(word) for word in WORD.findall(line)} for line in SENTENCES]
    for query, expected in EXPECTED.items():
        found = {n for n, stems in enumerate(sentence_stems, 1) if stemming(query) in stems}
        right, wrong, missed = (
            right + len(found & expected),
            wrong + len(found - expected),
            missed + len(expected - found),
        )
        if found != expected:
            misses.append(f"{query} (+{sorted(found - expected)} -{sorted(expected - found)})")
    return right / (right + wrong), right / (right + missed), misses


def main() -> None:
    print(f"{len(EXPECTED)} query words, {len(SENTENCES)} sentences\n")
    print("| stemming | precision | recall | F1 |\n|---|---|---|---|")
    for name, stemming in STEMMINGS.items():
        precision, recall, _ = measure(stemming)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"| {name} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")
    print()
    for name, stemming in STEMMINGS.items():
        print(f"{name}: {'; '.join(measure(stemming)[2])}")


if __name__ == "__main__":
    main()
