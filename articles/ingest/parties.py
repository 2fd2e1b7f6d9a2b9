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

from articles.ingest.sentences import Window

BILATERAL = ("Azerbaijan", "Russia")
SUBJECT_CHARS = 120

BETWEEN = re.compile(r"(?i:\b(?:between|между)\s+(?P<parties>.+))$")
PARTY_END = re.compile(
    r"\s(?i:on|for the period|in the field|in the sphere|until|regarding"
    r"|о|об|в области|по|на период)\s"
)
_SIGNING_VERB = re.compile(r"(?i:\bsigned\b|подписали|imzalayıb\w{0,3})")
_CLAUSE_MARK = re.compile(r"[,;.]")
ORGANISATION_WORD = re.compile(
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
COUNTRY = re.compile(
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


def countries_named(text: str) -> tuple[str, ...]:
    """The countries `text` names, in order, each once."""
    named: list[str] = []
    for match in COUNTRY.finditer(text):
        country = _COUNTRIES[int(match.lastgroup[1:])][0]
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


def signatories(
    name: str, named_parties: tuple[str, ...], window: Window, article_countries: tuple[str, ...]
) -> tuple[str, ...]:
    """Who signed: named in the document's name, as the sentence's signing subject, or the
    countries around it; more than two when the text says there were more sides.

    `named_parties` are those the name's reading found ("between ..."), and
    `article_countries` those the whole article names, Azerbaijan and Russia first.
    """
    several = _SEVERAL_PARTIES.search(window.context)
    for found in (
        countries_named(name),
        named_parties,
        countries_named(window.before[-40:].split(",")[-1]),
        _signing_subject(window.before[-200:]),
    ):
        if len(found) >= 2:
            if several:
                return _with_others(found, article_countries)
            nearby = countries_named(window.before[-200:])
            return tuple(dict.fromkeys((*found, *(c for c in nearby if c in BILATERAL))))
    if several:
        return _with_others(countries_named(window.context), article_countries)
    around = countries_named(window.context)
    if "Azerbaijan" in around and "Russia" in around:
        return ("Azerbaijan", "Russia")
    return named_parties


def _signing_subject(before: str) -> tuple[str, ...]:
    """The countries of 'Moscow and Tehran have signed an ...' just before the document word."""
    verbs = list(_SIGNING_VERB.finditer(before))
    if not verbs or _CLAUSE_MARK.search(before, verbs[-1].end()):
        return ()
    subject = _CLAUSE_MARK.split(before[: verbs[-1].start()])[-1][-SUBJECT_CHARS:]
    return countries_named(subject)


def _with_others(found: tuple[str, ...], article_countries: tuple[str, ...]) -> tuple[str, ...]:
    """A trilateral or Caspian document: the countries it names and the others the article does."""
    if len(found) >= 3:
        return found
    return tuple(dict.fromkeys((*found, *article_countries)))
