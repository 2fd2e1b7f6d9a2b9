"""The malformed-file corpus through the real `import_articles`: every path
gets one line with its reason, nothing is half-stored, nothing stops the run.

Over 300 files: empty and blank, binary, NUL-laced, truncated UTF-16, byte-order
marks that lie, Windows-1251 and other garbage, invalid UTF-8, 11 MB, FIFOs,
broken and looping links, a link to /dev/zero, unreadable files and folders,
and names holding a newline, a bidi override or a byte that is not UTF-8.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import random
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from articles.ingest import runner
from articles.models import Article

pytestmark = [pytest.mark.reliability, pytest.mark.django_db]

PROSE = (
    " date 2021-06-15 By Trend\n\nBaku and Moscow signed a memorandum of understanding on "
    "cooperation in the field of education, the ministry said in report {n}.\n"
)
RUSSIAN = "Азербайджан и Россия подписали меморандум о сотрудничестве, сообщение {n}.\n"


def _prose(n: int) -> bytes:
    return PROSE.format(n=n).encode()


def _regular_files(rng: random.Random) -> dict[str, bytes]:
    """Name -> bytes of every malformed regular file (and a few good ones among them)."""
    files: dict[str, bytes] = {}
    blanks = [b"", b" ", b"\n\n\n", b"\t \r\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
              "\u00a0\u2028\n".encode(), b"\x0c\x0b"]  # fmt: skip
    for n, data in enumerate(blanks):
        files[f"blank_{n:02}.txt"] = data
    for n in range(40):
        files[f"binary_{n:02}.txt"] = rng.randbytes(rng.choice([1, 7, 64, 4096, 65536]))
    for n in range(30):
        text = bytearray(_prose(n))
        for _ in range(rng.randint(1, 20)):
            text.insert(rng.randrange(len(text)), 0)
        files[f"nul_{n:02}.txt"] = bytes(text)
    for n in range(30):
        encoded = codecs.BOM_UTF16_LE + (RUSSIAN.format(n=n) + "😀").encode("utf-16-le")
        files[f"utf16_cut_{n:02}.txt"] = encoded[: rng.randrange(3, len(encoded))] + b"\xd8"
    for n in range(30):
        lies = [
            codecs.BOM_UTF8 + RUSSIAN.format(n=n).encode("utf-16-le"),
            codecs.BOM_UTF16_LE + RUSSIAN.format(n=n).encode("utf-8"),
            codecs.BOM_UTF16_BE + RUSSIAN.format(n=n).encode("utf-16-le"),
            codecs.BOM_UTF8 + RUSSIAN.format(n=n).encode("cp1251"),
        ]
        files[f"bom_lie_{n:02}.txt"] = lies[n % len(lies)]
    for n in range(30):
        files[f"cp1251_garbage_{n:02}.txt"] = bytes(rng.choices(range(0x80, 0x100), k=600))
    for n in range(30):
        bad = [b"\xc0\xaf", b"\xed\xa0\x80", b"\x80", b"\xf8\x88\x80\x80\x80", b"\xff\xfe\xfd"]
        files[f"bad_utf8_{n:02}.txt"] = _prose(n) + rng.choice(bad) + _prose(n + 100)
    for n in range(30):
        files[f"controls_{n:02}.txt"] = bytes(rng.choices(range(0, 32), k=300)) + _prose(n)
    for n in range(20):
        files[f"no_words_{n:02}.txt"] = "".join(rng.choices("!?.,;:-—«»()[]{}…·•", k=200)).encode()
    for n in range(20):
        files[f"mixed_{n:02}.txt"] = _prose(n) + RUSSIAN.format(n=n).encode("cp1251")
    for n in range(10):
        files[f"good_{n:02}.txt"] = _prose(1000 + n)
    files["huge_line.txt"] = b"Azerbaijan" * 50_000
    return files


def _special_paths(folder: Path) -> dict[str, str]:
    """Name -> the reason each non-regular path must be reported with."""
    expected = {}
    for n in range(5):
        os.mkfifo(folder / f"fifo_{n}.txt")
        expected[f"fifo_{n}.txt"] = "not a regular file (a FIFO); not opened"
        (folder / f"broken_{n}.txt").symlink_to(folder / f"nowhere_{n}")
        expected[f"broken_{n}.txt"] = "broken symbolic link (its target does not exist)"
        (folder / f"loop_{n}.txt").symlink_to(folder / f"loop_{n}.txt")
        expected[f"loop_{n}.txt"] = "symbolic link loop (a link that leads back to itself)"
    (folder / "zero.txt").symlink_to("/dev/zero")
    expected["zero.txt"] = "not a regular file (a character device); not opened"
    with (folder / "eleven_mb.txt").open("wb") as file:
        file.truncate(11 * 2**20)  # sparse
    expected["eleven_mb.txt"] = "too large to be an article: 11.0 MB (limit 10 MB); not read"
    return expected


def _odd_names() -> dict[str, bytes]:
    return {
        "line\nbreak: imported.txt": _prose(2001),
        os.fsdecode(b"caf\xff.txt"): _prose(2002),
        "bidi\u202etxt.exe.txt": _prose(2003),
        "esc\x1b[31mred.txt": _prose(2004),
    }


@pytest.fixture
def locked(monkeypatch):
    """Names the process may not open or list. Tests run as root, whom chmod 000
    does not stop, so the kernel's refusal is simulated where the runner asks."""
    real_open, real_scandir = os.open, os.scandir

    def open_(path, *args, **kwargs):
        if "locked_" in os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)

    def scandir(path):
        if os.fspath(path).endswith("locked_folder"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(runner.os, "open", open_)
    monkeypatch.setattr(runner.os, "scandir", scandir)


def _build(folder: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    folder.mkdir()
    regular = _regular_files(random.Random(13)) | _odd_names()
    for n in range(5):
        regular[f"locked_{n}.txt"] = _prose(3000 + n)
    for name, data in regular.items():
        (folder / name).write_bytes(data)
    (folder / "locked_folder").mkdir()
    (folder / "locked_folder" / "inside.txt").write_bytes(_prose(4000))
    special = _special_paths(folder)
    special["locked_folder"] = "folder could not be read: Permission denied"
    for n in range(5):
        special[f"locked_{n}.txt"] = "could not be read: Permission denied"
    return regular, special


LINE = re.compile(r"^mal/(.*?): (imported|updated|unchanged|failed)(?:: | \(|$)(.*)$")


def test_each_path_is_reported_and_only_whole_files_stored_when_the_corpus_is_malformed(
    tmp_path, locked, no_hang, reliability_counts
):
    regular, special = _build(tmp_path / "mal")
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("import_articles", str(tmp_path / "mal"), stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    reports = {match[1]: (match[2], match[3]) for match in map(LINE.match, lines[:-1])}
    shown = {runner.printable(name): name for name in regular} | {name: name for name in special}
    assert exit_.value.code == 1
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert len(lines) - 1 == len(reports) == len(shown)
    assert set(reports) == set(shown)
    assert {name: reports[name] for name in special} == {
        name: ("failed", reason) for name, reason in special.items()
    }
    assert not [line for line in lines if "internal error" in line]
    stored = _assert_whole(tmp_path / "mal", regular)
    assert stored == sum(status == "imported" for status, _ in reports.values())
    assert {"good_00.txt", "line\\nbreak: imported.txt", "caf\\xff.txt"} <= {
        name for name, (status, _) in reports.items() if status == "imported"
    }
    for key, value in (("tried", len(shown)), ("stored whole", stored)):
        key = f"malformed files {key} ({connection.vendor})"
        reliability_counts[key] = reliability_counts.get(key, 0) + value


def _assert_whole(folder: Path, regular: dict[str, bytes]) -> int:
    """Every stored article is one whole file: its bytes, its hash, a body."""
    by_origin = {f"mal/{runner.printable(name)}": data for name, data in regular.items()}
    articles = Article.objects.values_list("origin", "original", "sha256", "body")
    for origin, original, sha256, body in articles:
        assert bytes(original) == by_origin[origin]
        assert hashlib.sha256(bytes(original)).hexdigest() == sha256
        assert body.strip()
    return len(articles)
