"""The register of known documents: loading it, matching mentions to it, closest stored keys."""

import datetime as dt

import pytest

from articles.ingest.document import AgreementKind
from articles.ingest.extract import extract_agreements
from articles.ingest.parse import parse
from articles.ingest.register import Register, closest_key, file_entries, load_register

REQUIRED = {
    "treaty-friendship-cooperation-mutual-security-1997": ("Moscow", "1997-07-03"),
    "baku-declaration-2001": ("Baku", "2001-01-09"),
    "joint-statement-caspian-cooperation-2001": ("Baku", "2001-01-09"),
    "gabala-radar-agreement-2002": ("Moscow", "2002-01-25"),
    "caspian-seabed-delimitation-agreement-2002": ("Moscow", "2002-09-23"),
    "moscow-declaration-2004": ("Moscow", "2004-02-06"),
    "declaration-friendship-strategic-partnership-2008": ("Baku", "2008-07-03"),
    "state-border-treaty-2010": ("Baku", "2010-09-03"),
    "samur-river-agreement-2010": ("Baku", "2010-09-03"),
    "declaration-allied-interaction-2022": ("Moscow", "2022-02-22"),
    "visa-free-travel-agreement-1997": ("Moscow", "1997-07-03"),
    "production-cooperation-agreement-2002": ("Moscow", "2002-01-25"),
    "joint-statement-presidents-2006": ("Baku", "2006-02-22"),
}


@pytest.fixture(scope="module")
def register():
    return load_register()


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_holds_the_place_and_date_of_signing_when_the_document_is_well_known(register, key):
    entry = register.entry(key)
    place, date = REQUIRED[key]
    assert (entry.signed_place, entry.signed_on) == (place, dt.date.fromisoformat(date))
    assert entry.name and entry.name_ru and entry.name_az


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (AgreementKind.DECLARATION, "Declaration on Allied Interaction"),
        (AgreementKind.DECLARATION, "Декларацией о союзническом взаимодействии"),
        (AgreementKind.DECLARATION, "MÜTTƏFİQLİK QARŞILIQLI FƏALİYYƏTİ HAQQINDA BƏYANNAMƏ"),
    ],
)
def test_matches_every_language_and_casing_when_the_name_is_the_registers(register, kind, name):
    assert register.key_for(kind, name) == "declaration-allied-interaction-2022"


def test_matches_nothing_when_two_entries_fit_equally(register):
    assert register.key_for(AgreementKind.JOINT_STATEMENT, "Joint statement") is None


def test_matches_nothing_when_the_year_of_signing_differs(register):
    assert register.key_for(AgreementKind.DECLARATION, "Baku Declaration", year=2016) is None


def test_matches_nothing_when_a_third_country_signed(register):
    key = register.key_for(AgreementKind.DECLARATION, "Baku Declaration", parties=["Iran"])
    assert key is None


def test_matches_nothing_when_only_a_common_word_is_shared(register):
    assert (
        register.key_for(AgreementKind.AGREEMENT, "Agreement on cooperation in transport") is None
    )


def test_reads_rows_when_built_from_database_shaped_dicts():
    row = {
        "key": "x-2020",
        "kind": "memorandum",
        "name": "Memorandum on pensions",
        "name_ru": None,
        "name_az": "",
        "aliases": [],
        "signed_on": dt.date(2020, 1, 2),
        "signed_place": "Baku",
        "parties": "Azerbaijan, Russia",
    }
    register = Register.from_entries([row])
    assert register.key_for(AgreementKind.MEMORANDUM, "memorandum on pensions") == "x-2020"
    assert register.entry("x-2020").parties == ("Azerbaijan", "Russia")


def test_finds_the_stored_key_when_a_word_is_inflected_differently():
    existing = ["memorandum:education-higher", "protocol:customs"]
    assert closest_key("memorandum:educat-higher", existing) == "memorandum:education-higher"


def test_finds_no_stored_key_when_the_kinds_differ():
    assert closest_key("memorandum:customs", ["protocol:customs"]) is None


def test_finds_no_stored_key_when_only_some_words_are_shared():
    assert closest_key("memorandum:education-pension", ["memorandum:education-tourism"]) is None


# Mentions as articles write them: short forms and case endings in the three languages.
REGISTER_MENTIONS = [
    (
        "Стороны сослались на Договор о дружбе 1997 года.",
        "treaty-friendship-cooperation-mutual-security-1997",
    ),
    (
        "Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında Müqavilənin 25 illiyidir.",
        "treaty-friendship-cooperation-mutual-security-1997",
    ),
    ("В Бакинской декларации закреплены принципы сотрудничества.", "baku-declaration-2001"),
    ("Bakı Bəyannaməsində Xəzər məsələsinə toxunulub.", "baku-declaration-2001"),
    ("Московской декларацией 2004 года стороны подтвердили курс.", "moscow-declaration-2004"),
    ("2004-cü il Moskva Bəyannaməsinə əsasən əməkdaşlıq genişlənib.", "moscow-declaration-2004"),
    ("Договора о государственной границе исполнилось десять лет.", "state-border-treaty-2010"),
    (
        "Dövlət sərhədi haqqında Müqaviləyə əsasən delimitasiya başa çatıb.",
        "state-border-treaty-2010",
    ),
    ("The border treaty of 2010 closed the question.", "state-border-treaty-2010"),
    ("Samur çayı üzrə Sazişin icrası müzakirə edilib.", "samur-river-agreement-2010"),
    (
        "Согласно Декларации о союзническом взаимодействии стороны консультируются.",
        "declaration-allied-interaction-2022",
    ),
    (
        "Müttəfiqlik haqqında Bəyannamənin icrası müzakirə olunub.",
        "declaration-allied-interaction-2022",
    ),
    ("Союзнической декларации исполнилось два года.", "declaration-allied-interaction-2022"),
    (
        "Diplomatik münasibətlərin qurulması haqqında Protokolun 30 illiyi qeyd olunub.",
        "protocol-diplomatic-relations-1992",
    ),
    (
        "Xəzər dənizinin dibinin bölgüsü haqqında Sazişə əsasən sərhəd müəyyənləşib.",
        "caspian-seabed-delimitation-agreement-2002",
    ),
    (
        "The joint statement on cooperation in the Caspian Sea set out the sides' approach.",
        "joint-statement-caspian-cooperation-2001",
    ),
    (
        "Совместное заявление о принципах сотрудничества на Каспийском море стало основой.",
        "joint-statement-caspian-cooperation-2001",
    ),
    (
        "Xəzər dənizində əməkdaşlığın prinsipləri haqqında Birgə Bəyanat əsas oldu.",
        "joint-statement-caspian-cooperation-2001",
    ),
    (
        "The agreement on the status of the Gabala radar station expires this year.",
        "gabala-radar-agreement-2002",
    ),
    (
        "Срок действия Соглашения о статусе Габалинской РЛС истекает.",
        "gabala-radar-agreement-2002",
    ),
    (
        "Qəbələ radiolokasiya stansiyasının statusu haqqında Sazişin müddəti başa çatır.",
        "gabala-radar-agreement-2002",
    ),
    # Russian may put the year between the word and the name.
    (
        "Станцию арендовали по соглашению 2002 года о статусе Габалинской РЛС.",
        "gabala-radar-agreement-2002",
    ),
    ("Договор о госгранице ратифицирован обеими сторонами.", "state-border-treaty-2010"),
    (
        "The agreement on visa-free travel keeps the border open to both countries' citizens.",
        "visa-free-travel-agreement-1997",
    ),
    (
        "Соглашением о безвизовых поездках граждан пользуются миллионы людей.",
        "visa-free-travel-agreement-1997",
    ),
    ("Vizasız səfərlər haqqında Sazişin şərtləri dəyişməyib.", "visa-free-travel-agreement-1997"),
    (
        "The agreement on production cooperation was extended for three more years.",
        "production-cooperation-agreement-2002",
    ),
    (
        "По соглашению о производственной кооперации заводы обмениваются деталями.",
        "production-cooperation-agreement-2002",
    ),
    (
        "İstehsal kooperasiyası haqqında Sazişin müddəti uzadılıb.",
        "production-cooperation-agreement-2002",
    ),
]


@pytest.mark.parametrize(("sentence", "key"), REGISTER_MENTIONS)
def test_maps_a_mention_to_its_entry_when_written_short_or_inflected(register, sentence, key):
    (mention,) = extract_agreements(parse(sentence), register)
    assert mention.register_key == key


@pytest.mark.parametrize(
    "sentence",
    [
        "The sides recalled the 1997 treaty that founded their relations.",
        "Tərəflər 1997-ci il müqaviləsini xatırladılar.",
    ],
)
def test_maps_a_bare_treaty_to_the_one_treaty_when_agreements_share_its_day(register, sentence):
    # The visa-free travel agreement was signed on the day of the 1997 treaty.
    (mention,) = extract_agreements(parse(sentence), register)
    assert mention.register_key == "treaty-friendship-cooperation-mutual-security-1997"


def test_maps_no_entry_to_a_bare_agreement_when_two_were_signed_that_year(register):
    key = register.key_for(AgreementKind.AGREEMENT, "agreement", year=1997)
    assert key is None


def test_maps_no_entry_when_a_trilateral_summit_signs_a_declaration_of_the_same_name(register):
    sentence = (
        "Azərbaycan Respublikası, İran İslam Respublikası və Rusiya Federasiyası dövlət "
        "başçılarının Bakı Bəyannaməsini imzalayıblar."
    )
    mentions = extract_agreements(parse(sentence), register)
    assert all(mention.register_key != "baku-declaration-2001" for mention in mentions)


def test_maps_no_entry_signed_after_the_article_was_written(register):
    # A 1997 text's joint statement on the Caspian is not the one signed in 2001.
    article = parse(
        "Caspian\n\n3 July 1997\n\nThe presidents signed a joint statement on cooperation "
        "in the Caspian Sea."
    )
    mentions = extract_agreements(article, register)
    assert all(m.register_key != "joint-statement-caspian-cooperation-2001" for m in mentions)


def test_maps_no_entry_by_words_every_agreement_may_hold(register):
    # 'The basic conditions of cooperation' shares only generic words with the Gabala
    # agreement's 'status, principles and conditions of use'.
    sentence = (
        "Mərasimdə SOCAR ilə Rosneft arasında əməkdaşlığın əsas şərtləri haqqında Saziş imzalanıb."
    )
    mentions = extract_agreements(parse(sentence), register)
    assert all(m.register_key != "gabala-radar-agreement-2002" for m in mentions)


# How each language mentions a document with the year it was signed in.
_WITH_YEAR = {
    "name": "The sides recalled the {name} of {year}.",
    "name_ru": "Стороны вновь обсудили {name} {year} года.",
    "name_az": "Tərəflər {year}-ci il {name} müzakirə ediblər.",
}


@pytest.mark.parametrize("field", sorted(_WITH_YEAR))
@pytest.mark.parametrize("entry", file_entries(), ids=lambda entry: entry["key"])
def test_every_entry_is_found_by_its_name_in_each_language(register, entry, field):
    sentence = _WITH_YEAR[field].format(name=entry[field], year=entry["signed_on"][:4])
    keys = [mention.register_key for mention in extract_agreements(parse(sentence), register)]
    assert entry["key"] in keys


def news_of(day: str, body: str):
    return parse(
        f"Talks in Baku\n\n{day}\n\nThe presidents held talks on trade and transport.\n\n{body}"
        "\n\nThe talks lasted three hours."
    )


@pytest.mark.parametrize(
    "body",
    [
        "After the talks the presidents signed a joint statement on deepening their partnership.",
        "По итогам переговоров президенты подписали совместное заявление о дальнейшем развитии "
        "отношений.",
    ],
)
def test_maps_a_summits_statement_to_the_one_the_register_dates_that_week(register, body):
    (mention,) = extract_agreements(news_of("2024-08-19", body), register)
    assert mention.register_key == "joint-declaration-presidents-2024"


def test_keeps_a_recalled_declaration_its_own_entry_beside_the_days_signing(register):
    body = (
        "Developing the Declaration on Allied Interaction, the ministers signed a memorandum on "
        "digital transport corridors."
    )
    mentions = extract_agreements(news_of("2024-08-19", body), register)
    keys = [mention.register_key for mention in mentions]
    assert "declaration-allied-interaction-2022" in keys
    assert "joint-declaration-presidents-2024" not in keys


def test_maps_no_summit_statement_to_the_week_when_no_entry_is_dated_then(register):
    body = "After the talks the presidents signed a joint statement on deepening their partnership."
    (mention,) = extract_agreements(news_of("2016-05-10", body), register)
    assert mention.register_key is None


def test_maps_the_caspian_seabed_agreement_when_written_as_dividing_it(register):
    article = parse(
        "Caspian\n\n2002-09-24\n\nThe leaders signed an agreement on Monday dividing the "
        "Caspian seabed between them.\n\nThe talks went on for hours."
    )
    keys = [m.register_key for m in extract_agreements(article, register)]
    assert keys == ["caspian-seabed-delimitation-agreement-2002"]


def test_maps_no_entry_by_a_lower_case_word_before_a_name_read_after_its_word(register):
    # 'глав государств' shares a stem with the state border treaty's 'государственной'.
    article = parse(
        "Нефть\n\n2013-08-13\n\nГлавы компаний подписали в присутствии глав государств "
        "соглашение об основных принципах сотрудничества.\n\nПереговоры шли три часа."
    )
    (mention,) = extract_agreements(article, register)
    assert mention.register_key is None
    assert mention.name.startswith("Соглашение")


def topic_mentions(register, text: str, title: str = "Radar talks"):
    article = parse(f"{title}\n\n{text}\n\nOfficials gave no further details.")
    return extract_agreements(article, register)


@pytest.mark.parametrize(
    "text",
    [
        "The Gabala station is operated by Russian troops under a 2002 agreement with Baku.",
        "Russia will stop using the Gabala radar station. The agreement signed on January 25, "
        "2002, expires this month.",
    ],
)
def test_a_document_named_by_its_year_alone_is_the_one_its_sentence_speaks_of(register, text):
    assert [m.register_key for m in topic_mentions(register, text)] == [
        "gabala-radar-agreement-2002"
    ]


def test_a_document_named_by_its_year_alone_is_none_when_nothing_says_which(register):
    text = "Russian troops stay in Azerbaijan under a 2002 agreement with Baku."
    assert topic_mentions(register, text, "Troops stay") == []


def test_another_documents_name_tells_nothing_of_one_named_by_its_year(register):
    text = (
        "Медведев и Алиев подписали Декларацию о дружбе и стратегическом партнерстве в "
        "годовщину договора 1997 года."
    )
    keys = [m.register_key for m in topic_mentions(register, text, "Визит")]
    assert "treaty-friendship-cooperation-mutual-security-1997" not in keys


def test_a_name_the_register_knows_in_full_is_its_entry_whoever_the_sentence_names(register):
    text = (
        "The sides discussed the implementation of the Declaration on Allied Interaction, "
        "regional issues, and cooperation within the CIS."
    )
    (found,) = topic_mentions(register, text, "Consultations in Baku")
    assert (found.register_key, found.parties) == (
        "declaration-allied-interaction-2022",
        ("Azerbaijan", "Russia"),
    )


def test_a_name_of_one_distinctive_word_keeps_the_sides_its_sentence_names(register):
    text = "Azerbaijan, Iran and Russia signed the Baku Declaration on Tuesday."
    keys = [m.register_key for m in topic_mentions(register, text, "Summit in Baku")]
    assert "baku-declaration-2001" not in keys
