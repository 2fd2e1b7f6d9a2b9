"""Time agreement extraction on a pathological sentence (issue 13 item 2).

    .venv/bin/python -m bench.extract

One "sentence" repeating "memorandum of cooperation in the field of " (the
case that took 28 s at 63 KB when extraction was quadratic), and one of the
same size whose every repetition differs, so no window is read twice. The
figures go in bench/RESULTS.md.
"""

from __future__ import annotations

import random
import string
import time

from articles.ingest.document import ParsedArticle
from articles.ingest.extract import count_documents_signed, extract_agreements
from articles.ingest.register import load_register

PHRASE = "memorandum of cooperation in the field of "
SIZES = (63_000, 210_000, 1_000_000)


def repeated(size: int) -> str:
    return (PHRASE * (size // len(PHRASE) + 1))[:size]


def varied(size: int) -> str:
    rng = random.Random(13)
    parts, length = [], 0
    while length < size:
        part = PHRASE + "".join(rng.choices(string.ascii_lowercase, k=7)) + " "
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


def seconds(body: str) -> float:
    article = ParsedArticle(title="", title_derived=True, body=body)
    register = load_register()
    started = time.perf_counter()
    extract_agreements(article, register)
    count_documents_signed(article)
    return time.perf_counter() - started


def main() -> None:
    for label, make in (("repeated", repeated), ("varied", varied)):
        for size in SIZES:
            print(f"{label:9} {size:>9,} chars  {min(seconds(make(size)) for _ in range(3)):.3f} s")


if __name__ == "__main__":
    main()
