"""Precision and recall of the stories grouping on the labelled pairs (articles.stories).

    python bench/stories.py                      # a fresh SQLite archive in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1/bench_stories python bench/stories.py

Every file of tests/stories/pairs is imported into one empty archive with the
real importer (so one pair's articles may wrongly join another's, as in a real
archive), then each labelled pair is scored for both groupings: copies (the two
are versions of one text: one is the other's copy_of, or both copy the same
original) and stories (they share a story). Printed overall, by language pair
and by how the pair was made. tests/stories/test_grouping_quality.py holds the
floors; bench/RESULTS.md keeps the figures.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PAIRS = ROOT / "tests" / "stories" / "pairs"
GROUPINGS = ("copy", "story")


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


def import_pairs(folder: Path = PAIRS) -> dict[str, object]:
    """Import every pair file into the current (empty) archive; each file's article."""
    from django.core.management import call_command

    from articles.models import Article

    call_command("import_articles", str(folder), stdout=StringIO(), stderr=StringIO())
    by_origin = {a.origin.rsplit("/", 1)[-1]: a for a in Article.objects.defer("original")}
    return by_origin


def predicted(first, second) -> dict[str, bool]:
    """Whether the importer put the two articles in one copy group, one story."""
    root_a, root_b = first.copy_of_id or first.pk, second.copy_of_id or second.pk
    return {
        "copy": root_a == root_b,
        "story": first.story_id is not None and first.story_id == second.story_id,
    }


def score(folder: Path = PAIRS) -> dict[str, dict[str, Tally]]:
    """Both groupings' tallies: overall ("all"), by language pair and by kind."""
    articles = import_pairs(folder)
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: {g: Tally() for g in GROUPINGS})
    for pair in labelled_pairs(folder):
        first, second = articles[pair["a"]], articles[pair["b"]]
        guess = predicted(first, second)
        languages = "-".join(sorted({language_of(pair["a"]), language_of(pair["b"])}))
        name = f"{pair['a']} ~ {pair['b']}"
        for key in ("all", f"languages {languages}", f"kind {pair['kind']}"):
            for grouping in GROUPINGS:
                tallies[key][grouping].add(
                    labelled=pair[grouping], predicted=guess[grouping], name=name
                )
    return dict(tallies)


def report(tallies: dict[str, dict[str, Tally]]) -> str:
    lines = []
    for key in sorted(tallies, key=lambda k: (k != "all", k)):
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


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/stories.sqlite3")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        print(report(score()))


if __name__ == "__main__":
    main()
