"""Agreements (read -> parse -> extract): the specific documents an article names.

`extract_agreements` walks the document words of each sentence (kinds), reads
what each one names (names), who signed it (parties), whether and when
(signing), and matches it to the curated register; a mention becomes an
agreement only when it names one document, and each document is kept once
(keys). A curator approves what the importer suggests, and a suggestion that
names nothing wastes their time.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from articles.ingest.dates import WRITTEN_YEAR
from articles.ingest.document import AgreementKind, AgreementMention, ParsedArticle, PublishedDate
from articles.ingest.keys import agreement_key, key_words
from articles.ingest.kinds import document_words, is_bare_plural, names_many, names_no_document
from articles.ingest.language import word_set
from articles.ingest.names import (
    QUOTE_CHARS,
    Candidate,
    candidate_at,
    capitalised,
    listed_candidates,
    one_of_many,
)
from articles.ingest.parties import BILATERAL, countries_named, is_multilateral, signatories
from articles.ingest.register import Register, RegisterEntry, stems
from articles.ingest.sentences import (
    Window,
    in_its_own_alphabet,
    in_todays_alphabet,
    joined_line_breaks,
    sentences,
)
from articles.ingest.signing import (
    EVENT_DAYS_BEFORE,
    YEAR_SPAN,
    event_day,
    is_planned,
    lead_reports_signing,
    may_give_year,
    reports_signing_on,
    signing_date,
    signing_years_written,
)

MAX_MENTIONS = 200
# No article names five hundred documents: past that many document words the rest of a
# text is not read for documents, so no text costs more than this many windows.
MAX_DOCUMENT_WORDS = 500
ARTICLE_COUNTRIES_CHARS = 50_000
# The lead: the first paragraph or two, where the article says what its news is.
LEAD_CHARS = 600
YEAR_NEAR_CHARS = 40


# Kinds whose bare word names the one document of a summit: 'the presidents signed a joint
# statement', 'подписали Совместное заявление', 'Birgə Bəyannaməni imzalayıblar'.
PLANNED_WITHIN_DAYS = 366
_SUMMIT_KINDS = frozenset({AgreementKind.JOINT_STATEMENT, AgreementKind.DECLARATION})

# 'of 2008', '1997 года', 'от 2001 г.': a year that dates the name it follows.
_YEAR_CLOSING_NAME = re.compile(
    r"\s{0,2}(?i:of|from|dated|от)?\s{0,2}((?:19|20)[0-9]{2})(?![0-9])(?!\s{0,2}[-–—][0-9])"
)
# The cities a summit's declaration is named after: 'the Baku Declaration', 'Московская
# декларация', 'Şuşa Bəyannaməsi'.
_CITY_NAME = re.compile(
    r"(?i:\b(?:baku|bakı|бакинск\w*|moscow|moskva|московск\w*|tehran|tehr[aə]n|тегеранск\w*"
    r"|shusha|şuşa|шушинск\w*|sochi|soçi|сочинск\w*|astana|астанинск\w*|aktau|aktau)\w*)"
)
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_TERM_WORD = re.compile(r"(?i:\s(?:до|по|на|until|till|to|for|through|by)(?:\s+\S+)?)$")
_LIST_JOIN = re.compile(r"\s(?:and|и|və|а также|as well as)\s")
# A year as a word ('1997', Azerbaijani's ordinal '1997-ci') or a word.
_YEAR_TOKEN = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?:-?(?:ci|cı|cu|cü))?(?!\w)")
_SHORT_FORM_TOKEN = re.compile(r"^(?:[0-9]{4}(?:-?(?:ci|cı|cu|cü))?|[^\W\d_][\w-]*)$")
_SHORT_FORM_STOP = word_set(
    "the a an and of on in at to by with this that its their his her our new old "
    "и в на о с по это этот эта этой его их "
    "və ilə bu həmin onun"
)


@dataclass(frozen=True)
class _Article:
    """What every mention in one article may consult: its date, language, body and the register."""

    published: PublishedDate
    language: str
    register: Register | None
    body: str = ""
    # The headline names the sides as often as the text: 'Kazakhstan, Azerbaijan and Georgia
    # agree on the Middle Corridor' over 'the ministers of the three countries signed …'.
    title: str = ""
    # Each sentence's predecessor, for a document whose signers are 'they' of the one before.
    previous: dict[str, str] = field(default_factory=dict)

    @functools.cached_property
    def countries(self) -> tuple[str, ...]:
        """The countries the article names, Azerbaijan and Russia first. Read when a mention
        first asks who signed it: most texts name no document, and this reads 50,000 characters."""
        countries = countries_named(f"{self.title}\n{self.body[:ARTICLE_COUNTRIES_CHARS]}")
        return tuple(dict.fromkeys((*BILATERAL, *countries)))

    def event_day(self) -> tuple[dt.date, str] | None:
        """The day of the signing the article reports, if it reports one: read once, when a
        document without a day of its own first asks."""
        return self._event_day

    @functools.cached_property
    def _event_day(self) -> tuple[dt.date, str] | None:
        return event_day(self.body, self.published)

    def following(self, sentence: str) -> str:
        """The sentence after `sentence` in the body, or '' (the body's sentences are mapped
        once, when a document without a day of its own first asks)."""
        return self._following.get(sentence, "")

    @functools.cached_property
    def _following(self) -> dict[str, str]:
        read = list(sentences(self.body))
        following: dict[str, str] = {}
        for sentence, after in itertools.pairwise(read):
            following.setdefault(sentence, after)
        return following

    @functools.cached_property
    def lead_reports_signing(self) -> bool:
        """The lead (or the headline over it) reports a signing: read when a listed document
        first asks."""
        return lead_reports_signing(self.body, self.title)

    @functools.cached_property
    def is_multilateral(self) -> bool:
        """The article reports a meeting of several states (a trilateral, a Caspian summit)."""
        return is_multilateral(self.body[:ARTICLE_COUNTRIES_CHARS])

    @functools.cached_property
    def lead_multilateral(self) -> bool:
        """The article's lead reports a meeting of several states: it is the article's news."""
        return is_multilateral(self.body[:LEAD_CHARS])


def extract_agreements(
    article: ParsedArticle, register: Register | None = None
) -> list[AgreementMention]:
    """The specific documents the article names, each once, in order of first mention.

    With a `register`, each mention is matched to its entry (`register_key`),
    and short forms that only the register can resolve ("the Baku
    Declaration", "the 1997 treaty") are found too.
    """
    body = joined_line_breaks(article.body)
    context = _Article(
        article.published,
        article.language,
        register,
        in_todays_alphabet(body, article.language),
        article.title or "",
    )
    found: dict[str, AgreementMention] = {}
    # A text that repeats one phrase thousands of times reads each window once.
    seen: dict[str, tuple[AgreementMention, ...]] = {}
    # The names each sentence has given so far, casefolded, and the sides it first stated.
    named_in: dict[str, list[str]] = {}
    sides_in: dict[str, tuple[str, ...]] = {}
    matches = (
        (written, *match)
        for written, sentence in _noting_previous(body, context)
        for match in document_words(sentence)
    )
    for written, window, kind in itertools.islice(matches, MAX_DOCUMENT_WORDS):
        text = window.before + "\x00" + window.word + "\x00" + window.after
        if text not in seen:
            seen[text] = _mentions_at(window, kind, context)
        names = named_in.setdefault(window.sentence, [])
        for mention in seen[text]:
            name = mention.name.casefold()
            # 'соглашение об основных условиях контракта купли-продажи газа': a document word
            # inside the name the sentence has just given is part of it, no document of its own.
            if any(_nested_in(name, earlier) for earlier in names):
                continue
            names.append(name)
            mention = _with_listed_sides(mention, sides_in, window.sentence)
            if len(found) < MAX_MENTIONS:
                _keep_distinct(found, _spelt_as_written(mention, written))
    return list(found.values())


# '… on the digital economy and an intergovernmental agreement on …': a name run on over a
# conjunction holds the next document, not a part of its own.
_JOINS_ANOTHER = re.compile(r"(?:\b(?:and|и|və|also|также)(?:\s+(?:a|an|the))?|[,;])\s*$")


def _nested_in(name: str, earlier: str) -> bool:
    """`name` is a part of `earlier` ('… об основных условиях контракта купли-продажи газа')."""
    at = earlier.find(name)
    return at > 0 and not _JOINS_ANOTHER.search(earlier[:at])


def _with_listed_sides(
    mention: AgreementMention, sides_in: dict[str, tuple[str, ...]], sentence: str
) -> AgreementMention:
    """'The documents are an agreement on … in the Caspian Sea, an agreement on hydrometeorology
    and …': a document its sentence lists with no sides of its own has those the sentence
    stated first for another."""
    if len(mention.parties) >= 2:
        sides_in.setdefault(sentence, mention.parties)
        return mention
    sides = sides_in.get(sentence)
    if mention.parties or mention.register_key or sides is None:
        return mention
    return replace(mention, parties=sides)


def _noting_previous(body: str, context: _Article) -> Iterator[tuple[str, str]]:
    """The body's sentences as written and as read (in today's letters), each read one noted
    with the one before it."""
    previous = ""
    for written in sentences(body):
        sentence = in_todays_alphabet(written, context.language)
        context.previous.setdefault(sentence, previous)
        yield written, sentence
        previous = sentence


def _spelt_as_written(mention: AgreementMention, written: str) -> AgreementMention:
    """The mention named in its sentence's own letters; its key stays in today's, so one
    document named in both alphabets is kept once."""
    name = in_its_own_alphabet(mention.name, written)
    return mention if name == mention.name else replace(mention, name=name)


class _Facts:
    """What one document word's mention may need beyond its name, each read when first asked.

    Most document words in a long or hostile text name nothing: their name
    tells no document apart and the register knows none of their words. They
    must not pay for reading a signing date (every date format over the
    window), whether the signing is planned, or who signed; the answers are
    the same whenever they are read.
    """

    def __init__(
        self, window: Window, kind: AgreementKind, candidate: Candidate | None, context: _Article
    ) -> None:
        self.window, self.kind, self.candidate, self.context = window, kind, candidate, context

    @functools.cached_property
    def is_signed(self) -> bool:
        return not is_planned(self.window)

    @functools.cached_property
    def signing(self) -> tuple[dt.date | None, str]:
        signing = signing_date(
            self.window,
            self.context.published,
            self.is_signed,
            self.context.event_day,
            lambda: self.context.lead_reports_signing,
            lambda: self.context.following(self.window.sentence),
        )
        signing = _unless_dated_otherwise(signing, self.candidate.year if self.candidate else None)
        # 'Договор о дружбе … 1997 года, а 22 февраля 2022 года … подписали Декларацию': the
        # year closing the name is its own; a day of another year after it is another's.
        closing = _year_after_name(self.window, self.candidate)
        # '… на период до 2024 года', '… until 2024': the year a term ends is no signing's.
        ends_term = self.candidate and _TERM_WORD.search(self.candidate.name)
        if closing and not ends_term and signing[0] and signing[0].year != closing:
            return None, ""
        return signing

    def may_be_signed_in(self, years: frozenset[int] | None) -> bool:
        """False when the year of signing is surely none of `years` (None: any year may do),
        told without reading the dates."""
        return years is None or may_give_year(self.window, self.context.published, years)

    @functools.cached_property
    def year(self) -> int | None:
        """The year of signing, else one written next to the document word."""
        signed_on, note = self.signing
        # A date read off the text counts; one taken from the article's own date does not
        # say which year a document named without one was signed in.
        if signed_on and not note:
            return signed_on.year
        return _year_after_name(self.window, self.candidate) or _year_near(self.window)

    @functools.cached_property
    def reported_day(self) -> dt.date | None:
        """The article's day, when the sentence reports the signing as that day's news."""
        return reports_signing_on(
            self.window, self.context.published, lambda: self.context.lead_reports_signing
        )

    @functools.cached_property
    def parties(self) -> tuple[str, ...]:
        """Who signed the document the word names as read first (not a register's short form)."""
        candidate = self.candidate or Candidate(self.kind, "", ())
        return signatories(
            candidate.name,
            candidate.parties,
            self.window,
            self.context.countries,
            self.context.is_multilateral,
            self.context.lead_multilateral,
            self.context.previous.get(self.window.sentence, ""),
        )


def _mentions_at(
    window: Window, kind: AgreementKind, context: _Article
) -> tuple[AgreementMention, ...]:
    """The documents one document word names: none, one, or, for a plural word that lists
    what each is about ('agreements on healthcare and on plant quarantine'), one per item."""
    if not names_many(window):
        mention = _mention_of(candidate_at(window, kind, context.language), window, kind, context)
        return (mention,) if mention is not None else ()
    one = None if names_no_document(window) else one_of_many(window, kind, context.language)
    if one is not None:
        mention = _mention_of(one, window, one.kind, context)
        return (mention,) if mention is not None else ()
    if not is_bare_plural(window):
        return ()
    listed = (
        _mention_of(candidate, window, candidate.kind, context)
        for candidate in listed_candidates(window, kind, context.language)
    )
    return tuple(mention for mention in listed if mention is not None)


def _mention_of(
    candidate: Candidate | None, window: Window, kind: AgreementKind, context: _Article
) -> AgreementMention | None:
    facts = _Facts(window, kind, candidate, context)
    register_key = None
    if context.register is not None:
        candidate, register_key = _registered(candidate, window, kind, context.register, facts)
    parties = None
    if (
        candidate is None
        and kind is AgreementKind.JOINT_STATEMENT
        and not context.is_multilateral
        and facts.reported_day
        and (
            set(facts.parties) == set(BILATERAL)
            or (not facts.parties and set(context.countries) <= set(BILATERAL))
        )
    ):
        # 'Министры подписали сегодня совместное заявление': the two countries' meeting's
        # own statement, reported signed as the day's news, is one document even with no
        # subject named; never in a text that names a third country without saying whose.
        candidate = Candidate(kind, capitalised(window.word), BILATERAL)
        # '… a joint statement adopted after talks between the Armenian and Azerbaijani
        # leaders and Putin': a meeting's statement is that of every country its sentence
        # names beside the two.
        parties = _meeting_countries(window)
    if candidate is None and context.register is not None:
        candidate, register_key = _named_by_topic(window, kind, context, facts)
    if candidate is None:
        return None
    # Without a register entry the candidate is the one the facts were read for.
    entry = context.register.entry(register_key) if context.register and register_key else None
    signed_on, date_note = _unless_dated_otherwise(facts.signing, entry.year if entry else None)
    if entry is not None and date_note and signed_on == entry.signed_on:
        # The day inferred is the register's: the curated record is the one to cite.
        date_note = "the register's day of signing, the one the article's gives"
    elif entry is not None and (signed_on is None or date_note):
        # The register is the curated record: a day inferred from the article's own (a print
        # paper's is the day after the signing) yields to the register's.
        signed_on, date_note = _registered_day(entry, facts.reported_day)
    # The register is the curated record: a treaty the text calls an agreement is a treaty.
    kind = entry.kind if entry else candidate.kind
    return AgreementMention(
        name=candidate.name,
        kind=kind,
        key=agreement_key(kind, candidate.name),
        is_signed=facts.is_signed,
        parties=entry.parties if entry else parties or facts.parties,
        signed_on=signed_on,
        sentence=window.context[:1000],
        register_key=register_key,
        date_note=date_note,
    )


def _named_by_topic(
    window: Window, kind: AgreementKind, context: _Article, facts: _Facts
) -> tuple[Candidate | None, str | None]:
    """A document named by its word and year alone ('under a 2002 agreement', 'the agreement
    signed on January 25, 2002') that the register knows by what its sentence, the one
    before or the headline speaks of: the Gabala station's lease is the radar agreement."""
    if kind in _SUMMIT_KINDS or names_many(window):
        return None, None
    year = facts.year
    if year is None:
        return None, None
    # Another document's name speaks of its own subject ('Декларацию о дружбе … годовщину
    # договора 1997 года'): only words that name no document tell what this one is about.
    if _other_document_words(window.sentence, 1):
        return None, None
    around = (context.title, context.previous.get(window.sentence, ""))
    topic = " ".join(
        (*(text for text in around if not _other_document_words(text)), window.sentence)
    )
    key = context.register.key_on_topic(kind, year, topic, written_by=context.published.last_day)
    if key is None:
        return None, None
    return Candidate(kind, capitalised(f"{year} {window.word}"), BILATERAL), key


def _other_document_words(text: str, own: int = 0) -> bool:
    """`text` holds document words beyond the `own` ones of the document asking."""
    return any(True for _ in itertools.islice(document_words(text), own, own + 1))


def _meeting_countries(window: Window) -> tuple[str, ...] | None:
    """The countries the document's sentence names, when they are the two and others and
    the two alone do not open it as the signers ('Azerbaijan and Russia adopted a joint
    statement on transit via Iran' is theirs): None otherwise."""
    named = countries_named(window.sentence)
    opening = countries_named(window.sentence[: window.start])
    if set(BILATERAL) < set(named) and set(opening) != set(BILATERAL):
        return named
    return None


def _registered_day(entry: RegisterEntry, reported: dt.date | None) -> tuple[dt.date | None, str]:
    """The register's day of signing for a document the article reports signed as its news,
    when that day falls in the week up to the article's: the text gives no other."""
    if reported is None or not entry.signed_shortly_before(reported, EVENT_DAYS_BEFORE):
        return None, ""
    return (
        entry.signed_on,
        f"the register's day of signing, within the week of the article ({reported})",
    )


def _unless_dated_otherwise(
    signing: tuple[dt.date | None, str], year: int | None
) -> tuple[dt.date | None, str]:
    """A signing date inferred from the article's own (one with a note) is not that of a
    document its name or the register dates to another `year`."""
    signed_on, note = signing
    if note and signed_on and year and year != signed_on.year:
        return None, ""
    return signing


def _registered(
    candidate: Candidate | None,
    window: Window,
    kind: AgreementKind,
    register: Register,
    facts: _Facts,
) -> tuple[Candidate | None, str | None]:
    """The candidate matched to its register entry, by its name or by the words before it.

    'the Baku Declaration on the principles of ...' is the Baku Declaration;
    'the 1997 treaty' and, signed on a day the register knows, 'a joint
    statement' are found only this way.
    """
    if candidate is not None:
        subject = candidate.subject or candidate.name
        # 'Action Plan … until 2024' was signed in 2018: a term's year is no signing's.
        years = signing_years_written(subject) or ([str(candidate.year)] if candidate.year else [])
        key = _lookup(register, candidate.kind, subject, years, facts) or (
            # Parties read off the sentence around a name the register knows in full may be
            # another clause's ('… and cooperation within the CIS').
            None
            if candidate.parties
            else register.key_named_in_full(
                candidate.kind, subject, written_by=facts.context.published.last_day
            )
        )
        if key is not None:
            return candidate, key
    found = _short_form(candidate, window, kind, register, facts)
    if found[1] is None and candidate is not None:
        years = WRITTEN_YEAR.findall(candidate.subject or candidate.name)
        key = _summit_of_the_week(register, candidate, years, facts)
        if key is not None:
            return candidate, key
    return found


def _short_form(
    candidate: Candidate | None,
    window: Window,
    kind: AgreementKind,
    register: Register,
    facts: _Facts,
) -> tuple[Candidate | None, str | None]:
    """The register entry that the words just before the document word name, with them,
    else for a summit's document the one its word alone names ('подписали Совместное
    заявление' on the day the register dates one)."""
    premodifiers = _premodifiers(window.before)
    # '2022-ci ildə imzalanmış Bakı Bəyannaməsində': a city naming the document, that names no
    # entry, names another one, never the one its word and year alone would find.
    named_by_city = bool(premodifiers[-1]) and _CITY_NAME.search(premodifiers[-1])
    bare = [""] if kind in _SUMMIT_KINDS and not named_by_city else []
    for premodifier in dict.fromkeys([*premodifiers, *bare]):
        years = WRITTEN_YEAR.findall(premodifier)
        words = _YEAR_TOKEN.sub(" ", premodifier).split()
        if premodifier and not years and not stems(" ".join(words)):
            continue
        if not premodifier and candidate is not None:
            break
        # A document named after its word ('соглашение об основных принципах') takes a
        # proper name or a year before it, never a lower-case word of the sentence ('глав
        # государств соглашение'); Azerbaijani names run before the word and keep theirs.
        named_after = candidate is not None and not candidate.name.casefold().endswith(
            window.word.casefold()
        )
        if named_after and not years and not any(w[:1].isupper() for w in words):
            continue
        short = " ".join([*words, window.word])
        key = _lookup(register, kind, short, years, facts)
        if key is not None:
            name = short if candidate is None else f"{' '.join(words)} {candidate.name}".strip()
            return Candidate(kind, capitalised(name), ()), key
    return candidate, None


def _lookup(
    register: Register, kind: AgreementKind, name: str, years_written: list[str], facts: _Facts
) -> str | None:
    """The register entry `name` points at, with the year written in it or else the signing's.

    The register is asked only when its answer may be an entry: the year of
    signing and the signatories cost more to read than the lookup itself.
    """
    return _named_entry(register, kind, name, years_written, facts)


def _summit_of_the_week(
    register: Register, candidate: Candidate, years_written: list[str], facts: _Facts
) -> str | None:
    """A summit's statement or declaration the article reports signed as its news, whose
    name points at no entry of any year, is the one the register dates to that week, if it
    dates one alone ('a joint statement on deepening the partnership' signed that day)."""
    subject = candidate.subject or candidate.name
    if (
        candidate.kind not in _SUMMIT_KINDS
        or not stems(subject)
        or _news_year(facts, years_written) is None
        or register.key_for(candidate.kind, subject, parties=facts.parties) is not None
    ):
        return None
    return register.key_signed_shortly_before(
        candidate.kind, facts.reported_day, days=EVENT_DAYS_BEFORE, parties=facts.parties
    )


def _named_entry(
    register: Register, kind: AgreementKind, name: str, years_written: list[str], facts: _Facts
) -> str | None:
    if not register.may_name(name):
        return None
    if not years_written and not facts.may_be_signed_in(register.years_naming(name)):
        return None
    year = int(years_written[0]) if years_written else facts.year
    if year is None and kind in _SUMMIT_KINDS and not stems(name):
        # 'Prezidentlərin Birgə Bəyannaməsi' listed under a lead that gives the ceremony's day:
        # a summit's statement named by nothing but its signers is the one of the day it was
        # signed, as it is the one of the day an article reports it signed.
        day = facts.reported_day or _day_of_signing_read(facts)
        if day is None:
            return None
        return register.key_signed_shortly_before(
            kind, day, days=EVENT_DAYS_BEFORE, parties=facts.parties
        )
    if not register.may_name_signed_in(name, year):
        return None
    # No document an article names was signed after the last day it may have been written.
    written_by = facts.context.published.last_day
    # A signing still to come may be one the register dates within the year after.
    if written_by is not None and not facts.is_signed:
        written_by += dt.timedelta(days=PLANNED_WITHIN_DAYS)
    return register.key_for(kind, name, year=year, parties=facts.parties, written_by=written_by)


def _day_of_signing_read(facts: _Facts) -> dt.date | None:
    """The day the text says a signed document was signed, its own or the ceremony's."""
    return facts.signing[0] if facts.is_signed else None


def _news_year(facts: _Facts, years_written: list[str]) -> int | None:
    """The article's year, for a document it reports signed as its news and dates no
    otherwise: no year written by its name, none of its own, none other in its sentence."""
    reported = facts.reported_day
    if reported is None or years_written or facts.year not in (None, reported.year):
        return None
    written = WRITTEN_YEAR.findall(YEAR_SPAN.sub(" ", facts.window.context))
    return None if any(int(year) != reported.year for year in written) else reported.year


def _year_after_name(window: Window, candidate: Candidate | None) -> int | None:
    """'the Declaration on Friendship and Strategic Partnership of 2008': the year that closes
    a name read after its word, before any other year around it."""
    if candidate is None:
        return None
    last = candidate.name.split()[-1]
    found = window.after.find(last)
    name_end = found + len(last) if found >= 0 else 0
    written = _YEAR_CLOSING_NAME.match(window.after, name_end)
    return int(written.group(1)) if written else None


def _year_near(window: Window) -> int | None:
    """A year written next to the document ('the 1997 treaty', '2022-ci ildə imzalanmış').

    Before the word, only its own clause counts: in 'the treaty signed in 1997 laid the
    foundation, and the Declaration …' the year is the treaty's."""
    before = _CLAUSE_BREAK.split(window.before[-YEAR_NEAR_CHARS:])[-1]
    # '… Московская декларация 2004 года и Декларация о дружбе …': nor does the item before.
    before = _LIST_JOIN.split(before)[-1]
    years = set(WRITTEN_YEAR.findall(before + " " + window.after[:YEAR_NEAR_CHARS]))
    return int(years.pop()) if len(years) == 1 else None


def _premodifiers(before: str) -> list[str]:
    """The last one, two and three words before a document word, as a proper name's start."""
    tokens: list[str] = []
    for token in reversed(before[-60:].split()):
        bare = token.strip(QUOTE_CHARS)
        if (
            not _SHORT_FORM_TOKEN.match(bare)
            or bare.casefold() in _SHORT_FORM_STOP
            or len(tokens) == 3
        ):
            break
        tokens.insert(0, bare)
    return [" ".join(tokens[-count:]) for count in range(1, len(tokens) + 1)] or [""]


def _keep_distinct(found: dict[str, AgreementMention], mention: AgreementMention) -> None:
    """One entry per document: the same register entry, or a name whose words are a subset
    of another's, is the same one."""
    if mention.register_key is not None:
        for key, kept in found.items():
            if kept.register_key == mention.register_key:
                if kept.signed_on is None and mention.signed_on is not None:
                    found[key] = replace(
                        kept, signed_on=mention.signed_on, date_note=mention.date_note
                    )
                return
    words = key_words(mention.key)
    for key, kept in list(found.items()):
        if kept.kind != mention.kind or kept.register_key != mention.register_key:
            continue
        kept_words = key_words(key)
        if words <= kept_words:
            found[key] = _dated_by(kept, mention)
            return
        if kept_words < words:
            del found[key]
            mention = _dated_by(mention, kept)
    found[mention.key] = mention


def _dated_by(kept: AgreementMention, other: AgreementMention) -> AgreementMention:
    """A document named twice, once with the day it was signed: the day is its own."""
    if kept.signed_on is not None or other.signed_on is None:
        return kept
    return replace(kept, signed_on=other.signed_on, date_note=other.date_note)
