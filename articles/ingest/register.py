"""The register of known documents, consulted during extraction (read -> parse -> extract).

A mention the extractor finds ("the Declaration on Allied Interaction",
"Декларацию о союзническом взаимодействии", "Bakı Bəyannaməsi", "the 1997
treaty") is matched to one entry of the curated register first, so the same
document reported in three languages and many wordings becomes one record.
What the register does not know is matched against the keys already stored
with `closest_key`.

An entry is a plain dict, the same whether it comes from
fixtures/agreements.json or from the database (the store builds a Register
with `Register.from_entries` from its rows). The shape is stable:

    {
      "key": "declaration-allied-interaction-2022",   # stable slug, unique
      "kind": "declaration",                           # an AgreementKind value
      "name": "Declaration on Allied Interaction between ...",   # English
      "name_ru": "Декларация о союзническом взаимодействии ...",  # "" if unknown
      "name_az": "... müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə",
      "aliases": ["Declaration on Allied Cooperation", ...],  # short forms, any language
      "signed_on": "2022-02-22",      # ISO string or datetime.date, or None
      "signed_place": "Moscow",       # "" if it had no single place
      "parties": ["Azerbaijan", "Russia"],  # list, or one comma-separated string
    }

Matching compares the distinctive word stems of a mention's name with those of
each entry's names and aliases (kind words, countries and function words
dropped; a stem is a word's first few letters, which survives Russian and
Azerbaijani case endings). A mention matches an entry when it says the same,
says more (the entry's name inside a longer one), or says less but still
points at one entry alone: by a stem no other entry of a compatible kind has,
or by the year of signing. Two entries left equal mean no match: a wrong
record is worse than a new suggestion a curator merges.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from articles.ingest.document import AgreementKind
from articles.ingest.language import LETTER_WORD, fold

REGISTER_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "agreements.json"

# Kinds one document is reported under: "договор" is both treaty and contract, the
# Foreign Ministry's own pages call the 2010 border treaty an agreement, and a
# joint declaration is a joint statement.
_KIND_GROUPS = (
    frozenset({AgreementKind.TREATY, AgreementKind.AGREEMENT, AgreementKind.CONTRACT}),
    frozenset({AgreementKind.DECLARATION, AgreementKind.JOINT_STATEMENT}),
    frozenset(
        {
            AgreementKind.ACTION_PLAN,
            AgreementKind.WORK_PLAN,
            AgreementKind.ROAD_MAP,
            AgreementKind.PROGRAMME,
        }
    ),
    frozenset({AgreementKind.PROTOCOL, AgreementKind.MINUTES}),
    frozenset({AgreementKind.MEMORANDUM}),
)

# Words that never tell one document from another: function words, the two
# countries, offices, and the words for kinds of document, in the three languages.
_UNTELLING_WORDS = """
    the a an of on in at to by for and or with between about regarding concerning its their
    republic federation azerbaijan azerbaijani russia russian president presidents prime
    minister government heads state states governments two countries sides
    treaty treaties agreement agreements declaration declarations statement statements joint
    protocol protocols memorandum memoranda plan plans action work road map roadmap convention
    programme program contract minutes intergovernmental interstate bilateral document
    cooperation field sphere area areas development
    о об между и в на по из с для от
    азербайджанской азербайджанская азербайджана азербайджан азербайджаном российской
    российская россии россия российско азербайджанского азербайджанской российского
    республики республикой республика федерации федерацией федерация президента президентом
    президент премьер министра правительства правительством сторон
    договор договора договором договоре соглашение соглашения соглашением соглашении
    декларация декларации декларацию декларацией заявление заявления заявлением совместное
    совместного протокол протокола протоколом меморандум меморандума план плана действий
    конвенция конвенции конвенцию программа программы
    сотрудничестве сотрудничества сотрудничеству сотрудничество области сфере развитию
    azərbaycan azərbaycanın azərbaycanla rusiya rusiyanın respublikası respublikasının
    federasiyası federasiyasının prezidenti prezidentinin baş naziri hökuməti hökumətləri
    arasında ilə və haqqında üzrə dair barədə onların
    müqavilə müqaviləsi saziş sazişi bəyannamə bəyannaməsi bəyanat bəyanatı birgə protokol
    protokolu memorandum memorandumu plan planı fəaliyyət konvensiya konvensiyası proqram
    proqramı əməkdaşlıq əməkdaşlığın sahəsində inkişafı
    until till untill period years year до года годы период qədər dövr il ili illər üçün
    conditions principles use условиях принципах использования şərtləri prinsipləri istifadə
"""
_STEM_LETTERS_LATIN = 6
_STEM_LETTERS_INFLECTED = 5


@dataclass(frozen=True)
class RegisterEntry:
    """One known document: its names in three languages and the facts of its signing."""

    key: str
    kind: AgreementKind
    name: str
    name_ru: str = ""
    name_az: str = ""
    aliases: tuple[str, ...] = ()
    signed_on: dt.date | None = None
    signed_place: str = ""
    parties: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(
            name for name in (self.name, self.name_ru, self.name_az, *self.aliases) if name
        )

    @property
    def year(self) -> int | None:
        return self.signed_on.year if self.signed_on else None

    def signed_shortly_before(self, day: dt.date, days: int) -> bool:
        """Signed on `day` or in the `days` before it."""
        return self.signed_on is not None and 0 <= (day - self.signed_on).days <= days


def _stem(word: str) -> str:
    return word[: _STEM_LETTERS_LATIN if word.isascii() else _STEM_LETTERS_INFLECTED]


# Compared by stem, so every case form of a listed word is dropped too.
_UNTELLING = frozenset(_stem(word) for word in fold(_UNTELLING_WORDS).split())


# Extraction asks for the stems of the same few words before every document word.
@functools.lru_cache(maxsize=8192)
def stems(text: str) -> frozenset[str]:
    """The distinctive stems of a name, the same for any casing and case ending."""
    found = {_stem(word) for word in LETTER_WORD.findall(fold(text)) if len(word) >= 2}
    return frozenset(found - _UNTELLING)


def kinds_compatible(first: AgreementKind, second: AgreementKind) -> bool:
    return any(first in group and second in group for group in _KIND_GROUPS)


# A name of one distinctive stem ('the Baku Declaration') may be another summit's of that
# city; two or more ('Allied Interaction') are one document's.
MIN_STEMS_IN_FULL = 2

# One import run asks about the same few mentions thousands of times (a hostile
# text repeats its document words); past this many distinct questions the
# answers are forgotten and asked again, so memory stays bounded.
KEY_FOR_MEMO_SIZE = 10_000


@dataclass(frozen=True, eq=False)
class Register:
    """Known documents with their names' stems, ready to match mentions against.

    A mention is compared only with the entries whose names share a stem with
    it (`_sharing`), found through an index by stem, not by scanning every
    entry: the register grows as curators add documents, and a text may hold
    five hundred document words.
    """

    entries: tuple[RegisterEntry, ...]
    name_stems: tuple[tuple[frozenset[str], ...], ...]
    _by_key: dict[str, RegisterEntry] = field(default_factory=dict, repr=False)
    _by_stem: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _by_prefix: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _years: frozenset[int | None] = field(default_factory=frozenset, repr=False)
    _sharing_memo: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    _key_for_memo: dict[tuple, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def from_entries(cls, raw_entries: Iterable[Mapping]) -> Register:
        entries = tuple(parse_entry(raw) for raw in raw_entries)
        name_stems = tuple(tuple(stems(name) for name in e.names) for e in entries)
        by_key: dict[str, RegisterEntry] = {}
        for entry in entries:
            by_key.setdefault(entry.key, entry)
        by_stem, by_prefix = _stem_index(name_stems)
        years = frozenset(entry.year for entry in entries)
        return cls(entries, name_stems, by_key, by_stem, by_prefix, years)

    def entry(self, key: str) -> RegisterEntry | None:
        return self._by_key.get(key)

    def may_name(self, name: str) -> bool:
        """False when `key_for` finds nothing for this name whatever its kind, year or parties:
        it has distinctive stems and no entry's names share one. A caller asks this
        before working out a year and parties that cost more than the lookup."""
        mention = stems(name)
        return not mention or any(self._sharing(stem) for stem in mention)

    def years_naming(self, name: str) -> frozenset[int] | None:
        """The only years of signing under which `key_for` may find an entry for `name`, or
        None when a year is not what decides it. A name without distinctive stems is told
        apart only by the year an entry was signed in (an entry with no year takes any)."""
        if stems(name) or None in self._years:
            return None
        return frozenset(year for year in self._years if year is not None)

    def may_name_signed_in(self, name: str, year: int | None) -> bool:
        """False when `key_for` finds nothing for this name signed in `year`, whatever its
        kind or parties. A name without distinctive stems ("the 1997 treaty", "a joint
        statement") is told apart only by a year of signing that an entry has."""
        if stems(name):
            return self.may_name(name)
        return year is not None and bool({year, None} & self._years)

    def key_for(
        self,
        kind: AgreementKind,
        name: str,
        *,
        year: int | None = None,
        parties: Iterable[str] = (),
        written_by: dt.date | None = None,
    ) -> str | None:
        """The one entry a mention of this kind and name points at, or None.

        `year` (of signing, when the text gives it) and `parties` (countries the
        mention names) rule out entries signed in another year or by other
        countries: a 2016 trilateral "Baku Declaration" is not the 2001 one.
        `written_by` (the last day the article may have been written) rules out
        entries signed after it: a 1997 text's joint statement is not one of 2001.
        """
        mention, named = stems(name), frozenset(parties)
        question = (kind, mention, year, named, written_by)
        if question not in self._key_for_memo:
            if len(self._key_for_memo) >= KEY_FOR_MEMO_SIZE:
                self._key_for_memo.clear()
            self._key_for_memo[question] = self._answer(kind, mention, year, named, written_by)
        return self._key_for_memo[question]

    def key_signed_shortly_before(
        self, kind: AgreementKind, day: dt.date, *, days: int, parties: Iterable[str] = ()
    ) -> str | None:
        """The one entry of a compatible kind signed in the `days` up to `day`: 'the
        presidents signed a joint statement' in an article of that day names no more."""
        named = frozenset(parties)
        found = [
            entry.key
            for entry in self.entries
            if kinds_compatible(kind, entry.kind)
            and entry.signed_shortly_before(day, days)
            and named <= set(entry.parties or named)
        ]
        return found[0] if len(found) == 1 else None

    def key_named_in_full(
        self, kind: AgreementKind, name: str, *, written_by: dt.date | None = None
    ) -> str | None:
        """The one entry of `kind` one of whose names `name` says exactly, in two distinctive
        stems or more, whoever the text names around it: 'the implementation of the Declaration
        on Allied Interaction … within the CIS' is the two countries' declaration."""
        mention = stems(name)
        if len(mention) < MIN_STEMS_IN_FULL:
            return None
        found = [
            entry.key
            for index, entry in enumerate(self.entries)
            if entry.kind is kind
            and (written_by is None or entry.signed_on is None or entry.signed_on <= written_by)
            and any(
                len(own) >= MIN_STEMS_IN_FULL and _covers(own, mention) and _covers(mention, own)
                for own in self.name_stems[index]
            )
        ]
        return found[0] if len(found) == 1 else None

    def key_on_topic(
        self,
        kind: AgreementKind,
        year: int,
        topic: str,
        *,
        written_by: dt.date | None = None,
    ) -> str | None:
        """The one entry of a compatible kind signed in `year` that `topic` (the words around a
        document named by its word and year alone) speaks of: 'under a 2002 agreement' in a
        sentence on the Gabala station is the radar's, not the other agreement of that day.

        An entry is spoken of when the topic holds a stem of its names that no other entry of
        that kind and year has; none or two such entries mean no match.
        """
        rivals = [
            index
            for index, entry in enumerate(self.entries)
            if kinds_compatible(kind, entry.kind)
            and entry.year == year
            and (written_by is None or entry.signed_on is None or entry.signed_on <= written_by)
        ]
        spoken = stems(topic)
        found = [index for index in rivals if self._told_by(index, rivals, spoken)]
        return self.entries[found[0]].key if len(found) == 1 else None

    def _told_by(self, index: int, rivals: list[int], spoken: frozenset[str]) -> bool:
        """A stem of `spoken` that is one of this entry's and none of the rivals'."""
        own = set().union(*self.name_stems[index])
        others = set().union(*(set().union(*self.name_stems[i]) for i in rivals if i != index))
        return any(
            any(_same_stem(stem, mine) for mine in own)
            and not any(_same_stem(stem, theirs) for theirs in others)
            for stem in spoken
        )

    def _answer(
        self,
        kind: AgreementKind,
        mention: frozenset[str],
        year: int | None,
        named: frozenset[str],
        written_by: dt.date | None = None,
    ) -> str | None:
        candidates = [
            index
            for index, entry in enumerate(self.entries)
            if kinds_compatible(kind, entry.kind)
            and (year is None or entry.year is None or entry.year == year)
            and (written_by is None or entry.signed_on is None or entry.signed_on <= written_by)
            and named <= set(entry.parties or named)
        ]
        # A name sharing no stem with a non-empty mention can neither hold it nor be held.
        sharing = set().union(*(self._sharing(stem) for stem in mention)) if mention else None
        matches = [
            index
            for index in candidates
            if (sharing is None or index in sharing)
            and self._points_at(
                index,
                mention,
                candidates,
                year_agrees=year is not None,
                same_kind=self.entries[index].kind is kind,
            )
        ]
        # News call a treaty an agreement, rarely an agreement a treaty: 'the 1997 treaty'
        # is the one treaty of that year, not also the agreements signed beside it.
        treaties = [index for index in matches if self.entries[index].kind is kind]
        if kind is AgreementKind.TREATY and len(treaties) == 1:
            return self.entries[treaties[0]].key
        return _best(self.entries, matches, self.name_stems, mention)

    def _points_at(
        self,
        index: int,
        mention: frozenset[str],
        rivals: list[int],
        *,
        year_agrees: bool,
        same_kind: bool = True,
    ) -> bool:
        for name in self.name_stems[index]:
            name_in_mention, mention_in_name = _covers(mention, name), _covers(name, mention)
            if name_in_mention and mention_in_name and (name or year_agrees):
                return True
            # A mention that says more than the name ('… sərhədindən keçid qaydaları haqqında
            # saziş') is that document only when it is of the same kind, not a treaty's rules.
            if name_in_mention and len(name) >= 2 and same_kind:
                return True
            if mention_in_name and (year_agrees or self._told_apart(index, mention, rivals)):
                return True
        return False

    def _told_apart(self, index: int, mention: frozenset[str], rivals: list[int]) -> bool:
        """A stem of the mention that no other entry of a compatible kind has."""
        others = set(rivals) - {index}
        return any(not (self._sharing(stem) & others) for stem in mention)

    def _sharing(self, stem: str) -> frozenset[int]:
        """The entries with a name stem that is `stem` or begins it or that it begins."""
        if stem not in self._sharing_memo:
            found = set(self._by_stem.get(stem, ()))
            for length in range(3, min(len(stem), _STEM_LETTERS_INFLECTED)):
                found |= self._by_stem.get(stem[:length], frozenset())
            if 3 <= len(stem) < _STEM_LETTERS_INFLECTED:
                found |= self._by_prefix.get(stem, frozenset())
            self._sharing_memo[stem] = frozenset(found)
        return self._sharing_memo[stem]


def _stem_index(
    name_stems: tuple[tuple[frozenset[str], ...], ...],
) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """The entries by each stem of their names, and by each short word that begins one."""
    by_stem: dict[str, set[int]] = {}
    by_prefix: dict[str, set[int]] = {}
    for index, names in enumerate(name_stems):
        for stem in set().union(*names):
            by_stem.setdefault(stem, set()).add(index)
            for length in range(3, min(len(stem), _STEM_LETTERS_INFLECTED)):
                by_prefix.setdefault(stem[:length], set()).add(index)
    return (
        {stem: frozenset(found) for stem, found in by_stem.items()},
        {prefix: frozenset(found) for prefix, found in by_prefix.items()},
    )


def _covers(container: Iterable[str], contained: Iterable[str]) -> bool:
    """Every stem of `contained` has one in `container` that it begins or that begins it."""
    return all(any(_same_stem(stem, other) for other in container) for stem in contained)


def _same_stem(first: str, second: str) -> bool:
    """Equal, or a whole short word ("çayı") that begins the other's stem ("çayının")."""
    if first == second:
        return True
    shorter, longer = sorted((first, second), key=len)
    return 3 <= len(shorter) < _STEM_LETTERS_INFLECTED and longer.startswith(shorter)


def _best(
    entries: tuple[RegisterEntry, ...],
    matches: list[int],
    name_stems: tuple[tuple[frozenset[str], ...], ...],
    mention: frozenset[str],
) -> str | None:
    if len(matches) == 1:
        return entries[matches[0]].key
    scored = sorted(
        ((max(_jaccard(mention, name) for name in name_stems[i]), i) for i in matches),
        reverse=True,
    )
    if len(scored) > 1 and scored[0][0] > scored[1][0]:
        return entries[scored[0][1]].key
    return None


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 1.0


def parse_entry(raw: Mapping) -> RegisterEntry:
    """One entry in the shape above, typed: dates parsed, parties a tuple."""
    signed_on = raw.get("signed_on")
    if isinstance(signed_on, str):
        signed_on = dt.date.fromisoformat(signed_on) if signed_on else None
    parties = raw.get("parties") or ()
    if isinstance(parties, str):
        parties = [party.strip() for party in parties.split(",")]
    return RegisterEntry(
        key=raw["key"],
        kind=AgreementKind(raw["kind"]),
        name=raw["name"],
        name_ru=raw.get("name_ru") or "",
        name_az=raw.get("name_az") or "",
        aliases=tuple(raw.get("aliases") or ()),
        signed_on=signed_on,
        signed_place=raw.get("signed_place") or "",
        parties=tuple(party for party in parties if party),
    )


def file_entries(path: Path = REGISTER_PATH) -> list[dict]:
    """The entries of the register's file (fixtures/agreements.json, or `path`)."""
    return json.loads(path.read_text(encoding="utf-8"))["entries"]


def load_register(path: Path | None = None) -> Register:
    """The register in fixtures/agreements.json (or `path`), compiled once."""
    return Register.from_entries(file_entries(path or REGISTER_PATH))


# ---------------------------------------------------------------- keys the register does not know

CLOSEST_KEY_THRESHOLD = 0.75
_SHARED_PREFIX = 5


def closest_key(key: str, existing_keys: Iterable[str]) -> str | None:
    """The stored key naming the same document as `key` in other words, if one is close enough.

    Keys are `kind:word-word-…` (extract.agreement_key). Two keys are compared
    only when their kinds are compatible; their words count as the same when
    one is a prefix of the other or they share their first letters (an
    inflected Russian word against its stem), and the score is the share of
    the longer key's words matched. At 0.75 three words in four must agree;
    it was chosen from the unit cases, not yet measured on stored keys.
    """
    kind, words = _split_key(key)
    if kind is None or not words:
        return None
    best: tuple[float, str] | None = None
    for existing in existing_keys:
        other_kind, other_words = _split_key(existing)
        if existing == key:
            return existing
        if other_kind is None or not kinds_compatible(kind, other_kind):
            continue
        score = key_similarity(words, other_words)
        if score >= CLOSEST_KEY_THRESHOLD and (best is None or score > best[0]):
            best = (score, existing)
    return best[1] if best else None


def key_similarity(first: Iterable[str], second: Iterable[str]) -> float:
    """Share of the longer word list matched, one to one, by a word of the shorter."""
    first, second = sorted(set(first)), sorted(set(second))
    if not first or not second:
        return 0.0
    shorter, longer = sorted((first, second), key=len)
    unused = list(longer)
    matched = 0
    for word in shorter:
        partner = next((other for other in unused if _same_word(word, other)), None)
        if partner is not None:
            unused.remove(partner)
            matched += 1
    return matched / len(longer)


def _same_word(first: str, second: str) -> bool:
    if first == second:
        return True
    common = min(len(first), len(second), _SHARED_PREFIX)
    return common >= 4 and first[:common] == second[:common]


def _split_key(key: str) -> tuple[AgreementKind | None, list[str]]:
    kind_value, _, words = key.partition(":")
    try:
        kind = AgreementKind(kind_value)
    except ValueError:
        return None, []
    return kind, [word for word in words.split("-") if word]
