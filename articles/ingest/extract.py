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

import datetime as dt
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from articles.ingest.dates import MONTH_PATTERN, find_date, full_date
from articles.ingest.document import (
    AgreementKind,
    AgreementMention,
    ParsedArticle,
    Precision,
    PublishedDate,
    TagKind,
    TagMention,
)
from articles.ingest.register import Register, stems

GAZETTEER_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer.json"
NAME_MAX_WORDS = 40
KEY_MAX_CHARS = 300

# ---------------------------------------------------------------- sentences and windows

_SENTENCE_BREAK = re.compile(r"\n+|(?<=[.!?…])[\"”»]?\s+(?=[\"“«]?[A-ZА-ЯЁƏÜÖĞİŞÇ0-9])")
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"[\"“«„][^\"“”«»„\n]{1,250}[\"”»“]")
_QUOTE_CHARS = '"“”«»„'

# Extraction reads bounded windows around each document word, never a whole
# sentence per match: a 1 MB "sentence" of repeated document words must cost
# time linear in its length (issue 13; bench/extract.py measures it).
SENTENCE_MAX_CHARS = 2_000
BEFORE_CHARS = 300
AFTER_CHARS = 400
CONTEXT_CHARS = 200
MAX_MENTIONS = 200
# No article names five hundred documents: past that many document words the rest of a
# text is not read for documents, so no text costs more than this many windows.
MAX_DOCUMENT_WORDS = 500
ARTICLE_COUNTRIES_CHARS = 50_000


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _sentences(body: str) -> Iterator[str]:
    """Sentences, each cut into pieces of at most SENTENCE_MAX_CHARS at a space."""
    for sentence in _SENTENCE_BREAK.split(body):
        start, end = 0, len(sentence)
        while end - start > SENTENCE_MAX_CHARS:
            cut = sentence.rfind(" ", start + 1, start + SENTENCE_MAX_CHARS)
            cut = cut if cut > start else start + SENTENCE_MAX_CHARS
            yield sentence[start:cut].strip()
            start = cut
        if sentence[start:].strip():
            yield sentence[start:].strip()


@dataclass(frozen=True)
class _Window:
    """The text around one document word: all that any rule about it may read."""

    sentence: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.sentence[self.start : self.end]

    @property
    def before(self) -> str:
        return self.sentence[max(0, self.start - BEFORE_CHARS) : self.start]

    @property
    def after(self) -> str:
        return self.sentence[self.end : self.end + AFTER_CHARS]

    @property
    def context(self) -> str:
        return self.sentence[max(0, self.start - CONTEXT_CHARS) : self.end + CONTEXT_CHARS]


# ---------------------------------------------------------------- agreements: kinds

_AZ = r"\w{0,6}"  # Azerbaijani stacks possessive and case endings: Bəyannamə-si-ni
_KINDS: tuple[tuple[str, AgreementKind], ...] = (
    (r"minutes(?= of (?:the )?[\w -]{0,60}(?:meeting|session))", AgreementKind.MINUTES),
    (
        r"(?:joint|trilateral|tripartite) (?:statements?|declarations?)"
        r"|совместн\w{0,3} (?:заявлени\w{0,3}|деклараци\w{0,3})"
        r"|тр[её]хсторонн\w{0,3} (?:заявлени\w{0,3}|деклараци\w{0,3})"
        rf"|(?:birgə|üçtərəfli) (?:bəyanat{_AZ}|bəyannamə{_AZ})",
        AgreementKind.JOINT_STATEMENT,
    ),
    (
        rf"work(?:ing)? plans?|plans? of work|план\w{{0,2}} (?:работы|консультаций)"
        rf"|рабоч\w{{0,3}} план\w{{0,2}}|iş plan{_AZ}",
        AgreementKind.WORK_PLAN,
    ),
    (
        rf"action plans?|plans? of action|план\w{{0,2}} действий|fəaliyyət plan{_AZ}",
        AgreementKind.ACTION_PLAN,
    ),
    (
        rf"road ?maps?|roadmaps?|дорожн\w{{0,3}} карт\w{{0,3}}|yol xəritə{_AZ}",
        AgreementKind.ROAD_MAP,
    ),
    (r"memorand(?:um|a|ums)\w{0,6}|меморандум\w{0,3}", AgreementKind.MEMORANDUM),
    (rf"declarations?|деклараци\w{{0,3}}|bəyannamə{_AZ}", AgreementKind.DECLARATION),
    (
        rf"treat(?:y|ies)|conventions?|договор\w{{0,3}}|конвенци\w{{0,3}}|müqavilə{_AZ}"
        rf"|konvensiya{_AZ}",
        AgreementKind.TREATY,
    ),
    (rf"agreements?|соглашени\w{{0,3}}|saziş{_AZ}", AgreementKind.AGREEMENT),
    (rf"protocols?|протокол\w{{0,3}}|protokol{_AZ}", AgreementKind.PROTOCOL),
    (rf"programmes?|programs?|программ\w{{0,3}}|proqram{_AZ}", AgreementKind.PROGRAMME),
    (rf"contracts?|контракт\w{{0,3}}|kontrakt{_AZ}", AgreementKind.CONTRACT),
)
_KIND_PATTERN = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<k{index}>{pattern})" for index, (pattern, _) in enumerate(_KINDS))
    + r")(?!\w)",
    re.I,
)
_PLURAL = re.compile(
    r"^(?:.* )?(?:action plans|plans of action|work plans|road ?maps|roadmaps|memoranda|"
    r"memorandums|declarations|statements|agreements|treaties|conventions|protocols|programmes|"
    r"programs|contracts|"
    r"соглашени(?:й|ям|ями|ях)|меморандум(?:ы|ов|ам|ами|ах)|договор(?:ы|ов|ам|ами|ах)|"
    r"протокол(?:ы|ов|ам|ами|ах)|деклараци(?:й|ям|ями|ях)|заявлени(?:й|ям|ями|ях)|"
    r"программ(?:ам|ами|ах)|карт(?:ам|ами|ах)|"
    r"(?:saziş|memorandum|bəyannamə|bəyanat|protokol|proqram|müqavilə|xəritə|plan)\w{0,3}"
    r"(?:lar|lər)\w*)$",
    re.I,
)
_VAGUE_BEFORE = re.compile(
    r"(?i:\b(?:these|those|such|other|several|numerous|many|all|some|any|each|both|"
    r"number of|(?<![0-9])[0-9]{1,3}|two|three|four|five|six|seven|eight|nine|ten|"
    r"эти|этих|эти|такие|другие|других|ряд|несколько|многие|все|всех|"
    r"bu|həmin|digər|bir sıra|bir neçə|bütün))\s+(?:\w+\s+){0,2}$"
)
_MODIFIERS_BEFORE = re.compile(
    r"(?i:\b(?P<modifiers>(?:(?:intergovernmental|interstate|interagency|interdepartmental|"
    r"bilateral|comprehensive|framework|general|strategic|state|peace|"
    r"межправительственн\w{0,3}|межгосударственн\w{0,3}|межведомственн\w{0,3}|мирн\w{0,3})"
    r"\s+){1,3}))$"
)
_COMMERCIAL = re.compile(
    r"(?i:\b(?:supply|supplies|purchase|sale|lease|delivery|поставк\w*|купли|продаж\w*|"
    r"аренд\w*|подряд\w*|лизинг\w*|tədarük\w*|alqı|satqı\w*|icarə\w*|podrat\w*)\b)"
)

# ---------------------------------------------------------------- agreements: names

_PASSIVE_VERB = re.compile(
    r"^\s*(?:(?:was|were|has been|have been|had been|is|are|will be|would be|to be)\s+)?"
    r"(?:(?:also|officially|solemnly|jointly|formally|then)\s+)?"
    r"(?i:signed|concluded|adopted|inked|initialled|initialed|reached|approved)\s+"
)
_PASSIVE_ADVERBIAL = re.compile(
    r"^(?i:on\s+(?:[0-9]|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+"
    r"(?:sidelines|eve|margins|occasion)|this|that)|in\s+[A-Z0-9]|at\s|by\s|during\s|today|"
    r"yesterday|last\s|earlier|after\s|following\s|as\s)"
)
_PARTICIPLE = re.compile(
    r"^(?i:signed|concluded|adopted|reached|подписанн\w+|заключенн\w+)\s+(?=(?i:between|on|of|между|о|об)\s)"
)
_QUALIFIER_START = re.compile(
    r"^(?i:on|of|between|for|about|regarding|concerning|in the field|in the sphere|until|till|"
    r"о|об|между|в области|в сфере|по|на период|до|сотрудничеств\w*|развити\w*|"
    r"заседани\w*|[0-9]+-?\w{0,3}\s+заседани\w*)\s"
)
_DATE_AFTER = (
    rf"(?:{MONTH_PATTERN}\s+[0-9]{{1,2}}|[0-9]{{1,2}}\s+{MONTH_PATTERN}|(?:19|20)[0-9]{{2}}(?!\w)"
    r"|(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|сред\w|"
    r"четверг|пятниц\w|суббот\w|воскресень\w))"
)
_PLACES = (
    r"Baku|Moscow|Sochi|Kazan|St\.? Petersburg|Saint Petersburg|Astrakhan|Makhachkala|Derbent|"
    r"Ganja|Gabala|Shusha|Aktau|Tehran|Ashgabat|Astana|Minsk|Dushanbe|Yerevan|Ankara|"
    r"(?:the )?Kremlin|Баку|Москв\w|Сочи|Казан\w|Санкт-Петербург\w|Астрахан\w|Махачкал\w|"
    r"Дербент\w|Гяндж\w|Габал\w|Шуш\w|Актау|Тегеран\w|Ашхабад\w|Астан\w|Минск\w|Душанбе|"
    r"Ереван\w|Кремл\w"
)
_KIND_WORDS = "|".join(pattern for pattern, _ in _KINDS[1:])
_QUALIFIER_STOP = re.compile(
    r"[,;:!?()]|\.(?:\s|$)|\s[-–—]\s"
    r"|\s(?i:was|were|is|are|has|have|had|will|would|shall|can|could|may|must|which|that|who|"
    r"whose|signed|concluded|adopted|as well as|aims?|includes?|provides?|envisages?|"
    r"stipulates?|covers?|during|within|in the framework|at the|by|following|after|before|"
    r"under|today|yesterday|last|this week|this month|this year|earlier|"
    r"был|была|было|были|будет|будут|подписан\w*|заключ\w*|котор\w+|что|а также|"
    r"в рамках|во время|в ходе|по итогам|после|до конца|by the end|сегодня|вчера|накануне|"
    r"где|где-то|когда|как|почему|если|ли|уже|ещё|еще|тоже|только|можно|нужно|надо)(?!\w)"
    rf"|\s(?:and|or|и|və)\s+(?:(?:a|an|the|other|also)\s+)?(?i:{_KIND_WORDS})(?!\w)"
    r"|\s(?i:and|и)\s+(?i:other|others|a number|ряд|другие)(?!\w)"
    rf"|\s(?i:on|in|at|of|from|dated|в|на|от)\s+{_DATE_AFTER}"
    rf"|\s(?i:in|at|в|во)\s+(?:{_PLACES})(?!\w)"
)
# "Treaty on Friendship, Cooperation and Mutual Security", "о статусе, принципах и условиях":
# a comma inside a name is followed by a short list that ends with "and".
_LIST_GOES_ON = re.compile(r"\s(?:[^\W\d_][\w-]*\s){0,4}(?:and|и|və)\s[^\W\d_]")
_GENERIC_WORDS = _words(
    "cooperation understanding intent intention intentions partnership mutual the a an of on in "
    "between for about and field sphere area areas with to by at "
    "из о об в на по и между сотрудничестве сотрудничества взаимопонимании намерениях "
    "области сфере əməkdaşlıq əməkdaşlığa haqqında dair "
    "üzrə sahəsində və ilə arasında"
)
_TRAILING_FILLER = re.compile(r"(?:\s+(?i:the|a|an|and|or|of|on|in|и|в|о|об|по|və|ilə))+$")
_AZ_MARKERS = re.compile(r"(?i:\b(?:haqqında|dair|üzrə|barədə|arasında|sahəsində|sahədə)\b)")
_AZ_GENITIVE = re.compile(r"(?i:\w+(?:nın|nin|nun|nün|ın|in|un|ün)|[0-9]+-?\w{0,3})$")
_AZ_MEETING = re.compile(r"(?i:\biclas\w*)")
AZ_NAME_MAX_WORDS = 36
# Where an Azerbaijani document's name starts: after a verb or participle, a place or
# year in the locative, or a word that opens a clause.
_AZ_PHRASE_END = re.compile(
    r"(?i:\w+(?:mış|miş|muş|müş|ıb|ib|ub|üb|ılan|ilən|ulan|ülən|nan|nən|lan|lən|yan|yən|acaq|əcək"
    r"|dı|di|du|dü|dır|dir|dur|dür)(?:lar|lər)?|olan|edilən|qəbul|ki|isə|həm|də|da|bu|həmin|"
    r"ildə|ilində|tarixində|günü|sonra|əvvəl|[0-9]{4}-?\w{0,3})"
    r"|[A-ZƏÜÖĞİŞÇ]\w+(?:da|də)"
)
_AZ_LEADING_FILLER = frozenset({"və", "ilə", "isə", "ki", "bu", "həmçinin", "eləcə"})
_SHORT_FORM_TOKEN = re.compile(r"^(?:[0-9]{4}|[^\W\d_][\w-]*)$")
_SHORT_FORM_STOP = _words(
    "the a an and of on in at to by with this that its their his her our new old "
    "и в на о с по это этот эта этой его их "
    "və ilə bu həmin onun"
)

# ---------------------------------------------------------------- agreements: signed or planned

_PLANNED = re.compile(
    r"(?i:\b(?:will|shall|would|to be|are to|is to|plans? to|planned|planning|intends? to|"
    r"expected to|going to|may|might|could|ready to|draft|prepar\w+|negotiat\w+)\b"
    r".{0,40}\b(?:sign|signed|signing|conclude|adopt)\w*"
    r"|\b(?:working on|drafting|preparing|developing)\s+(?:a|an|the)\s"
    r"|\bdraft\b|\b(?:agreed|decided|instructed|intend|plan|ready|expected) to (?:prepare|draft|"
    r"conclude|sign|negotiate|work out|develop)\b"
    r"|будет подписан|будут подписаны|планиру\w+ подписать|подпишут|намерен\w* подписать|"
    r"готов\w* подписать|предстоит подписать|подготовк\w+|"
    r"проект\w* (?:соглашени|меморандум|договор)|"
    r"ускорить подготовку|imzalanacaq|imzalanması planlaşdırılır|imzalanması nəzərdə tutulur|"
    r"imzalanması gözlənilir|hazırlan(?:ır|ması|masına|acaq)|"
    r"(?:saziş|protokol|memorandum|müqavilə|bəyannamə|proqram)\w{0,6}\s+layihə)"
)
_PAST_SIGNING = re.compile(
    r"(?i:\b(?:signed|inked|concluded|adopted)\b|подписал\w*|подписан\w*|заключил\w*|"
    r"imzala(?:yıb|nıb|dı|nmış|mış|yıblar|nmışdır)\w*)"
)
_RELATIVE_DAY = re.compile(r"(?i:\b(?:today|this day)\b|сегодня|bu gün)")
_WEEKDAYS = (
    r"(?i:\b(?:on\s+)?(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bв(?:о)?\s+(?P<ru>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b)"
)
_WEEKDAY = re.compile(_WEEKDAYS)
_WEEKDAY_NUMBERS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4,
    "субботу": 5, "воскресенье": 6,
}  # fmt: skip
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")

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
_SIGNING_VERB = re.compile(r"(?i:\bsigned\b|подписали|imzalayıb\w{0,3})")
_CLAUSE_MARK = re.compile(r"[,;.]")
SUBJECT_CHARS = 120
_ORGANISATION_WORD = re.compile(
    r"(?i:\b(?:agency|corporation|ministry|ministries|government|company|fund|bank|committee|"
    r"service|council|chamber|university|railways?|centre|center|institute|authority|office|"
    r"agentliyi|nazirliyi|hökuməti|mərkəzi|fondu|xidməti|komitəsi|şirkəti|bankı|palatası|"
    r"cəmiyyəti|агентств\w*|министерств\w*|правительств\w*|корпораци\w*|центр\w*|фонд\w*|"
    r"служб\w*|комитет\w*|компани\w*|банк\w*|палат\w*|ведомств\w*|дорог\w*)\b)"
)
_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("Azerbaijan", r"azerbaijan\w*|азербайджан\w*|azərbaycan\w*|baku|баку|bakı\w*"),
    ("Russia", r"russia\w*|росси\w+|рф|russiya\w*|rusiya\w*|kremlin|moscow|москв\w+|moskva\w*"),
    ("Armenia", r"armenia\w*|армени\w+|армянск\w*|ermənistan\w*|yerevan|ереван\w*|irəvan\w*"),
    ("Iran", r"iran\w*|иран\w*|İran\w*|tehran|тегеран\w*|tehran\w*"),
    ("Kazakhstan", r"kazakh\w*|казахстан\w*|qazaxıstan\w*|astana|астан\w+"),
    ("Turkmenistan", r"turkmen\w*|туркмен\w*|türkmənistan\w*|ashgabat|ашхабад\w*"),
    ("Turkey", r"turkey|turkish|türkiy\w*|турци\w+|турецк\w*|ankara|анкар\w+"),
    ("Georgia", r"georgia\w*|грузи\w+|gürcüstan\w*"),
    ("Belarus", r"belarus\w*|беларус\w*|белорус\w*|belarus"),
    ("China", r"china|chinese|кита\w+|çin\b"),
)
_COUNTRY = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<c{index}>{pattern})" for index, (_, pattern) in enumerate(_COUNTRIES))
    + r")(?!\w)",
    re.I,
)
_SEVERAL_PARTIES = re.compile(
    r"(?i:trilateral|tripartite|three-party|five-party|multilateral|littoral|caspian states|"
    r"caspian summit|heads of state|"
    r"трехсторонн\w*|трёхсторонн\w*|пятисторонн\w*|прикаспийск\w*|üçtərəfli|beştərəfli|"
    r"xəzəryanı)"
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
    """A document named in the text; `subject` is its name without the parties, for the register."""

    kind: AgreementKind
    name: str
    parties: tuple[str, ...]
    subject: str = ""


@dataclass(frozen=True)
class _Article:
    """What every mention in one article may consult: its date, language, the countries it
    names (Azerbaijan and Russia first) and the register."""

    published: PublishedDate
    language: str
    register: Register | None
    countries: tuple[str, ...] = ()


def extract_agreements(
    article: ParsedArticle, register: Register | None = None
) -> list[AgreementMention]:
    """The specific documents the article names, each once, in order of first mention.

    With a `register`, each mention is matched to its entry (`register_key`),
    and short forms that only the register can resolve ("the Baku
    Declaration", "the 1997 treaty") are found too.
    """
    countries = _countries_named(article.body[:ARTICLE_COUNTRIES_CHARS])
    context = _Article(
        article.published,
        article.language,
        register,
        tuple(dict.fromkeys(("Azerbaijan", "Russia", *countries))),
    )
    found: dict[str, AgreementMention] = {}
    # A text that repeats one phrase thousands of times reads each window once.
    seen: dict[str, AgreementMention | None] = {}
    matches = (match for sentence in _sentences(article.body) for match in _matches(sentence))
    for window, kind in itertools.islice(matches, MAX_DOCUMENT_WORDS):
        text = window.before + "\x00" + window.word + "\x00" + window.after
        if text not in seen:
            seen[text] = _mention_at(window, kind, context)
        if seen[text] is not None and len(found) < MAX_MENTIONS:
            _keep_distinct(found, seen[text])
    return list(found.values())


def _matches(sentence: str) -> Iterator[tuple[_Window, AgreementKind]]:
    for match in _KIND_PATTERN.finditer(sentence):
        yield _Window(sentence, match.start(), match.end()), _KINDS[int(match.lastgroup[1:])][1]


def _mention_at(window: _Window, kind: AgreementKind, context: _Article) -> AgreementMention | None:
    if _PLURAL.match(window.word) or _VAGUE_BEFORE.search(window.before[-60:]):
        return None
    candidate = _candidate(window, kind, context.language)
    is_signed = not _PLANNED.search(window.context)
    signed_on, date_note = _signing_date(window, context.published, is_signed)
    register_key = None
    if context.register is not None:
        year = signed_on.year if signed_on else _year_near(window)
        candidate, register_key = _registered(candidate, window, kind, context, year)
    if candidate is None:
        return None
    entry = context.register.entry(register_key) if context.register and register_key else None
    return AgreementMention(
        name=candidate.name,
        kind=candidate.kind,
        key=agreement_key(candidate.kind, candidate.name),
        is_signed=is_signed,
        parties=entry.parties if entry else _parties(candidate, window, context),
        signed_on=signed_on,
        sentence=window.context[:1000],
        register_key=register_key,
        date_note=date_note,
    )


def _registered(
    candidate: _Candidate | None,
    window: _Window,
    kind: AgreementKind,
    context: _Article,
    year: int | None,
) -> tuple[_Candidate | None, str | None]:
    """The candidate matched to its register entry, by its name or by the words before it.

    'the Baku Declaration on the principles of ...' is the Baku Declaration;
    'the 1997 treaty' and, signed on a day the register knows, 'a joint
    statement' are found only this way.
    """
    register = context.register
    assert register is not None
    parties = _parties(candidate or _Candidate(kind, "", ()), window, context)
    if candidate is not None:
        subject = candidate.subject or candidate.name
        key = register.key_for(
            candidate.kind, subject, year=_year_hint(subject, year), parties=parties
        )
        if key is not None:
            return candidate, key
    for premodifier in _premodifiers(window.before):
        years = _YEAR.findall(premodifier)
        words = _YEAR.sub(" ", premodifier).split()
        if premodifier and not years and not stems(" ".join(words)):
            continue
        if not premodifier and candidate is not None:
            break
        short = " ".join([*words, window.word])
        key = register.key_for(kind, short, year=int(years[0]) if years else year, parties=parties)
        if key is not None:
            name = short if candidate is None else f"{' '.join(words)} {candidate.name}".strip()
            return _Candidate(kind, _capitalised(name), ()), key
    return candidate, None


def _year_near(window: _Window) -> int | None:
    """A year written next to the document ('the 1997 treaty', '2022-ci ildə imzalanmış')."""
    years = set(
        _YEAR.findall(window.before[-YEAR_NEAR_CHARS:] + " " + window.after[:YEAR_NEAR_CHARS])
    )
    return int(years.pop()) if len(years) == 1 else None


def _premodifiers(before: str) -> list[str]:
    """The last one, two and three words before a document word, as a proper name's start."""
    tokens: list[str] = []
    for token in reversed(before[-60:].split()):
        bare = token.strip(_QUOTE_CHARS)
        if (
            not _SHORT_FORM_TOKEN.match(bare)
            or bare.casefold() in _SHORT_FORM_STOP
            or len(tokens) == 3
        ):
            break
        tokens.insert(0, bare)
    return [" ".join(tokens[-count:]) for count in range(1, len(tokens) + 1)] or [""]


def _candidate(window: _Window, kind: AgreementKind, language: str) -> _Candidate | None:
    before = window.before
    if language == "az" or _AZERBAIJANI_LETTER.search(before[-120:] + window.word):
        return _azerbaijani_candidate(kind, before, window.word)
    qualifier = _qualifier(window.after, kind)
    modifiers = _MODIFIERS_BEFORE.search(before[-80:])
    head = ((modifiers.group("modifiers") if modifiers else "") + window.word).strip()
    name = _capitalised(f"{head} {qualifier}".strip())
    parties = _parties_between(qualifier)
    if not _names_something(qualifier):
        subject = _SUBJECT_PARTIES.search(before)
        if not subject or not _ORGANISATION_WORD.search(subject.group("subject")):
            return None
        parties = _subject_parties(subject.group("subject"))
        name = f"{name} between {subject.group('subject').strip()}"
    subject = _capitalised(f"{head} {_BETWEEN.sub('', qualifier)}".strip())
    return _Candidate(_refined_kind(kind, name, parties), _limit_words(name), parties, subject)


_AZERBAIJANI_LETTER = re.compile(r"[əƏ]")


def _qualifier(after: str, kind: AgreementKind) -> str:
    """What follows the document word and belongs to its name, up to the first clause break."""
    after = after.strip()
    passive = _PASSIVE_VERB.match(after)
    if passive:
        after = after[passive.end() :]
        if _PASSIVE_ADVERBIAL.match(after):
            return ""
    after = _PARTICIPLE.sub("", after)
    if after[:1] in _QUOTE_CHARS:
        quoted = _QUOTED.match(after)
        return quoted.group(0).strip(_QUOTE_CHARS) if quoted else ""
    if not _QUALIFIER_START.match(after):
        return ""
    quoted_spans = [match.span() for match in _QUOTED.finditer(after)]
    end = len(after)
    for stop in _QUALIFIER_STOP.finditer(after):
        if stop.group(0) == "," and _LIST_GOES_ON.match(after, stop.end()):
            continue
        if not any(start < stop.start() < finish for start, finish in quoted_spans):
            end = stop.start()
            break
    qualifier = after[:end].strip()
    for character in _QUOTE_CHARS:
        qualifier = qualifier.replace(character, "")
    return _TRAILING_FILLER.sub("", " ".join(qualifier.split()))


def _names_something(qualifier: str) -> bool:
    """Words that tell the document apart, beyond the countries or capitals that signed it."""
    between = _BETWEEN.search(qualifier)
    subject = qualifier
    if between:
        parties_text = _PARTY_END.split(between.group("parties"), maxsplit=1)
        subject = qualifier[: between.start()] + " ".join(parties_text[1:])
        if len(parties_text) == 1 and _ORGANISATION_WORD.search(between.group("parties")):
            return True
    subject = _COUNTRY.sub(" ", subject)
    return bool(_distinctive_words(re.sub(rf"(?:{_PLACES})", " ", subject)))


def _refined_kind(kind: AgreementKind, name: str, parties: tuple[str, ...]) -> AgreementKind:
    """'Договор' and 'müqavilə' are treaties between states, contracts between companies."""
    if kind is not AgreementKind.TREATY or _TREATY_WORD.search(name):
        return kind
    commercial = _COMMERCIAL.search(name) or any(
        _ORGANISATION_WORD.search(party) for party in parties
    )
    return AgreementKind.CONTRACT if commercial else kind


_TREATY_WORD = re.compile(r"(?i:\btreat(?:y|ies)\b|\bconvention|конвенци|konvensiya)")


def _azerbaijani_candidate(kind: AgreementKind, before: str, kind_word: str) -> _Candidate | None:
    """Azerbaijani names the subject before the document word: 'təhsil sahəsində ... memorandum'.

    The name runs back from the document word over its noun phrase, to a verb or
    participle ("imzalanmış"), a place or date in the locative ("Moskvada",
    "ildə") or a clause break; it names a document only with a marker
    ("haqqında", "üzrə", "arasında" ...) or a chain of genitives ("Komissiyanın
    iclasının Protokolu", "Prezidentlərinin Birgə Bəyanatı").
    """
    words = _azerbaijani_phrase(before)
    if not any(_AZ_MARKERS.fullmatch(word) for word in words) and not _genitive_name(
        words, kind_word
    ):
        return None
    phrase = " ".join(words).strip(_QUOTE_CHARS + " ")
    name = _limit_words(_capitalised(f"{phrase} {kind_word}"))
    subject = phrase.split(" arasında ")[-1] if " arasında " in phrase else phrase
    parties = _countries_named(phrase.split(" arasında ")[0]) if " arasında " in phrase else ()
    return _Candidate(_refined_kind(kind, name, parties), name, parties, f"{subject} {kind_word}")


def _azerbaijani_phrase(before: str) -> list[str]:
    words = before[-400:].split()
    phrase: list[str] = []
    for word in reversed(words):
        bare = word.strip(_QUOTE_CHARS)
        ends_clause = word.endswith((",", ";", ":", ".", "!", "?", ")"))
        if ends_clause and not _is_az_list(phrase):
            break
        if _AZ_PHRASE_END.fullmatch(bare.rstrip(",;:")) or len(phrase) == AZ_NAME_MAX_WORDS:
            break
        phrase.insert(0, word.rstrip(",;:"))
    while phrase and phrase[0].casefold() in _AZ_LEADING_FILLER:
        phrase.pop(0)
    return phrase


def _is_az_list(phrase: list[str]) -> bool:
    """'Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında': a comma inside a list."""
    return bool(phrase) and phrase[0][:1].islower() and "və" in phrase[:5]


def _genitive_name(words: list[str], kind_word: str) -> bool:
    chain = 0
    for word in reversed(words):
        if not _AZ_GENITIVE.fullmatch(word.strip(_QUOTE_CHARS)):
            break
        chain += 1
    meeting = any(_AZ_MEETING.search(word) for word in words[len(words) - chain :])
    return chain >= 1 and (meeting or kind_word[:1].isupper())


def _subject_parties(subject: str) -> tuple[str, ...]:
    """The countries of 'the X Agency and the Y Corporation', each named once."""
    parts = re.split(r"\s(?:and the|and|и|və|ilə)\s", subject)
    countries = [_party(part) for part in parts if part.strip()]
    return tuple(dict.fromkeys(country for country in countries if country))


def _parties_between(qualifier: str) -> tuple[str, ...]:
    between = _BETWEEN.search(qualifier)
    if not between:
        return ()
    return _subject_parties(_PARTY_END.split(between.group("parties"), maxsplit=1)[0])


def _party(text: str) -> str | None:
    """The one country a party's description names: 'the Russian SME Corporation' is Russia."""
    named = _countries_named(text)
    return named[0] if len(named) == 1 else None


def _countries_named(text: str) -> tuple[str, ...]:
    """The countries `text` names, in order, each once."""
    named: list[str] = []
    for match in _COUNTRY.finditer(text):
        country = _COUNTRIES[int(match.lastgroup[1:])][0]
        if country not in named:
            named.append(country)
    return tuple(named)


_AZERBAIJAN = re.compile(_COUNTRIES[0][1], re.I)
_RUSSIA = re.compile(_COUNTRIES[1][1], re.I)


def _year_hint(name: str, signing_year: int | None) -> int | None:
    years = _YEAR.findall(name)
    return int(years[0]) if years else signing_year


def _parties(candidate: _Candidate, window: _Window, context: _Article) -> tuple[str, ...]:
    """Who signed: named in the document's name, as the sentence's signing subject, or the
    countries around it; more than two when the text says there were more sides."""
    several = _SEVERAL_PARTIES.search(window.context)
    for found in (
        _countries_named(candidate.name),
        candidate.parties,
        _countries_named(window.before[-40:].split(",")[-1]),
        _signing_subject(window.before[-200:]),
    ):
        if len(found) >= 2:
            if several:
                return _with_others(found, context)
            nearby = _countries_named(window.before[-200:])
            return tuple(dict.fromkeys((*found, *(c for c in nearby if c in BILATERAL))))
    if several:
        return _with_others(_countries_named(window.context), context)
    around = _countries_named(window.context)
    if "Azerbaijan" in around and "Russia" in around:
        return ("Azerbaijan", "Russia")
    return candidate.parties


BILATERAL = ("Azerbaijan", "Russia")


def _signing_subject(before: str) -> tuple[str, ...]:
    """The countries of 'Moscow and Tehran have signed an ...' just before the document word."""
    verbs = list(_SIGNING_VERB.finditer(before))
    if not verbs or _CLAUSE_MARK.search(before, verbs[-1].end()):
        return ()
    subject = _CLAUSE_MARK.split(before[: verbs[-1].start()])[-1][-SUBJECT_CHARS:]
    return _countries_named(subject)


def _with_others(found: tuple[str, ...], context: _Article) -> tuple[str, ...]:
    """A trilateral or Caspian document: the countries it names and the others the article does."""
    if len(found) >= 3:
        return found
    return tuple(dict.fromkeys((*found, *context.countries)))


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
    words = _key_words(mention.key)
    for key, kept in list(found.items()):
        if kept.kind != mention.kind or kept.register_key != mention.register_key:
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


# ---------------------------------------------------------------- agreements: signing dates


def _signing_date(
    window: _Window, published: PublishedDate, is_signed: bool
) -> tuple[dt.date | None, str]:
    """The date the text gives for the signing, and a note when part of it was inferred.

    The closest date after the document word, else the closest before it. A
    day and month without a year, "today" or a weekday take the article's
    date only when the sentence says the signing is past and the article is
    dated to the day.
    """
    after, before = window.after[:DATE_AFTER_CHARS], window.before[-DATE_BEFORE_CHARS:]
    value = full_date(after) or _last_full_date(before)
    if value is not None:
        return value, ""
    article_day = published.value if published.precision is Precision.DAY else None
    if article_day is None or not is_signed or not _PAST_SIGNING.search(window.context):
        return None, ""
    for text in (after, before):
        inferred = _date_in_article_year(text, article_day)
        if inferred is not None:
            return inferred
    for text in (after[:RELATIVE_DAY_CHARS], before[-RELATIVE_DAY_CHARS:]):
        inferred = _relative_day(text, article_day)
        if inferred is not None:
            return inferred
    return None, ""


def _last_full_date(text: str) -> dt.date | None:
    last = None
    while (found := find_date(text)) is not None:
        if found.published.precision is Precision.DAY:
            last = found.published.value
        text = text[found.span[1] :]
    return last


def _date_in_article_year(text: str, article_day: dt.date) -> tuple[dt.date, str] | None:
    found = find_date(text)
    if found is None or found.published.value is not None or not found.problem:
        return None
    start, end = found.span
    value = full_date(f"{text[start:end]} {article_day.year}")
    if value is None or value > article_day:
        return None
    return value, f"year taken from the article's date ({article_day.isoformat()})"


def _relative_day(text: str, article_day: dt.date) -> tuple[dt.date, str] | None:
    if _RELATIVE_DAY.search(text):
        return article_day, f"'today' read as the article's date ({article_day.isoformat()})"
    weekday = _WEEKDAY.search(text)
    if weekday is None:
        return None
    number = _WEEKDAY_NUMBERS[(weekday.group("en") or weekday.group("ru")).lower()]
    value = article_day - dt.timedelta(days=(article_day.weekday() - number) % 7)
    return value, f"weekday read within the week of the article's date ({article_day.isoformat()})"


# ---------------------------------------------------------------- counts of documents signed

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15,
    "двадцать": 20,
    "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8, "doqquz": 9,
    "on": 10,
}  # fmt: skip
_NUMBER = r"(?P<number>[0-9]{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_DOCUMENTS = (
    r"(?:documents|agreements|memoranda|memorandums|deals|papers|accords|"
    r"документ\w{0,3}|соглашени\w{0,3}|межправсоглашени\w{0,3}|sənəd\w{0,5}|saziş\w{0,5})"
)
_APPROX = (
    r"(?:more than|over|about|around|nearly|almost|some|up to|at least|более|свыше|около|"
    r"порядка|почти|больше|примерно|təxminən)"
)
_SIGNED_VERB = (
    r"(?:signed|inked|exchanged|подписан\w{0,3}|подписали|imzalan\w{0,6}|imzalayıb\w{0,3})"
)
# The count must be what was signed: "seven documents were signed", "signed six documents",
# "подписано шесть документов", "6 sənəd imzalanıb".
_COUNTS = (
    re.compile(
        rf"(?i:(?<!\w)(?P<approx>{_APPROX}\s+)?{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENTS}"
        rf"\s+(?:(?:were|have been|had been|was|были|было|был)\s+)?(?:\w+\s+)?{_SIGNED_VERB})"
    ),
    re.compile(
        rf"(?i:{_SIGNED_VERB}\s+(?:(?:a total of|in total|всего|в общей сложности)\s+)?"
        rf"(?P<approx>{_APPROX}\s+)?{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?{_DOCUMENTS}(?!\w))"
    ),
)
_TOTAL_CONTEXT = re.compile(
    r"(?i:\b(?:to date|so far|since|over the years|legal framework|treaty base|legal base)\b|"
    r"за годы|с момента|договорн\w+ баз\w+|правов\w+ баз\w+|hüquqi baza\w*|bu günədək|indiyədək)"
)
COUNT_WINDOW_CHARS = 80
DATE_AFTER_CHARS = 160
DATE_BEFORE_CHARS = 200
YEAR_NEAR_CHARS = 40
RELATIVE_DAY_CHARS = 60


def count_documents_signed(article: ParsedArticle) -> int | None:
    """How many documents the text says were signed at the event it reports, if it says.

    "Six documents were signed", "подписано шесть документов", "altı sənəd
    imzalanıb" count. A number with "more than" or "about", or one said of
    the relations' whole history ("more than 150 agreements since 1992"), is
    a running total and does not: it says nothing about the event.
    """
    for sentence in _sentences(article.body):
        for pattern in _COUNTS:
            for match in pattern.finditer(sentence):
                around = sentence[
                    max(0, match.start() - COUNT_WINDOW_CHARS) : match.end() + COUNT_WINDOW_CHARS
                ]
                if match.group("approx") or _TOTAL_CONTEXT.search(around):
                    continue
                number = match.group("number").lower()
                return int(number) if number.isdigit() else _NUMBER_WORDS[number]
    return None


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
