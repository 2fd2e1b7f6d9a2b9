"""The stories grouping (articles.stories): how well it groups, and what it costs.

    python bench/stories.py                      # a fresh SQLite archive in a temporary folder
    python bench/stories.py pairs --regroup      # ... grouped again by `group_stories --rebuild`
    DATABASE_URL=postgres://postgres@127.0.0.1/bench_stories python bench/stories.py
    DATABASE_URL=sqlite:///bench/data/stories_10000.sqlite3 python bench/stories.py cost

`cost` runs on a copy of a generated corpus (bench/generate.py's bulk path,
which never files articles): it migrates, times `group_stories --rebuild` over
the whole archive (what a bulk load then pays), times the lookup of one
article's candidates (`neighbours`) on a sample, and times the real importer on
generated files, batches alternating with the grouping turned off and on.

Every file of tests/stories/pairs is imported into one empty archive with the
real importer (so one pair's articles may wrongly join another's, as in a real
archive), then each labelled pair is scored for both groupings: copies (the two
are versions of one text: one is the other's copy_of, or both copy the same
original) and stories (they share a story). Printed overall, by language pair
and by how the pair was made. tests/stories/test_grouping_quality.py holds the
floors; bench/RESULTS.md keeps the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAIRS = ROOT / "tests" / "stories" / "pairs"
GROUPINGS = ("copy", "story")
WARM_UP_FILES = 25
LEADING = ("all", "held out", "tuned on")


@dataclass
class Tally:
    """Pairs labelled and predicted for one grouping."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, *, labelled: bool, predicted: bool, name: str) -> None:
        if labelled and predicted:
            self.true_positive += 1
        elif predicted:
            self.false_positive += 1
            self.wrong.append(name)
        elif labelled:
            self.false_negative += 1
            self.missed.append(name)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_positive + self.false_negative
        return self.true_positive / labelled if labelled else 1.0

    def line(self) -> str:
        return (
            f"P {self.precision:.2f} R {self.recall:.2f} "
            f"(tp {self.true_positive}, fp {self.false_positive}, fn {self.false_negative})"
        )


def labelled_pairs(folder: Path = PAIRS) -> list[dict]:
    return json.loads((folder / "labels.json").read_text(encoding="utf-8"))["pairs"]


def language_of(name: str) -> str:
    """The pair files say their language after the event: ev01_ru_interfax.txt."""
    return name.split("_")[1] if name.split("_")[1] in {"en", "ru", "az"} else name.split("_")[2]


def import_pairs(folder: Path = PAIRS, *, regroup: bool = False) -> dict[str, object]:
    """Import every pair file into the current (empty) archive, and with `regroup`
    group it again in one pass (`group_stories --rebuild`); each file's article."""
    from django.core.management import call_command

    from articles.models import Article

    call_command("import_articles", str(folder), stdout=StringIO(), stderr=StringIO())
    if regroup:
        call_command("group_stories", "--rebuild", stdout=StringIO())
    by_origin = {a.origin.rsplit("/", 1)[-1]: a for a in Article.objects.defer("original")}
    return by_origin


def predicted(first, second) -> dict[str, bool]:
    """Whether the importer put the two articles in one copy group, one story."""
    root_a, root_b = first.copy_of_id or first.pk, second.copy_of_id or second.pk
    return {
        "copy": root_a == root_b,
        "story": first.story_id is not None and first.story_id == second.story_id,
    }


def score(folder: Path = PAIRS, *, regroup: bool = False) -> dict[str, dict[str, Tally]]:
    """Both groupings' tallies: overall ("all"), by language pair, by kind, and for
    the pairs the thresholds were chosen on apart from those held out."""
    articles = import_pairs(folder, regroup=regroup)
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: {g: Tally() for g in GROUPINGS})
    for pair in labelled_pairs(folder):
        first, second = articles[pair["a"]], articles[pair["b"]]
        guess = predicted(first, second)
        languages = "-".join(sorted({language_of(pair["a"]), language_of(pair["b"])}))
        name = f"{pair['a']} ~ {pair['b']}"
        keys = ["all", f"languages {languages}", f"kind {pair['kind']}"]
        keys.append("held out" if pair.get("held_out") else "tuned on")
        for key in keys:
            for grouping in GROUPINGS:
                tallies[key][grouping].add(
                    labelled=pair[grouping], predicted=guess[grouping], name=name
                )
    return dict(tallies)


def report(tallies: dict[str, dict[str, Tally]]) -> str:
    lines = []
    for key in sorted(tallies, key=lambda k: (k not in LEADING, k)):
        cells = "; ".join(f"{g}: {tallies[key][g].line()}" for g in GROUPINGS)
        lines.append(f"{key:<40} {cells}")
    overall = tallies["all"]
    for grouping in GROUPINGS:
        for label, names in (
            ("missed", overall[grouping].missed),
            ("wrong", overall[grouping].wrong),
        ):
            lines += [f"{grouping} {label}: {name}" for name in names]
    return "\n".join(lines)


def measure_cost(
    *, files: int, samples: int, seed: int | None, regroup: bool = True, against: Path | None = None
) -> dict:
    """Grouping's cost on the archive DATABASE_URL names (a copy of a bulk-loaded corpus)."""
    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    from articles.models import Article
    from bench import corpus

    call_command("migrate", verbosity=0)
    articles = Article.objects.count()
    figures: dict = {"articles": articles}
    if regroup:
        wall, cpu = _time_grouping()
        figures |= {"group_seconds": wall, "group_cpu_seconds": cpu}
        figures["group_cpu_ms_per_article"] = round(cpu / articles * 1000, 2)
    figures |= _time_neighbours(samples)
    figures |= _time_importer(
        files, start=articles, seed=seed or corpus.DEFAULT_SEED, against=against
    )
    return figures


def _time_grouping() -> tuple[float, float]:
    """Seconds of `group_stories --rebuild`: wall-clock, and this process's CPU time
    (SQLite's work included, PostgreSQL's server not), the steadier on a shared machine."""
    from articles.stories_archive import group_archive

    started, started_cpu = time.perf_counter(), time.process_time()
    group_archive(rebuild=True)
    return round(time.perf_counter() - started, 2), round(time.process_time() - started_cpu, 2)


def _time_neighbours(samples: int) -> dict:
    """The candidate lookup of `samples` articles spread over the archive, each once
    warm: the copies' and event reports' one query, with the rows it returns."""
    from articles import stories
    from articles.ingest.fingerprint import fingerprint
    from articles.models import Article
    from bench.measure import percentile
    from bench.timing import sample

    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    chosen = Article.objects.filter(pk__in=ids[:: max(1, len(ids) // samples)][:samples])
    wall, cpu = [], []
    for article in chosen:
        found, events = fingerprint(article.body), stories.event_texts(article)
        stories.neighbours(article, found, events)
        timed = sample(lambda a=article, f=found, e=events: stories.neighbours(a, f, e), 1)
        wall += timed.wall
        cpu += timed.cpu
    return {
        f"neighbours_{name}_p{rank}_ms": round(percentile(times, rank) * 1000, 2)
        for name, times in (("wall", wall), ("cpu", cpu))
        for rank in (50, 95)
    }


def _time_importer(files: int, *, start: int, seed: int, against: Path | None = None) -> dict:
    """The importer on `files` new generated files in batches, the grouping off
    (the store's hook made a no-op) and on by turns, so the machine's drift falls
    on both alike; with `against` (another version of articles/stories.py), its
    filing takes turns too, in the order off, against, on, on, against, off. A
    version without place_new files each article after its INSERT, as the store
    did before it placed articles first."""
    from django.core.management import call_command
    from django.db import connection

    from articles import stories
    from bench.generate import write_files

    filing = stories.place_new
    filings = {"off": _filed_after(lambda article, **kwargs: None), "on": filing}
    turns = ["off", "on", "off", "on"]
    if against is not None:
        other = _module_from(against)
        filings["against"] = getattr(other, "place_new", None) or _filed_after(other.file_article)
        turns = ["off", "against", "on", "on", "against", "off"]
    spent = {name: dict.fromkeys(filings, 0.0) for name in _clocks()}
    batch = files // len(turns)
    with tempfile.TemporaryDirectory(prefix="stories-files-") as folder:
        # Untimed: the first files pay for loading the register, gazetteer and caches.
        write_files(WARM_UP_FILES, Path(folder) / "warm", seed=seed, start=start + files)
        call_command("import_articles", str(Path(folder) / "warm"), stdout=StringIO())
        for turn, mode in enumerate(turns):
            batch_folder = Path(folder) / str(turn)
            write_files(batch, batch_folder, seed=seed, start=start + turn * batch)
            stories.place_new = filings[mode]
            # A connection of its own: what a filing sets on one stays with it.
            connection.close()
            before = _clocks()
            call_command("import_articles", str(batch_folder), stdout=StringIO(), stderr=StringIO())
            for name, value in _clocks().items():
                spent[name][mode] += value - before[name]
    stories.place_new = filing
    both = {mode: spent["cpu"][mode] + spent["server_cpu"][mode] for mode in filings}
    spent["client_and_server_cpu"] = both
    # The whole import's CPU: the writer, its server backend and the parse workers.
    spent["whole_cpu"] = {mode: both[mode] + spent["workers_cpu"][mode] for mode in filings}
    if not any(spent["server_cpu"].values()):
        del spent["server_cpu"], spent["client_and_server_cpu"]
    figures = {}
    for key, by_mode in spent.items():
        per_file = {
            mode: total / turns.count(mode) / batch * 1000 for mode, total in by_mode.items()
        }
        for mode, value in per_file.items():
            figures[f"import_{key}_ms_per_file_{mode}"] = round(value, 2)
            if mode != "off":
                added = "" if mode == "on" else f"_{mode}"
                figures[f"import_{key}_added_percent{added}"] = round(
                    (value / per_file["off"] - 1) * 100, 1
                )
    return figures


def _filed_after(file_article: Callable[..., None]) -> Callable[..., FiledAfter]:
    """A stand-in for articles.stories.place_new: the article is written as it
    comes, then `file_article` files it (a no-op: the grouping off)."""

    def place_new(article, **kwargs) -> FiledAfter:
        return FiledAfter(article, file_article)

    return place_new


@dataclass(frozen=True)
class FiledAfter:
    """What the store calls once the article's row is written (Placing.file)."""

    article: object
    file_article: Callable[..., None]

    def file(self) -> None:
        self.file_article(self.article, is_new=True)


def _clocks() -> dict[str, float]:
    """Wall clock; CPU of this process, of its PostgreSQL backend and of the
    parse workers the runs have joined."""
    return {
        "wall": time.perf_counter(),
        "cpu": time.process_time(),
        "server_cpu": _server_cpu(),
        "workers_cpu": _workers_cpu(),
    }


def _module_from(path: Path):
    """Another version of articles.stories, loaded beside this tree's."""
    spec = importlib.util.spec_from_file_location("articles.stories_against", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _workers_cpu() -> float:
    """Seconds of CPU the import's parse workers used, once the run has joined them."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _server_cpu() -> float:
    """Seconds of CPU the PostgreSQL backend serving this process has used (0 on
    SQLite, whose work is this process's own): utime + stime of its /proc entry,
    readable when the server runs on this machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pairs_report(*, regroup: bool = False) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/stories.sqlite3")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        print(report(score(regroup=regroup)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", choices=("pairs", "cost"), default="pairs")
    parser.add_argument("--files", type=int, default=1000, help="files the importer times")
    parser.add_argument("--samples", type=int, default=200, help="candidate lookups timed")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--no-regroup", action="store_true", help="the archive is grouped already: skip that step"
    )
    parser.add_argument(
        "--regroup",
        action="store_true",
        help="pairs: score them as `group_stories --rebuild` groups them, not the importer",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="cost: another version of articles/stories.py whose filing takes turns with this one",
    )
    args = parser.parse_args(argv)
    if args.what == "pairs":
        pairs_report(regroup=args.regroup)
        return
    regroup = not args.no_regroup
    print(
        json.dumps(
            measure_cost(
                files=args.files,
                samples=args.samples,
                seed=args.seed,
                regroup=regroup,
                against=args.against,
            )
        )
    )


if __name__ == "__main__":
    main()
