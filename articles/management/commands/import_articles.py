"""`manage.py import_articles [PATH ...]`: files and folders in, one line per file out.

Exit status: 0 when every file is fine, 1 when any failed (the others are
stored), 2 on bad usage such as a path that does not exist.
"""

from __future__ import annotations

import json
import os
import sys
from argparse import ArgumentTypeError
from collections import Counter
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest.runner import Outcome, find_files, printable, run
from articles.ingest.store import Status
from articles.listing import warm_shared_lookups

DEFAULT_PATH = settings.BASE_DIR / "fixtures" / "seeds"


class Command(BaseCommand):
    help = (
        "Import raw news files into the archive: files named on the command line, and "
        "every *.txt file (any case: UPPER.TXT too) in the folders named, recursively. "
        "One line per file: imported, updated, unchanged, or failed: <reason>. A path that "
        "cannot be imported is reported as failed with its reason and never opened when it "
        "is not a regular file: a FIFO, a device, a broken or looping symbolic link, a "
        "folder that cannot be read, a file over 10 MB (refused before reading). A second "
        "file of the same run naming the same page URL fails and is not stored. An "
        "unexpected error in one file is its 'failed: internal error (...)' line (the "
        "traceback with -v 2) and the run goes on. Control characters and bytes that are "
        "not UTF-8 in names are shown and stored as backslash escapes (\\n, \\xff). "
        "Files are read and parsed in --workers processes while one process writes, "
        "a batch of files to a transaction with each file whole or absent. "
        "A reader who stops reading standard output (| head) stops no import: the run "
        "stores every file and its summary goes to standard error. "
        "Exit 0 when nothing failed, 1 when anything failed, 2 on bad usage."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_PATH])
        parser.add_argument("--dry-run", action="store_true", help="parse and report only")
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help="one JSON object per file on standard output; the report goes to standard error",
        )
        parser.add_argument(
            "--workers",
            type=_worker_count,
            default=os.cpu_count() or 1,
            help="processes that read and parse files (default: the number of cores, %(default)s); "
            "1 reads them in the writing process",
        )

    def handle(self, *args, paths, dry_run, as_json, workers, verbosity, **options):
        # A broken link exists as a name: it is reported per file, not as bad usage.
        missing = [printable(str(path)) for path in paths if not os.path.lexists(path)]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}", returncode=2)
        files = find_files(paths)
        errors = Output(self.stderr._out)
        output = Output(self.stdout._out, closed_note_to=errors)
        report = errors if as_json else output
        counts = Counter()
        outcomes = run(files, dry_run=dry_run, workers=workers)
        for outcome in _with_progress(outcomes, total=len(files)):
            counts[outcome.status] += 1
            report.line(_line(outcome))
            if outcome.traceback and verbosity >= 2:
                errors.line(outcome.traceback.rstrip("\n"))
            if as_json:
                output.line(_json_line(_record(outcome)))
        # A reader who stopped reading (`| head`) still gets the summary, on standard error.
        (errors if output.closed else report).line(_summary(counts, len(files), dry_run))
        if not dry_run and (counts[Status.IMPORTED] or counts[Status.UPDATED]):
            warm_shared_lookups()
        if counts[Status.FAILED]:
            sys.exit(1)


class Output:
    """A stream of report lines whose reader may stop reading (`| head`): the import goes on.

    Each line is flushed as it is written, so a closed pipe shows at once; from
    then on lines go nowhere and the run still stores every file.
    """

    def __init__(self, stream: TextIO, *, closed_note_to: Output | None = None):
        self.stream, self.closed_note_to, self.closed = stream, closed_note_to, False

    def line(self, text: str) -> None:
        if self.closed:
            return
        try:
            # tqdm.write keeps a terminal's progress bar below the lines.
            tqdm.write(text, file=self.stream)
            self.stream.flush()
        except BrokenPipeError:
            self.closed = True
            _point_at_null(self.stream)
            if self.closed_note_to:
                self.closed_note_to.line("standard output was closed; the import goes on")


def _point_at_null(stream: TextIO) -> None:
    # Python flushes standard output at exit: left on the closed pipe, that
    # flush would print a BrokenPipeError after a run that went well.
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def _worker_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def _with_progress(outcomes, *, total: int):
    # A bar only for a person at a terminal; pipes and CI get plain lines.
    return tqdm(outcomes, total=total, unit="file", leave=False, disable=not sys.stderr.isatty())


def _line(outcome: Outcome) -> str:
    if outcome.status is Status.FAILED:
        return f"{outcome.file}: failed: {outcome.error}"
    note = f" ({outcome.error})" if outcome.error else ""
    return f"{outcome.file}: {outcome.status.value}{note}"


def _json_line(record: dict) -> str:
    """One record as JSON that is always valid UTF-8, whatever text it carries."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: \u escapes are plain ASCII
        return json.dumps(record, ensure_ascii=True)
    return line


def _record(outcome: Outcome) -> dict:
    return outcome.as_json() | {"sha256": outcome.sha256 or None} | (outcome.record or {})


def _summary(counts: Counter, total: int, dry_run: bool) -> str:
    parts = ", ".join(f"{counts[status]} {status.value}" for status in Status)
    files = "file" if total == 1 else "files"
    return f"{total} {files}: {parts}{' (dry run: nothing written)' if dry_run else ''}"
