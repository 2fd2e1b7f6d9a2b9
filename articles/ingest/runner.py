"""Ingestion of files and folders: find the files, then for each one
read -> parse -> extract -> store, reporting one outcome per file.

A file that fails is reported with its reason and the run goes on: each
file is stored in its own transaction, so nothing is ever half-written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

from articles.ingest.extract import Gazetteer, load_gazetteer
from articles.ingest.pipeline import Extracted, process, to_json_record
from articles.ingest.store import (
    LookupCache,
    Original,
    Status,
    archive_tables_exist,
    planned_status,
    store,
)


@dataclass(frozen=True)
class Outcome:
    """What became of one file; `record` is the parser's view for --json."""

    file: str
    status: Status
    error: str = ""
    sha256: str = ""
    record: dict | None = None

    def as_json(self) -> dict:
        return {"file": self.file, "status": self.status.value, "error": self.error or None}


def find_files(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Each *.txt file under `paths` with its origin: its path from the folder's parent.

    Keeping the folder's own name ("seeds/000.txt") lets two folders with the
    same file names stay apart, while a copy of a folder keeps its identity.
    """
    found = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            found += [(file, file.relative_to(path.parent).as_posix()) for file in files]
        else:
            found.append((path, f"{path.parent.name}/{path.name}".lstrip("/")))
    return found


def run(files: list[tuple[Path, str]], *, dry_run: bool = False) -> Iterator[Outcome]:
    gazetteer = load_gazetteer()
    cache = LookupCache()
    # A dry run on a database that was never migrated still shows the parse.
    compare = not dry_run or archive_tables_exist()
    for path, origin in files:
        yield import_file(
            path, origin, gazetteer=gazetteer, cache=cache, dry_run=dry_run, compare=compare
        )


def import_file(
    path: Path,
    origin: str,
    *,
    gazetteer: Gazetteer,
    cache: LookupCache,
    dry_run: bool,
    compare: bool = True,
) -> Outcome:
    try:
        data = path.read_bytes()
    except OSError as error:
        return Outcome(origin, Status.FAILED, f"could not be read: {error.strerror or error}")
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        extracted = process(data, gazetteer=gazetteer)
    except ValueError as error:  # UnreadableFile, NoArticleText: the reason is the message
        return Outcome(origin, Status.FAILED, str(error), sha256)
    record = to_json_record(extracted)
    original = _original(path, origin, data, sha256, extracted)
    try:
        status, note = planned_status(original=original) if compare else (Status.IMPORTED, "")
        if status is not Status.UNCHANGED and not dry_run:
            status = store(original=original, extracted=extracted, cache=cache, now=timezone.now())
    except Exception as error:  # one broken file must not stop a folder of thousands
        return Outcome(origin, Status.FAILED, f"could not be stored: {error}", sha256, record)
    problems = "; ".join(extracted.article.problems)
    return Outcome(original.origin, status, note or problems, sha256, record)


def _original(path: Path, origin: str, data: bytes, sha256: str, extracted: Extracted) -> Original:
    return Original(
        origin=extracted.article.url or origin,
        file_path=str(path),
        data=data,
        sha256=sha256,
        encoding=extracted.encoding,
    )
