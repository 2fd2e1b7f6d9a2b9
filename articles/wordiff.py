"""What one version of a text changed against another, word by word (render).

Two clean bodies (paragraphs separated by a blank line, "## " opening a
subheading) become paragraphs of runs: words both keep, words only the
second adds, words only the first has. Pure Python (difflib's
SequenceMatcher over word tokens), no Django: the story page and the diff
page render the runs with <ins> and <del>.

Paragraph breaks are tokens of their own, so a moved break is a change like
any other; each break kept, added or left out starts a paragraph. Each text is
compared up to MAX_WORDS words, so a very long article costs a bounded time;
`is_cut` says when the rest was left out.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import StrEnum

# Words of each text compared: a long feature still diffs within a page's
# time (SequenceMatcher is near-quadratic on texts with few long matches).
MAX_WORDS = 3_000
# Stands between paragraphs in the token stream; no word holds a newline.
BREAK = "\n"


class Change(StrEnum):
    KEPT = "kept"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Run:
    """Consecutive words that one kind of change shares, joined by spaces."""

    change: Change
    text: str

    @property
    def is_kept(self) -> bool:
        return self.change is Change.KEPT

    @property
    def is_added(self) -> bool:
        return self.change is Change.ADDED

    @property
    def is_removed(self) -> bool:
        return self.change is Change.REMOVED


@dataclass(frozen=True)
class WordDiff:
    """Paragraphs of runs, and how many words each kind of change holds."""

    paragraphs: list[list[Run]] = field(default_factory=list)
    kept: int = 0
    added: int = 0
    removed: int = 0
    is_cut: bool = False

    @property
    def is_same(self) -> bool:
        return not self.added and not self.removed

    @property
    def share_kept(self) -> float:
        """The share of the first text's words the second keeps, 0 to 1."""
        return self.kept / (self.kept + self.removed) if self.kept + self.removed else 1.0


def tokens(body: str) -> list[str]:
    """The words of a clean body, a BREAK between paragraphs; a subheading's
    "## " marker is layout, not a word."""
    found: list[str] = []
    for paragraph in body.split("\n\n"):
        words = paragraph.strip().removeprefix("## ").split()
        if words:
            if found:
                found.append(BREAK)
            found.extend(words)
    return found


def diff_words(first: str, second: str, *, max_words: int = MAX_WORDS) -> WordDiff:
    """How `second` changes `first`, word by word, each cut to `max_words` words."""
    old, new = tokens(first), tokens(second)
    is_cut = len(old) > max_words or len(new) > max_words
    old, new = old[:max_words], new[:max_words]
    # autojunk (on by default) lets the commonest words of a long text seed no
    # match, though matches still grow across them: the same words kept on edited
    # news texts, up to twenty times faster (bench/RESULTS.md, "Story pages").
    matcher = difflib.SequenceMatcher(a=old, b=new)
    builder = _Builder()
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            builder.add(Change.KEPT, new[new_start:new_end])
            continue
        # Removed words first, then what stands in their place.
        builder.add(Change.REMOVED, old[old_start:old_end])
        builder.add(Change.ADDED, new[new_start:new_end])
    return builder.finish(is_cut)


class _Builder:
    """Collects runs into paragraphs, counting the words of each change."""

    def __init__(self) -> None:
        self.paragraphs: list[list[Run]] = [[]]
        self.counts = dict.fromkeys(Change, 0)

    def add(self, change: Change, words: list[str]) -> None:
        pending: list[str] = []
        for word in words:
            if word != BREAK:
                pending.append(word)
                continue
            self._run(change, pending)
            pending = []
            # Every break starts a paragraph, a removed one too: a paragraph
            # the second text leaves out then shows struck through on its own.
            if self.paragraphs[-1]:
                self.paragraphs.append([])
        self._run(change, pending)

    def _run(self, change: Change, words: list[str]) -> None:
        if not words:
            return
        self.counts[change] += len(words)
        runs = self.paragraphs[-1]
        if runs and runs[-1].change is change:
            runs[-1] = Run(change, f"{runs[-1].text} {' '.join(words)}")
        else:
            runs.append(Run(change, " ".join(words)))

    def finish(self, is_cut: bool) -> WordDiff:
        return WordDiff(
            paragraphs=[runs for runs in self.paragraphs if runs],
            kept=self.counts[Change.KEPT],
            added=self.counts[Change.ADDED],
            removed=self.counts[Change.REMOVED],
            is_cut=is_cut,
        )
