"""extract_agreements, count_documents_signed and extract_tags over parsed articles."""

import datetime as dt
from pathlib import Path

import pytest

from articles.ingest.document import AgreementKind, ParsedArticle, Precision, PublishedDate, TagKind
from articles.ingest.extract import (
    agreement_key,
    build_gazetteer,
    count_documents_signed,
    extract_agreements,
    extract_tags,
    load_gazetteer,
)
from articles.ingest.parse import parse
from articles.ingest.read import decode
from articles.ingest.register import load_register

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def seed_agreements(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract_agreements(parse(decode(path.read_bytes()).text))


def names(mentions) -> str:
    return " | ".join(mention.name for mention in mentions)


def test_finds_the_declaration_when_seed_003_names_it():
    declaration = next(m for m in seed_agreements("003") if m.kind is AgreementKind.DECLARATION)
    assert declaration.name == (
        "Declaration on Allied Interaction between the Republic of Azerbaijan "
        "and the Russian Federation"
    )
    assert declaration.parties == ("Azerbaijan", "Russia")


def test_finds_minutes_and_pension_memorandum_when_seed_003_names_them():
    found = names(seed_agreements("003"))
    assert "Minutes of the 20th meeting of the Azerbaijan-Russia Intergovernmental" in found
    assert "Memorandum of cooperation in the field of pensions" in found


def test_names_the_countries_as_parties_when_agencies_sign_as_the_subject():
    intent = next(m for m in seed_agreements("003") if "intent" in m.name)
    assert set(intent.parties) == {"Azerbaijan", "Russia"}


def test_finds_action_plan_and_customs_protocol_when_seed_001_names_them():
    found = names(seed_agreements("001"))
    assert "Action Plan on the development of the key areas" in found
    assert "Protocol on cooperation in the field of combating customs offenses" in found


def test_finds_the_sme_memorandum_when_seed_000_names_it():
    assert "Small and Medium-sized Businesses" in names(seed_agreements("000"))


def test_seeds_together_yield_at_least_five_agreements():
    assert sum(len(seed_agreements(prefix)) for prefix in ("000", "001", "002", "003")) >= 5


def test_mentions_each_document_once_when_an_article_repeats_it():
    plans = [m for m in seed_agreements("001") if m.kind is AgreementKind.ACTION_PLAN]
    assert len(plans) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan and Russia have signed a number of agreements on cooperation.",
        "On September 1, 15 documents were signed in Moscow.",
        "Mustafayev recalled that there are eight road maps under which they work.",
        "These agreements will stimulate relations.",
        "According to the road map, signed between the two countries, trade will grow.",
        "The agreements concluded between Russian and Azerbaijani oil companies are important.",
    ],
)
def test_suggests_nothing_when_mention_is_vague(sentence):
    assert extract_agreements(parse(sentence)) == []


def test_marks_a_document_unsigned_when_text_says_it_will_be_signed():
    article = parse("The sides will sign a memorandum on cooperation in tourism next month.")
    (memorandum,) = extract_agreements(article)
    assert memorandum.is_signed is False


def test_reads_the_signing_date_when_sentence_gives_a_full_date():
    article = parse("A protocol on customs cooperation was signed on 22 February 2022 in Moscow.")
    (protocol,) = extract_agreements(article)
    assert protocol.signed_on.isoformat() == "2022-02-22"


def test_finds_a_russian_memorandum_when_text_is_russian():
    article = parse("Стороны подписали меморандум о сотрудничестве в области транспорта.")
    (memorandum,) = extract_agreements(article)
    assert memorandum.name == "Меморандум о сотрудничестве в области транспорта"


def test_finds_an_azerbaijani_memorandum_when_text_is_azerbaijani():
    article = parse("Nazirlər təhsil sahəsində əməkdaşlıq haqqında memorandum imzalayıblar.")
    (memorandum,) = extract_agreements(article)
    assert memorandum.name == "Təhsil sahəsində əməkdaşlıq haqqında memorandum"


def test_keys_match_when_wording_differs_slightly():
    first = agreement_key(
        AgreementKind.MEMORANDUM,
        "Memorandum between the Russian Corporation for Small and Medium-sized Businesses "
        "and the Azerbaijan Agency",
    )
    second = agreement_key(
        AgreementKind.MEMORANDUM,
        "Memorandum between the Azerbaijani Agency and the Russian Corporation for Small and "
        "Medium Business",
    )
    assert first == second


def test_keys_differ_when_kinds_differ():
    assert agreement_key(AgreementKind.PROTOCOL, "Protocol on customs") != agreement_key(
        AgreementKind.AGREEMENT, "Agreement on customs"
    )


def test_tags_a_person_when_russian_text_declines_the_name(gazetteer):
    tags = extract_tags(parse("Встреча Путина и Ильхама Алиева прошла в Сочи."), gazetteer)
    assert {"Vladimir Putin", "Ilham Aliyev", "Sochi"} <= {tag.name for tag in tags}


def test_tags_the_carmaker_gaz_only_in_capitals(gazetteer):
    article = parse("Gas and oil exports grew. The gaz price fell.")
    assert "GAZ" not in {tag.name for tag in extract_tags(article, gazetteer)}


def test_tags_the_carmaker_gaz_when_written_in_capitals(gazetteer):
    article = parse("Production of GAZ vehicles will start in Azerbaijan.")
    assert TagKindName("GAZ", TagKind.ORGANISATION) in tag_pairs(article, gazetteer)


def test_skips_a_topic_when_keyword_passes_by_once(gazetteer):
    article = parse("The ministers met in Baku and discussed oil.")
    assert "energy" not in {tag.name for tag in extract_tags(article, gazetteer)}


def test_tags_a_topic_when_keywords_recur(gazetteer):
    article = parse("The ministers discussed oil and gas supplies and the energy market.")
    assert "energy" in {tag.name for tag in extract_tags(article, gazetteer)}


def test_matches_whole_words_only_when_alias_is_inside_another_word(gazetteer):
    article = parse("The Iranian delegation and Bakunin scholars attended.")
    assert {tag.name for tag in extract_tags(article, gazetteer)} & {"Iran", "Baku"} == set()


def test_tags_each_entry_once_when_aliases_repeat(gazetteer):
    article = parse("Putin met Aliyev. Vladimir Putin said. Путин добавил.")
    assert [tag.name for tag in extract_tags(article, gazetteer)].count("Vladimir Putin") == 1


def test_uses_curator_entries_when_gazetteer_is_built_from_data():
    gazetteer = build_gazetteer([{"name": "Shusha", "kind": "place", "aliases": ["Şuşa*", "Шуш*"]}])
    tags = extract_tags(parse("Prezident Şuşada görüşüb. Встреча в Шуше."), gazetteer)
    assert [tag.name for tag in tags] == ["Shusha"]


class TagKindName(tuple):
    def __new__(cls, name: str, kind: TagKind):
        return super().__new__(cls, (name, kind))


def tag_pairs(article, gazetteer) -> set:
    return {(tag.name, tag.kind) for tag in extract_tags(article, gazetteer)}


# ---------------------------------------------------------------- documents in three languages


@pytest.fixture(scope="module")
def register():
    return load_register()


def article(body: str, published: str | None = None, language: str = "en") -> ParsedArticle:
    date = (
        PublishedDate(dt.date.fromisoformat(published), Precision.DAY)
        if published
        else PublishedDate.unknown()
    )
    return ParsedArticle(title="", title_derived=True, body=body, published=date, language=language)


ALLIED = "declaration-allied-interaction-2022"
TREATY_1997 = "treaty-friendship-cooperation-mutual-security-1997"


@pytest.mark.parametrize(
    ("body", "language", "key"),
    [
        ("Стороны напомнили про Декларацию о союзническом взаимодействии.", "ru", ALLIED),
        (
            "Связи скреплены Договором о дружбе, сотрудничестве и взаимной безопасности.",
            "ru",
            TREATY_1997,
        ),
        ("Prezidentlər Bakı Bəyannaməsini imzalayıblar.", "az", "baku-declaration-2001"),
        (
            "Tərəflər dövlət sərhədi haqqında müqavilə imzalayıblar.",
            "az",
            "state-border-treaty-2010",
        ),
        ("Ties rest on the 1997 treaty, officials said.", "en", TREATY_1997),
    ],
)
def test_maps_a_document_to_its_register_entry_when_named_in_any_language(
    register, body, language, key
):
    (mention,) = extract_agreements(article(body, language=language), register)
    assert mention.register_key == key


def test_finds_the_document_when_a_passive_sentence_names_it():
    body = "A protocol was signed between the customs committees on the exchange of data."
    (protocol,) = extract_agreements(article(body))
    assert protocol.kind is AgreementKind.PROTOCOL
    assert "exchange of data" in protocol.name


def test_leaves_the_place_out_of_the_name_when_signed_in_a_city():
    body = "They signed a road map on cooperation in renewable energy in Baku on Tuesday."
    (road_map,) = extract_agreements(article(body))
    assert road_map.name == "Road map on cooperation in renewable energy"


def test_suggests_nothing_when_the_name_is_only_the_capitals():
    assert extract_agreements(article("An agreement between Moscow and Baku was reached.")) == []


def test_keeps_the_name_whole_when_a_comma_lists_its_subjects():
    body = "They recalled the Treaty on Friendship, Cooperation and Mutual Security of 1997."
    (treaty,) = extract_agreements(article(body))
    assert treaty.name == "Treaty on Friendship, Cooperation and Mutual Security"


def test_names_third_countries_when_they_sign_the_document():
    body = "Moscow and Tehran have signed an agreement on the construction of the Rasht railway."
    (agreement,) = extract_agreements(article(body))
    assert set(agreement.parties) == {"Russia", "Iran"}
    assert agreement.is_bilateral is False


def test_takes_the_articles_year_when_a_past_sentence_gives_day_and_month(register):
    body = "The declaration on allied interaction was signed on February 22 in Moscow."
    (declaration,) = extract_agreements(article(body, "2022-02-25"), register)
    assert declaration.signed_on == dt.date(2022, 2, 22)
    assert "article" in declaration.date_note


def test_leaves_the_date_unknown_when_the_sentence_is_in_the_future():
    body = "A memorandum on tourism cooperation will be signed on March 3."
    (memorandum,) = extract_agreements(article(body, "2022-02-25"))
    assert (memorandum.signed_on, memorandum.is_signed) == (None, False)


def test_leaves_the_date_unknown_when_the_article_date_is_not_known_to_the_day():
    body = "The declaration on allied interaction was signed on February 22."
    (declaration,) = extract_agreements(article(body))
    assert declaration.signed_on is None


@pytest.mark.parametrize(
    ("body", "language", "count"),
    [
        ("In total, six documents were signed during the visit.", "en", 6),
        ("По итогам переговоров подписано шесть документов.", "ru", 6),
        ("Mərasimdə altı sənəd imzalanıb.", "az", 6),
    ],
)
def test_counts_the_documents_signed_when_the_text_states_a_number(body, language, count):
    assert count_documents_signed(article(body, language=language)) == count


def test_counts_nothing_when_the_number_is_a_running_total():
    body = "More than 150 agreements have been signed between the two countries since 1992."
    assert count_documents_signed(article(body)) is None


@pytest.mark.parametrize(
    ("sentence", "third"),
    [
        ("Russia signed with Iran an agreement on the Rasht–Astara railway line.", "Iran"),
        (
            "Kazakhstan, Azerbaijan and Russia signed an agreement on the junction point.",
            "Kazakhstan",
        ),
        ("Aliyev, Putin and Pashinyan signed a trilateral statement on Karabakh.", "Armenia"),
        ("Leaders of the five Caspian states signed the Convention on the Legal Status.", "Iran"),
        ("The CIS heads of state signed an agreement on cooperation in energy.", "CIS"),
        ("Россия подписала с Казахстаном соглашение о сотрудничестве в энергетике.", "Kazakhstan"),
        (
            "Главы МИД Азербайджана, России и Армении приняли трехстороннее заявление о связях.",
            "Armenia",
        ),
        (
            "Лидеры прикаспийских государств подписали Конвенцию о правовом статусе моря.",
            "Turkmenistan",
        ),
        (
            "Протокол о таможенном сотрудничестве подписали Азербайджан и Туркменистан.",
            "Turkmenistan",
        ),
        ("Rusiya İranla qaz tədarükü haqqında memorandum imzalayıb.", "Iran"),
        ("The agreement with Iran on the Rasht–Astara railway was welcomed in Baku.", "Iran"),
        ("Соглашение с Ираном о строительстве дороги одобрили в Баку и Москве.", "Iran"),
        (
            "Azərbaycan ilə Qazaxıstan arasında nəqliyyat haqqında memorandum imzalanıb.",
            "Kazakhstan",
        ),
        (
            "Xəzəryanı dövlətlərin başçıları hüquqi status haqqında Konvensiyanı imzalayıblar.",
            "Iran",
        ),
        (
            "MDB dövlət başçıları energetika sahəsində əməkdaşlıq haqqında saziş imzalayıblar.",
            "CIS",
        ),
        # The agent after where and when it was signed.
        (
            "Baku welcomed the agreement on fishing quotas in the northern Caspian, signed in "
            "Astrakhan on 4 May by the Russian premier and his Kazakh counterpart.",
            "Kazakhstan",
        ),
        # The active past in '-dı' with its plural subject.
        ("Rusiya və İran nəqliyyat haqqında memorandum imzaladılar.", "Iran"),
    ],
)
def test_keeps_a_document_off_the_bilateral_list_when_a_third_party_signed_it(sentence, third):
    (mention,) = extract_agreements(parse(sentence), load_register())
    assert third in mention.parties
    assert not mention.is_bilateral


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan and Russia signed an agreement on transit through Georgia and Iran.",
        "Azerbaijan signed an agreement with Russia on the protection of investments.",
        "The agreement with Russia on the protection of investments entered into force.",
        "Россия и Азербайджан подписали соглашение о транзите грузов в Иран.",
        "Azərbaycan Rusiya ilə investisiyaların qorunması haqqında saziş imzalayıb.",
    ],
)
def test_keeps_a_document_bilateral_when_a_third_country_is_only_in_its_subject_matter(sentence):
    (mention,) = extract_agreements(parse(sentence), load_register())
    assert mention.is_bilateral


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia and Azerbaijan reached agreement on the price of gas supplies.",
        "An agreement was reached on the continuation of talks on the border.",
        "Стороны достигли соглашения о продолжении переговоров по границе.",
        "The UN Convention on the Law of the Sea applies to the Caspian only in part.",
        "Конвенция ООН по морскому праву не применяется к Каспию.",
        "BMT-nin Dəniz hüququ haqqında Konvensiyası Xəzərə şamil edilmir.",
        "The party programme of New Azerbaijan calls for closer ties with Moscow.",
        "Программа партии «Новый Азербайджан» предусматривает развитие связей.",
        "Соглашения о сотрудничестве в области энергетики обсуждались на встрече.",
        "Стороны обсудили подписанные соглашения о сотрудничестве в области энергетики.",
        "Медведев подчеркнул, что декларация «подводит итог» развития отношений.",
        "The Gulistan Treaty of 1813 and the Turkmenchay Treaty of 1828 divided the region.",
        "Gülüstan müqaviləsi 1813-cü ildə imzalanıb.",
        "The State Programme on socio-economic development of the regions was approved.",
        "Президент утвердил Государственную программу развития регионов.",
        "Программа визита включает встречу с бизнесменами.",
        "Səfər proqramına iş adamları ilə görüş daxildir.",
        "Bu, Xəzəryanı dövlətlər arasında ikinci belə ikitərəfli sazişdir.",
    ],
)
def test_suggests_nothing_when_words_name_no_bilateral_document(sentence):
    assert extract_agreements(parse(sentence), load_register()) == []


def test_keeps_only_the_outer_document_when_one_amends_another():
    article = parse(
        "Госдума ратифицировала Протокол о внесении изменений в Соглашение между "
        "Правительством Российской Федерации и Правительством Азербайджанской Республики "
        "о международном автомобильном сообщении."
    )
    (protocol,) = extract_agreements(article, load_register())
    assert protocol.kind is AgreementKind.PROTOCOL


@pytest.mark.parametrize(
    "sentence",
    [
        "Стороны обсудили выполнение соглашения о сотрудничестве в области энергетики.",
        "Глава государства напомнил о меморандуме о взаимопонимании между «Газпромом» и ГНКАР.",
        "The ministers signed a memorandum of understanding between SOCAR and Lukoil.",
    ],
)
def test_finds_one_document_when_a_singular_form_names_it(sentence):
    assert len(extract_agreements(parse(sentence), load_register())) == 1


def test_keeps_only_the_protocol_when_an_azerbaijani_name_amends_an_agreement():
    article = parse(
        "Azərbaycan ilə Rusiya arasında beynəlxalq avtomobil daşımaları haqqında Sazişə "
        "dəyişikliklər edilməsi barədə Protokol imzalanıb."
    )
    (protocol,) = extract_agreements(article, load_register())
    assert protocol.kind is AgreementKind.PROTOCOL


@pytest.mark.parametrize(
    ("sentence", "kind", "name_part"),
    [
        (
            "The ministers signed a work plan for 2025-2026 between the foreign ministries.",
            AgreementKind.WORK_PLAN,
            "2025-2026",
        ),
        (
            "Xarici işlər nazirlikləri arasında 2024-2025-ci illər üçün məsləhətləşmələr planı "
            "imzalanıb.",
            AgreementKind.WORK_PLAN,
            "məsləhətləşmələr planı",
        ),
        (
            "Tərəflər investisiyaların qarşılıqlı qorunması haqqında müqavilə imzalayıblar.",
            AgreementKind.TREATY,
            "Investisiyaların qarşılıqlı qorunması haqqında müqavilə",
        ),
        (
            "По итогам переговоров подписан протокол 22-го заседания межправительственной "
            "комиссии по экономическому сотрудничеству.",
            AgreementKind.MINUTES,
            "22-го заседания",
        ),
        (
            "Межправительственное соглашение о его строительстве Россия и Иран подписали в 2023 "
            "году.",
            AgreementKind.AGREEMENT,
            "Межправительственное соглашение о его строительстве",
        ),
        (
            "Договором о государственной границе 2010 года завершена делимитация.",
            AgreementKind.TREATY,
            "Договором о государственной границе",
        ),
    ],
)
def test_names_the_document_cleanly_when_a_sentence_names_one(sentence, kind, name_part):
    (mention,) = extract_agreements(parse(sentence), load_register())
    assert mention.kind is kind
    assert mention.name.startswith(name_part) or name_part in mention.name
    assert not mention.name.startswith(("Tərəflər", "Prezidentlər"))
    assert not mention.name.endswith(("2010 года", "делимитация", "Россия и Иран"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Tərəflər əməkdaşlıq haqqında memorandum imzalayıblar.",
        "Nazirlər qarşılıqlı anlaşma haqqında memorandum imzalayıblar.",
        "İki ölkə arasında əməkdaşlıq haqqında saziş imzalanıb.",
        "Стороны подписали соглашение о сотрудничестве.",
        "The sides signed a memorandum of understanding.",
    ],
)
def test_suggests_nothing_when_a_name_has_only_generic_words_in_any_language(sentence):
    assert extract_agreements(parse(sentence), load_register()) == []


def test_finds_the_memorandum_when_azerbaijani_names_the_organisations_that_signed_it():
    article = parse(
        "Azərbaycan Dəmir Yolları ilə Rusiya Dəmir Yolları arasında əməkdaşlıq haqqında "
        "memorandum imzalanıb."
    )
    (memorandum,) = extract_agreements(article, load_register())
    assert memorandum.parties == ("Azerbaijan", "Russia")


@pytest.mark.parametrize(
    "line",
    [
        "02.09.2010 [17:40] Russia, Iran sign memorandum on gas swaps",
        "17:45 Россия и Азербайджан подписали меморандум о сотрудничестве в сфере туризма",
        "[11:02] Bakı və Moskva turizm sahəsində əməkdaşlıq haqqında memorandum imzalayıb",
    ],
)
def test_suggests_nothing_when_another_storys_stamped_headline_names_a_document(line):
    article = parse(f"The ministers met in Baku on Monday.\n\nLatest news\n{line}\n")
    assert extract_agreements(article, load_register()) == []


def test_finds_the_document_when_a_quantity_near_it_looks_like_an_old_year():
    article = parse("The agreement on peacekeepers covers 1960 servicemen.")
    (agreement,) = extract_agreements(article, load_register())
    assert "peacekeepers" in agreement.name


@pytest.mark.parametrize(
    "sentence",
    [
        "A memorandum on cooperation in the field of tourism was signed in Astana.",
        "Turizm sahəsində əməkdaşlıq haqqında memorandum Astanada imzalanıb.",
        "Меморандум о сотрудничестве в области туризма подписан в Астане.",
    ],
)
def test_keeps_a_document_bilateral_when_only_the_city_of_signing_is_abroad(sentence):
    (mention,) = extract_agreements(parse(sentence), load_register())
    assert mention.is_bilateral


def test_mention_quotes_no_subheading_marker_when_a_subheading_names_the_document(register):
    body = (
        "Leaders met in Moscow.\n\n"
        "## Aliyev: ties rest on the Declaration on Allied Interaction\n\n"
        "The talks went on for hours."
    )
    [mention] = extract_agreements(article(body), register=register)
    assert mention.sentence.startswith("Aliyev: ties rest")
