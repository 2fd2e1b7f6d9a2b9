"""How well the importer reads the real-world corpus (tests/ingest/realworld/).

Each case is a text file with its expected values beside it (the schema is in
realworld/README.md). `score(half)` runs the pure pipeline over one half and
counts, per language and field, what came out right; `test_extraction_quality`
holds the figures to floors and the command line prints them:

    .venv/bin/python -m tests.ingest.realworld_score dev            # the table
    .venv/bin/python -m tests.ingest.realworld_score dev --details  # and every miss

`--details` is refused on holdout/ only: it is the untouched half, reported as
figures and never read file by file while the importer is being tuned.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from articles.ingest.extract import load_gazetteer
from articles.ingest.pipeline import process, to_json_record

CORPUS = Path(__file__).resolve().parent / "realworld"
LANGUAGES = ("en", "ru", "az")


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    expected: dict


def cases(half: str) -> list[Case]:
    folder = CORPUS / half
    return [
        Case(path.stem, path.read_bytes(), json.loads(path.with_suffix(".json").read_text()))
        for path in sorted(folder.glob("*.txt"))
        if path.with_suffix(".json").exists()
    ]


def _register():
    """The curated register, once the importer has one (fixtures/agreements.json)."""
    try:
        from articles.ingest.register import load_register
    except ImportError:
        return None
    return load_register()


def predict(case: Case, gazetteer, register) -> dict:
    extras = {"register": register} if register is not None else {}
    return to_json_record(process(case.data, gazetteer=gazetteer, **extras))


# ---------------------------------------------------------------- per-field judgements


def _date_text(record: dict) -> str | None:
    published, precision = record.get("published"), record.get("date_precision")
    if not published or precision == "unknown":
        return None
    return {"day": published[:10], "month": published[:7], "year": published[:4]}[precision]


def judge_date(expected: str | None, predicted: str | None) -> str:
    """exact | coarser (true but less precise) | missed (left unknown) | invented."""
    if predicted == expected:
        return "exact"
    if predicted is None:
        return "missed"
    if expected is not None and expected.startswith(predicted):
        return "coarser"
    return "invented"


def _fold(text: str | None) -> str:
    return _letters(" ".join((text or "").split())).rstrip(".")


def _letters(text: str) -> str:
    """Casefolded, with Turkic i's made one letter: 'İQTİSADİ' folds to 'i̇qti̇sadi̇' (i and
    a combining dot) and 'QARŞILIQLI' to 'qarşiliqli', where a label writes 'iqtisadi' and
    'qarşılıqlı': a headline in capitals is no different headline."""
    return unicodedata.normalize("NFC", text).casefold().replace("\u0307", "").replace("ı", "i")


def judge_title(expected: str | None, record: dict) -> str:
    """right | derived-ok | wrong-headline (something else shown as the paper's) | missed."""
    derived = record.get("title_derived", False)
    if expected is None:
        return "derived-ok" if derived else "wrong-headline"
    if derived:
        return "missed"
    return "right" if _fold(record["title"]) == _fold(expected) else "wrong-headline"


def judge_source(expected: dict, predicted: str | None) -> str:
    """right | cited-as-publisher | wrong | missed | none-ok."""
    want = expected.get("source")
    credits = {_fold(name) for name in expected.get("credits", [])}
    if predicted is None:
        return "none-ok" if want is None else "missed"
    if want is not None and _fold(predicted) == _fold(want):
        return "right"
    return "cited-as-publisher" if _fold(predicted) in credits else "wrong"


def _matches(expected: dict, found: dict) -> bool:
    if expected["kind"] != found.get("kind"):
        return False
    if expected.get("register") and found.get("register"):
        return expected["register"] == found["register"]
    name = _fold(found.get("name"))
    return all(_letters(stem) in name for stem in expected.get("match", []))


def _is_bilateral(document: dict) -> bool:
    if "bilateral" in document:
        return bool(document["bilateral"])
    parties = set(document.get("parties") or ())
    return not parties or parties == {"Azerbaijan", "Russia"}


def pair_documents(expected: list[dict], found: list[dict]) -> list[tuple[dict, dict]]:
    """Expected and extracted documents paired one to one, in the text's order."""
    pairs, free = [], list(found)
    for want in expected:
        hit = next((doc for doc in free if _matches(want, doc)), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((want, hit))
    return pairs


# ---------------------------------------------------------------- the score


@dataclass
class Score:
    """Counters per language; `misses` names the cases behind each miss (dev only)."""

    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[str] = field(default_factory=list)

    def add(self, language: str, **counts: int) -> None:
        for scope in (language, "all"):
            self.counts[scope].update(counts)

    def ratio(self, scope: str, numerator: str, denominator: str) -> float | None:
        total = self.counts[scope][denominator]
        return self.counts[scope][numerator] / total if total else None


def score(half: str) -> Score:
    result = Score()
    gazetteer, register = load_gazetteer(), _register()
    for case in cases(half):
        try:
            record = predict(case, gazetteer, register)
        except ValueError as error:
            result.misses.append(f"{case.name}: refused: {error}")
            record = {}
        _score_case(result, case, record)
    return result


def _score_case(result: Score, case: Case, record: dict) -> None:
    want = case.expected
    language = want["language"]
    verdicts = {
        "title": judge_title(want.get("title"), record) if record else "missed",
        "date": judge_date(want.get("published"), _date_text(record)),
        "source": judge_source(want, record.get("source")),
    }
    result.add(
        language,
        files=1,
        language_right=int(record.get("language") == language),
        title_expected=int(want.get("title") is not None),
        source_expected=int(want.get("source") is not None),
    )
    for name, verdict in verdicts.items():
        result.add(language, **{f"{name}_{verdict}": 1})
    _score_credits(result, case.name, want, record)
    _score_documents(result, case.name, want, record)
    for name, verdict in verdicts.items():
        if verdict not in ("right", "exact", "derived-ok", "none-ok"):
            shown = {"title": record.get("title"), "date": _date_text(record)}.get(name)
            shown = record.get("source") if name == "source" else shown
            result.misses.append(f"{case.name}: {name} {verdict}: got {shown!r}")


def _score_credits(result: Score, name: str, want: dict, record: dict) -> None:
    language = want["language"]
    expected = {_fold(credit) for credit in want.get("credits", [])}
    found = {_fold(credit) for credit in record.get("credits", [])}
    result.add(
        language,
        credits_expected=len(expected),
        credits_found=len(found),
        credits_right=len(expected & found),
    )
    for credit in sorted(expected - found):
        result.misses.append(f"{name}: missed credit {credit!r}")
    for credit in sorted(found - expected):
        result.misses.append(f"{name}: extra credit {credit!r}")


def _score_documents(result: Score, name: str, want: dict, record: dict) -> None:
    language = want["language"]
    expected = [doc for doc in want.get("documents", []) if _is_bilateral(doc)]
    found = [doc for doc in record.get("agreements", []) if _is_bilateral(doc)]
    pairs = pair_documents(expected, found)
    registered = [doc for doc in expected if doc.get("register")]
    result.add(
        language,
        documents_expected=len(expected),
        documents_found=len(found),
        documents_right=len(pairs),
        register_expected=len(registered),
        register_right=sum(
            1 for w, f in pairs if w.get("register") and w["register"] == f.get("register")
        ),
        signed_on_expected=sum(1 for w, _ in pairs if w.get("signed_on")),
        signed_on_right=sum(
            1 for w, f in pairs if w.get("signed_on") and w["signed_on"] == f.get("signed_on")
        ),
        counts_expected=int(want.get("documents_signed") is not None),
        counts_right=int(
            want.get("documents_signed") is not None
            and want.get("documents_signed") == record.get("documents_signed")
        ),
    )
    third = [doc for doc in want.get("documents", []) if not _is_bilateral(doc)]
    # A document found and paired with a bilateral one above is that one, not a leak.
    unpaired = [doc for doc in found if not any(doc is hit for _, hit in pairs)]
    leaked = pair_documents(third, unpaired)
    result.add(language, third_country_expected=len(third), third_country_as_bilateral=len(leaked))
    for want_doc, doc in leaked:
        parties = "-".join(want_doc.get("parties") or ())
        result.misses.append(f"{name}: {parties} document as bilateral: {doc.get('name')!r}")
    for want_doc, doc in pairs:
        if want_doc.get("register") and want_doc["register"] != doc.get("register"):
            result.misses.append(
                f"{name}: register of {doc.get('name')!r}: "
                f"want {want_doc['register']}, got {doc.get('register')}"
            )
        if want_doc.get("signed_on") and want_doc["signed_on"] != doc.get("signed_on"):
            result.misses.append(
                f"{name}: signing date of {doc.get('name')!r}: "
                f"want {want_doc['signed_on']}, got {doc.get('signed_on')}"
            )
    paired_found = [doc for _, doc in pairs]
    paired_expected = [doc for doc, _ in pairs]
    for doc in found:
        if doc not in paired_found:
            result.misses.append(f"{name}: extra document {doc.get('kind')}: {doc.get('name')!r}")
    for doc in expected:
        if doc not in paired_expected:
            result.misses.append(f"{name}: missed document {doc['kind']} {doc.get('match')}")


# ---------------------------------------------------------------- the table

ROWS = (
    ("headlines right", "title_right", "title_expected"),
    ("dates exact", "date_exact", "files"),
    ("publishers right", "source_right", "source_expected"),
    ("credits recall", "credits_right", "credits_expected"),
    ("credits precision", "credits_right", "credits_found"),
    ("language right", "language_right", "files"),
    ("documents recall", "documents_right", "documents_expected"),
    ("documents precision", "documents_right", "documents_found"),
    ("register mapped", "register_right", "register_expected"),
    ("signing dates right", "signed_on_right", "signed_on_expected"),
    ("signed counts right", "counts_right", "counts_expected"),
)
ZEROS = (
    ("chrome or wrong headlines", "title_wrong-headline"),
    ("invented dates", "date_invented"),
    ("cited agencies as publisher", "source_cited-as-publisher"),
    ("third-country documents as bilateral", "third_country_as_bilateral"),
)


def table(result: Score) -> str:
    scopes = [scope for scope in (*LANGUAGES, "all") if result.counts[scope]["files"]]
    lines = [f"{'':40}" + "".join(f"{scope:>16}" for scope in scopes)]
    for label, numerator, denominator in ROWS:
        cells = []
        for scope in scopes:
            counts = result.counts[scope]
            total = counts[denominator]
            cells.append(
                f"{counts[numerator]}/{total} {counts[numerator] / total:.0%}" if total else "-"
            )
        lines.append(f"{label:40}" + "".join(f"{cell:>16}" for cell in cells))
    for label, name in ZEROS:
        lines.append(f"{label:40}" + "".join(f"{result.counts[s][name]:>16}" for s in scopes))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    half = argv[0] if argv else "dev"
    result = score(half)
    print(f"{half}: {result.counts['all']['files']} files")
    if not result.counts["all"]["files"]:
        print(f"nothing to score: {CORPUS / half} holds no case (NAME.txt with NAME.json)")
        return 0
    print(table(result))
    if "--details" in argv:
        if half == "holdout":
            print("--details never shows holdout/: it stays unread", file=sys.stderr)
            return 2
        print("\n".join(result.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
