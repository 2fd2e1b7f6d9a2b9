"""import_articles and verify_fixity as an operator meets them: files in,
one line per file out, exit codes, and a database that only ever holds whole files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.filters import present_languages
from articles.ingest import store as store_module
from articles.models import Agreement, Article, Revision, Source, SourceAlias, Tag, TagAlias
from articles.search.names import known_spellings
from tests.test_verify_fixity import verify_fixity

pytestmark = pytest.mark.django_db(transaction=True)

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
GOOD = (
    b" date 2021-06-15 By Trend\n\n"
    b"Baku and Moscow signed a memorandum of understanding on education.\n"
)


def import_articles(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_seeds_are_imported_one_line_per_file(seeds):
    code, out, _ = import_articles(str(seeds))
    assert code == 0
    assert Article.objects.count() == 4
    assert out.count(": imported") == 4
    assert out.strip().splitlines()[-1] == ("4 files: 4 imported, 0 updated, 0 unchanged, 0 failed")


def test_reimport_of_same_bytes_changes_nothing(seeds):
    import_articles(str(seeds))
    before = list(Article.objects.values_list("pk", "changed_at", "slug"))
    code, out, _ = import_articles(str(seeds))
    assert code == 0
    assert out.count(": unchanged") == 4
    assert list(Article.objects.values_list("pk", "changed_at", "slug")) == before
    assert Revision.objects.count() == 0


def test_original_bytes_and_hash_are_kept_exactly(seeds):
    import_articles(str(seeds))
    for path in seeds.glob("*.txt"):
        article = Article.objects.get(origin=f"seeds/{path.name}")
        assert bytes(article.original) == path.read_bytes()


def test_changed_file_is_updated_and_earlier_original_kept_as_revision(seeds):
    import_articles(str(seeds))
    path = next(seeds.glob("003_*.txt"))
    old = path.read_bytes()
    path.write_bytes(old + b"\nThe sides agreed to meet again in Baku.\n")
    code, out, _ = import_articles(str(seeds))
    article = Article.objects.get(origin=f"seeds/{path.name}")
    assert code == 0
    assert f"seeds/{path.name}: updated" in out
    assert "meet again in Baku" in article.body
    assert [bytes(r.original) for r in article.revisions.all()] == [old]


def test_curated_title_survives_reimport_of_changed_file(seeds):
    import_articles(str(seeds))
    path = next(seeds.glob("003_*.txt"))
    article = Article.objects.get(origin=f"seeds/{path.name}")
    article.title = "Curated title"
    article.curated_fields = ["title"]
    article.save()
    path.write_bytes(path.read_bytes() + b"\nOne more paragraph.\n")
    import_articles(str(seeds))
    article.refresh_from_db()
    assert article.title == "Curated title"
    assert "One more paragraph." in article.body


def test_curated_tags_survive_reimport_of_changed_file(seeds):
    import_articles(str(seeds))
    path = next(seeds.glob("003_*.txt"))
    article = Article.objects.get(origin=f"seeds/{path.name}")
    kept = Tag.objects.create(name="Pensions", slug="pensions", kind=Tag.Kind.TOPIC)
    article.tags.set([kept])
    article.curated_fields = ["tags"]
    article.save()
    path.write_bytes(path.read_bytes() + b"\nVladimir Putin and Ilham Aliyev spoke.\n")
    import_articles(str(seeds))
    assert list(article.tags.all()) == [kept]


def test_rejected_agreement_is_not_suggested_again(seeds):
    import_articles(str(seeds))
    Agreement.objects.update(status=Agreement.Status.REJECTED)
    path = next(seeds.glob("003_*.txt"))
    path.write_bytes(path.read_bytes() + b"\nA closing line.\n")
    import_articles(str(seeds))
    assert not Agreement.objects.filter(status=Agreement.Status.SUGGESTED).exists()


def test_same_agreement_in_two_articles_is_one_agreement(tmp_path):
    text = (
        " date 2021-06-{day} By Trend\n\nAzerbaijan and Russia signed a memorandum of "
        "cooperation in the field of pensions. Report {day}.\n"
    )
    write(tmp_path / "in", "a.txt", text.format(day=14).encode())
    write(tmp_path / "in", "b.txt", text.format(day=15).encode())
    import_articles(str(tmp_path / "in"))
    # The register's own pension agreement (2022) is another document: only the memorandum counts.
    pensions = Agreement.objects.filter(name__icontains="pension", kind="memorandum")
    assert pensions.count() == 1
    assert pensions.get().articles.count() == 2


def test_dry_run_reports_and_writes_nothing(seeds):
    code, out, _ = import_articles("--dry-run", str(seeds))
    assert code == 0
    assert out.count(": imported") == 4
    assert "dry run: nothing written" in out
    assert (Article.objects.count(), Source.objects.count(), Tag.objects.count()) == (0, 0, 0)


def test_json_gives_one_record_per_file_with_the_contract_keys(seeds):
    code, out, err = import_articles("--dry-run", "--json", str(seeds))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(records) == 4
    assert set(records[0]) >= {
        "file", "status", "error", "title", "title_derived", "published", "date_precision",
        "source", "byline", "language", "sha256", "body", "agreements", "tags",
    }  # fmt: skip
    assert "4 files:" in err


def test_missing_path_is_bad_usage_with_exit_2(tmp_path):
    with pytest.raises(CommandError, match="no such file or folder") as error:
        call_command("import_articles", str(tmp_path / "nowhere"))
    assert error.value.returncode == 2


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", bytes(range(256)) * 64, "binary"),
        ("one_letter.txt", b"x", "no article text: fewer than 3 words"),
        ("noise.txt", bytes(range(0x21, 0x7F)) * 40, "no article text"),
        ("huge.txt", b"Azerbaijan and Russia. " * (20 * 1024 * 1024 // 23), "too large"),
    ],
)
def test_awkward_file_fails_alone_with_a_reason(tmp_path, name, data, reason):
    folder = tmp_path / "in"
    write(folder, "good.txt", GOOD)
    write(folder, name, data)
    code, out, _ = import_articles(str(folder))
    assert code == 1
    assert f"in/{name}: failed: " in out and reason in out
    assert list(Article.objects.values_list("origin", flat=True)) == ["in/good.txt"]


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("cp1251", b""), ("utf-16-le", b"\xff\xfe"), ("utf-8", b"\xef\xbb\xbf")],
)
def test_legacy_and_unicode_encodings_are_decoded(tmp_path, encoding, prefix):
    text = "Азербайджан и Россия подписали меморандум о сотрудничестве в области транспорта.\n"
    write(tmp_path / "in", "ru.txt", prefix + text.encode(encoding))
    code, _, _ = import_articles(str(tmp_path / "in"))
    article = Article.objects.get()
    assert code == 0
    assert "меморандум" in article.body
    assert article.language == "ru"


def test_impossible_date_is_reported_and_not_stored(tmp_path):
    write(tmp_path / "in", "bad-date.txt", b" date 2019-13-45 By Trend\n\nThe commission met.\n")
    code, out, _ = import_articles(str(tmp_path / "in"))
    article = Article.objects.get()
    assert code == 0
    assert "2019-13-45" in out
    assert (article.published_on, article.date_precision) == (None, "unknown")


def test_markup_in_text_is_kept_in_the_original_and_left_out_of_the_body(tmp_path):
    data = b"<script>alert('x')</script> Azerbaijan and Russia held talks on <b>energy</b>.\n"
    write(tmp_path / "in", "script.txt", data)
    import_articles(str(tmp_path / "in"))
    article = Article.objects.get()
    assert bytes(article.original) == data
    assert article.body == "Azerbaijan and Russia held talks on energy."


def test_second_file_with_identical_bytes_is_not_stored_twice(tmp_path):
    write(tmp_path / "in", "a.txt", GOOD)
    write(tmp_path / "in", "b.txt", GOOD)
    code, out, _ = import_articles(str(tmp_path / "in"))
    assert code == 0
    assert "in/b.txt: unchanged (same bytes as in/a.txt" in out
    assert Article.objects.count() == 1


def test_file_that_vanishes_during_the_run_fails_alone(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder, "a.txt", GOOD)
    gone = write(folder, "b.txt", GOOD.replace(b"education", b"transport"))
    from articles.ingest import runner

    real_find = runner.find_files

    def find_then_delete(paths):
        files = real_find(paths)
        gone.unlink()
        return files

    monkeypatch.setattr("articles.management.commands.import_articles.find_files", find_then_delete)
    code, out, _ = import_articles(str(folder))
    assert code == 1
    assert "in/b.txt: failed: could not be read: No such file or directory" in out
    assert Article.objects.count() == 1


def test_crash_in_the_middle_of_a_file_leaves_only_whole_files(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write(folder, "a.txt", GOOD)
    write(folder, "b.txt", GOOD.replace(b"education", b"transport"))
    real = store_module._add_relations

    def crash_on_b(article, *args):
        if article.origin.endswith("b.txt"):
            raise RuntimeError("disk on fire")
        return real(article, *args)

    monkeypatch.setattr(store_module, "_add_relations", crash_on_b)
    code, out, _ = import_articles(str(folder))
    assert code == 1
    assert "in/b.txt: failed: internal error (RuntimeError: disk on fire)" in out
    assert list(Article.objects.values_list("origin", flat=True)) == ["in/a.txt"]
    assert Source.objects.count() == 1


def test_fixity_holds_after_import(seeds):
    import_articles(str(seeds))
    code, out = verify_fixity()
    assert code == 0
    assert "4 originals checked, 0 mismatched" in out


def test_fixity_reports_an_original_that_changed_in_storage(seeds):
    import_articles(str(seeds))
    article = Article.objects.first()
    Article.objects.filter(pk=article.pk).update(original=b"tampered")
    code, out = verify_fixity()
    assert code == 1
    assert f"MISMATCH article {article.pk} ({article.origin})" in out


def test_dry_run_shows_the_parse_even_before_the_database_is_migrated(tmp_path):
    env = os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path}/never-migrated.sqlite3"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", "--dry-run", "--json", str(SEEDS)],
        cwd=SEEDS.parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["status"] for line in result.stdout.splitlines()] == ["imported"] * 4


def test_file_crediting_a_merged_away_source_joins_the_surviving_source(tmp_path):
    trend = Source.objects.create(name="Trend", slug="trend")
    SourceAlias.objects.create(name="Trend News Agency", source=trend)
    write(tmp_path / "in", "a.txt", GOOD.replace(b"By Trend", b"By Trend News Agency"))
    import_articles(str(tmp_path / "in"))
    assert Article.objects.get().source == trend
    assert Source.objects.count() == 1


def test_tag_name_merged_into_another_tag_is_not_created_again(tmp_path):
    putin = Tag.objects.create(name="Putin", slug="putin", kind=Tag.Kind.PERSON)
    TagAlias.objects.create(name="Vladimir Putin", kind=Tag.Kind.PERSON, tag=putin)
    write(tmp_path / "in", "a.txt", GOOD + b"\nVladimir Putin met Ilham Aliyev in Sochi.\n")
    import_articles(str(tmp_path / "in"))
    assert putin in Article.objects.get().tags.all()
    assert not Tag.objects.filter(name="Vladimir Putin").exists()


def test_summary_counts_a_single_file_in_the_singular(tmp_path):
    path = write(tmp_path / "in", "a.txt", GOOD)
    _, out, _ = import_articles(str(path))
    assert out.strip().splitlines()[-1] == "1 file: 1 imported, 0 updated, 0 unchanged, 0 failed"


def _raise_for(marker: bytes, error: BaseException):
    """A parser that raises `error` on the one file holding `marker`."""
    from articles.ingest import pipeline

    real = pipeline.parse

    def parse(text, *args):
        if marker.decode() in text:
            raise error
        return real(text, *args)

    return parse


@pytest.mark.parametrize(
    "error",
    [KeyError("i̇yul"), MemoryError(), RecursionError("maximum recursion depth exceeded")],
    ids=["KeyError", "MemoryError", "RecursionError"],
)
def test_run_goes_on_with_an_internal_error_line_when_the_parser_raises(
    tmp_path, monkeypatch, error
):
    folder = tmp_path / "in"
    write(folder, "a.txt", GOOD)
    write(folder, "b.txt", GOOD + b"\nPOISON\n")
    write(folder, "c.txt", GOOD.replace(b"education", b"transport"))
    monkeypatch.setattr("articles.ingest.pipeline.parse", _raise_for(b"POISON", error))
    code, out, err = import_articles(str(folder))
    assert code == 1
    assert f"in/b.txt: failed: internal error ({type(error).__name__}" in out
    assert out.strip().splitlines()[-1] == "3 files: 2 imported, 0 updated, 0 unchanged, 1 failed"
    assert "Traceback" not in out + err
    assert sorted(Article.objects.values_list("origin", flat=True)) == ["in/a.txt", "in/c.txt"]


def test_traceback_goes_to_standard_error_when_verbosity_is_2(tmp_path, monkeypatch):
    write(tmp_path / "in", "b.txt", GOOD + b"\nPOISON\n")
    monkeypatch.setattr("articles.ingest.pipeline.parse", _raise_for(b"POISON", KeyError("x")))
    code, out, err = import_articles("-v", "2", str(tmp_path / "in"))
    assert code == 1
    assert "Traceback (most recent call last)" in err
    assert "Traceback" not in out


def test_txt_files_are_found_in_any_case_when_a_folder_is_walked(tmp_path):
    write(tmp_path / "in", "UPPER.TXT", GOOD)
    code, out, _ = import_articles(str(tmp_path / "in"))
    assert code == 0
    assert "in/UPPER.TXT: imported" in out


@pytest.mark.parametrize("named", [True, False], ids=["named", "in-folder"])
def test_fifo_is_reported_and_never_opened_when_named_or_found(tmp_path, no_hang, named):
    folder = tmp_path / "in"
    write(folder, "a.txt", GOOD)
    os.mkfifo(folder / "pipe.txt")
    paths = [str(folder / "a.txt"), str(folder / "pipe.txt")] if named else [str(folder)]
    code, out, _ = import_articles(*paths)
    assert code == 1
    assert "in/pipe.txt: failed: not a regular file (a FIFO); not opened" in out
    assert Article.objects.count() == 1


def test_link_to_dev_zero_is_refused_without_reading_when_named(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "zero.txt").symlink_to("/dev/zero")
    code, out, _ = import_articles(str(tmp_path / "in" / "zero.txt"))
    assert code == 1
    assert "in/zero.txt: failed: not a regular file (a character device); not opened" in out


def test_broken_link_is_a_failed_file_not_bad_usage_when_named(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, out, _ = import_articles(str(tmp_path / "in" / "gone.txt"))
    assert code == 1
    assert "in/gone.txt: failed: broken symbolic link (its target does not exist)" in out


PAGE = b"https://trend.az/azerbaijan/politics/3456789.html\n\n"


def test_page_named_by_two_files_keeps_the_first_and_stays_put_when_imported_again(tmp_path):
    folder = tmp_path / "in"
    write(folder, "a.txt", PAGE + GOOD)
    write(folder, "b.txt", PAGE + GOOD.replace(b"education", b"transport"))
    first = import_articles(str(folder))
    second = import_articles(str(folder))
    refused = (
        "in/b.txt: failed: names the same page as in/a.txt "
        "(https://trend.az/azerbaijan/politics/3456789.html); kept that file's text"
    )
    assert (first[0], second[0]) == (1, 1)
    assert refused in first[1] and refused in second[1]
    assert ": unchanged" in second[1] and ": updated" not in second[1]
    article = Article.objects.get()
    assert "education" in article.body
    assert Revision.objects.count() == 0


def test_report_line_cannot_be_forged_when_a_file_name_holds_a_newline(tmp_path):
    write(tmp_path / "in", "forged.txt: imported\nreal.txt", GOOD)
    code, out, _ = import_articles(str(tmp_path / "in"))
    assert code == 0
    assert out.splitlines() == [
        "in/forged.txt: imported\\nreal.txt: imported",
        "1 file: 1 imported, 0 updated, 0 unchanged, 0 failed",
    ]


def test_name_is_stored_escaped_and_json_stays_utf8_when_it_is_not_utf8(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xff.txt")).write_bytes(GOOD)
    code, out, err = import_articles("--json", str(folder))
    record = json.loads(out)
    assert code == 0
    assert out.encode("utf-8") and err.encode("utf-8")  # no lone surrogate: no raw 0xFF byte
    assert record["file"] == "in/caf\\xff.txt"
    article = Article.objects.get()
    assert article.origin == "in/caf\\xff.txt"
    assert article.file_path.endswith("in/caf\\xff.txt")
    code, out, _ = import_articles(str(folder))
    assert out.startswith("in/caf\\xff.txt: unchanged")


def test_file_fails_alike_on_both_databases_when_its_path_is_too_long(tmp_path):
    folder = tmp_path / "in"
    deep = folder.joinpath(*["d" * 200] * 5)
    write(deep, "a.txt", GOOD)
    code, out, _ = import_articles(str(folder))
    assert code == 1
    assert "characters long (limit 1,000)" in out
    assert not Article.objects.exists()


def test_output_bytes_are_utf8_when_a_file_name_is_not(tmp_path):
    # Through a real process: call_command's StringIO would hide what the
    # terminal's encoder (surrogateescape) makes of a name's raw 0xFF byte.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xff.txt")).write_bytes(GOOD)
    env = os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path}/never-migrated.sqlite3"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", "--dry-run", "--json", str(folder)],
        cwd=SEEDS.parents[1],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert b"\xff" not in result.stdout + result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["file"] == "in/caf\\xff.txt"


class PipeClosedAfterOneLine(StringIO):
    """Standard output as `| head -1` leaves it: the second line finds the pipe closed."""

    def write(self, text: str) -> int:
        if self.getvalue().count("\n") >= 1:
            raise BrokenPipeError(32, "Broken pipe")
        return super().write(text)


@pytest.mark.parametrize("as_json", [True, False], ids=["json", "lines"])
def test_import_goes_on_and_summary_goes_to_standard_error_when_the_reader_stops(seeds, as_json):
    out, err = PipeClosedAfterOneLine(), StringIO()
    call_command(
        "import_articles", *(["--json"] if as_json else []), str(seeds), stdout=out, stderr=err
    )
    assert len(out.getvalue().splitlines()) == 1
    assert "standard output was closed; the import goes on" in err.getvalue()
    assert "4 files: 4 imported" in err.getvalue()
    assert Article.objects.count() == 4


def test_a_reader_that_stops_early_sees_no_traceback_through_a_real_pipe(tmp_path):
    # Sixty records of some 4 KB each overfill the pipe's buffer (64 KB), so
    # the writer is still writing when the reader goes.
    folder = tmp_path / "in"
    paragraph = b"Baku and Moscow discussed trade, transport and education in detail. " * 60
    for number in range(60):
        write(folder, f"article_{number:02}.txt", GOOD + b"\n" + paragraph + str(number).encode())
    env = os.environ | {"DATABASE_URL": f"sqlite:///{tmp_path}/never-migrated.sqlite3"}
    command = [
        sys.executable,
        "manage.py",
        "import_articles",
        "--dry-run",
        "--json",
        "--workers",
        "1",
    ]
    process = subprocess.Popen(
        [*command, str(folder)], cwd=SEEDS.parents[1], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, err
    assert json.loads(first)["status"] == "imported"
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert "60 files: 60 imported" in err


def shared_lookup_queries() -> int:
    """Queries the lookups every list page reads cost now (0: they are cached)."""
    with CaptureQueriesContext(connection) as queries:
        present_languages()
        known_spellings("default")
    return len(queries)


def test_import_leaves_what_every_list_page_reads_in_the_cache_when_it_stored_files(seeds):
    cache.clear()
    import_articles(str(seeds))
    assert shared_lookup_queries() == 0


def test_dry_run_reads_nothing_into_the_cache_when_run(seeds):
    cache.clear()
    import_articles("--dry-run", str(seeds))
    assert shared_lookup_queries() == 2
