"""The runner without a database: which paths it finds and how it reports them,
how it reads a file, and that no exception in one file escapes it."""

from __future__ import annotations

import errno
import os
import tracemalloc
from pathlib import Path

import pytest

from articles.ingest import runner
from articles.ingest.extract import load_gazetteer
from articles.ingest.read import MAX_BYTES, UnreadableFile
from articles.ingest.runner import Claims, Importer, find_files, printable, read_regular_file
from articles.ingest.store import LookupCache, Status

GOOD = b" date 2021-06-15 By Trend\n\nBaku and Moscow signed a memorandum on education.\n"
GAZETTEER = load_gazetteer()


def write(path: Path, data: bytes = GOOD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reports(paths: list[Path]) -> list[tuple[str, str]]:
    return [(found.origin, found.problem) for found in find_files(paths)]


def dry_import(path: Path, origin: str = "in/a.txt", claims: Claims | None = None):
    importer = Importer(
        gazetteer=GAZETTEER, cache=LookupCache(), dry_run=True, compare=False,
        claims=claims or Claims(),
    )  # fmt: skip
    return importer.import_file(path, origin)


def test_printable_leaves_a_name_alone_when_it_is_plain_text():
    assert printable("seeds/Азербайджан и Россия.txt") == "seeds/Азербайджан и Россия.txt"


def test_printable_escapes_line_breaks_when_a_name_holds_them():
    assert printable("a\nb: imported\r.txt") == "a\\nb: imported\\r.txt"


def test_printable_shows_a_byte_that_is_not_utf8_as_a_hex_escape_when_decoded_by_the_os():
    name = os.fsdecode(b"caf\xff.txt")
    assert printable(name) == "caf\\xff.txt"
    assert printable(name).encode("utf-8")


def test_printable_keeps_two_names_apart_when_one_spells_the_others_escape():
    assert printable("caf\\xff.txt") != printable(os.fsdecode(b"caf\xff.txt"))


def test_printable_keeps_a_raw_byte_apart_from_a_c1_control_when_both_read_0x85():
    assert printable(os.fsdecode(b"a\x85.txt")) != printable("a\u0085.txt")


def test_printable_escapes_bidi_overrides_when_they_could_disguise_a_name():
    assert printable("invoice\u202etxt.exe") == "invoice\\u202etxt.exe"


def test_find_files_takes_txt_in_any_case_when_walking_a_folder(tmp_path):
    write(tmp_path / "in" / "UPPER.TXT")
    write(tmp_path / "in" / "Mixed.Txt")
    write(tmp_path / "in" / "notes.md")
    assert reports([tmp_path / "in"]) == [("in/Mixed.Txt", ""), ("in/UPPER.TXT", "")]


def test_find_files_walks_subfolders_in_sorted_order_when_nested(tmp_path):
    write(tmp_path / "in" / "b" / "x.txt")
    write(tmp_path / "in" / "a.txt")
    write(tmp_path / "in" / "c.txt")
    assert [origin for origin, _ in reports([tmp_path / "in"])] == [
        "in/a.txt", "in/b/x.txt", "in/c.txt",
    ]  # fmt: skip


def test_find_files_reports_a_fifo_without_opening_it_when_found_in_a_folder(tmp_path, no_hang):
    write(tmp_path / "in" / "a.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    assert reports([tmp_path / "in"]) == [
        ("in/a.txt", ""), ("in/pipe.txt", "not a regular file (a FIFO); not opened"),
    ]  # fmt: skip


def test_find_files_reports_a_broken_link_when_its_target_is_gone(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert reports([tmp_path / "in"]) == [
        ("in/gone.txt", "broken symbolic link (its target does not exist)")
    ]


def test_find_files_reports_a_looping_link_whatever_its_name_when_it_leads_to_itself(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in" / "loop")
    assert reports([tmp_path / "in"]) == [
        ("in/loop", "symbolic link loop (a link that leads back to itself)")
    ]


def test_find_files_walks_a_folder_once_when_a_link_leads_back_into_it(tmp_path):
    write(tmp_path / "in" / "sub" / "a.txt")
    (tmp_path / "in" / "sub" / "up").symlink_to(tmp_path / "in")
    assert reports([tmp_path / "in"]) == [
        ("in/sub/a.txt", ""),
        ("in/sub/up", "folder reached again through a symbolic link; read once"),
    ]


def test_find_files_reports_a_folder_and_goes_on_when_listing_it_is_refused(tmp_path, monkeypatch):
    # Tests run as root, whom chmod 000 does not stop: the refusal is simulated.
    write(tmp_path / "in" / "a.txt")
    write(tmp_path / "in" / "locked" / "b.txt")
    real_scandir = os.scandir

    def refuse_locked(path):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(runner.os, "scandir", refuse_locked)
    assert reports([tmp_path / "in"]) == [
        ("in/a.txt", ""), ("in/locked", "folder could not be read: Permission denied"),
    ]  # fmt: skip


def test_find_files_reports_a_device_when_named(tmp_path):
    link = tmp_path / "in" / "zero.txt"
    link.parent.mkdir()
    link.symlink_to("/dev/zero")
    assert reports([link]) == [
        ("in/zero.txt", "not a regular file (a character device); not opened")
    ]


def test_find_files_escapes_a_newline_when_a_file_name_holds_one(tmp_path):
    write(tmp_path / "in" / "forged.txt: imported\nreal.txt")
    assert reports([tmp_path / "in"]) == [("in/forged.txt: imported\\nreal.txt", "")]


def test_read_regular_file_refuses_a_device_without_reading_it_when_a_link_points_there(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(UnreadableFile, match="character device"):
        read_regular_file(link)


def test_read_regular_file_refuses_a_fifo_without_blocking_when_swapped_in(tmp_path, no_hang):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(UnreadableFile, match="FIFO"):
        read_regular_file(tmp_path / "pipe.txt")


def test_read_regular_file_refuses_a_file_before_reading_it_when_it_is_1_gb(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(2**30)  # sparse: 1 GB on paper, nothing on disk
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableFile, match=r"too large to be an article: 1024\.0 MB"):
            read_regular_file(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_BYTES


def test_read_regular_file_returns_the_bytes_when_the_file_is_at_the_limit(tmp_path):
    path = write(tmp_path / "big.txt", b"a" * MAX_BYTES)
    assert len(read_regular_file(path)) == MAX_BYTES


@pytest.mark.parametrize(
    "error",
    [KeyError("i̇yul"), MemoryError(), RecursionError("maximum recursion depth exceeded")],
    ids=["KeyError", "MemoryError", "RecursionError"],
)
def test_import_file_reports_an_internal_error_when_a_stage_raises(tmp_path, monkeypatch, error):
    def broken_process(data, **kwargs):
        raise error

    monkeypatch.setattr(runner, "process", broken_process)
    outcome = dry_import(write(tmp_path / "a.txt"))
    assert outcome.status is Status.FAILED
    assert outcome.error.startswith(f"internal error ({type(error).__name__}")
    assert "Traceback (most recent call last)" in outcome.traceback


def test_import_file_keeps_an_error_message_on_one_line_when_it_holds_newlines(
    tmp_path, monkeypatch
):
    def broken_process(data, **kwargs):
        raise ValueError("first\nsecond: imported")

    monkeypatch.setattr(runner, "process", broken_process)
    outcome = dry_import(write(tmp_path / "a.txt"))
    assert outcome.error == "internal error (ValueError: first\\nsecond: imported)"


def test_import_file_refuses_the_second_file_when_two_name_the_same_page(tmp_path):
    page = b"https://trend.az/azerbaijan/1.html\n\n"
    claims = Claims()
    first = dry_import(write(tmp_path / "a.txt", page + GOOD), "in/a.txt", claims)
    second = dry_import(write(tmp_path / "b.txt", page + GOOD + b"More.\n"), "in/b.txt", claims)
    assert first.status is Status.IMPORTED
    assert (second.file, second.status) == ("in/b.txt", Status.FAILED)
    assert second.error == (
        "names the same page as in/a.txt (https://trend.az/azerbaijan/1.html); "
        "kept that file's text"
    )


def test_import_file_calls_the_second_file_unchanged_when_it_names_the_same_page_with_same_bytes(
    tmp_path,
):
    data = b"https://trend.az/azerbaijan/1.html\n\n" + GOOD
    claims = Claims()
    dry_import(write(tmp_path / "a.txt", data), "in/a.txt", claims)
    second = dry_import(write(tmp_path / "b.txt", data), "in/b.txt", claims)
    assert second.status is Status.UNCHANGED
    assert second.error.startswith("same bytes as in/a.txt")
