"""sources: known outlets in three languages, and how a text names its publisher or cites one."""

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest.language import fold
from articles.ingest.sources import (
    SOURCES_PATH,
    KnownSources,
    _alias_starts,
    _attribution_patterns,
    _citing_patterns,
    _finditer,
    default_sources,
    is_social_network,
    looks_like_outlet_name,
    shown_name,
    split_credit,
)

SOURCES = default_sources()


def test_every_known_outlet_has_names_in_three_languages_and_a_domain():
    entries = json.loads(SOURCES_PATH.read_text(encoding="utf-8"))["sources"]
    incomplete = [
        entry["name"]
        for entry in entries
        if not (entry.get("name_ru") and entry.get("name_az") and entry.get("domains"))
    ]
    assert incomplete == []


def test_no_alias_names_two_outlets():
    entries = json.loads(SOURCES_PATH.read_text(encoding="utf-8"))["sources"]
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for alias in [entry["name"], *entry.get("aliases", []), *entry.get("domains", [])]:
            owners.setdefault(fold(alias), set()).add(entry["name"])
    assert {alias: names for alias, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("AZƏRTAC", "Azertac"),
        ("azərtac", "Azertac"),
        ("АЗЕРТАДЖ", "Azertac"),
        ("QAFQAZİNFO", "Qafqazinfo"),
        ("qafqazinfo", "Qafqazinfo"),
        ("ИНТЕРФАКС", "Interfax"),
        ("«Trend»", "Trend"),
        ("www.report.az", "Report"),
        # The names the outlets print on their own pages: a site's, a paper's in plain
        # Latin letters, a copyright holder's.
        ("Xinhuanet", "Xinhua"),
        ("YENI MUSAVAT", "Musavat"),
        ("British Broadcasting Corporation", "BBC"),
        ("Azərbaycan Dövlət Teleqraf Agentliyi", "Azertac"),
    ],
)
def test_names_the_outlet_when_text_writes_it_in_any_case_or_script(written, name):
    assert SOURCES.named(written) == name


def test_finds_the_outlet_when_a_url_is_on_its_domain():
    assert SOURCES.from_url("https://en.trend.az/azerbaijan/politics/3391234.html") == "Trend"


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("The talks went well, according to Interfax.", ["Interfax"]),
        ("The ministry said so, citing TASS.", ["TASS"]),
        ("Об этом сообщает Day.Az со ссылкой на ТАСС.", ["TASS"]),
        ("Как сообщало ТАСС, в Кремле заявили об этом.", ["TASS"]),
        ("Turan agentliyinin məlumatına görə, səfər başa çatıb.", ["Turan"]),
        ("Trade continues, and as Report noted on July 1, flights stopped.", ["Report"]),
    ],
)
def test_finds_a_cited_agency_when_text_quotes_it(text, cited):
    assert SOURCES.cited_in(text) == cited


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("The expert told Trend.", ["Trend"]),
        ('Как сообщили "Интерфаксу" в аппарате вице-премьера.', ["Interfax"]),
        ("AZƏRTAC xəbər verir ki, sənəd imzalanıb.", ["Azertac"]),
        ("The talks were held in Baku (Report).", ["Report"]),
    ],
)
def test_finds_the_reporting_outlet_when_text_attributes_to_it(text, attributed):
    assert SOURCES.attributed_in(text) == attributed


def test_does_not_take_a_lower_case_word_for_an_outlet_when_attributing():
    assert SOURCES.attributed_in("analysts told reporters about a positive trend") == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("ТАСС", "TASS"),
        ("Trend.az | Xəbərlər | Siyasət", "Trend"),
        ("AZƏRTAC Azərbaycan Dövlət İnformasiya Agentliyi", "Azertac"),
        ("Today.Az - Covering Azerbaijan inside and outside", "Today.Az"),
    ],
)
def test_reads_the_site_when_a_banner_names_it(line, name):
    assert SOURCES.banner(line) == name


def test_reads_no_banner_when_a_headline_starts_with_an_outlet_name():
    assert SOURCES.banner("Report: Azerbaijan and Russia sign a customs protocol") is None


def test_uses_the_three_names_of_an_entry_when_a_curator_adds_one():
    sources = KnownSources.from_entries(
        [{"name": "Caspian Post", "name_ru": "Каспийская почта", "name_az": "Xəzər Poçtu"}]
    )
    assert sources.named("КАСПИЙСКАЯ ПОЧТА") == "Caspian Post"
    assert sources.named("XƏZƏR POÇTU") == "Caspian Post"


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Reuters, citing a source in the delegation, says the talks went well.", ["Reuters"]),
        ("The treaty was signed, Russia's TASS news agency said.", ["TASS"]),
        ("TASS quoted the minister as saying so.", ["TASS"]),
        ("Как передает агентство Интерфакс, стороны договорились.", ["Interfax"]),
        ("Как отмечает ТАСС, это первый разговор министров.", ["TASS"]),
        ("Как стало известно «Известиям», сделка отложена.", ["Izvestia"]),
        ("Пишут «Ведомости» со ссылкой на участников рынка.", ["Vedomosti"]),
        ("İnterfaks agentliyinin yaydığı məlumata görə, tarix razılaşdırılmayıb.", ["Interfax"]),
        ("Diplomatik mənbələrin Turan-a verdiyi məlumata görə, sənəd hazırdır.", ["Turan"]),
        ('Rusiya tərəfinin qərarı "Interfax"-a istinadən bildirilir.', ["Interfax"]),
        ("AzərTAc-ın məlumatına görə, qonağı Prezident qarşılayıb.", ["Azertac"]),
        ("Report-un yazdığına görə, tərəf yeni məhsullar çıxarır.", ["Report"]),
        ("RBC-nin yazdığına görə, ixrac limanlardan keçib.", ["RBC"]),
        # Two or three outlets before one verb; a name before a comma is no list's last.
        (
            "Deputies want tougher rules, Interfax and RIA Novosti reported.",
            ["Interfax", "RIA Novosti"],
        ),
        (
            "It was signed, TASS, Interfax and RIA Novosti reported.",
            ["TASS", "Interfax", "RIA Novosti"],
        ),
        ("Police detained staff of Sputnik Azerbaijan, Reuters reported.", ["Reuters"]),
        # The outlet's initials after its name; an agency's feed; its Azerbaijani spelling.
        ("The pipeline will start in Igdir, Anadolu Agency (AA) reported.", ["Anadolu Agency"]),
        ("Ну вот, и Баку. Копирую из ленты Интерфакса:", ["Interfax"]),
        ('Bu barədə "İnterfaks-Azərbaycan" məlumat yayıb.', ["Interfax"]),
    ],
)
def test_finds_a_cited_agency_when_text_quotes_it_in_any_of_the_usual_forms(text, cited):
    assert SOURCES.cited_in(text) == cited


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("Russia's minister said in comments to APA that the days would be held.", ["APA"]),
        ("сообщил он агентству Интерфакс-Азербайджан.", ["Interfax"]),
        ("рассказал в интервью «Известиям» посол.", ["Izvestia"]),
        ("Bu barədə əvvəlcə AZƏRTAC-a məlumat verilib.", ["Azertac"]),
        ("Rusiyanın TASS agentliyi xəbər verir ki, görüş olub.", ["TASS"]),
        ("Deputat bunu Oxu.az-a açıqlamasında bildirib.", ["Oxu.az"]),
    ],
)
def test_finds_the_outlet_spoken_to_when_text_says_someone_told_it(text, attributed):
    assert SOURCES.attributed_in(text) == attributed


def test_does_not_cite_an_outlet_when_it_reports_in_its_own_name():
    assert SOURCES.cited_in("The talks ended in Baku, Trend reports.") == []


def test_does_not_cite_an_outlet_when_someone_told_it_in_russian():
    assert SOURCES.cited_in('Как сообщили "Интерфаксу" в аппарате вице-премьера.') == []


def test_matches_a_word_like_name_only_as_written_when_text_uses_the_word():
    assert SOURCES.attributed_in("The figures show a trend reports say") == []


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("При подготовке материала использованы данные РИА Новости.", ["RIA Novosti"]),
        ("Based on materials from Interfax.", ["Interfax"]),
        ("With input from Reuters.", ["Reuters"]),
        ("По словам источника РБК, сделка закрыта.", ["RBC"]),
        ("Reuters reported this last week, and TASS later confirmed it.", ["Reuters", "TASS"]),
        ("The ministers met in Moscow. Source: Trend.az", ["Trend"]),
        ("The deal is near, writes Vedomosti.", ["Vedomosti"]),
        ('"We are ready," said TASS, citing the minister.', ["TASS"]),
        ('Məlumatı "Kommersant" qəzeti yayıb.', ["Kommersant"]),
    ],
)
def test_finds_a_cited_agency_when_a_closing_note_or_a_later_report_names_it(text, cited):
    assert SOURCES.cited_in(text) == cited


def test_finds_the_outlet_answered_when_an_azerbaijani_text_says_so():
    assert SOURCES.attributed_in("Nazir Trend-in sualını cavablandırıb.") == ["Trend"]


def test_finds_the_reporting_outlet_when_a_particle_stands_before_its_verb():
    assert SOURCES.attributed_in('Bu barədə "Report" da xəbər verib.') == ["Report"]


def test_an_outlet_record_carries_its_home_country_as_an_iso_code():
    assert SOURCES.outlet("Azertac").country == "AZ"
    assert SOURCES.outlet("TASS").country == "RU"
    assert SOURCES.outlet("Reuters").country == "GB"
    assert SOURCES.outlet("TASS").name_ru == "ТАСС"


def test_a_foreign_bureau_counts_under_the_group_it_belongs_to():
    assert SOURCES.outlet("Sputnik Azerbaijan").country == "RU"
    assert SOURCES.outlet("Embassy of Azerbaijan in Russia").country == "AZ"


def test_an_outlet_whose_home_is_not_given_has_no_country_and_an_unknown_name_no_record():
    entries = [{"name": "Somewhere Daily", "domains": ["sd.example"]}]
    assert KnownSources.from_entries(entries).outlet("Somewhere Daily").country == ""
    assert SOURCES.outlet("No Such Outlet") is None


def test_a_country_that_is_not_two_capital_letters_is_refused_when_loading():
    entries = [{"name": "Somewhere Daily", "country": "Azerbaijan", "domains": ["sd.example"]}]
    with pytest.raises(ValueError, match="ISO 3166-1"):
        KnownSources.from_entries(entries)


def test_every_country_in_the_fixture_is_an_iso_code_and_most_outlets_have_one():
    entries = json.loads(SOURCES_PATH.read_text(encoding="utf-8"))["sources"]
    countries = [entry.get("country") for entry in entries]
    assert all(country is None or re.fullmatch(r"[A-Z]{2}", country) for country in countries)
    assert sum(country is not None for country in countries) >= 0.9 * len(entries)


def test_cites_an_outlet_when_azerbaijani_puts_the_case_ending_after_its_closing_quote():
    assert SOURCES.cited_in("Milli.Az “Report”a istinadən xəbər verir ki, sənəd hazırdır.") == [
        "Report"
    ]


def test_a_known_name_holding_a_slash_leads_a_credit_whole_with_its_possessive_left_out():
    credit = split_credit("RFE/RL's Azerbaijani and Armenian services", SOURCES)
    assert credit.source_names == ("Radio Free Europe/Radio Liberty",)
    assert credit.people == ()


def test_names_an_outlet_whose_name_opens_with_its_own_quoted_word():
    assert SOURCES.named('"Azərbaycan" qəzeti') == "Azerbaijan newspaper"


def test_finds_an_azerbaijani_name_written_in_capitals_with_the_dotted_capital_i():
    line = "AZƏRBAYCAN RESPUBLİKASI DÖVLƏT GÖMRÜK KOMİTƏSİ"
    assert SOURCES.mentioned_in(line) == "State Customs Committee of Azerbaijan"


def test_a_users_handle_in_a_credit_is_neither_a_person_nor_an_outlet():
    credit = split_credit("Tural_77", SOURCES)
    assert (credit.people, credit.source_names) == ((), ())


def test_a_state_body_is_marked_official_and_a_news_outlet_is_not():
    assert SOURCES.is_official("Ministry of Foreign Affairs of Russia") is True
    assert SOURCES.is_official("Interfax") is False


@pytest.mark.parametrize("credit", ["Reuters Staff", "Trend Newsroom", "Редакция ТАСС"])
def test_an_outlets_own_newsroom_in_a_byline_is_no_other_outlet(credit):
    split = split_credit(credit, SOURCES)
    assert len(split.source_names) == 1
    assert split.people == ()


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ('Quote from Trend: "The ministers met in Baku."', ["Trend"]),
        ("Цитата из «Интерфакса»: министры встретились.", ["Interfax"]),
    ],
)
def test_finds_a_cited_agency_when_a_post_quotes_it(text, cited):
    assert SOURCES.cited_in(text) == cited


@pytest.mark.parametrize(
    "name", ["Tehran Gazette", "OC MEDIA", "РИА «Терек»", "Civil.ge", "Voice of the Caspian"]
)
def test_a_short_capitalised_name_or_a_domain_is_shaped_as_an_outlets_name(name):
    assert looks_like_outlet_name(name)


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Iran sign a railway deal",
        "Re: Газпром и SOCAR",
        "Tural_Baku",
        "Форум",
        "News",
        "Путин прибыл в Баку.",
        "12 March 2024",
    ],
)
def test_a_sentence_a_handle_a_thread_title_or_a_section_is_not_an_outlets_name(text):
    assert not looks_like_outlet_name(text)


@pytest.mark.parametrize(("name", "network"), [("Reddit Inc", True), ("Tehran Gazette", False)])
def test_tells_a_social_network_from_an_outlet(name, network):
    assert is_social_network(name) is network


@pytest.mark.parametrize(
    ("masthead", "shown"),
    [
        ("XƏZƏR XƏBƏRLƏRİ", "Xəzər Xəbərləri"),
        ("QIZIL QALA NEWS", "Qızıl Qala News"),
        ("THE CASPIAN HERALD", "The Caspian Herald"),
        ("PORT OF BAKU NEWS", "Port of Baku News"),
        ("SUMQAYIT-İNFO", "Sumqayıt-İnfo"),
        ("KK TV", "KK TV"),
        ("«КАСПИЙСКИЙ ВЕСТНИК»", "КАСПИЙСКИЙ ВЕСТНИК"),
        ('"QIZIL QALA NEWS"', "Qızıl Qala News"),
    ],
)
def test_shows_a_masthead_in_capitals_in_title_case_and_quoted_whole_without_quotes(
    masthead, shown
):
    assert shown_name(masthead) == shown


@pytest.mark.parametrize("name", ["КАСПИЙСКИЙ ВЕСТНИК", "Tehran Gazette", "caspian.info"])
def test_keeps_a_cyrillic_or_mixed_case_name_as_written(name):
    assert shown_name(name) == name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("ДАГЕСТАНСКАЯ ПРАВДА", "Dagestanskaya Pravda"),
        ("https://www.hurriyetdailynews.com/turkey-x-1234", "Hürriyet Daily News"),
        ("Tehran Times", "Tehran Times"),
        ("Новости-Грузия", "Novosti-Gruzia"),
        ("The Astana Times", "The Astana Times"),
        ("Kabardino-Balkarskaya Pravda", "Kabardino-Balkarskaya Pravda"),
        ("https://www.azatutyun.am/a/33000000.html", "Radio Free Europe/Radio Liberty"),
        ("Deutsche Presse-Agentur", "dpa"),
    ],
)
def test_knows_regional_and_neighbouring_outlets_by_name_or_address(written, name):
    assert (SOURCES.named(written) or SOURCES.from_url(written)) == name


@pytest.mark.parametrize(
    "text",
    [
        "Как сообщило Минобороны России, перемирие соблюдается.",
        "Mənbə bildirib ki, Dövlət Sərhəd Xidməti sərhədi gücləndirib.",
        "Menu: Госдума  Совет Федерации  Законы",
    ],
)
def test_a_ministry_named_as_a_newsmaker_is_no_credit(text):
    assert SOURCES.cited_in(text) == [] and SOURCES.attributed_in(text) == []


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Bu barədə Trend məlumat yayıb.", ["Trend"]),
        ("APA agentliyinin mənbələrinə görə, görüş təxirə salınıb.", ["APA"]),
        ("TASS agentliyi Kremldəki mənbəyə istinadən bildirib ki, səfər baş tutacaq.", ["TASS"]),
        ("Обзор подготовлен с использованием материалов Интерфакса.", ["Interfax"]),
        ("Переговоры завершились, пишет российская газета «Ведомости».", ["Vedomosti"]),
        ("The talks ended, the Turkish news agency Anadolu reported.", ["Anadolu Agency"]),
    ],
)
def test_finds_a_cited_agency_behind_an_adjective_or_an_azerbaijani_report(text, cited):
    assert SOURCES.cited_in(text) == cited


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("Report-a danışan deputat bildirib ki, sərhəd açılacaq.", ["Report"]),
        ("Переговоры завершились, сообщает российское агентство ТАСС.", ["TASS"]),
    ],
)
def test_finds_the_outlet_spoken_to_or_reporting_behind_an_adjective(text, attributed):
    assert SOURCES.attributed_in(text) == attributed


def test_every_known_name_is_found_where_it_starts_a_text():
    from articles.ingest.sources import _alias_starts

    entries = json.loads(SOURCES_PATH.read_text(encoding="utf-8"))["sources"]
    names = {
        name
        for entry in entries
        for name in [entry["name"], entry.get("name_ru"), *entry.get("aliases", [])]
        if name
    }
    missed = [name for name in names if 0 not in _alias_starts(SOURCES.alias_pattern, name)]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Reuters contributed to this report.", ["Reuters"]),
        ("The Associated Press contributed reporting.", ["Associated Press"]),
        ("Обзор составлен на основе сообщений агентства Интерфакс.", ["Interfax"]),
    ],
)
def test_a_wire_folded_into_the_text_at_its_close_is_cited(text, cited):
    assert SOURCES.cited_in(text) == cited


@pytest.mark.parametrize(
    ("banner", "name"),
    [
        ("Официальный сайт Правительства Астраханской области", "Government of Astrakhan Oblast"),
        ("Azərbaycan Respublikasının İqtisadiyyat Nazirliyi", "Ministry of Economy of Azerbaijan"),
        (
            "Официальный сайт Министерства иностранных дел Российской Федерации",
            "Ministry of Foreign Affairs of Russia",
        ),
    ],
)
def test_a_site_banner_naming_its_owner_in_another_case_names_the_known_body(banner, name):
    assert SOURCES.named_in_its_case(banner) == name


@pytest.mark.parametrize("line", ["Министерство экологии России", "Russia and Azerbaijan"])
def test_words_that_differ_by_more_than_an_ending_name_no_known_body(line):
    assert SOURCES.named_in_its_case(line) is None


@pytest.mark.parametrize(
    "credit", ["sea_wolf | Message", "Моряк_77 | Сообщение", "Dənizçi_77 | Mesaj"]
)
def test_a_forums_column_heading_beside_the_poster_is_no_outlet(credit):
    assert split_credit(credit, SOURCES).source_names == ()


def _bodies() -> KnownSources:
    return KnownSources.from_entries(
        [
            {
                "name": "Caspian Fisheries Committee",
                "name_ru": "Комитет по рыболовству на Каспии Азербайджанской Республики",
                "name_az": "Azərbaycan Respublikasının Xəzər Balıqçılıq üzrə Dövlət Komitəsi",
                "aliases": ["State Committee for Caspian Fisheries of Azerbaijan"],
                "official": True,
                "domains": ["fish.gov.example"],
            },
            {
                "name": "Azerbaijani Ministry of Culture",
                "name_ru": "Министерство культуры Азербайджанской Республики",
                "name_az": "Azərbaycan Respublikasının Mədəniyyət Nazirliyi",
                "official": True,
                "domains": ["culture.az.example"],
            },
            {
                "name": "Russian Ministry of Culture",
                "name_ru": "Министерство культуры Российской Федерации",
                "name_az": "Rusiya Federasiyasının Mədəniyyət Nazirliyi",
                "official": True,
                "domains": ["culture.ru.example"],
            },
        ]
    )


@pytest.mark.parametrize(
    "banner",
    [
        "XƏZƏR BALIQÇILIQ ÜZRƏ DÖVLƏT KOMİTƏSİ",
        "Комитет по рыболовству на Каспии",
        "State Committee for Caspian Fisheries",
    ],
)
def test_a_state_body_is_known_by_its_name_without_its_country(banner):
    assert _bodies().named(banner) == "Caspian Fisheries Committee"


@pytest.mark.parametrize(
    "banner", ["Министерство культуры", "Mədəniyyət Nazirliyi", "Ministry of Culture"]
)
def test_a_name_two_countries_bodies_share_names_neither(banner):
    assert _bodies().named(banner) is None


# Pieces a page strings together around outlets' names: citing and reporting words in the
# three languages, what an outlet is, quotes and case endings, and prose long enough to put
# names far apart or close together.
_PIECES = (
    "according to ",
    "citing ",
    "told ",
    "reports",
    " said",
    ", writes ",
    "со ссылкой на ",
    "сообщает ",
    "передает агентство ",
    "по данным ",
    "Источник: ",
    "Mənbə: ",
    "xəbər verir",
    "-a istinadən",
    "-ın məlumatına görə",
    " agentliyi bildirib",
    "news agency ",
    "the ",
    "(",
    ")",
    "«",
    "»",
    '"',
    "у",
    "-nın",
    " ",
    "  ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "Interfax",
    "Интерфакс",
    "TASS",
    "ТАСС",
    "Trend",
    "APA",
    "Report",
    "Sputnik",
    "AzerNews",
    "Day.Az",
    "РИА Новости",
    "Турал",
    "trend",
    "Trendy",
    "x" * 450,
    "слово " * 80,
)


@given(st.lists(st.sampled_from(_PIECES), max_size=60))
@settings(max_examples=300, deadline=None)
def test_citing_and_reporting_patterns_find_what_a_scan_of_the_whole_text_finds(pieces):
    text = "".join(pieces)
    starts = _alias_starts(SOURCES.alias_pattern, text)
    patterns = _attribution_patterns(SOURCES.alias_pattern) + _citing_patterns(
        SOURCES.alias_pattern
    )
    for pattern in patterns:
        found = [match.span() for match in _finditer(pattern, text, starts)]
        assert found == [match.span() for match in pattern.finditer(text)]


def test_names_a_known_outlet_when_its_masthead_opens_with_the_english_article():
    sources = KnownSources.from_entries(
        [{"name": "Caspian Analyst", "aliases": ["Caspian Analyst"], "domains": []}]
    )
    assert sources.named("The Caspian Analyst") == "Caspian Analyst"
    assert sources.named("Theatre Caspian Analyst") is None


@pytest.mark.parametrize(
    ("banner", "outlet"),
    [
        ("СОВЕТ ФЕДЕРАЦИИ", "Federation Council"),
        ("МИНПРОМТОРГ РОССИИ", "Ministry of Industry and Trade of Russia"),
        ("ГУДОК", "Gudok"),
        ("TURAN İnformasiya Agentliyi", "Turan"),
        ("Russian Embassy in Azerbaijan", "Embassy of Russia in Azerbaijan"),
        ("Посольство Азербайджана в РФ", "Embassy of Azerbaijan in Russia"),
    ],
)
def test_the_short_name_a_site_gives_itself_is_its_outlets(banner, outlet):
    assert SOURCES.named(banner) == outlet


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        (
            "Foreigners may stay 90 days, according to changes reported earlier by Interfax.",
            ["Interfax"],
        ),
        ("Экспорт растёт, по данным министерства, которые приводит Report.", ["Report"]),
        ("Reuters со ссылкой на четыре источника сообщил о ракете.", ["Reuters"]),
        ("AZƏRTAC-ın yaydığı mətndə üç tələb var.", ["Azertac"]),
        ("Queues reach 48 hours at Yalama, Report's northern bureau says.", ["Report"]),
    ],
)
def test_finds_a_cited_agency_when_it_gives_figures_or_reports_at_a_remove(text, cited):
    assert SOURCES.cited_in(text) == cited


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("Лукойл получил десять процентов, отмечает агентство «Туран».", ["Turan"]),
    ],
)
def test_finds_an_outlet_the_text_reports_for_when_it_remarks_on_it(text, attributed):
    assert SOURCES.attributed_in(text) == attributed
