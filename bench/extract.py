"""Time the importer's pure stages: a pathological sentence, and the cost of one file.

    .venv/bin/python -m bench.extract                      # a pathological sentence (issue 13)
    .venv/bin/python -m bench.extract files DIR[+DIR] ... # process() per file: mean, p95

The first mode times agreement extraction on one "sentence" repeating
"memorandum of cooperation in the field of " (the case that took 28 s at
63 KB when extraction was quadratic), and one of the same size whose every
repetition differs, so no window is read twice.

The second times `pipeline.process` (decode, parse, extract) on every *.txt
file of each folder, with the register and gazetteer an import run uses, and
splits off the extraction's share (parsing is the parse engineer's). A folder
named `bench` stands for the first 300 articles of bench/generate.py's corpus.
The hostile files come from /work/shared/checks/lib/make_hostile_texts.py
(`python3 make_hostile_texts.py /tmp/hostile 500 7`). The figures go in
bench/RESULTS.md.
"""

from __future__ import annotations

import contextlib
import functools
import random
import statistics
import string
import sys
import time
from collections.abc import Callable
from pathlib import Path

from articles.ingest.document import ParsedArticle
from articles.ingest.extract import (
    Gazetteer,
    count_documents_signed,
    extract_agreements,
    extract_tags,
    load_gazetteer,
)
from articles.ingest.parse import NoArticleText, parse
from articles.ingest.pipeline import process
from articles.ingest.read import UnreadableFile, decode
from articles.ingest.register import Register, load_register, stems

PHRASE = "memorandum of cooperation in the field of "
SIZES = (63_000, 210_000, 1_000_000)
BENCH_ARTICLES = 300


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


def pathological() -> None:
    for label, make in (("repeated", repeated), ("varied", varied)):
        for size in SIZES:
            print(f"{label:9} {size:>9,} chars  {min(seconds(make(size)) for _ in range(3)):.3f} s")


# ---------------------------------------------------------------- per-file cost


def folder_files(folders: str) -> list[bytes]:
    """The files of one folder, or of several joined with '+' and timed as one set."""
    files = []
    for folder in folders.split("+"):
        if folder == "bench":
            from bench import corpus

            files += [corpus.article(number).original for number in range(BENCH_ARTICLES)]
        else:
            files += [path.read_bytes() for path in sorted(Path(folder).glob("*.txt"))]
    return files


def timed(run: Callable[[bytes], object], files: list[bytes]) -> list[float]:
    """Seconds per file; a file the importer refuses still counts."""
    times = []
    for data in files:
        started = time.perf_counter()
        _attempt(run, data)
        times.append(time.perf_counter() - started)
    return times


def _attempt(run: Callable[[bytes], object], data: bytes) -> None:
    # An unreadable or empty file is refused; its cost is that of finding out.
    with contextlib.suppress(UnreadableFile, NoArticleText):
        run(data)


def extraction_only(
    files: list[bytes], gazetteer: Gazetteer, register: Register
) -> Callable[[bytes], object]:
    """What `process` does after parsing, for files parsed here, outside any timing."""
    parsed: dict[bytes, ParsedArticle] = {}
    for data in files:
        try:
            parsed[data] = parse(decode(data).text)
        except (UnreadableFile, NoArticleText):
            continue

    def run(data: bytes) -> None:
        article = parsed.get(data)
        if article is not None:
            extract_agreements(article, register)
            extract_tags(article, gazetteer)
            count_documents_signed(article)

    return run


def summary(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return (
        f"{label:28} {len(times):4} files  mean {statistics.mean(times) * 1000:6.2f} ms  "
        f"p95 {p95 * 1000:6.2f} ms  max {ordered[-1] * 1000:6.1f} ms"
    )


def per_file(folders: list[str]) -> None:
    gazetteer = load_gazetteer()
    for folder in folders:
        files = folder_files(folder)
        # One untimed pass compiles what is compiled on first use (the re module's cache,
        # lazily built patterns); then each timing starts as an import run does, with no
        # register lookups or stems remembered.
        timed(functools.partial(process, gazetteer=gazetteer, register=_fresh_register()), files)
        register = _fresh_register()
        whole = timed(functools.partial(process, gazetteer=gazetteer, register=register), files)
        print(summary(f"{folder} process()", whole))
        extraction = extraction_only(files, gazetteer, _fresh_register())
        print(summary(f"{folder} extraction", timed(extraction, files)))


def _fresh_register() -> Register:
    """The register as an import run starts with it: no lookups or stems remembered."""
    stems.cache_clear()
    return load_register()


def main() -> None:
    if sys.argv[1:2] == ["files"]:
        per_file(sys.argv[2:])
    else:
        pathological()


if __name__ == "__main__":
    main()
