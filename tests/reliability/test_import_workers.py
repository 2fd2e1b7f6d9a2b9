"""import_articles with worker processes (--workers): the same lines as reading in
the writing process, in the files' order, and a worker that dies (a segfault,
the OOM killer's SIGKILL) fails the file it was reading, not the run."""

from __future__ import annotations

import faulthandler
import os
import signal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article

pytestmark = [pytest.mark.reliability, pytest.mark.django_db(transaction=True)]

GOOD = " date 2021-06-{day:02d} By Trend\n\nBaku and Moscow signed a memorandum on {topic}.\n"
TOPICS = ["education", "transport", "energy", "culture", "trade"]
PAGE = "https://trend.az/azerbaijan/1.html"


def import_articles(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=StringIO())
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue()


def write_folder(folder: Path, count: int) -> list[str]:
    """`count` different articles, then files every run must report the same way:
    an empty one, a binary one, a copy of the first, and a second file of one page."""
    folder.mkdir()
    for n in range(count):
        text = GOOD.format(day=1 + n % 28, topic=TOPICS[n % len(TOPICS)]) + f"Report {n}.\n"
        (folder / f"{n:03d}.txt").write_text(text)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "copy.txt").write_bytes((folder / "000.txt").read_bytes())
    (folder / "page-a.txt").write_text(f"{PAGE}\n\n" + GOOD.format(day=2, topic="gas"))
    (folder / "page-b.txt").write_text(f"{PAGE}\n\n" + GOOD.format(day=3, topic="oil"))
    return sorted(path.name for path in folder.iterdir())


def test_dry_run_lines_are_the_same_when_workers_read_the_files(tmp_path):
    write_folder(tmp_path / "in", 40)
    alone = import_articles("--dry-run", "--json", "--workers", "1", str(tmp_path / "in"))
    workers = import_articles("--dry-run", "--json", "--workers", "2", str(tmp_path / "in"))
    assert workers == alone
    assert alone[1].count("\n") == 45


def test_lines_come_in_the_files_order_when_workers_read_and_batches_are_stored(tmp_path):
    names = write_folder(tmp_path / "in", 40)
    code, out = import_articles("--workers", "2", str(tmp_path / "in"))
    lines = out.splitlines()
    assert code == 1  # the empty and binary files, and the page's second file
    # A stored file is reported under the page it names, if it names one.
    files = [PAGE if name == "page-a.txt" else f"in/{name}" for name in names]
    assert [line.split(": ")[0] for line in lines[:-1]] == files
    assert lines[-1] == "45 files: 41 imported, 0 updated, 1 unchanged, 3 failed"
    assert "in/copy.txt: unchanged (same bytes as in/000.txt, already in the archive)" in lines
    assert Article.objects.count() == 41


def _kill_reader_on(marker: str, how: signal.Signals, parent: int):
    """A parser that kills its own process on the file holding `marker` (never the test's)."""
    from articles.ingest import pipeline

    real = pipeline.parse

    def parse(text, *args):
        if marker in text:
            if os.getpid() == parent:
                raise AssertionError("the file was parsed in the writing process")
            # pytest's faulthandler would print this intended crash as if it were a real one.
            faulthandler.disable()
            os.kill(os.getpid(), how)
        return real(text, *args)

    return parse


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSEGV], ids=["oom-kill", "segfault"])
def test_a_file_that_kills_its_worker_fails_alone_when_workers_read(tmp_path, monkeypatch, how):
    folder = tmp_path / "in"
    write_folder(folder, 30)
    (folder / "015.txt").write_text(GOOD.format(day=5, topic="water") + "POISON\n")
    monkeypatch.setattr(
        "articles.ingest.pipeline.parse", _kill_reader_on("POISON", how, os.getpid())
    )
    code, out = import_articles("--workers", "2", str(folder))
    assert code == 1
    assert (
        f"in/015.txt: failed: the worker process reading it was killed by {how.name} "
        "(a crash or out of memory); not stored"
    ) in out.splitlines()
    assert out.splitlines()[-1] == "35 files: 30 imported, 0 updated, 1 unchanged, 4 failed"
    assert not Article.objects.filter(origin="in/015.txt").exists()


def test_workers_must_be_one_or_more_when_given(tmp_path):
    with pytest.raises(CommandError, match="not a number of processes"):
        call_command("import_articles", "--workers", "0", str(tmp_path))
