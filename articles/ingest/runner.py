"""Ingestion of files and folders: find the files, then for each one
read -> parse -> extract -> store, reporting one outcome per file.

No file can stop a run. Whatever goes wrong with one file (it cannot be read,
it is not a regular file, the parser or the store raises, even MemoryError or
RecursionError, its worker process dies) becomes that file's outcome and the
run goes on: each file is stored in a savepoint of its batch's transaction, so
nothing is ever half-written.

Files are read and processed (no database) in worker processes, or in this
one with workers=1, and written here alone, a batch to a transaction; their
outcomes come out in the files' order once their batch has committed.

Paths are handled by what they are, before anything is opened: folders are
walked here (os.scandir, every error reported), only regular files are read,
at most MAX_BYTES + 1 bytes of them, and a FIFO, device, broken or looping
link is reported without being opened. Names reach reports and the database
only through `printable`, so a newline or a byte that is not UTF-8 in a file
name can neither forge a report line nor break a write.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import multiprocessing
import os
import signal
import stat
import time
import traceback
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from articles.ingest.extract import Gazetteer, load_gazetteer
from articles.ingest.parse import NoArticleText
from articles.ingest.pipeline import Extracted, process, to_json_record
from articles.ingest.read import MAX_BYTES, UnreadableFile
from articles.ingest.register import Register
from articles.ingest.statistics import PlannerStatistics
from articles.ingest.store import (
    LookupCache,
    Original,
    Status,
    Stored,
    archive_tables_exist,
    planned_status,
    prepare_register,
    store,
    store_batch,
)
from articles.models import Article

# Article.origin's length: PostgreSQL would refuse a longer one and SQLite keep
# it, so the runner refuses it alike on both, with a reason.
ORIGIN_LIMIT = Article._meta.get_field("origin").max_length

# An exception's message is kept short in a report line; -v 2 shows the traceback.
_MESSAGE_LIMIT = 300
# Files a worker reads and processes per task, and tasks in flight per worker:
# enough for the workers to read ahead while the writer stores a batch, few
# enough that a slow writer never holds a large folder's texts in memory.
CHUNK_FILES = 8
CHUNKS_AHEAD = 25
# A batch is written in one transaction once it holds this many files, or once
# gathering it took this long: a kill loses at most the batch in hand, never
# part of a file.
BATCH_FILES = 200
BATCH_SECONDS = 1.0
# Outcomes that wrote an article's rows (what the planner's statistics count).
STORED = frozenset({Status.IMPORTED, Status.UPDATED})


@dataclass(frozen=True)
class Outcome:
    """What became of one file; `record` is the parser's view for --json."""

    file: str
    status: Status
    error: str = ""
    sha256: str = ""
    record: dict | None = None
    traceback: str = ""

    def as_json(self) -> dict:
        return {"file": self.file, "status": self.status.value, "error": self.error or None}


@dataclass(frozen=True)
class Found:
    """A path the run will report on: a file to import, or `problem` saying why not."""

    path: Path
    origin: str
    problem: str = ""


@dataclass(frozen=True)
class Ready:
    """A file read and processed, waiting for the writer; `file` is its report name."""

    file: str
    original: Original
    extracted: Extracted


# What reading a file gives the writer: the file to store, or already its outcome.
Prepared = Outcome | Ready


@dataclass
class Claims:
    """Which file of this run first named each page: later ones are refused, not stored.

    Without this, two files naming one URL would overwrite each other's text on
    every re-import; with it the first in sorted order wins, every time.
    """

    by_origin: dict[str, tuple[str, str]] = field(default_factory=dict)

    def conflict(self, origin: str, name: str, sha256: str) -> tuple[str, str] | None:
        """The (file, sha256) that claimed `origin` before `name`, or None after claiming it."""
        first = self.by_origin.setdefault(origin, (name, sha256))
        return None if first[0] == name else first


# Characters that would let a name break or disguise a report line: controls
# (newline, carriage return, escape), line separators and bidi overrides.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, *, escape_backslash: bool = True) -> str:
    """`text` on one line, in valid UTF-8, with unsafe characters as Python-style escapes.

    A byte the file system gave that is not UTF-8 (a surrogate from
    os.fsdecode) becomes `\\xff`; with `escape_backslash` a real backslash
    becomes `\\\\`, so two different names never print (or store) the same.
    """
    if text.isprintable() and "\\" not in text:
        return text
    return "".join(_escape(char, escape_backslash) for char in text)


def _escape(char: str, escape_backslash: bool) -> str:
    code = ord(char)
    if char == "\\":
        return "\\\\" if escape_backslash else char
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if unicodedata.category(char) in _UNSAFE_CATEGORIES or char in _BIDI_CONTROLS:
        # \x is kept for ASCII controls: above 0x7f it would read as a raw byte.
        return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"
    return char


def is_article_name(name: str) -> bool:
    """Files in a folder are read when named *.txt, in any case (UPPER.TXT too)."""
    return name.lower().endswith(".txt")


def find_files(paths: Iterable[Path]) -> list[Found]:
    """Every *.txt file under `paths`, and every path that cannot be imported with why.

    A file's origin is its path from the folder's parent ("seeds/000.txt"), so
    two folders with the same file names stay apart while a copy of a folder
    keeps its identity; a file named alone keeps its parent folder's name.
    """
    found: list[Found] = []
    for path in paths:
        if _is_folder(path):
            found += _walk(path, path.parent, visited=set())
        else:
            found.append(_examine(path, f"{path.parent.name}/{path.name}".lstrip("/")))
    return found


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a looping link: _examine says so
        return False


def _walk(folder: Path, base: Path, *, visited: set[tuple[int, int]]) -> Iterator[Found]:
    """Depth first, names sorted; a folder reached twice through links is walked once."""
    origin = printable(_origin(folder, base))
    try:
        identity = folder.stat()
        if (identity.st_dev, identity.st_ino) in visited:
            yield Found(folder, origin, "folder reached again through a symbolic link; read once")
            return
        visited.add((identity.st_dev, identity.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Found(folder, origin, f"folder could not be read: {_os_reason(error)}")
        return
    for entry in entries:
        path = folder / entry.name
        if _entry_is_folder(entry):
            yield from _walk(path, base, visited=visited)
        elif is_article_name(entry.name) or _is_dead_link(entry):
            yield _examine(path, _origin(path, base))


def _entry_is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_dead_link(entry: os.DirEntry) -> bool:
    """A link that leads nowhere may have meant a folder: it is reported whatever its name."""
    if not entry.is_symlink():
        return False
    try:
        os.stat(entry.path)
    except OSError:
        return True
    return False


def _origin(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix()


def _examine(path: Path, origin: str) -> Found:
    """A named path as it is: a regular file to read, or what it is instead."""
    origin = printable(origin)
    try:
        status = path.stat()
    except OSError as error:
        return Found(path, origin, _os_reason(error, path))
    if not stat.S_ISREG(status.st_mode):
        return Found(path, origin, f"not a regular file ({_kind(status.st_mode)}); not opened")
    return Found(path, origin)


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


def _os_reason(error: OSError, path: Path | None = None) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop (a link that leads back to itself)"
    if error.errno == errno.ENOENT and path is not None and path.is_symlink():
        return "broken symbolic link (its target does not exist)"
    return printable(error.strerror or str(error), escape_backslash=False)


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, never more than MAX_BYTES + 1 of them.

    Opened without blocking (a FIFO swapped in after the walk cannot hang the
    run), then checked on the open descriptor: a link to /dev/zero or a 1 GB
    file is refused from its metadata, before a byte is read.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    with open(descriptor, "rb", closefd=True) as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFile(f"not a regular file ({_kind(status.st_mode)}); not read")
        if status.st_size > MAX_BYTES:
            raise UnreadableFile(_too_large(status.st_size))
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # it grew after the check
        raise UnreadableFile(_too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return (
        f"too large to be an article: {size / 2**20:.1f} MB (limit {MAX_BYTES // 2**20} MB)"
        "; not read"
    )


def run(files: list[Found], *, dry_run: bool = False, workers: int = 1) -> Iterator[Outcome]:
    """One outcome per file, in the order of `files`.

    With `workers` > 1 the files are read and processed in that many worker
    processes while this process alone writes; with 1 it does both itself.
    Files are written a batch to a transaction (Importer.write_batch).
    """
    importer = Importer(
        gazetteer=load_gazetteer(),
        cache=LookupCache(register=prepare_register(dry_run=dry_run)),
        dry_run=dry_run,
        # A dry run on a database that was never migrated still shows the parse.
        compare=not dry_run or archive_tables_exist(),
    )
    reader = Reader(importer.gazetteer, importer.cache.register)
    prepared = reader.in_workers(files, workers) if workers > 1 else map(reader.prepare, files)
    if dry_run:
        yield from map(importer.write_one, prepared)
        return
    statistics = PlannerStatistics()
    for batch in _batches(prepared):
        outcomes = importer.write_batch(batch)
        yield from outcomes
        statistics.stored(sum(outcome.status in STORED for outcome in outcomes))


def _batches(prepared: Iterable[Prepared]) -> Iterator[list[Prepared]]:
    """`prepared` in lists of BATCH_FILES, or fewer once gathering took BATCH_SECONDS."""
    batch: list[Prepared] = []
    started = time.monotonic()
    for item in prepared:
        batch.append(item)
        if len(batch) >= BATCH_FILES or time.monotonic() - started >= BATCH_SECONDS:
            yield batch
            batch, started = [], time.monotonic()
    if batch:
        yield batch


@dataclass(frozen=True)
class Reader:
    """Reading and processing, without the database: here or in worker processes."""

    gazetteer: Gazetteer
    register: Register | None

    def prepare(self, found: Found) -> Prepared:
        """A file ready for the writer, or its outcome: an exception fails this file only."""
        if found.problem:
            return Outcome(found.origin, Status.FAILED, found.problem)
        try:
            return self._prepare(found.path, found.origin)
        except Exception as error:  # a bug in any stage must not stop a folder of thousands
            return _internal_error(found.origin, error)

    def _prepare(self, path: Path, origin: str) -> Prepared:
        try:
            data = read_regular_file(path)
        except UnreadableFile as error:
            return Outcome(origin, Status.FAILED, str(error))
        except OSError as error:
            return Outcome(origin, Status.FAILED, f"could not be read: {_os_reason(error, path)}")
        sha256 = hashlib.sha256(data).hexdigest()
        try:
            extracted = process(data, gazetteer=self.gazetteer, register=self.register)
        except (UnreadableFile, NoArticleText) as error:  # the reason is the message
            return Outcome(origin, Status.FAILED, str(error), sha256)
        original = _original(path, origin, data, sha256, extracted)
        if len(original.origin) > ORIGIN_LIMIT:
            reason = (
                f"its path is {len(original.origin):,} characters long (limit {ORIGIN_LIMIT:,})"
            )
            return Outcome(origin, Status.FAILED, reason, sha256)
        return Ready(origin, original, extracted)

    def in_workers(self, files: list[Found], workers: int) -> Iterator[Prepared]:
        """`files` prepared by `workers` processes, yielded in order, a few chunks ahead.

        The workers are forked, so they start with this process's gazetteer and
        register (and a test's monkeypatches) without pickling them. A worker
        that dies (a crash in C code, the kernel's OOM killer) breaks the pool:
        each file it had not finished then gets a process of its own, so a file
        that kills its process again fails alone, with the reason.
        """
        chunks = iter([files[at : at + CHUNK_FILES] for at in range(0, len(files), CHUNK_FILES)])
        in_flight: deque[tuple[list[Found], Future]] = deque()
        pool = _start_pool(self, workers)
        try:
            while True:
                while len(in_flight) < workers * CHUNKS_AHEAD and (chunk := next(chunks, None)):
                    in_flight.append((chunk, pool.submit(_prepare_chunk, chunk)))
                if not in_flight:
                    return
                chunk, future = in_flight.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool:
                    pending = [(chunk, future), *in_flight]
                    in_flight.clear()
                    pool.shutdown(cancel_futures=True)
                    for chunk, future in pending:
                        yield from future.result() if _succeeded(future) else self._alone(chunk)
                    pool = _start_pool(self, workers)
                    continue
                except Exception:  # the chunk's results could not come back (pickling)
                    results = self._alone(chunk)
                yield from results
        finally:
            pool.shutdown(cancel_futures=True)

    def _alone(self, chunk: list[Found]) -> list[Prepared]:
        return [self.prepare_alone(found) for found in chunk]

    def prepare_alone(self, found: Found) -> Prepared:
        """One file prepared in a process of its own: if the process dies, the file fails."""
        receiving, sending = _FORK.Pipe(duplex=False)
        worker = _FORK.Process(target=_prepare_into, args=(self, found, sending), daemon=True)
        worker.start()
        sending.close()
        try:
            return receiving.recv()
        except EOFError:  # it died before sending anything
            worker.join()
            return Outcome(found.origin, Status.FAILED, _died(worker.exitcode))
        finally:
            receiving.close()
            worker.join()


_FORK = multiprocessing.get_context("fork")
# The reader a worker process was started with (fork copies it; nothing is pickled).
_worker_reader: Reader | None = None


def _start_pool(reader: Reader, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers, mp_context=_FORK, initializer=_start_worker, initargs=(reader,)
    )


def _start_worker(reader: Reader) -> None:
    global _worker_reader
    _worker_reader = reader
    _die_with_parent()


def _die_with_parent() -> None:
    """A worker outlives a parent killed with -9 waiting on its queue forever:
    Linux ends it with the parent instead (elsewhere it waits)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took hold
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _prepare_chunk(chunk: list[Found]) -> list[Prepared]:
    return [_worker_reader.prepare(found) for found in chunk]


def _prepare_into(reader: Reader, found: Found, sending) -> None:
    _die_with_parent()
    sending.send(reader.prepare(found))


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _died(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        how = f"was killed by {signal.Signals(-exitcode).name}"
    else:
        how = f"exited with status {exitcode}"
    return f"the worker process reading it {how} (a crash or out of memory); not stored"


@dataclass
class Importer:
    """The writer's side of a run: lookups, the register, the pages claimed."""

    gazetteer: Gazetteer
    cache: LookupCache
    dry_run: bool
    compare: bool = True
    claims: Claims = field(default_factory=Claims)

    def import_file(self, path: Path, origin: str) -> Outcome:
        """One file read and written in its own transaction, whatever happens.

        `origin` is already printable (find_files made it so).
        """
        reader = Reader(self.gazetteer, self.cache.register)
        return self.write_one(reader.prepare(Found(path, origin)))

    def write_one(self, prepared: Prepared) -> Outcome:
        """A prepared file's outcome, stored in its own transaction (or not, in a dry run)."""
        if isinstance(prepared, Outcome):
            return prepared
        try:
            return self._claim(prepared) or self._store(prepared)
        except Exception as error:
            return _internal_error(prepared.file, error)

    def write_batch(self, batch: list[Prepared]) -> list[Outcome]:
        """The batch's outcomes in its order, once its transaction has committed.

        Each file is stored in a savepoint of its own (store.store_batch), so a
        file that fails is rolled back alone and each file is whole or absent.
        """
        outcomes: list[Outcome | None] = []
        to_store: list[Ready] = []
        for item in batch:
            outcome = item if isinstance(item, Outcome) else self._claim_safely(item)
            outcomes.append(outcome)
            if outcome is None:
                to_store.append(item)
        if to_store:
            stored = iter(self._store_batch(to_store))
        for index, outcome in enumerate(outcomes):
            if outcome is None:
                outcomes[index] = next(stored)
        return outcomes

    def _store_batch(self, files: list[Ready]) -> list[Outcome]:
        now = timezone.now()
        results = store_batch(
            [(ready.original, ready.extracted) for ready in files], cache=self.cache, now=now
        )
        return [
            _internal_error(ready.file, result)
            if isinstance(result, Exception)
            else self._outcome(ready, result)
            for ready, result in zip(files, results, strict=True)
        ]

    def _claim_safely(self, ready: Ready) -> Outcome | None:
        try:
            return self._claim(ready)
        except Exception as error:
            return _internal_error(ready.file, error)

    def _claim(self, ready: Ready) -> Outcome | None:
        """The outcome of a file naming a page an earlier file of this run named."""
        original = ready.original
        first = self.claims.conflict(original.origin, ready.file, original.sha256)
        if first is None:
            return None
        record = to_json_record(ready.extracted)
        return _second_claim(ready.file, original.origin, first, original.sha256, record)

    def _store(self, ready: Ready) -> Outcome:
        original, extracted = ready.original, ready.extracted
        if self.compare:
            stored = Stored(*planned_status(original=original))
        else:
            stored = Stored(Status.IMPORTED)
        if stored.status is not Status.UNCHANGED and not self.dry_run:
            now = timezone.now()
            status = store(original=original, extracted=extracted, cache=self.cache, now=now)
            stored = Stored(status, stored.note)
        return self._outcome(ready, stored)

    def _outcome(self, ready: Ready, stored: Stored) -> Outcome:
        extracted = ready.extracted
        note = printable(
            stored.note or "; ".join(extracted.article.problems), escape_backslash=False
        )
        record = to_json_record(extracted)
        return Outcome(ready.original.origin, stored.status, note, ready.original.sha256, record)


def _internal_error(file: str, error: BaseException) -> Outcome:
    """An exception nobody foresaw, as the file's report line (its traceback for -v 2)."""
    message = printable(str(error), escape_backslash=False)[:_MESSAGE_LIMIT]
    return Outcome(
        file,
        Status.FAILED,
        f"internal error ({type(error).__name__}: {message})",
        traceback="".join(traceback.format_exception(error)),
    )


def _second_claim(
    origin: str, page: str, first: tuple[str, str], sha256: str, record: dict
) -> Outcome:
    """A file naming a page another file of this run already named: never stored."""
    first_file, first_sha256 = first
    shown = printable(page, escape_backslash=False)
    if first_sha256 == sha256:
        note = f"same bytes as {first_file}, which names the same page ({shown})"
        return Outcome(origin, Status.UNCHANGED, note, sha256, record)
    reason = f"names the same page as {first_file} ({shown}); kept that file's text"
    return Outcome(origin, Status.FAILED, reason, sha256, record)


def _original(path: Path, origin: str, data: bytes, sha256: str, extracted: Extracted) -> Original:
    return Original(
        origin=extracted.article.url or origin,
        file_path=printable(str(path)),
        data=data,
        sha256=sha256,
        encoding=extracted.encoding,
    )
