"""Third stage of ingestion: what a parsed article names (read -> parse -> extract).

Two extractors over a ParsedArticle, both plain functions:

- `extract_agreements`: the specific signed (or planned) documents the text
  names, in English, Russian or Azerbaijani. A mention becomes an agreement
  only when it names one document: a singular document word with words that
  tell it apart ("memorandum of cooperation in the field of pensions",
  "Declaration on Allied Interaction ...") or with the parties who signed it
  named as the sentence's subject. Plurals and back-references ("these
  agreements", "a number of documents", "15 documents", "eight road maps")
  and bare words ("the road map") are left out: a curator approves what the
  importer suggests, and a suggestion that names nothing wastes their time.
- `extract_tags`: people, organisations, places, events and topics from a
  gazetteer (fixtures/gazetteer.json) that curators extend. Entities need one
  mention; a topic needs several keyword hits, so a passing word does not tag.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from articles.ingest.dates import MONTH_PATTERN, full_date
from articles.ingest.document import (
    AgreementKind,
    AgreementMention,
    ParsedArticle,
    TagKind,
    TagMention,
)

GAZETTEER_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer.json"
NAME_MAX_WORDS = 40
KEY_MAX_CHARS = 300

# ---------------------------------------------------------------- sentences and words

_SENTENCE_BREAK = re.compile(r"\n+|(?<=[.!?…])[\"”»]?\s+(?=[\"“«]?[A-ZА-ЯЁƏÜÖĞİŞÇ0-9])")
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"[\"“«„][^\"“”«»„\n]{1,250}[\"”»“]")
_QUOTE_CHARS = '"“”«»„'


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _sentences(body: str) -> list[str]:
    return [sentence.strip() for sentence in _SENTENCE_BREAK.split(body) if sentence.strip()]


# ---------------------------------------------------------------- agreements: kinds

_KINDS: tuple[tuple[str, AgreementKind], ...] = (
    (
        r"minutes(?= of (?:the )?[\w -]{0,60}(?:meeting|session))|протокол\w{0,3} (?=\w+ заседани)",
        AgreementKind.MINUTES,
    ),
    (
        r"action plans?|plans? of action|план\w{0,2} действий|fəaliyyət plan\w{0,4}",
        AgreementKind.ACTION_PLAN,
    ),
    (r"road ?maps?|roadmaps?|дорожн\w{0,3} карт\w{0,3}|yol xəritə\w{0,4}", AgreementKind.ROAD_MAP),
    (r"memorand(?:um|a|ums)\w{0,4}|меморандум\w{0,3}", AgreementKind.MEMORANDUM),
    (r"declarations?|деклараци\w{0,3}|bəyannamə\w{0,4}", AgreementKind.DECLARATION),
    (r"agreements?|соглашени\w{0,3}|saziş\w{0,4}", AgreementKind.AGREEMENT),
    (r"protocols?|протокол\w{0,3}|protokol\w{0,4}", AgreementKind.PROTOCOL),
    (r"programmes?|programs?|программ\w{0,3}|proqram\w{0,4}", AgreementKind.PROGRAMME),
    (r"contracts?|договор\w{0,3}|контракт\w{0,3}|müqavilə\w{0,4}", AgreementKind.CONTRACT),
)
_KIND_PATTERN = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<k{index}>{pattern})" for index, (pattern, _) in enumerate(_KINDS))
    + r")(?!\w)",
    re.I,
)
_PLURAL = re.compile(
    r"^(?:action plans|plans of action|road ?maps|roadmaps|memoranda|memorandums|declarations|"
    r"agreements|"
    r"protocols|programmes|programs|contracts|(?:saziş|memorandum|bəyannamə|protokol|proqram|müqavilə|xəritə|plan)\w{0,3}(?:lar|lər)\w*)$",
    re.I,
)
_VAGUE_BEFORE = re.compile(
    r"(?i:\b(?:these|those|such|other|several|numerous|many|all|some|any|each|both|"
    r"number of|[0-9]+|two|three|four|five|six|seven|eight|nine|ten|"
    r"эти|этих|эти|такие|другие|других|ряд|несколько|многие|все|всех|"
    r"bu|həmin|digər|bir sıra|bir neçə|bütün))\s+(?:\w+\s+){0,2}$"
)
_MODIFIERS_BEFORE = re.compile(
    r"(?i:\b(?P<modifiers>(?:(?:joint|intergovernmental|interstate|bilateral|trilateral|"
    r"comprehensive|framework|general|strategic|state)\s+){1,3}))$"
)

# ---------------------------------------------------------------- agreements: qualifiers

_PARTICIPLE = re.compile(
    r"^(?i:signed|concluded|adopted|reached|подписанн\w+|заключенн\w+)\s+(?=(?i:between|on|of|между|о|об)\s)"
)
_QUALIFIER_START = re.compile(
    r"^(?i:on|of|between|for|about|regarding|concerning|in the field|in the sphere|until|till|"
    r"о|об|между|в области|в сфере|по|на период|до|сотрудничеств\w*|развити\w*)\s"
)
_DATE_AFTER = (
    rf"(?:{MONTH_PATTERN}\s+[0-9]{{1,2}}|[0-9]{{1,2}}\s+{MONTH_PATTERN}"
    r"|(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
_KIND_WORDS = "|".join(pattern for pattern, _ in _KINDS[1:])
_QUALIFIER_STOP = re.compile(
    r"[,;:!?()]|\.(?:\s|$)|\s[-–—]\s"
    r"|\s(?i:was|were|is|are|has|have|had|will|would|shall|can|could|may|must|which|that|who|"
    r"whose|signed|concluded|adopted|as well as|aims?|includes?|provides?|envisages?|"
    r"stipulates?|covers?|during|within|in the framework|at the|"
    r"был|была|было|были|будет|будут|подписан\w*|заключ\w*|котор\w+|что|а также|"
    r"в рамках|во время|в ходе|до конца|by the end)(?!\w)"
    rf"|\s(?:and|or|и|və)\s+(?:(?:a|an|the|other|also)\s+)?(?i:{_KIND_WORDS})(?!\w)"
    r"|\s(?i:and|и)\s+(?i:other|others|a number|ряд|другие)(?!\w)"
    rf"|\s(?i:on|in|at|в|на)\s+{_DATE_AFTER}"
)
_GENERIC_WORDS = _words(
    "cooperation understanding intent intention intentions partnership mutual the a an of on in "
    "between for about and field sphere area areas with to by at "
    "из о об в на по и между сотрудничестве сотрудничества взаимопонимании намерениях "
    "области сфере əməkdaşlıq əməkdaşlığa haqqında dair "
    "üzrə sahəsində və ilə arasında"
)
_AZ_MARKERS = re.compile(r"(?i:\b(?:haqqında|dair|üzrə|barədə|arasında|sahəsində)\b)")
_AZ_PHRASE_BREAK = re.compile(
    r"[,;:()]|\s(?:və|ilə)\s(?=[a-zəüöğışç])|\b\w+(?:ıb|ib|ub|üb|dı|di|du|dü)(?:lar|lər)?\b\s"
)

# ---------------------------------------------------------------- agreements: signed or planned

_PLANNED = re.compile(
    r"(?i:\b(?:will|shall|would|to be|are to|is to|plans? to|planned|planning|intends? to|"
    r"expected to|going to|may|might|could|draft|prepar\w+|negotiat\w+)\b"
    r".{0,40}\b(?:sign|signed|signing|conclude|adopt)\w*"
    r"|\b(?:working on|drafting|preparing|developing)\s+(?:a|an|the)\s"
    r"|будет подписан|будут подписаны|планиру\w+ подписать|подпишут|"
    r"проект\w* (?:соглашени|меморандум)|"
    r"imzalanacaq|imzalanması planlaşdırılır|layihəsi)"
)

# ---------------------------------------------------------------- agreements: parties and keys

_BETWEEN = re.compile(r"(?i:\b(?:between|между)\s+(?P<parties>.+))$")
_PARTY_END = re.compile(
    r"\s(?i:on|for the period|in the field|in the sphere|until|regarding"
    r"|о|об|в области|по|на период)\s"
)
_SUBJECT_PARTIES = re.compile(
    r"(?:^|,\s|\b(?i:moreover|also|furthermore|in addition)\s)"
    r"(?P<subject>(?:the\s)?[A-ZА-ЯЁƏ][^,;]{3,250}?)\s+"
    r"(?i:(?:have\s|has\s|also\s)?signed|подписали|imzalayıb(?:lar)?)\s+(?:a|an|the)?\s*$"
)
_ORGANISATION_WORD = re.compile(
    r"(?i:\b(?:agency|corporation|ministry|government|company|fund|bank|committee|service|"
    r"council|chamber|university|railways?|agentliyi|nazirliyi|hökuməti|агентств\w+|министерств\w+|"
    r"правительств\w+|корпораци\w+)\b)"
)
_AZERBAIJAN = re.compile(r"(?i:azerbaijan\w*|азербайджан\w*|azərbaycan\w*)")
_RUSSIA = re.compile(r"(?i:russia\w*|росси\w+|russiya\w*|rusiya\w*)")
_COUNTRY_PARTY = re.compile(
    r"^(?i:(?:the\s)?(?:republic of\s)?"
    r"(?P<country>azerbaijan|russia|russian federation|azerbaijani|russian)"
    r"(?:\s(?:republic|federation|governments?|side))?)$"
)
_KEY_PHRASES = (
    (
        re.compile(
            r"(?i:small and medium[- ]?(?:sized)?\s+(?:business\w*|enterprises?|entrepreneurship))"
        ),
        " sme ",
    ),
    (re.compile(r"(?i:мал\w+ и средн\w+ (?:бизнес\w*|предпринимательств\w*))"), " sme "),
    (re.compile(r"(?i:kiçik və orta (?:biznes\w*|sahibkarlıq\w*))"), " sme "),
)
_KEY_SYNONYMS = {
    "untill": "until",
    "till": "until",
    "directions": "areas",
    "direction": "areas",
    "spheres": "field",
    "sphere": "field",
    "programme": "program",
    "azerbaijani": "azerbaijan",
    "russian": "russia",
    "offences": "offenses",
}
# "intent" and "understanding" stay in keys: a memorandum of intent is not the
# memorandum it may lead to.
_KEY_DROP = (_GENERIC_WORDS - {"intent", "understanding"}) | {"federation", "republic", "key"}


@dataclass(frozen=True)
class _Candidate:
    kind: AgreementKind
    name: str
    parties: tuple[str, ...]


def extract_agreements(article: ParsedArticle) -> list[AgreementMention]:
    """The specific documents the article names, each once, in order of first mention."""
    found: dict[str, AgreementMention] = {}
    for sentence in _sentences(article.body):
        for match in _KIND_PATTERN.finditer(sentence):
            candidate = _candidate(sentence, match)
            if candidate is None:
                continue
            mention = _mention(candidate, sentence)
            _keep_distinct(found, mention)
    return list(found.values())


def _candidate(sentence: str, match: re.Match[str]) -> _Candidate | None:
    kind = _KINDS[int(match.lastgroup[1:])][1]
    before = sentence[: match.start()]
    if _PLURAL.match(match.group(0)) or _VAGUE_BEFORE.search(before[-60:]):
        return None
    if _AZERBAIJANI_LETTER.search(sentence):
        return _azerbaijani_candidate(kind, before, match.group(0))
    qualifier = _qualifier(sentence[match.end() :])
    modifiers = _MODIFIERS_BEFORE.search(before[-80:])
    head = ((modifiers.group("modifiers") if modifiers else "") + match.group(0)).strip()
    name = _capitalised(f"{head} {qualifier}".strip())
    parties = _parties_between(qualifier)
    if not _distinctive_words(qualifier):
        subject = _SUBJECT_PARTIES.search(before)
        if not subject or not _ORGANISATION_WORD.search(subject.group("subject")):
            return None
        parties = _subject_parties(subject.group("subject"))
        name = f"{name} between {subject.group('subject').strip()}"
    return _Candidate(kind, _limit_words(name), parties)


_AZERBAIJANI_LETTER = re.compile(r"[əƏ]")


def _qualifier(after: str) -> str:
    after = _PARTICIPLE.sub("", after.strip()[:400])
    if after[:1] in _QUOTE_CHARS:
        quoted = _QUOTED.match(after)
        return quoted.group(0).strip(_QUOTE_CHARS) if quoted else ""
    if not _QUALIFIER_START.match(after):
        return ""
    quoted_spans = [match.span() for match in _QUOTED.finditer(after)]
    end = len(after)
    for stop in _QUALIFIER_STOP.finditer(after):
        if not any(start < stop.start() < finish for start, finish in quoted_spans):
            end = stop.start()
            break
    qualifier = after[:end].strip()
    for character in _QUOTE_CHARS:
        qualifier = qualifier.replace(character, "")
    return " ".join(qualifier.split())


def _azerbaijani_candidate(kind: AgreementKind, before: str, kind_word: str) -> _Candidate | None:
    """Azerbaijani names the subject before the document word: 'təhsil sahəsində ... memorandum'."""
    clause = _AZ_PHRASE_BREAK.split(before[-300:])[-1].strip()
    words = clause.split()[-14:]
    markers = [index for index, word in enumerate(words) if _AZ_MARKERS.fullmatch(word)]
    if not markers:
        return None
    if "arasında" in (word.lower() for word in words):
        with_index = max(
            (i for i, word in enumerate(words) if word.lower() == "ilə"), default=markers[0]
        )
        start = max(0, with_index - 4)
    else:
        start = max(0, markers[0] - 2)
    phrase = " ".join(words[start:])
    parties = (
        ("Azerbaijan", "Russia") if _AZERBAIJAN.search(phrase) and _RUSSIA.search(phrase) else ()
    )
    return _Candidate(kind, _limit_words(_capitalised(f"{phrase} {kind_word}")), parties)


def _subject_parties(subject: str) -> tuple[str, ...]:
    """Split 'the X Agency and the Y Corporation' between parties, not in 'Small and Medium'."""
    separator = " and the " if " and the " in subject else " and "
    first, _, second = subject.rpartition(separator)
    parts = (first, second) if first else (subject,)
    return tuple(_party(part) for part in parts if part.strip())


def _parties_between(qualifier: str) -> tuple[str, ...]:
    between = _BETWEEN.search(qualifier)
    if not between:
        return ()
    return _subject_parties(_PARTY_END.split(between.group("parties"), maxsplit=1)[0])


def _party(text: str) -> str:
    text = " ".join(text.split()).removeprefix("the ").removeprefix("The ")
    country = _COUNTRY_PARTY.match(text)
    if country:
        return (
            "Azerbaijan" if country.group("country").lower().startswith("azerbaijan") else "Russia"
        )
    return text


def _mention(candidate: _Candidate, sentence: str) -> AgreementMention:
    parties = candidate.parties
    if not parties and _AZERBAIJAN.search(sentence) and _RUSSIA.search(sentence):
        first_azerbaijan = _AZERBAIJAN.search(sentence).start()
        first_russia = _RUSSIA.search(sentence).start()
        parties = (
            ("Azerbaijan", "Russia")
            if first_azerbaijan < first_russia
            else ("Russia", "Azerbaijan")
        )
    return AgreementMention(
        name=candidate.name,
        kind=candidate.kind,
        key=agreement_key(candidate.kind, candidate.name),
        is_signed=not _PLANNED.search(sentence),
        parties=parties,
        signed_on=full_date(sentence),
        sentence=sentence[:1000],
    )


def _keep_distinct(found: dict[str, AgreementMention], mention: AgreementMention) -> None:
    """One entry per document: a mention whose words are a subset of another's is the same one."""
    words = _key_words(mention.key)
    for key, kept in list(found.items()):
        if kept.kind != mention.kind:
            continue
        kept_words = _key_words(key)
        if words <= kept_words:
            return
        if kept_words < words:
            del found[key]
    found[mention.key] = mention


def _key_words(key: str) -> frozenset[str]:
    return frozenset(key.partition(":")[2].split("-"))


def agreement_key(kind: AgreementKind, name: str) -> str:
    """A stable identity: kind plus the name's distinctive words, normalised and sorted."""
    text = name.lower()
    for pattern, replacement in _KEY_PHRASES:
        text = pattern.sub(replacement, text)
    words = {_key_word(word) for word in _WORD.findall(text)}
    words -= _KEY_DROP | {""}
    distinctive = sorted(word for word in words if not _KIND_PATTERN.fullmatch(word))
    return f"{kind.value}:{'-'.join(distinctive)}"[:KEY_MAX_CHARS]


def _key_word(word: str) -> str:
    word = _KEY_SYNONYMS.get(word, word)
    if word in _KEY_DROP:
        return ""
    if word.isascii():
        return (
            word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word
        )
    # Russian and Azerbaijani inflect by endings; six letters keep the stem.
    return word[:6]


def _distinctive_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if word not in _GENERIC_WORDS]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _limit_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:NAME_MAX_WORDS])


# ---------------------------------------------------------------- tags

_STEM_SUFFIX = r"[^\W\d_]{0,6}"


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Named things and topics to tag, compiled into a few regular expressions."""

    entries: tuple[tuple[str, TagKind, int], ...]
    patterns: tuple[re.Pattern[str], ...]
    exact: dict[str, int]
    stems: dict[str, list[tuple[re.Pattern[str], int]]]

    def entry_for(self, matched: str) -> int | None:
        index = (
            self.exact.get(matched) if matched in self.exact else self.exact.get(matched.casefold())
        )
        if index is not None:
            return index
        folded = matched.casefold()
        for length in range(len(folded), 0, -1):
            for alias_pattern, candidate in self.stems.get(folded[:length], ()):
                if alias_pattern.fullmatch(matched):
                    return candidate
        return None


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read the gazetteer (default fixtures/gazetteer.json) and compile it once."""
    data = json.loads((path or GAZETTEER_PATH).read_text(encoding="utf-8"))
    return build_gazetteer(data["entries"])


def build_gazetteer(raw_entries: Iterable[dict]) -> Gazetteer:
    entries: list[tuple[str, TagKind, int]] = []
    exact: dict[str, int] = {}
    stems: dict[str, list[tuple[re.Pattern[str], int]]] = {}
    alternatives: dict[bool, list[str]] = {True: [], False: []}
    for index, raw in enumerate(raw_entries):
        kind = TagKind(raw["kind"])
        entries.append(
            (raw["name"], kind, int(raw.get("min_hits", 2 if kind == TagKind.TOPIC else 1)))
        )
        for alias in {raw["name"], *raw.get("aliases", [])}:
            case_sensitive = _is_capitals(alias)
            alternatives[case_sensitive].append(alias)
            if "*" in alias:
                flags = 0 if case_sensitive else re.I
                stem_pattern = re.compile(_alias_regex(alias), flags)
                stems.setdefault(alias.split("*")[0].casefold(), []).append((stem_pattern, index))
            else:
                exact[alias if case_sensitive else alias.casefold()] = index
    patterns = tuple(
        re.compile(
            rf"(?<!\w)(?:{_trie_regex(aliases, case_sensitive)})(?!\w)",
            0 if case_sensitive else re.I,
        )
        for case_sensitive, aliases in alternatives.items()
        if aliases
    )
    return Gazetteer(tuple(entries), patterns, exact, stems)


def _is_capitals(alias: str) -> bool:
    letters = [character for character in alias if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def _alias_regex(alias: str) -> str:
    return _STEM_SUFFIX.join(re.escape(part) for part in alias.split("*"))


def _trie_regex(aliases: Iterable[str], case_sensitive: bool) -> str:
    """One alternation shaped as a trie, so matching does not retry every alias at every letter."""
    trie: dict = {}
    for alias in aliases:
        node = trie
        for character in alias if case_sensitive else alias.casefold():
            node = node.setdefault(character, {})
        node[""] = {}
    return _trie_node_regex(trie)


def _trie_node_regex(node: dict) -> str:
    branches = [
        (_STEM_SUFFIX if character == "*" else re.escape(character)) + _trie_node_regex(child)
        for character, child in sorted(node.items())
        if character
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def extract_tags(article: ParsedArticle, gazetteer: Gazetteer) -> list[TagMention]:
    """Tags the article earns: entities mentioned, topics discussed, in order of first mention."""
    hits: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    # Curly apostrophes would hide "Azerbaijan’s Economy Ministry" from its alias.
    # A derived title repeats the first sentence; counting it twice would inflate topics.
    title = "" if article.title_derived else article.title
    text = f"{title}\n{article.body}".replace("’", "'")
    for pattern in gazetteer.patterns:
        for match in pattern.finditer(text):
            index = gazetteer.entry_for(match.group(0))
            if index is not None:
                hits[index] += 1
                first_seen.setdefault(index, match.start())
    earned = [index for index in hits if hits[index] >= gazetteer.entries[index][2]]
    tags: dict[tuple[str, TagKind], TagMention] = {}
    for index in sorted(earned, key=first_seen.__getitem__):
        name, kind, _ = gazetteer.entries[index]
        tags.setdefault((name, kind), TagMention(name=name, kind=kind))
    return list(tags.values())
