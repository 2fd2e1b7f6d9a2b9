"""Document rules drawn from how the three languages name and sign documents.

Azerbaijani names a document before its word, so where its name starts is the
question: after a clause's circumstances ('İclasın yekununda'), at an opening
quote, before another document joined by 'və', past a plural subject; a
parenthesised acronym and an adjective that looks like a verb end nothing. A
column's hard-wrapped lines stay one paragraph. Counted sides ('three
countries') keep a document off the bilateral lists. A signing day is read
from the text, never guessed: the lead's day for the documents of the
ceremony it reports.
"""

import datetime as dt

import pytest

from articles.ingest.document import AgreementKind
from articles.ingest.extract import extract_agreements
from articles.ingest.kinds import document_words
from articles.ingest.names import candidate_at
from articles.ingest.parse import parse
from articles.ingest.register import load_register
from articles.ingest.sentences import joined_line_breaks, sentences
from articles.ingest.signing import count_documents_signed

TODAY = dt.date(2026, 11, 27)


def az_candidate(sentence: str, word: str):
    window, kind = next((w, k) for w, k in document_words(sentence) if w.word == word)
    return candidate_at(window, kind, "az")


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        (
            "İclasın yekununda tərəflər Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
            "iqtisadi əməkdaşlıq proqramı və iclasın protokolu imzalanıb.",
            "proqramı",
            "Azərbaycan Respublikası ilə Rusiya Federasiyası arasında iqtisadi əməkdaşlıq proqramı",
        ),
        (
            "İclasın yekununda tərəflər Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
            "iqtisadi əməkdaşlıq proqramı və iclasın protokolu imzalanıb.",
            "protokolu",
            "Iclasın protokolu",
        ),
        (
            'Kreml "Azərbaycan ilə Türkiyə arasında Müttəfiqlik münasibətləri haqqında Şuşa '
            'Bəyannaməsi"nin mətnini öyrənir.',
            "Bəyannaməsi",
            "Azərbaycan ilə Türkiyə arasında Müttəfiqlik münasibətləri haqqında Şuşa Bəyannaməsi",
        ),
        (
            "Tərəflər həmçinin Təşviqi Agentliyi (AZPROMO) ilə Rusiya İxrac Mərkəzi arasında "
            "anlaşma memorandumunu imzalayıblar.",
            "memorandumunu",
            "Təşviqi Agentliyi (AZPROMO) ilə Rusiya İxrac Mərkəzi arasında anlaşma memorandumunu",
        ),
    ],
)
def test_an_azerbaijani_name_starts_where_its_noun_phrase_does(sentence, word, name):
    assert az_candidate(sentence, word).name == name


def test_a_quoted_organisation_stays_in_the_name_when_the_document_itself_is_not_quoted():
    sentence = (
        "“Azərbaycan Dəmir Yolları” QSC ilə “Rusiya Dəmir Yolları” ASC arasında yükdaşımalara "
        "dair Yol xəritəsini imzalayıblar."
    )
    assert az_candidate(sentence, "Yol xəritəsini").name.startswith("“Azərbaycan Dəmir Yolları”")


@pytest.mark.parametrize(
    ("sentence", "word", "opening"),
    [
        (
            '"Qazprom" ilə SOCAR arasında qaz tədarükü haqqında müqavilə imzalanıb.',
            "müqavilə",
            '"Qazprom" ilə',
        ),
        (
            "«Rosneft» ilə SOCAR arasında kəşfiyyat haqqında saziş imzalanıb.",
            "saziş",
            "«Rosneft» ilə",
        ),
        (
            "SOCAR ilə “Lukoil” arasında neft emalı haqqında memorandum imzalanıb.",
            "memorandum",
            "SOCAR ilə “Lukoil”",
        ),
    ],
)
def test_a_company_quoted_at_an_azerbaijani_name_keeps_both_its_quotes(sentence, word, opening):
    name = az_candidate(sentence, word).name
    assert name.startswith(opening)
    assert name.count('"') % 2 == 0 and name.count("«") == name.count("»")


def test_keeps_one_sentence_when_a_column_wraps_it_before_a_capitalised_word():
    text = (
        "Treaty news\n\n"
        "Sənəd 1997-ci ildə imzalanmış Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında\n"
        "Müqavilədən sonra ikitərəfli münasibətlərin hüquqi bazasında ən mühüm addımdır.\n"
    )
    article = parse(text)
    (treaty,) = extract_agreements(article)
    assert treaty.kind is AgreementKind.TREATY
    assert "təhlükəsizlik" in treaty.name


def test_a_document_of_three_countries_is_not_bilateral_when_the_text_counts_its_sides():
    article = parse(
        "Customs news\n\nGörüşün yekununda üç ölkənin gömrük orqanları arasında tranzit yükləri "
        "barədə məlumat mübadiləsinə dair Anlaşma Memorandumu imzalanıb. Azərbaycan, Rusiya və "
        "İran nümayəndələri iştirak edib."
    )
    (memorandum,) = extract_agreements(article)
    assert set(memorandum.parties) == {"Azerbaijan", "Russia", "Iran"}
    assert memorandum.is_bilateral is False


def only_agreement(text: str):
    (agreement,) = extract_agreements(parse(f"Documents signed\n\n{text}"))
    return agreement


@pytest.mark.parametrize(
    ("sentence", "kind", "stem"),
    [
        (
            "Был подписан План мероприятий по развитию межрегионального сотрудничества на "
            "2020–2022 годы.",
            AgreementKind.ACTION_PLAN,
            "межрегионального",
        ),
        (
            "Подписан План мероприятий («дорожная карта») по развитию межрегионального "
            "сотрудничества на 2024–2027 годы.",
            AgreementKind.ROAD_MAP,
            "межрегионального",
        ),
        (
            "Среди них - программа межрегионального сотрудничества на 2019-2021 годы.",
            AgreementKind.PROGRAMME,
            "межрегионального",
        ),
    ],
)
def test_a_russian_name_goes_on_in_the_genitive_or_past_a_bracketed_alias(sentence, kind, stem):
    agreement = only_agreement(sentence)
    assert agreement.kind is kind
    assert stem in agreement.name


def test_a_document_between_the_two_countries_is_bilateral_when_a_union_is_named_nearby():
    agreement = only_agreement(
        "They discussed the Eurasian Economic Union and the free trade regime established by "
        "the Agreement on Free Trade between the two countries of 30 September 1992."
    )
    assert agreement.is_bilateral is True


def test_the_partner_closing_a_name_signed_it_when_the_subject_signed_in_that_clause():
    article = parse(
        "Caspian\n\nВ июле 1998 года Россия подписала соглашение о разграничении дна северной "
        "части Каспия с Казахстаном."
    )
    (agreement,) = extract_agreements(article)
    assert set(agreement.parties) == {"Russia", "Kazakhstan"}


def test_a_document_signed_at_a_summit_of_several_states_is_theirs_when_no_side_is_named():
    article = parse(
        "Caspian summit\n\nThe Caspian states held their summit in Aktau. The president "
        "called for the implementation of the agreement on trade and economic cooperation "
        "signed at the same summit. Iran, Kazakhstan and Turkmenistan attended."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.is_bilateral is False


def test_a_mention_takes_the_registers_kind_when_it_calls_a_treaty_an_agreement():
    article = parse(
        "Border\n\nThe presidents signed an agreement on the state border between the two "
        "countries in Baku on 3 September 2010."
    )
    (treaty,) = extract_agreements(article, load_register())
    assert treaty.register_key == "state-border-treaty-2010"
    assert treaty.kind is AgreementKind.TREATY


def test_a_mention_saying_more_than_a_register_name_is_not_it_when_its_kind_differs():
    article = parse(
        "Border\n\nBundan başqa, Azərbaycan Respublikası Hökuməti ilə Rusiya Federasiyası "
        "Hökuməti arasında dövlət sərhədindən keçid qaydaları haqqında saziş imzalanıb."
    )
    (agreement,) = extract_agreements(article, load_register())
    assert agreement.register_key is None
    assert agreement.kind is AgreementKind.AGREEMENT


def test_the_year_before_an_azerbaijani_name_finds_its_register_entry():
    article = parse(
        "Visit\n\nBəyannamədə tərəflər 1997-ci il Dostluq, əməkdaşlıq və qarşılıqlı "
        "təhlükəsizlik haqqında Müqaviləyə və 2001-ci ildə imzalanmış Bakı Bəyannaməsinə "
        "sadiqliklərini təsdiqləyir."
    )
    keys = {a.register_key for a in extract_agreements(article, load_register())}
    assert "treaty-friendship-cooperation-mutual-security-1997" in keys


def dated_article(body: str, day: str = "2024-08-19"):
    return parse(f"Documents signed\n\n{day}\n\n{body}")


def test_listed_documents_take_the_day_the_lead_gives_for_the_signing_ceremony():
    article = dated_article(
        "A ceremony of signing documents between Azerbaijan and Russia was held in Zagulba on "
        "August 19.\n\nThe following documents were then exchanged:\n\n"
        "- Agreement between the Government of Azerbaijan and the Government of Russia on "
        "cooperation in the field of plant quarantine;"
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)
    assert "article's date" in agreement.date_note


def test_a_signing_reported_as_news_with_no_day_takes_the_articles_day_and_says_so():
    article = dated_article(
        "Azerbaijan and Russia signed a memorandum on cooperation in the field of plant quarantine."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)
    assert "reported signed as its news" in agreement.date_note


def test_a_signing_recalled_as_earlier_takes_no_day_from_the_article():
    article = dated_article(
        "Earlier, Azerbaijan and Russia signed a memorandum on cooperation in veterinary matters."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on is None


def test_the_next_sentence_dates_the_signing_of_the_document_it_opens_on():
    article = dated_article(
        "The two railway companies have signed a memorandum on cooperation in freight "
        "transit.\n\nThe document was signed in Sumgait on 12 August by both chairmen.",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 12)


def test_a_next_sentence_dates_only_its_own_signing_not_an_older_one_it_recalls():
    article = dated_article(
        "The ministers signed a memorandum on cooperation in tourism.\n\n"
        "The document was signed on the anniversary of the treaty, signed in Moscow on "
        "5 March 2001.",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on != dt.date(2001, 3, 5)


def test_nakanune_before_a_place_is_yesterday_but_before_a_noun_is_the_eve_of_it():
    article = dated_article(
        "Накануне в Гяндже министры подписали меморандум о сотрудничестве в области туризма.",
        "2024-08-20",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)
    eve = dated_article(
        "Накануне визита министры подписали меморандум о сотрудничестве в области туризма.",
        "2024-08-20",
    )
    (agreement,) = extract_agreements(eve)
    assert agreement.signed_on != dt.date(2024, 8, 19)


def test_a_subheading_that_reports_the_signing_leaves_the_lead_to_date_it():
    article = dated_article(
        "Министры подписали в Гяндже важный документ\n\n"
        "Министры двух стран подписали вчера меморандум о сотрудничестве в области туризма. "
        "Кроме того, подписан меморандум о сотрудничестве в области спорта.",
        "2024-08-20",
    )
    days = {agreement.signed_on for agreement in extract_agreements(article)}
    assert days == {dt.date(2024, 8, 19)}


def test_the_registers_day_outranks_one_inferred_from_a_next_day_paper():
    register = load_register()
    article = dated_article(
        "Prezidentlər Moskva Bəyannaməsini imzalayıblar.",
        "2004-02-07",
    )
    (agreement,) = extract_agreements(article, register)
    assert agreement.register_key == "moscow-declaration-2004"
    assert agreement.signed_on == dt.date(2004, 2, 6)


def test_yesterday_is_the_day_before_the_article_when_the_signing_is_past():
    article = dated_article(
        "The ministers signed a memorandum on cooperation in the field of plant quarantine "
        "yesterday.",
        "2024-08-20",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)


def test_a_document_recalled_as_earlier_keeps_no_day_when_the_lead_dates_a_signing():
    article = dated_article(
        "The presidents signed documents in Baku today.\n\nThey recalled the memorandum on "
        "cooperation in the field of plant quarantine signed earlier."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on is None


def test_the_years_a_programme_covers_do_not_stop_its_day_and_month_taking_the_articles_year():
    # 'for 2011–2013' is the plan's period; the signing is 'on July 15' of the article's year.
    article = dated_article(
        "An action plan on tourism cooperation for 2011–2013 was signed between the two "
        "ministries in Baku on July 15.",
        "2011-07-17",
    )
    (plan,) = extract_agreements(article)
    assert plan.signed_on == dt.date(2011, 7, 15)


def test_a_date_that_starts_a_term_is_not_the_signing_date():
    # The contract runs from January 1, 2010; it was signed on the Wednesday of the article.
    article = dated_article(
        "Gazprom and SOCAR on Wednesday signed a contract for the purchase of Azerbaijani gas "
        "starting from January 1, 2010, the company said.",
        "2009-10-14",
    )
    (contract,) = extract_agreements(article)
    assert contract.signed_on == dt.date(2009, 10, 14)
    assert "weekday" in contract.date_note


@pytest.mark.parametrize(
    ("body", "day", "signed_on"),
    [
        # Azerbaijani opens the sentence with 'yesterday' and ends it with the verb.
        (
            "Dünən Moskvada Azərbaycan Prezidenti və Rusiya Prezidenti Xəzər dənizinin dibinin "
            "qonşu sahələrinin bölgüsü haqqında Sazişi imzalayıblar.",
            "2002-09-24",
            dt.date(2002, 9, 23),
        ),
        # English may put the weekday after a long name.
        (
            "Rosatom and the Ministry of Health signed a memorandum of understanding on "
            "cooperation in nuclear medicine on Tuesday, the corporation said.",
            "2023-03-14",
            dt.date(2023, 3, 14),
        ),
    ],
)
def test_a_day_named_relative_to_the_article_anywhere_in_the_signing_sentence_dates_it(
    body, day, signed_on
):
    (document,) = extract_agreements(dated_article(body, day))
    assert document.signed_on == signed_on


def test_a_full_date_opening_a_long_azerbaijani_sentence_is_its_documents_signing_date():
    article = dated_article(
        "1997-ci il iyulun 3-də Moskvada Azərbaycan Prezidenti Heydər Əliyev və Rusiya "
        "Prezidenti Boris Yeltsin Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
        "Dostluq, əməkdaşlıq və qarşılıqlı təhlükəsizlik haqqında Müqaviləni imzalayıblar.",
        "2017-07-03",
    )
    (treaty,) = extract_agreements(article)
    assert treaty.signed_on == dt.date(1997, 7, 3)


def test_a_joint_statement_named_by_its_word_alone_is_the_registers_one_of_that_week():
    # A summit's joint statement is told apart by its day: the article reports it signed,
    # and the register has one joint statement signed in the week up to the article's date.
    article = dated_article(
        "В Загульбе по итогам переговоров президенты Азербайджана и России подписали "
        "Совместное заявление.",
        "2024-08-19",
    )
    (statement,) = extract_agreements(article, load_register())
    assert statement.register_key == "joint-declaration-presidents-2024"
    assert statement.signed_on == dt.date(2024, 8, 19)
    assert "register" in statement.date_note


def test_a_bare_joint_statement_is_no_register_entry_when_the_article_is_of_another_week():
    article = dated_article(
        "The presidents of Azerbaijan and Russia signed a joint statement after the talks.",
        "2024-09-30",
    )
    assert all(a.register_key is None for a in extract_agreements(article, load_register()))


def test_a_bare_agreement_is_never_matched_to_the_register_by_its_year_alone():
    # Two agreements of 2002 are known; 'the agreement signed on 25 January 2002' is neither.
    article = dated_article(
        "Qəbələ radiolokasiya stansiyasının istifadəsi haqqında 2002-ci il yanvarın 25-də "
        "imzalanmış Saziş bu ilin sonunda başa çatır.",
        "2012-06-09",
    )
    keys = {a.register_key for a in extract_agreements(article, load_register())}
    assert "caspian-seabed-delimitation-agreement-2002" not in keys


def test_a_registered_document_reported_signed_in_the_week_takes_the_registers_day():
    article = dated_article(
        "Following the talks, the two leaders signed the Declaration on Allied Interaction "
        "between the Russian Federation and the Republic of Azerbaijan.",
        "2022-02-22",
    )
    (declaration,) = extract_agreements(article, load_register())
    assert declaration.signed_on == dt.date(2022, 2, 22)


def test_a_registered_document_recalled_years_later_takes_no_day_from_the_register():
    article = dated_article(
        "Officials recalled the Declaration on Allied Interaction between the Russian "
        "Federation and the Republic of Azerbaijan, signed earlier.",
        "2024-02-22",
    )
    (declaration,) = extract_agreements(article, load_register())
    assert declaration.signed_on is None


def test_the_sides_of_what_follows_as_well_as_are_not_the_documents():
    article = dated_article(
        "Обсуждены вопросы с упором на реализацию Декларации о союзническом взаимодействии, "
        "а также ход выполнения трехсторонних договоренностей лидеров России, Азербайджана и "
        "Армении.",
        "2022-12-06",
    )
    (declaration,) = extract_agreements(article, load_register())
    assert declaration.is_bilateral is True
    assert declaration.register_key == "declaration-allied-interaction-2022"


def test_a_programme_of_consultations_is_named_by_them_in_russian():
    article = dated_article(
        "Министры подписали Программу консультаций между министерствами иностранных дел двух "
        "стран на 2023–2024 годы.",
        "2022-12-06",
    )
    (programme,) = extract_agreements(article)
    assert programme.kind is AgreementKind.PROGRAMME
    assert "консультаций" in programme.name


def test_an_azerbaijani_name_reads_past_the_date_and_participle_before_its_word():
    # 'X haqqında <when> imzalanmış Saziş': the name stands before the signing clause.
    article = dated_article(
        "Qəbələ radiolokasiya stansiyasının istifadəsi haqqında 2002-ci il yanvarın 25-də "
        "imzalanmış Saziş bu ilin sonunda başa çatır.",
        "2012-06-09",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.name == "Qəbələ radiolokasiya stansiyasının istifadəsi haqqında Saziş"
    assert agreement.signed_on == dt.date(2002, 1, 25)


def test_a_document_word_in_quotes_is_named_by_what_follows_the_closing_quote():
    article = dated_article(
        "Таможенные службы двух стран подписали «дорожную карту» по запуску «зеленого "
        "коридора» для сельскохозяйственной продукции.",
        "2019-02-12",
    )
    (road_map,) = extract_agreements(article)
    assert road_map.kind is AgreementKind.ROAD_MAP
    assert "зеленого коридора" in road_map.name


def test_a_body_naming_no_country_opposite_one_of_the_two_makes_the_document_theirs():
    article = dated_article(
        "Moskvada Dövlət Gömrük Komitəsi ilə Rusiya Federasiyası Federal Gömrük Xidməti "
        "arasında ilkin məlumat mübadiləsi haqqında Protokol imzalanıb.",
        "2017-11-21",
    )
    (protocol,) = extract_agreements(article)
    assert protocol.is_bilateral is True


def test_a_body_naming_no_country_opposite_one_side_stays_apart_when_a_third_is_named():
    article = dated_article(
        "Tehranda Dövlət Gömrük Komitəsi ilə İran Gömrük İdarəsi arasında məlumat mübadiləsi "
        "haqqında Protokol imzalanıb; İran tərəfi bunu alqışlayıb.",
        "2017-11-21",
    )
    assert all(not a.is_bilateral for a in extract_agreements(article))


@pytest.mark.parametrize(
    "sentence",
    [
        "Səfir qeyd edib ki, iki ölkə arasında 70-dən çox hökumətlərarası və idarələrarası "
        "saziş qüvvədədir.",
        "Tərəflər arasında onlarla saziş imzalanıb.",
    ],
)
def test_an_azerbaijani_count_with_its_singular_noun_names_no_document(sentence):
    assert extract_agreements(dated_article(sentence, "2017-07-03")) == []


def test_an_azerbaijani_name_starts_after_the_office_holders_who_signed_it():
    article = dated_article(
        "Azərbaycan Respublikasının Prezidenti İlham Əliyev ilə Rusiya Federasiyasının "
        "Prezidenti Vladimir Putin Azərbaycan Respublikasının Prezidenti və Rusiya "
        "Federasiyasının Prezidentinin Birgə Bəyannaməsini imzalayıblar.",
        "2024-08-19",
    )
    (statement,) = extract_agreements(article, load_register())
    assert statement.name.startswith("Azərbaycan Respublikasının Prezidenti və")
    assert statement.register_key == "joint-declaration-presidents-2024"


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Всего в присутствии глав государств был подписан пакет из шести документов.", 6),
        ("По итогам переговоров подписан пакет из восьми документов.", 8),
        ("The ministers signed a package of five documents.", 5),
    ],
)
def test_a_package_of_documents_signed_is_counted(sentence, count):
    assert count_documents_signed(dated_article(sentence, "2021-05-20")) == count


@pytest.mark.parametrize(
    "sentence",
    [
        "Стороны договорились ускорить работу над соглашением о свободной торговле.",
        "Соглашение о свободной торговле готовится к подписанию.",
    ],
)
def test_a_document_still_being_worked_on_is_planned_in_russian(sentence):
    (agreement,) = extract_agreements(dated_article(sentence))
    assert agreement.is_signed is False


def test_work_that_went_on_for_years_before_a_signing_does_not_make_it_planned():
    article = dated_article(
        "Президенты подписали договор о государственной границе, работа над которым шла "
        "почти пятнадцать лет."
    )
    (treaty,) = extract_agreements(article)
    assert treaty.is_signed is True


def test_among_opening_an_azerbaijani_phrase_is_no_part_of_the_name():
    article = dated_article(
        "Sənədlər arasında gömrük işi sahəsində qarşılıqlı yardım haqqında Protokol da var."
    )
    (protocol,) = extract_agreements(article)
    assert protocol.name.startswith("Gömrük işi")


def test_a_russian_name_ends_where_a_new_clauses_plural_subject_begins():
    article = dated_article(
        "В соответствии с Декларацией о союзническом взаимодействии стороны проводят "
        "регулярные консультации."
    )
    (declaration,) = extract_agreements(article)
    assert declaration.name == "Декларацией о союзническом взаимодействии"


def test_renewable_energy_is_a_term_in_an_azerbaijani_name_not_a_clause():
    article = dated_article("Bakıda bərpa olunan enerji üzrə Yol xəritəsi imzalanıb.")
    (road_map,) = extract_agreements(article)
    assert road_map.name == "Bərpa olunan enerji üzrə Yol xəritəsi"


def test_an_english_title_ends_where_a_past_tense_verb_follows_its_capitalised_words():
    article = dated_article(
        "The signing of the Declaration on Allied Interaction raised relations to a new level."
    )
    (declaration,) = extract_agreements(article)
    assert declaration.name == "Declaration on Allied Interaction"


def test_a_participle_inside_a_lower_case_name_stays_in_it():
    article = dated_article("They signed an agreement on integrated border management.")
    (agreement,) = extract_agreements(article)
    assert agreement.name == "Agreement on integrated border management"


@pytest.mark.parametrize(
    "sentence",
    [
        # The passive past ('imzalandı'), after a day and month written without a year.
        "Noyabrın 14-də Bakıda gömrük orqanları arasında tranzit yükləri haqqında Protokol "
        "imzalandı.",
        # The active past in '-mış' with the plural.
        "Noyabrın 14-də nazirlər gömrük orqanları arasında tranzit yükləri haqqında Protokolu "
        "imzalamışlar.",
    ],
)
def test_an_azerbaijani_past_signing_takes_the_articles_year_for_its_day_and_month(sentence):
    (protocol,) = extract_agreements(dated_article(sentence, "2019-11-16"))
    assert protocol.signed_on == dt.date(2019, 11, 14)
    assert "article's date" in protocol.date_note


def test_an_azerbaijani_future_signing_takes_no_day_from_the_article():
    article = dated_article(
        "Noyabrın 14-də gömrük orqanları arasında tranzit yükləri haqqında Protokol imzalanacaq.",
        "2019-11-10",
    )
    (protocol,) = extract_agreements(article)
    assert protocol.signed_on is None


def test_putting_signatures_to_a_document_is_signing_it_when_a_day_is_named():
    article = dated_article(
        "The two ministers put their signatures on a memorandum on cooperation in veterinary "
        "control on Monday.",
        "2021-03-10",
    )
    (memorandum,) = extract_agreements(article)
    assert memorandum.signed_on == dt.date(2021, 3, 8)


def test_a_document_its_sentence_dates_to_another_year_does_not_take_the_events_day():
    article = dated_article(
        "The presidents signed documents in Baku today.\n\nAzerbaijan and Russia signed a "
        "memorandum on cooperation in veterinary control in 2016, the minister recalled.",
        "2024-08-19",
    )
    (memorandum,) = extract_agreements(article)
    assert memorandum.signed_on is None


def test_a_joint_statement_named_after_the_presidents_who_signed_it_is_the_registers_one():
    # The office holders stand right before the word: nothing of theirs is the name.
    article = dated_article(
        "Zuğulbada danışıqlardan sonra Azərbaycan Prezidenti İlham Əliyev və Rusiya Prezidenti "
        "Vladimir Putin Birgə Bəyanatı imzalayıblar.",
        "2024-08-19",
    )
    (statement,) = extract_agreements(article, load_register())
    assert statement.register_key == "joint-declaration-presidents-2024"
    assert "Putin" not in statement.name


def test_a_year_in_the_clause_before_another_documents_word_is_not_its_year():
    # 1997 is the treaty's, said before the comma; the declaration is the 2022 one.
    article = parse(
        "Relations\n\nThe treaty signed in 1997 laid the groundwork, and the Declaration on "
        "Allied Interaction took relations further, the minister said."
    )
    keys = [m.register_key for m in extract_agreements(article, load_register())]
    assert "declaration-allied-interaction-2022" in keys


def test_an_azerbaijani_ordinal_year_before_the_document_word_names_the_registers_one():
    article = parse(
        "Münasibətlər\n\nEkspert bildirib ki, yeni sənəd 1997-ci il müqaviləsinin ruhunu "
        "davam etdirir."
    )
    keys = [m.register_key for m in extract_agreements(article, load_register())]
    assert keys == ["treaty-friendship-cooperation-mutual-security-1997"]


@pytest.mark.parametrize(
    "sentence",
    [
        "So far no agreement on the gas price has been signed, the company said.",
        "Пока никакого соглашения о цене газа не подписано, сообщили в компании.",
        "Şirkət bildirib ki, qazın qiyməti barədə hələ heç bir saziş imzalanmayıb.",
    ],
)
def test_a_negated_document_names_none(sentence):
    assert extract_agreements(parse(f"Gas\n\n{sentence}")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The co-chairs signed the protocol of the 9th session of the commission.",
        "Сопредседатели подписали протокол XVIII заседания межправительственной комиссии.",
        "Həmsədrlər Hökumətlərarası Komissiyanın 9-cu iclasının protokolunu imzalayıblar.",
        "The co-chairs then signed the protocol of the council's 5th session.",
        "Komissiyanın həmsədrləri iclasın yekun protokolunu imzalayıblar.",
        # Named by the meeting the sentence reports, with no other words of its own.
        "По итогам встречи сопредседатели рабочей группы подписали протокол заседания.",
    ],
)
def test_the_protocol_of_a_commissions_meeting_is_its_minutes(sentence):
    (minutes,) = extract_agreements(dated_article(sentence))
    assert minutes.kind is AgreementKind.MINUTES


@pytest.mark.parametrize(
    ("body", "signed_on"),
    [
        (
            "On 14 October the foreign ministers of Azerbaijan and Russia met in Baku.\n\n"
            "Following the talks, the ministers signed a plan of consultations between the two "
            "ministries for 2025–2026.",
            dt.date(2024, 10, 14),
        ),
        (
            "14 октября в Москве прошло заседание рабочей группы по транспорту.\n\n"
            "По итогам заседания стороны подписали меморандум о сотрудничестве в области "
            "цифровых транспортных коридоров на 2024–2025 годы.",
            dt.date(2024, 10, 14),
        ),
        (
            "Oktyabrın 14-də Bakıda nəqliyyat üzrə işçi qrupunun iclası keçirilib.\n\n"
            "İclasın yekununda tərəflər rəqəmsal nəqliyyat dəhlizləri haqqında memorandum "
            "imzalayıblar.",
            dt.date(2024, 10, 14),
        ),
        # A meeting still to come dates nothing.
        (
            "On 20 October the foreign ministers will meet in Baku.\n\nFollowing the talks, the "
            "ministers signed a plan of consultations between the two ministries.",
            None,
        ),
    ],
)
def test_a_document_signed_at_a_meeting_takes_the_day_the_lead_gives_for_it(body, signed_on):
    (document,) = extract_agreements(dated_article(body, "2024-10-15"))
    assert document.signed_on == signed_on
    if signed_on:
        assert "meeting" in document.date_note


def test_views_exchanged_at_the_meeting_are_no_signing_that_ends_the_leads_search():
    article = dated_article(
        "On 14 October the foreign ministers of Azerbaijan and Russia met in Baku.\n\n"
        "The ministers exchanged views on regional security.\n\nFollowing the meeting, the "
        "ministers signed a plan of consultations between the two ministries.",
        "2024-10-15",
    )
    (plan,) = extract_agreements(article)
    assert plan.signed_on == dt.date(2024, 10, 14)


def test_a_lead_recalling_a_signing_of_another_year_does_not_stop_the_search_for_the_days():
    article = dated_article(
        "On 14 October the foreign ministers of Azerbaijan and Russia met in Baku.\n\n"
        "They recalled the declaration signed on 22 February 2022.\n\nFollowing the meeting, "
        "the ministers signed a plan of consultations between the two ministries.",
        "2024-10-15",
    )
    plan = next(m for m in extract_agreements(article) if "consultations" in m.name)
    assert plan.signed_on == dt.date(2024, 10, 14)


def test_a_listed_summit_statement_under_a_lead_reporting_a_signing_is_the_registers_one():
    # The list's items have no verb: the lead reports the signing, the register dates it.
    article = dated_article(
        "The documents below were signed after the talks of the two presidents.\n\n"
        "Joint Statement by the President of Azerbaijan and the President of Russia.\n\n"
        "Memorandum on cooperation in the field of plant quarantine.",
        "2018-09-01",
    )
    statement, memorandum = extract_agreements(article, load_register())
    assert statement.register_key == "joint-statement-presidents-2018"
    assert statement.signed_on == dt.date(2018, 9, 1)
    assert "register" in statement.date_note
    # An item with no verb under that lead is the day's news too.
    assert memorandum.signed_on == dt.date(2018, 9, 1)


def test_a_lead_dating_its_signing_in_the_last_days_of_the_year_before_dates_the_list():
    article = dated_article(
        "On 30 December 2018 the ministers signed the following documents in Baku:\n\n"
        "- Memorandum on cooperation in the field of plant quarantine.",
        "2019-01-02",
    )
    (memorandum,) = extract_agreements(article)
    assert memorandum.signed_on == dt.date(2018, 12, 30)


def test_an_agreement_on_the_sea_listed_after_a_caspian_summit_lead_is_the_five_states():
    article = parse(
        "Итоги встречи\n\nЛидеры Азербайджана, России, Ирана, Казахстана и Туркменистана "
        "встретились на Каспийском саммите в Баку и приняли ряд документов.\n\n"
        "Так, подписано Соглашение о сотрудничестве в области охраны морских птиц Каспийского "
        "моря."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.is_bilateral is False
    assert set(agreement.parties) >= {"Iran", "Kazakhstan", "Turkmenistan"}


def test_an_agreement_on_the_sea_stays_bilateral_when_its_sentence_names_the_two_countries():
    article = parse(
        "Итоги встречи\n\nЛидеры пяти прикаспийских государств обсудили судоходство.\n\n"
        "Россия и Азербайджан ещё раньше разделили свою часть дна, подписав Соглашение о "
        "разграничении соседних участков дна Каспийского моря."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.is_bilateral is True


def test_the_signers_an_aside_on_the_subject_names_are_the_documents_parties():
    article = parse(
        "Talks near Moscow\n\nThe leaders met outside the capital for five hours. The paper, "
        "signed by Robert Kocharyan, Heydar Aliyev and Vladimir Putin at a dacha outside "
        "Moscow, is the Declaration on a Lasting Peace in the region."
    )
    (declaration,) = extract_agreements(article)
    assert set(declaration.parties) == {"Armenia", "Azerbaijan", "Russia"}


def test_a_document_signed_by_two_leaders_named_by_surname_is_their_countries():
    article = parse(
        "Baku reacts\n\nThe agreement on the division of the northern seabed, signed in Moscow "
        "last week by presidents Boris Yeltsin and Nursultan Nazarbayev, was praised here."
    )
    (agreement,) = extract_agreements(article)
    assert set(agreement.parties) == {"Russia", "Kazakhstan"}


@pytest.mark.parametrize(
    "body",
    [
        "Жители обсуждают Соглашение о совместном использовании водохранилища, подписанное "
        "министрами двух стран 14 октября прошлого года.",
        "Farmers still discuss the Agreement on the joint use of the reservoir, signed by the "
        "two ministers on 14 October last year.",
    ],
)
def test_a_day_and_month_of_last_year_take_the_year_before_the_articles(body):
    (agreement,) = extract_agreements(dated_article(body, "2024-03-02"))
    assert agreement.signed_on == dt.date(2023, 10, 14)
    assert "last year" in agreement.date_note


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        ("«Лукойл» и SOCAR подписали контракт на поставку дизельного топлива в Баку.", "топлив"),
        ("Нафтан и ГНКАР вчера подписали контракт на закупку азербайджанской нефти.", "нефти"),
        ("Rosneft signed a contract on Friday to supply Azeri refineries with crude.", "crude"),
        (
            "The contract between Transneft Trading and Azerigaz for oil transit was extended.",
            "transit",
        ),
    ],
)
def test_a_contract_is_named_by_what_it_buys_or_sells(sentence, stem):
    (contract,) = extract_agreements(dated_article(sentence))
    assert contract.kind is AgreementKind.CONTRACT
    assert stem in contract.name.casefold()


def test_azeri_names_azerbaijan_as_a_side():
    (contract,) = extract_agreements(
        dated_article("Russia's Gazprom signed a contract to buy Azeri gas from next year.")
    )
    assert set(contract.parties) == {"Azerbaijan", "Russia"}


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        (
            "Bu gün dövlət başçıları nəqliyyat dəhlizləri haqqında Birgə Bəyanat imzalayıblar.",
            "Birgə Bəyanat",
            "Nəqliyyat dəhlizləri haqqında Birgə Bəyanat",
        ),
        (
            "Komissiyanın həmsədrləri — nazirlər Elvin Məmmədov və İqor Petrov iqtisadi "
            "əməkdaşlıq haqqında Memorandum imzalayıblar.",
            "Memorandum",
            "Nazirlər Elvin Məmmədov və İqor Petrov iqtisadi əməkdaşlıq haqqında Memorandum",
        ),
        (
            "Martın 12-də Azərbaycan Respublikası ilə Rusiya Federasiyası arasında turizm "
            "haqqında Saziş imzalanıb.",
            "Saziş",
            "Azərbaycan Respublikası ilə Rusiya Federasiyası arasında turizm haqqında Saziş",
        ),
    ],
)
def test_an_azerbaijani_name_starts_after_its_signers_an_aside_or_a_day(sentence, word, name):
    assert az_candidate(sentence, word).name == name


@pytest.mark.parametrize(
    ("sentence", "kind", "stem"),
    [
        (
            "Among the documents was a protocol amending the agreement on visa-free travel.",
            AgreementKind.PROTOCOL,
            "amending",
        ),
        (
            "Был подписан Меморандум о взаимопонимании между Минэнерго России и Минэнерго "
            "Азербайджана.",
            AgreementKind.MEMORANDUM,
            "минэнерго",
        ),
        (
            "Mədəniyyət nazirlikləri arasında 2025-2027-ci illər üçün əməkdaşlıq proqramı "
            "imzalanıb.",
            AgreementKind.PROGRAMME,
            "mədəniyyət nazirlikləri",
        ),
    ],
)
def test_a_document_is_named_by_what_it_amends_or_by_the_bodies_that_signed_it(
    sentence, kind, stem
):
    (document,) = extract_agreements(dated_article(sentence))
    assert document.kind is kind
    assert stem in document.name.casefold()


@pytest.mark.parametrize(
    ("sentence", "kind", "stem"),
    [
        (
            "Губернатор и посол 15 сентября подписали План мероприятий по реализации соглашения "
            "о культурном сотрудничестве между областью и республикой.",
            AgreementKind.ACTION_PLAN,
            "мероприятий",
        ),
        (
            "Министры обороны подписали План военного сотрудничества на 2026 год.",
            AgreementKind.WORK_PLAN,
            "военного",
        ),
        (
            "The defence ministers signed a military cooperation plan for 2026.",
            AgreementKind.WORK_PLAN,
            "military",
        ),
        (
            "Nazirlər 2026-2027-ci illər üçün konsultasiyalar planını imzalayıblar.",
            AgreementKind.WORK_PLAN,
            "konsultasiya",
        ),
    ],
)
def test_a_plan_is_found_after_a_date_and_in_its_cooperation_and_consultation_forms(
    sentence, kind, stem
):
    documents = extract_agreements(dated_article(sentence))
    assert [d.kind for d in documents] == [kind]
    assert stem in documents[0].name.casefold()


def test_a_document_of_a_trilateral_body_naming_no_side_is_its_states():
    article = dated_article(
        "Azerbaijan, Armenia and Russia set up a working group.\n\n"
        "The trilateral working group signed a plan of measures on restoring rail links."
    )
    (plan,) = extract_agreements(article)
    assert len(plan.parties) != 2 or set(plan.parties) != {"Azerbaijan", "Russia"}


@pytest.mark.parametrize(
    ("sentence", "kind", "stem"),
    [
        (
            "В Баку подписан План мероприятий на 2025–2027 годы по развитию сотрудничества между "
            "правительством республики и администрацией области.",
            AgreementKind.ACTION_PLAN,
            "администрацией",
        ),
        (
            "The customs services of Azerbaijan and Russia signed a work plan for 2026-2027 in "
            "Baku today.",
            AgreementKind.WORK_PLAN,
            "customs",
        ),
    ],
)
def test_the_years_a_plan_covers_are_read_past_to_its_name_or_signers(sentence, kind, stem):
    (plan,) = extract_agreements(dated_article(sentence))
    assert plan.kind is kind
    assert stem in plan.name.casefold()


@pytest.mark.parametrize(
    "body",
    [
        "Министры иностранных дел подписали сегодня совместное заявление.",
        "The foreign ministers signed a joint statement today.",
    ],
)
def test_a_meetings_own_joint_statement_signed_as_news_is_one_document(body):
    article = dated_article(
        f"The foreign ministers of Azerbaijan and Russia met in Moscow.\n\n{body}", "2016-04-04"
    )
    (statement,) = extract_agreements(article)
    assert statement.kind is AgreementKind.JOINT_STATEMENT
    assert statement.signed_on == dt.date(2016, 4, 4)


def test_a_joint_statement_of_a_meeting_with_a_third_country_is_not_taken_unnamed():
    article = dated_article(
        "The leaders of Azerbaijan, Iran and Russia met in Baku.\n\n"
        "The leaders signed a joint statement today.",
        "2016-08-08",
    )
    assert extract_agreements(article) == []


def test_an_adopted_statement_is_a_signing_reported_as_news():
    article = dated_article(
        "Президенты Азербайджана и России провели переговоры в Баку.\n\n"
        "Главы государств приняли совместное заявление о транспортных коридорах.",
        "2024-08-19",
    )
    (statement,) = extract_agreements(article, load_register())
    assert statement.register_key == "joint-declaration-presidents-2024"


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        ("The ministries signed an MoU on cooperation in veterinary medicine.", "veterinary"),
        ("They signed a Memorandum of Understanding (MoU) on cooperation in sport.", "sport"),
    ],
)
def test_an_mou_is_a_memorandum_and_its_bracketed_short_form_ends_no_name(sentence, stem):
    (memorandum,) = extract_agreements(dated_article(sentence))
    assert memorandum.kind is AgreementKind.MEMORANDUM
    assert stem in memorandum.name


def test_a_quoted_azerbaijani_name_runs_back_to_its_opening_quote():
    sentence = (
        "Nazirlər “Azərbaycan Respublikasının Hökuməti ilə Rusiya Federasiyasının Hökuməti "
        "arasında 2030-cu ilədək turizm sahəsində əməkdaşlıq Proqramı”nı imzalayıblar."
    )
    window, kind = next(document_words(sentence))
    candidate = candidate_at(window, kind, "az")
    assert candidate.name.startswith("Azərbaycan Respublikasının Hökuməti")
    assert "turizm" in candidate.name


def test_a_named_document_as_a_predicate_is_still_a_document():
    article = dated_article(
        "Səfərin əsas nəticəsi Azərbaycan Respublikası ilə Rusiya Federasiyası arasında "
        "nəqliyyat sahəsində əməkdaşlıq haqqında Müqavilədir."
    )
    (treaty,) = extract_agreements(article)
    assert "nəqliyyat" in treaty.name


def test_a_signing_still_to_come_maps_to_the_register_entry_dated_after_the_article():
    article = dated_article(
        "Putin Bakıya səfər edəcək.\n\nSəfər zamanı prezidentlər tərəfindən Bakı "
        "Bəyannaməsinin imzalanması nəzərdə tutulur.",
        "2000-12-27",
    )
    keys = [m.register_key for m in extract_agreements(article, load_register())]
    assert keys == ["baku-declaration-2001"]


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        (
            "The presidents signed an agreement on Friday delimiting the border rivers.",
            "delimiting",
        ),
        (
            "Russia's largest gas producer Gazprom and Azerbaijan's state energy firm SOCAR "
            "signed a cooperation agreement.",
            "cooperation",
        ),
    ],
)
def test_an_english_name_reads_what_the_document_does_and_who_signed_it(sentence, stem):
    (agreement,) = extract_agreements(dated_article(sentence))
    assert agreement.kind is AgreementKind.AGREEMENT
    assert stem in agreement.name.casefold()


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Соглашение о воздушном сообщении подлежит ратификации парламентами.",
            "Соглашение о воздушном сообщении",
        ),
        (
            "Договор о правовой помощи с 98-го года действует без изменений.",
            "Договор о правовой помощи",
        ),
        (
            "Соглашение о морском транспорте с 2005 года регулирует перевозки.",
            "Соглашение о морском транспорте",
        ),
    ],
)
def test_a_russian_name_ends_at_the_sentences_verb_or_a_since(sentence, name):
    (document,) = extract_agreements(parse(f"Relations\n\n{sentence}"))
    assert document.name == name


def test_the_sides_a_headline_names_count_for_a_document_of_three_countries():
    article = parse(
        "Kazakhstan, Azerbaijan and Georgia agree on a transport route\n\n2025-03-12\n\n"
        "The ministers of the three countries signed a memorandum on the development of the "
        "trans-Caspian route.\n\nFreight on the route has grown this year."
    )
    (memorandum,) = extract_agreements(article)
    assert set(memorandum.parties) != {"Azerbaijan", "Russia"}
    assert "Kazakhstan" in memorandum.parties


@pytest.mark.parametrize(
    ("previous", "sides"),
    [
        (
            "Customs chiefs from Turkmenistan, Azerbaijan and Russia met in Baku on Tuesday.",
            {"Turkmenistan", "Azerbaijan", "Russia"},
        ),
        ("Главы таможен Азербайджана и России встретились в Баку.", {"Azerbaijan", "Russia"}),
    ],
)
def test_they_who_signed_are_the_sides_the_sentence_before_lists(previous, sides):
    body = f"{previous} They signed a protocol on the exchange of customs data."
    (protocol,) = extract_agreements(dated_article(body))
    assert set(protocol.parties) == sides


def test_countries_named_in_passing_before_are_not_they_who_signed():
    body = (
        "The railway to Iran remained the key condition, the Russian side said. "
        "The sides agreed to draft a road map for the Yalama border station."
    )
    (road_map,) = extract_agreements(dated_article(body))
    assert set(road_map.parties) != {"Iran", "Russia"}


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        (
            "«Почта России» и Azərpoçt подписали меморандум о сотрудничестве в сфере логистики.",
            "логистики",
        ),
        (
            "Russian Post and Azərpoçt signed a memorandum on cooperation in parcel delivery.",
            "parcel",
        ),
    ],
)
def test_an_azerbaijani_company_in_a_russian_or_english_sentence_keeps_its_languages_reading(
    sentence, stem
):
    (memorandum,) = extract_agreements(dated_article(sentence))
    assert stem in memorandum.name


def test_a_word_broken_at_a_lines_end_is_read_whole():
    article = dated_article(
        "По итогам переговоров министры подписали План кон-\nсультаций между министерствами "
        "иностранных дел\nдвух стран на 2025-2026 годы."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.kind is AgreementKind.WORK_PLAN
    assert "консультаций" in agreement.name


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("сотрудничество в нефте- и газодобыче", "сотрудничество в нефте- и газодобыче"),
        ("pre- and post-war treaties", "pre- and post-war treaties"),
        ("охра- не водных ресурсов", "охране водных ресурсов"),
        # Two columns side by side: the word after the hyphen is the other column's.
        (
            "Договор о | и министры отмети- государственной",
            "Договор о | и министры отмети- государственной",
        ),
    ],
)
def test_only_a_hyphen_breaking_one_word_is_joined(text, read):
    assert joined_line_breaks(text) == read


def test_azerbaijani_of_1991_92_with_a_for_schwa_names_its_documents_as_written():
    article = dated_article(
        "Bu gün Bakıda Azärbaycan vä Rusiya nazirläri mädäniyyät sahäsindä ämäkdaşlıq haqqında "
        "Bäyannamä imzalamışlar.",
        "1992-05-20",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.kind is AgreementKind.DECLARATION
    # The ministers who signed it open no name (their countries are its sides).
    assert agreement.name == "Mädäniyyät sahäsindä ämäkdaşlıq haqqında Bäyannamä"


def test_a_document_of_1992_in_the_old_letters_is_the_registers():
    article = dated_article(
        "Bu gün Moskvada Azärbaycan Respublikası ilä Rusiya Federasiyası arasında diplomatik "
        "münasibätlärin qurulması haqqında Protokol imzalanmışdır.",
        "1992-04-04",
    )
    (agreement,) = extract_agreements(article, load_register())
    assert agreement.register_key == "protocol-diplomatic-relations-1992"
    assert "münasibätlärin" in agreement.name


def test_a_document_named_again_with_its_day_of_signing_takes_that_day():
    article = dated_article(
        "Parliament approved the Agreement on cooperation in veterinary medicine between the "
        "two governments.\n\nThe Agreement on cooperation in veterinary medicine was signed in "
        "Moscow on March 3, 2021.",
        "2021-06-10",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2021, 3, 3)


@pytest.mark.parametrize(
    ("body", "stem"),
    [
        (
            "Deputatlar bildirib ki, Milli Məclis ilə Dövlət Duması arasında əməkdaşlıq haqqında "
            "Saziş layihəsi hazırlanır.",
            "dövlət duması",
        ),
        (
            "Ректоры подписали Меморандум о сотрудничестве между Казанским федеральным "
            "университетом и Азербайджанским университетом языков.",
            "университетом",
        ),
    ],
)
def test_a_cooperation_document_of_two_parliaments_or_universities_is_told_apart(body, stem):
    (agreement,) = extract_agreements(dated_article(body))
    assert stem in agreement.name.casefold()


@pytest.mark.parametrize(
    "body",
    [
        "Görüşdə Dağıstan Respublikasının Hökuməti ilə Azərbaycan Respublikasının Kənd "
        "Təsərrüfatı Nazirliyi arasında əməkdaşlıq haqqında Saziş imzalanıb.",
        "The governor said the Astrakhan region and Azerbaijan's Ministry of Economy signed an "
        "agreement on trade and economic cooperation.",
    ],
)
def test_a_russian_regions_document_with_azerbaijan_is_bilateral(body):
    (agreement,) = extract_agreements(dated_article(body))
    assert set(agreement.parties) == {"Azerbaijan", "Russia"}


@pytest.mark.parametrize(
    "text",
    [
        "The ministers met on Oct. 12 in Baku and signed a plan.",
        "Mr. Overchuk and Mr. Mustafayev chaired the commission.",
        "The forum opened in St. Petersburg with a panel on transit.",
    ],
)
def test_a_stop_closing_an_abbreviation_ends_no_sentence(text):
    assert list(sentences(text)) == [text]


def test_a_day_after_its_month_is_no_count_of_documents():
    article = dated_article(
        "The two leaders on Nov. 4 signed a joint statement on the humanitarian ties of the "
        "two countries.",
        "2025-11-05",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.kind is AgreementKind.JOINT_STATEMENT
    assert "humanitarian" in agreement.name


def test_the_leaders_an_aside_names_after_their_countries_are_sides_too():
    article = dated_article(
        "The leaders of Armenia, Azerbaijan and Russia, Nikol Pashinyan, Ilham Aliyev and "
        "Vladimir Putin, adopted a joint statement on unblocking regional transport links."
    )
    (agreement,) = extract_agreements(article)
    assert set(agreement.parties) == {"Armenia", "Azerbaijan", "Russia"}
    assert not agreement.is_bilateral


def test_the_european_commission_signs_for_the_european_union():
    article = dated_article(
        "Azerbaijan and the European Commission signed a memorandum of understanding on a "
        "strategic partnership in the field of energy."
    )
    (agreement,) = extract_agreements(article)
    assert set(agreement.parties) == {"Azerbaijan", "European Union"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The governors signed an agreement on trade, economic, scientific and cultural "
            "cooperation between the Government of Azerbaijan and the Government of Kaluga "
            "region.",
            "Agreement on trade, economic, scientific and cultural cooperation between the "
            "Government of Azerbaijan and the Government of Kaluga region",
        ),
        (
            "The ministers signed an agreement on transit, Overchuk said, and thanked the hosts.",
            "Agreement on transit",
        ),
    ],
)
def test_a_list_set_off_by_commas_inside_a_name_goes_on_to_its_and(sentence, name):
    (agreement,) = extract_agreements(dated_article(sentence))
    assert agreement.name == name


@pytest.mark.parametrize(
    ("body", "sides"),
    [
        (
            "Baku's talks with Moscow went on while it sold more gas under the memorandum on "
            "energy partnership signed with the European Commission two years ago.",
            {"European Union"},
        ),
        (
            "Москва и Баку обсудили и Меморандум о транзите зерна, подписанный с Ираном весной.",
            {"Iran"},
        ),
    ],
)
def test_a_third_side_the_name_is_signed_with_keeps_it_off_the_bilateral_list(body, sides):
    (agreement,) = extract_agreements(dated_article(body))
    assert sides <= set(agreement.parties)
    assert not agreement.is_bilateral


@pytest.mark.parametrize(
    "sentence",
    [
        "Министр назвал подписание Соглашения о воздушном сообщении «важным этапом» для "
        "авиакомпаний обеих стран.",
        "Губернатор назвал подписание Соглашения о воздушном сообщении событием года.",
    ],
)
def test_what_a_speaker_calls_a_signing_is_no_part_of_the_name(sentence):
    (agreement,) = extract_agreements(dated_article(sentence))
    assert agreement.name == "Соглашения о воздушном сообщении"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "At the ceremony the ministers exchanged intergovernmental agreements on fisheries "
            "in the northern Caspian, and on veterinary inspection of livestock.",
            [
                "Agreement on fisheries in the northern Caspian",
                "Agreement on veterinary inspection of livestock",
            ],
        ),
        (
            "Стороны подписали межведомственные соглашения о взаимном признании дипломов и о "
            "сотрудничестве архивных служб.",
            [
                "Соглашение о взаимном признании дипломов",
                "Соглашение о сотрудничестве архивных служб",
            ],
        ),
    ],
)
def test_a_plural_word_listing_what_each_is_about_names_one_document_per_item(sentence, names):
    agreements = extract_agreements(dated_article(sentence))
    assert [agreement.name for agreement in agreements] == names


@pytest.mark.parametrize(
    "sentence",
    [
        # One item is a field of talks, not a list of documents.
        "The sides discussed agreements on trade signed in earlier years.",
        # The second 'on' opens a circumstance, not another document.
        "The agreements on grain transit, on the sidelines of the forum, drew little notice.",
    ],
)
def test_a_plural_word_with_fewer_than_two_listed_items_names_no_document(sentence):
    assert extract_agreements(dated_article(sentence)) == []


def test_where_and_when_between_the_word_and_its_name_are_no_part_of_it():
    article = dated_article(
        "The two transport ministers signed an agreement in Baku in March on joint "
        "inspection of rolling stock with the aim of shortening border stops."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.name == (
        "Agreement on joint inspection of rolling stock with the aim of shortening border stops"
    )


def test_a_name_ending_with_its_partner_gives_the_partner_as_a_side():
    article = dated_article(
        "Baku is unusual in having signed two such texts within a year: the Lankaran "
        "Declaration with Iran in 2019 and the Declaration on River Navigation with Russia "
        "in 2020."
    )
    navigation = next(a for a in extract_agreements(article) if "Navigation" in a.name)
    assert set(navigation.parties) == {"Azerbaijan", "Russia"}


def test_a_participle_with_where_and_when_still_leads_to_the_name():
    article = dated_article(
        "The agreement signed in Astrakhan on March 4 on the joint use of the Volga ferry "
        "terminal, stays in force for ten years."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.name == "Agreement on the joint use of the Volga ferry terminal"


def test_a_document_further_down_a_list_has_the_signers_the_sentence_lists_first():
    article = dated_article(
        "Лидеры Азербайджана, Грузии, Казахстана и России подписали соглашение о "
        "сотрудничестве таможенных служб на транзитных маршрутах, соглашение о единых "
        "тарифах для контейнерных поездов и соглашение о развитии паромных переправ."
    )
    ferries = next(a for a in extract_agreements(article) if "паромных" in a.name)
    assert set(ferries.parties) == {"Azerbaijan", "Georgia", "Kazakhstan", "Russia"}
    assert not ferries.is_bilateral


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "В ходе заседания рабочей группы сопредседатели подписали протокол.",
            "Протокол заседания",
        ),
        ("At the end of the session the co-chairs signed the protocol.", "Protocol of the meeting"),
        (
            "The deputy ministers then signed the minutes of the working group's meeting.",
            "Minutes of the working group's meeting",
        ),
    ],
)
def test_a_protocol_signed_at_the_meeting_its_clause_opens_with_is_its_minutes(sentence, name):
    (agreement,) = extract_agreements(dated_article(sentence))
    assert agreement.kind is AgreementKind.MINUTES
    assert agreement.name == name


def test_a_bare_protocol_merely_discussed_at_a_meeting_is_no_document():
    article = dated_article("На заседании стороны обсудили протокол, но не подписали его.")
    assert extract_agreements(article) == []


@pytest.mark.parametrize(
    ("sentence", "word", "name"),
    [
        # A capitalised word in -du is a noun ('Fondu': its fund), not a verb in the past.
        (
            "Rusiya Dəmiryol Fondu ilə Azərbaycan Logistika Şirkəti arasında Anlaşma "
            "Memorandumu imzalanıb.",
            "Memorandumu",
            "Rusiya Dəmiryol Fondu ilə Azərbaycan Logistika Şirkəti arasında Anlaşma Memorandumu",
        ),
        # 'Qida' (food) ends in -da but is no place in the locative.
        (
            "Nazirlər Qida məhsullarının sertifikatlaşdırılması haqqında Saziş imzalayıblar.",
            "Saziş",
            "Qida məhsullarının sertifikatlaşdırılması haqqında Saziş",
        ),
        # A plural joined by 'və' to the next word is a topic, not who signed.
        (
            "Bundan sonra Meşə yanğınları və daşqınlar sahəsində əməkdaşlıq haqqında Saziş "
            "imzalanıb.",
            "Saziş",
            "Meşə yanğınları və daşqınlar sahəsində əməkdaşlıq haqqında Saziş",
        ),
    ],
)
def test_an_azerbaijani_name_keeps_its_nouns_that_look_like_verbs_places_or_signers(
    sentence, word, name
):
    assert az_candidate(sentence, word).name == name


def test_a_list_under_a_lead_reporting_the_signing_without_a_day_takes_the_articles_day():
    article = dated_article(
        "Rusiya nazirinin Bakıya səfəri çərçivəsində aşağıdakı sənədlər imzalanıb:\n\n"
        "- Balıqçılıq sahəsində əməkdaşlıq haqqında Saziş\n"
        "- Arxiv işi sahəsində əməkdaşlığa dair Anlaşma Memorandumu",
        day="2023-05-04",
    )
    agreements = extract_agreements(article)
    assert [agreement.signed_on for agreement in agreements] == [dt.date(2023, 5, 4)] * 2
    assert all("listed under a lead" in agreement.date_note for agreement in agreements)


def test_a_list_under_a_lead_that_recalls_an_earlier_signing_takes_no_day():
    article = dated_article(
        "Tərəflər əvvəl imzalanmış sənədlərin icrasını müzakirə ediblər:\n\n"
        "- Balıqçılıq sahəsində əməkdaşlıq haqqında Saziş",
        day="2023-05-04",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers signed a comprehensive plan of cooperation between the two countries' "
        "veterinary services for 2025-2027.",
        "Министры подписали комплексный план сотрудничества ветеринарных служб на 2025-2027 годы.",
    ],
)
def test_a_comprehensive_plan_of_cooperation_is_a_plan_of_action(sentence):
    (agreement,) = extract_agreements(dated_article(sentence))
    assert agreement.kind is AgreementKind.ACTION_PLAN


def test_a_contract_with_its_partner_is_named_by_what_it_trades():
    article = dated_article(
        "Russia's Lukoil has signed a contract with Azerbaijan's Azerigaz to supply "
        "liquefied gas starting from 1 March 2024."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.kind is AgreementKind.CONTRACT
    assert agreement.name == "Contract to supply liquefied gas"


def test_an_agreement_on_starting_something_keeps_its_name():
    article = dated_article("The ministries signed an agreement on starting joint production.")
    (agreement,) = extract_agreements(article)
    assert agreement.name == "Agreement on starting joint production"


def test_a_trilateral_body_in_the_next_clause_adds_no_sides_to_the_document():
    article = dated_article(
        "Baku and Moscow remain bound by the Treaty on Navigation on the Volga and Kura, and "
        "that the trilateral working group with Iran meets monthly changes nothing in it."
    )
    (agreement,) = extract_agreements(article)
    assert agreement.name == "Treaty on Navigation on the Volga and Kura"
    assert set(agreement.parties) == {"Azerbaijan", "Russia"}


def test_a_year_that_ends_a_programmes_term_is_no_other_year_of_signing():
    article = dated_article(
        "Nazirlər “2030-cu ilədək turizm sahəsində əməkdaşlıq Proqramı”nı imzaladılar.",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)


AZ_PARAGRAPH = "Tərəflər ticarət və nəqliyyat sahəsində əməkdaşlığı genişləndirməyi müzakirə edib."


def az_documents(sentence: str):
    return extract_agreements(parse(f"Başlıq burada yazılıb\n\n{sentence}\n\n{AZ_PARAGRAPH}"))


def test_the_leaders_an_azerbaijani_sentence_names_before_a_statement_are_its_sides():
    # The verb comes after the name, so no signing verb stood before it: three leaders'
    # statement was filed as Azerbaijan and Russia's.
    (statement,) = az_documents(
        "Azərbaycan Prezidenti İlham Əliyev, Rusiya Prezidenti Vladimir Putin və Ermənistanın "
        "Baş naziri Nikol Paşinyan Dağlıq Qarabağ münaqişə zonasında atəşin və bütün hərbi "
        "əməliyyatların tam dayandırılması haqqında birgə bəyanat imzalayıblar."
    )
    assert set(statement.parties) == {"Armenia", "Azerbaijan", "Russia"}


def test_a_city_before_the_signers_of_an_azerbaijani_sentence_adds_no_side():
    (agreement,) = az_documents("Tehranda Azərbaycan və İran nəqliyyat haqqında saziş imzalayıb.")
    assert set(agreement.parties) == {"Azerbaijan", "Iran"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Azərbaycan, Rusiya və Ermənistan liderləri Qarabağ haqqında birgə bəyanat "
            "imzalayıblar.",
            "Qarabağ haqqında birgə bəyanat",
        ),
        (
            "Azərbaycan və Rusiya nazirləri nəqliyyat sahəsində əməkdaşlıq haqqında saziş "
            "imzalayıblar.",
            "Nəqliyyat sahəsində əməkdaşlıq haqqında saziş",
        ),
        # The plural before 'arasında' names the sides' bodies: part of the name.
        (
            "Azərbaycan və Rusiya nazirlikləri arasında nəqliyyat haqqında saziş imzalanıb.",
            "Azərbaycan və Rusiya nazirlikləri arasında nəqliyyat haqqında saziş",
        ),
    ],
)
def test_the_countries_people_who_sign_open_no_azerbaijani_name(sentence, name):
    (document,) = az_documents(sentence)
    assert document.name == name


RU_PARAGRAPH = "Стороны обсудили развитие торговли, транспорта и энергетики на ближайшие годы."
EN_PARAGRAPH = "The two sides discussed trade, transport and energy cooperation during the talks."


@pytest.mark.parametrize(
    ("sentence", "paragraph", "sides"),
    [
        (
            "Baku and Washington also signed a Memorandum of Understanding establishing a "
            "working group on strategic partnership.",
            EN_PARAGRAPH,
            {"Azerbaijan", "United States"},
        ),
        (
            "Баку и Берлин подписали соглашение о сотрудничестве в энергетике.",
            RU_PARAGRAPH,
            {"Azerbaijan", "Germany"},
        ),
        (
            "Azərbaycan və İtaliya enerji sahəsində saziş imzalayıb.",
            AZ_PARAGRAPH,
            {"Azerbaijan", "Italy"},
        ),
        # 'индивидуальных' is no India.
        (
            "Россия и Азербайджан подписали соглашение о помощи индивидуальным предпринимателям.",
            RU_PARAGRAPH,
            {"Azerbaijan", "Russia"},
        ),
    ],
)
def test_a_farther_partner_is_a_side_of_its_own(sentence, paragraph, sides):
    (document,) = extract_agreements(parse(f"Headline\n\n{sentence}\n\n{paragraph}"))
    assert set(document.parties) == sides


@pytest.mark.parametrize(
    ("headline", "item"),
    [
        (
            "Azerbaijani-Russian documents signed during the visit to Moscow",
            "Agreement between the Government of Azerbaijan and the Government of Russia on "
            "cooperation in the field of beekeeping.",
        ),
        (
            "Документы, подписанные в ходе визита в Баку",
            "Соглашение между Правительством Российской Федерации и Правительством "
            "Азербайджанской Республики о сотрудничестве в области пчеловодства.",
        ),
    ],
)
def test_a_paragraph_that_is_a_documents_name_under_a_headline_reporting_the_signing_takes_its_day(
    headline, item
):
    article = parse(f"{headline}\n\n2024-08-19\n\n{item}\n\nPublished in section: News")
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)


@pytest.mark.parametrize(
    "lead",
    [
        "Xəzəryanı dövlətlərin başçılarının zirvə görüşü Həştərxanda keçirilib.",
        # Typed without 'ə'.
        "Xezeryani dovletlerin bascilarinin zirve gorusu Hestərxanda kecirilib.",
    ],
)
def test_a_caspian_document_of_a_shores_summit_naming_no_third_state_is_the_five_states(lead):
    article = parse(
        f"Zirvə\n\n{lead} Sənədlər arasında Xəzər dənizində balıqçılıq sahəsində əməkdaşlıq "
        "haqqında Saziş var. Mərasimdə Prezident İlham Əliyev iştirak edib."
    )
    (agreement,) = extract_agreements(article)
    assert set(agreement.parties) == {"Azerbaijan", "Russia", "Iran", "Kazakhstan", "Turkmenistan"}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # 'three-way', 'three-sided' say there were three sides.
        (
            "Azerbaijan, Armenia and Russia met in Sochi. The leaders adopted a three-way "
            "declaration on the opening of regional transport links.",
            {"Armenia", "Azerbaijan", "Russia"},
        ),
        # A list that opens at the end of a longer clause ('… ministers of Kazakhstan').
        (
            "In Aktau the transport ministers of Kazakhstan, Russia and Azerbaijan signed an "
            "agreement on the development of ferry links.",
            {"Kazakhstan", "Azerbaijan", "Russia"},
        ),
    ],
)
def test_every_side_of_a_document_of_three_is_read(text, sides):
    (document,) = extract_agreements(parse(f"Headline\n\n{text}"))
    assert set(document.parties) == sides


def test_the_osce_minsk_group_is_no_belarus():
    text = (
        "The trilateral declaration on regional stability commits Aliyev and Pashinyan to the "
        "principles of the OSCE Minsk Group, Putin said in Moscow."
    )
    (document,) = extract_agreements(parse(f"Headline\n\n{text}"))
    assert set(document.parties) == {"Armenia", "Azerbaijan", "Russia"}


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        (
            "Armenia and Azerbaijan pledged to reopen transport links, according to a joint "
            "statement adopted today after talks of the two leaders with the Russian president.",
            {"Armenia", "Azerbaijan", "Russia"},
        ),
        (
            "Azerbaijan and Russia adopted a joint statement today on transit through Iran.",
            {"Azerbaijan", "Russia"},
        ),
    ],
)
def test_a_meetings_bare_joint_statement_is_every_country_its_sentence_names(sentence, sides):
    (document,) = extract_agreements(dated_article(sentence))
    assert set(document.parties) == sides


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        # What a contract trades, in the genitive.
        ("«Транснефть» и SOCAR подписали контракт купли-продажи сырой нефти.", "нефти"),
        ("Стороны подписали договор поставки электроэнергии на зимний период.", "электроэнерги"),
        # A unit's abbreviation ends no name.
        ("Компании подписали контракт на поставку до 2 млрд куб. м газа в год.", "газа"),
    ],
)
def test_a_contract_is_named_by_what_it_trades(sentence, stem):
    (document,) = extract_agreements(parse(f"Заголовок\n\n{sentence}"))
    assert stem in document.name.casefold()


def test_a_document_word_inside_the_name_just_given_is_part_of_it():
    text = (
        "Компании подписали в Баку соглашение об основных условиях контракта на поставку "
        "азербайджанского газа."
    )
    (document,) = extract_agreements(parse(f"Заголовок\n\n{text}"))
    assert document.kind is AgreementKind.AGREEMENT


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # When and where between the verb and the document.
        (
            "Бакинский государственный университет и Казанский федеральный университет "
            "подписали сегодня в Баку меморандум о сотрудничестве.",
            AgreementKind.MEMORANDUM,
        ),
        # Companies by their legal form, in quotes.
        (
            "ОАО «Уральские вагоны» и ЗАО «Каспийский транзит» подписали меморандум о "
            "взаимопонимании.",
            AgreementKind.MEMORANDUM,
        ),
        # Two modifiers of the document's own.
        (
            "Azerbaijan's Azersu and Russia's Vodokanal Corporation signed a new cooperation "
            "roadmap in Baku.",
            AgreementKind.ROAD_MAP,
        ),
    ],
)
def test_a_document_its_signing_organisations_tell_apart_is_named_by_them(text, kind):
    (document,) = extract_agreements(parse(f"Headline\n\n{text}"))
    assert document.kind is kind
    assert " и " in document.name or " and " in document.name


def test_a_memorandum_signed_between_two_bodies_in_the_passive_is_named_by_them():
    text = (
        "At the forum in Kazan a memorandum of understanding was signed today between the "
        "Azerbaijan Tourism Board (ATB) and the Russian Federal Agency for Tourism."
    )
    (document,) = extract_agreements(parse(f"Headline\n\n{text}"))
    assert document.name == (
        "Memorandum of understanding between the Azerbaijan Tourism Board and the Russian "
        "Federal Agency for Tourism"
    )


@pytest.mark.parametrize(
    ("sentence", "stem"),
    [
        (
            "Стороны подписали Программу научно-технического, гуманитарного и "
            "культурного сотрудничества между Республикой Татарстан и Азербайджанской "
            "Республикой.",
            "гуманитарного",
        ),
        (
            "Министры подписали Программу действий по развитию туризма между "
            "Правительством Азербайджанской Республики и Правительством Калмыкии.",
            "туризма",
        ),
    ],
)
def test_a_russian_programme_is_named_by_its_genitive_list_or_its_actions(sentence, stem):
    (document,) = extract_agreements(parse(f"Заголовок\n\n{sentence}"))
    assert document.kind is AgreementKind.PROGRAMME
    assert stem in document.name


def test_an_azerbaijani_name_ends_at_the_document_listed_before_it_and_at_a_participation():
    text = (
        "Nazirlərin iştirakı ilə turizm sahəsində əməkdaşlıq haqqında Saziş, arıçılıq və "
        "balıqçılıq sahəsində əməkdaşlıq haqqında Saziş imzalanıb."
    )
    names = [a.name for a in extract_agreements(parse(f"Başlıq\n\n{text}"))]
    assert names == [
        "Turizm sahəsində əməkdaşlıq haqqında Saziş",
        "Arıçılıq və balıqçılıq sahəsində əməkdaşlıq haqqında Saziş",
    ]


@pytest.mark.parametrize("quotes", ['""', "“”", "«»"])
def test_an_azerbaijani_name_quoted_before_its_word_runs_back_to_its_opening_quote(quotes):
    opening, closing = quotes
    text = (
        f"Nazirlər {opening}Dəmir yolu ilə daşınan yüklər üzərində baytarlıq nəzarəti "
        f"haqqında{closing} Saziş imzalayıblar."
    )
    (document,) = extract_agreements(parse(f"Başlıq\n\n{text}"))
    assert "daşınan yüklər" in document.name


def test_the_year_closing_a_name_outranks_a_day_of_another_year_after_it():
    text = (
        "Основой отношений остается Договор о дружбе, сотрудничестве и взаимной безопасности "
        "1997 года, а 22 февраля 2022 года в Москве президенты подписали Декларацию о "
        "союзническом взаимодействии."
    )
    found = extract_agreements(dated_article(text, "2022-04-04"), load_register())
    treaty = next(a for a in found if a.kind is AgreementKind.TREATY)
    assert treaty.signed_on is None
    assert treaty.register_key == "treaty-friendship-cooperation-mutual-security-1997"


def test_a_year_before_a_list_conjunction_belongs_to_the_item_before():
    text = (
        "К договору добавились Московская декларация 2004 года и Декларация о дружбе и "
        "стратегическом партнерстве, подписанная в Баку."
    )
    found = extract_agreements(dated_article(text, "2017-07-03"), load_register())
    keys = {a.register_key for a in found}
    assert "declaration-friendship-strategic-partnership-2008" in keys


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (
            "the Action Plan on the Development of Key Areas of Cooperation until 2024",
            "action-plan-key-areas-2018",
        ),
        # The years a plan covers still tell a later plan of the same name apart.
        ("the Action Plan on the Development of Key Areas of Cooperation for 2024–2026", None),
    ],
)
def test_the_year_a_term_ends_is_not_the_year_a_registered_document_was_signed(name, key):
    text = f"The commission reviewed how {name} is carried out."
    (document,) = extract_agreements(dated_article(text, "2022-11-24"), load_register())
    assert document.register_key == key


def test_the_next_sentences_full_date_dates_a_signing_this_one_only_names():
    article = dated_article(
        "Today marks two years since the signing of the Memorandum on cooperation in "
        "beekeeping. The document, signed by the two ministers on 14 May 2022, opened new "
        "markets.",
        "2024-05-14",
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2022, 5, 14)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Prezidentlər üç mühüm sənəd imzalayıblar\n\nGörüş Bakıda keçirilib.", 3),
        ("Visit ends\n\nFive documents in all were signed during the visit.", 5),
        ("Визит завершен\n\nПрезиденты подписали в Сочи четыре документа.", 4),
        ("Sammit\n\nDövlət başçılarının iştirakı ilə ümumilikdə 5 sənəd mübadiləsi olub.", 5),
        # A day, and a number of sides, are no counts.
        ("Визит\n\nСтороны подписали в Москве 18 февраля соглашение о транзите нефти.", None),
        ("Beş ölkə sazişlər imzalayıb\n\nSammit Aktauda keçirilib.", None),
    ],
)
def test_a_count_of_documents_signed_is_read_from_the_headline_and_past_asides(text, count):
    assert count_documents_signed(parse(text)) == count


def test_a_quoted_list_item_under_a_lead_reporting_the_signing_takes_its_day():
    article = dated_article(
        "On August 19, a ceremony of signing documents was held in Baku.\n\n"
        "The following documents were exchanged:\n\n"
        '"Agreement between the Government of Azerbaijan and the Government of Russia on '
        'cooperation in the field of beekeeping";'
    )
    (agreement,) = extract_agreements(article)
    assert agreement.signed_on == dt.date(2024, 8, 19)


def test_a_city_named_declaration_unknown_to_the_register_is_not_the_one_of_its_year():
    text = (
        "Nazir 2022-ci ildə imzalanmış Bakı Bəyannaməsində tranzit üzrə hədəflərin "
        "qoyulduğunu xatırladıb."
    )
    found = extract_agreements(dated_article(text, "2025-10-13"), load_register())
    assert "declaration-allied-interaction-2022" not in {a.register_key for a in found}


@pytest.mark.parametrize(
    "text",
    [
        "Opposition deputies criticised the initialled Agreement on the Establishment of Peace "
        "and Interstate Relations.",
        "Путин и Алиев обсудили подготовку Соглашения об установлении мира и межгосударственных "
        "отношений.",
        "Лавров заявил, что Москва готова помочь в подписании мирного договора о нормализации "
        "отношений.",
        "Bayramov briefed Lavrov on the peace agreement on the normalisation of relations.",
        "Nazirlər sülhün bərqərar edilməsi və dövlətlərarası münasibətlər haqqında sazişi "
        "müzakirə ediblər.",
    ],
)
def test_a_peace_document_is_armenias_and_azerbaijans_whoever_discusses_it(text):
    (agreement,) = extract_agreements(dated_article(text, "2025-08-11"))
    assert set(agreement.parties) == {"Armenia", "Azerbaijan"}


def test_peaceful_uses_of_atomic_energy_make_no_peace_document():
    text = (
        "Azerbaijan and Russia signed an agreement on cooperation in the peaceful uses of "
        "atomic energy."
    )
    (agreement,) = extract_agreements(dated_article(text))
    assert agreement.parties == ("Azerbaijan", "Russia")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "SOCAR and Rosneft signed a cooperation agreement.",
            "Cooperation agreement between SOCAR and Rosneft",
        ),
        (
            "«Роснефть» и ГНКАР подписали соглашение о сотрудничестве.",
            "Соглашение о сотрудничестве между «Роснефть» и ГНКАР",
        ),
        (
            "«Татнефть» и SOCAR подписали в Казани дорожную карту.",
            "Дорожную карту между «Татнефть» и SOCAR",
        ),
    ],
)
def test_companies_named_by_acronym_or_in_quotes_sign_a_document_of_their_own(text, name):
    (agreement,) = extract_agreements(dated_article(text))
    assert agreement.name == name


@pytest.mark.parametrize(
    "text",
    [
        "NATO and Azerbaijan signed an agreement.",
        "Россия и Азербайджан подписали соглашение о сотрудничестве.",
    ],
)
def test_an_acronym_beside_a_country_or_countries_alone_name_no_document(text):
    assert extract_agreements(dated_article(text)) == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Gazprom resumed deliveries on Monday under its new contract with Socar, the "
            "company said.",
            "Contract with Socar",
            AgreementKind.CONTRACT,
        ),
        (
            "Exports rose under a contract with state oil company SOCAR signed in October.",
            "Contract with state oil company SOCAR",
            AgreementKind.CONTRACT,
        ),
        (
            "Поставки идут по договору с «Газпромом» с начала месяца.",
            "Договору с «Газпромом»",
            AgreementKind.CONTRACT,
        ),
        (
            "Азербайджан получит газ по контракту, который Gazprom и SOCAR подписали осенью.",
            "Контракту между Gazprom и SOCAR",
            AgreementKind.CONTRACT,
        ),
        (
            "Baku will receive the gas under a memorandum Rosatom and AzAtom signed this week.",
            "Memorandum between Rosatom and AzAtom",
            AgreementKind.MEMORANDUM,
        ),
    ],
)
def test_a_companys_document_is_named_by_the_company_it_was_signed_with(text, name, kind):
    found = extract_agreements(dated_article(text))
    assert [(a.name, a.kind) for a in found] == ([(name, kind)] if name else [])


@pytest.mark.parametrize(
    "text",
    [
        "Baku reached an agreement with President Putin on the visit.",
        "He mentioned the contract with the company.",
        "Azerbaijan has a treaty with Russia.",
        "The memorandum Moscow and Baku signed changed little.",
    ],
)
def test_a_person_a_company_unnamed_or_a_country_names_no_companys_document(text):
    assert extract_agreements(dated_article(text)) == []


@pytest.mark.parametrize(
    ("lead", "item"),
    [
        (
            "Avqustun 19-da Bakıda aşağıdakı sənədlər imzalanıb:",
            "Azərbaycan Respublikasının Prezidenti və Rusiya Federasiyasının Prezidentinin Birgə "
            "Bəyannaməsi;",
        ),
        (
            "On August 19 the following documents were signed in Baku:",
            "Joint Declaration of the President of the Republic of Azerbaijan and the President "
            "of the Russian Federation;",
        ),
    ],
)
def test_a_summits_statement_named_by_its_signers_alone_is_the_one_of_the_day_read(lead, item):
    article = dated_article(f"{lead}\n\n- {item}", "2024-08-20")
    keys = [agreement.register_key for agreement in extract_agreements(article, load_register())]
    assert keys == ["joint-declaration-presidents-2024"]


def test_a_summits_statement_named_by_its_signers_on_a_day_the_register_lacks_is_unknown():
    article = dated_article(
        "On May 5 the following documents were signed in Baku:\n\n- Joint Declaration of the "
        "President of the Republic of Azerbaijan and the President of the Russian Federation;",
        "2020-05-06",
    )
    (agreement,) = extract_agreements(article, load_register())
    assert agreement.register_key is None


@pytest.mark.parametrize(
    "text",
    [
        "The first trilateral meeting of Azerbaijan, Russia and Iran on the corridor was held in "
        "Baku.\n\nThe minutes were signed by the deputy prime minister of Azerbaijan, the deputy "
        "prime minister of Russia and the roads minister of Iran. The signatories promised a "
        "draft agreement on the Qazvin–Rasht railway within a month.",
        "В Баку прошла первая трехсторонняя встреча Азербайджана, России и Ирана.\n\nДокумент "
        "подписали вице-премьеры Азербайджана и России и министр дорог Ирана. Стороны намерены "
        "подготовить проект соглашения о строительстве железной дороги Казвин — Решт.",
        "Bakıda Azərbaycan, Rusiya və İran arasında ilk üçtərəfli görüş keçirilib.\n\nSənədi "
        "Azərbaycanın və Rusiyanın baş nazir müavinləri, İranın yollar naziri imzalayıb. "
        "Tərəflər Qəzvin-Rəşt dəmir yolu layihəsi üzrə saziş layihəsini hazırlamaq "
        "niyyətindədirlər.",
    ],
)
def test_the_sides_of_a_trilateral_meeting_the_lead_reports_are_its_documents_sides(text):
    found = extract_agreements(dated_article(text))
    railway = [a for a in found if a.kind is AgreementKind.AGREEMENT]
    assert railway and all("Iran" in agreement.parties for agreement in railway)


def test_the_sides_of_a_bilateral_meeting_keep_their_document_bilateral():
    text = (
        "В Баку прошли переговоры вице-премьеров Азербайджана и России.\n\nСтороны намерены "
        "подготовить проект соглашения о строительстве моста через реку Самур."
    )
    (agreement,) = extract_agreements(dated_article(text))
    assert agreement.parties == ("Azerbaijan", "Russia")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Стороны подписали протокол о транзите нефти по маршруту Баку — Новороссийск — и "
            "обсудили тарифы.",
            "Протокол о транзите нефти по маршруту Баку — Новороссийск",
        ),
        (
            "The two railways signed a memorandum on freight on the Yalama – Samur crossing.",
            "Memorandum on freight on the Yalama – Samur crossing",
        ),
        (
            "The ministers signed the agreement on the Moscow – Baku air link – Azerbaijani "
            "officials welcomed it.",
            "Agreement on the Moscow – Baku air link",
        ),
    ],
)
def test_a_dash_between_a_routes_two_ends_is_inside_the_name(text, name):
    (agreement,) = extract_agreements(dated_article(text))
    assert agreement.name == name


@pytest.mark.parametrize(
    "text",
    [
        'Avqustun 13-də "Rosneft" və SOCAR arasında iki saziş imzalanıb.',
        "Hazırda iki ölkə arasında ticarət sahəsində səkkiz yol xəritəsi icra olunur.",
        "Görüşdən sonra Bakıda İqtisadiyyat nazirlikləri arasında üç Memorandum imzalanıb.",
    ],
)
def test_an_azerbaijani_numeral_before_a_singular_document_word_counts_documents(text):
    assert extract_agreements(dated_article(text)) == []


def test_an_azerbaijani_numeral_counting_the_countries_leaves_the_document_named():
    text = "İki ölkə arasında dövlət sərhədi haqqında Müqavilə imzalanıb."
    (agreement,) = extract_agreements(dated_article(text), load_register())
    assert agreement.register_key == "state-border-treaty-2010"


@pytest.mark.parametrize(
    "text",
    [
        "Стороны подписали два соглашения о сотрудничестве в области энергетики.",
        "Министры подписали три меморандума о сотрудничестве в сфере туризма.",
        "Сейчас реализуются восемь дорожных карт по торговле и транспорту.",
    ],
)
def test_a_russian_numeral_before_a_document_word_counts_documents(text):
    assert extract_agreements(dated_article(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Две страны подписали соглашение о сотрудничестве в области энергетики.",
        "Министры иностранных дел двух республик подписали Протокол об установлении "
        "дипломатических отношений.",
    ],
)
def test_a_russian_numeral_counting_the_sides_leaves_the_document_named(text):
    assert len(extract_agreements(dated_article(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Президент утвердил Соглашение между Азербайджанской Республикой и Российской Федерацией "
        "о сотрудничестве в области пенсионного обеспечения, подписанное 26 апреля 2022 года.",
        "Rusiya ilə Azərbaycan arasında pensiya təminatı sahəsində əməkdaşlıq haqqında saziş "
        "2022-ci il aprelin 26-da Bakıda imzalanıb.",
        "The Duma ratified the agreement on cooperation in the field of pension provision that "
        "Azerbaijan and Russia signed in Baku on April 26, 2022.",
    ],
)
def test_the_pension_agreement_of_2022_is_the_registers_in_each_language(text):
    found = extract_agreements(dated_article(text, "2023-03-15"), load_register())
    assert [a.register_key for a in found] == ["pension-cooperation-agreement-2022"]
    assert found[0].signed_on == dt.date(2022, 4, 26)


def test_a_memorandum_on_pensions_is_not_the_registers_pension_agreement():
    text = "Azerbaijan and Russia signed a memorandum of cooperation in the field of pensions."
    (memorandum,) = extract_agreements(dated_article(text, "2021-06-14"), load_register())
    assert memorandum.register_key is None


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "SOCAR and Gazprom signed a gas purchase contract in Baku on 14 October.",
            "Gas purchase contract between SOCAR and Gazprom",
        ),
        (
            "SOCAR and Gazprom signed a purchase and sale contract for Azerbaijani gas.",
            "Purchase and sale contract for Azerbaijani gas",
        ),
    ],
)
def test_an_english_contract_keeps_what_it_trades_when_the_words_stand_before_it(sentence, name):
    article = parse(f"Gas deal\n\n{sentence} Deliveries start next year, the companies said.")
    assert [mention.name for mention in extract_agreements(article)] == [name]


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("In all, nine intergovernmental and interagency documents were signed.", 9),
        ("After the talks the leaders witnessed the signing of seven documents.", 7),
        ("По итогам переговоров состоялось подписание шести документов.", 6),
        ("The ceremony included the signing of about 20 agreements.", None),
    ],
)
def test_a_count_is_read_with_two_adjectives_or_the_signing_told_as_a_noun(sentence, count):
    article = parse(f"Talks in Baku\n\nAzerbaijan and Russia held talks in Baku. {sentence}")
    assert count_documents_signed(article) == count


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "A programme of cooperation between Moscow and Baku for 2011–2013 was signed today.",
            ["Programme of cooperation between Moscow and Baku for 2011–2013"],
        ),
        # No subject and no years: any of the pair's cooperation agreements, none in particular.
        ("An agreement on cooperation between Moscow and Baku was signed on Tuesday.", []),
    ],
)
def test_a_programmes_span_of_years_tells_it_apart_when_it_names_no_subject(sentence, names):
    article = parse(f"Cities sign a programme\n\n{sentence}\n\nThey discussed trade.", today=TODAY)
    assert [mention.name for mention in extract_agreements(article)] == names
