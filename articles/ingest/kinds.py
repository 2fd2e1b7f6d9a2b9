"""Document words (read -> parse -> extract): which kind a word names, and whether it names one.

"Memorandum", "соглашение", "Bəyannaməsi" each name a kind of document
(`document.AgreementKind`); `document_words` finds them in a sentence. A plural
or a back-reference ("these agreements", "15 documents", "eight road maps")
names no one document, and `names_many` says so before anything else is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from articles.ingest.dates import MONTH_PATTERN
from articles.ingest.document import AgreementKind
from articles.ingest.sentences import Window

_AZ = r"\w{0,6}"  # Azerbaijani stacks possessive and case endings: Bəyannamə-si-ni
_KINDS: tuple[tuple[str, AgreementKind], ...] = (
    # 'the minutes of the commission's meeting': a possessive may stand before the meeting.
    (r"minutes(?= of (?:the )?[\w '’-]{0,60}(?:meeting|session))", AgreementKind.MINUTES),
    (
        r"(?:joint|trilateral|tripartite) (?:statements?|declarations?)"
        r"|совместн\w{0,3} (?:заявлени\w{0,3}|деклараци\w{0,3})"
        r"|тр[её]хсторонн\w{0,3} (?:заявлени\w{0,3}|деклараци\w{0,3})"
        rf"|(?:birgə|üçtərəfli) (?:bəyanat{_AZ}|bəyannamə{_AZ})",
        AgreementKind.JOINT_STATEMENT,
    ),
    (
        rf"work(?:ing)? plans?|plans? of work|consultations? plans?|plans? of consultations"
        rf"|план\w{{0,2}} (?:работы|консультаций)|рабоч\w{{0,3}} план\w{{0,2}}|iş plan{_AZ}"
        rf"|məsləhətləşmə\w{{0,4}} plan{_AZ}|konsultasiya\w{{0,4}} plan{_AZ}"
        # 'План военного сотрудничества', 'a cooperation plan', 'əməkdaşlıq planı'.
        rf"|план\w{{0,2}} (?:[а-яё]{{3,}}(?:ого|его) )?сотрудничества"
        rf"|(?:[a-z]{{3,}} )?cooperation plans?|plans? of (?:[a-z]{{3,}} )?cooperation"
        rf"|əməkdaşlıq plan{_AZ}",
        AgreementKind.WORK_PLAN,
    ),
    (
        # A comprehensive plan sets out measures: 'Comprehensive plan of cooperation …',
        # 'комплексный план сотрудничества …' are plans of action, not of work.
        rf"comprehensive plans?|комплексн\w{{0,3}} план\w{{0,2}}"
        rf"|action plans?|plans? of (?:joint )?(?:actions?|measures)"
        rf"|план\w{{0,2}} (?:действий|мероприятий)"
        rf"|fəaliyyət plan{_AZ}|tədbirlər plan{_AZ}",
        AgreementKind.ACTION_PLAN,
    ),
    (
        rf"road ?maps?|roadmaps?|дорожн\w{{0,3}} карт\w{{0,3}}|yol xəritə{_AZ}",
        AgreementKind.ROAD_MAP,
    ),
    (r"memorand(?:um|a|ums)\w{0,6}|меморандум\w{0,3}|MoUs?", AgreementKind.MEMORANDUM),
    (rf"declarations?|деклараци\w{{0,3}}|bəyannamə{_AZ}", AgreementKind.DECLARATION),
    (
        rf"treat(?:y|ies)|conventions?|договор\w{{0,3}}|конвенци\w{{0,3}}|müqavilə{_AZ}"
        rf"|konvensiya{_AZ}",
        AgreementKind.TREATY,
    ),
    (rf"agreements?|соглашени\w{{0,3}}|saziş{_AZ}", AgreementKind.AGREEMENT),
    (rf"protocols?|протокол\w{{0,3}}|protokol{_AZ}", AgreementKind.PROTOCOL),
    # 'an Action Program on cooperation': a programme of actions, named with its first word.
    (
        rf"(?:action )?programmes?|(?:action )?programs?|программ\w{{0,3}}|proqram{_AZ}",
        AgreementKind.PROGRAMME,
    ),
    (rf"contracts?|контракт\w{{0,3}}|kontrakt{_AZ}", AgreementKind.CONTRACT),
)
KIND_PATTERN = re.compile(
    r"(?<!\w)(?:"
    + "|".join(f"(?P<k{index}>{pattern})" for index, (pattern, _) in enumerate(_KINDS))
    + r")(?!\w)",
    re.I,
)
_PLURAL = re.compile(
    r"^(?:.* )?(?:action plans|plans of action|work plans|road ?maps|roadmaps|memoranda|MoUs|"
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
    # A number is a count unless a month follows it: '15 сентября подписали План …'.
    rf"number of|(?<![0-9])[0-9]{{1,3}}(?!\s+{MONTH_PATTERN})|"
    r"two|three|four|five|six|seven|eight|nine|ten|"
    r"эти|этих|такие|другие|других|ряд|несколько|многие|все|всех|"
    # 'подписали два соглашения', 'восемь дорожных карт'; 'две страны подписали соглашение'
    # counts the countries.
    r"(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двух|тр[её]х|четыр[её]х|"
    r"пяти|шести|семи|восьми|девяти|десяти)"
    r"(?!\s+(?:стран|сторон|государств|республик|глав|лидер|президент|министр|премьер|вице"
    r"|правительств|ведомств|компани|делегаци)\w*)|"
    r"bu|həmin|digər|bir sıra|bir neçə|bütün|"
    # A negated document names none: 'no agreement has been signed', 'heç bir müqavilə'.
    r"no|никак\w{2,3}|ни одного|ни одной|heç bir))\s+(?:\w+\s+){0,2}$"
)
_MONTH_BEFORE = re.compile(rf"(?<!\w){MONTH_PATTERN}\s+$")
# Azerbaijani counts with a singular noun: '70-dən çox hökumətlərarası və idarələrarası saziş'.
_AZ_COUNT_BEFORE = re.compile(
    r"(?i:(?<![0-9])[0-9]{1,4}-?(?:dən|dan|ə|a|ədək|adək)?\s+(?:çox|artıq)|onlarla|"
    r"yüzlərlə)\s+(?:[\w-]+\s+){0,4}$"
)
# Azerbaijani keeps the noun singular after a numeral too: 'iki saziş', 'səkkiz yol xəritəsi',
# 'üç mühüm sənəd' are several documents; 'iki ölkə arasında saziş' counts the countries.
_AZ_NUMERAL_BEFORE = re.compile(
    r"(?<!\w)(?:[iİ]ki|[üÜ]ç|[dD]örd|[bB]eş|[aA]ltı|[yY]eddi|[sS]əkkiz|[dD]oqquz)\s+"
    r"(?!(?:ölkə|dövlət|respublika|tərəf|prezident|nazir|hökumət|şirkət|nümayəndə)\w*)"
    r"(?:[\w-]+\s+)?$"
)
NEAR_CHARS = 80
AFTER_VERB_CHARS = 160
_REACHED_BEFORE = re.compile(
    r"(?i:\b(?:reach(?:ed|es|ing)?|come to|came to|достиг\w*|достичь|прийти к|пришли к)"
    r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?)$"
)
_REACHED_AFTER = re.compile(
    r"^\s+(?i:(?:was|were|has been|have been|had been|is|is being|will be)\s+reached"
    r"|(?:было|был|будет)?\s*достигнут\w*)"
)
# Conventions and charters of the UN and other unions of many states are not the two
# countries' documents, whoever joins them.
_MANY_STATES = (
    r"UN|U\.N\.|United Nations|ООН|BMT|Council of Europe|Совета Европы|Avropa Şurası|OSCE|ОБСЕ|"
    r"ATƏT|WHO|ВОЗ|UNESCO|ЮНЕСКО|Vienna|Geneva|Венск\w+|Женевск\w+|Vyana|Cenevrə"
)
_MANY_STATES_BEFORE = re.compile(rf"(?:\b(?:{_MANY_STATES})(?:-n[ıi]n)?\s+(?:[\w-]+\s+){{0,5}})$")
_MANY_STATES_AFTER = re.compile(rf"^\s+(?:of the\s+)?(?:{_MANY_STATES})\b")
_PARTY_PROGRAMME = re.compile(
    r"(?i:\b(?:party|party's|electoral|election|партии|партийн\w+|предвыборн\w+|"
    r"partiyasının|seçki)\s+program|программ\w* (?:партии|кандидат\w*))"
)
_INSIDE_ANOTHER = re.compile(
    r"(?i:\b(?:amendments?|additions?|changes|supplement|protocol)\s+to\s+(?:the\s+)?"
    r"|\b(?:amending|extending)\s+(?:the\s+)?"
    # 'План мероприятий по реализации соглашения о …': the agreement a plan carries out.
    r"|\b(?:implementation of|implementing)\s+(?:the\s+)?|\b(?:по|о)\s+(?:реализации|"
    r"выполнении|выполнению)\s+"
    r"|\bизменени\w*\s+(?:и\s+дополнени\w*\s+)?в\s+|\bдополнени\w*\s+к\s+|\bпротокол\w*\s+к\s+)$"
)
# Azerbaijan and Russia have signed documents since 1991: 'the Gulistan Treaty of 1813'
# or a Soviet-era convention is history, not one of theirs.
YEAR_NEAR_CHARS = 30
# A year, not a quantity ('1960 servicemen', '1500 km'): 'of 1813', '1813-cü il', '1813 года'.
_OLD_YEAR = re.compile(
    r"(?i:\b(?:of|in|from|dated|от|в|с)\s+(?:1[0-8][0-9]{2}|19[0-8][0-9])(?![0-9])"
    r"|(?<![0-9])(?:1[0-8][0-9]{2}|19[0-8][0-9])(?:-?(?:ci|cı|cu|cü)\s+il|\s+(?:года|г\.)))"
)
_PROGRAMME_WORD = re.compile(r"(?i:programm?e?s?|программ\w*|proqram\w*)")
_ONE_STATE_BEFORE = re.compile(
    r"(?i:\b(?:state|national|государственн\w+|национальн\w+|dövlət|milli|səfər|tv|radio|"
    r"tele\w*)\s+)$"
)
_NOT_A_DOCUMENT_AFTER = re.compile(
    r"^\s+(?i:of (?:the|his|her|their) (?:visit|stay|forum|festival)|визита|пребывания|"
    r"форума|фестиваля|передач\w*|[«\"])"
)
_NEWS_STAMP = re.compile(
    r"^\s*(?:[0-9]{1,2}[:.][0-9]{2}(?![0-9])|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}|\[[0-9]{1,2}:[0-9]{2}\])"
)
# 'ikinci belə ikitərəfli sazişdir' (is the second such agreement) says what a document is.
_AZ_PREDICATE = re.compile(r"(?i:(?:dir|dır|dur|dür|tir|tır|tur|tür)$)")
# '… nəticəsi … təhlükəsizlik haqqında Müqavilədir': a named document is still one.
_AZ_NAME_MARKER = re.compile(r"(?i:\b(?:haqqında|dair|üzrə|barədə)\s+$)")
# Azerbaijani names the amended document first: '... Sazişə dəyişikliklər edilməsi barədə Protokol'.
_AMENDED_AFTER = re.compile(r"^\s+(?i:dəyişiklik\w*|əlavələr\w*)\s")
_RUSSIAN_AMBIGUOUS = re.compile(r"(?i:соглашения|заявления|декларации|конвенции|программы|карты)")
# Plural adjectives ('новые', 'российские', 'двусторонние'), not nouns in -ние ('выполнение').
_PLURAL_ADJECTIVE_BEFORE = re.compile(r"(?i:[а-яё]{2,}(?:ые|[кгхжшщч]ие|нние)\s+)$")
_CLAUSE_OPENING = re.compile(r"(?:^\s*|[,;:]\s+(?:что|и|а|но)?\s*|\bчто\s+)$")
_PLURAL_VERB_AFTER = re.compile(
    r"^[^,;.:!?]*?\s(?i:были|будут|[а-яё]{3,}(?:али|или|ели|ыли|ались|ились|ются|ятся|ают|яют|уют))"
    r"(?![а-яё])"
)
# The kinds' words (all but minutes) that end one document's name where another
# document follows: "... on trade and a memorandum on ...".
KIND_WORDS = "|".join(pattern for pattern, _ in _KINDS[1:])


def document_words(sentence: str) -> Iterator[tuple[Window, AgreementKind]]:
    """Every document word in the sentence, as the window around it and the kind it names."""
    for match in KIND_PATTERN.finditer(sentence):
        yield Window(sentence, match.start(), match.end()), _KINDS[int(match.lastgroup[1:])][1]


def names_many(window: Window) -> bool:
    """No one bilateral document: a plural or a back-reference ('these agreements', 'a number
    of documents'), or a word that names no signed document of the two countries."""
    return bool(
        _PLURAL.match(window.word)
        or _counted_before(window.before[-60:])
        or _AZ_COUNT_BEFORE.search(window.before[-80:])
        or _AZ_NUMERAL_BEFORE.search(window.before[-40:])
        or _russian_plural(window)
        or names_no_document(window)
    )


def is_bare_plural(window: Window) -> bool:
    """A plural document word with no count or back-reference before it and no sign that it
    names no document: 'signed agreements on X and on Y' may list what each one is about."""
    plural = bool(_PLURAL.match(window.word) or _russian_plural(window))
    return (
        plural
        and not _counted_before(window.before[-60:])
        and not _AZ_COUNT_BEFORE.search(window.before[-80:])
        and not _AZ_NUMERAL_BEFORE.search(window.before[-40:])
        and not names_no_document(window)
    )


def _counted_before(before: str) -> bool:
    """A vague or counting word before the document word; a month's day is no count: 'on
    Sept. 1 signed a joint statement', '2 noyabr imzalanan saziş'."""
    vague = _VAGUE_BEFORE.search(before)
    if vague is None:
        return False
    return not (vague.group()[:1].isdigit() and _MONTH_BEFORE.search(before, 0, vague.start()))


def names_no_document(window: Window) -> bool:
    """'reached an agreement' (a consensus), the UN's conventions, a party's programme, and
    'amendments to the Agreement ...' inside another document's name."""
    before, after = window.before[-NEAR_CHARS:], window.after[:NEAR_CHARS]
    consensus = window.word.casefold().startswith(("agreement", "соглашени"))
    return bool(
        (consensus and (_REACHED_BEFORE.search(before) or _REACHED_AFTER.match(after)))
        or _MANY_STATES_BEFORE.search(before)
        or _MANY_STATES_AFTER.match(after)
        or _PARTY_PROGRAMME.search(before[-30:] + window.word + after[:30])
        or (_INSIDE_ANOTHER.search(before) and KIND_PATTERN.search(before))
        or _AMENDED_AFTER.match(after)
        or _OLD_YEAR.search(before[-YEAR_NEAR_CHARS:] + " " + after[:YEAR_NEAR_CHARS])
        or _not_a_joint_programme(window.word, before, after)
        or (_AZ_PREDICATE.search(window.word) and not _AZ_NAME_MARKER.search(before[-60:]))
        or _is_news_list_item(window.sentence)
    )


def _is_news_list_item(sentence: str) -> bool:
    """'01.09.2010 [11:02] MP: Samur water agreement must be fair': another story's headline
    in a 'related' or 'latest news' list, stamped with its time and never closed by a stop."""
    return bool(_NEWS_STAMP.match(sentence)) and not sentence.rstrip().endswith((".", "!", "?"))


def _not_a_joint_programme(word: str, before: str, after: str) -> bool:
    """A state programme of one country, a visit's programme or a broadcast's."""
    if not _PROGRAMME_WORD.match(word):
        return False
    return bool(_ONE_STATE_BEFORE.search(before) or _NOT_A_DOCUMENT_AFTER.match(after))


def _russian_plural(window: Window) -> bool:
    """'соглашения', 'декларации', 'программы' are a genitive singular or a plural: a plural
    after a plural adjective, or opening a clause with a plural verb after their name
    ('Соглашения о ... обсуждались'); 'Согласно Декларации о ...' is one document."""
    if not _RUSSIAN_AMBIGUOUS.fullmatch(window.word):
        return False
    opens_clause = _CLAUSE_OPENING.search(window.before[-NEAR_CHARS:])
    return bool(
        _PLURAL_ADJECTIVE_BEFORE.search(window.before[-NEAR_CHARS:])
        or (opens_clause and _PLURAL_VERB_AFTER.match(window.after[:AFTER_VERB_CHARS]))
    )
