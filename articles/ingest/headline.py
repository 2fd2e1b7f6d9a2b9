"""The page's headline among its header lines, a part of parsing (parse).

A copied page opens with its site's header: name, tagline, menus, widgets,
a rubric, then the headline, a standfirst, the date and the byline. The
parser drops what is plainly chrome; this module finds where the header
ends (`header_end`), mends what the copy broke (a headline wrapped over two
lines, a date glued to it, a breadcrumb ending in it) and scores the lines
left for how much they read like the headline (`choose_headline`): next to
the date or byline, alone between blank lines, repeated, first, wordy; never
a menu, a tagline, a person's name, a dated list item or a line after prose.
Every look-around is bounded, so the header costs time linear in its size.
"""

from __future__ import annotations

import functools
import itertools
import re

from articles.ingest.chrome import is_row_of_controls
from articles.ingest.datelines import find_dateline
from articles.ingest.dates import (
    MONTH_PATTERN,
    SEGMENT_SEPARATOR,
    date_only_line,
    ends_in_stamp,
    find_date,
)
from articles.ingest.language import fold, word_set
from articles.ingest.sources import (
    CREDIT_PREFIX,
    ORGANISATION_WORDS,
    QUOTES,
    KnownSources,
    looks_like_person,
)

# A page's header (banner, menus, headline, date, byline) fits in its first lines;
# bounding it keeps a file of many short lines linear.
HEADER_MAX_LINES = 200
# What the headline chooser reads of the text under the header to see what it is about.
BODY_LINES_READ = 40
BODY_CHARS_READ = 3000
STEM_CHARS = 5
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
TERMINAL = '.!?:;"”»)…'
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_URL = re.compile(r"(?i:https?://|www\.)")


def is_paragraph(line: str) -> bool:
    words = line.count(" ") + 1
    return len(line) > 200 or (words >= 20 and line[-1] in '.!?"”»')


_HEADLINE_END = re.compile(r"[.,;:\-–—]$")
_GLUED_DATE = re.compile(
    rf"(?<=[^\W\d_])(?=[0-9]{{1,2}}\s{{1,3}}{MONTH_PATTERN}\s{{0,3}}[0-9]{{4}}|[0-9]{{1,2}}\.[0-9]{{2}}\.[0-9]{{4}})"
)
# "03.07.2017, 10:15Dostluq …", "22 февраля, 2023 12:47Баку. …": a time glued to what follows.
_DATE_GLUED_BEFORE = re.compile(r"^(?P<date>[^\n]{4,40}?[0-9]{1,2}:[0-9]{2})(?=[A-ZА-ЯЁƏÜÖĞİŞÇ])")
# "Today.Az » Politics » Russia ends use of Gabala radar": a breadcrumb ending in the headline.
_CRUMBS_THEN_HEADLINE = re.compile(
    r"^(?:[^»›→>/]{1,40}\s[»›→>]\s){2,5}(?P<last>(?:[^\s»›→>]+\s){3,}[^\s»›→>]+)$"
)
# A column gap (" | " once cleaned) before a word in lower case: a PDF's two columns of text.
_TEXT_COLUMNS = re.compile(r" \| [a-zа-яёəüöğışç]")
_PERIODICAL_WORDS = word_set(
    "weekly daily monthly quarterly bulletin digest newsletter newswire journal еженедельник "
    "бюллетень дайджест журнал "
    "həftəlik bülleten icmal jurnal"
)
# An Azerbaijani noun's possessive ending: 'Məlumat bülleteni', 'Xəbərlər icmalı'.
_POSSESSIVE_ENDING = re.compile(r"(?:s?[iıuü])$")
# A periodical's issue mark beside its name: 'ЕЖЕДНЕВНЫЙ БЮЛЛЕТЕНЬ "ПОЛИТИКА" N 29'.
_ISSUE_MARK = re.compile(r"№|(?<!\w)(?:N|No\.?|Nr\.?)\s?[0-9]")
# A periodical describing itself: 'A daily report of developments in …', 'Ежедневный обзор …',
# a blog naming itself one: 'Заметки о Кавказе — личный блог', 'My personal blog'.
_SELF_DESCRIPTION = re.compile(
    r"^(?i:an?|the)\s(?i:daily|weekly|monthly|quarterly)\s"
    r"(?i:report|digest|review|bulletin|newsletter|survey|briefing)\s(?i:of|on|from)\s"
    r"|(?i:^|\s)(?i:личный|авторский|personal|şəxsi)\s(?i:блог|blog|bloq)\w{0,2}$"
)
# A digitised paper's note on its copy: 'Электронный архив. Номер от 7 апреля 1992 года.
# Распознанный текст (OCR)', 'Rəqəmsal arxiv · 2001-ci il nömrələri': the archive's, not a story.
_ARCHIVE_NOTE = re.compile(
    r"^(?i:electronic|digital|электронный|цифровой|elektron|rəqəmsal)\s"
    r"(?i:archive|архив|arxiv)\w{0,2}(?:\s[^\W\d_]{1,12})?(?:\s?[.·|:,—–-]\s|$)"
)
_ARCHIVE_NOTE_PARTS = re.compile(r"\s?[.·|]\s")


# An editor's note wholly in brackets, on how the copy was made or what it leaves out:
# '[Text recognised from a scanned page]', '(машинописный оригинал, распознан)',
# '[Mətn avtomatik tanınma ilə əldə edilib]'. A headline is never bracketed whole.
_EDITORS_NOTE = re.compile(r"^(?:\[[^\[\]]{3,200}\]|\([^()]{3,200}\))$")


EDITORS_NOTE_MIN_WORDS = 3


def is_editors_note(line: str) -> bool:
    """A note of three words or more in brackets; '[ 24 İyun 2011 23:10 ]' is a date."""
    if len(line) > 202 or _EDITORS_NOTE.match(line) is None:
        return False
    inner = line[1:-1]
    return len(_LETTER_WORD.findall(inner)) >= EDITORS_NOTE_MIN_WORDS and not date_only_line(inner)


def archive_note_parts(line: str) -> list[str] | None:
    """The parts of a digitised paper's note on its copy, if the line is one."""
    if len(line) > 200 or not _ARCHIVE_NOTE.match(line):
        return None
    return [part.strip() for part in _ARCHIVE_NOTE_PARTS.split(line)[1:] if part.strip()]


# "— Господин посол, как вы оцениваете …?": an interview's turn, opened by a dash or labelled
# ('Вопрос: Как вы оцениваете …', 'Question: …', 'Sual: …').
_SENTENCE_MARK = re.compile(r"[.,:;!?«»\"“”]")
_DIALOGUE_TURN = re.compile(r"^(?:[—–-]\s|(?i:вопрос|ответ|question|answer|sual|cavab)\s?:\s)")
# A headline says what the text says: most of its longer words recur under it.
SHARED_STEMS_MIN = 2
SHARED_STEMS_SHARE = 0.4
LEAD_LINES_READ = 3
_FORUM_LABEL = re.compile(
    r"^(?i:mövzu|тема|topic|re|(?:цитата|quote|sitat)(?:\s(?:from|от|by|müəllif))?)\s*:"
)


def header_end(lines: list[str]) -> int:
    """Where the header ends: the first paragraph, or past a date or byline right under it.

    A standfirst long enough to read as a paragraph may stand above the date
    and author ('Baku's reaction ... began.' then 'Nigar Rustamli | Jul 2, 2025').
    """
    prose = (i for i in range(min(len(lines), HEADER_MAX_LINES)) if _opens_prose(lines, i))
    paragraphs = list(itertools.islice(prose, 2))
    end = paragraphs[0] if paragraphs else min(len(lines), HEADER_MAX_LINES)
    if len(paragraphs) < 2:
        return end
    between = _filled(lines, end + 1, paragraphs[1], 4)
    if between and len(between) <= 3 and any(date_only_line(line) for line in between):
        return paragraphs[1]
    return end


def split_glued_dates(lines: list[str]) -> list[str]:
    """'… for Azerbaijan18 January 2025 10:24': a headline and its date, glued by the copy,
    either way round."""
    split: list[str] = []
    for line in lines:
        before = _DATE_GLUED_BEFORE.match(line) if ":" in line[:45] else None
        if before and date_only_line(before.group("date")):
            split.append(before.group("date"))
            line = line[before.end() :]
        crumbs = _CRUMBS_THEN_HEADLINE.match(line) if len(line) <= 300 else None
        if crumbs:
            line = crumbs.group("last")
        glued = _GLUED_DATE.search(line) if len(line) <= 300 else None
        if glued and date_only_line(line[glued.start() :]):
            split.extend([line[: glued.start()].rstrip(), line[glued.start() :]])
        else:
            split.append(line)
    return split


def index_after_filled(lines: list[str], count: int) -> int:
    """The index just past the `count`-th non-empty line."""
    seen = 0
    for index, line in enumerate(lines):
        if seen == count:
            return index
        seen += bool(line)
    return len(lines)


def _filled(lines: list[str], start: int, stop: int, count: int) -> list[str]:
    """Up to `count` non-empty lines of lines[start:stop], looking no further than needed."""
    step = 1 if stop >= start else -1
    found: list[str] = []
    for index in range(start, stop, step):
        if lines[index]:
            found.append(lines[index])
            if len(found) == count:
                break
    return found


def _opens_prose(lines: list[str], index: int) -> bool:
    """A paragraph, or the first of three long lines in a row: prose hard-wrapped by the copy,
    or a line that breaks a word at its end ('Respub-' over 'likası …'): a column's text,
    since a headline is never hyphenated."""
    if is_paragraph(lines[index]):
        return True
    if not lines[index]:
        return False
    if _breaks_a_word(lines, index):
        return True
    block = lines[index : index + 3]
    # 'FEBRUARY 22, 2022, 15:58 (updated: …)' over a headline and a standfirst: a date line
    # as long as a wrapped line of prose opens the header, never its text.
    return (
        len(block) == 3
        and all(50 <= len(line) <= 120 for line in block)
        and block[0] != block[1]
        and not _opens_with_date(block[0])
    )


def _opens_with_date(line: str) -> bool:
    """A line that is a date line from its start ('FEBRUARY 22, 2022, 15:58 (updated …)',
    'Published: 3 May 2021') or in one of its columns, not prose that names a date after a
    few words."""
    found = date_only_line(line)
    if found is None:
        return False
    # 'YENİ MÜSAVAT | 4 iyul 2008, cümə | № 152': a masthead's columns, one of them its date.
    if " | " in line:
        return True
    before = line[: found.span[0]]
    return not before.strip() or (len(before) <= 20 and before.rstrip().endswith(":"))


# A word broken over two lines by a column's hyphen: 'Respub-' then 'likası'.
_BROKEN_WORD = re.compile(r"[^\W\d_]{2}-$")


def _breaks_a_word(lines: list[str], index: int) -> bool:
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return bool(_BROKEN_WORD.search(lines[index])) and following[:1].islower()


# A user's handle on a blog or a network ('caspian_watcher', '@baku_news'): a line of its own,
# never the rest of a headline, whose words carry no underscore.
_USER_HANDLE = re.compile(r"@?[a-z0-9][a-z0-9.]{0,30}_[a-z0-9_.]{1,30}")


def join_wrapped_header(lines: list[str]) -> list[str]:
    """A headline hard-wrapped by a newspaper's columns goes on in lower case on the next line."""
    joined: list[str] = []
    columned = _in_narrow_columns(lines)
    for line in lines:
        previous = joined[-1] if joined else ""
        if (
            previous
            and line[:1].islower()
            and previous[-1] not in TERMINAL + ","
            and len(previous) + len(line) <= 160
            and not is_paragraph(previous)
            and not _stands_alone(previous, line)
            and not _BROKEN_WORD.search(previous)
            and not _USER_HANDLE.fullmatch(line)
        ):
            joined[-1] = f"{previous} {line}"
        elif _shouted_headline_goes_on(joined, line, columned):
            # 'CASPIAN TRIANGLE CLOSES THE NORTH-' over 'ERN SEABED QUESTION': a column's hyphen.
            if _BROKEN_WORD.search(previous):
                joined[-1] = f"{previous[:-1]}{line}"
            else:
                joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


SHOUTED_HEADLINE_MIN_WORDS = 3
SHOUTED_LINE_MAX_CHARS = 80


# A scanned paper's narrow columns break words at their edge ('Hö-' over 'kumətinin'):
# a copy with several such lines is set in them, headline and all.
NARROW_COLUMN_BREAKS = 3
NARROW_COLUMN_LINES = 60


def _in_narrow_columns(lines: list[str]) -> bool:
    top = lines[:NARROW_COLUMN_LINES]
    return sum(1 for line in top if _BROKEN_WORD.search(line)) >= NARROW_COLUMN_BREAKS


def _shouted_headline_goes_on(joined: list[str], line: str, columned: bool = False) -> bool:
    """A print headline in capitals wrapped by its column: a block of two capitals lines, the
    first of three words or more and ending in no mark, neither a rubric nor a date. In a
    narrow column any two capitals lines opening a block are one headline ('ДАГЕСТАН —
    АЗЕРБАЙДЖАН:' over 'ДОГОВОРИЛИСЬ О ГЛАВНОМ'): a kicker there would stand apart."""
    previous = joined[-1] if joined else ""
    opens_block = len(joined) < 2 or not joined[-2]
    ends_free = previous[-1:] not in TERMINAL + "," or (columned and previous[-1:] == ":")
    return (
        opens_block
        and bool(previous)
        and ends_free
        and len(previous) <= SHOUTED_LINE_MAX_CHARS
        and 0 < len(line) <= SHOUTED_LINE_MAX_CHARS
        and (_is_shouted_headline(previous) or (columned and previous.isupper()))
        and line.isupper()
        and (columned or len(_LETTER_WORD.findall(previous)) >= SHOUTED_HEADLINE_MIN_WORDS)
        and (columned or not is_rubric_like(previous))
        and not (date_only_line(previous) or date_only_line(line))
        and not is_periodical_title(previous)
    )


def _stands_alone(previous: str, line: str) -> bool:
    """'by Laura Kent' under a headline, 'обновлено 19 августа' under the date: a byline or a
    stamp in lower case is a line of its own, never the wrapped rest of the one above."""
    return bool(CREDIT_PREFIX.match(line) or date_only_line(line) or date_only_line(previous))


def choose_headline(
    lines: list[str], start: int, zone_end: int, sources: KnownSources
) -> int | None:
    """The header line that reads most like the page's headline, if any does.

    Menus and widgets stand in blocks at the top; the headline stands alone,
    next to the date, the byline or the dateline's lead, and has words. It
    comes before any prose: a line under someone's remark is a quotation.
    """
    best: tuple[int, int] | None = None
    scored: dict[int, int] = {}
    body_stems = _BodyStems(lines, zone_end)
    for index in range(min(start, zone_end), zone_end):
        if not _is_headline(lines, index, sources):
            # An editor's bracketed note over the headline is no remark the headline quotes.
            # A consent dialog's question is a control's, a ticker's stamped item a list's, and
            # a masthead's wrapped rest the masthead's: none is a remark.
            line = lines[index]
            if _is_prose(line) and not (
                is_editors_note(line)
                or is_row_of_controls(line)
                or ends_in_stamp(line)
                or _CONTINUES_ABOVE.match(line)
            ):
                break
            continue
        score = _headline_score(lines, index, zone_end, sources, body_stems)
        if score >= 3 and (best is None or score > best[0]):
            best = (score, index)
        if score >= 3:
            scored[index] = score
    if best is None:
        return None
    return _headline_over_standfirst(lines, best[1], scored, sources, body_stems, start)


# A standfirst tells the story in a sentence; the headline over it is a few words.
STANDFIRST_MIN_WORDS = 9
STANDFIRST_LONG_WORDS = 12


def _headline_over_standfirst(
    lines: list[str],
    chosen: int,
    scored: dict[int, int],
    sources: KnownSources,
    body: _BodyStems,
    start: int = 0,
) -> int:
    """The line over the one chosen, when the chosen is the standfirst under its headline.

    A paper sets a short headline over a sentence-long standfirst, both by the date or the
    byline ('Каспий без разногласий' over 'Ильхам Алиев совершил первый официальный визит …');
    the standfirst, longer and nearer the byline, outscores it. The line above is the
    headline when it is one (not a rubric, no end mark) of at most half the standfirst's
    words that the text speaks of, or, with the date between them, a line that scored as a
    headline itself over a standfirst of a long sentence's length.
    """
    words = len(_LETTER_WORD.findall(lines[chosen]))
    deck = _headline_over_deck(lines, chosen, words, scored, body)
    if deck is not None:
        return deck
    if words < STANDFIRST_MIN_WORDS:
        return chosen
    above = chosen - 1
    while above >= 0 and not lines[above]:
        above -= 1
    dated_between = False
    while above >= 0 and (not lines[above] or date_only_line(lines[above])):
        dated_between = dated_between or bool(lines[above])
        above -= 1
    # Above where the site's navigation ends stands a menu's last item, never a headline.
    if above < start or not _is_headline(lines, above, sources) or is_rubric_like(lines[above]):
        return chosen
    head_words = len(_LETTER_WORD.findall(lines[above]))
    if dated_between:
        fits = above in scored and words >= STANDFIRST_LONG_WORDS and head_words < words
    else:
        adjacent = above == chosen - 1
        fits = adjacent and 2 <= head_words <= words // 2
    spoken_of = not content_stems(lines[above]).isdisjoint(
        body.stems | content_stems(lines[chosen])
    )
    return above if fits and spoken_of else chosen


# A deck under a paper's headline is a sentence of five words or more; the headline over it
# is shorter and at least three words ('Каспий без разделов'), where a topic's label over a
# headline is two ('Rusiya–Azərbaycan münasibətləri').
DECK_MIN_WORDS = 5
DECKED_HEADLINE_MIN_WORDS = 3
_SEPARATORS = re.compile(r"[|/·•»›>]")


def _headline_over_deck(
    lines: list[str], chosen: int, words: int, scored: dict[int, int], body: _BodyStems
) -> int | None:
    """The line just over the one chosen (a blank line between at most), when it scored as a
    headline too, is shorter and is spoken of in the text: the paper's headline over its deck
    ('Союзники на бумаге' over 'Россия и Азербайджан подписали декларацию из 43 пунктов'),
    which stands nearer the byline and outscores it. A rubric or a crumb is no headline."""
    above = chosen - 1
    if above >= 0 and not lines[above]:
        above -= 1
    if above < 0 or above not in scored:
        return None
    line = lines[above]
    if is_rubric_like(line) or _SEPARATORS.search(line):
        return None
    if len(line.split()) < DECKED_HEADLINE_MIN_WORDS or words < DECK_MIN_WORDS:
        return None
    if len(_LETTER_WORD.findall(line)) >= words:
        return None
    return above if not content_stems(line).isdisjoint(body.stems) else None


def is_text_columns(line: str) -> bool:
    """'Президенты Азербайджана и | ции Загульба …': a converted PDF's two columns side by side."""
    return bool(_TEXT_COLUMNS.search(line))


# A section named by two fields joined with an ampersand: 'Politics & Diplomacy',
# 'Science & Space', 'Arts & Culture'. A headline says what happened, with a verb in lower case.
_SECTION_PAIR = re.compile(r"^(?:[^\W\d_][\w'-]{0,20} ){1,2}&(?: [^\W\d_][\w'-]{0,20}){1,2}$")
SECTION_PAIR_MAX_WORDS = 4


def is_rubric_like(line: str) -> bool:
    """A kicker or rubric over a headline: 'СНГ: ПАРТНЕРСТВО', 'EXCLUSIVE', 'Analysis:',
    'Russian Politics & Diplomacy'."""
    words = _LETTER_WORD.findall(line)
    if line.endswith(":") or (line.isupper() and len(words) <= 3):
        return True
    return (
        len(words) <= SECTION_PAIR_MAX_WORDS
        and bool(_SECTION_PAIR.match(line))
        and _all_capitalised(line)
    )


def _is_prose(line: str) -> bool:
    return (
        len(_LETTER_WORD.findall(line)) >= 8
        and not date_only_line(line)
        and archive_note_parts(line) is None
    )


class _BodyStems:
    """The stems of the text under the header, read only when a repeated line asks."""

    def __init__(self, lines: list[str], zone_end: int) -> None:
        self.lines, self.zone_end = lines, zone_end

    @functools.cached_property
    def stems(self) -> frozenset[str]:
        text = " ".join(self.lines[self.zone_end : self.zone_end + BODY_LINES_READ])
        return content_stems(text[:BODY_CHARS_READ])


def content_stems(text: str) -> frozenset[str]:
    """The first letters of a text's longer words: enough to meet across Russian and
    Azerbaijani endings ('Душанбе' and 'Душанбе', 'Мусабеков' and 'Мусабекова')."""
    return frozenset(fold(word)[:STEM_CHARS] for word in _CONTENT_WORD.findall(text))


def _headline_score(
    lines: list[str], index: int, zone_end: int, sources: KnownSources, body: _BodyStems
) -> int:
    """Higher for a line by the date or byline (a standfirst may stand between), alone, wordy."""
    line = lines[index]
    words = len(_LETTER_WORD.findall(line))
    later = _filled(lines, index + 1, min(zone_end + 1, len(lines)), 3)
    # A headline repeated (the page's title, then its heading) speaks of what the text does;
    # a ticker's item shown twice shares no word with it.
    repeated = (
        bool(later)
        and fold(later[0]) == fold(line)
        and not (body.stems and body.stems.isdisjoint(content_stems(line)))
    )
    if repeated:
        later = later[1:]
    above_date = any(_is_metadata_line(other, sources) for other in later[:2])
    earlier = next(iter(_filled(lines, index - 1, -1, 1)), "")
    under_date = bool(earlier and date_only_line(earlier))
    alone = (index == 0 or not lines[index - 1]) and (
        index + 1 >= len(lines) or not lines[index + 1]
    )
    if (words < 3 and not (later and _is_metadata_line(later[0], sources))) or words > 30:
        return 0
    first = not earlier
    # Under a kicker ('СНГ: ПАРТНЕРСТВО', 'EXCLUSIVE') stands the headline it introduces.
    under_kicker = bool(earlier) and is_rubric_like(earlier) and not is_rubric_like(line)
    # A headline of two or three words shares one with its text ('Майендорфский формат');
    # a section's name as short ('Лента добра') shares none.
    # So does a row of names in capitals ('Azatutyun  Azadliq  Echo of the Caucasus').
    own = content_stems(line) if words <= 3 or _all_capitalised(line) else frozenset()
    unrelated = bool(own) and bool(body.stems) and body.stems.isdisjoint(own)
    return (
        2 * under_kicker
        - 2 * unrelated
        + 5 * repeated
        + 4 * above_date
        + 3 * under_date
        + 2 * alone
        + first
        + (words >= 3)
        + (words >= 4)
        # Where no date or byline places the headline, what it says does.
        + 3 * (not above_date and _said_again_below(line, lines, index))
    )


_SMALL_WORDS = word_set("of the and a an in on for to at by with и в на с о по və ilə")


def _all_capitalised(line: str) -> bool:
    """Every word but the small ones opens with a capital: a menu's names or a headline set in
    title case (which the text under it always echoes)."""
    words = _LETTER_WORD.findall(line)
    return bool(words) and all(w[:1].isupper() or fold(w) in _SMALL_WORDS for w in words)


def _said_again_below(line: str, lines: list[str], index: int) -> bool:
    """Most of the line's longer words recur in the lines under it, as a lead retells its
    headline: a rubric, a section's label or a list item about another story shares one
    word at most with what follows."""
    stems = content_stems(line)
    # The line shown twice (a ticker's item, or the title over its heading) is not a retelling.
    following = _filled(lines, index + 1, len(lines), LEAD_LINES_READ + 1)
    below = " ".join([other for other in following if fold(other) != fold(line)][:LEAD_LINES_READ])
    shared = len(stems & content_stems(below[:BODY_CHARS_READ])) if stems else 0
    return shared >= SHARED_STEMS_MIN and shared >= SHARED_STEMS_SHARE * len(stems)


# A blog's byline carries its button: 'Alex W. | Follow', 'Лейла Г. · Подписаться'.
_FOLLOW_BUTTON = re.compile(r"\s[|·•]\s(?i:follow|подписаться|izlə|abunə ol)$")


# Who wrote, edited or photographed it, labelled: 'Текст: Виктор Фельдман', 'Written by …',
# 'Hazırladı: …', 'Editor: …'. A headline never opens with such a label.
LABELLED_BYLINE = re.compile(
    r"^(?i:text|written by|reporting by|editor|edited by|reporter|correspondent|prepared by|"
    r"corresponding author|author|автор|müəllif|"
    r"текст|редактор|корреспондент|подготовил[аи]?|записал[аи]?|беседовал[аи]?|"
    r"mətn|redaktor|müxbir|hazırladı|hazırlayıb|söhbətləşdi)\s{0,2}:\s{0,3}"
    r"(?P<names>[^\W\d_][^:]{1,80})$"
)


# Who filed it, named by desk, not by name: 'Our correspondent reports from Baku', 'Special
# correspondent in Moscow', 'From our Moscow bureau', 'Staff report', 'Собственный
# корреспондент в Баку', 'Xüsusi müxbir'. A byline's line, never a headline.
_DESK_LINE = re.compile(
    r"^(?i:(?:our|special|staff|own|foreign|senior|chief)\s(?:\w+\s)?correspondent\b|"
    r"(?:from\s)?our\s(?:\w+\s)?(?:bureau|correspondent|desk)\b|staff report\b|"
    r"(?:собственный|специальный|наш)\sкорреспондент|собкор\b|"
    r"(?:xüsusi|öz)\smüxbir|müxbirimiz\b)"
)


# Who signs it, in the words pages use beside the name: a forum's 'posted by Irina_SPb', 'reply
# by bakuexpat77'; a column's 'Orkhan Sattarov, exclusively for Vestnik Kavkaza'; a letter's
# 'From Dr Kamran Huseynli, Oxford, UK'. A signature's line, never a headline.
_SIGNED_LINE = re.compile(
    r"^(?:(?i:posted by|reply by|replied by|написал[аи]?|ответил[аи]?|yazdı|cavab verdi)\s\S{2,40}"
    r"(?:\s.{1,30})?|"
    r"[^\W\d_][^,]{2,60},\s(?i:exclusively for|специально для|xüsusi olaraq)\s.{2,60}|"
    r"(?i:from)\s(?i:dr|mr|mrs|ms|prof|professor|sir)\.?\s[^\W\d_].{2,80})$"
)


def _is_metadata_line(line: str, sources: KnownSources) -> bool:
    """A line that follows a headline: its date, its byline or the dateline's lead."""
    byline = _FOLLOW_BUTTON.sub("", line).strip(QUOTES + " ")
    return bool(
        date_only_line(line)
        or CREDIT_PREFIX.match(line)
        or LABELLED_BYLINE.match(line)
        or _SIGNED_LINE.match(line)
        or (len(line) <= 60 and looks_like_person(byline))
        or find_dateline(line, sources) is not None
    )


_CONTINUES_ABOVE = re.compile(
    r"^(?:of|and|or|the|for|in|on|at|to|with|from|и|в|на|по|с|о|об|для|из|və|ilə|üçün)\s"
)


def _is_headline(lines: list[str], index: int, sources: KnownSources) -> bool:
    line = lines[index]
    if not line or len(line) > 250 or len(_LETTER_WORD.findall(line)) < 2:
        return False
    if _HEADLINE_END.search(line) or _FORUM_LABEL.match(line) or _DIALOGUE_TURN.match(line):
        return False
    # 'Part 1 Former USSR; C. TRANSCAUCASIA; AZERBAIJAN': a monitoring service's index
    # terms; a headline joins two clauses with one semicolon at most.
    if line.count(";") >= 2:
        return False
    # 'of the Federal Assembly of the Russian Federation' under 'FEDERATION COUNCIL': the rest
    # of the line above, wrapped; no headline opens on a small word in lower case.
    if _CONTINUES_ABOVE.match(line):
        return False
    if is_tagline(line) and not _retold_news_line(line, lines, index):
        return False
    if is_periodical_title(line) or archive_note_parts(line) is not None:
        return False
    if _TEXT_COLUMNS.search(line) or is_editors_note(line):
        return False
    if date_only_line(line) or CREDIT_PREFIX.match(line) or sources.banner(line):
        return False
    if LABELLED_BYLINE.match(line) or _DESK_LINE.match(line) or _SIGNED_LINE.match(line):
        return False
    # 'Министерство экономического развития … | 2005': an imprint with its year, not a story.
    if " | " in line and any(_is_bare_date(part) for part in line.split(" | ")):
        return False
    if _is_row_of_labels(line) or _is_name_beside_initials(line) or is_row_of_controls(line):
        return False
    if " " not in line or (_is_name_like(line) and not _is_shouted_headline(line)):
        return False
    # "25.11.2019 Putin met Aliyev": an item of a dated list, not this page's headline.
    led = find_date(line[:40])
    if led is not None and led.span[0] == 0:
        return False
    # 'Bakıda məktəb açılıb Dünən, 21:45', '… (28/04/2015)': a list's item closed by its stamp.
    if ends_in_stamp(line) or _in_numbered_run(lines, index):
        return False
    following = next(iter(_filled(lines, index + 1, len(lines), 1)), None)
    if following is None:
        return False
    next_is_blank = index + 1 < len(lines) and not lines[index + 1]
    return next_is_blank or not following[:1].islower() or _stands_alone(line, following)


# A ranked list's item: '1. Wheat prices fall …', '2 В Гяндже открыли …'.
_NUMBERED_ITEM = re.compile(r"^(?P<rank>[1-9][0-9]?)[.)]?\s{1,2}(?=[^\W\d_])")


def _in_numbered_run(lines: list[str], index: int) -> bool:
    """An item of a 'Most read' list numbered one line after another: a headline may open
    with a number ('3 документа подписаны'), never beside the next or last rank."""
    match = _NUMBERED_ITEM.match(lines[index])
    if match is None:
        return False
    rank = int(match.group("rank"))
    for other, step in ((index - 1, -1), (index + 1, 1)):
        near = _NUMBERED_ITEM.match(lines[other]) if 0 <= other < len(lines) else None
        if near and int(near.group("rank")) == rank + step:
            return True
    return False


# A label in a row of them: a tag, a section or a programme's name, a few capitalised words.
LABEL_MAX_WORDS = 4


def _is_row_of_labels(line: str) -> bool:
    """'Azerbaijan | Armenia | Russia', 'Policy Brief | Security and Defense Program': tags or
    a report's series over the headline. A headline's clause has a word in lower case."""
    if " | " not in line or _SENTENCE_MARK.search(line):
        return False
    for part in line.split(" | "):
        words = _LETTER_WORD.findall(part)
        if not words or len(words) > LABEL_MAX_WORDS or not _all_capitalised(part):
            return False
    return True


def _is_name_beside_initials(line: str) -> bool:
    """'SOCAR | State Oil Company of Azerbaijan Republic': an organisation's initials beside
    its full name, the banner of its own site."""
    parts = [part.strip() for part in SEGMENT_SEPARATOR.split(line)]
    if len(parts) != 2:
        return False
    for short, full in (parts, parts[::-1]):
        letters = "".join(
            word[0] for word in _LETTER_WORD.findall(full) if fold(word) not in _SMALL_WORDS
        )
        if " " not in short and len(short) >= 2 and fold(short) == fold(letters):
            return True
    return False


def _is_bare_date(part: str) -> bool:
    found = date_only_line(part.strip())
    return found is not None and not _LETTER_WORD.search(part)


def _is_name_like(line: str) -> bool:
    return looks_like_person(line.strip(QUOTES + " "))


def _is_shouted_headline(line: str) -> bool:
    """'ГРАНИЦА СТАЛА ДОГОВОРНОЙ': a print headline in capitals, three words or more."""
    return line.isupper() and len(_LETTER_WORD.findall(line)) >= 3


# The words a site describes itself with ('Официальный сайт …', 'xəbər portalı'): a headline
# about the media speaks of papers, channels and agencies, not of a site.
_SITE_WORDS = word_set(
    "official site website portal internet официальный сайт портал rəsmi sayt saytı portalı"
)


def _retold_news_line(line: str, lines: list[str], index: int) -> bool:
    """'Moscow and Baku spar over media', 'Russia bans Azerbaijani news agency': a headline
    with an outlet's word in it, which its text retells; a site's tagline is retold by no text."""
    return _SITE_WORDS.isdisjoint(fold(word) for word in _LETTER_WORD.findall(line)) and (
        _said_again_below(line, lines, index)
    )


def is_periodical_title(line: str) -> bool:
    """'RUSSIA & CIS OIL AND GAS WEEKLY', 'Бюллетень': a publication's own title, not a story's."""
    if len(line) <= 200 and _SELF_DESCRIPTION.search(line):
        return True
    words = [fold(word) for word in _LETTER_WORD.findall(line)]
    if not 0 < len(words) <= 8:
        return False
    last = words[-1]
    if last in _PERIODICAL_WORDS or _POSSESSIVE_ENDING.sub("", last) in _PERIODICAL_WORDS:
        return True
    return bool(_ISSUE_MARK.search(line)) and not _PERIODICAL_WORDS.isdisjoint(words[:2])


def is_tagline(line: str) -> bool:
    """A site's description under its name: 'Информационное агентство России'; a newspaper's
    masthead saying whose organ it is ('Орган Совета министров', 'Organ of the Ministry of
    ...', 'Nazirliyin orqanı') or which issue this is ('Федеральный выпуск № 3398')."""
    # 'By Michael Turner, Associated Press': a byline names its writer's agency, not the site.
    if _URL.search(line) or line.endswith(".") or CREDIT_PREFIX.match(line):
        return False
    if is_masthead(line):
        return True
    # 'Ictimai-siyasi qəzet • 1919-cu ildən nəşr olunur': a masthead's parts, each a tagline.
    segments = _TAGLINE_PARTS.split(line)
    return _is_tagline_part(line) or all(_is_tagline_part(segment) for segment in segments)


# The separators a masthead sets its parts apart with.
_TAGLINE_PARTS = re.compile(r"\s[•·|]\s")
# A paper's age on its masthead: 'Published since 1919', 'Издаётся с 1991 года',
# '1919-cu ildən nəşr olunur', 'Qəzet 1989-cu ildən çıxır', 'Est. 1998', 'Основана в 1917 г.'.
_SINCE_YEAR = re.compile(
    r"^(?:[^\W\d_]+\s){0,2}(?i:"
    r"(?:published|issued|appearing|founded|established|est\.)\s(?:since\s|in\s)?(?:19|20)[0-9]{2}"
    r"|(?:издается|издаётся|выходит|основана?|основан[оа]?|учреждена?)\s(?:с|в)\s(?:19|20)[0-9]{2}"
    r"\s?(?:года|году|г\.?)?"
    r"|(?:19|20)[0-9]{2}-?(?:ci|cı|cu|cü)\s(?:ildən|ildə)\s(?:nəşr\s(?:olunur|edilir)|çıxır|"
    r"təsis\s(?:olunub|edilib)))"
    r"\.?$"
)


# 'Official' qualifies a site ('Официальный сайт', 'Rəsmi internet səhifəsi') as well as a
# visit ('RƏSMİ SƏFƏR'): it makes a tagline only beside the name of a site.
_QUALIFIERS = word_set("official официальный rəsmi")
_SITE_NOUNS = word_set("internet web website page страница səhifə səhifəsi")


def _is_tagline_part(segment: str) -> bool:
    if _SINCE_YEAR.match(segment.strip()):
        return True
    words = [fold(word) for word in _LETTER_WORD.findall(segment)]
    named = set(words)
    return len(words) <= 6 and bool(
        (ORGANISATION_WORDS - _QUALIFIERS) & named or (_QUALIFIERS & named and _SITE_NOUNS & named)
    )


def is_masthead(line: str) -> bool:
    return len(line) <= 120 and bool(_MASTHEAD.search(line))


_ISSUE_NUMBER = (
    r"(?:№|(?i:no\.|vol\.|issue|выпуск|номер|sayı|nömrə))\s?:?\s?[0-9][0-9/.-]*(?:\s?\([0-9\s]+\))?"
)
# 'Центральный орган …', 'Official organ of …', '… orqanı': whose newspaper this is. An issue's
# number with at most three words around it: 'Выпуск № 24', 'Vol. 2, No. 129', 'Sayı: 15'.
_MASTHEAD = re.compile(
    r"^(?i:(?:(?:центральный|официальный|ежедневный|печатный)\s){0,2}орган\s"
    r"|(?:the )?(?:official |central |daily )?organ of\s)|\sorqanı\w{0,2}$"
    rf"|^(?:[^\W\d_]+\s){{0,3}}{_ISSUE_NUMBER}(?:,?\s{_ISSUE_NUMBER}){{0,2}}$"
    # A paper's edition named alone: 'Столичный выпуск', 'Weekend edition', 'Bakı buraxılışı'.
    r"|^[^\W\d_]{3,20}\s(?i:выпуск|edition|buraxılışı)$"
)
