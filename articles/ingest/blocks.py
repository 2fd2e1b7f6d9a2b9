"""Where a page's article stands among its chrome, from the shape of its lines (parse).

The rules of chrome.py and furniture.py know the menus, widgets and lists of the outlets they
were written from; an unseen site's chrome has other words but the same shape. This reader
looks at shape only, as jusText and boilerpipe do for HTML: a line of article text has many
words, many of them function words ('the', 'и', 'və'), and sentence marks; a menu, a widget
or a 'latest news' list is short, capitalised, cut by separators, full of digits and times,
and comes in runs of such lines. A short line takes the role of what stands around it, and
the article's text is the densest run of prose (`PageBlocks.main`).

The parser keeps its rules and asks this reader only where they are weakest: which of two
headline or date candidates stands beside the article and which in chrome far from it.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from articles.ingest.language import LETTER_WORD, detect_language, fold, word_set

# The commonest function words of each language: prose is made of them, chrome is not.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": word_set(
        "a about above after again against all also am an and any are as at be because been "
        "before being below between both but by can could did do does doing down during each "
        "few for from further had has have having he her here hers him his how i if in into is "
        "it its itself just me more most my no nor not now of off on once only or other our "
        "out over own said same she should so some such than that the their them then there "
        "these they this those through to too under until up very was we were what when where "
        "which while who whom why will with would you your since says according two new"
    ),
    "ru": word_set(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по "
        "только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если "
        "уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей "
        "может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз "
        "тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом "
        "один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец "
        "два об другой хоть после над больше тот через эти нас про всего них какая много "
        "разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой "
        "им более всегда конечно всю между также это которые который которая которых году "
        "также заявил отметил сообщил"
    ),
    "az": word_set(
        "və bu ilə üçün da də bir olan isə ki həm daha artıq sonra görə arasında edib edilib "
        "olunub oldu olub haqqında dair üzrə qeyd bildirib o onun onlar biz siz mən sən bunu "
        "buna bunun həmin hər heç nə necə niyə çünki amma lakin ancaq yəni belə elə kimi qədər "
        "qarşı sonra əvvəl artıq yenə hələ indi bütün bəzi çox az ən ya yaxud həmçinin eyni "
        "özü öz olaraq olduğu olduğunu edən edir edilir olunur olunacaq edəcək etdi etmək "
        "etmişdir olmuşdur deyib vurğulayıb qeyd bildirdi dedi ildə il tərəfindən zaman "
        "barədə ötən cari iki üç ilk son yeni böyük"
    ),
}

# Separators between a menu's, a breadcrumb's or a widget's items.
_SEPARATOR = re.compile(r"\s[|·•»›/→]\s|\s>\s")
# A sentence's mark: a full stop, a question or an exclamation, a comma between clauses.
_SENTENCE_MARK = re.compile(r"[.!?…](?=\s|$|[\"”»])")
_COMMA = re.compile(r",\s")
_DIGIT = re.compile(r"[0-9]")

# How many words make a line prose by its length alone, and how many are too few to judge.
PROSE_MIN_WORDS = 12
LONG_PROSE_WORDS = 30
SHORT_MAX_WORDS = 6
# The share of function words below which a long line is a list of names, not prose; an
# Azerbaijani sentence, agglutinated, holds fewer separate function words than the others.
STOPWORD_SHARE_MIN = {"en": 0.22, "ru": 0.14, "az": 0.08}
# Capitalised words in a row of menu items or titles, far above any sentence's share.
CAPITALISED_SHARE_MAX = 0.7
# Three short lines in a row with nothing between are a list (a menu, 'latest news').
SHORT_RUN_MIN = 3
# A page's headline, date and byline stand 0 to 3 lines above its text (on dev: 1225 of
# 1282 headlines); chrome this far above it is no part of the article's header.
FAR_FROM_TEXT_LINES = 4


class Role(enum.Enum):
    CONTENT = "content"
    CHROME = "chrome"
    SHORT = "short"


@dataclass(frozen=True)
class LineShape:
    """The general features of one line that tell prose from chrome."""

    words: int
    stopword_share: float
    sentence_marks: int
    capitalised_share: float
    separators: int
    digit_share: float


def line_shape(line: str, stopwords: frozenset[str]) -> LineShape:
    words = LETTER_WORD.findall(line)
    count = len(words)
    letters_and_digits = sum(char.isalnum() for char in line) or 1
    return LineShape(
        words=count,
        stopword_share=sum(fold(word) in stopwords for word in words) / count if count else 0.0,
        sentence_marks=len(_SENTENCE_MARK.findall(line)) + len(_COMMA.findall(line)),
        capitalised_share=sum(word[:1].isupper() for word in words) / count if count else 0.0,
        separators=len(_SEPARATOR.findall(line)),
        digit_share=len(_DIGIT.findall(line)) / letters_and_digits,
    )


def intrinsic_role(shape: LineShape, language: str) -> Role:
    """What a line is by its own features, before its neighbours are looked at."""
    if shape.words == 0 or shape.separators >= 2 or shape.digit_share > 0.5:
        return Role.CHROME
    if shape.separators and shape.words <= PROSE_MIN_WORDS:
        return Role.CHROME
    if shape.words <= SHORT_MAX_WORDS:
        return Role.SHORT
    if shape.capitalised_share > CAPITALISED_SHARE_MAX and shape.sentence_marks == 0:
        return Role.CHROME
    threshold = STOPWORD_SHARE_MIN.get(language, STOPWORD_SHARE_MIN["en"])
    wordy = shape.words >= LONG_PROSE_WORDS or (
        shape.words >= PROSE_MIN_WORDS and shape.sentence_marks > 0
    )
    if wordy and shape.stopword_share >= threshold:
        return Role.CONTENT
    return Role.SHORT


@dataclass(frozen=True)
class Span:
    """Line indices [start, end) of the page's lines."""

    start: int
    end: int

    def __contains__(self, index: object) -> bool:
        return isinstance(index, int) and self.start <= index < self.end


class PageBlocks:
    """The roles of a page's lines and the span of its article text.

    `lines` are the page's lines as the parser holds them, blank ones included (a blank line
    parts blocks); indices in and out are indices of `lines`.
    """

    def __init__(self, lines: Sequence[str], language: str | None = None) -> None:
        self.lines = lines
        self.language = language or _stopword_language(lines)
        stopwords = STOPWORDS[self.language]
        self.filled = [index for index, line in enumerate(lines) if line]
        self.shapes = {index: line_shape(lines[index], stopwords) for index in self.filled}
        intrinsic = [intrinsic_role(self.shapes[index], self.language) for index in self.filled]
        self._roles = dict(zip(self.filled, _in_context(intrinsic), strict=True))
        self.main = _densest_prose_run(self.filled, self._roles, self.shapes)

    def role(self, index: int) -> Role:
        """The line's role; a blank line is no chrome and no content."""
        return self._roles.get(index, Role.SHORT)

    def is_far_chrome(self, index: int) -> bool:
        """Whether the line is chrome standing far above the article's text: a menu's, a
        widget's or another story's list, not the article's header."""
        distance = self.lines_before_main(index)
        return (
            self.role(index) is Role.CHROME
            and distance is not None
            and distance >= FAR_FROM_TEXT_LINES
        )

    def main_text(self, limit: int) -> str:
        """The first `limit` characters of the article's text."""
        if self.main is None:
            return ""
        text = " ".join(line for line in self.lines[self.main.start : self.main.end] if line)
        return text[:limit]

    def items_above(self, index: int) -> int:
        """How many lines shaped like a list's item (a headline's few words, no separators,
        not mostly digits) stand right above `index`, up to the nearest prose: a list of
        other stories has several, a headline over its standfirst one."""
        count = 0
        for other in reversed(self.filled[: bisect.bisect_left(self.filled, index)]):
            if self._roles[other] is Role.CONTENT:
                break
            count += _is_item_shaped(self.shapes[other])
        return count

    def lines_before_main(self, index: int) -> int | None:
        """How many filled lines stand between `index` and the start of the article's text
        (0: right above it); None when the line is not above it."""
        if self.main is None or index >= self.main.start:
            return None
        start = bisect.bisect_left(self.filled, self.main.start)
        return start - bisect.bisect_right(self.filled, index)


# A list's item: a headline's length.
ITEM_MIN_WORDS = 3
ITEM_MAX_WORDS = 20


def _is_item_shaped(shape: LineShape) -> bool:
    return (
        ITEM_MIN_WORDS <= shape.words <= ITEM_MAX_WORDS
        and not shape.separators
        and shape.digit_share < 0.3
    )


def _stopword_language(lines: Sequence[str]) -> str:
    language = detect_language("\n".join(line for line in lines if line))
    return language if language in STOPWORDS else "en"


def _in_context(roles: list[Role]) -> list[Role]:
    """Short lines take their neighbours' role: between two of content they are content (a
    subheading), between two of chrome chrome (a menu's item); a run of short lines with no
    prose in it is a list, which is chrome."""
    settled = list(roles)
    for position, role in enumerate(roles):
        if role is not Role.SHORT:
            continue
        before = _nearest_decided(roles, position, -1)
        after = _nearest_decided(roles, position, 1)
        if before is after and before is not None:
            settled[position] = before
    return _short_runs_as_lists(settled)


def _nearest_decided(roles: list[Role], position: int, step: int) -> Role | None:
    position += step
    while 0 <= position < len(roles):
        if roles[position] is not Role.SHORT:
            return roles[position]
        position += step
    return None


def _short_runs_as_lists(roles: list[Role]) -> list[Role]:
    settled = list(roles)
    start = 0
    while start < len(roles):
        end = start
        while end < len(roles) and roles[end] is not Role.CONTENT:
            end += 1
        shorts = sum(role is Role.SHORT for role in roles[start:end])
        if shorts >= SHORT_RUN_MIN and end - start >= SHORT_RUN_MIN + 1:
            settled[start:end] = [Role.CHROME] * (end - start)
        start = end + 1
    return settled


# What each role adds to a run's score: prose by its words, chrome against it by a steady
# cost (a long menu is no worse than a short one), a short line a little.
CHROME_COST = 8
SHORT_COST = 1


def _densest_prose_run(
    filled: list[int], roles: dict[int, Role], shapes: dict[int, LineShape]
) -> Span | None:
    """The run of lines whose prose outweighs the chrome inside it most (Kadane's maximum
    subarray): the article's text, with its short subheadings and captions."""
    best, best_span = 0, None
    total, start = 0, 0
    for position, index in enumerate(filled):
        role = roles[index]
        if role is Role.CONTENT:
            gain = shapes[index].words
        elif role is Role.CHROME:
            gain = -CHROME_COST
        else:
            gain = -SHORT_COST
        if total <= 0:
            total, start = 0, position
        total += gain
        if total > best:
            best, best_span = total, (start, position)
    if best_span is None:
        return None
    first, last = best_span
    return Span(filled[first], filled[last] + 1)
