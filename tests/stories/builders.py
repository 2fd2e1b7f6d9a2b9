"""Articles for the stories tests, written as files and imported as an operator would."""

from __future__ import annotations

import random
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from articles.models import Article

# Words a generated wire item is made of: bilateral news vocabulary, so the
# texts look like the archive's and share its common words.
WIRE_VOCABULARY = (
    "delegation ministry cooperation agreement transport energy corridor cargo railway "
    "investment trade turnover customs border terminal pipeline supplies contract tender "
    "officials talks session commission working group programme export import tonnes "
    "percent quarter growth partners project financing construction bridge highway port "
    "logistics tariffs grain fertiliser freight container capacity schedule inspection"
)


def wire_body(seed: int, *, paragraphs: int = 4, words: int = 28) -> str:
    """A generated wire item: `paragraphs` paragraphs of `words` words each."""
    chooser, words_known = random.Random(seed), WIRE_VOCABULARY.split()
    return "\n\n".join(
        " ".join(chooser.choice(words_known) for _ in range(words)).capitalize() + "."
        for _ in range(paragraphs)
    )


def article_file(*, date: str, source: str, headline: str, body: str, byline: str = "") -> str:
    """An article as the outlets' pages are copied: a date line, headline, text."""
    lines = [f" date {date} By {source}", "", headline, ""]
    if byline:
        lines += [byline, ""]
    return "\n".join([*lines, body, ""])


def import_files(folder: Path, files: dict[str, str]) -> dict[str, Article]:
    """Write `files` (name -> text) into `folder`, import it, return each name's article."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    call_command("import_articles", str(folder), stdout=StringIO(), stderr=StringIO())
    return {name: Article.objects.get(origin__endswith=name) for name in files}


def reloaded(articles: dict[str, Article]) -> dict[str, Article]:
    return {name: Article.objects.get(pk=article.pk) for name, article in articles.items()}
