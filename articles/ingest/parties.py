"""Who signed a document (read -> parse -> extract): countries and parties.

Parties are countries, in the order the text names them. They come from the
document's name ("between Azerbaijan and Russia"), from the organisations
that signed it ("the Russian SME Corporation and ..."), from the sentence's
signing subject ("Moscow and Tehran have signed ...") or from the countries
around it; a trilateral or Caspian document takes the article's other
countries too, so third-country documents stay off the bilateral lists.
"""

from __future__ import annotations

import re

from articles.ingest.sentences import CONTEXT_CHARS, Window
from articles.ingest.signing import AZ_SIGNED_ACTIVE

BILATERAL = ("Azerbaijan", "Russia")
SUBJECT_CHARS = 120

BETWEEN = re.compile(r"(?i:\b(?:between|между)\s+(?P<parties>.+))$")
PARTY_END = re.compile(
    r"\s(?i:on|for the period|in the field|in the sphere|until|regarding"
    # '… and Azerigaz for gas supplies': what a contract trades ends its parties.
    r"|for(?=\s(?:the\s)?(?:\w+\s)?(?:supply|supplies|purchase|sale|deliver\w*|transit|"
    r"transport\w*|exports?|imports?)\b)"
    r"|о|об|в области|по|на период)\s"
)
_SIGNING_VERB = re.compile(
    rf"(?i:\bsigned\b|\badopted\b|подписал[аио]?\b|подписали|приняли\b|{AZ_SIGNED_ACTIVE})"
)
_CLAUSE_MARK = re.compile(r"[,;.]")
NEAR_CHARS = 120
# Fewer than three countries listed before a document word are not all of its sides for sure.
MIN_LISTED_SIGNERS = 3
LIST_ITEM_WORDS = 3
AFTER_NAME_CHARS = 250
_PARTNER = re.compile(
    r"(?i:\b(?:with|с|со)\s+(?:the\s+)?\w+(?:\s\w+)?"
    r"|\w+(?:la|lə|yla|ylə)\b|\w+\s+ilə\b)"
)
_PLACE_OF_SIGNING = re.compile(
    r"\b(?i:in|at|в|во)\s+[A-ZА-ЯЁ][\w-]*|\b[A-ZƏÜÖĞİŞÇ]\w+(?:da|də|ta|tə)\b"
    r"|\b(?i:minsk group|минской группы|minsk qrupu)"
)
# 'an agreement with Iran on ...': the partner named right after the document word.
_WITH_AFTER = re.compile(r"^(?:\s*(?i:with|с|со)\s+(?:the\s+)?\w+(?:\s\w+)?)?")
_SIGNED_WITH = re.compile(
    r",?\s+(?:(?i:which|that)\s+(?i:was|were)\s+)?"
    r"(?i:signed|concluded|подписанн\w*|заключ[её]нн\w*)\s+(?i:with|с|со)\s+"
    r"(?P<partner>(?i:the\s+)?[\w-]+(?:\s[\w-]+)?)"
)
_NAME_TAIL_PARTNER = re.compile(r"(?:\s(?i:with|с|со)\s+\S+)?$")
# The agent may follow where and when: 'signed in Moscow on 6 July by Russian President …'.
_SIGNED_BY = re.compile(
    r"^[^.;]*?\b(?i:подписали|подписаны|подписан|signed(?:\s[^.;]{0,50}?)?\sby)\s+"
    r"(?P<signers>[^.;]{1,120})"
)
ORGANISATION_WORD = re.compile(
    r"(?i:\b(?:agency|agencies|corporations?|ministry|ministries|governments?|company|companies|"
    r"funds?|banks?|committees?|services|service|councils?|chambers?|universit(?:y|ies)|"
    r"railways?|centres?|centers?|institutes?|authority|authorities|office|offices|"
    r"firms?|producers?|operators?|holdings?|corporation|pjsc|ojsc|associations?|"
    # Parliaments, ports, fleets and academies sign documents of their own too.
    r"parliaments?|assembly|duma|ports?|fleets?|academy|academies|"
    r"parlament\w*|məclisi|duması|liman\w*|donanması|akademiyası|"
    r"парламент\w*|дум(?:а|ы|ой|е|у)|порт(?:а|ом|ами|ов|ы)?|флот\w*|академи\w*|университет\w*|"
    r"agentliyi|nazirliyi|hökuməti|mərkəzi|fondu|xidməti|komitəsi|şirkəti|bankı|palatası|"
    r"cəmiyyəti|yolları|nazirlikləri|xidmətləri|komitələri|hökumətləri|universiteti|institutu|"
    r"korporasiyası|holdinqi|şirkətləri|агентств\w*|министерств\w*|правительств\w*|корпораци\w*|центр\w*|фонд\w*|"
    r"служб\w*|комитет\w*|компани\w*|банк\w*|палат\w*|ведомств\w*|дорог\w*|"
    # A ministry by its short name: 'Минэнерго', 'Минэкономразвития', 'Минсельхоз'.
    r"мин(?:энерго|эконом\w*|транс\w*|сельхоз\w*|обороны|промторг\w*|культуры|здрав\w*|"
    r"фин\w*|юст\w*|обрнауки|просвещения|природы|труд\w*|цифры|спорт\w*|строй\w*))\b)"
)
# A country by its names in the three languages (any case ending), its capital and the
# leaders who sign for it: "Aliyev, Putin and Pashinyan signed ..." names three parties.
_COUNTRIES: tuple[tuple[str, str], ...] = (
    (
        "Azerbaijan",
        r"azerbaijan\w*|azeri|azeris|азербайджан\w*|azərbaycan\w*|baku|баку|bakı\w*|aliyev|"
        r"алиев\w*|əliyev\w*",
    ),
    (
        "Russia",
        r"russia\w*|росси\w+|рф|russiya\w*|rusiya\w*|kremlin|moscow|москв\w+|moskva\w*"
        r"|putin\w*|путин\w*|medvedev\w*|медведев\w*|mishustin\w*|мишустин\w*"
        r"|yeltsin\w*|ельцин\w*|jeltsin\w*"
        # Its regions sign for themselves and count under it: 'Həştərxan vilayəti ilə …'.
        r"|dagestan\w*|дагестан\w*|dağıstan\w*|astrakhan\w*|астрахан\w*|həştərxan\w*"
        r"|tatarstan\w*|татарстан\w*|tatarıstan\w*|krasnodar\w*|краснодар\w*|kuban\w*|кубан\w*"
        r"|stavropol\w*|ставропол\w*|kalmykia\w*|калмыки\w*|bashkortostan\w*|башкортостан\w*",
    ),
    (
        "Armenia",
        r"armenia\w*|армени\w+|армянск\w*|ermənistan\w*|yerevan|ереван\w*|irəvan\w*"
        r"|pashinyan\w*|пашинян\w*|paşinyan\w*|sargsyan\w*|саргсян\w*|sarkisyan\w*"
        r"|sarkisian\w*|sargsian\w*|саркисян\w*|kocharyan\w*|кочарян\w*",
    ),
    (
        "Iran",
        r"iran\w*|иран\w*|tehran\w*|тегеран\w*|rouhani\w*|роухани|ruhani\w*|raisi\w*|раиси"
        r"|rəisi\w*|pezeshkian\w*|пезешкиан\w*|pezeşkian\w*",
    ),
    (
        "Kazakhstan",
        r"kazakh\w*|казах\w*|qazax\w*|astana|астан\w+|tokayev\w*|токаев\w*|nazarbayev\w*"
        r"|назарбаев\w*",
    ),
    (
        "Turkmenistan",
        r"turkmen|turkmenistan\w*|туркмени\w*|туркменск\w*|türkmən|türkmənistan\w*|ashgabat"
        r"|ашхабад\w*|aşqabad\w*",
    ),
    (
        "Turkey",
        r"turkey|turkish|türkiy\w*|турци\w+|турецк\w*|ankara|анкар\w+|erdogan\w*|erdoğan\w*"
        r"|эрдоган\w*|ərdoğan\w*",
    ),
    ("Georgia", r"georgia\w*|грузи\w+|gürcüstan\w*|tbilisi|тбилис\w+|tiflis\w*"),
    # The OSCE's Minsk Group ('Минской группы', 'Minsk qrupu') is no Belarus.
    (
        "Belarus",
        r"belarus\w*|беларус\w*|белорус\w*|lukashenk\w*|лукашенк\w*"
        r"|minsk(?!\s+(?:group|qrup))|минск\w*(?!\s+групп)",
    ),
    ("Kyrgyzstan", r"kyrgyz\w*|киргиз\w*|кыргыз\w*|qırğız\w*|bishkek|бишкек\w*"),
    ("Tajikistan", r"tajik\w*|таджик\w*|tacik\w*|dushanbe|душанбе"),
    ("Uzbekistan", r"uzbek\w*|узбек\w*|özbək\w*|tashkent|ташкент\w*|daşkənd\w*"),
    ("Moldova", r"moldova\w*|молдави\w+|молдов\w+|kishinev|chisinau|кишин[её]в\w*"),
    ("Ukraine", r"ukrain\w*|украин\w*|ukrayna\w*|kyiv|kiev|киев\w*"),
    ("China", r"china|chinese|кита\w+|çin\b"),
    # Farther partners sign with one of the two: 'Baku and Washington signed a memorandum'.
    (
        "United States",
        r"united states|u\.s\.a?|usa|american\w*|washington|сша|соединенн\w* штат\w*"
        r"|соединённ\w* штат\w*|американск\w*|вашингтон\w*|abş|amerika\w*|vaşinqton\w*",
    ),
    ("Germany", r"germany|germans?|германи\w+|немецк\w*|almaniya\w*|berlin\w*|берлин\w*"),
    ("France", r"france|french|франци\w+|французск\w*|fransa\w*"),
    ("Italy", r"italy|italian\w*|итали\w+|итальянск\w*|italiya\w*|i̇taliya\w*"),
    (
        "United Kingdom",
        r"united kingdom|britain|british|великобритани\w+|британск\w*|böyük britaniya\w*",
    ),
    ("Israel", r"israel\w*|израил\w+|israil\w*|i̇srail\w*"),
    ("Pakistan", r"pakistan\w*|пакистан\w*"),
    ("India", r"india|indian|инди(?:я|и|ей|ю)|индийск\w*|hindistan\w*"),
    ("Hungary", r"hungar\w*|венгри\w+|венгерск\w*|macarıstan\w*"),
    ("Japan", r"japan\w*|япони\w+|японск\w*|yaponiya\w*"),
    ("Serbia", r"serbia\w*|серби\w+|сербск\w*|serbiya\w*"),
    # Unions of states sign as one party: an agreement "of the CIS" is not Azerbaijan and Russia's.
    (
        "CIS",
        r"cis|снг|mdb|commonwealth of independent states|содружеств\w* независимых государств"
        r"|müstəqil dövlətlər birliy\w*",
    ),
    (
        "EAEU",
        r"eaeu|eaeu's|еаэс|евразийск\w* экономическ\w* (?:союз|комисси)\w*|eurasian economic "
        r"(?:union|commission)|avrasiya iqtisadi (?:birliy|komissiya)\w*",
    ),
    ("CSTO", r"csto|одкб|kthm|collective security treaty organi[sz]ation"),
    # The European Commission signs for the union: 'a memorandum signed with the European
    # Commission' is the EU's.
    (
        "European Union",
        r"european union|евросоюз\w*|европейск\w* союз\w*|avropa ittifaq\w*"
        r"|european commission|европейск\w* комисси\w*|avropa komissiyas\w*",
    ),
)
# The five states on the Caspian sign its conventions together.
CASPIAN_STATES = ("Azerbaijan", "Russia", "Iran", "Kazakhstan", "Turkmenistan")
# A convention on the Caspian Sea is the five states' (the legal status, the environment).
_CASPIAN_CONVENTION = re.compile(
    r"(?i:(?:convention|конвенци|konvensiya).*(?:caspian|каспи|x[əe]z[əe]r)"
    r"|(?:caspian|каспи|x[əe]z[əe]r).*(?:convention|конвенци|konvensiya))"
)
# In an archive of the two countries' relations, 'the two countries' are Azerbaijan and Russia.
_THE_TWO_COUNTRIES = re.compile(
    r"(?i:\b(?:the )?(?:two|both) (?:countries|states)|дв(?:ух|умя) (?:стран|государств)|"
    r"обеих (?:стран|государств)|iki ölkə\w*|iki dövlət\w*)"
)
# A peace treaty ends a war: in this archive the one between Armenia and Azerbaijan, never
# a document of Azerbaijan and Russia, whoever discusses or brokers it ('Putin and Aliyev
# discussed the peace treaty', 'мирный договор', 'sülh sazişi'). 'Peaceful uses of atomic
# energy' and peacekeeping are other matters.
PEACE_SIDES = ("Armenia", "Azerbaijan")
_PEACE_DOCUMENT = re.compile(
    r"(?i:\bpeace\s+(?:treat(?:y|ies)|agreements?|accords?|deal)\b|\bestablishment\s+of\s+peace\b"
    r"|\bмирн(?:ый|ого|ому|ым|ом|ое|ые|ых)\s+(?:договор|соглашени)\w*|\bустановлени\w*\s+мира\b"
    r"|\bsülh(?:ün)?\s+(?:müqavilə\w*|saziş\w*|bərqərar\w*|təsis\w*|və\s+dövlətlərarası))"
)
# 'signed at the same summit': a summit of several states, when the article is about one.
_SUMMIT = re.compile(r"(?i:\bsummit|саммит\w*|sammit\w*)")
_CASPIAN_WORD = re.compile(r"(?i:caspian|каспи|x[əe]z[əe]r)")
_CASPIAN_PARTIES = re.compile(
    r"(?i:caspian (?:states|summit|littoral)|littoral states|прикаспийск\w*|x[əe]z[əe]ryan[ıi])"
)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: 'a|b(?:c|d)' is 'a' and 'b(?:c|d)'."""
    alternatives, depth, start, index = [], 0, 0, 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            index += 1
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*alternatives, pattern[start:]]


def _by_first_letter(countries: tuple[tuple[str, str], ...]) -> str:
    """The countries' names as one alternation, in groups by their first letter, each group
    tried only where its letter stands: a word is tried against the few names that start as it
    does, not against all of them, in their order. Group `c3_1` is the second name of country 3.
    (No letter matches two of these first letters, even ignoring case: tests/ingest checks.)"""
    groups: dict[str, list[str]] = {}
    for index, (_, pattern) in enumerate(countries):
        for number, alternative in enumerate(_alternatives(pattern)):
            groups.setdefault(alternative[0], []).append(f"(?P<c{index}_{number}>{alternative})")
    return "|".join(f"(?={letter})(?:{'|'.join(names)})" for letter, names in groups.items())


COUNTRY = re.compile(rf"(?<!\w)(?:{_by_first_letter(_COUNTRIES)})(?!\w)", re.I)
_SEVERAL_PARTIES = re.compile(
    r"(?i:trilateral|tripartite|multilateral|littoral|caspian states|"
    # 'the three-sided Moscow declaration', 'a three-way agreement', 'a five-nation accord'.
    r"(?:three|four|five)[- ](?:party|sided|way|nation|country|state)\b|"
    r"caspian summit|five presidents|five leaders|пят\w* президент\w*|"
    r"каспийск\w* саммит\w*|x[əe]z[əe]r sammit\w*|"
    r"beş prezident\w*|beş dövlət\w*|"
    r"(?:three|four|five) (?:countries|states|sides|parties)|"
    r"(?:тр[её]х|четыр[её]х|пяти) (?:стран|государств|сторон)|"
    r"(?:üç|dörd|beş) (?:ölkə|dövlət|tərəf)\w*|"
    # Azerbaijani typed without its 'ə' writes 'e': 'beşterəfli', 'üçterefli'.
    r"трехсторонн\w*|трёхсторонн\w*|пятисторонн\w*|прикаспийск\w*|(?:üç|beş)t[əe]r[əe]fli|"
    r"x[əe]z[əe]ryan[ıi])"
)


_ONE_COUNTRY = "(?:" + "|".join(pattern for _, pattern in _COUNTRIES) + ")"
_COUNTRY_LIST = re.compile(
    rf"(?<!\w){_ONE_COUNTRY}(?!\w)(?:(?:\s*,\s*|\s+(?:and|и|və)\s+){_ONE_COUNTRY}(?!\w))+",
    re.I,
)


def countries_named(text: str) -> tuple[str, ...]:
    """The countries `text` names, in order, each once."""
    named: list[str] = []
    for match in COUNTRY.finditer(text):
        country = _COUNTRIES[int(match.lastgroup[1:].split("_")[0])][0]
        if country not in named:
            named.append(country)
    return tuple(named)


def subject_parties(subject: str) -> tuple[str, ...]:
    """The countries of 'the X Agency and the Y Corporation', each named once."""
    parts = re.split(r"\s(?:and the|and|и|və|ilə)\s", subject)
    countries = [_party(part) for part in parts if part.strip()]
    return tuple(dict.fromkeys(country for country in countries if country))


def parties_between(qualifier: str) -> tuple[str, ...]:
    """The countries of '... between the X Agency and the Y Corporation on ...'."""
    between = BETWEEN.search(qualifier)
    if not between:
        return ()
    return subject_parties(PARTY_END.split(between.group("parties"), maxsplit=1)[0])


def _party(text: str) -> str | None:
    """The one country a party's description names: 'the Russian SME Corporation' is Russia."""
    named = countries_named(text)
    return named[0] if len(named) == 1 else None


def is_multilateral(text: str) -> bool:
    """The text speaks of a meeting or document of several states ('trilateral', 'Caspian
    summit', 'three countries')."""
    return bool(_SEVERAL_PARTIES.search(text))


def signatories(
    name: str,
    named_parties: tuple[str, ...],
    window: Window,
    article_countries: tuple[str, ...],
    article_multilateral: bool = False,
    lead_multilateral: bool = False,
    previous_sentence: str = "",
) -> tuple[str, ...]:
    """Who signed: named in the document's name, as the sentence's signing subject or partner,
    or the countries around it; more than two when the text says there were more sides.

    `named_parties` are those the name's reading found ("between ..."), and
    `article_countries` those the whole article names, Azerbaijan and Russia first;
    `article_multilateral` says the article reports a meeting of several states, whose
    summit a document 'signed at the summit' with no sides named belongs to, and
    `lead_multilateral` that its lead does (the meeting is the article's news).
    """
    if _THE_TWO_COUNTRIES.search(name):
        return BILATERAL
    if _PEACE_DOCUMENT.search(name):
        return _peace_sides(name)
    pair = _pair_before(window.before) or _between_two_in_name(name, named_parties)
    if pair:
        return pair
    signed_with = _signed_with_after(name, window.after)
    if signed_with and not set(signed_with) <= set(BILATERAL):
        # '… in the field of energy signed with the European Commission': a third side signed
        # it, whoever the text names around it.
        return signed_with
    own = _own_clause(window)
    several = bool(
        _SEVERAL_PARTIES.search(own)
        or _CASPIAN_CONVENTION.search(name)
        or _CASPIAN_CONVENTION.search(own)
        # 'the trilateral working group is to present a plan of measures': a sentence about
        # a body of several states that names no side gives its documents those states.
        or (_SEVERAL_PARTIES.search(window.sentence) and not countries_named(window.sentence))
    )
    found = _stated_parties(name, named_parties, window)
    if len(found) >= 2:
        return _completed(found, several, window, article_countries, name)
    if several or (article_multilateral and _SUMMIT.search(window.context)):
        return _with_others(countries_named(window.context), article_countries, window, name)
    if lead_multilateral and _CASPIAN_WORD.search(name) and not countries_named(window.sentence):
        # 'Подписаны Соглашение о … Каспийского моря' naming no side, in an article whose lead
        # reports the Caspian states' meeting: an agreement on the sea is theirs. An article
        # that names none of the others beside the two ('Xəzəryanı dövlətlərin başçılarının
        # … zirvə görüşündə') still means all five shores.
        others = [country for country in article_countries if country not in BILATERAL]
        return _with_others((), article_countries if others else CASPIAN_STATES, window, name)
    # 'Officials from Kazakhstan, Azerbaijan and Russia met in Aktau. They agreed to draft a
    # road map …': the sentence's 'they' are the sides the one before names.
    if _PRONOUN_SUBJECT.match(window.sentence) and not countries_named(window.sentence):
        listed = _country_list(previous_sentence)
        named = countries_named(previous_sentence)
        # 'Стороны намерены подготовить проект соглашения …' after a trilateral meeting its
        # lead reports: the sides are the meeting's, however the sentence before named them
        # ('вице-премьеры Азербайджана и России и министр дорог Ирана').
        if lead_multilateral and set(named) != set(listed):
            return _with_others(named, article_countries, window, name)
        if len(listed) >= 2:
            return BILATERAL if set(listed) == set(BILATERAL) else listed
        if lead_multilateral:
            return _with_others(named, article_countries, window, name)
    # 'Главы Азербайджана, Ирана, Казахстана, России и Туркменистана подписали соглашение о …,
    # соглашение о … и соглашение о …': a document further down the list the sentence's
    # signers open has those signers, three or more of them.
    listed = _country_list(window.sentence[: window.start])
    if len(listed) >= MIN_LISTED_SIGNERS:
        return listed
    sides = _one_side_named(named_parties, window)
    # 'Dövlət Gömrük Komitəsi ilə Rusiya Federasiyası Federal Gömrük Xidməti arasında': a
    # body that names no country, opposite one of the two, in a text naming no third country.
    if len(sides) == 1 and sides[0] in BILATERAL and set(article_countries) <= set(BILATERAL):
        return BILATERAL
    return sides


def _between_two_in_name(name: str, named_parties: tuple[str, ...]) -> tuple[str, ...]:
    """'соглашение между Россией и Азербайджаном о …' in a trilateral's story: the two sides its
    own name states, unless the name itself says there were more."""
    if len(named_parties) != 2 or _SEVERAL_PARTIES.search(name) or _CASPIAN_CONVENTION.search(name):
        return ()
    return BILATERAL if set(named_parties) == set(BILATERAL) else named_parties


# 'the Azerbaijani-Russian agreement on …', 'российско-азербайджанское соглашение',
# 'Azərbaycan-Rusiya sazişi': the two sides joined by a hyphen right before the word.
_PAIR_BEFORE = re.compile(
    rf"(?<!\w)(?P<pair>{_ONE_COUNTRY}\s?[-–]\s?{_ONE_COUNTRY})\s+(?:[\w-]+\s+){{0,2}}$", re.I
)


def _pair_before(before: str) -> tuple[str, ...]:
    """The two sides a hyphenated pair of countries just before the document word names,
    whatever the rest of the article says: in a trilateral's story, 'the Azerbaijani-Russian
    agreement' is the two countries' own."""
    found = _PAIR_BEFORE.search(before[-NEAR_CHARS:])
    sides = countries_named(found.group("pair")) if found else ()
    if len(sides) != 2:
        return ()
    return BILATERAL if set(sides) == set(BILATERAL) else sides


def _peace_sides(name: str) -> tuple[str, ...]:
    """The sides of a peace document: those its name gives when Armenia is one of them
    ('between Baku and Yerevan'), else Armenia and Azerbaijan."""
    named = countries_named(name)
    return named if "Armenia" in named and len(named) >= 2 else PEACE_SIDES


# '… Декларации о союзническом взаимодействии, а также … трехсторонних договоренностей':
# what follows 'as well as' is another thing, whose sides are not this document's.
_NEXT_ITEM = re.compile(
    r"(?i:,?\s(?:а также|as well as|and also|həmçinin|eləcə də)\s"
    # '… bound by the Treaty of Friendship …, and that the trilateral statements …': a new
    # clause about other things.
    r"|,\s(?:and|but|while|whereas)\s(?:that|this|these|those)\s)"
)


_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?i:they|both sides|the sides|the parties|the signatories|the participants|они|стороны"
    r"|обе стороны|участники|подписанты|onlar|tərəflər|iştirakçılar)\b"
)


def _country_list(text: str) -> tuple[str, ...]:
    """The countries of the first list of them in `text` ('Kazakhstan, Azerbaijan and
    Russia'), not those a sentence names here and there."""
    found = _COUNTRY_LIST.search(text)
    return countries_named(found.group(0)) if found else ()


def _signed_with_after(name: str, after: str) -> tuple[str, ...]:
    """The sides of '<name> signed with X': the partner the participle after the name gives."""
    last = name.split()[-1] if name.split() else ""
    end = after.find(last) + len(last) if last and after.find(last) >= 0 else -1
    if end < 0:
        return ()
    signed_with = _SIGNED_WITH.match(after, end)
    return countries_named(signed_with.group("partner")) if signed_with else ()


def _own_clause(window: Window) -> str:
    """The document word's context up to the next item the sentence adds with 'as well as'."""
    after = _NEXT_ITEM.split(window.after[:CONTEXT_CHARS], maxsplit=1)[0]
    return f"{window.before[-CONTEXT_CHARS:]}{window.word}{after}"


def _one_side_named(named_parties: tuple[str, ...], window: Window) -> tuple[str, ...]:
    """Parties when the text states at most one side: the partner after the document word
    or the countries around it, the two countries' when both are there."""
    partner = _partner(_WITH_AFTER.match(window.after[:NEAR_CHARS]).group(0))
    if partner:
        # 'an agreement with Russia' in a Baku paper is the two countries'; 'with Iran' is not.
        return BILATERAL if set(partner) <= set(BILATERAL) else partner
    around = countries_named(window.context)
    if "Azerbaijan" in around and "Russia" in around:
        return BILATERAL
    # One union of states or a third country alone is still not Azerbaijan and Russia; the
    # city a document was signed in ('in Astana', 'Tehranda') signs nothing.
    sides = countries_named(_PLACE_OF_SIGNING.sub(" ", window.context))
    third = any(country not in BILATERAL for country in sides)
    return named_parties or (around if len(around) >= 2 else sides if third else ())


def _stated_parties(name: str, named_parties: tuple[str, ...], window: Window) -> tuple[str, ...]:
    """The first two or more countries the text states as the signing sides.

    The sentence's subject comes before the name's own countries: an agreement "on transit
    through Georgia and Iran" signed by Azerbaijan and Russia is theirs.
    """
    partner = _partner(_WITH_AFTER.match(window.after[:NEAR_CHARS]).group(0))
    signers, partners_before, signer_in_clause = _signing_subject(window.before[-200:])
    subject = tuple(dict.fromkeys(signers + partners_before))
    # 'Россия подписала соглашение о … Каспия с Казахстаном': the partner closes the name.
    partner_in_name = ()
    if signer_in_clause:
        partner_in_name = _partner(_NAME_TAIL_PARTNER.search(name).group(0))
    # Each reading is tried only when those before it found fewer than two sides.
    for read in (
        lambda: named_parties,
        # 'having signed … the Shusha Declaration with Türkiye and the Declaration on Allied
        # Interaction with Russia': the partner closing this name outranks an earlier one's.
        lambda: tuple(dict.fromkeys(signers + partner_in_name)) if partner_in_name else (),
        lambda: tuple(dict.fromkeys(subject + partner)),
        lambda: tuple(dict.fromkeys(subject + partner_in_name)),
        lambda: _signers_before_name(name, window),
        lambda: countries_named(name),
        lambda: countries_named(list_tail(window.before[-NEAR_CHARS:])),
        lambda: _signed_by(window.after),
        lambda: _subject_signed_by(window.before),
    ):
        found = read()
        if len(found) >= 2:
            return found
    return ()


# 'Əliyev, Putin və Paşinyan … haqqında birgə bəyanat imzalayıblar': the verb after the name.
_SIGNED_AFTER_NAME = re.compile(rf"^\s{{0,2}}(?i:{AZ_SIGNED_ACTIVE}|qəbul\s+edi\w*)")


def _signers_before_name(name: str, window: Window) -> tuple[str, ...]:
    """The countries and leaders an Azerbaijani sentence names before a document it signs
    after the name: the sentence's subject, which the name's own words do not reach."""
    if not _SIGNED_AFTER_NAME.match(window.after):
        return ()
    opening = " ".join(name.split()[:2])
    start = window.sentence.rfind(opening, 0, window.start) if opening else -1
    if start <= 0:
        return ()
    subject = _PLACE_OF_SIGNING.sub(" ", window.sentence[:start])
    return countries_named(list_tail(subject))


def _completed(
    found: tuple[str, ...],
    several: bool,
    window: Window,
    article_countries: tuple[str, ...],
    name: str,
) -> tuple[str, ...]:
    """The parties found, with the others a trilateral or Caspian document has, or with
    Azerbaijan or Russia when the words just before name them as a side too."""
    if several:
        return _with_others(found, article_countries, window, name)
    nearby = countries_named(window.before[-200:])
    return tuple(dict.fromkeys((*found, *(c for c in nearby if c in BILATERAL))))


def list_tail(before: str) -> str:
    """The last clause of `before`, with the items of a list it ends ('Kazakhstan, Azerbaijan
    and Russia'): a comma continues the list when a short item or a country precedes it."""
    parts = _CLAUSE_MARK.split(before)
    tail = parts.pop()
    while parts and _LIST_ITEM_START.match(tail.lstrip()) and _is_list_item(parts[-1]):
        tail = f"{parts.pop()},{tail}"
    # '… deputy foreign ministers of Kazakhstan, Russia and Azerbaijan': a longer clause
    # whose last word is a country opens the list with it.
    if parts and _LIST_ITEM_START.match(tail.lstrip()):
        opening = _COUNTRY_CLOSING.search(parts[-1])
        if opening:
            tail = f"{opening.group(0)},{tail}"
    return tail


# A list item opens with a country or its leader, a first name before the surname: 'the
# Presidents of Armenia, Azerbaijan and Russia, Serzh Sargsyan, Ilham Aliyev and …'.
_LIST_ITEM_START = re.compile(rf"(?-i:[A-ZА-ЯЁ][\w.]+\s)?(?:{COUNTRY.pattern})", re.I)


_COUNTRY_CLOSING = re.compile(rf"(?<!\w)(?:{COUNTRY.pattern})\s*$", re.I)


def _is_list_item(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= LIST_ITEM_WORDS or bool(COUNTRY.match(part.lstrip()))


def _signing_subject(before: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """The countries of 'Moscow and Tehran have signed an ...' or 'Russia signed with Iran an
    ...' just before the document word: the subject's and the partners after the verb, and
    whether that signing verb is in the word's own clause ('Россия подписала …': its subject
    signed the document)."""
    verbs = list(_SIGNING_VERB.finditer(before))
    if not verbs or _CLAUSE_MARK.search(before, verbs[-1].end()):
        return (), (_partner(before[-NEAR_CHARS:]) if verbs else ()), False
    # 'Aliyev and Medvedev, adopted …': the comma closing an aside leaves the list whole.
    subject = list_tail(before[: verbs[-1].start()].rstrip(", "))[-SUBJECT_CHARS:]
    return countries_named(subject), _partner(before[verbs[-1].end() :]), True


def _partner(text: str) -> tuple[str, ...]:
    """The countries a signing is 'with': 'with Iran', 'с Ираном', 'İranla', 'İran ilə'."""
    return tuple(
        dict.fromkeys(
            country
            for match in _PARTNER.finditer(text)
            for country in countries_named(match.group(0))
        )
    )


def _signed_by(after: str) -> tuple[str, ...]:
    """The countries of '... подписали Азербайджан и Туркменистан', '... was signed by ...'."""
    signed = _SIGNED_BY.search(after[:AFTER_NAME_CHARS])
    return countries_named(_list_head(signed.group("signers"))) if signed else ()


# 'The document, signed by A, B and C at …, is called the …': the subject's signers, set off.
_SUBJECT_SIGNED_BY = re.compile(r",\s(?i:signed by|подписанн\w{2,3}|imzalanan)\s")


def _subject_signed_by(before: str) -> tuple[str, ...]:
    """The countries of the signers an aside on the sentence's subject names, when the
    document word comes later in that sentence."""
    tail = before[-AFTER_NAME_CHARS:]
    if not _SUBJECT_SIGNED_BY.search(tail):
        return ()
    sentence = re.split(r"[.;!?]\s", tail)[-1]
    aside = _SUBJECT_SIGNED_BY.search(sentence)
    return countries_named(_list_head(sentence[aside.end() :])) if aside else ()


def _list_head(text: str) -> str:
    """The first clause of `text` with the list it opens: 'the customs of Azerbaijan, Georgia
    and Turkey in Baku, and on ...' ends before 'and on'."""
    parts = text.split(",")
    head = parts.pop(0)
    while parts and _opens_with_signer(parts[0]):
        head = f"{head},{parts.pop(0)}"
    return head


def _opens_with_signer(part: str) -> bool:
    """'Georgia and …', 'and Turkey', 'Ilham Aliyev and …': a country or a leader, who may
    come with his first name."""
    part = re.sub(r"^\s*(?:and|и|və)\s", "", part).lstrip()
    first_name = re.match(r"^[A-ZА-ЯЁƏÜÖĞİŞÇ]\w+\s", part)
    return bool(COUNTRY.match(part) or (first_name and COUNTRY.match(part, first_name.end())))


def _with_others(
    found: tuple[str, ...], article_countries: tuple[str, ...], window: Window, name: str
) -> tuple[str, ...]:
    """A trilateral or Caspian document: the countries it names and the others the article
    does; a Caspian one has all five shores' states."""
    caspian = _CASPIAN_CONVENTION.search(name) or _CASPIAN_CONVENTION.search(window.context)
    if caspian or _CASPIAN_PARTIES.search(window.context):
        return tuple(dict.fromkeys((*found, *CASPIAN_STATES)))
    if len(found) >= 3:
        return found
    return tuple(dict.fromkeys((*found, *article_countries)))
