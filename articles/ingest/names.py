"""Document names (read -> parse -> extract): what one document word is the name of.

English and Russian name a document after its word: "memorandum of
cooperation in the field of pensions", "Declaration on Allied Interaction";
the name runs to the first clause break, a date, a place or the next
document. Azerbaijani names it before: "təhsil sahəsində əməkdaşlıq haqqında
memorandum", read back over the noun phrase. A word whose name tells no
document apart ("the agreement", "an agreement between Moscow and Baku") is a
`Candidate` only when the organisations that signed it are the sentence's
subject ("the X Agency and the Y Corporation signed a memorandum").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.ingest.dates import MONTH_PATTERN, WRITTEN_YEAR
from articles.ingest.document import AgreementKind
from articles.ingest.keys import GENERIC_WORDS
from articles.ingest.kinds import KIND_WORDS, document_words
from articles.ingest.language import WORD
from articles.ingest.parties import (
    BETWEEN,
    COUNTRY,
    ORGANISATION_WORD,
    PARTY_END,
    countries_named,
    parties_between,
    subject_parties,
)
from articles.ingest.sentences import Window

NAME_MAX_WORDS = 40
QUOTE_CHARS = '"“”«»„'
_QUOTED = re.compile(r"[\"“«„][^\"“”«»„\n]{1,250}[\"”»“]")
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{3,8}")
_AZERBAIJANI_LETTER = re.compile(r"[əƏ]")
_MODIFIERS_BEFORE = re.compile(
    r"(?i:\b(?P<modifiers>(?:(?:intergovernmental|interstate|interagency|interdepartmental|"
    r"bilateral|comprehensive|framework|general|strategic|state|peace|cooperation|partnership|"
    # 'a gas purchase contract', 'a purchase and sale contract': what a commercial one trades.
    r"purchase\s+and\s+sale|gas|oil|electricity|grain|purchase|sale|supply|transit|swap|lease|"
    r"межправительственн\w{0,3}|межгосударственн\w{0,3}|межведомственн\w{0,3}|мирн\w{0,3})"
    r"\s+){1,3}))$"
)
_TRADED = re.compile(
    r"(?i:\b(?:gas|oil|electricity|grain|purchase|sale|supply|transit|swap|lease)\b)"
)
_COMMERCIAL = re.compile(
    r"(?i:\b(?:supply|supplies|purchase|sale|lease|delivery|поставк\w*|купли|продаж\w*|"
    r"аренд\w*|подряд\w*|лизинг\w*|tədarük\w*|alqı|satqı\w*|icarə\w*|podrat\w*)\b)"
)
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
_TRADE_RU = (
    r"(?:поставк|покупк|закупк|продаж|транзит|транспортировк|прокачк|строительств|экспорт|"
    r"импорт)\w*"
)
_TRADE_EN = r"(?:buy|purchase|supply|sell|deliver|ship|transport|export|import)"
# "an agreement with Russia on ...": the partner is who signed, the name goes on after it;
# a contract's name may go on with what it trades ('a contract with Socar to buy gas').
_WITH_PARTNER = re.compile(
    r"^(?i:with|с|со)\s+(?:the\s+)?[^,;.]{1,80}?\s(?=(?i:on|of|about|regarding|concerning|о|об)\s"
    rf"|(?i:to\s+{_TRADE_EN}|на\s+{_TRADE_RU})\s)"
)
_ADJECTIVE_IN_KIND_WORD = re.compile(
    r"(?i:план\w{0,2} [а-яё]{3,}(?:ого|его) сотрудничества|[a-z]{3,} cooperation plans?"
    r"|plans? of [a-z]{3,} cooperation)"
)
_ACRONYM_IN_BRACKETS = re.compile(r"^((?:[\w-]+\s){0,3}?)\((?:MoU|MOU|[A-ZА-ЯЁ]{2,6})\)\s?")
_YEAR_FIRST = re.compile(
    r"^(?:(?:19|20)[0-9]{2}\s{1,2}(?:года|г\.)"
    # 'План мероприятий на 2014–2016 годы по …', 'a work plan for 2026–2027 on …': the years
    # a document covers, before what it is about; they tell no document apart.
    r"|(?i:на|for)\s(?:the\s)?(?:years?\s)?(?:19|20)[0-9]{2}(?:\s?[–—-]\s?(?:19|20)?[0-9]{2})?"
    r"(?:-?[еы]?\s+(?:годы|год|гг\.))?"
    # 'the intergovernmental agreement of 1996 on the transportation of oil': the year it
    # was signed, then what it is about.
    r"|(?i:of|from|dated)\s(?:19|20)[0-9]{2})\s{1,2}"
)
_QUALIFIER_START = re.compile(
    r"^(?i:on|of|between|for|about|regarding|concerning|in the field|in the sphere|until|till|"
    r"amending|extending|"
    # 'an agreement on Monday dividing the seabed …': what it does is what it is about.
    r"dividing|delimiting|covering|governing|regulating|establishing|allowing|creating|"
    r"setting up|providing for|aimed at|to (?:divide|delimit|set up|create|develop|build|"
    r"launch|boost|expand|extend|regulate)|"
    r"о|об|между|в области|в сфере|по|на период|до|сотрудничеств\w*|развити\w*|"
    # A contract names what it buys or sells: 'контракт на поставку газа', 'a contract to buy
    # Azeri gas'.
    rf"на {_TRADE_RU}|to {_TRADE_EN}|"
    # 'контракт купли-продажи природного газа', 'договор поставки нефти': what it trades,
    # in the genitive.
    r"купли[-–\s]+продажи|поставки|поставок|"
    r"заседани\w*|(?:[0-9]+|[IVXLC]+)-?\w{0,3}\s+заседани\w*|консультаци\w*"
    # 'Совместное заявление Российской Федерации и Азербайджанской Республики о …',
    # 'Совместное заявление Президента …': who issued it, then what about.
    r"|Российской Федерации|Азербайджанской Республики|Президент(?:а|ов)"
    # A genitive phrase names what a programme is of: 'программа межрегионального
    # сотрудничества', 'Программы долгосрочного экономического сотрудничества', a list of
    # compound adjectives too ('Программа торгово-экономического, научно-технического и
    # культурного сотрудничества').
    r"|[а-яё-]{3,}(?:ого|его)(?:,?\s+(?:и\s+)?[а-яё-]{3,}(?:ого|его)){0,3}\s+"
    r"[а-яё]{3,}(?:ства|ия|ии|ей)"
    # 'Программа действий по …': of actions, then what about.
    r"|действий\s+(?:по|в))"
    # 'подписали протокол заседания.': the name may end the sentence.
    r"(?:\s|(?=[.,;:!?)]|$))"
)
# 'План мероприятий («дорожная карта») по …': a document's other name in brackets.
_BRACKETED_ALIAS = re.compile(
    r"^\s{0,2}\(\s{0,2}[«\"“]?(?P<alias>[^()«»\"“”]{2,40}?)[»\"”]?\s{0,2}\)"
)
_DATE_AFTER = (
    rf"(?:{MONTH_PATTERN}\s+[0-9]{{1,2}}|[0-9]{{1,2}}\s+{MONTH_PATTERN}|(?:1[0-9]|20)[0-9]{{2}}(?!\w)"
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
_PLACE = re.compile(_PLACES)
_ACRONYM_OF_A_SIGNER = re.compile(r"\s\((?:[A-ZА-ЯЁ]{2,8})\)(?=\s(?i:and|и)\s)")
_OF_UNDERSTANDING = re.compile(r"^\s*(?i:of\s+understanding)\b")
_SIGNED_WHERE_AND_WHEN = re.compile(
    rf"^(?:(?:(?:in|at|в|во)\s+(?:{_PLACES})|(?:on|in)\s+{_DATE_AFTER}(?:,?\s+(?:19|20)[0-9]{{2}})?"
    # 'a memorandum was signed today between …'.
    r"|(?i:today|yesterday|сегодня|вчера))"
    r",?\s+){1,3}"
)
# 'a contract on Wednesday to buy …', 'an agreement in Moscow in December on …': when and
# where it was signed, before what it is.
_WHEN_FIRST = re.compile(
    r"^(?:(?:(?i:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|today|"
    r"yesterday|last\s+(?:week|month)|this\s+week|вчера|сегодня)"
    rf"|(?:in|в|во)\s+(?:{_PLACES}|{MONTH_PATTERN}))\s+){{1,3}}"
)
# 'до 1 млрд куб. м газа', '5 bn cu. m of gas': a unit's abbreviation ends no name.
_UNIT_ABBREVIATION = r"(?<!\bкуб)(?<!\bтыс)(?<!\bмлн)(?<!\bмлрд)(?<!\bcu)(?<!\bmln)(?<!\bbln)"
_QUALIFIER_STOP = re.compile(
    rf"[,;:!?()]|{_UNIT_ABBREVIATION}\.(?:\s|$)|\s[-–—]\s"
    r"|\s(?i:was|were|is|are|has|have|had|will|would|shall|can|could|may|must|which|that|who|"
    # 'aims' is the sentence's verb; 'with the aim of' goes on naming what the document is for.
    r"whose|signed|concluded|adopted|as well as|(?<!the\s)aims?|includes?|provides?|envisages?|"
    r"stipulates?|covers?|during|within|in the framework|at the|by|following|after|before|"
    r"under|today|yesterday|last|this week|this month|this year|earlier|entered|enters|"
    # 'to buy gas starting from 1 January': when a term starts is not what it trades.
    r"(?:starting|beginning)\s+(?:from|on|in)|"
    r"came into|comes into|вступил\w*|вступает|вступит|"
    r"был|была|было|были|будет|будут|подписан\w*|подписал\w*|\w+(?:лись|лось|лась|лся)|"
    # A new clause's plural subject ends a name: "… взаимодействии стороны проводят …".
    r"стал|стала|стало|стали|стороны|президенты|лидеры|министры|они|"
    r"[а-яё]{2,}(?:ала|ало|али|ила|ило|или|ела|ело|ыла|ыло|ыли)|"
    r"заключ\w*|котор\w+|что|а также|"
    # '… ратифицирован обеими сторонами': what became of the document, not its name.
    r"(?:ратифицирован|одобрен|утвержд[её]н|принят|продл[её]н|денонсирован|парафирован)"
    r"(?:а|о|ы)?|"
    # '… подлежит ратификации', '… действует с 1997 года': the sentence's verb.
    r"подлежит|подлежат|действует|действуют|предусматривает|предусматривают|регулирует|"
    r"определяет|устанавливает|закрепляет|открывает|позволяет|позволит|требует|"
    r"оста[её]тся|"
    r"в рамках|во время|в ходе|по итогам|после|до конца|by the end|сегодня|вчера|накануне|"
    r"на основе|on the basis|based on|"
    r"где|где-то|когда|как|почему|если|ли|уже|ещё|еще|тоже|только|можно|нужно|надо)(?!\w)"
    # '… and to a joint statement on …': the next document, whatever preposition governs it.
    rf"|\s(?:and|or|и|və)\s+(?:(?:to|on|of|with|к|о|об)\s+)?(?:(?:a|an|the|other|also)\s+)?"
    rf"(?i:{KIND_WORDS})(?!\w)"
    r"|\s(?i:and|и)\s+(?i:other|others|a number|ряд|другие)(?!\w)"
    rf"|\s(?i:on|in|at|of|from|dated|в|на|от|с|since)\s+{_DATE_AFTER}"
    # 'с 97-го года': since a year written short.
    r"|\s(?:с|со|since|from)\s+[0-9]{2}-?(?:го|х)?\s+год"
    r"|\s(?:19|20)[0-9]{2}\s+(?:года|г\.)"
    r"|\s[а-яё]{3,}(?:ется|ится|ются|ятся)(?!\w)"
    # 'назвал подписание договора о границе «историческим шагом»': what the speaker called
    # the signing, in the instrumental, is no part of the name.
    r"|\s[«\"“]?(?:[а-яё]{3,}(?:ым|им)\s+)?(?:событием|шагом|этапом|вехой|прорывом|"
    r"достижением|успехом|примером)(?![а-яё])"
    # 'provides the …', 'signed the …' are verbs; 'across the Samur River' is a place in the name.
    r"|\s(?!(?:across|towards|besides|versus|plus|alongside|regardless|whereas)\s)"
    r"[a-z]{3,}(?:s|ed)\s+(?:the|a|an|its|their)\s"
    rf"|\s(?i:in|at|в|во)\s+(?:{_PLACES})(?!\w)"
    # Russian names a country inside a name in an oblique case; in the nominative it is the
    # next clause's subject: '... о его строительстве Россия и Иран подписали ...'.
    r"|\s(?:Россия|Азербайджан|Иран|Армения|Казахстан|Турция|Грузия|Туркменистан|Москва|Баку"
    r"|Тегеран)\s+(?:и|подписал\w*)\s"
)
# 'the Declaration on Allied Interaction raised relations …': a verb in the past, in lower
# case, right after a title's capitalised word, is the sentence going on, not the name.
# Nouns in -ed ('the Caspian seabed') are no verbs.
_PREDICATE_AFTER_TITLE = re.compile(
    r"\b[A-Z][\w-]+\s+(?P<verb>(?!(?:sea|river|lake|ocean)bed\b|hundred\b|speed\b)[a-z]{3,}ed)\b"
)
# "Treaty on Friendship, Cooperation and Mutual Security", "о статусе, принципах и условиях":
# a comma inside a name is followed by a short list that ends with "and"; its items may be
# single words set off by commas, all in lower case or all capitalised ('on trade, economic,
# scientific and cultural cooperation').
_LIST_GOES_ON = re.compile(
    r"\s(?:[^\W\d_][\w-]*\s){0,4}(?:and|и|və)\s[^\W\d_]"
    r"|\s(?:[a-zа-яёəüöğışç][\w-]*,\s){1,5}[a-zа-яёəüöğışç][\w-]*\s(?:and|и|və)\s[^\W\d_]"
    r"|\s(?:[A-ZА-ЯЁƏÜÖĞİŞÇ][\w-]*,\s){1,5}[A-ZА-ЯЁƏÜÖĞİŞÇ][\w-]*\s(?:and|и|və)\s[^\W\d_]"
)
_TRAILING_FILLER = re.compile(r"(?:\s+(?i:the|a|an|and|or|of|on|in|и|в|о|об|по|və|ilə))+$")
_AZ_MARKERS = re.compile(r"(?i:\b(?:haqqında|dair|üzrə|barədə|arasında|sahəsində|sahədə|üçün)\b)")
_AZ_GENITIVE = re.compile(r"(?i:\w+(?:nın|nin|nun|nün|ın|in|un|ün)|[0-9]+-?\w{0,3})$")
_AZ_MEETING = re.compile(r"(?i:\biclas\w*)")
AZ_NAME_MAX_WORDS = 36
# Where an Azerbaijani document's name starts: after a verb or participle, a place or
# year in the locative, or a word that opens a clause.
_AZ_PHRASE_END = re.compile(
    r"(?i:\w+(?:mış|miş|muş|müş|ıb|ib|ub|üb|ılan|ilən|ulan|ülən|nan|nən|lan|lən|yan|yən|acaq|əcək"
    r"|dır|dir|dur|dür)(?:lar|lər)?|olan|edilən|qəbul|ki|isə|həm|də|da|bu|həmin|"
    r"ildə|ilində|tarixində|günü|sonra|əvvəl|[0-9]{4}-?\w{0,3}"
    # A day of the month in the locative: 'avqustun 19-da' (an ordinal '20-ci' stays in).
    r"|[0-9]{1,2}-?(?:n?d[aə]|n?t[aə]|d[aə]n)"
    # Circumstances, not names: 'at the end of', 'on the basis of', 'during'.
    r"|yekununda|sonunda|əsasında|əsasən|nəticəsində|ərzində|zamanı|gedişində"
    r"|mərasimində|müddətində"
    # 'Prezidentlərin iştirakı ilə …': with someone's participation, not the name.
    r"|iştirakı|iştirakında)"
    # A verb in the past is written in lower case: 'Fondu' (its fund) is a noun.
    r"|[a-zəüöğışç]\w*(?:dı|di|du|dü)(?:lar|lər)?"
    # A place in the locative: 'Bakıda', 'Soçidə'; 'Qida' (food) is too short for one.
    r"|[A-ZƏÜÖĞİŞÇ]\w{2,}(?:da|də)"
)
# A name's marker, then when or where it was signed, then the participle, before the word.
_AZ_SIGNED_BETWEEN = re.compile(
    r"(?P<marker>\b(?i:haqqında|dair|üzrə|barədə))(?:\s+[^\s,;.]+){1,6}?\s+"
    r"(?i:imzalanmış|imzalanan|bağlanmış|bağlanan)\s*$"
)
_AZ_PLURAL_SUBJECT = re.compile(r"[A-ZƏÜÖĞİŞÇ]\w+(?:lar|lər)")
# 'tərəflər', 'həmsədrlər': who signed, in the plural, never a name's first word.
_AZ_PLURAL_NOUN = re.compile(r"[a-zəüöğışç]\w+(?:lar|lər)")
_DASHES = ("—", "–", "-")
_AZ_SIGNERS = re.compile(r"[a-zəüöğışç]\w+(?:ları|ləri)")
_AZ_KIND_WORD = re.compile(
    r"(?i:(?:saziş|memorandum|bəyannamə|bəyanat|protokol|proqram|müqavilə|xəritə|plan|"
    r"konvensiya)\w{0,6})"
)
_OPENING_QUOTE = '"“«„'
_CLOSING_QUOTE = '"”»'
# Adjectives whose ending reads as a past tense ('iqtisadi': economic, not 'he did').
_AZ_ADJECTIVES_LIKE_VERBS = frozenset({"iqtisadi", "adi", "ədədi"})
# Terms whose second word reads as a participle: 'bərpa olunan enerji' is renewable energy.
_AZ_TERMS_LIKE_CLAUSES = frozenset({"bərpa olunan", "bərpa edilən"})
_AZ_LEADING_FILLER = frozenset(
    {"və", "ilə", "isə", "ki", "bu", "gün", "həmçinin", "eləcə", "il", "ilin", "yenə", "yenidən"}
)
# '1997-ci il Dostluq … haqqında Müqaviləyə', '2022-ci ildə … imzalanmış …': the year
# written just before a name.
AZ_YEAR_BEFORE_CHARS = 40
_SUBJECT_PARTIES = re.compile(
    # '…, while the X Agency and the Y Service signed a memorandum': a clause of its own.
    r"(?:^|,\s(?:(?i:while|whereas)\s)?|\b(?i:moreover|also|furthermore|in addition)\s)"
    # '«Роснефть» и SOCAR подписали …': a company's name in quotes may open it.
    r"(?P<subject>(?:the\s)?[«\"“„]?[A-ZА-ЯЁƏ][^,;]{3,250}?)\s+"
    r"(?i:(?:have\s|has\s|also\s)?signed|подписали|imzalayıb(?:lar)?)\s+"
    # '… подписали сегодня в Баку меморандум', '… signed in Kazan on Tuesday a …': when and
    # where, between the verb and the document.
    r"(?:(?i:today|yesterday|сегодня|вчера|(?:in|at|в|во)\s+[A-ZА-ЯЁ][\w-]+|on\s+\w+day)\s+)*"
    r"(?:a|an|the)?\s*"
    # 'signed a new cooperation roadmap': a modifier or two of the document's own.
    r"(?:[a-zа-яё-]+\s+){0,2}$"
)
_TREATY_WORD = re.compile(r"(?i:\btreat(?:y|ies)\b|\bconvention|конвенци|konvensiya)")


# Beyond the words no key keeps: Azerbaijani names' own words for mutual understanding,
# partnership and "the two countries", which tell no document apart either.
_UNTELLING_WORDS = GENERIC_WORDS | {
    "qarşılıqlı",
    "anlaşma",
    "anlaşması",
    "tərəfdaşlıq",
    "iki",
    "ölkə",
    "ölkələr",
    "əməkdaşlığa",
    "əməkdaşlığın",
    "sahədə",
}


@dataclass(frozen=True)
class Candidate:
    """A document named in the text; `subject` is its name without the parties, for the register."""

    kind: AgreementKind
    name: str
    parties: tuple[str, ...]
    subject: str = ""
    # The year written just before an Azerbaijani name ('1997-ci il … Müqaviləyə').
    year: int | None = None


def candidate_at(window: Window, kind: AgreementKind, language: str) -> Candidate | None:
    """The document the word in `window` names, or None when its name tells none apart."""
    before = window.before
    if (
        language == "az"
        or (
            _AZERBAIJANI_LETTER.search(before[-120:] + window.word)
            # '«Почта России» и Azərpoçt подписали меморандум': a Russian sentence naming an
            # Azerbaijani company is still read the Russian way.
            and not _mostly_cyrillic(before[-120:] + window.word)
            and language != "en"
        )
    ):
        quoted = window.after[:1] in QUOTE_CHARS
        return _azerbaijani_candidate(kind, before, window.word, quoted)
    after = _past_closing_quote(before, window.after)
    alias = _BRACKETED_ALIAS.match(after)
    if alias:
        after = after[alias.end() :]
        kind = _alias_kind(alias.group("alias")) or kind
    word = window.word
    # 'a memorandum of understanding was signed today between A and B': the passive's
    # signers name it, past the words every memorandum has.
    understanding = _OF_UNDERSTANDING.match(after)
    if understanding and _PASSIVE_VERB.match(after[understanding.end() :].strip()):
        word, after = f"{word} {understanding.group(0).strip()}", after[understanding.end() :]
    qualifier = _qualifier(after, kind)
    modifiers = _MODIFIERS_BEFORE.search(before[-80:])
    head = ((modifiers.group("modifiers") if modifiers else "") + word).strip()
    name = capitalised(f"{head} {qualifier}".strip())
    parties = parties_between(qualifier)
    # 'протокол заседания': the minutes of the meeting the sentence reports are one document.
    of_a_meeting = kind is AgreementKind.PROTOCOL and _OF_A_MEETING.search(name)
    # 'План военного сотрудничества': a cooperation plan's own adjective may tell it apart.
    named = _names_something(qualifier) or bool(
        _ADJECTIVE_IN_KIND_WORD.fullmatch(window.word) and _names_something(window.word)
    )
    # 'the intergovernmental transit agreement', 'the gas purchase contract': what it carries
    # or trades, standing before its word, tells it apart.
    traded = bool(modifiers and _TRADED.search(modifiers.group("modifiers")))
    supplement = _supplement_before(before, kind)
    if kind is AgreementKind.PROTOCOL and not qualifier and not of_a_meeting:
        meeting = _MEETING_SIGNING_CLAUSE.search(before[-MEETING_CLAUSE_CHARS:])
        if meeting:
            name = capitalised(f"{head} {_MINUTES_OF[meeting.group('meeting')[:1].casefold()]}")
            of_a_meeting = True
    if not of_a_meeting and not named:
        subject = _SUBJECT_PARTIES.search(before)
        if subject and _organisation_named(subject.group("subject")):
            name, parties = _signed_by_subject(name, subject.group("subject"))
        else:
            company = _with_company(kind, head, window.after)
            if company is not None or not (traded or supplement):
                return company
    if supplement:
        name = f"{capitalised(supplement)} {name[:1].lower()}{name[1:]}"
    subject = capitalised(f"{head} {_without_parties(qualifier)}".strip())
    return Candidate(_refined_kind(kind, name, parties), _limit_words(name), parties, subject)


# 'an addendum to the existing contract', 'дополнение к контракту купли-продажи газа': a
# document of its own, of the kind of the one it adds to.
_SUPPLEMENT_BEFORE = re.compile(
    r"(?i:\b(?:addend(?:um|a)|addition|supplement|дополнени[еяю])\s+(?:to|к)\s+"
    r"(?:(?:the|their|its|an?|existing|current|действующ\w+)\s+){0,2})$"
)
_SUPPLEMENTED_KINDS = frozenset({AgreementKind.CONTRACT, AgreementKind.AGREEMENT})


def _supplement_before(before: str, kind: AgreementKind) -> str:
    """The supplement a contract's word is governed by ('an addendum to the'), or ''."""
    found = _SUPPLEMENT_BEFORE.search(before[-60:]) if kind in _SUPPLEMENTED_KINDS else None
    return found.group(0).strip() if found else ""


def _signed_by_subject(name: str, subject: str) -> tuple[str, tuple[str, ...]]:
    """The name with the organisations that signed it as the sentence's subject, and their
    countries: 'the X Agency and the Y Corporation signed a memorandum'."""
    signers = re.sub(r"^The\s", "the ", subject.strip())
    # 'Соглашение о сотрудничестве между «Роснефть» и ГНКАР': in the name's own language.
    between = "между" if _mostly_cyrillic(name) else "between"
    return f"{name} {between} {signers}", subject_parties(subject)


# 'agreements on healthcare and on plant quarantine', 'соглашения об … и о …': a plural
# document word whose list repeats its preposition names one document per item.
_LISTED_ITEM_BREAK = re.compile(
    r"(?:,\s+(?:(?:and|и)\s+)?|\s+(?:and|и)\s+)(?=(?i:on|between|о|об|между)\s)"
)
_LISTED_FIRST = re.compile(r"^\s*(?P<head>(?i:of understanding\s+)?)(?i:on|between|о|об|между)\s")
_CLAUSE_BREAK_LEFT = re.compile(r"[,;:!?()]|\.(?:\s|$)")
MIN_LISTED = 2
# The plural endings of document words, and their nominative singular.
_SINGULAR_ENDINGS = (
    ("memoranda", "memorandum"),
    ("treaties", "treaty"),
    ("ий", "ие"),
    ("ия", "ие"),
    ("ии", "ия"),
    ("ммы", "мма"),
    ("ы", ""),
    ("ов", ""),
    ("s", ""),
)


def listed_candidates(window: Window, kind: AgreementKind, language: str) -> list[Candidate]:
    """The documents a plural word lists, one per item: 'intergovernmental agreements on
    cooperation in healthcare, and on plant quarantine' are two. Empty unless at least two
    items follow, each opening with 'on', 'between', 'о' or 'между', and each telling a
    document apart; the list ends at the first item that a clause break closes."""
    first = _LISTED_FIRST.match(window.after)
    if language == "az" or not first:
        return []
    items: list[str] = []
    for segment in _LISTED_ITEM_BREAK.split(window.after):
        item = _qualifier(segment, kind)
        if not item or _PASSIVE_ADVERBIAL.match(item):
            break
        items.append(item)
        written = " ".join(segment.replace("\n", " ").split())
        left = written[len(item) :] if written.startswith(item) else written
        if _CLAUSE_BREAK_LEFT.search(left) or any(True for _ in document_words(left)):
            break
    if len(items) < MIN_LISTED:
        return []
    word = _singular(window.word)
    head = first.group("head").strip()
    candidates = []
    for index, item in enumerate(items):
        if not _names_something(item):
            continue
        shown = item if index == 0 or not head else f"{head} {item}"
        name = capitalised(f"{word} {shown}")
        parties = parties_between(item)
        subject = capitalised(f"{word} {_without_parties(shown)}".strip())
        candidates.append(
            Candidate(_refined_kind(kind, name, parties), _limit_words(name), parties, subject)
        )
    return candidates


# 'signed several agreements and memoranda, including one on cooperation in energy': the one
# document of a plural that the sentence goes on to name.
_ONE_OF_THEM = re.compile(
    r"^,?\s+(?i:including|among them|notably|in particular)\s+one\s+"
    r"(?=(?i:on|of|about|between|regarding|concerning)\s)"
)


def one_of_many(window: Window, kind: AgreementKind, language: str) -> Candidate | None:
    """The document 'including one on …' names after a plural word, when it tells one apart."""
    one = _ONE_OF_THEM.match(window.after)
    if language == "az" or one is None:
        return None
    qualifier = _qualifier(window.after[one.end() :], kind)
    if not _names_something(qualifier):
        return None
    word = _singular(window.word)
    name = capitalised(f"{word} {qualifier}")
    parties = parties_between(qualifier)
    subject = capitalised(f"{word} {_without_parties(qualifier)}")
    return Candidate(_refined_kind(kind, name, parties), _limit_words(name), parties, subject)


def _singular(word: str) -> str:
    """'memorandums' -> 'memorandum', 'соглашения' -> 'соглашение': a listed document's word."""
    words = word.split()
    last = words[-1]
    for plural, singular in _SINGULAR_ENDINGS:
        if last.casefold().endswith(plural):
            last = last[: len(last) - len(plural)] + singular
            break
    return " ".join([*words[:-1], last])


def _mostly_cyrillic(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    cyrillic = sum(1 for char in letters if "\u0400" <= char <= "\u04ff")
    return cyrillic * 2 > len(letters)


def _past_closing_quote(before: str, after: str) -> str:
    """'подписали «дорожную карту» по запуску …': a document word in quotes is named after them."""
    opened = before.rstrip()[-1:] in _OPENING_QUOTE
    return after.lstrip()[1:] if opened and after.lstrip()[:1] in '»"”' else after


def _alias_kind(alias: str) -> AgreementKind | None:
    """The kind a bracketed other name gives: '(«дорожная карта»)' makes a plan a road map."""
    words = list(document_words(alias))
    return words[0][1] if len(words) == 1 and words[0][0].word == alias.strip() else None


def _qualifier(after: str, kind: AgreementKind) -> str:
    """What follows the document word and belongs to its name, up to the first clause break."""
    after = after.strip()
    passive = _PASSIVE_VERB.match(after)
    if passive:
        after = after[passive.end() :]
        # 'The agreement signed in Moscow on January 25 on the status …': where and when it
        # was signed, then what it is about.
        circumstances = _SIGNED_WHERE_AND_WHEN.match(after)
        if circumstances and _QUALIFIER_START.match(after[circumstances.end() :]):
            after = after[circumstances.end() :]
        if _PASSIVE_ADVERBIAL.match(after):
            return ""
    after = _PARTICIPLE.sub("", after)
    after = _WITH_PARTNER.sub("", after)
    # 'Memorandum of Understanding (MoU) on …': the short form in brackets ends nothing.
    after = _ACRONYM_IN_BRACKETS.sub(r"\1", after, count=1)
    # '… between the Export Promotion Agency (AZPROMO) and …': nor does a signer's.
    after = _ACRONYM_OF_A_SIGNER.sub("", after)
    # 'по соглашению 2002 года о статусе …': Russian may put the year between word and name;
    # 'a work plan for 2025–2026 between …': the years a document covers come first. Alone,
    # the years tell no document apart.
    year = _YEAR_FIRST.match(after)
    if year and not year.group(0)[:1].isdigit():
        rest = _qualifier(after[year.end() :], kind)
        return f"{year.group(0).strip()} {rest}" if rest else ""
    if year and _QUALIFIER_START.match(after[year.end() :]):
        after = after[year.end() :]
    when = _WHEN_FIRST.match(after)
    if when and _QUALIFIER_START.match(after[when.end() :]):
        after = after[when.end() :]
    if after[:1] in QUOTE_CHARS:
        return _quoted_title(after)
    if not _QUALIFIER_START.match(after):
        return ""
    quoted_spans = [match.span() for match in _QUOTED.finditer(after)]
    end = len(after)
    # Read from the space before the name's first word: 'of 2010 closed ...' stops at once.
    for stop in _QUALIFIER_STOP.finditer(" " + after):
        at = max(0, stop.start() - 1)
        if stop.group(0) == "," and _LIST_GOES_ON.match(after, stop.end() - 1):
            continue
        # 'по маршруту Баку — Новороссийск', 'the Rasht – Astara railway': a dash between two
        # names joins a route's ends.
        if stop.group(0).strip() in _DASHES and _joins_route(after[:at], after[stop.end() - 1 :]):
            continue
        if not any(start < at < finish for start, finish in quoted_spans):
            end = at
            break
    qualifier = after[:end].strip()
    for character in QUOTE_CHARS:
        qualifier = qualifier.replace(character, "")
    predicate = _PREDICATE_AFTER_TITLE.search(qualifier)
    if predicate:
        qualifier = qualifier[: predicate.start("verb")]
    # A list's comma that a new clause follows ('…, and that …') ends no name.
    qualifier = _TRAILING_FILLER.sub("", " ".join(qualifier.split()).rstrip(",;:"))
    return qualifier.rstrip(",;:")


def _joins_route(before: str, after: str) -> bool:
    """A spaced dash between two capitalised names: a route's two ends ('Баку — Новороссийск')."""
    words, following = before.split(), after.split()[:1]
    if not words or not following or not words[-1][:1].isupper() or not after[:1].isupper():
        return False
    # '… the Samur River – Russian officials praised it': a country's people open a new clause;
    # two ends that are both capitals or countries ('Moscow – Baku') are still a route.
    return bool(COUNTRY.fullmatch(words[-1])) or not COUNTRY.fullmatch(following[0])


def _without_parties(qualifier: str) -> str:
    """'between the Republic of Azerbaijan and the Russian Federation on the Rational Use ...'
    without its 'between ...' part: what the document is about."""
    between = BETWEEN.search(qualifier)
    if not between:
        return qualifier
    parties_text = PARTY_END.split(between.group("parties"), maxsplit=1)
    return f"{qualifier[: between.start()]} {' '.join(parties_text[1:])}".strip()


def _quoted_title(after: str) -> str:
    """A title in quotes opens with a capital; 'декларация «подводит итог»' quotes a speaker."""
    quoted = _QUOTED.match(after)
    title = quoted.group(0).strip(QUOTE_CHARS) if quoted else ""
    return title if title[:1].isupper() or title[:1].isdigit() else ""


def _names_something(qualifier: str) -> bool:
    """Words that tell the document apart, beyond the countries or capitals that signed it,
    or the span of years it runs for ('programme of cooperation … for 2011–2013')."""
    between = BETWEEN.search(qualifier)
    parties = between.group("parties") if between else ""
    if _organisations(parties) and len(PARTY_END.split(parties, maxsplit=1)) == 1:
        return True
    subject = COUNTRY.sub(" ", _without_parties(qualifier))
    return bool(_distinctive_words(_PLACE.sub(" ", subject)) or _SPAN_OF_YEARS.search(qualifier))


# 'for 2011–2013', 'на 2019-2021 годы': the years a programme or a plan runs for, which tell
# one of a pair's programmes from the next.
_SPAN_OF_YEARS = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s?[–—-]\s?(?:19|20)?[0-9]{2}(?![0-9])")


# 'under a new contract with Socar', 'по договору с «Газпромом»', 'a contract Gazprom and SOCAR
# signed this month': a company's document named by the company it was signed with, or by
# the companies of the clause that follows it, is that one even with no subject named.
_COMPANY_DOCUMENT_KINDS = frozenset(
    {
        AgreementKind.CONTRACT,
        AgreementKind.AGREEMENT,
        AgreementKind.MEMORANDUM,
        AgreementKind.TREATY,
    }
)
_PARTNER_OPENING = re.compile(
    r"^\s{0,2}(?:(?P<with>(?i:with|с|со)\s+)"
    # 'a contract that Gazprom and SOCAR signed', 'по контракту, который … подписали'.
    r"|,?\s{0,2}(?i:that|which|котор(?:ый|ое|ую|ого|ому|ым|ом|ая|ой))\s+|(?=\S))"
)
_SIGNING_CLAUSE_VERB = re.compile(r"^(?i:(?:have\s|has\s|had\s)?signed|подписали|заключили)\b")
# Words before a company's name that describe it ('state energy company SOCAR').
COMPANY_DESCRIPTION_WORDS = 3
_TITLES = frozenset(
    {
        "president",
        "prime",
        "minister",
        "mr",
        "mrs",
        "ms",
        "dr",
        "chairman",
        "chief",
        "head",
        "governor",
        "ambassador",
        "президент",
        "премьер",
        "министр",
        "глава",
        "посол",
        "губернатор",
    }
)
_NAME_WORD = re.compile(r"^[«\"“„]?(?:[A-ZА-ЯЁ][\w'’.&-]*|[0-9]+)[»\"”]?(?:'s|’s)?$")


def _with_company(kind: AgreementKind, head: str, after: str) -> Candidate | None:
    """'a contract with Socar', 'договор с «Газпромом»', 'a contract Gazprom and SOCAR signed':
    the document named by the companies that signed it, when they are named by name."""
    if kind not in _COMPANY_DOCUMENT_KINDS:
        return None
    opening = _PARTNER_OPENING.match(after)
    if opening is None:
        return None
    with_partner = bool(opening.group("with"))
    companies, rest = _company_names(after[opening.end() :])
    if not companies or countries_named(companies) or not _named_by_name(companies):
        return None
    if not with_partner and not _SIGNING_CLAUSE_VERB.match(rest):
        return None
    cyrillic = _mostly_cyrillic(head)
    joint = ("с" if cyrillic else "with") if with_partner else ("между" if cyrillic else "between")
    name = capitalised(f"{head} {joint} {companies}")
    # 'по договору с SOCAR': a 'договор' a company signed is a contract, never a treaty.
    if kind is AgreementKind.TREATY and not _TREATY_WORD.search(head):
        kind = AgreementKind.CONTRACT
    return Candidate(kind, _limit_words(name), (), capitalised(head))


def _company_names(text: str) -> tuple[str, str]:
    """The companies `text` opens with ('state energy company SOCAR', '«Газпромом» и ГНКАР'),
    and what follows them; ('', text) when it opens with none."""
    words = text[:120].split(" ")
    taken: list[str] = []
    seen_name = False
    for word in words:
        bare = word.rstrip(",;:.)")
        if _NAME_WORD.match(bare) and bare.casefold() not in _TITLES:
            seen_name = True
        elif bare.casefold() in ("and", "и", "the") and taken:
            pass
        elif seen_name or not bare.islower() or len(taken) >= COMPANY_DESCRIPTION_WORDS:
            break
        taken.append(bare)
        if bare != word:
            break
    while taken and not _NAME_WORD.match(taken[-1]):
        taken.pop()
    companies = " ".join(taken)
    rest = text[len(" ".join(words[: len(taken)])) :].lstrip(" ,;:.)")
    return (companies, rest) if seen_name else ("", text)


def _named_by_name(companies: str) -> bool:
    """A company named by its name, not only by what it is ('the company', 'the Russian side')."""
    return any(
        _NAME_WORD.match(word) and word.casefold() not in _TITLES for word in companies.split()
    ) and not all(word[:1].islower() for word in companies.split())


# A company's legal form: 'ЗАО «Азербайджан Дэмир Йоллары» и ОАО «РЖД»', 'Tatneft PJSC'.
_LEGAL_FORM = re.compile(r"\b(?:ЗАО|ОАО|ПАО|АО|ООО|ГУП|ФГУП|JSC|CJSC|OJSC|PJSC|LLC|QSC|ASC|MMC)\b")


def _organisation_named(subject: str) -> bool:
    """The signing subject names an organisation: by its kind ('the Export Center'), its legal
    form ('ОАО «РЖД»'), its name in quotes ('«Татнефть» и SOCAR') or its acronym ('SOCAR')."""
    return bool(
        ORGANISATION_WORD.search(subject)
        or _LEGAL_FORM.search(subject)
        or _QUOTED.search(subject)
        # 'SOCAR and Rosneft signed …': companies by their short names; beside a country
        # ('NATO and Azerbaijan') an acronym may be a union of states, which no company is.
        or (_acronym_named(subject) and not countries_named(subject))
    )


def _organisations(parties: str) -> bool:
    """'the X Agency and the Y Corporation', '«Газпромом» и ГНКАР', 'SOCAR and Lukoil'."""
    return bool(ORGANISATION_WORD.search(parties) or _QUOTED.search(parties)) or _acronym_named(
        parties
    )


def _acronym_named(text: str) -> bool:
    """'SOCAR and Rosneft', 'ГНКАР': a company's acronym, which no country's is ('CIS', 'РФ')."""
    return any(_ACRONYM.fullmatch(word) and not COUNTRY.fullmatch(word) for word in text.split())


# The protocol of a meeting or session records it: 'протокол XXII заседания комиссии',
# 'the protocol of the 24th meeting', 'Komissiyanın iclasının protokolu'.
_OF_A_MEETING = re.compile(
    r"(?i:\b(?:protocols?|протокол\w{0,3})\s+(?:of\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:meeting|session|заседани\w*|сесси\w*)"
    # 'iclasın yekun protokolu': the session's final protocol.
    r"|(?:iclas|sessiya)\w*\s+(?:yekun\s+)?protokol)"
)


# 'По итогам заседания подписан протокол', 'At the session the co-chairs signed the protocol':
# a protocol named by its word alone, signed in a clause that opens at a meeting, is that
# meeting's minutes.
MEETING_CLAUSE_CHARS = 120
_MEETING_SIGNING_CLAUSE = re.compile(
    r"(?i:\b(?:по итогам|на|в ходе|following|after|at the end of|at)\s+(?:the\s+)?"
    r"(?P<meeting>заседани|сесси|meeting|session)\w*[^,;.]*?"
    r"\b(?:подписан\w*|подписали|signed)(?:\s+(?:the|a))?\s*)$"
)
_MINUTES_OF = {"з": "заседания", "с": "сессии", "m": "of the meeting", "s": "of the meeting"}


def _refined_kind(kind: AgreementKind, name: str, parties: tuple[str, ...]) -> AgreementKind:
    """'Договор' and 'müqavilə' are treaties between states, contracts between companies;
    a protocol of a meeting is its minutes."""
    if kind is AgreementKind.PROTOCOL and _OF_A_MEETING.search(name):
        return AgreementKind.MINUTES
    if kind is not AgreementKind.TREATY or _TREATY_WORD.search(name):
        return kind
    commercial = _COMMERCIAL.search(name) or any(
        ORGANISATION_WORD.search(party) for party in parties
    )
    return AgreementKind.CONTRACT if commercial else kind


def _azerbaijani_candidate(
    kind: AgreementKind, before: str, kind_word: str, quoted: bool
) -> Candidate | None:
    """Azerbaijani names the subject before the document word: 'təhsil sahəsində ... memorandum'.

    The name runs back from the document word over its noun phrase, to a verb or
    participle ("imzalanmış"), a place or date in the locative ("Moskvada",
    "ildə") or a clause break; it names a document only with a marker
    ("haqqında", "üzrə", "arasında" ...) or a chain of genitives ("Komissiyanın
    iclasının Protokolu", "Prezidentlərinin Birgə Bəyanatı").
    """
    # '“… gömrük nəzarəti haqqında” Saziş': a name quoted before its word runs back to its
    # opening quote, over the participles inside it.
    if before.rstrip()[-1:] in _CLOSING_QUOTE and _opens_quote(before.rstrip()[:-1][-400:]):
        before, quoted = before.rstrip()[:-1], True
    signed_clause = _AZ_SIGNED_BETWEEN.search(before)
    if signed_clause:
        # 'X haqqında 2002-ci il yanvarın 25-də imzalanmış Saziş': the name before the clause.
        before = before[: signed_clause.start() + len(signed_clause.group("marker"))]
    words = _after_signers(_azerbaijani_phrase(before, quoted))
    if not any(_AZ_MARKERS.fullmatch(word) for word in words) and not _genitive_name(
        words, kind_word
    ):
        return None
    phrase = _without_outer_quotes(" ".join(words))
    name = _limit_words(capitalised(f"{phrase} {kind_word}"))
    subject = phrase.split(" arasında ")[-1] if " arasında " in phrase else phrase
    signers = phrase.split(" arasında ")[0] if " arasında " in phrase else ""
    # As in English and Russian, 'əməkdaşlıq haqqında memorandum' tells no document apart
    # unless the organisations that signed it are named.
    if not _distinctive_words(COUNTRY.sub(" ", subject)) and not _organisations(signers):
        return None
    parties = countries_named(signers)
    start = before.rfind(words[0])
    written = set(WRITTEN_YEAR.findall(before[max(0, start - AZ_YEAR_BEFORE_CHARS) : start]))
    year = int(written.pop()) if start >= 0 and len(written) == 1 else None
    return Candidate(
        _refined_kind(kind, name, parties), name, parties, f"{subject} {kind_word}", year
    )


def _without_outer_quotes(phrase: str) -> str:
    """The phrase without the quotes around it, keeping a pair that opens it and closes inside.

    '"Qazprom" ilə SOCAR arasında': the opening quote belongs to the company's name, and
    stripping it would leave that name's closing quote standing alone.
    """
    stripped = phrase.strip(QUOTE_CHARS + " ")
    if _quotes_paired(stripped):
        return stripped
    kept_opening = phrase.strip(" ").rstrip(QUOTE_CHARS + " ")
    return kept_opening if _quotes_paired(kept_opening) else stripped


def _quotes_paired(text: str) -> bool:
    return (
        text.count('"') % 2 == 0
        and text.count("«") == text.count("»")
        and text.count("“") + text.count("„") == text.count("”")
    )


def _opens_quote(text: str) -> bool:
    """An opening quote in `text` that no closing quote follows: a quoted name goes on."""
    opening = max(text.rfind(mark) for mark in _OPENING_QUOTE)
    closing = max(text.rfind(mark) for mark in "”»")
    return opening > closing and opening >= 0


def _azerbaijani_phrase(before: str, quoted: bool = False) -> list[str]:
    """The noun phrase before a document word; `quoted` when a quote closes right after it."""
    words = before[-400:].split()
    phrase: list[str] = []
    # '“… 2024-cü ilədək iqtisadi əməkdaşlıq Proqramı”nı': a quoted name runs back to its
    # opening quote, over the years and verbs-like words inside it.
    opened = quoted and _opens_quote(before[-400:])
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        bare = word.strip(QUOTE_CHARS)
        # '(AZPROMO)' names the organisation before it; it ends no clause.
        parenthesis = word.startswith("(") and word.endswith(")")
        ends_clause = word.endswith((",", ";", ":", ".", "!", "?", ")")) and not parenthesis
        # A dash standing alone sets off an aside: 'Komissiyanın həmsədrləri — …'.
        ends_clause = ends_clause or word in _DASHES
        # '… haqqında Saziş, bitkilərin karantini … haqqında Saziş': another document's name
        # ends where its word and comma stand.
        another_document = _AZ_KIND_WORD.fullmatch(bare.rstrip(",;:"))
        if ends_clause and (another_document or not _is_az_list(phrase)):
            break
        # '... proqramı və iclasın protokolu': another document ends where 'və' joins them.
        if word == "və" and index and _AZ_KIND_WORD.fullmatch(words[index - 1].strip(QUOTE_CHARS)):
            break
        # A postposition takes the word before it: 'sərhədi haqqında' is no verb in -di.
        governed = bool(phrase) and _AZ_MARKERS.fullmatch(phrase[0]) and not ends_clause
        if len(phrase) == AZ_NAME_MAX_WORDS or (
            not governed
            and not opened
            and _AZ_PHRASE_END.fullmatch(bare.rstrip(",;:"))
            and bare.casefold() not in _AZ_ADJECTIVES_LIKE_VERBS
            and not (index and f"{words[index - 1]} {bare}".casefold() in _AZ_TERMS_LIKE_CLAUSES)
        ):
            break
        phrase.insert(0, word.rstrip(",;:"))
        # A name in quotes starts at its opening quote: 'Kreml "Azərbaycan ilə ...'.
        if (
            quoted
            and word[:1] in _OPENING_QUOTE
            and not (len(word) > 1 and word[-1] in QUOTE_CHARS)
        ):
            break
    reached_start = len(phrase) == len(words)
    while len(phrase) > 1 and (
        phrase[0].casefold() in _AZ_LEADING_FILLER
        # 'Sənədlər arasında … Protokol': 'among' the documents, with no signers before it.
        or phrase[0].casefold() == "arasında"
        or _AZ_PLURAL_NOUN.fullmatch(phrase[0])
        # The sentence's subject in the plural ('Tərəflər', 'Prezidentlər') signed it.
        or (reached_start and _AZ_PLURAL_SUBJECT.fullmatch(phrase[0]))
    ):
        phrase.pop(0)
    # 'Dövlət başçıları …', 'Komissiyanın həmsədrləri …': who signed, never the name; but
    # 'Mədəniyyət nazirlikləri arasında …' names the parties, a part of the name.
    if (
        len(phrase) > 2
        and _AZ_SIGNERS.fullmatch(phrase[1])
        # 'İqlim dəyişmələri və …': a plural joined to the next word by 'və' is a topic.
        and not (
            phrase[2].casefold() in ("arasında", "ilə", "və") or _AZ_MARKERS.fullmatch(phrase[2])
        )
    ):
        del phrase[:2]
    del phrase[: _countries_people_end(phrase)]
    while len(phrase) > 1 and phrase[0] in _DASHES:
        phrase.pop(0)
    return phrase


# The most words a list of countries before their people takes: 'Azərbaycan, Rusiya və İran'.
COUNTRY_LIST_WORDS = 5


def _countries_people_end(phrase: list[str]) -> int:
    """'Azərbaycan və Rusiya nazirləri nəqliyyat … haqqında saziş': the countries' people who
    signed open the phrase (their countries are the parties); the name comes after them. Where
    'arasında' or 'ilə' follows, the plural names the sides' bodies, a part of the name."""
    for index, word in enumerate(phrase[: COUNTRY_LIST_WORDS + 1]):
        if not (COUNTRY.fullmatch(word.rstrip(",")) or word.casefold() == "və"):
            break_at = index
            break
    else:
        return 0
    if break_at < 2 or break_at + 2 > len(phrase) or not _AZ_SIGNERS.fullmatch(phrase[break_at]):
        return 0
    following = phrase[break_at + 1]
    if following.casefold() in ("arasında", "ilə", "və") or _AZ_MARKERS.fullmatch(following):
        return 0
    return break_at + 1


# 'Prezidenti Vladimir Putin', 'naziri Ceyhun Bayramov': an office, then who holds it.
_AZ_OFFICE = re.compile(r"(?i:prezidenti|naziri|sədri|başçısı|rəhbəri)")
_AZ_NOMINATIVE_NAME = re.compile(r"[A-ZƏÜÖĞİŞÇ][a-zəüöğışç]+")


def _after_signers(phrase: list[str]) -> list[str]:
    """The phrase after the people who signed: '… Prezidenti Vladimir Putin Azərbaycan
    Respublikasının Prezidenti və … Birgə Bəyannaməsini' names the statement after them."""
    for index in range(len(phrase) - 3, -1, -1):
        office, first, last = phrase[index : index + 3]
        if (
            _AZ_OFFICE.fullmatch(office)
            and _AZ_NOMINATIVE_NAME.fullmatch(first)
            and _AZ_NOMINATIVE_NAME.fullmatch(last)
            and not last.endswith(("nın", "nin", "nun", "nün"))
        ):
            # Nothing after them: 'Prezidenti Vladimir Putin Birgə Bəyannamə imzalayıblar'
            # names the statement by its word alone.
            return phrase[index + 3 :]
    return phrase


def _is_az_list(phrase: list[str]) -> bool:
    """'Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında': a comma inside a list."""
    return bool(phrase) and phrase[0][:1].islower() and "və" in phrase[:5]


def _genitive_name(words: list[str], kind_word: str) -> bool:
    chain = 0
    for word in reversed(words):
        if not _AZ_GENITIVE.fullmatch(word.strip(QUOTE_CHARS)):
            break
        chain += 1
    meeting = any(_AZ_MEETING.search(word) for word in words[len(words) - chain :])
    return chain >= 1 and (meeting or kind_word[:1].isupper())


def _distinctive_words(text: str) -> list[str]:
    # 'İki'.lower() keeps a combining dot after the i.
    folded = text.lower().replace("\u0307", "")
    return [word for word in WORD.findall(folded) if word not in _UNTELLING_WORDS]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _limit_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:NAME_MAX_WORDS])
