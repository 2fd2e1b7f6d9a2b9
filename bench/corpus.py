"""Realistic, deterministic benchmark articles (generate -> import or bulk load -> bench/run.py).

Article number i of seed s is always the same text, whatever the corpus size,
so a 10k corpus is the first 10k articles of a 100k one. Each article exists
in two forms: the clean fields the archive stores, and the raw file a news site
would have given us (banners, " date ... By ..." lines, repeated headlines,
bylines, footers, in the styles of fixtures/seeds) for the real importer.

No Django here: the bulk loader in bench/generate.py turns these into rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = 20260425
# Chosen to appear in about 0.1% of articles and nowhere else: the "rare word" query.
RARE_WORD = "ferrochrome"
RARE_RATE = 0.001
# Never generated: the "no hits" query.
ABSENT_WORD = "quetzalcoatlus"
LANGUAGE_WEIGHTS = {"en": 85, "ru": 10, "az": 5}

PEOPLE = [
    ("Ilham Aliyev", "Ильхам Алиев", "İlham Əliyev"),
    ("Vladimir Putin", "Владимир Путин", "Vladimir Putin"),
    ("Sergey Lavrov", "Сергей Лавров", "Sergey Lavrov"),
    ("Jeyhun Bayramov", "Джейхун Байрамов", "Ceyhun Bayramov"),
    ("Elmar Mammadyarov", "Эльмар Мамедъяров", "Elmar Məmmədyarov"),
    ("Shahin Mustafayev", "Шахин Мустафаев", "Şahin Mustafayev"),
    ("Alexei Overchuk", "Алексей Оверчук", "Aleksey Overçuk"),
    ("Mikayil Jabbarov", "Микаил Джаббаров", "Mikayıl Cabbarov"),
    ("Maxim Oreshkin", "Максим Орешкин", "Maksim Oreşkin"),
    ("Mehriban Aliyeva", "Мехрибан Алиева", "Mehriban Əliyeva"),
    ("Valentina Matviyenko", "Валентина Матвиенко", "Valentina Matviyenko"),
    ("Dmitry Medvedev", "Дмитрий Медведев", "Dmitri Medvedev"),
    ("Mikhail Mishustin", "Михаил Мишустин", "Mixail Mişustin"),
    ("Ali Asadov", "Али Асадов", "Əli Əsədov"),
    ("Hikmet Hajiyev", "Хикмет Гаджиев", "Hikmət Hacıyev"),
    ("Sahiba Gafarova", "Сахиба Гафарова", "Sahibə Qafarova"),
    ("Vyacheslav Volodin", "Вячеслав Володин", "Vyaçeslav Volodin"),
    ("Parviz Shahbazov", "Парвиз Шахбазов", "Pərviz Şahbazov"),
    ("Alexander Novak", "Александр Новак", "Aleksandr Novak"),
    ("Rovnag Abdullayev", "Ровнаг Абдуллаев", "Rövnəq Abdullayev"),
]
ORGANISATIONS = [
    ("SOCAR", "ГНКАР", "SOCAR"),
    ("Rosneft", "Роснефть", "Rosneft"),
    ("Lukoil", "Лукойл", "Lukoil"),
    ("Gazprom", "Газпром", "Qazprom"),
    ("Russian Railways", "РЖД", "Rusiya Dəmir Yolları"),
    ("Azerbaijan Railways", "Азербайджанские железные дороги", "Azərbaycan Dəmir Yolları"),
    ("KAMAZ", "КАМАЗ", "KAMAZ"),
    ("GAZ Group", "Группа ГАЗ", "QAZ Qrupu"),
    ("OSCE Minsk Group", "Минская группа ОБСЕ", "ATƏT-in Minsk qrupu"),
    ("Commonwealth of Independent States", "СНГ", "MDB"),
    ("Milli Majlis", "Милли Меджлис", "Milli Məclis"),
    ("State Duma", "Госдума", "Dövlət Duması"),
    ("Federation Council", "Совет Федерации", "Federasiya Şurası"),
    ("Caspian Shipping Company", "Каспийское морское пароходство", "Xəzər Dənizi Gəmiçiliyi"),
    ("State Oil Fund", "Государственный нефтяной фонд", "Dövlət Neft Fondu"),
    ("Russian Export Center", "Российский экспортный центр", "Rusiya İxrac Mərkəzi"),
]
PLACES = [
    ("Baku", "Баку", "Bakı"),
    ("Moscow", "Москва", "Moskva"),
    ("Sochi", "Сочи", "Soçi"),
    ("Ganja", "Гянджа", "Gəncə"),
    ("Sumgait", "Сумгаит", "Sumqayıt"),
    ("Derbent", "Дербент", "Dərbənd"),
    ("Makhachkala", "Махачкала", "Mahaçqala"),
    ("Astrakhan", "Астрахань", "Həştərxan"),
    ("Kazan", "Казань", "Kazan"),
    ("Saint Petersburg", "Санкт-Петербург", "Sankt-Peterburq"),
    ("Nakhchivan", "Нахчыван", "Naxçıvan"),
    ("Karabakh", "Карабах", "Qarabağ"),
    ("Shusha", "Шуша", "Şuşa"),
    ("Lankaran", "Ленкорань", "Lənkəran"),
    ("Dagestan", "Дагестан", "Dağıstan"),
    ("Yekaterinburg", "Екатеринбург", "Yekaterinburq"),
]
TOPICS = [
    ("energy", "энергетики", "energetika"),
    ("trade", "торговли", "ticarət"),
    ("transport", "транспорта", "nəqliyyat"),
    ("agriculture", "сельского хозяйства", "kənd təsərrüfatı"),
    ("education", "образования", "təhsil"),
    ("culture", "культуры", "mədəniyyət"),
    ("tourism", "туризма", "turizm"),
    ("security", "безопасности", "təhlükəsizlik"),
    ("customs", "таможенного дела", "gömrük"),
    ("digitalization", "цифровизации", "rəqəmsallaşma"),
    ("healthcare", "здравоохранения", "səhiyyə"),
    ("sports", "спорта", "idman"),
    ("migration", "миграции", "miqrasiya"),
    ("investment", "инвестиций", "investisiya"),
    ("pensions", "пенсионного обеспечения", "pensiya təminatı"),
    ("space research", "космических исследований", "kosmik tədqiqatlar"),
    ("humanitarian ties", "гуманитарных связей", "humanitar əlaqələr"),
    ("military-technical cooperation", "военно-технического сотрудничества", "hərbi-texniki"),
]
EVENTS = [
    "Russia-Azerbaijan Interregional Forum",
    "Intergovernmental Commission meeting",
    "Caspian Summit",
    "Baku Energy Week",
    "St. Petersburg International Economic Forum",
    "Baku Global Forum",
]
# (kind, English wording, Russian wording, Azerbaijani wording); {f} is the field.
AGREEMENT_FORMS = [
    (
        "memorandum",
        "Memorandum of Understanding on cooperation in the field of {f}",
        "Меморандум о взаимопонимании в области {f}",
        "{f} sahəsində əməkdaşlıq haqqında Memorandum",
    ),
    (
        "declaration",
        "Joint Declaration on strategic partnership in {f}",
        "Совместная декларация о стратегическом партнерстве в сфере {f}",
        "{f} sahəsində strateji tərəfdaşlıq haqqında Birgə Bəyannamə",
    ),
    (
        "road_map",
        "Road map on {f} for {y}-{y3}",
        "Дорожная карта в области {f} на {y}-{y3} годы",
        "{y}-{y3}-cü illər üçün {f} üzrə Yol xəritəsi",
    ),
    (
        "action_plan",
        "Action Plan on the development of {f} until {y3}",
        "План действий по развитию {f} до {y3} года",
        "{y3}-cü ilədək {f} sahəsinin inkişafı üzrə Fəaliyyət Planı",
    ),
    (
        "protocol",
        "Protocol on cooperation in {f}",
        "Протокол о сотрудничестве в области {f}",
        "{f} sahəsində əməkdaşlıq haqqında Protokol",
    ),
    (
        "agreement",
        "Intergovernmental Agreement on {f}",
        "Межправительственное соглашение в области {f}",
        "{f} sahəsində Hökumətlərarası Saziş",
    ),
    (
        "programme",
        "Programme of cooperation in {f} for {y}-{y3}",
        "Программа сотрудничества в области {f} на {y}-{y3} годы",
        "{y}-{y3}-cü illər üçün {f} sahəsində əməkdaşlıq Proqramı",
    ),
]
ALLIED_DECLARATION = (
    "declaration",
    'Declaration on "Allied Interaction between the Republic of Azerbaijan '
    'and the Russian Federation"',
    "Декларация о союзническом взаимодействии между Азербайджанской Республикой "
    "и Российской Федерацией",
    "Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
    "müttəfiqlik qarşılıqlı əlaqələri haqqında Bəyannamə",
)
REPORTERS = [
    "Rufik Ismayilov",
    "Aynur Karimova",
    "Elmira Tariverdiyeva",
    "Nigar Abbasova",
    "Leman Zeynalova",
    "Ilkin Ahmadov",
    "Sabina Mammadli",
    "Anna Petrova",
    "Dmitry Sokolov",
    "Kamran Huseynov",
    "Farid Akhundov",
    "Olga Ivanova",
]
# Page furniture after the text, as the seeds' sites print it.
FOOTERS = [
    "---\n\nFollow us on Twitter @AzerNewsAz",
    "News feed\n\nExchange Rates\n\nUSD 1 1.7\nEUR 1 1.8968\nRUB 100 2.1937",
    "Share on Facebook\nShare on Twitter\nPrint",
    "All rights reserved. Reproduction without a hyperlink is prohibited.",
]

EN_LEDES = [
    "{P} and {P2} discussed cooperation in {T} between Azerbaijan and Russia at a meeting "
    "in {L}, {S} reports.",
    "Azerbaijan and Russia will expand cooperation in {T}, {P} told {S} in {L}.",
    "The development of cooperation between Russia and Azerbaijan in {T} was the main subject "
    "of talks held in {L} by {P} and {P2}.",
    "Russia remains one of Azerbaijan's key partners in {T}, and cooperation between the two "
    "countries keeps growing, {P} said in {L}.",
    "Representatives of {O} and the government of Azerbaijan met in {L} to review cooperation "
    "with Russia in {T}.",
]
EN_LEDES_WITHOUT_COMMON_WORDS = ["{P} met {P2} in {L} to talk about {T} and the {E}."]
EN_SUBJECTS = [
    "The sides",
    "{P}",
    "The minister",
    "Experts",
    "The delegation from {L}",
    "Representatives of {O}",
    "Business circles in {L}",
    "The analyst",
    "{O}",
    "Officials in {L}",
    "The deputy prime minister",
    "Observers",
]
EN_VERBS = [
    "noted",
    "stressed",
    "emphasized",
    "recalled",
    "said",
    "added",
    "pointed out",
    "believes",
    "reported",
    "confirmed",
    "expects",
    "announced",
]
EN_ADJECTIVES = [
    "mutually beneficial",
    "strategic",
    "long-term",
    "bilateral",
    "joint",
    "regional",
    "large-scale",
    "promising",
    "sustainable",
    "new",
    "cross-border",
    "practical",
]
EN_NOUNS = [
    "projects",
    "investments",
    "supplies",
    "exports",
    "trade turnover",
    "contacts",
    "ties",
    "initiatives",
    "programmes",
    "consultations",
    "deliveries",
    "partnerships",
    "shipments",
    "ventures",
    "exchanges",
    "talks",
]
EN_GROWTH = [
    "grew",
    "increased",
    "expanded",
    "doubled",
    "strengthened",
    "developed",
    "will be launched",
    "are under way",
    "were discussed",
    "remain a priority",
]
EN_TAILS = [
    "by {N} percent in {Y}",
    "over the past {n} years",
    "in the first quarter of {Y}",
    "within the framework of the {E}",
    "along the North-South transport corridor",
    "with the participation of {O}",
    "in the Caspian region",
    "in {L} and {L2}",
    "at the meeting of the intergovernmental commission",
    "despite global uncertainty",
    "according to the State Customs Committee",
    "under the agreements signed in {Y}",
    "in the field of {T}",
    "as part of the road map until {Y}",
    "to {N} million dollars",
]
EN_QUOTES = [
    '"We are ready to develop {A} {B} in {T}," {P} said.',
    '"{Y} will be an important year for our {B}," {P} noted.',
    '"The potential of {A} {B} is far from exhausted," {P} told {S}.',
]
EN_SUBHEADINGS = [
    "Energy infrastructure",
    "Trade turnover",
    "Transport corridor",
    "Investment climate",
    "Humanitarian ties",
    "Regional security",
    "New projects",
    "Customs cooperation",
]
EN_TITLES = [
    "{P} and {P2} discuss {T} in {L}",
    "Azerbaijan, Russia sign {K} on {T}",
    "{E} opens in {L}",
    "Trade turnover between Azerbaijan and Russia grows by {N}%",
    "{O} to expand {T} projects in {L}",
    "Russia, Azerbaijan eye new steps in {T}",
    "{P}: cooperation with Russia in {T} is a priority",
    "Baku and Moscow review {T} ties",
]
RU_LEDES = [
    "Азербайджан и Россия расширяют сотрудничество в сфере {T}, сообщил {P} в городе {L}.",
    "{P} и {P2} обсудили сотрудничество России и Азербайджана в области {T}.",
    "Россия остается одним из ключевых партнеров Азербайджана в сфере {T}, заявил {P}.",
]
RU_SENTENCES = [
    "По словам {P}, {A} проекты в сфере {T} {G} {R}.",
    "Стороны отметили, что товарооборот {G} {R}.",
    "{P} подчеркнул важность {A} проектов с участием {O}.",
    "Как сообщил {P}, в {Y} году {A} связи в области {T} {G}.",
    "Эксперты считают, что транспортный коридор Север-Юг {G} {R}.",
    "Представители {O} провели переговоры в городе {L}.",
    "Межправительственная комиссия рассмотрела вопросы {T} и {T2}.",
]
RU_ADJECTIVES = ["взаимовыгодные", "стратегические", "совместные", "новые", "региональные"]
RU_GROWTH = ["выросли", "укрепились", "развиваются", "расширились", "получили новый импульс"]
RU_TAILS = [
    "на {N} процентов в {Y} году",
    "за последние {n} лет",
    "в первом квартале {Y} года",
    "в Каспийском регионе",
    "в рамках работы межправительственной комиссии",
]
RU_TITLES = [
    "Азербайджан и Россия обсудили вопросы {T}",
    "{P} и {P2} провели переговоры в городе {L}",
    "Товарооборот между Россией и Азербайджаном вырос на {N}%",
]
AZ_LEDES = [
    "Azərbaycan və Rusiya {T} sahəsində əməkdaşlığı genişləndirir, {P} {L} şəhərində bildirib.",
    "{P} və {P2} Azərbaycan ilə Rusiya arasında {T} sahəsində əməkdaşlığı müzakirə ediblər.",
]
AZ_SENTENCES = [
    "{P} qeyd edib ki, {T} sahəsində {A} layihələr {R} {G}.",
    "Tərəflər ticarət dövriyyəsinin {R} {G} bildiriblər.",
    "{O} nümayəndələri {L} şəhərində danışıqlar aparıblar.",
    "Şimal-Cənub nəqliyyat dəhlizi üzrə {A} layihələr {R} {G}.",
    "Hökumətlərarası komissiya {T} və {T2} məsələlərini nəzərdən keçirib.",
]
AZ_ADJECTIVES = ["qarşılıqlı faydalı", "strateji", "birgə", "yeni", "regional"]
AZ_GROWTH = ["artıb", "genişlənib", "möhkəmlənib", "inkişaf edir"]
AZ_TAILS = [
    "{Y}-ci ildə {N} faiz",
    "son {n} ildə",
    "Xəzər regionunda",
    "{Y}-ci ilin birinci rübündə",
]
AZ_TITLES = [
    "Azərbaycan və Rusiya {T} sahəsində əməkdaşlığı müzakirə edib",
    "{P} və {P2} {L} şəhərində görüşüb",
]
RU_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
AZ_MONTHS = "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr"
EN_MONTHS = "January February March April May June July August September October November December"

LANGUAGE_COLUMN = {"en": 0, "ru": 1, "az": 2}
SOURCES_BY_LANGUAGE = {
    "en": [
        "Trend",
        "AzerNews",
        "Kaspi",
        "APA",
        "Report",
        "News.az",
        "Day.Az",
        "Caliber",
        "Turan",
        "TASS",
        "Interfax",
        "Vestnik Kavkaza",
    ],
    "ru": ["TASS", "RIA Novosti", "Interfax", "Vestnik Kavkaza", "Sputnik Azerbaijan", "Day.Az"],
    "az": ["Azertac", "Oxu.az", "APA", "Report", "Trend"],
}
FIRST_YEAR, LAST_DAY = 1995, dt.date(2026, 10, 31)
PRECISION_WEIGHTS = {"day": 85, "month": 6, "year": 4, "unknown": 5}


@dataclass(frozen=True)
class GeneratedArticle:
    """One article in both forms: the fields the archive stores and the raw file."""

    number: int
    title: str
    is_title_derived: bool
    source: str | None
    published_on: dt.date | None
    date_precision: str
    byline: str
    language: str
    body: str
    raw: str
    encoding: str
    tags: tuple[tuple[str, str], ...]
    # (index into agreements(), sentence naming it, signed rather than planned)
    mentions: tuple[tuple[int, str, bool], ...] = field(default=())

    @property
    def original(self) -> bytes:
        return self.raw.encode(self.encoding)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.original).hexdigest()


@dataclass(frozen=True)
class AgreementSpec:
    name: str
    kind: str
    language: str
    signed_on: dt.date | None


@cache
def agreements() -> tuple[AgreementSpec, ...]:
    """Every agreement the corpus can mention, in each language's own wording."""
    specs = []
    for language, column in LANGUAGE_COLUMN.items():
        kind, *wordings = ALLIED_DECLARATION
        specs.append(AgreementSpec(wordings[column], kind, language, dt.date(2022, 2, 22)))
        for index, (kind, *forms) in enumerate(AGREEMENT_FORMS):
            for number, topic in enumerate(TOPICS):
                year = 2000 + (index * 7 + number * 3) % 24
                name = forms[column].format(f=topic[column], y=year, y3=year + 3)
                specs.append(
                    AgreementSpec(name, kind, language, dt.date(year, 1 + number % 12, 10))
                )
    return tuple(specs)


@cache
def agreement_indexes_by_language() -> dict[str, list[int]]:
    by_language: dict[str, list[int]] = {language: [] for language in LANGUAGE_COLUMN}
    for index, spec in enumerate(agreements()):
        by_language[spec.language].append(index)
    return by_language


@cache
def gazetteer_names() -> dict[str, list[str]]:
    """Extra people, organisations and places from fixtures/gazetteer.json when it exists."""
    path = ROOT / "fixtures" / "gazetteer.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for kind, entries in data.items() if isinstance(data, dict) else ():
        if isinstance(entries, list):
            names = [e.get("name") if isinstance(e, dict) else e for e in entries]
            found[kind] = sorted({n for n in names if isinstance(n, str) and n.strip()})
    return found


@cache
def entity_lists() -> dict[str, list[tuple[str, str, str]]]:
    """People, organisations and places: ours, plus the gazetteer's (named alike in all three)."""
    lists = {"person": list(PEOPLE), "organisation": list(ORGANISATIONS), "place": list(PLACES)}
    for key, names in gazetteer_names().items():
        kind = next((k for k in ("person", "organisation", "place") if k[:5] in key.lower()), None)
        if kind is None and "people" in key.lower():
            kind = "person"
        if kind is not None:
            known = {entry[0] for entry in lists[kind]}
            lists[kind] += [(name, name, name) for name in names if name not in known]
    return lists


class _Cast:
    """The people, places and subjects one article is about, named in its language."""

    def __init__(self, rng: random.Random, language: str) -> None:
        column = LANGUAGE_COLUMN[language]
        lists = entity_lists()
        self.people = rng.sample(lists["person"][:40], 2)
        self.organisation = rng.choice(lists["organisation"][:30])
        self.places = rng.sample(PLACES, 2)
        self.topics = rng.sample(TOPICS, 2)
        self.event = rng.choice(EVENTS)
        self.slots = {
            "P": self.people[0][column],
            "P2": self.people[1][column],
            "O": self.organisation[column],
            "L": self.places[0][column],
            "L2": self.places[1][column],
            "T": self.topics[0][column],
            "T2": self.topics[1][column],
            "E": self.event,
            "N": rng.randint(2, 95),
            "n": rng.randint(2, 30),
            "Y": rng.randint(1995, 2026),
        }

    def tags(self) -> tuple[tuple[str, str], ...]:
        chosen = [(p[0], "person") for p in self.people]
        chosen += [(self.organisation[0], "organisation"), (self.places[0][0], "place")]
        chosen += [(self.topics[0][0], "topic"), (self.event, "event")]
        return tuple(chosen)


def _slots(rng: random.Random, language: str) -> dict[str, object]:
    column = LANGUAGE_COLUMN[language]
    return {
        "P": rng.choice(PEOPLE)[column],
        "P2": rng.choice(PEOPLE)[column],
        "O": rng.choice(ORGANISATIONS)[column],
        "L": rng.choice(PLACES)[column],
        "L2": rng.choice(PLACES)[column],
        "T": rng.choice(TOPICS)[column],
        "T2": rng.choice(TOPICS)[column],
        "E": rng.choice(EVENTS),
        "S": rng.choice(REPORTERS),
        "N": rng.randint(2, 95),
        "n": rng.randint(2, 30),
        "Y": rng.randint(1995, 2026),
    }


def _english_sentence(rng: random.Random) -> str:
    slots = _slots(rng, "en")
    if rng.random() < 0.15:
        template = rng.choice(EN_QUOTES)
        slots |= {"A": rng.choice(EN_ADJECTIVES), "B": rng.choice(EN_NOUNS)}
        return template.format(**slots)
    template = (
        f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} that {rng.choice(EN_ADJECTIVES)} "
        f"{rng.choice(EN_NOUNS)} {rng.choice(EN_GROWTH)} {rng.choice(EN_TAILS)}."
    )
    sentence = template.format(**slots)
    return sentence[0].upper() + sentence[1:]


def _other_sentence(rng: random.Random, language: str) -> str:
    sentences, adjectives, growth, tails = {
        "ru": (RU_SENTENCES, RU_ADJECTIVES, RU_GROWTH, RU_TAILS),
        "az": (AZ_SENTENCES, AZ_ADJECTIVES, AZ_GROWTH, AZ_TAILS),
    }[language]
    slots = _slots(rng, language)
    slots |= {"A": rng.choice(adjectives), "G": rng.choice(growth)}
    slots["R"] = rng.choice(tails).format(**slots)
    return rng.choice(sentences).format(**slots)


@cache
def sentence_pool(language: str, seed: int) -> tuple[str, ...]:
    """A fixed pool of body sentences per language; articles draw from it cheaply."""
    rng = random.Random(f"{seed}:{language}")
    size = {"en": 40_000, "ru": 8_000, "az": 4_000}[language]
    if language == "en":
        return tuple(_english_sentence(rng) for _ in range(size))
    return tuple(_other_sentence(rng, language) for _ in range(size))


def _published(rng: random.Random) -> tuple[dt.date | None, str]:
    """A date over 1995-2026, more of them recent, sometimes only a month or year, or none."""
    precision = rng.choices(list(PRECISION_WEIGHTS), weights=PRECISION_WEIGHTS.values())[0]
    if precision == "unknown":
        return None, precision
    years = range(FIRST_YEAR, LAST_DAY.year + 1)
    year = rng.choices(years, weights=[1 + y - FIRST_YEAR for y in years])[0]
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(366))
    day = min(day if day.year == year else dt.date(year, 12, 31), LAST_DAY)
    if precision == "month":
        return day.replace(day=1), precision
    if precision == "year":
        return day.replace(month=1, day=1), precision
    return day, precision


def _written_date(published: dt.date | None, precision: str, language: str) -> str:
    if published is None:
        return ""
    months = {"en": EN_MONTHS, "ru": RU_MONTHS, "az": AZ_MONTHS}[language].split()
    month = months[published.month - 1]
    if language == "en" and precision == "month":
        month = month.capitalize()
    if precision == "year":
        return {
            "en": f"{published.year}",
            "ru": f"{published.year} г.",
            "az": f"{published.year}-ci il",
        }[language]
    if precision == "month":
        return f"{month} {published.year}"
    return f"{published.day} {month} {published.year}"


def _paragraphs(
    rng: random.Random, cast: _Cast, language: str, seed: int, source: str
) -> list[str]:
    """The lede, then body paragraphs drawn from the pool; a few with the rare word."""
    if language == "en":
        common = rng.random() < 0.97
        ledes = EN_LEDES if common else EN_LEDES_WITHOUT_COMMON_WORDS
    else:
        ledes = RU_LEDES if language == "ru" else AZ_LEDES
    slots = cast.slots | {"S": source}
    paragraphs = [rng.choice(ledes).format(**slots)]
    pool = sentence_pool(language, seed)
    count = rng.randint(6, 11) if language == "en" else rng.randint(5, 9)
    for _ in range(count):
        paragraphs.append(" ".join(rng.choices(pool, k=rng.randint(2, 4))))
    if rng.random() < RARE_RATE:
        where = rng.randrange(1, len(paragraphs))
        paragraphs[where] += f" Exports of {RARE_WORD} from {cast.slots['L']} were also discussed."
    return paragraphs


def _mentions(rng: random.Random, language: str) -> list[tuple[int, str, bool]]:
    if rng.random() >= 0.3:
        return []
    chosen = rng.sample(agreement_indexes_by_language()[language], rng.choice((1, 1, 2)))
    found = []
    for index in chosen:
        name, is_signed = agreements()[index].name, rng.random() < 0.8
        sentence = {
            "en": f"The parties {'signed' if is_signed else 'plan to sign'} the {name}.",
            "ru": f"Стороны {'подписали' if is_signed else 'планируют подписать'}: {name}.",
            "az": f"Tərəflər {name} {'imzalayıblar' if is_signed else 'imzalamağı planlaşdırır'}.",
        }[language]
        found.append((index, sentence, is_signed))
    return found


def _subheaded(rng: random.Random, paragraphs: list[str], language: str) -> list[str]:
    """Clean blocks: some English articles carry one or two "## " subheadings."""
    if language != "en" or rng.random() >= 0.3 or len(paragraphs) < 5:
        return paragraphs
    blocks = list(paragraphs)
    for heading in rng.sample(EN_SUBHEADINGS, rng.choice((1, 2))):
        blocks.insert(rng.randrange(2, len(blocks)), f"## {heading}")
    return blocks


SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "that"}
    | {"the", "to", "with"}
)


def _derived_title(lede: str) -> str:
    """What the parser makes of a headline-less page: the first sentence, cut on a word."""
    sentence = re.split(r"(?<=[.!?])\s", lede, maxsplit=1)[0].rstrip(".")
    if len(sentence) <= 90:
        return sentence
    words = sentence[:91].rsplit(" ", 1)[0].split(" ")
    while len(words) > 3 and words[-1].lower() in SMALL_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def _headline(rng: random.Random, cast: _Cast, language: str) -> str:
    titles = {"en": EN_TITLES, "ru": RU_TITLES, "az": AZ_TITLES}[language]
    kind = rng.choice(("memorandum", "road map", "declaration", "agreement", "action plan"))
    return rng.choice(titles).format(**cast.slots, K=kind)


def _raw_style(rng: random.Random, language: str, precision: str) -> str:
    if language != "en":
        return "headline"
    if precision == "day":
        return rng.choice(("date_by", "date_inline", "banner", "headline", "headline"))
    if precision == "unknown":
        return rng.choice(("plain", "banner", "headline"))
    return rng.choice(("banner", "headline"))


def _raw_text(style: str, fields: dict, blocks: list[str]) -> str:
    """The page as the site gave it: furniture around the text, subheadings as bare lines."""
    text = "\n\n".join(block.removeprefix("## ") for block in blocks)
    source, written, title = fields["source"], fields["written"], fields["title"]
    byline = f"By {fields['byline']}\n\n" if fields["byline"] else ""
    if style == "date_by":
        return f" date {fields['iso']} By {source}\n\n{text}\n\n{fields['footer']}\n"
    if style == "date_inline":
        return f" date {fields['iso']} {text}\n"
    if style == "plain":
        return f"{text}\n"
    if style == "banner":
        dated = f"{written}\n\n" if written else ""
        closing = f"\n{fields['byline']}" if fields["byline"] else ""
        banner = f'"{source}" publications\n\n{title}\n\n{dated}{title}\n'
        return f"{banner}{text}{closing}\n\n\n\n{fields['footer']}\n"
    credit = {"en": "Source", "ru": "Источник", "az": "Mənbə"}[fields["language"]]
    dated = f"{written}\n\n" if written else ""
    return f"{title}\n\n{dated}{byline}{text}\n\n{credit}: {source}\n"


def article(number: int, seed: int = DEFAULT_SEED) -> GeneratedArticle:
    """Article `number` of the corpus for `seed`: the same text every time."""
    rng = random.Random(seed * 1_000_003 + number)
    language = rng.choices(list(LANGUAGE_WEIGHTS), weights=LANGUAGE_WEIGHTS.values())[0]
    source = rng.choice(SOURCES_BY_LANGUAGE[language])
    cast = _Cast(rng, language)
    published, precision = _published(rng)
    mentions = _mentions(rng, language)
    paragraphs = _paragraphs(rng, cast, language, seed, source)
    paragraphs[1:1] = [sentence for _, sentence, _ in mentions]
    blocks = _subheaded(rng, paragraphs, language)
    style = _raw_style(rng, language, precision)
    is_title_derived = style in ("date_by", "date_inline", "plain")
    if style in ("date_inline", "plain") and source not in blocks[0]:
        source = None  # nothing on such a page says where it came from
    title = _derived_title(blocks[0]) if is_title_derived else _headline(rng, cast, language)
    byline = rng.choice(REPORTERS) if style in ("banner", "headline") and rng.random() < 0.4 else ""
    fields = {
        "source": source,
        "title": title,
        "byline": byline,
        "language": language,
        "written": _written_date(published, precision, language),
        "iso": published.isoformat() if published else "",
        "footer": rng.choice(FOOTERS),
    }
    encoding = "cp1251" if language == "ru" and rng.random() < 0.2 else "utf-8"
    return GeneratedArticle(
        number=number,
        title=title,
        is_title_derived=is_title_derived,
        source=source,
        published_on=published,
        date_precision=precision,
        byline=byline,
        language=language,
        body="\n\n".join(blocks),
        raw=_raw_text(style, fields, blocks),
        encoding=encoding,
        tags=cast.tags(),
        mentions=tuple(mentions),
    )
