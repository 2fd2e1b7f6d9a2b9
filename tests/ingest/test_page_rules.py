"""Parsing rules drawn from how news pages are built, each on a page of its own making.

Forum labels, dates written as a span of days or months, a date glued to the
text after it, and the credits of an aggregator's items, which never make it
the publisher. Chrome lines (skip links, drop-down controls, result counters)
are among test_parse's chrome cases.
"""

import datetime as dt

import pytest

from articles.ingest.dates import date_only_line, find_date
from articles.ingest.document import Precision
from articles.ingest.extract import extract_agreements
from articles.ingest.headline import is_tagline
from articles.ingest.language import fold
from articles.ingest.parse import parse

TODAY = dt.date(2026, 11, 27)
PARAGRAPH = (
    "Azerbaijan and Russia discussed the development of trade and economic cooperation, "
    "the expansion of transport links and joint projects in energy, the ministry said."
)


def test_a_forum_quote_label_is_never_the_headline_when_a_post_quotes_another():
    text = f"Quote from: caspian_wind\nanyone has the full text?\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title_derived is True


@pytest.mark.parametrize(
    ("line", "value", "precision"),
    [
        ("January 11-17, 2007", dt.date(2007, 1, 1), Precision.MONTH),
        ("11–17 января 2007 года", dt.date(2007, 1, 1), Precision.MONTH),
        ("No. 3 2019 July/September", dt.date(2019, 1, 1), Precision.YEAR),
        ("июль–сентябрь 2019", dt.date(2019, 1, 1), Precision.YEAR),
    ],
)
def test_a_span_of_days_or_months_is_dated_to_what_it_shares_when_an_issue_covers_it(
    line, value, precision
):
    found = date_only_line(line)
    assert (found.published.value, found.published.precision) == (value, precision)


def test_a_single_day_is_still_read_to_the_day_when_no_span_follows_it():
    assert find_date("on March 3, 2021 in Baku").published.precision is Precision.DAY


def test_splits_a_date_from_the_headline_when_the_copy_glued_the_time_to_it():
    text = (
        "03.07.2017, 10:15Dostluq müqaviləsinin 20 ili: Bakı və Moskva necə yaxınlaşdı\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Dostluq müqaviləsinin 20 ili: Bakı və Moskva necə yaxınlaşdı"
    assert article.published.value == dt.date(2017, 7, 3)


def test_reads_the_dateline_when_the_copy_glued_the_date_line_to_it():
    text = (
        "Посол России: отношения вышли на новый уровень\n"
        "22 февраля, 2023 12:47Баку. 22 февраля. REPORT.AZ/ Посол России в Азербайджане "
        "заявил, что отношения двух стран вышли на качественно новый уровень за прошедший год."
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2023, 2, 22)
    assert article.body.startswith("Посол России в Азербайджане")


def test_credits_each_item_not_the_publisher_when_an_aggregator_lists_them():
    text = (
        "Caspian states sign convention\nTrend — 2 days ago\nThe presidents signed it.\n\n"
        "Putin on the convention\nTASS — 1 day ago\nThe president told the summit.\n\n"
        f"{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert article.credits == ("Trend", "TASS")
    assert article.title_derived is True


def test_credits_bracketed_outlets_and_keeps_their_text_when_items_open_with_them():
    text = (
        f"[Интерфакс] Москва. 3 июля. ИНТЕРФАКС - {PARAGRAPH}\n\n"
        f"[ТАСС] Договор был ратифицирован Государственной думой. {PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert article.credits == ("Interfax", "TASS")
    assert article.published.value is None
    assert "ратифицирован" in article.body


def test_credits_the_one_item_not_the_publisher_when_an_aggregator_links_to_its_source():
    text = (
        f"Report.az   |   17.01.2025 19:05   |   Dünya\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n"
        "Mənbəyə keç →     ↗ Paylaş"
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert article.credits == ("Report",)
    assert article.published.value == dt.date(2025, 1, 17)


def test_a_periodicals_title_is_never_the_headline_when_the_story_stands_under_its_date():
    text = (
        "RUSSIA & CIS OIL AND GAS WEEKLY\nJanuary 11-17, 2007\n\n"
        f"AZERBAIJAN HALTS RUSSIAN GAS IMPORTS\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "AZERBAIJAN HALTS RUSSIAN GAS IMPORTS"
    assert article.published.precision is Precision.MONTH


def test_a_ticker_line_shown_twice_is_not_the_headline_when_it_shares_no_word_with_the_text():
    text = (
        "Главное Политика Общество Экономика\n"
        "Трамп снова пригрозил пошлинами\nТрамп снова пригрозил пошлинами\n\n"
        "Мусабеков: после Душанбе лёд тронулся\n\nОтдел информации\n\n"
        "Встреча президентов в Душанбе показала, что обе стороны хотят остановить сползание "
        "отношений, считает депутат Расим Мусабеков, однако восстановление доверия займёт время."
    )
    assert parse(text, today=TODAY).title == "Мусабеков: после Душанбе лёд тронулся"


def test_a_date_beside_an_exchange_rate_is_the_widgets_when_the_page_gives_no_other():
    text = f"Новости\ndate 2025-10-14 USD 1.7000\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).published.value is None


def test_a_yearless_dateline_takes_the_one_written_year_its_weekday_fits():
    text = (
        "MOSCOW, July 3 (Itar-Tass) - The presidents signed a treaty in the Kremlin on Thursday."
        "\n\nThe pipeline will carry oil in 1997 and in 2000."
    )
    assert parse(text, today=TODAY).published.value == dt.date(1997, 7, 3)


def test_a_yearless_dateline_stays_unknown_when_two_written_years_fit_its_weekday():
    text = (
        "MOSCOW, July 3 (Itar-Tass) - The presidents signed a treaty in the Kremlin on Thursday."
        "\n\nThe pipeline will carry oil in 1997 and in 2003."
    )
    assert parse(text, today=TODAY).published.value is None


def test_credits_every_outlet_of_a_list_when_the_text_says_it_reported_with_them():
    text = f"Ceasefire in Moscow\n\n{PARAGRAPH}\n\nWith reporting by Interfax and TASS"
    assert set(parse(text, today=TODAY).credits) >= {"Interfax", "TASS"}


def test_credits_an_outlet_when_the_text_says_it_reported_citing_others():
    text = (
        "Крушение самолета\n\nЕще 26 декабря Reuters со ссылкой на источники в правительстве "
        "сообщил, что самолет был поврежден. Расследование продолжается уже несколько месяцев."
    )
    assert "Reuters" in parse(text, today=TODAY).credits


def test_a_menu_typed_with_two_spaces_between_its_items_is_never_the_headline():
    # Short capitalised items, two spaces apart, no sentence mark: a menu row, whatever
    # its words, in any script; the headline under it is the page's.
    for menu in (
        "Current Issue  Archive  Editorial Board  Submissions  Subscribe",
        "Россия  Мир  Бывший СССР  Экономика  Силовые структуры  Наука и техника",
    ):
        text = f"{menu}\n\nThe Caspian after the summit\n\nAnna Petrova\n\n{PARAGRAPH}"
        assert parse(text, today=TODAY).title == "The Caspian after the summit"


def test_two_spaces_after_a_full_stop_do_not_make_prose_a_menu():
    text = f"Baku and Moscow agree.  Talks  Go  On  Today\n\n{PARAGRAPH}"
    assert "Talks Go On Today" in parse(text, today=TODAY).title


@pytest.mark.parametrize(
    "rubric", ["Рубрика: Дипломатия | Кавказ", "Category: Diplomacy", "Bölmə: Siyasət"]
)
def test_a_rubric_that_names_itself_is_never_the_headline(rubric):
    text = f"{rubric}\n\nMoscow and Baku sign a declaration\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "Moscow and Baku sign a declaration"


def test_an_interviews_question_opened_by_a_dash_is_never_the_headline():
    text = (
        "«Союзнический характер отношений никто не отменял»\n\n"
        "Интервью\n\n"
        "— Господин посол, как вы оцениваете отношения Москвы и Баку?\n\n"
        "— Основу наших отношений составляет декларация, подписанная президентами, и мы "
        "исходим из неё в повседневной работе, в торговле, транзите и гуманитарных делах."
    )
    assert parse(text, today=TODAY).title == "«Союзнический характер отношений никто не отменял»"


def test_the_line_its_lead_retells_is_the_headline_when_no_date_or_byline_places_one():
    # Neither line stands by a date or a byline; a section's label comes first, but the
    # lead under the second says what that line says.
    text = (
        "Mətbuat xidməti idarəsinin məlumatları\n\n"
        "Nazir Ceyhun Bayramovun Sergey Lavrovla telefon danışığı barədə\n\n"
        "Nazir Ceyhun Bayramov Sergey Lavrovla telefon danışığı aparıb, tərəflər regional "
        "təhlükəsizlik məsələlərini və qarşıdakı ikitərəfli təmasları müzakirə ediblər."
    )
    expected = "Nazir Ceyhun Bayramovun Sergey Lavrovla telefon danışığı barədə"
    assert parse(text, today=TODAY).title == expected


def test_a_line_shown_twice_is_not_retold_by_its_own_copy():
    text = (
        "Трамп снова пригрозил пошлинами\nТрамп снова пригрозил пошлинами\n\n"
        "Расим Мусабеков: после Душанбе лёд тронулся\n\n"
        "Встреча в Душанбе показала, что стороны хотят остановить спад в отношениях, "
        "считает политолог Расим Мусабеков, но до прежнего уровня ещё далеко."
    )
    assert parse(text, today=TODAY).title == "Расим Мусабеков: после Душанбе лёд тронулся"


@pytest.mark.parametrize(
    "related",
    [
        "Related: Gazprom, SOCAR sign memorandum on gas supplies (Nov 18)",
        "По теме: Газпром и ГНКАР подписали меморандум о поставках газа",
    ],
)
def test_a_related_link_under_the_story_is_chrome_and_names_no_document_of_its_own(related):
    article = parse(f"Talks on gas\n\n{PARAGRAPH}\n\n{related}\n\n{PARAGRAPH}", today=TODAY)
    assert related not in article.body
    assert extract_agreements(article) == []


def test_a_monitoring_source_line_credits_the_agency_and_dates_the_report():
    text = (
        "Azerbaijan, Russia agree on gas deliveries - agency\n\n"
        "Text of report by Azerbaijani news agency Turan\n\n"
        "Baku, 21 December: SOCAR and Gazprom signed a contract on the supply of gas to "
        "Azerbaijan in Moscow yesterday, the ministry said, and volumes will fall next year.\n\n"
        "Source: Turan news agency, Baku, in Russian 1130 gmt 21 Dec 06"
    )
    article = parse(text, today=TODAY)
    assert "Turan" in article.credits
    assert article.published.value == dt.date(2006, 12, 21)


def test_a_share_row_with_the_networks_russian_names_is_chrome_so_the_date_under_it_closes():
    text = (
        f"Talks in Moscow\n\n{PARAGRAPH}\n\n06.12.2022\n\n"
        "Поделиться: ВКонтакте Telegram Одноклассники"
    )
    article = parse(text, today=TODAY)
    assert "ВКонтакте" not in article.body
    assert article.published.value == dt.date(2022, 12, 6)


def test_a_credit_sharing_the_date_line_under_the_headline_is_a_credit():
    text = (
        "Caspian News\n\nAzerbaijan and Russia talk trade\n\n"
        f"By AzerNews | Thursday, April 18, 2019\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert (article.source, article.credits) == ("Caspian News", ("AzerNews",))


def test_a_country_abbreviated_with_full_stops_in_a_dateline_is_no_agency():
    text = (
        "Eleven republics found a commonwealth\n\n"
        "ALMA-ATA, U.S.S.R. (AP) _ Leaders of eleven Soviet republics signed a declaration on "
        "Saturday, founding a commonwealth and all but burying the Soviet Union, officials said."
    )
    assert all("U.S.S.R" not in credit for credit in parse(text, today=TODAY).credits)


def test_a_closing_dateline_under_a_papers_text_credits_the_wire_it_drew_on():
    text = (
        f"Независимая газета\n\nКаспийский узел\n\n{PARAGRAPH}\n\n"
        "Алма-Ата, 14 мая. — Интерфакс\n\n"
        "Версия для печати | Обсудить на форуме"
    )
    assert "Interfax" in parse(text, today=TODAY).credits


def test_an_author_in_capitals_closing_the_text_is_no_wire_credit():
    text = f"Səfər\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nElçin MİRZƏBƏYLİ"
    assert parse(text, today=TODAY).credits == ()


def test_the_platform_a_blog_is_powered_by_publishes_it_when_it_is_a_known_one():
    text = (
        f"Aktau: the Caspian has a convention\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n"
        "Powered by LiveJournal.com"
    )
    assert parse(text, today=TODAY).source == "LiveJournal"


def test_a_forum_posts_author_line_names_no_publisher():
    text = f"Меморандум по грузоперевозкам\n\nАвтор: Tural_77 | Откуда: Баку\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).source is None


def test_a_state_body_the_text_quotes_is_news_and_never_a_credit():
    text = (
        "Interfax\n\nGas imports\n\n"
        "The Russian Foreign Ministry said the gas price issue was a matter for the companies, "
        "and both sides expected talks on the volumes to go on next month in Moscow."
    )
    assert parse(text, today=TODAY).credits == ()


def test_a_month_after_the_datelines_city_opens_its_date_and_the_slashed_agency_is_read():
    text = f"Talks in Baku\n\nBAKU, March 12. /TASS/. {PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.source == "TASS"
    assert article.body.startswith("Azerbaijan and Russia")


def test_a_datelines_time_before_its_agency_leaves_no_fragment_in_the_body():
    text = f"Talks in Baku\n\nБаку, 12 марта 2021 года, 14:10 — ИА REGNUM. {PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert (article.source, article.published.value) == ("Regnum", dt.date(2021, 3, 12))
    assert article.body.startswith("Azerbaijan and Russia")


@pytest.mark.parametrize("dateline", ["Baku, March 12, AZERTAC", "Bakı, 12 mart, AZƏRTAC"])
def test_a_dateline_on_its_own_line_under_the_headline_credits_its_agency(dateline):
    text = f"Talks in Baku\n\n12.03.2021\n\n{dateline}\n{PARAGRAPH}"
    assert parse(text, today=TODAY).source == "Azertac"


def test_the_one_item_an_aggregator_copies_keeps_its_headline_and_credits_its_outlet():
    text = (
        "CaucasusWire — news from 120 sources\n\n"
        "Baku and Moscow open a second lane at the border crossing\nReport · 3 hours ago\n\n"
        f"{PARAGRAPH}\n\nContinue reading at report.az »"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Baku and Moscow open a second lane at the border crossing"
    assert article.source is None
    assert article.credits == ("Report",)


@pytest.mark.parametrize(
    "row",
    [
        "Версия для печати | Текстовая версия | A A A",
        "Text version    A A A    Print",
        "← Previous post | Next post →",
        "← Предыдущая запись | Следующая запись →",
        "Xəbərlərin hamısı burada   |   Daxil ol   |   Qeydiyyat",
        "Mətbuat xidməti / Mətbuat relizləri",
    ],
)
def test_a_row_of_a_sites_controls_or_press_pages_is_never_the_headline(row):
    text = f"{row}\n\nTalks on the Samur water accord went on in Baku\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "Talks on the Samur water accord went on in Baku"


def test_a_monitoring_services_index_terms_are_never_the_headline():
    text = (
        "BBC Monitoring\nMarch 3, 1995, Friday\n"
        "Part 1 Former USSR; B. CAUCASUS; AZERBAIJAN; SU/2240/F\n\n"
        f"Rail link with Dagestan reopens\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Rail link with Dagestan reopens"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ('Опубликован в газете "Труд" №40 от 3 марта 2004', dt.date(2004, 3, 3)),
        ("CAUCASUS WEEKLY Vol. 4, No. 12, Part II, 9 May 2001", dt.date(2001, 5, 9)),
    ],
)
def test_a_papers_publication_note_or_a_bulletins_issue_line_dates_the_page(line, day):
    text = f"{line}\n\nRail link with Dagestan reopens\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.published.value == day
    assert article.title == "Rail link with Dagestan reopens"


def test_a_title_case_headline_with_a_possessive_is_a_headline_and_not_a_persons_name():
    text = f"Baku's Envoy Returns From Moscow\nMarch 3, 1995\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.title == "Baku's Envoy Returns From Moscow"
    assert article.title_derived is False


def test_the_date_closing_the_text_counts_when_a_share_toast_and_a_channel_plug_follow():
    text = (
        f"Лента\n\nБаку и Москва обсудили квоты\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n"
        "14:05, 2 марта 2024\nСсылка скопирована\nЕще больше новостей в нашем канале"
    )
    assert parse(text, today=TODAY).published.value == dt.date(2024, 3, 2)


def test_the_agencys_own_dateline_on_its_own_page_is_no_credit():
    text = (
        "AP NEWS\nWorld | Politics | Business\n\nCaspian Talks Stall Over Seabed Lines\n"
        "May 4, 1996\n\nBAKU, Azerbaijan (AP) — Talks between the Caspian states on dividing "
        "the seabed stalled again on Saturday, diplomats said after the meeting ended."
    )
    article = parse(text, today=TODAY)
    assert article.source == "Associated Press"
    assert article.credits == ()


@pytest.mark.parametrize(
    "mark",
    ["8,1K subscribers", "Переслано из: Каспийский канал", "Posted by u/baku_reader · 3 hr. ago"],
)
def test_a_social_posts_first_line_is_its_text_and_never_a_headline(mark):
    text = f"Caspian notes\n{mark}\n\nBaku and Moscow agree on new flights\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.body.startswith("Baku and Moscow agree on new flights")


@pytest.mark.parametrize("mark", ["Пересланное сообщение", "Forwarded from Caspian notes"])
def test_a_posts_mark_under_its_text_ends_the_post_and_keeps_the_text(mark):
    text = (
        "Caspian notes\n5 230 подписчиков\n\n"
        "🔹 Ministers of both countries signed a protocol on ferry tariffs in Aktau today.\n\n"
        f"#ferry #Caspian\n\n👁 3,1K  14:02\n\n{mark}\nПодписаться на канал"
    )
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert "signed a protocol on ferry tariffs" in article.body
    assert "Подписаться" not in article.body


@pytest.mark.parametrize("count", ["5 230 подписчиков", "12.4K subscribers", "1,2 тыс подписчиков"])
def test_a_channels_follower_count_marks_a_post_however_it_groups_its_digits(count):
    text = f"Caspian notes\n{count}\n\nBaku and Moscow agree on new flights\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).body.startswith("Baku and Moscow agree on new flights")


@pytest.mark.parametrize(
    "masthead",
    [
        "Орган Кабинета министров Азербайджанской Республики",
        "Official organ of the Ministry of Culture",
        "Mədəniyyət Nazirliyinin orqanı",
        "Региональный выпуск № 512 (7)",
        "Vol. 4, No. 77",
    ],
)
def test_a_newspapers_masthead_is_never_the_headline_when_it_says_whose_organ_or_which_issue(
    masthead,
):
    text = f"ВЕЧЕРНИЙ ВЕСТНИК\n{masthead}\n\nЦены на хлеб выросли\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "Цены на хлеб выросли"


def test_a_byline_in_lower_case_under_the_headline_is_not_part_of_it():
    text = f"QUARTERLY REVIEW\n\nThe Caspian After the Summit\nby Maria Holt\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.title == "The Caspian After the Summit"


def test_an_update_stamp_under_the_date_is_not_joined_to_it_so_the_headline_stays_clear():
    text = (
        "Лента\n\n5 марта 2021, 10:15\nобновлено 5 марта 2021, 12:40\n"
        f"Стороны договорились о поставках\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Стороны договорились о поставках"
    assert article.published.value == dt.date(2021, 3, 5)


@pytest.mark.parametrize(
    "chrome",
    ["English version  Русская версия", "Новости / Экономика", "Search the web"],
)
def test_a_language_switcher_breadcrumb_or_search_box_is_never_the_headline(chrome):
    text = f"Site\n{chrome}\n\nTrade talks resume in Baku\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "Trade talks resume in Baku"


def test_an_email_newsletter_is_never_the_agency_it_credits_and_its_email_lines_are_chrome():
    text = (
        "View this email in your browser\nSOUTH CAUCASUS BRIEF\n\n"
        f"Azerbaijan and Russia signed a transit memorandum, Trend reports. {PARAGRAPH}\n\n"
        "Unsubscribe · Update preferences"
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert "Trend" in article.credits
    assert article.title != "View this email in your browser"


def test_a_forum_post_quoting_an_outlet_does_not_make_it_the_publisher():
    text = (
        "Board › Politics\n\nPosted 12 March 2015 - 10:00 AM\n\nQuote from Report.az:\n"
        f'"{PARAGRAPH}"\n\nInteresting news.'
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert "Report" in article.credits


def test_a_masthead_the_sources_list_does_not_know_names_the_publisher_not_the_wire_it_cites():
    text = (
        "NORTHERN HERALD\n\nCaspian ferries to run twice a week\n\n"
        "ASTANA (Reuters) - Caspian ferries between Aktau and Baku will run twice a week "
        "from spring, the operators said on Monday, as cargo owners seek routes around Russia."
    )
    article = parse(text, today=TODAY)
    # A masthead set in capitals is shown in title case (sources.py, 3671cbf).
    assert article.source == "Northern Herald"
    assert article.credits == ("Reuters",)
    assert article.title == "Caspian ferries to run twice a week"


def test_a_copyright_holder_the_sources_list_does_not_know_publishes_the_page():
    text = (
        "Grain wagons cross at Yalama\n\n"
        "Railway officials said the border crossing handled a record number of grain wagons "
        "in the first quarter, according to Interfax.\n\n"
        "© 2022 Samur Valley Courier. Reproduction only with the editors' consent."
    )
    article = parse(text, today=TODAY)
    assert article.source == "Samur Valley Courier"
    assert article.credits == ("Interfax",)


def test_a_social_networks_own_name_and_footer_never_make_it_the_publisher():
    text = (
        "Facebook\nHome   Friends   Groups\n\nRashad Mammadov\n3 hrs\n\n"
        f"{PARAGRAPH}\n\nFacebook © 2024"
    )
    article = parse(text, today=TODAY)
    assert article.source is None


def test_a_users_name_under_a_forums_menu_is_not_a_masthead():
    text = f"Board › Travel › Border crossings\n\nKamran_88\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).source is None


def test_a_blog_byline_with_its_follow_button_leaves_the_headline_above_it():
    text = (
        "Medium\n\nTen days on the Baku–Makhachkala line\nLeyla K. | Follow\n5 min read\n\n"
        f"{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ten days on the Baku–Makhachkala line"
    assert article.title_derived is False
    assert article.credits == ()


def test_a_bureaus_dateline_signed_with_its_family_name_is_not_another_bureaus_credit():
    text = (
        "Sputnik Грузия\n\nМинистры обсудили транзит\n\n"
        "ТБИЛИСИ, 3 мар — Sputnik. Министры транспорта обсудили грузовой транзит через "
        "Каспий и порты Черного моря."
    )
    article = parse(text, today=TODAY)
    assert article.source == "Sputnik Georgia"
    assert article.credits == ()


def test_a_full_stamp_a_day_after_a_yearless_dateline_is_the_publication_date():
    text = (
        "Kazan Courier\n2019-06-08 01:20 | Editor: M. Ivanova\n\n"
        "Russia and Azerbaijan open a consulate in Kazan\n\n"
        "KAZAN, June 7 (KC) -- The two countries on Friday opened a consulate in Kazan, "
        "officials said, adding that a trade house would follow in the autumn."
    )
    assert parse(text, today=TODAY).published.value == dt.date(2019, 6, 8)


def test_a_yearless_dateline_still_dates_the_page_when_no_stamp_follows_it():
    text = (
        "Russia and Azerbaijan open a consulate in Kazan\n\n"
        "KAZAN, June 7 (Reuters) -- The two countries on Friday opened a consulate in Kazan "
        "in 2019, officials said, adding that a trade house would follow."
    )
    assert parse(text, today=TODAY).published.value == dt.date(2019, 6, 7)


def test_a_most_read_list_under_the_article_ends_it_even_above_a_cookie_banner():
    text = (
        "Gəncə ilə Həştərxan arasında yeni reys açılıb\n"
        "14 Mart 2024 10:15\n\n"
        "Gəncə ilə Həştərxan arasında həftədə iki dəfə birbaşa reys açılıb. "
        "Biletlər artıq satışdadır.\n\n"
        "Ən çox oxunanlar\n"
        "12 Mart 2024 Bakıda yeni park açılıb\n"
        "11 Mart 2024 Hava necə olacaq\n"
        "Saytda cookie fayllarından istifadə olunur. Razıyam"
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2024, 3, 14)
    assert "park" not in article.body


def test_a_language_switch_of_versions_is_never_the_headline():
    text = (
        "English version  Русская версия\n\nMinisters agree on a new ferry line\n\n"
        "Ministers of transport agreed on a new ferry line across the Caspian, "
        "the ministry said on Tuesday."
    )
    assert parse(text, today=TODAY).title == "Ministers agree on a new ferry line"


def test_a_papers_organ_line_with_two_adjectives_is_never_the_headline():
    text = (
        "Официальный ежедневный орган Министерства транспорта\n\n"
        "Паром пойдет через Каспий\n\n"
        "Паром пойдет через Каспий дважды в неделю, сообщили в министерстве транспорта."
    )
    assert parse(text, today=TODAY).title == "Паром пойдет через Каспий"


def test_a_wire_services_newswire_title_is_never_the_headline():
    text = (
        "Caucasus Energy Newswire\n\n"
        "Pipeline operators said on Monday that gas flows through the northern route "
        "would resume after repairs, and that contracts remained in force."
    )
    assert parse(text, today=TODAY).title_derived is True


def test_a_section_name_atop_the_page_is_a_rubric_not_a_publisher():
    text = (
        "ПОЛИТИКА\n\nПаром пойдет через Каспий\n\n"
        "Паром пойдет через Каспий дважды в неделю, сообщили в министерстве транспорта."
    )
    assert parse(text, today=TODAY).source is None


def test_a_masthead_keeps_its_name_when_its_tagline_is_joined_under_it():
    text = (
        "ВОСТОК-ПРЕСС\nинформационное агентство Прикаспия\n\nПаром пойдет через Каспий\n\n"
        "Паром пойдет через Каспий дважды в неделю, сообщили в министерстве транспорта."
    )
    assert parse(text, today=TODAY).source == "ВОСТОК-ПРЕСС"


# ---------------------------------------------------------------- seventh round: dates

LEAD = (
    "Officials of the two governments met in the capital to review the customs agreement "
    "and agreed that the working group would report on freight volumes by the end of the year."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("21.III.1994", dt.date(1994, 3, 21)),
        ("5.XI.1992 г.", dt.date(1992, 11, 5)),
        ("Bakı, 30.XII.1996", dt.date(1996, 12, 30)),
    ],
)
def test_a_month_in_roman_figures_dates_an_old_papers_issue(line, expected):
    found = date_only_line(line)
    assert found is not None
    assert (found.published.value, found.published.precision) == (expected, Precision.DAY)


def test_a_roman_numeral_that_is_no_month_is_no_date():
    assert find_date("Part 14.XIV.1994 of the record") is None


@pytest.mark.parametrize("line", ["1996, № 41", "2003 | Sayı 7 (112)", "1999, No. 12"])
def test_a_year_before_an_issue_number_dates_the_issue_to_its_year(line):
    found = date_only_line(line)
    assert found is not None
    assert found.published.precision is Precision.YEAR
    assert found.is_issue


def test_a_papers_dated_issue_line_outranks_the_dateline_of_a_story_filed_the_day_before():
    text = (
        "DAILY BRIEFING | Baku, 16 March 2006 | № 51 (2210)\n\n"
        f"Baku/15.03.06/Caspian Wire: {LEAD}\n\nBaku/15.03.06/Caspian Wire: Rates held."
    )
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2006, 3, 16), Precision.DAY)


def test_a_yearless_dateline_takes_its_year_and_month_from_the_archive_folder_of_the_page():
    text = (
        "Archive | 2003 | October\n\nTbilisi, October 9 (Trend).\n\n"
        f"Ministers review customs pact\n\n{LEAD}"
    )
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2003, 10, 9), Precision.DAY)


def test_a_yearless_dateline_in_another_month_than_the_archive_folder_stays_unknown_in_day():
    text = (
        "Archive | 2003 | October\n\nTbilisi, November 9 (Trend).\n\n"
        f"Ministers review customs pact\n\n{LEAD}"
    )
    published = parse(text, today=TODAY).published
    assert published.precision is not Precision.DAY


def test_a_weekday_date_above_the_headline_counts_inside_the_archive_month_it_is_filed_in():
    text = (
        "Arxiv › 2004 › Mart\n\n16 mart 2004, çərşənbə axşamı\n\n"
        f"Ministers review customs pact\n\n{LEAD}"
    )
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2004, 3, 16), Precision.DAY)


def test_a_weekday_date_outside_the_archive_month_is_a_widgets_and_dates_nothing_finer():
    text = f"Arxiv › 2004 › Mart\n\n27 noyabr 2026, cümə\n\nMinisters review customs pact\n\n{LEAD}"
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2004, 3, 1), Precision.MONTH)


def test_a_date_sharing_its_row_with_a_reading_time_or_a_view_counter_is_still_the_pages():
    text = (
        "Kaspiyskiy Vestnik\n\nMinisters review customs pact\n\n"
        "14 марта 2017 в 09:12 | Время чтения: 3 мин. | Просмотров: 1 204\n\n"
        f"{LEAD}"
    )
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2017, 3, 14), Precision.DAY)


def test_a_long_date_line_over_a_headline_and_standfirst_does_not_open_the_text():
    text = (
        "MARCH 14, 2017, 09:12 (updated: MARCH 14, 2017, 11:40)\n"
        "Ministers review the customs pact on the Caspian border\n"
        "The two governments agreed to report on freight volumes by the end of the year\n"
        f"BAKU, March 14. {LEAD}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ministers review the customs pact on the Caspian border"
    assert article.published.value == dt.date(2017, 3, 14)


@pytest.mark.parametrize(
    "stamp", ["Вчера, 14:20", "Yesterday, 09:05", "Dünən, 18:40", "3 hours ago"]
)
def test_a_stamp_counted_back_from_the_copy_is_no_date_and_no_headline(stamp):
    text = (
        f"Caspian Port Radio\n{stamp}\nPort chiefs sign a memorandum on transit\n"
        "The chiefs of the ports of Aktau and Baku signed a memorandum on transit of grain, "
        "which lets ships clear the border faster, the port authority said on its website."
    )
    article = parse(text, today=TODAY)
    assert article.published.value is None
    assert article.title == "Port chiefs sign a memorandum on transit"


# ---------------------------------------------------------------- seventh round: headlines

RETOLD = (
    "The governments of Azerbaijan and Russia signed a customs protocol in Baku on Tuesday, "
    "the ministry said, after two years of talks on the border crossings at the Samur river."
)


def test_a_menu_typed_with_two_spaces_is_chrome_even_with_a_dotted_abbreviation_in_it():
    text = (
        "WIRE NEWS\nTop Stories  U.K.  World  Politics  Business\n"
        f"Customs protocol signed at the Samur crossing\nBy JOHN REED\nMarch 3, 2009\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


@pytest.mark.parametrize(
    "tagline",
    [
        "Müstəqil qəzet • 1992-ci ildən nəşr olunur",
        "Общественно-политическая газета | Издаётся с 1991 года",
        "Independent newspaper · Published since 1994",
    ],
)
def test_a_papers_age_on_its_masthead_is_a_tagline_never_the_headline(tagline):
    text = (
        f"KASPI XƏBƏR\n{tagline}\n3 mart 2009\n\nCustoms protocol signed at the Samur crossing"
        f"\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


def test_a_short_headline_over_a_sentence_long_standfirst_is_the_headline():
    text = (
        "Kaspiyskaya Pravda\n03.03.2009 10:00\nSamur crossing reopens\n"
        "Azerbaijan and Russia signed a customs protocol after two years of talks on the border\n"
        f"John Reed\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Samur crossing reopens"


def test_a_headline_over_the_date_keeps_its_place_over_a_long_standfirst_under_the_date():
    text = (
        "Caspian Wire\n\nCustoms protocol signed at the Samur crossing\n\n"
        "09:58 03.03.2009 (updated: 11:30 03.03.2009)\n\n"
        "The talks of the two delegations in Baku lasted three hours and ended with the signing "
        f"of the protocol on border crossings\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


def test_a_kicker_in_capitals_over_a_long_headline_is_not_taken_for_the_headline():
    text = (
        "Caspian Wire\n03.03.2009 10:00\nCUSTOMS\n"
        "Azerbaijan and Russia sign a customs protocol on the Samur border crossings\n"
        f"John Reed\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == (
        "Azerbaijan and Russia sign a customs protocol on the Samur border crossings"
    )


def test_a_one_word_rubric_under_the_headline_does_not_end_the_sites_navigation_there():
    text = (
        "Caspian Wire\nHome  News  Politics  Economy  Sport\n\n"
        "Customs protocol signed at the Samur crossing\n\nPolitics\n03.03.2009 10:00\n\n"
        "The talks of the two delegations in Baku lasted three hours and ended with the signing "
        f"of the protocol on border crossings\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


def test_a_blogs_tagline_above_its_pager_is_not_the_entrys_headline():
    text = (
        "caspian_notes\nNotes on pipelines, ports and the Caspian\n"
        "← Previous entry | Next entry →\n\nCustoms at the Samur\nMarch 3rd, 2009 at 9:27 PM\n\n"
        f"{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Customs at the Samur"


@pytest.mark.parametrize(
    "line", ["Music: the radio", "Current mood: tired", "Настроение: рабочее", "Musiqi: radio"]
)
def test_a_blog_entrys_mood_or_music_is_chrome(line):
    text = f"caspian_notes\n2009-03-03 10:15:00\n{line}\n{RETOLD}"
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert line not in article.body


@pytest.mark.parametrize(
    "line",
    ["Поддержите «Каспий»! Это важно", "Support independent journalism | Donate", "Bizə dəstək ol"],
)
def test_an_appeal_for_money_is_chrome_never_the_headline(line):
    text = (
        f"Caspian Wire\n{line}\n\n03.03.2009 10:00\n\nCustoms protocol signed at Samur\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Customs protocol signed at Samur"


def test_a_labelled_writer_under_the_headline_is_the_byline_and_leaves_the_text():
    text = (
        "Kaspiyskaya Pravda\n03.03.2009 10:00\nSamur crossing reopens\n"
        f"Текст: Ольга Серова (Баку — Дербент)\n\n{RETOLD}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Samur crossing reopens"
    assert article.byline == "Ольга Серова"
    assert "Текст:" not in article.body


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("17-Jun-2011", dt.date(2011, 6, 17)),
        ("04-DEC-1997 10:12", dt.date(1997, 12, 4)),
        ("17.06.11 10:12", dt.date(2011, 6, 17)),
        ("Опубликовано: 04.12.97", dt.date(1997, 12, 4)),
    ],
)
def test_a_stamp_with_a_month_abbreviation_or_a_two_digit_year_dates_the_header(line, expected):
    found = date_only_line(line)
    assert found is not None
    assert (found.published.value, found.published.precision) == (expected, Precision.DAY)


@pytest.mark.parametrize("line", ["Версия 17.06.11", "Build 3.06.11 released"])
def test_a_two_digit_year_without_a_date_label_is_no_date_line(line):
    assert date_only_line(line) is None


def test_a_slashed_date_that_reads_both_ways_is_read_the_way_the_pages_other_dates_are():
    text = (
        f"Caspian Wire\n\nCustoms protocol signed at Samur\n\n07/03/2011 - 10:12\n\n{RETOLD}\n\n"
        "Most read: Ferry line opens (19/02/2011) | Port fees fall (28/02/2011)"
    )
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2011, 3, 7), Precision.DAY)


def test_a_slashed_date_stays_at_its_year_when_nothing_on_the_page_says_which_way_it_reads():
    text = (
        f"Kaspiyskiy Vestnik\n\nТаможенный протокол подписан\n\n07/03/2011 10:12\n\n{RETOLD}\n\n"
        "Читайте также: Паром открыт (09/02/2011)"
    )
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2011, 1, 1), Precision.YEAR)


def test_the_line_under_a_kicker_in_capitals_is_the_headline_it_introduces():
    text = (
        "KASPI\n№ 41 (2210) | 7 марта 2011 года, понедельник\nКАВКАЗ: ГРАНИЦА\n"
        "Таможенники сверили списки\n\n"
        "Вчера в Дербенте таможенные службы двух стран подписали протокол об обмене "
        "сведениями о грузах, следующих через пункт пропуска на реке Самур.\n\n"
        "Протокол вступает в силу с первого апреля."
    )
    assert parse(text, today=TODAY).title == "Таможенники сверили списки"


def test_an_imprint_with_its_year_in_a_column_is_never_the_headline():
    text = (
        "STATISTICAL REVIEW | No. 4 (21)\nState Customs Committee of Azerbaijan | 2011\n\n"
        f"2. FOREIGN TRADE\n\n{RETOLD}"
    )
    article = parse(text, today=TODAY)
    assert "Customs Committee" not in article.title


def test_a_column_of_text_that_hyphenates_a_word_has_no_headline_in_it():
    text = (
        "KASPI QƏZETİ | 7 mart 2011, bazar ertəsi | № 41 (2210) | səh. 2\n"
        "Dünən Dərbənddə Azərbaycan və Rusiya gömrük xidmətlərinin rəhbərləri Samur keçidi-\n"
        "nin iş rejimi haqqında protokol imzaladılar. Sənəd yük maşınlarının keçidini sürət-\n"
        "ləndirməyi nəzərdə tutur və aprelin birindən qüvvəyə minir.\n"
    )
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.published.value == dt.date(2011, 3, 7)


def test_a_wire_copys_headline_dropped_under_its_lead_is_the_headline():
    text = (
        "CASPIAN WIRE\nDaily Energy Newswire\n"
        "BAKU. June 4 (Interfax) - Azerbaijan and Russia agreed to expand ferry freight between "
        "Baku and Makhachkala, the transport ministry said.\n\n"
        "Azerbaijan, Russia expand ferry freight\n\n"
        "The ministries will meet again in autumn."
    )
    article = parse(text, today=TODAY)
    assert article.title == "Azerbaijan, Russia expand ferry freight"
    assert article.title_derived is False
    assert "expand ferry freight\n" not in article.body


def test_a_subheading_under_the_lead_that_names_a_part_of_the_story_stays_in_the_text():
    text = (
        "CASPIAN WIRE\n"
        "BAKU. June 4 (Interfax) - Azerbaijan and Russia agreed to expand ferry freight between "
        "Baku and Makhachkala, the transport ministry said.\n\n"
        "Tariffs and timetables\n\n"
        "The ministries will set the tariffs in autumn and publish a timetable for the winter."
    )
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert "Tariffs and timetables" in article.body


def test_a_derived_title_never_comes_from_a_periodicals_title_or_a_kicker_left_in_the_text():
    text = (
        "Caspian Energy Weekly\n\nАНАЛИТИКА:\n\n"
        "Azerbaijan and Russia agreed to expand ferry freight between Baku and Makhachkala, "
        "the transport ministry said on Tuesday after a meeting of the two delegations."
    )
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.title.startswith("Azerbaijan and Russia agreed")


def test_a_news_feed_link_above_the_article_ends_at_the_articles_own_date_line():
    text = (
        "Kaspi Xəbər\nXəbər lenti\nBakı, 7 mart 2011 10:12\n"
        "Azərbaycan və Rusiya gömrük protokolu imzalayıb\n"
        "Azərbaycan və Rusiya gömrük xidmətləri arasında Samur keçidi haqqında protokol "
        "Bakıda imzalanıb, sənəd yük maşınlarının keçidini sürətləndirir və aprelin birindən "
        "qüvvəyə minir."
    )
    article = parse(text, today=TODAY)
    assert article.title == "Azərbaycan və Rusiya gömrük protokolu imzalayıb"
    assert article.published.value == dt.date(2011, 3, 7)


def test_a_news_feed_link_running_into_the_headline_over_the_date_keeps_that_headline():
    text = (
        "Kaspi Xəbər\nЛента новостей\nПолитика\nЭкономика\nСпорт\nВизит в Дагестан\n"
        "Баку и Махачкала договорились о паромной линии через Каспий\n"
        "07.03.2011 10:12 (обновлено: 11:05)\n"
        "БАКУ, 7 мар — Kaspi Xəbər. Азербайджан и Дагестан договорились открыть весной "
        "паромную линию между портами Баку и Махачкалы, сообщили в министерстве транспорта."
    )
    article = parse(text, today=TODAY)
    assert article.title == "Баку и Махачкала договорились о паромной линии через Каспий"
    assert article.title_derived is False


def test_a_sidebars_dated_items_never_end_it_nor_date_the_page():
    text = (
        "Kaspi Xəbər\nƏn çox oxunanlar\n6 mart 2011 Manatın məzənnəsi açıqlanıb\n"
        "5 mart 2011 Bakıda sərgi açılıb\n\nGömrük protokolu imzalanıb\n\n"
        "Azərbaycan və Rusiya gömrük xidmətləri arasında Samur keçidi haqqında protokol "
        "Bakıda imzalanıb, sənəd yük maşınlarının keçidini sürətləndirir və aprelin birindən "
        "qüvvəyə minir."
    )
    assert parse(text, today=TODAY).published.value is None


def test_a_sections_name_over_the_date_that_shares_no_word_with_the_text_is_not_the_headline():
    text = (
        "Kaspiyskiy Vestnik\nЛента добра\n11:42, 7 марта 2011\nБывший СССР\n"
        "Азербайджан и Россия подписали таможенный протокол\n"
        "Азербайджан и Россия в понедельник подписали в Баку таможенный протокол об обмене "
        "сведениями о грузах на пункте пропуска через реку Самур, сообщило ведомство."
    )
    assert parse(text, today=TODAY).title == "Азербайджан и Россия подписали таможенный протокол"


def test_an_imprints_year_column_dates_a_report_to_its_year():
    found = date_only_line("State Customs Committee of Azerbaijan | 2011")
    assert found is not None
    assert (found.published.value, found.published.precision) == (
        dt.date(2011, 1, 1),
        Precision.YEAR,
    )


@pytest.mark.parametrize(
    "line", ["KASPI QƏZETİ kaspi.az | Elektron arxiv | 1997", "Report No. 4 | 2011 | 2012"]
)
def test_a_banner_with_its_address_or_a_row_of_numbers_is_no_imprint_year(line):
    assert date_only_line(line) is None


@pytest.mark.parametrize(
    "heading", ["Top stories", "Главные новости дня", "Günün xəbərləri", "Trending now"]
)
def test_a_block_of_other_stories_above_the_article_is_neither_headline_nor_text(heading):
    text = (
        f"Caspian Wire\n{heading}\nFerry line opens in Aktau\nPort fees fall in Baku\n\n"
        f"Customs protocol signed at the Samur crossing\n\n{RETOLD}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Customs protocol signed at the Samur crossing"
    assert "Ferry line" not in article.body


def test_a_headline_that_opens_with_a_flags_words_is_still_the_headline():
    text = f"Caspian Wire\n\nBreaking news: customs protocol signed at Samur\n\n{RETOLD}"
    assert parse(text, today=TODAY).title == "Breaking news: customs protocol signed at Samur"


def test_a_derived_title_never_comes_from_a_sites_name_left_at_the_top():
    text = (
        "Caspian Herald\n\nAzerbaijan will keep buying Russian gas for another year.\n\n"
        "The deal runs to December."
    )
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.title == "Azerbaijan will keep buying Russian gas for another year"


def test_a_row_of_names_over_the_headline_that_the_text_never_echoes_is_not_the_headline():
    text = (
        "Caspian Wire\nKavkaz Service  Azadliq  Echo of the Caucasus\n"
        "Azerbaijan, Russia Sign Samur Customs Protocol\nMarch 7, 2011 10:12 GMT\n"
        f"By John Reed\n{RETOLD}"
    )
    assert parse(text, today=TODAY).title == "Azerbaijan, Russia Sign Samur Customs Protocol"


@pytest.mark.parametrize(
    "line",
    [
        "Aa  Aa  Aa    Version for people with disabilities    EN  RU",
        "Görmə imkanı məhdud olanlar üçün  |  English",
        "Отображать сообщения: Все   Упорядочить: По дате",
        "caspian_fox   Member   Posts: 1 204",
        "Ответить | Цитировать | Сообщить модератору",
        "FOR IMMEDIATE RELEASE",
    ],
)
def test_an_accessibility_switch_a_forums_controls_or_a_release_line_is_chrome(line):
    text = f"{line}\n\nCustoms protocol signed at the Samur crossing\n\n{RETOLD}"
    article = parse(text, today=TODAY)
    assert article.title == "Customs protocol signed at the Samur crossing"
    assert "Samur crossing" not in line


@pytest.mark.parametrize(
    "line",
    [
        "Caucasus | Energy | Russia",
        "Analysis | Regional Security Programme",
        "Elmi-kütləvi aylıq jurnal",
        "Xarici İşlər Nazirliyinin Məlumat Bülleteni",
        "ЕЖЕНЕДЕЛЬНЫЙ ДАЙДЖЕСТ «КАВКАЗ» № 12",
        "A weekly digest of Caspian news",
        "Путевые заметки — личный блог",
        "CWA | Caspian Wire Agency",
    ],
)
def test_a_row_of_tags_a_periodicals_own_title_or_a_site_named_by_its_initials_is_no_headline(
    line,
):
    text = f"{line}\nMarch 7, 2011\n\nCustoms protocol signed at the Samur crossing\n\n{RETOLD}"
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


def test_a_labelled_question_under_the_headline_is_the_interview_not_the_headline():
    text = (
        "Ответ посла на вопрос агентства о работе межправительственной комиссии\n\n"
        "12.03.2024 10:00\n\n"
        "Вопрос: Когда комиссия соберётся в следующий раз и какие документы она подготовит?\n\n"
        "Ответ: Заседание намечено на осень, стороны готовят протокол о транспортных связях."
    )
    assert parse(text, today=TODAY).title == (
        "Ответ посла на вопрос агентства о работе межправительственной комиссии"
    )


def test_azerbaijani_typed_without_its_own_letters_is_not_turkish():
    text = (
        "Xeber Report-dan:\n\nAzerbaycan ve Rusiya nazirleri Qusarda gorusub, Samur uzerinde "
        "yeni korpu ve xett barede danisiblar. Qeyd olunub ki, is ilin sonuna qeder bitecek."
    )
    assert parse(text, today=TODAY).language == "az"


def test_a_bulletins_line_saying_what_it_is_never_titles_the_page():
    line = "A daily report of developments in the Caspian region, Russia and Central Asia"
    text = f"CASPIAN NEWSLINE No. 12, 7 March 2011\n\n{line}\n\n{RETOLD}\n\n{RETOLD}"
    assert parse(text, today=TODAY).title != line


@pytest.mark.parametrize(
    "line",
    [
        "Постановление от 3 мая 2011 года № 412",
        "Decree No. 45 of 3 May 2011",
        "Sərəncam № 1520, 3 may 2011-ci il",
    ],
)
def test_an_acts_number_and_date_under_the_headline_never_date_the_page(line):
    text = (
        "Caspian Wire\n7 May 2011\n\nCustoms protocol signed at the Samur crossing\n\n"
        f"{line}\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).published.value == dt.date(2011, 5, 7)


def test_a_byline_naming_a_wire_on_a_page_a_paper_signs_is_a_credit_and_the_paper_publishes():
    text = (
        "Prairie Courier Archive\n\nGAS TALKS OPEN IN BAKU\nBy Jane Doyle, Associated Press\n"
        f"Published: March 7, 2011\n\n{RETOLD}\n\n{RETOLD}\n\n"
        "Copyright 2011 Prairie Courier Publishing Company"
    )
    article = parse(text, today=TODAY)
    assert article.source == "Prairie Courier"
    assert "Associated Press" in article.credits


def test_a_papers_name_beside_its_issue_date_and_an_agency_under_its_column_text():
    column = "\n".join(
        [
            "   Martın 7-də Bakıda Azərbaycan",
            "və Rusiya hökumətləri arasında",
            "gömrük protokolu imzalanmışdır.",
            "Sənəd Samur çayı üzərindəki keçid",
            "məntəqəsində yüklərin rəsmiləşdi-",
            "rilməsini sürətləndirəcəkdir. Tərəf-",
            "lər növbəti görüşün Moskvada ke-",
            "çiriləcəyini bildirmişlər. Nazirlik",
            "rəsmiləri sənədin aprel ayından",
            "qüvvəyə minəcəyini qeyd etmişlər.",
            "Protokol iki ölkənin gömrük xid-",
            "mətləri arasında məlumat mübadilə-",
            "sini də nəzərdə tutur, o cümlədən",
            "elektron bəyannamələrin qarşılıqlı",
            "tanınmasını. Növbəti mərhələdə",
            "dəmir yolu yükləri də sistemə",
            "qoşulacaqdır, deyə rəsmilər bildirib.",
        ]
    )
    text = (
        "XALQ QƏZETİ                    8 mart 2011-ci il, çərşənbə axşamı\n"
        f"№ 51\n\nSAMURDA YENİ PROTOKOL\n\n{column}\n_____________\nAZƏRTAC"
    )
    article = parse(text, today=TODAY)
    assert article.source == "Xalq qazeti"
    assert article.credits == ("Azertac",)
    assert article.published.value == dt.date(2011, 3, 8)


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "SAMUR CROSSING GETS A NEW CUS-\nTOMS PROTOCOL",
            "SAMUR CROSSING GETS A NEW CUSTOMS PROTOCOL",
        ),
        (
            "BAKI VƏ MOSKVA ARASINDA\nYENİ GÖMRÜK PROTOKOLU",
            "BAKI VƏ MOSKVA ARASINDA YENİ GÖMRÜK PROTOKOLU",
        ),
    ],
)
def test_a_print_headline_in_capitals_wrapped_by_its_column_is_one_headline(head, title):
    text = f"Caspian Courier   No. 12\n\n{head}\n\n{RETOLD}\n\n{RETOLD}"
    assert parse(text, today=TODAY).title == title


def test_a_rubric_in_capitals_over_a_headline_in_capitals_stays_apart():
    text = f"Caspian Courier\n\nCAUCASUS AND CASPIAN\nSAMUR CUSTOMS PROTOCOL SIGNED\n\n{RETOLD}"
    assert parse(text, today=TODAY).title == "SAMUR CUSTOMS PROTOCOL SIGNED"


def test_a_sites_name_set_on_two_lines_atop_its_page_is_its_banner():
    text = (
        "VALDAI\nDiscussion Club\nAnalysis  Events  Reports\n\n"
        f"A partnership with limits\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).source == "Valdai Discussion Club"


@pytest.mark.parametrize("banner", ["«AZƏRBAYCAN» QƏZETİ", "“Azərbaycan” qəzeti"])
def test_a_papers_name_in_other_quotes_than_its_alias_still_names_it(banner):
    text = f"{banner}\nÇap versiyası\n\nSamurda yeni protokol\n\n{RETOLD}"
    assert parse(text, today=TODAY).source == "Azerbaijan newspaper"


def test_a_copyright_with_both_the_word_and_the_sign_is_signed_by_whoever_follows_them():
    text = (
        f"Customs protocol signed at the Samur crossing\n\n{RETOLD}\n\n{RETOLD}\n\n"
        "Copyright (c) 2011 Caspian Research Institute, Inc. All rights reserved."
    )
    assert parse(text, today=TODAY).source == "Caspian Research Institute"


def test_a_clocks_zone_after_the_date_line_is_no_agency():
    text = (
        "Caspian Wire\n\nTuesday, 7 March, 2011, 10:12 GMT\n\n"
        f"Customs protocol signed at the Samur crossing\n\n{RETOLD}"
    )
    assert parse(text, today=TODAY).credits == ()


def test_a_companys_abbreviation_in_brackets_opening_the_lead_is_no_dateline():
    text = (
        "Customs protocol signed at the Samur crossing\n\n"
        "Caspian Shipping Company (CSC) and Volga Lines have signed a protocol on ferry "
        "traffic between the ports of Baku and Astrakhan, the companies said on Tuesday."
    )
    assert parse(text, today=TODAY).credits == ()


def test_a_state_body_that_speaks_in_the_text_is_news_not_a_credit():
    text = (
        "Qəbələ stansiyası bağlanır\n\n"
        "Rusiya Müdafiə Nazirliyi bildirib ki, stansiyanın icarəsi barədə danışıqlar nəticə "
        "verməyib və onun funksiyalarını başqa radar yerinə yetirəcək."
    )
    assert parse(text, today=TODAY).credits == ()


@pytest.mark.parametrize(
    "line",
    [
        "17.03.2011 / Экономика / Архив номеров",
        "10:12 - 17 / 03 / 2011",
        "Thu, March 17, 2011 at 10:12 AM EST · 4 min read",
    ],
)
def test_a_days_date_beside_a_breadcrumb_or_a_reading_time_dates_the_page(line):
    text = f"Caspian Wire\n{line}\n\nCustoms protocol signed at the Samur crossing\n\n{RETOLD}"
    assert parse(text, today=TODAY).published.value == dt.date(2011, 3, 17)


def test_a_year_among_a_breadcrumbs_slashes_is_no_date_line():
    assert date_only_line("Главная / 2011 / Экономика") is None


def test_a_rule_typed_with_one_letter_is_no_title():
    text = f"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n\n{RETOLD}\n\n{RETOLD}"
    assert not parse(text, today=TODAY).title.startswith("zzz")


@pytest.mark.parametrize("mark", ["* ", "• ", "🇦🇿🇷🇺 ", "📌 "])
def test_a_bullet_or_a_posts_flags_before_the_headline_are_not_its_words(mark):
    text = f"{mark}Customs protocol signed at the Samur crossing\n\n{RETOLD}"
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


def test_an_aggregators_item_dated_on_its_credit_line_and_the_items_stacked_under_it():
    text = (
        "Caspian Digest — all the news in one place\n\n"
        "Customs protocol signed at the Samur crossing\n"
        "Source: Trend · 17.03.2011, 10:12\n\n"
        f"{RETOLD}\n\n"
        "Read in full: trend.az →\n"
        "-----\n"
        "Ferry line opens in Aktau — via Kazinform\n"
        "-----\n"
        "Oil prices dip on demand worries — via Reuters\n"
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2011, 3, 17)
    assert article.credits == ("Trend",)
    assert "Ferry line" not in article.body


def test_a_print_versions_labelled_address_and_date_under_the_text_date_the_page():
    text = (
        "Caspian Courier\nВерсия для печати\n\nТаможенный протокол подписан\n\n"
        "Правительства Азербайджана и России подписали в Баку таможенный протокол о пункте "
        "пропуска на реке Самур после двух лет переговоров, сообщило ведомство.\n\n"
        "Адрес: caspiancourier.ru/news/protokol-samur.html\nДата публикации: 17.03.2011"
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2011, 3, 17)
    assert "caspiancourier" not in article.body


def test_a_date_row_with_a_counter_and_a_print_button_under_the_text_dates_the_page():
    text = (
        "Samurda yeni protokol\n\n"
        "Azərbaycan və Rusiya hökumətləri Bakıda Samur çayı üzərindəki keçid məntəqəsi barədə "
        "gömrük protokolu imzalayıb, iki illik danışıqlar başa çatıb.\n\n"
        "17.03.2011 | Baxılıb: 1 204 | Çap et\nFacebook'da paylaş"
    )
    assert parse(text, today=TODAY).published.value == dt.date(2011, 3, 17)


@pytest.mark.parametrize(
    ("sender", "subject", "sent"),
    [
        ("From: Steppe Letter <digest@steppe.example>", "Subject", "Date: 4 May 2025 08:00"),
        ("От: Степной вестник <digest@steppe.example>", "Тема", "Дата: 4 мая 2025 г., 08:00"),
        ("Göndərən: Çöl bülleteni <digest@steppe.example>", "Mövzu", "Tarix: 4 may 2025, 08:00"),
    ],
)
def test_a_newsletters_subject_is_its_headline_over_the_items_it_lists(sender, subject, sent):
    text = (
        f"{sender}\n{subject}: Weekly letter: ferry line to reopen\n{sent}\n\n"
        "1. Ferry line between the two ports to reopen in June\n"
        f"{PARAGRAPH}\n\n2. Grain shipments grow\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Weekly letter: ferry line to reopen"
    assert article.published.value == dt.date(2025, 5, 4)


def test_a_lone_subject_line_without_a_sender_is_not_a_letter():
    text = f"Тема: Каспий\n\nПаромная линия откроется в июне\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "Паромная линия откроется в июне"


def test_a_press_databases_labelled_headline_is_the_headline_without_its_label():
    text = (
        "Regional Press Digest\nMay 4, 2025, Sunday\nSECTION: Caucasus; Transport; Ferries\n\n"
        "HEADLINE: Ferry line between the two ports to reopen in June\n\n"
        "Text of report by a regional news agency\n\n"
        f"{PARAGRAPH}\n\nLOAD-DATE: May 5, 2025"
    )
    assert parse(text, today=TODAY).title == "Ferry line between the two ports to reopen in June"


def test_a_section_named_by_two_fields_joined_by_an_ampersand_is_no_headline():
    text = (
        "Wire Service\nTransport & Logistics\nMay 4, 2025, 10:15\n"
        "Ferry line between the two ports to reopen in June after repairs to the terminal\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    title = parse(text, today=TODAY).title
    assert (
        title == "Ferry line between the two ports to reopen in June after repairs to the terminal"
    )


def test_a_digitised_papers_note_is_no_headline_but_dates_the_issue():
    text = (
        "СТЕПНАЯ ПРАВДА\n"
        "Электронный архив. Номер от 12 мая 1993 года. Распознанный текст (OCR)\n\n"
        "Паромная линия откроется в июне\n\n"
        "Вчера в порту завершились переговоры о возобновлении паромного сообщения между двумя "
        "портами, сообщили в управлении порта.\n\n"
        f"{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Паромная линия откроется в июне"
    assert article.published.value == dt.date(1993, 5, 12)


def test_an_official_visit_in_capitals_is_a_headline_not_a_sites_tagline():
    text = (
        "STEPPE DAILY\n12 May 1993\n\nPREZİDENTİN RƏSMİ SƏFƏRİ BAŞA ÇATDI\n\n"
        "Dünən paytaxtda iki ölkənin prezidentləri arasında danışıqlar başa çatıb və bir sıra "
        "sənədlər imzalanıb, prezidentin mətbuat xidməti bildirib."
    )
    assert parse(text, today=TODAY).title == "PREZİDENTİN RƏSMİ SƏFƏRİ BAŞA ÇATDI"


@pytest.mark.parametrize("edition", ["Вечерний выпуск", "Weekend edition", "Bakı buraxılışı"])
def test_a_papers_edition_named_alone_is_its_masthead_not_a_headline(edition):
    assert is_tagline(edition)


def test_a_headline_about_an_edition_is_still_a_headline():
    assert not is_tagline("Выпуск облигаций отложен до осени")


def test_a_menus_last_item_is_no_headline_over_a_long_one_under_it():
    text = (
        "Министерство транспорта\nГлавная\nДеятельность\nПресс-служба\nПортовые сборы\n"
        "Главная / Пресс-служба / Новости\n"
        "О предстоящих переговорах министра транспорта с делегацией портовых властей о "
        "возобновлении паромного сообщения и о портовых сборах на следующий год\n"
        "12.05.2023 16:20\n"
        "В понедельник состоятся переговоры о паромном сообщении и о портовых сборах, "
        "сообщили в пресс-службе министерства.\n"
    )
    assert parse(text, today=TODAY).title.startswith("О предстоящих переговорах министра")


def test_a_users_handle_under_a_menu_item_is_no_headline_wrapped_over_two_lines():
    text = (
        "Создать блог\nsteppe_walker\n12 мая 2023, 19:42\n"
        "перепощу, паром наконец пустили:\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert "steppe_walker" not in parse(text, today=TODAY).title


@pytest.mark.parametrize("credit", ["Источник: kremlin.ru", "Mənbə: president.az"])
def test_a_state_bodys_site_given_as_a_source_is_no_credited_outlet(credit):
    text = (
        "Паромная линия откроется в июне\n\n"
        "Президенты двух стран договорились возобновить паромное сообщение между портами, "
        f"говорится в совместном заявлении.\n\n{PARAGRAPH}\n\n{credit}"
    )
    assert parse(text, today=TODAY).credits == ()


def test_the_half_of_the_day_after_a_date_lines_time_is_no_credited_agency():
    text = (
        "Yahoo News\nHome | US | World | Politics\n\n"
        "Ferry line between the two ports to reopen in June\nAFP\n"
        "Tue, May 2, 2023, 6:05 PM\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).credits == ("Agence France-Presse",)


@pytest.mark.parametrize("chrome", ["1 243", "Дзен", "👁 58"])
def test_a_title_derived_from_the_text_skips_a_counter_or_a_button_left_above_it(chrome):
    text = (
        f"{chrome}\n\nАзербайджан и Дагестан договорились открыть весной паромную линию между "
        "портами Баку и Махачкалы, сообщили в министерстве транспорта."
    )
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.title.startswith("Азербайджан и Дагестан договорились")


@pytest.mark.parametrize("button", ["Обновить ленту", "Refresh feed", "Lenti yenilə"])
def test_a_live_pages_refresh_button_is_chrome_never_a_line_of_the_text(button):
    text = f"Talks in Moscow\n\n12.03.2025 10:05\n\n{button}\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert button not in article.body
    assert article.title == "Talks in Moscow"


@pytest.mark.parametrize(
    "photo",
    [
        "Фото: © РИА Новости / Иван Ковалёв",
        "Photo credit: Ministry of Transport press office",
        "Photo by Karen Miles/Reuters",
        "Foto: APA",
        "Фото пресс-службы правительства",
        "The ferry at the pier in Baku (photo: TASS)",
    ],
)
def test_a_photos_credit_or_caption_is_neither_headline_publisher_nor_credit(photo):
    text = (
        "Caspian Gazette\n\nFerry line between Baku and Makhachkala reopens\n"
        f"{photo}\n14 May 2023\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert article.credits == ()
    assert photo not in article.body


def test_a_galleries_caption_after_its_counter_stays_in_the_text():
    caption = "Şəkil 2 / 5. Bərə Bakı limanında yanalma körpüsündə dayanıb."
    text = f"Bərə xətti yenidən açılıb\n\n{caption}\n\n{PARAGRAPH}"
    assert caption in parse(text, today=TODAY).body


def test_a_short_headline_about_the_media_is_no_tagline_when_its_text_retells_it():
    text = (
        "Moscow and Baku quarrel over press\n"
        "Anna Green | 14 March 2023\n\n"
        "Moscow and Baku quarrel again over the press: each capital accuses the other of "
        "pressure on its correspondents after two detentions this month.\n\n"
        f"{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Moscow and Baku quarrel over press"


def test_a_sites_tagline_over_a_headline_stays_a_tagline_though_the_text_names_its_owner():
    text = (
        "Официальный сайт Правительства Астраханской области\n\n"
        "Паромная линия откроется в июне\n14.05.2023\n\n"
        "Правительство Астраханской области сообщило, что паромная линия между портами "
        "Оля и Баку откроется в июне после ремонта причалов.\n\n"
        f"{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Паромная линия откроется в июне"


@pytest.mark.parametrize(
    "box",
    [
        "Get the Caspian Gazette app\nDownload on the App Store   Get it on Google Play",
        "Подпишитесь на рассылку\nБудьте в курсе событий",
        "Установите наше приложение\nУзнавайте новости первыми",
        "Mobil tətbiqimizi yükləyin\nApp Store | Google Play",
        "Subscribe to our channel\nBe the first to know",
    ],
)
def test_an_app_or_subscription_box_over_the_headline_is_chrome(box):
    text = (
        f"Caspian Gazette\n{box}\n\nFerry line between Baku and Makhachkala reopens\n"
        f"14 May 2023\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Ferry line between Baku and Makhachkala reopens"


@pytest.mark.parametrize(
    "stamps", [("9 May 2023", "8 May 2023"), ("16:40", "15:05"), ("Tue 9 May 2023 16:40",) * 2]
)
def test_a_list_whose_items_carry_their_own_stamps_gives_neither_headline_nor_date(stamps):
    text = (
        "Caspian Gazette\nMost discussed\n"
        f"Wheat prices fall on the Baku exchange\n{stamps[0]}\n"
        f"New school opens in the north of the city\n{stamps[1]}\n\n"
        "Ferry line between Baku and Makhachkala reopens\n14 May 2023\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert article.published.value == dt.date(2023, 5, 14)


def test_a_headline_over_its_date_and_a_byline_over_its_time_are_no_stamped_list():
    text = (
        "Ferry line between Baku and Makhachkala reopens\n14 May 2023\n"
        "By Anna Green\n16:40\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert article.published.value == dt.date(2023, 5, 14)


@pytest.mark.parametrize(
    "chrome",
    [
        "Listen to this article 3:45",
        "Слушать новость 2 мин",
        "Hot topics: Karabakh, Caspian, OPEC+",
        "Темы дня: Каспий, газ, Карабах",
        "Günün mövzuları: Xəzər, qaz",
    ],
)
def test_a_players_button_or_a_row_of_the_days_topics_is_never_the_headline(chrome):
    text = (
        f"Caspian Courier\n{chrome}\n\nFerry line between Baku and Makhachkala reopens\n"
        f"14 May 2023\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert chrome not in article.body


@pytest.mark.parametrize(
    "stamps",
    [
        ("Dünən, 22:10", "Dünən, 21:45"),
        ("Вчера, 18:30", "Вчера, 17:05"),
        ("2 hours ago", "5 hours ago"),
        ("(28/04/2015)", "(27/04/2015)"),
        ("21 февраля", "20 февраля"),
    ],
)
def test_list_items_closed_by_their_stamps_are_never_the_headline(stamps):
    items = ("Wheat prices fall on the Baku exchange", "New school opens in the north")
    for layout in ("{0}\n{1}\n{2}\n{3}", "{0} {1}\n{2} {3}"):
        listed = layout.format(items[0], stamps[0], items[1], stamps[1])
        text = (
            f"Caspian Courier\nHome | News\n\nLatest\n{listed}\n\n"
            "Ferry line between Baku and Makhachkala reopens\n14 May 2015\n\n"
            f"{PARAGRAPH}\n\n{PARAGRAPH}"
        )
        article = parse(text, today=TODAY)
        assert article.title == "Ferry line between Baku and Makhachkala reopens"
        assert article.published.value == dt.date(2015, 5, 14)


@pytest.mark.parametrize(
    "block",
    [
        "Самое популярное\n1 Цены на пшеницу снизились на бирже\n2 В Гяндже открыли новую школу",
        "Wheat prices fall on the Baku exchange 👁 1 234\nNew school opens in the north 👁 987",
        "Также по теме\nЦены на пшеницу снизились на бирже\nВ Гяндже открыли новую школу",
    ],
)
def test_a_ranked_or_counted_list_over_the_article_gives_no_headline(block):
    text = (
        f"Caspian Courier\nHome | News\n\n{block}\n\n"
        "Ferry line between Baku and Makhachkala reopens\n14 May 2015\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Ferry line between Baku and Makhachkala reopens"


def test_a_headline_may_open_with_a_number_when_no_rank_stands_beside_it():
    text = f"3 документа подписаны в Баку\n14.05.2015\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "3 документа подписаны в Баку"


FEED_ITEMS = (
    "Ferry line between Baku and Makhachkala reopens\n14.05.2015 18:52\n"
    "The first ferry sails next week after a two-year pause.\n\n"
    "Wheat prices fall on the Baku exchange\n14.05.2015 13:10\n"
    "Traders expect a calm week.\n\n"
    "Storm warning issued for the Caspian coast\n14.05.2015 11:30\n"
    "Ports may close for a day.\n"
)


def test_a_feeds_page_of_stamped_items_has_no_headline_of_its_own():
    article = parse(
        f"Caspian Courier - Feed\nhttps://courier.example/rss\n\n{FEED_ITEMS}", today=TODAY
    )
    assert article.title_derived is True


def test_stamped_items_under_an_articles_text_leave_its_headline():
    text = (
        "Ferry line between Baku and Makhachkala reopens\n14 May 2015\n\n"
        f"{PARAGRAPH}\n\n{FEED_ITEMS}"
    )
    assert parse(text, today=TODAY).title == "Ferry line between Baku and Makhachkala reopens"


def test_a_state_bodys_site_is_the_publisher_when_its_banner_names_it_in_the_genitive():
    text = (
        "Azərbaycan Respublikasının İqtisadiyyat Nazirliyi\nNazirlik  Xəbərlər  Əlaqə\n\n"
        "Həştərxanla yeni proqram imzalanıb\n12.03.2020\n\n"
        "Nazir Həştərxan vilayətinin qubernatoru ilə görüşüb və tərəflər ticarət, turizm və "
        "sənaye sahələrində birgə fəaliyyət proqramını imzalayıblar.\n\n"
        f"{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source == "Ministry of Economy of Azerbaijan"


@pytest.mark.parametrize(
    "widget",
    [
        "Сетевое издание зарегистрировано Роскомнадзором 14.02.2009",
        "Next issue: June 2, 2019",
        "Namaz vaxtları 20 may 2019",
    ],
)
def test_a_widget_dated_by_something_else_never_dates_an_undated_page(widget):
    text = (
        f"Caspian Courier\n{widget}\n\nFerry line between Baku and Makhachkala reopens\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).published.value is None


@pytest.mark.parametrize(
    "desk",
    [
        "Our correspondent reports from Baku",
        "Special correspondent in Moscow",
        "From our Caspian bureau",
        "Собственный корреспондент в Баку",
        "Xüsusi müxbir, Moskva",
        "Corresponding author: Farid Guliyev",
    ],
)
def test_a_byline_naming_a_desk_right_over_the_headline_is_never_the_headline(desk):
    text = (
        f"Caspian Courier\n\n{desk}\nFerry line between Baku and Makhachkala reopens\n"
        f"14 May 2015\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Ferry line between Baku and Makhachkala reopens"


def test_the_signers_office_under_a_law_is_never_the_sites_banner():
    text = (
        "Qanunvericilik toplusu\n\n"
        "Bərə xətti haqqında sazişin təsdiq edilməsi barədə\n\n"
        "Milli Məclis qərara alır: bərə xətti haqqında saziş təsdiq edilsin.\n\n"
        "İlham Əliyev,\nAzərbaycan Respublikasının Prezidenti\nBakı şəhəri"
    )
    assert parse(text, today=TODAY).source != "President of Azerbaijan"


def test_an_aggregators_link_to_the_full_story_makes_that_outlet_a_credit_not_the_publisher():
    text = (
        "Caspian Digest — Azerbaijan\nTop stories | Business | Region\n\n"
        "Ferry line between Baku and Makhachkala reopens\nBy AzerNews\n"
        f"14 May 2015\n\n{PARAGRAPH}\n\nRead full story at azernews.az →"
    )
    article = parse(text, today=TODAY)
    assert article.source != "AzerNews"
    assert "AzerNews" in article.credits


@pytest.mark.parametrize(
    "closing", ["Trend", "(Trend)", "Trend.az", "Перепечатано с сайта Trend.az"]
)
def test_an_agency_closing_a_short_text_is_its_credit_never_the_sites_banner(closing):
    text = (
        "Паромная линия возобновила работу\n14.05.2015\n\n"
        "Паромное сообщение между портами Баку и Махачкалы возобновлено, сообщили в порту.\n\n"
        f"Первый паром отправится на следующей неделе.\n\n{closing}"
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert article.credits == ("Trend",)


@pytest.mark.parametrize(
    ("first_line", "headline", "source"),
    [
        (
            "Ferry line between Baku and Makhachkala reopens - Trend.az",
            "Ferry line between Baku and Makhachkala reopens",
            "Trend",
        ),
        (
            "Паромная линия Баку — Махачкала открыта — РИА Новости, 14.05.2015",
            "Паромная линия Баку — Махачкала открыта",
            "RIA Novosti",
        ),
        (
            "Ferry line between Baku and Makhachkala reopens | Trend",
            "Ferry line between Baku and Makhachkala reopens",
            "Trend",
        ),
        (
            "Ferry line between Baku and Makhachkala reopens | Politics | Trend",
            "Ferry line between Baku and Makhachkala reopens",
            "Trend",
        ),
    ],
)
def test_a_pages_title_with_its_sites_name_after_it_gives_the_headline_and_the_site(
    first_line, headline, source
):
    article = parse(f"{first_line}\n\n{PARAGRAPH}\n\n{PARAGRAPH}", today=TODAY)
    assert (article.title, article.source) == (headline, source)


def test_a_headline_ending_with_an_unknown_name_after_a_dash_keeps_it():
    line = "Ferry line between Baku and Makhachkala reopens - Makhachkala port"
    assert parse(f"{line}\n\n{PARAGRAPH}\n\n{PARAGRAPH}", today=TODAY).title == line


@pytest.mark.parametrize("copied_days_later", [0, 2, 30])
def test_a_calendar_row_with_its_weekday_in_a_column_never_dates_the_page(copied_days_later):
    # The weekday stood in a column of its own beside a currency box, so the row read as the
    # page's date line; a day or two after the copy its date became the publication's.
    text = (
        "Example Xəbər\nSiyasət   İqtisadiyyat   Dünya\n"
        "12 mart 2026 · Cümə axşamı   |   USD 1.7000\n\n14.01.2026, 09:40\n\n"
        f"Bakı və Moskva nəqliyyat məsələlərini müzakirə edib\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    today = dt.date(2026, 3, 12) + dt.timedelta(days=copied_days_later)
    assert parse(text, today=today).published.value == dt.date(2026, 1, 14)


@pytest.mark.parametrize("copied_days_later", [0, 2, 30])
def test_a_stamp_under_the_text_outranks_a_clock_with_its_weekday_over_it(copied_days_later):
    text = (
        "Example News\nПОЛИТИКА   ЭКОНОМИКА   МИР\nБаку, четверг, 12 марта 2026, 10:41\n\n"
        f"Баку и Москва обсудили транзит\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n"
        "09.02.2016 | 19:22\nКомментарии (3)\n"
    )
    today = dt.date(2026, 3, 12) + dt.timedelta(days=copied_days_later)
    assert parse(text, today=today).published.value == dt.date(2016, 2, 9)


@pytest.mark.parametrize(
    "closing",
    [
        # The stamp over a row of buttons and tags.
        ["Monday, March 2, 2015", "Print | Email | Tags: Caspian, transit"],
        # Over a comment counter and a share button.
        ["3 марта 2015, 11:20", "Комментарии (5) | Поделиться"],
        # Sharing its row with a comment counter, or with its labelled author.
        ["03.03.2015 11:20 | Комментариев: 8"],
        ["3 марта 2015 | Автор: Пётр Сидоров"],
        # Its buttons typed on after it, with no column between.
        ["Dərc olunub: 3 mart 2015 Paylaş Çap et"],
        # Over a link to a related page dated by its own day.
        ["03.03.2015 / 11:20", "Ссылки по теме: Паромная линия возобновила работу (14.01.2015)"],
    ],
)
def test_a_stamp_under_the_text_dates_the_page_when_its_furniture_closes_it(closing):
    text = "\n\n".join(
        ["Baku and Moscow discuss transit", PARAGRAPH, PARAGRAPH, PARAGRAPH, *closing]
    )
    published = parse(text, today=TODAY).published
    assert published.value in (dt.date(2015, 3, 2), dt.date(2015, 3, 3))
    assert published.precision is Precision.DAY


def test_a_stamp_under_the_text_is_never_read_from_a_line_that_says_more():
    text = "\n\n".join(
        [
            "Baku and Moscow discuss transit",
            PARAGRAPH,
            PARAGRAPH,
            PARAGRAPH,
            "Anna K. · 3 March 2015, 11:20",
            "Print | Email",
        ]
    )
    assert parse(text, today=TODAY).published.value is None


@pytest.mark.parametrize(
    "note",
    [
        "Originally published on Trend. Republished with permission.",
        "First appeared in Trend.",
        "Впервые опубликовано на сайте Trend.az",
        "Material ilk dəfə Trend saytında dərc olunub.",
    ],
)
def test_an_outlet_a_republished_story_first_ran_at_is_its_credit_never_the_publisher(note):
    text = "\n\n".join(
        ["Ferry line between Baku and Makhachkala reopens", "By Trend", PARAGRAPH, PARAGRAPH, note]
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert "Trend" in article.credits


@pytest.mark.parametrize(
    "marks",
    [
        ["@caspian_wire · 12 300 subscribers"],
        ["t.me/caspian_wire"],
        ["8 412 подписчиков"],
    ],
)
def test_a_channels_name_over_its_post_publishes_it_and_an_agency_it_retells_is_a_credit(marks):
    text = "\n".join(
        [
            "Caspian Wire",
            *marks,
            "",
            f"Baku and Moscow agreed on new ferry slots, Interfax reports. {PARAGRAPH}",
            "",
            "👁 4.1K",
        ]
    )
    article = parse(text, today=TODAY)
    assert article.source == "Caspian Wire"
    assert article.credits == ("Interfax",)


def test_a_network_forums_name_over_a_post_never_publishes_it():
    text = "\n".join(
        ["r/caspian", "Posted by u/ferry_fan · 5 hr. ago", "", f"Ferry slots agreed? {PARAGRAPH}"]
    )
    assert parse(text, today=TODAY).source is None


@pytest.mark.parametrize(
    "note",
    [
        "Forwarded from the Trend English service, 12.03.15:",
        "Переслано из Trend:",
        "Trend-dən yönləndirilib:",
    ],
)
def test_a_service_a_repost_was_forwarded_from_is_its_credit_never_the_publisher(note):
    text = "\n\n".join(
        [note, f"BAKU. Ferry slots between Baku and Makhachkala were agreed. {PARAGRAPH}"]
    )
    article = parse(text, today=TODAY)
    assert article.source is None
    assert article.credits == ("Trend",)


def test_a_newsgroups_post_is_published_by_its_group_and_dated_by_its_header():
    text = "\n".join(
        [
            "Newsgroups: soc.culture.caspian,soc.culture.russia",
            "From: anar@ (A. Mammadov)",
            "Subject: Ferry slots agreed between Baku and Makhachkala",
            "Date: 3 Apr 1996 10:02:11 GMT",
            "Lines: 14",
            "",
            PARAGRAPH,
            "",
            PARAGRAPH,
        ]
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry slots agreed between Baku and Makhachkala"
    assert article.source == "soc.culture.caspian"
    assert article.published.value == dt.date(1996, 4, 3)


def test_a_posts_transport_headers_name_no_outlet_and_stay_out_of_its_text():
    text = "\n".join(
        [
            "Path: news.example.az!not-for-mail",
            "From: anar@example.az (A. Mammadov)",
            "Newsgroups: soc.culture.caspian",
            "Subject: Ferry slots agreed between Baku and Makhachkala",
            "Date: 3 Apr 1996 10:02:11 GMT",
            "Organization: Example Net",
            "Message-ID: <4ib2k9$abc@news.example.az>",
            "NNTP-Posting-Host: dial7.example.az",
            "",
            PARAGRAPH,
            "",
            PARAGRAPH,
        ]
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry slots agreed between Baku and Makhachkala"
    assert (article.source, article.credits) == ("soc.culture.caspian", ())
    assert article.published.value == dt.date(1996, 4, 3)
    assert "Message-ID" not in article.body


@pytest.mark.parametrize(
    "note",
    [
        "[Text recognised from a scanned page; errors are possible]",
        "(машинописная копия, текст распознан)",
        "[Bu səhifə arxivdən bərpa edilib]",
    ],
)
def test_an_editors_bracketed_note_over_the_headline_is_never_the_headline(note):
    text = "\n\n".join(
        ["Example Gazette", note, "Ferry line between Baku and Makhachkala reopens", PARAGRAPH]
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert note not in article.body


def test_a_date_in_brackets_over_the_headline_is_still_the_pages_date():
    text = "\n\n".join(["[ 14 May 2015 10:20 ]", "Ferry line reopens", PARAGRAPH])
    assert parse(text, today=TODAY).published.value == dt.date(2015, 5, 14)


def test_a_headline_in_capitals_wrapped_by_a_scanned_papers_narrow_column_is_one_headline():
    column = (
        "Вчера в Баку завер-\nшились переговоры о па-\nромной линии между Ба-\n"
        "ку и Махачкалой, сооб-\nщили в порту."
    )
    text = "\n\n".join(["ГАЗЕТА ПРИМЕР", "ПАРОМНАЯ ЛИНИЯ:\nСНОВА В ПУТИ", column, PARAGRAPH])
    assert parse(text, today=TODAY).title == "ПАРОМНАЯ ЛИНИЯ: СНОВА В ПУТИ"


@pytest.mark.parametrize(
    "banner",
    [
        [
            "This is Google's cache of https://trend.az/business/20190314/ferry.html.",
            "It is a snapshot of the page as it appeared on 20 Mar 2019 10:11:02 GMT.",
        ],
        [
            "Это сохранённая копия страницы https://trend.az/business/20190314/ferry.html",
            "Яндекс сохранил её 20.03.2019 в 10:11.",
        ],
        [
            "Bu, https://trend.az/business/20190314/ferry.html ünvanının Google keş versiyasıdır. "
            "Bu, səhifənin 20 mart 2019 10:11:02 GMT tarixindəki görünüşüdür.",
        ],
    ],
)
def test_a_search_engines_cached_copy_is_the_pages_by_its_address_never_dated_by_the_crawler(
    banner,
):
    text = "\n".join(
        [*banner, "", "Ferry line between Baku and Makhachkala reopens", "", PARAGRAPH]
    )
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert article.published.value == dt.date(2019, 3, 14)
    assert article.source == "Trend"


@pytest.mark.parametrize(
    "address", ["trend.az/business/2019/03/14/ferry-line/", "en.trend.az/2019/03/14/ferry.html"]
)
def test_a_pages_address_copied_over_it_without_its_scheme_dates_and_names_it(address):
    text = "\n\n".join([address, "Ferry line between Baku and Makhachkala reopens", PARAGRAPH])
    article = parse(text, today=TODAY)
    assert article.title == "Ferry line between Baku and Makhachkala reopens"
    assert article.published.value == dt.date(2019, 3, 14)
    assert article.source == "Trend"


@pytest.mark.parametrize(
    "lead",
    [
        "(Баку, 14 мая 2015, «Trend», Иван Петров). Паромная линия между Баку и Махачкалой "
        "возобновила работу, сообщили в порту.",
        "(Bakı, 14 may 2015, Trend). Bakı ilə Mahaçqala arasında bərə xətti yenidən işə düşüb.",
    ],
)
def test_a_dateline_in_brackets_opening_the_lead_dates_and_credits_the_page(lead):
    text = "\n\n".join(["Example Daily", "Ferry line reopens", lead, PARAGRAPH])
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2015, 5, 14)
    assert "Trend" in (article.credits + (article.source,))


@pytest.mark.parametrize(
    "dateline", ["Махачкала, 14 мая 2015, 10:20 — ИА Регнум.", "Bakı, 14 may 2015 — Trend"]
)
def test_a_dateline_on_its_own_line_over_the_headline_dates_the_page_and_is_no_banner(dateline):
    text = "\n\n".join(
        [
            "EXAMPLE\nНовости | Мнения | Регионы\n" + dateline,
            "Паром снова в пути",
            "В Махачкале прошла встреча, на которой стороны обсудили ремонт переправы и сроки.",
            "Документы по итогам встречи не подписывались.",
        ]
    )
    assert parse(text, today=TODAY).published.value == dt.date(2015, 5, 14)


def test_a_calendars_weekday_over_the_headline_is_no_dateline():
    text = "\n\n".join(["EXAMPLE", "Sun, 29 Nov 2026", "Ferry line reopens", PARAGRAPH])
    assert parse(text, today=dt.date(2026, 11, 29)).published.value is None


@pytest.mark.parametrize(
    "byline",
    [
        "By Anna Lee — 14 May 2015",
        "Автор: Иван Петров – 14 мая 2015",
        "Müəllif: Anar Məmmədov — 14 may 2015",
    ],
)
def test_a_bylines_date_after_a_dash_dates_the_page(byline):
    text = "\n\n".join(["Ferry line between Baku and Makhachkala reopens", byline, PARAGRAPH])
    assert parse(text, today=TODAY).published.value == dt.date(2015, 5, 14)


@pytest.mark.parametrize(
    "masthead",
    [
        ["CASPIAN WIRE REVIEW — week in brief"],
        ["Каспий.Обзор — еженедельная рассылка"],
        ["XƏZƏR İCMALI", "Həftəlik icmal: regionun mətbuatından"],
    ],
)
def test_a_digests_name_atop_its_issue_publishes_it_and_the_agencies_its_items_name_are_credits(
    masthead,
):
    items = [
        "1. Baku and Moscow agreed on new ferry slots, Interfax reports.",
        "2. Rail freight through Yalama grew in March, Trend reports.",
    ]
    text = "\n\n".join([*masthead, *items])
    article = parse(text, today=TODAY)
    assert fold(article.source or "") == fold(masthead[0].split(" — ")[0])
    assert set(article.credits) == {"Interfax", "Trend"}
    assert article.title_derived is True


def test_a_digest_rubric_in_a_sites_menu_makes_no_digest_of_the_page():
    text = "\n".join(
        ["Example.az", "Новости  Дайджест  Мнения  Видео", "", "Паром снова в пути", "", PARAGRAPH]
    )
    assert parse(text, today=TODAY).title == "Паром снова в пути"


@pytest.mark.parametrize(
    "paywall",
    [
        "Premium content: you have 3 free articles left this week",
        "Только для подписчиков: осталось 2 бесплатных статьи",
        "Yalnız abunəçilər üçün material",
    ],
)
def test_a_paywalls_counter_over_the_headline_is_never_the_headline(paywall):
    headline = "Ferry line between Baku and Makhachkala reopens"
    text = "\n".join(
        [
            "Example Review",
            "Politics | Economy | World",
            paywall,
            headline,
            "14 May 2015",
            "",
            PARAGRAPH,
        ]
    )
    assert parse(text, today=TODAY).title == headline


@pytest.mark.parametrize(
    "issue",
    [
        "Газета «Пример», 14 мая 2015 г.",
        '"Nümunə" qəzeti, 14 may 2015',
        "The Example Newspaper, 14 May 2015",
    ],
)
def test_the_paper_and_its_issues_day_under_a_printed_article_date_it(issue):
    text = "\n\n".join(
        ["Ferry line between Baku and Makhachkala reopens", PARAGRAPH, PARAGRAPH, issue]
    )
    assert parse(text, today=TODAY).published.value == dt.date(2015, 5, 14)


@pytest.mark.parametrize(
    ("board", "topic_line", "card"),
    [
        (
            "Caspian Talk Forum › Politics › Neighbours",
            "Topic: Ferry slots agreed at last?",
            "Post #1 Author: sea_wolf",
        ),
        (
            "Форум «Каспийцы» › Политика",
            "Тема: Паромные слоты согласованы?",
            "Сообщение #1  Автор: morskoy_volk",
        ),
        ("Xəzər Forumu › Siyasət", "Mövzu: Bərə slotları razılaşdırılıb?", "yazan: deniz_qurdu"),
    ],
)
def test_a_forum_threads_topic_is_the_headline_when_its_first_page_is_copied(
    board, topic_line, card
):
    text = "\n".join([board, "", topic_line, "", card, "", PARAGRAPH, "", PARAGRAPH])
    article = parse(text, today=TODAY)
    assert article.title_derived is False
    assert article.title == topic_line.split(":", 1)[1].strip()


@pytest.mark.parametrize(
    ("topic_line", "pager"),
    [
        ("Topic: Ferry slots agreed at last? (page 3 of 5)", ""),
        ("Тема: Паромные слоты согласованы?", "Страница 4 из 9"),
        ("Mövzu: Bərə slotları razılaşdırılıb? (səh. 2)", ""),
    ],
)
def test_a_forum_threads_topic_is_no_headline_when_a_later_page_is_copied(topic_line, pager):
    text = "\n".join(["Caspian Talk Forum", topic_line, pager, "", PARAGRAPH, "", PARAGRAPH])
    assert parse(text, today=TODAY).title_derived is True


@pytest.mark.parametrize(
    "topic_line",
    ["Topic: Caspian transport", "Тема: Каспийский транспорт", "Mövzu: Xəzər nəqliyyatı"],
)
def test_a_news_pages_topic_label_is_never_its_headline_when_the_page_is_no_forum(topic_line):
    text = "\n".join(["Ferry slots agreed", "", PARAGRAPH, topic_line, "", PARAGRAPH])
    assert parse(text, today=TODAY).title == "Ferry slots agreed"


@pytest.mark.parametrize(
    ("window_title", "board", "topic"),
    [
        ("Caspian Talk :: View topic - Ferry slots agreed?", "Caspian Talk", "Ferry slots agreed?"),
        (
            "Форум Каспийцев • Просмотр темы - Паромы: опять задержки?",
            "Форум Каспийцев",
            "Паромы: опять задержки?",
        ),
        (
            "Xəzər Forumu » Mövzuya baxış - Bərələr yenə gecikir?",
            "Xəzər Forumu",
            "Bərələr yenə gecikir?",
        ),
    ],
)
def test_a_boards_window_title_names_the_board_and_gives_the_topic(window_title, board, topic):
    text = "\n".join([window_title, "Author: sea_wolf", "", PARAGRAPH, "", PARAGRAPH])
    article = parse(text, today=TODAY)
    assert (article.title, article.title_derived, article.source) == (topic, False, board)


@pytest.mark.parametrize(
    "note",
    [
        "Copying from Trend, for those interested:",
        "Копирую с Trend, кому интересно:",
        "Trend-dən kopyalayıram:",
    ],
)
def test_an_outlet_a_forum_post_copies_is_its_credit_never_the_publisher(note):
    text = "\n\n".join([note, f"Ferry slots between Baku and Makhachkala were agreed. {PARAGRAPH}"])
    article = parse(text, today=TODAY)
    assert article.source is None
    assert article.credits == ("Trend",)


@pytest.mark.parametrize(
    "lead",
    [
        "12 марта 2019 года, Баку. Стороны договорились возобновить паромное сообщение.",
        "12.03.2019, г. Махачкала – Стороны договорились возобновить паромное сообщение.",
        "March 12, 2019, The Kremlin, Moscow – The sides agreed to resume the ferry link.",
        "12 March 2019, Baku. The sides agreed to resume the ferry link.",
        "12 mart 2019-cu il, Bakı şəhəri. Tərəflər bərə xəttinin bərpası barədə razılaşıblar.",
    ],
)
def test_a_date_first_dateline_dates_the_page_and_leaves_the_lead_when_a_release_opens_on_it(
    lead,
):
    article = parse(f"Ferry link to resume\n\n{lead} {PARAGRAPH}\n\n{PARAGRAPH}", today=TODAY)
    assert (article.published.value, article.published.precision) == (
        dt.date(2019, 3, 12),
        Precision.DAY,
    )
    assert article.body[:1] in ("С", "T")


@pytest.mark.parametrize(
    "lead",
    [
        "March 12, 2019, Baku hosted talks on the ferry link.",
        "12 марта 2019 года, Москва и Баку подписали соглашение о пароме.",
        "12 mart 2019-cu il, Bakı və Moskva bərə xətti barədə saziş imzalayıblar.",
    ],
)
def test_a_lead_sentence_opening_on_a_date_and_a_place_is_no_dateline(lead):
    article = parse(f"Ferry link to resume\n\n{lead} {PARAGRAPH}\n\n{PARAGRAPH}", today=TODAY)
    assert article.body.startswith(lead)


@pytest.mark.parametrize(
    "buttons",
    [
        "Sign in  Register",
        "Вход  Регистрация",
        "Giriş  Qeydiyyatdan keç",
        "Menu  Search",
        "Меню  Поиск",
        "Закрыть",
        "Bağla",
        "ПРЯМОЙ ЭФИР",
        "CANLI",
        "Главное",
        "Рус  Азе  Eng",
    ],
)
def test_a_row_of_buttons_atop_the_page_never_names_its_publisher(buttons):
    text = "\n".join([buttons, "Ferry link to resume", "", PARAGRAPH, "", PARAGRAPH])
    article = parse(text, today=TODAY)
    assert (article.source, article.title) == (None, "Ferry link to resume")


@pytest.mark.parametrize(
    "line",
    [
        "The site is running in test mode",
        "Сайт работает в тестовом режиме",
        "Sayt test rejimində işləyir",
        "Reading time: 4 minutes",
        "Время чтения: 4 минуты",
        "Oxuma müddəti: 4 dəqiqə",
        "4 dəq oxuma",
        "3 saat əvvəl yeniləndi",
        "Мы в соцсетях: VK Telegram Дзен",
        "Şriftin ölçüsü: A- A A+",
    ],
)
def test_a_sites_notice_or_a_reading_time_is_chrome_wherever_it_stands(line):
    text = "\n".join(["Ferry link to resume", line, "", PARAGRAPH, "", PARAGRAPH])
    article = parse(text, today=TODAY)
    assert article.title == "Ferry link to resume"
    assert line not in article.body


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("According to a report by TASS, the ferry link will resume in spring.", "TASS"),
        ("The ferry link will resume, the minister said in comments carried by TASS.", "TASS"),
        (
            "Паромное сообщение возобновится весной, говорится в сообщении РИА Новости.",
            "RIA Novosti",
        ),
        ("Паромное сообщение возобновится весной, следует из публикации ТАСС.", "TASS"),
        ("Паромы пойдут весной, заявил министр журналистам (цитата по ТАСС).", "TASS"),
        ("Bərə xətti yazda bərpa olunacaq. Bu barədə TASS-ın məlumatında deyilir.", "TASS"),
        ("Bərə xətti yazda bərpa olunacaq, RİA Novosti-nin xəbərində bildirilir.", "RIA Novosti"),
    ],
)
def test_an_agency_whose_report_the_text_retells_is_its_credit_never_the_publisher(
    sentence, agency
):
    text = f"Ferry link to resume\n\n{sentence} {PARAGRAPH}\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert (article.source, article.credits) == (None, (agency,))


@pytest.mark.parametrize(
    "label",
    [
        "Monthly supplement: Oil and politics",
        "Ежемесячное приложение: Нефть и политика",
        "Aylıq əlavə: Neft və siyasət",
        "Special report: The Caspian",
        "Спецвыпуск: Каспий",
        "Xüsusi buraxılış: Xəzər",
        "Column: Caspian notes",
        "Колонка: Каспийские заметки",
        "Köşə: Xəzər qeydləri",
        "Həftəlik əlavə",
        "Weekly supplement",
    ],
)
def test_a_supplements_or_a_columns_label_over_the_story_is_never_its_headline(label):
    text = "\n".join(
        ["THE CASPIAN TIMES", label, "October 1995", "", "Ferry link to resume", "", PARAGRAPH]
    )
    assert parse(text, today=TODAY).title == "Ferry link to resume"


@pytest.mark.parametrize(
    ("menu", "crumbs", "headline"),
    [
        (
            ["News", "Ruritania and Azerbaijan", "Consular section"],
            "Home > Ruritania and Azerbaijan > Ferry link talks",
            "Ferry link talks",
        ),
        (
            ["Новости", "Руритания и Азербайджан", "Консульский отдел"],
            "Главная › Руритания и Азербайджан › Переговоры о пароме",
            "Переговоры о пароме",
        ),
        (
            ["Xəbərlər", "Ruritaniya və Azərbaycan", "Konsulluq şöbəsi"],
            "Ana səhifə » Ruritaniya və Azərbaycan » Bərə danışıqları",
            "Bərə danışıqları",
        ),
    ],
)
def test_the_line_the_breadcrumbs_last_crumb_names_is_the_headline_under_a_vertical_menu(
    menu, crumbs, headline
):
    text = "\n".join(["Embassy of Ruritania", *menu, crumbs, headline, PARAGRAPH, "", PARAGRAPH])
    assert parse(text, today=TODAY).title == headline


def test_a_breadcrumb_closing_on_a_section_names_no_headline():
    text = "\n".join(
        ["Home > News > Politics", "Politics", "Ferry link talks", PARAGRAPH, "", PARAGRAPH]
    )
    assert parse(text, today=TODAY).title == "Ferry link talks"


@pytest.mark.parametrize(
    "line",
    [
        "We value your privacy",
        "Manage options",
        "Accept all  Reject all",
        "Согласиться",
        "Qəbul edirəm",
        "Live updates",
        "Онлайн-трансляция",
        "Watch: Aliyev and Putin meet in the Kremlin",
        "0:00 / 2:14",
        "Смотреть видео",
        "Videonu izlə",
        "Listen to this article",
        "Open in app",
        "Allow notifications",
        "Подписаться на уведомления",
        "Bildirişlərə abunə olun",
        "Key points",
        "Summary generated by AI",
        "Главное за минуту",
        "Qısa məzmun",
    ],
)
def test_a_consent_players_prompts_or_summarys_label_is_never_the_headline_nor_text(line):
    headline = "Ferry line between Baku and Makhachkala reopens"
    for lines in (["Example Review", line, headline], [headline, line]):
        article = parse(
            "\n".join([*lines, "14 May 2024", "", PARAGRAPH, "", PARAGRAPH]), today=TODAY
        )
        assert article.title == headline
        assert line not in article.body


@pytest.mark.parametrize(
    ("heading", "other"),
    [
        ("Read next", "Putin to visit Baku in autumn"),
        ("Следующая новость", "Путин посетит Баку осенью"),
        ("Növbəti xəbər", "Putin payızda Bakıya səfər edəcək"),
    ],
)
def test_the_next_storys_headline_and_date_under_an_endless_page_are_never_the_pages(
    heading, other
):
    text = "\n".join(
        ["Ferry link to resume", "", PARAGRAPH, "", PARAGRAPH, "", heading, other, "12 March 2019"]
    )
    article = parse(text, today=TODAY)
    assert (article.title, article.published.value) == ("Ferry link to resume", None)
    assert other not in article.body


@pytest.mark.parametrize(
    "teaser",
    [
        "Read next: Putin to visit Baku in autumn",
        "Следующая новость: Путин посетит Баку осенью",
        "Növbəti xəbər: Putin payızda Bakıya səfər edəcək",
    ],
)
def test_the_next_storys_teaser_over_the_page_is_never_its_headline(teaser):
    text = "\n".join([teaser, "Ferry link to resume", "14 May 2024", "", PARAGRAPH, "", PARAGRAPH])
    assert parse(text, today=TODAY).title == "Ferry link to resume"


@pytest.mark.parametrize(
    ("label", "items"),
    [
        ("Key points", ["• Ferry slots agreed for spring", "• Trade to rise"]),
        ("Главное за минуту", ["Паромы пойдут весной", "Товарооборот вырастет"]),
        ("Qısa məzmun", ["Bərələr yazda işləyəcək", "Ticarət artacaq"]),
    ],
)
def test_an_ai_summarys_items_are_never_the_headline_over_it_or_under_it(label, items):
    headline = "Ferry link to resume"
    box = [label, *items, ""]
    for top in ([*box, headline, "14 May 2024"], [headline, "14 May 2024", *box]):
        article = parse("\n".join([*top, "", PARAGRAPH, "", PARAGRAPH]), today=TODAY)
        assert article.title == headline
        assert items[0] not in article.body


@pytest.mark.parametrize(
    ("stamp", "counts"),
    [
        ("12:45 PM · May 14, 2024 · 12.3K Views", "34 Reposts 120 Likes"),
        ("14:05 · 14 мая 2024 · 4,1 тыс. просмотров", "34 репоста"),
        ("14:05 · 14 may 2024 · 1.2K baxış", "120 bəyənmə"),
    ],
)
def test_a_network_posts_stamp_beside_its_counts_dates_it_and_the_counts_are_no_text(stamp, counts):
    text = "\n".join(["Caspian Wire", "@caspianwire", "", PARAGRAPH, "", stamp, counts])
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2024, 5, 14)
    assert counts not in article.body


@pytest.mark.parametrize(
    "paywall",
    ["You have reached your limit of free articles", "Вы исчерпали лимит бесплатных материалов"],
)
def test_a_paywalls_limit_over_the_headline_is_never_the_headline(paywall):
    text = "\n".join([paywall, "Ferry link to resume", "14 May 2015", "", PARAGRAPH, "", PARAGRAPH])
    assert parse(text, today=TODAY).title == "Ferry link to resume"


@pytest.mark.parametrize(
    "line",
    [
        "Do not sell or share my personal information",
        "Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности",
        "Saytdan istifadə etməyə davam etməklə məxfilik siyasəti ilə razılaşırsınız",
        "Реклама. ООО «Пример». ИНН 7700000000. erid: LjN8KXyz1",
        "This summary was generated by AI and checked by editors",
        "Краткий пересказ создан нейросетью",
        "Süni intellekt tərəfindən hazırlanıb",
        "You may also like",
        "Вам может быть интересно",
        "Sizə maraqlı ola bilər",
    ],
)
def test_a_consents_sentence_an_ad_marking_or_an_ai_note_is_never_the_headline(line):
    headline = "Ferry line between Baku and Makhachkala reopens"
    text = "\n".join(
        ["Example Review", line, headline, "14 May 2024", "", PARAGRAPH, "", PARAGRAPH]
    )
    assert parse(text, today=TODAY).title == headline


@pytest.mark.parametrize(
    "button",
    ["Понятно", "Принять и закрыть", "Razıyam", "Customise choices", "Not now", "Позже", "Skip ad"],
)
def test_a_prompts_or_a_players_button_under_the_headline_stays_out_of_the_text(button):
    text = "\n".join(["Ferry link to resume", "14 May 2024", button, "", PARAGRAPH, "", PARAGRAPH])
    assert button not in parse(text, today=TODAY).body


def test_a_video_pages_own_headline_keeps_its_label():
    headline = "VIDEO: Russian peacekeepers head to Nagorno-Karabakh"
    text = "\n".join(["Example Review", "", headline, "", "10/11/2020", "", PARAGRAPH, PARAGRAPH])
    assert parse(text, today=TODAY).title == headline


@pytest.mark.parametrize("label", ["Заголовок сообщения: ", "Post subject: ", "Mesajın başlığı: "])
def test_a_forum_posts_subject_label_is_no_part_of_its_headline(label):
    text = "\n".join(
        ["Автор Сообщение", "Добавлено: 12.03.2004 10:15", f"{label}Ferry link", PARAGRAPH]
    )
    assert parse(text, today=TODAY).title == "Ferry link"


@pytest.mark.parametrize(
    "controls",
    [
        "🔔 Allow notifications from Caspian Daily? Get breaking news first.  [Later] [Allow]",
        "Уведомления Хотите получать уведомления о главных новостях? [Нет] [Да]",
        "Поиск по архиву: [__________] [Найти]",
        "Print | Email | Font size",
        "Версия для печати | Отправить другу",
    ],
)
def test_a_row_of_controls_is_neither_the_headline_nor_the_text_when_it_stands_over_one(
    controls,
):
    headline = "Baku and Moscow agree on grain transit"
    text = f"Caspian Daily\n{controls}\n\n{headline}\n12 March 2024\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.title == headline
    assert controls.split()[1] not in article.body


def test_a_headline_with_one_bracketed_label_is_still_a_headline():
    text = f"Putin and Aliyev meet in Sochi [VIDEO]\n12 March 2024\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == "Putin and Aliyev meet in Sochi [VIDEO]"


def test_a_tickers_stamped_item_over_the_header_does_not_end_the_search_for_the_headline():
    text = (
        "Caspian Daily  Politics  Economy\n"
        "Breaking: Heavy snow closes mountain roads in Shamakhi — 11:02\n\n"
        f"Baku and Moscow agree on grain transit\n12 March 2024 12:05\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Baku and Moscow agree on grain transit"


@pytest.mark.parametrize(
    "player",
    [
        "Слушать эфир | Сейчас в эфире: «Особое мнение»",
        "● Прямой эфир Кубань 24 Орбита",
        "CANLI: Azadlıq Radiosu efirdə",
        "Listen live | On air now: The World Tonight",
    ],
)
def test_a_broadcasters_on_air_banner_is_never_the_headline(player):
    headline = "Baku and Moscow agree on grain transit"
    text = f"Caspian Radio\n{player}\n\n{headline}\n12 March 2024\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).title == headline


RUSSIAN_PARAGRAPH = (
    "Президенты России и Азербайджана подписали в Москве декларацию о союзническом "
    "взаимодействии, которая определяет развитие отношений двух стран на годы вперёд."
)


def test_a_papers_short_headline_wins_over_the_deck_under_it():
    text = (
        "Газета\n\nСоюзники на бумаге\n"
        "Россия и Азербайджан подписали декларацию из 43 пунктов\n\n"
        f"22 февраля 2022\n\n{RUSSIAN_PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Союзники на бумаге"


def test_a_topics_label_of_two_words_over_the_headline_is_no_headline_over_a_deck():
    label = "Россия–Азербайджан отношения"
    headline = "Россия и Азербайджан подписали декларацию о союзническом взаимодействии"
    text = f"Газета\n\n{label}\n\n{headline}\n\n22 февраля 2022\n\n{RUSSIAN_PARAGRAPH}"
    assert parse(text, today=TODAY).title == headline


@pytest.mark.parametrize(
    "members", ["Группа · 86 тыс. участников", "Group · 12K members", "Qrup · 5 min üzv"]
)
def test_a_groups_members_count_makes_the_page_a_post_with_no_headline(members):
    text = f"ОДНОКЛАССНИКИ\nАзербайджанцы Москвы\n{members}\n\n{RUSSIAN_PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.source == "Азербайджанцы Москвы"


@pytest.mark.parametrize(
    ("head", "poster"),
    [
        (["Post", "Caspian Wire 🇦🇿 @CaspianWire"], "Caspian Wire"),
        (["Caspian Wire", "@CaspianWire · News agency", "2d · 🌐"], "Caspian Wire"),
        (["Facebook", "Caspian Wire", "9 oktyabr 2025, 16:10 · 🌐"], "Caspian Wire"),
        (["Instagram", "caspian_wire ✓"], None),
        (["Facebook", "Bakıda yaşayan ruslar · Qrup"], "Bakıda yaşayan ruslar"),
        (["Caspian Wire", "kanal · 96 540 abunəçi"], "Caspian Wire"),
        (["Caspian Wire канал · 2,9 млн подписчиков"], "Caspian Wire"),
        (["ВКонтакте", "Caspian Wire", "запись на стене"], "Caspian Wire"),
    ],
)
def test_a_posts_head_makes_its_first_line_text_and_names_its_poster(head, poster):
    text = "\n".join([*head, "", "Baku and Moscow agree on new flights", "", PARAGRAPH])
    article = parse(text, today=TODAY)
    assert article.title_derived is True
    assert article.body.startswith("Baku and Moscow agree on new flights")
    assert article.source == poster


def test_a_posters_name_that_a_known_outlet_has_is_that_outlets():
    text = f"Post\nRussian Embassy in Azerbaijan 🇷🇺 @RusEmbAzerbaijan\n{PARAGRAPH}"
    assert parse(text, today=TODAY).source == "Embassy of Russia in Azerbaijan"


def test_a_posts_time_under_its_translate_button_dates_it_and_nothing_below_is_text():
    text = (
        "Post\nCaspian Wire @CaspianWire\n"
        f"{PARAGRAPH} #Baku\nTranslate post\n10:15 AM · Feb 12, 2026 · 4,212 Views\n"
        "12 Reposts  3 Quotes  64 Likes\nRelevant people"
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2026, 2, 12)
    assert article.body == f"{PARAGRAPH} #Baku"


def test_a_call_to_subscribe_under_a_posts_text_names_no_poster():
    text = f"Gündəm Xəbər\n📌 {PARAGRAPH}\n\nAbunə ol 👉 @gundemxeber\n👁 94.1K"
    assert "Abunə" not in (parse(text, today=TODAY).source or "")


def test_a_byline_with_a_handle_is_an_articles_author_not_a_poster():
    headline = "Baku and Moscow agree on new flights"
    text = f"{headline}\nBy Jane Doe @janedoe\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    article = parse(text, today=TODAY)
    assert (article.title, article.title_derived) == (headline, False)


@pytest.mark.parametrize(
    "mark", ["LIVE | ", "CANLI — ", "Онлайн: ", "3. ", "■ ", "▣ ", "🔴 LIVE | "]
)
def test_a_live_label_or_a_digest_items_number_before_the_headline_is_not_its_words(mark):
    text = f"{mark}Customs protocol signed at the Samur crossing\n\n{RETOLD}"
    assert parse(text, today=TODAY).title == "Customs protocol signed at the Samur crossing"


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("3:14 PM · Apr 12, 2023 · 41.2K Views", dt.date(2023, 4, 12)),
        ("👁 1.4M   22 февр. 2022 в 15:21", dt.date(2022, 2, 22)),
        ("👁 21,4K   📅 09.10.2025, 14:37", dt.date(2025, 10, 9)),
    ],
)
def test_a_posts_time_beside_its_counters_under_its_text_dates_it(stamp, day):
    text = (
        f"Caspian Wire\n@CaspianWire\n\n{PARAGRAPH}\n\n{stamp}\n\n"
        "Ольга К.  ·  10.10.2025 15:03\nПосмотрим, что будет дальше"
    )
    assert parse(text, today=TODAY).published.value == day


def test_a_comments_stamp_under_a_post_never_dates_it():
    text = f"Caspian Wire\n@CaspianWire\n\n{PARAGRAPH}\n\nОльга К.  ·  10.10.2025 15:03\nСогласна"
    assert parse(text, today=TODAY).published.value is None


def test_a_citys_clock_over_the_headline_never_dates_the_page_and_a_byline_ending_on_a_day_does():
    text = (
        "THE CASPIAN TIMES\nAstana, Sunday, 22 November 2026   -6°C    USD 512.40 KZT\n\n"
        "Railways set up a corridor joint venture\n\n"
        f"By Staff Reporter in Business on 7 November 2023\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2023, 11, 7)
    assert article.title == "Railways set up a corridor joint venture"


@pytest.mark.parametrize(
    "headline",
    [
        "Брифинг официального представителя МИД России, Москва, 15 декабря 2022 года",
        "Briefing by the Foreign Ministry spokesperson, Moscow, 15 December 2022",
    ],
)
def test_an_official_title_closing_on_a_day_after_a_comma_dates_the_page(headline):
    text = f"МИД России\n\n{headline}\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).published.value == dt.date(2022, 12, 15)


def test_a_headline_naming_a_day_in_its_words_does_not_date_the_page():
    text = f"Treaty signed on 3 July 1997 turns twenty\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).published.value is None


def test_the_rest_of_a_mastheads_line_wrapped_under_it_is_never_the_headline():
    text = (
        "FEDERATION COUNCIL\nof the Federal Assembly of the Russian Federation\n"
        "Structure   Activity   Media\n\n"
        "Senators meet the Milli Majlis group in Baku\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).title == "Senators meet the Milli Majlis group in Baku"


@pytest.mark.parametrize(
    ("stamp", "dateline"),
    [
        ("Москва, 27.11.2026", "Астрахань, 29 сентября 2014, 17:22 — REGNUM\n\n"),
        ("", "29.09.2014\n\n"),
    ],
)
def test_the_day_a_page_was_copied_never_dates_it_when_it_gives_a_day_of_its_own(stamp, dateline):
    # The copy's day over the dateline, or a print copy's footer under the headline.
    footer = "" if stamp else "Moderator.az - 26.11.2026\n\n"
    text = f"{stamp}\n\nКаспийский саммит открылся\n\n{footer}{dateline}{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).published.value == dt.date(2014, 9, 29)


def test_a_page_dated_the_day_it_is_imported_keeps_that_day():
    text = f"Каспийский саммит открылся\n\n27.11.2026\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).published.value == TODAY


@pytest.mark.parametrize(
    ("crumb", "value", "precision"),
    [
        ("Архив номеров › июнь 1993 › Экономика", dt.date(1993, 6, 1), Precision.MONTH),
        ("Архив 1998 года › Экономика", dt.date(1998, 1, 1), Precision.YEAR),
    ],
)
def test_an_archives_crumb_naming_one_month_or_year_dates_its_page(crumb, value, precision):
    text = f"{crumb}\n\nБартер по железной дороге\n\n{RUSSIAN_PARAGRAPH}\n\n{RUSSIAN_PARAGRAPH}"
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (value, precision)


def test_an_archives_row_of_years_dates_no_page():
    text = f"Arxiv: 2016 | 2017 | 2018\n\nBartering by rail\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    assert parse(text, today=TODAY).published.value is None


def test_a_bulletins_issue_line_under_its_name_dates_the_issue():
    text = f"Banker.az\nHəftəlik bülleten · № 37 · Sentyabr 2017\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2017, 9, 1), Precision.MONTH)


def test_a_pages_bare_address_under_its_sites_name_and_menu_dates_it():
    text = (
        "TELEQRAF.com\nXəbər | Siyasət | İqtisadiyyat | Dünya\n"
        "teleqraf.com/news/2024/09/12/olya-elet-bere\n\n"
        f"Olya limanından Ələtə yeni bərə xətti\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).published.value == dt.date(2024, 9, 12)


def test_an_azerbaijani_archives_crumb_dates_its_page_by_its_year():
    text = f"525-ci qəzet\nArxiv » 2000-ci il » Mədəniyyət\n\nMuğam gecəsi\n\n{PARAGRAPH}"
    published = parse(text, today=TODAY).published
    assert (published.value, published.precision) == (dt.date(2000, 1, 1), Precision.YEAR)


def test_a_bylines_day_before_its_reading_time_dates_the_page_under_an_app_banner():
    text = (
        "CASPIAN NEWS  Politics  Economy\nGet the Caspian News app for faster reading ▸ Open\n\n"
        "Baku, Moscow and Tehran ready a trilateral deal\n"
        f"By Kamila Aliyeva   March 4, 2026   5 min read\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    article = parse(text, today=TODAY)
    assert article.published.value == dt.date(2026, 3, 4)
    assert article.title == "Baku, Moscow and Tehran ready a trilateral deal"


@pytest.mark.parametrize("gap", ["  ", "   "])
def test_a_widget_rows_date_dates_the_page_whether_two_or_three_spaces_part_its_items(gap):
    # With two spaces the row read as one run of words, its date no column of its own, and
    # the whole row went as chrome: the page's only date with it.
    row = gap.join(["Monday, 19 August 2024", "Baku +33°C", "USD/AZN 1.70"])
    text = (
        f"Caspian Example\nHome  Politics  Economy  Energy  Opinion\n{row}\n\n"
        f"What we know about the visit to Baku\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).published.value == dt.date(2024, 8, 19)


def test_a_state_bodys_bare_copyright_names_its_own_site_not_a_reprints_source():
    # A bare '© TASS' under a text credits a reprint; a ministry or a governor's office
    # republishes no wire, so its bare '©' is its own site's, over an unknown masthead.
    text = (
        "АСТРАХАНСКАЯ ОБЛАСТЬ\nОфициальный сайт Губернатора и Правительства\n"
        "Губернатор  Правительство  Новости  Документы\n"
        f"Астраханская область и Азербайджан обсудили перевозки\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
        "Версия для печати\n© Правительство Астраханской области"
    )
    parsed = parse(text, today=TODAY)
    assert (parsed.source, parsed.credits) == ("Government of Astrakhan Oblast", ())


def test_a_services_copyright_in_its_houses_name_is_no_credit_to_the_house():
    text = (
        "BBC NEWS | РУССКАЯ СЛУЖБА\nГлавная  Россия  Украина  Мир  Наука\n\n"
        f"Миротворцы в Карабахе: что мы о них знаем\n12 ноября 2020\n\n{PARAGRAPH}\n\n"
        f"{PARAGRAPH}\n\n© 2020 BBC. Би-би-си не несет ответственности за содержание других сайтов."
    )
    parsed = parse(text, today=TODAY)
    assert (parsed.source, parsed.credits) == ("BBC News Russian", ())


@pytest.mark.parametrize(
    "masthead",
    [
        "XƏZTRANS — Xəzər Nəqliyyat və Logistika Şirkəti",
        "KASPOR | Caspian Ports Operating Company",
        "KTL — XƏZƏR TRANZİT LOGİSTİKA",
    ],
)
def test_a_short_name_in_capitals_before_its_full_name_is_the_pages_publisher_as_set(masthead):
    text = (
        f"{masthead}\nHaqqımızda  Xidmətlər  Xəbərlər  Əlaqə\n\n"
        f"Şirkət Rusiya tərəfdaşı ilə yeni müqavilə imzalayıb\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source == masthead.split()[0]


def test_a_long_word_in_capitals_before_the_rest_of_its_masthead_is_no_short_name():
    text = (
        "ŞİMALİYYƏT — XXI ƏSR\nElmi-publisistik jurnal\n\n"
        f"Bakı və Moskva arasında elmi əlaqələr\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source != "ŞİMALİYYƏT"


def test_a_known_outlets_short_name_before_its_full_name_is_its_banner():
    text = (
        "РСМД  Российский совет по международным делам\n"
        "Аналитика  Проекты  Мероприятия  Эксперты\n\n"
        f"Россия и Азербайджан: каспийская повестка\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source == "Russian International Affairs Council"


@pytest.mark.parametrize(
    ("masthead", "publisher"),
    [
        ("QUBA XƏBƏR — bölgənin xəbər portalı", "Quba Xəbər"),
        ("Caspian Freight Brief — notes from the five shores", "Caspian Freight Brief"),
        ("ASTRAKHAN REGION — Official website", None),
        ("Yolçu Qeydləri — şəxsi bloq", None),
    ],
)
def test_a_sites_name_before_its_line_about_itself_is_the_publisher(masthead, publisher):
    text = (
        f"{masthead}\nHome   Archive   About   Subscribe\n\n"
        f"Baku and Astrakhan discuss Caspian shipping\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source == publisher


@pytest.mark.parametrize(
    ("crumbs", "publisher"),
    [
        ("Caspian Rail Forum › Rail & multimodal › North-South route", "Caspian Rail Forum"),
        ("Форум «Волжане» › Новости › Законы и документы", "Форум «Волжане»"),
        ("Disput.Az Forum > Siyasət > İqtisadiyyat", "Disput.Az"),
        ("Home › Politics › Azerbaijan", None),
    ],
)
def test_a_breadcrumb_at_the_top_that_starts_from_the_sites_name_names_the_site(crumbs, publisher):
    text = (
        f"{crumbs}\nRegister | Log in | Search\n\n"
        f"Re: the border crossing at Samur\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source == publisher


@pytest.mark.parametrize(
    ("sender", "publisher"),
    [
        ("From: Caspian Grain Brief <newsletter@grainbrief.example>", "Caspian Grain Brief"),
        ("От: Волжский деловой вестник <digest@vestnik.example>", "Волжский деловой вестник"),
        ("Kimdən: XƏZƏRAQRO <bulleten@xezeraqro.example>", "XƏZƏRAQRO"),
        ("From: bulletin@baku-trade (Baku Trade Council)", "Baku Trade Council"),
        ("From: Tural M. <tural@mail.example>", None),
        ("From: Caspian News <newsletter@caspiannews.com>", "Caspian News"),
    ],
)
def test_a_newsletters_sender_publishes_it_and_a_person_writing_to_a_list_does_not(
    sender, publisher
):
    text = (
        f"{sender}\nSubject: Weekly digest: Baku and Astrakhan ports agree on cooperation\n\n"
        f"{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    assert parse(text, today=TODAY).source == publisher


@pytest.mark.parametrize(
    "signature",
    [
        "posted by Leyla_Msk",
        "reply by bakuexpat77",
        "Rauf Mammadov, exclusively for Caspian Review",
        "From Dr Aysel Karimova, Cambridge, UK",
    ],
)
def test_a_signatures_line_is_never_the_headline(signature):
    text = f"Letters\n\n{signature}\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    parsed = parse(text, today=TODAY)
    assert parsed.title_derived or parsed.title != signature


def test_a_letters_headline_stands_over_its_writers_signature():
    text = (
        "Letters\n\nThe corridor is not Moscow's gift to give\n\n"
        f"From Dr Aysel Karimova, Cambridge, UK\n\n{PARAGRAPH}\n\n{PARAGRAPH}"
    )
    parsed = parse(text, today=TODAY)
    assert (parsed.title, parsed.title_derived) == (
        "The corridor is not Moscow's gift to give",
        False,
    )
