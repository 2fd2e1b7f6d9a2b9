"""dates: the dates pages write, in three languages, any casing, and the ones to refuse."""

import datetime as dt

import pytest

from articles.ingest.dates import (
    bare_date_line,
    date_in_url,
    date_only_line,
    dated_on,
    day_and_month,
    ends_in_stamp,
    find_date,
    full_date,
    is_today_line,
    short_year_date,
    web_capture,
)
from articles.ingest.document import Precision, PublishedDate
from articles.ingest.parse import parse


def day(text: str) -> dt.date | None:
    found = find_date(text)
    assert found is not None
    assert found.published.precision is Precision.DAY
    return found.published.value


@pytest.mark.parametrize("month", ["İyun", "İYUN", "iyun", "IYUN", "ıyun", "Iyun", "iyunun"])
def test_reads_an_azerbaijani_month_when_it_is_written_in_any_turkic_casing(month):
    assert day(f"5 {month} 2019") == dt.date(2019, 6, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3,2021 14:05", dt.date(2021, 3, 3)),
        ("25 Nov 201914:32", dt.date(2019, 11, 25)),
        ("25 noyabr 2019-cu il", dt.date(2019, 11, 25)),
        ("2019-cu il noyabrın 25-də", dt.date(2019, 11, 25)),
        ("5 июня 2021 года", dt.date(2021, 6, 5)),
        ("22 ФЕВРАЛЯ 2022", dt.date(2022, 2, 22)),
        ("2019-11-25T14:32", dt.date(2019, 11, 25)),
        ("25.11.2019", dt.date(2019, 11, 25)),
        ("13/04/2021", dt.date(2021, 4, 13)),
        ("04/13/2021", dt.date(2021, 4, 13)),
        ("2181-07-11-2023", dt.date(2023, 11, 7)),
    ],
)
def test_reads_the_day_when_text_writes_a_full_date(text, expected):
    assert day(text) == expected


def test_keeps_only_the_year_when_a_numeric_date_reads_both_ways():
    found = find_date("03/04/2021")
    assert found.published == PublishedDate(dt.date(2021, 1, 1), Precision.YEAR)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("в марте 2021 года", dt.date(2021, 3, 1), Precision.MONTH),
        ("NOYABR 2019", dt.date(2019, 11, 1), Precision.MONTH),
        ("Spring 2021", dt.date(2021, 1, 1), Precision.YEAR),
    ],
)
def test_reads_a_coarser_date_when_text_gives_no_day(text, value, precision):
    found = find_date(text)
    assert (found.published.value, found.published.precision) == (value, precision)


def test_reports_no_year_when_date_has_none():
    found = find_date("BAKU, March 3.")
    assert found.published.value is None
    assert "without a year" in found.problem


def test_spans_the_russian_year_word_when_a_date_ends_in_goda():
    text = "Москва, 5 июня 2021 года. Текст"
    found = find_date(text)
    assert text[found.span[1] :] == ". Текст"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.az/2018/09/27/slug", dt.date(2018, 9, 27)),
        ("https://sputnik.az/20201110/story-425112233.html", dt.date(2020, 11, 10)),
        ("https://example.ru/news/2019-11-25-talks.html", dt.date(2019, 11, 25)),
    ],
)
def test_reads_the_date_when_a_page_address_carries_one(url, expected):
    assert date_in_url(url).published.value == expected


def test_reads_no_date_when_a_page_address_carries_none():
    assert date_in_url("https://ria.ru/956346582.html") is None


@pytest.mark.parametrize(
    "line",
    [
        "22 февраля 2022 года, 15:30, Москва, Кремль",
        "February 22, 2022, The Kremlin, Moscow",
        "27 Aprel 2023 14:32 | Siyasət | 2 814 baxış",
        "10.11.2020, 02:15 (yenilənib 10.11.2020, 11:40)",
        'Газета "Коммерсантъ" №49 от 09.12.1991, стр. 14',
        "2019-11",
    ],
)
def test_says_a_line_is_only_a_date_when_it_names_only_when_and_where(line):
    assert date_only_line(line) is not None


def test_says_a_line_is_not_only_a_date_when_it_is_a_list_item():
    assert date_only_line("25.04.2023 Dollar bahalaşacaq? Ekspert açıqladı") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "2011-ci il mayın 3-də Bakı Protokolu imzalanıb.",
        "12 марта 2015 года Астрахань Соглашение подписали.",
        "4 May 2019, Ankara Memorandum signed.",
    ],
)
def test_a_short_sentence_opening_with_its_date_is_no_date_line(sentence):
    assert date_only_line(sentence) is None


@pytest.mark.parametrize(
    "line", ["Сегодня: 27 ноября 2026", "Bu gün, 27 noyabr 2026", "Today: 27.11.2026"]
)
def test_marks_a_date_as_today_when_a_widget_labels_it(line):
    assert date_only_line(line).is_today is True


def test_marks_a_weekday_when_a_date_line_carries_one():
    assert date_only_line("Çərşənbə axşamı, 22 fevral 2022").has_weekday is True


@pytest.mark.parametrize("line", ["Сегодня, 12:40", "Bu gün", "Tuesday, 09:15", "ВТОРНИК 18:05"])
def test_recognises_a_clock_or_weekday_widget_when_it_stands_alone(line):
    assert is_today_line(line) is True


def test_does_not_take_a_weekday_in_a_sentence_for_a_widget():
    assert is_today_line("Talks on Tuesday ended") is False


def test_reads_a_two_digit_year_as_this_century_when_not_later_than_today():
    found = short_year_date("23.09.02", dt.date(2026, 11, 27))
    assert found.published.value == dt.date(2002, 9, 23)
    assert short_year_date("23.09.97", dt.date(2026, 11, 27)).published.value.year == 1997


def test_full_date_is_none_when_text_gives_only_a_month():
    assert full_date("in March 2021 the sides met") is None


def test_reads_no_clock_when_an_outlet_named_today_signs_a_date_line():
    found = date_only_line("14 March 2019 [10:42] - Today.Az")
    assert found is not None and not found.is_today


def test_marks_a_date_as_an_update_when_a_label_says_so():
    assert date_only_line("Updated: 15 March 2019 [09:05]").is_update
    assert date_only_line("Обновлено: 06.06.2023 12:40").is_update
    assert not date_only_line("10.11.2020, 02:15 (updated 10.11.2020, 11:40)").is_update


def test_reads_the_date_when_an_address_writes_day_month_year_segments():
    found = date_in_url("https://www.rbc.ru/politics/22/02/2022/6214ce5a9a7947a1bd3b0f54")
    assert found.published.value == dt.date(2022, 2, 22)


def test_finds_the_full_date_when_a_page_writes_a_yearless_day_in_full_elsewhere():
    assert day_and_month("11 янв") == (1, 11)
    text = "Пашинян - Sputnik Азербайджан, 1920, 11.01.2021; ранее 12.01.2020"
    assert dated_on(text, 1, 11) == dt.date(2021, 1, 11)
    assert dated_on(text, 6, 5) is None


@pytest.mark.parametrize(
    ("line", "bare"),
    [
        ("👁 18.4K 🔁 212 Oct 9, 2025 at 18:22", True),
        ("Publication date: March 5, 2019, 18:30", True),
        ("Алексей 12.03.2019 10:15", False),
        ("Another piece 10 March 2019", False),
    ],
)
def test_tells_a_bare_date_line_from_a_named_one_when_it_closes_a_page(line, bare):
    assert (bare_date_line(line) is not None) is bare


@pytest.mark.parametrize(
    ("text", "month", "day_", "expected"),
    [
        # Day and month either way round: the dateline's '3 сен' says which.
        ("14:36 03/09/2010", 9, 3, dt.date(2010, 9, 3)),
        ("14:36 03/09/2010", 3, 9, dt.date(2010, 3, 9)),
        # A monitoring service's source line writes a two-digit year.
        ("in Russian 1130 gmt 21 Dec 06", 12, 21, dt.date(2006, 12, 21)),
        ("in Russian 0900 gmt 3 Jul 97", 7, 3, dt.date(1997, 7, 3)),
    ],
)
def test_a_yearless_datelines_day_finds_its_year_in_a_date_written_short_or_either_way(
    text, month, day_, expected
):
    assert dated_on(text, month, day_) == expected


def test_a_numeric_date_gives_no_year_to_a_dateline_of_another_day():
    assert dated_on("14:36 03/09/2010", 9, 4) is None


def test_a_dotted_date_reads_day_first_only_so_gives_no_year_to_its_other_reading():
    assert dated_on("14:36 03.09.2010", 9, 3) == dt.date(2010, 9, 3)
    assert dated_on("14:36 03.09.2010", 3, 9) is None


def test_the_datelines_day_refines_an_ambiguous_date_under_the_headline():
    text = (
        "Медведев и Алиев закрыли вопрос о границе\n\n14:36 03/09/2010\n\n"
        "БАКУ, 3 сен - РИА Новости. Президенты подписали в Баку договор о государственной "
        "границе, работа над которым шла почти пятнадцать лет."
    )
    published = parse(text, today=dt.date(2026, 11, 27)).published
    assert (published.value, published.precision) == (dt.date(2010, 9, 3), Precision.DAY)


@pytest.mark.parametrize(
    ("published", "last_day"),
    [
        (PublishedDate(dt.date(2024, 2, 1), Precision.MONTH), dt.date(2024, 2, 29)),
        (PublishedDate(dt.date(2023, 2, 1), Precision.MONTH), dt.date(2023, 2, 28)),
        (PublishedDate(dt.date(1997, 1, 1), Precision.YEAR), dt.date(1997, 12, 31)),
        (PublishedDate(dt.date(2010, 9, 3), Precision.DAY), dt.date(2010, 9, 3)),
        (PublishedDate.unknown(), None),
    ],
)
def test_a_date_ends_on_the_last_day_of_what_it_names(published, last_day):
    assert published.last_day == last_day


@pytest.mark.parametrize(
    "line",
    [
        "Архив 2003 года",
        "Xəbərlər arxivi - 2003",
        "News archive: 2003",
        "No. 2 2003   April/June",
        "arxiv, 2003",
        "№ 3 / 2003",
        "No. 3, 2003  (scanned archive copy, page 4)",
        "XALQ QƏZETİ | arxiv, 2003",
        "Ставропольская правда | № 41, 2003",
    ],
)
def test_a_years_archive_heading_or_a_spaced_issue_line_dates_to_the_year(line):
    found = date_only_line(line)
    assert found is not None
    assert found.published == PublishedDate(dt.date(2003, 1, 1), Precision.YEAR)


def test_a_slashed_list_of_cities_opens_a_yearless_dateline_that_a_full_date_completes():
    text = (
        "Pipeline talks resume\n\n"
        "ASTANA/BAKU/MOSCOW, Mar 4 (Reuters) - Talks on the pipeline resumed after a pause of "
        "several months, officials of the three countries said.\n\n"
        "The round that opened on March 4, 2019 is the first since the autumn."
    )
    assert parse(text).published == PublishedDate(dt.date(2019, 3, 4), Precision.DAY)


ARCHIVED_COPY = (
    "http://www.example-agency.az/en/2003/05/21/index.htm\n"
    "Go   APR MAY JUN\n"
    "     21\n"
    "2002 2003 2005\n"
    "4 captures\n"
    "21 May 2003 - 2 Jun 2005\n"
    "About this capture\n\n"
    "Example Agency\n\n"
    "TBILISI, 19 May (Turan).\n\n"
    "TRANSIT TALKS CLOSE IN TBILISI\n\n"
    "The delegations of the two neighbours ended three days of transit talks in the capital "
    "and agreed to meet again in the autumn to settle the tariffs for freight wagons.\n"
)


def test_a_web_archives_capture_dates_nothing_but_gives_a_yearless_dateline_its_year():
    # The toolbar's '21 May 2003' and the address are the crawl's; the story is the 19th's.
    published = parse(ARCHIVED_COPY, today=dt.date(2026, 11, 28)).published
    assert published == PublishedDate(dt.date(2003, 5, 19), Precision.DAY)


def test_a_dateline_long_before_the_capture_stays_unknown():
    text = ARCHIVED_COPY.replace("21 May 2003 - 2 Jun 2005", "21 Nov 2003 - 2 Jun 2005")
    text = text.replace("/2003/05/21/", "/news/")
    assert parse(text, today=dt.date(2026, 11, 28)).published.value is None


def test_the_archives_address_stamp_is_the_day_of_the_copy():
    lines = ["The Wayback Machine - https://web.archive.org/web/20040212093051/http://a.az/", "x"]
    capture = web_capture(lines)
    assert capture is not None
    assert capture.copied_on == dt.date(2004, 2, 12)
    assert capture.lines == frozenset({0})


@pytest.mark.parametrize(
    "line",
    [
        "Last updated: June 9, 2021 | Published: June 8, 2021",
        "Обновлено 09.06.2021 | Опубликовано 08.06.2021",
        "Yenilənib: 09.06.2021 · Dərc olunub: 08.06.2021",
    ],
)
def test_the_first_publication_is_the_lines_date_when_an_update_column_comes_first(line):
    found = date_only_line(line)
    assert found.published.value == dt.date(2021, 6, 8)
    assert found.is_update is False


@pytest.mark.parametrize("text", ["2021-ci il 8 iyun", "2021-ci il 8 iyun tarixli sazişə əsasən"])
def test_an_azerbaijani_date_with_its_year_first_and_its_day_before_the_month_is_read(text):
    assert day(text) == dt.date(2021, 6, 8)


@pytest.mark.parametrize(
    ("line", "stamped"),
    [
        ("Bakıda yeni məktəb açılıb Dünən, 21:45", True),
        ("Курс доллара снизился — 14:10", True),
        ("Ferry prices rise 3 hours ago", True),
        ("Ferry prices rise (27/04/2015)", True),
        ("Переговоры начнутся в 10:00", False),
        ("Путин и Алиев встретились вчера", False),
        ("14:10", False),
    ],
)
def test_a_list_items_closing_stamp_is_told_from_a_time_a_headline_announces(line, stamped):
    assert ends_in_stamp(line) is stamped


@pytest.mark.parametrize("line", ["13:22, 03.09.10", "14:05 | 03.09.10", "03.09.10, 13:22"])
def test_a_two_digit_years_date_is_read_with_its_time_before_or_after_it(line):
    assert date_only_line(line).published == PublishedDate(dt.date(2010, 9, 3), Precision.DAY)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2024, 12 Mart, çərşənbə axşamı, Bakı vaxtı 10:05", dt.date(2024, 3, 12), Precision.DAY),
        ("2023-cü il, 5 may", dt.date(2023, 5, 5), Precision.DAY),
        ("Tarix: 1993, oktyabr", dt.date(1993, 10, 1), Precision.MONTH),
        ("Arxiv: 2003-cü il, fevral", dt.date(2003, 2, 1), Precision.MONTH),
        ("Архив: 1995, март", dt.date(1995, 3, 1), Precision.MONTH),
    ],
)
def test_reads_a_date_written_year_first_when_an_azerbaijani_header_writes_it(
    text, value, precision
):
    found = date_only_line(text)
    assert found is not None
    assert (found.published.value, found.published.precision) == (value, precision)


def test_reads_no_month_when_a_sentence_goes_on_from_a_year_to_a_capitalised_month():
    assert find_date("In 2014, October saw new talks on the Caspian") is None


@pytest.mark.parametrize("text", ["March, 04, 2018 - 10:41", "Mart, 4, 2018", "марта, 4, 2018"])
def test_reads_a_date_when_a_comma_follows_its_month_too(text):
    found = date_only_line(text)
    assert found is not None
    assert found.published == PublishedDate(dt.date(2018, 3, 4), Precision.DAY)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("4/27/06", PublishedDate(dt.date(2006, 4, 27), Precision.DAY)),
        ("27/4/06, 10:20", PublishedDate(dt.date(2006, 4, 27), Precision.DAY)),
        # Both readings are days: only the year is sure.
        ("04/05/06", PublishedDate(dt.date(2006, 1, 1), Precision.YEAR)),
    ],
)
def test_reads_a_slashed_header_date_with_a_two_digit_year_one_way_only_when_it_can(
    line, published
):
    found = date_only_line(line)
    assert found is not None
    assert found.published == published


@pytest.mark.parametrize(
    "url",
    [
        "https://example.az/news/20190312143005917-paromy-vozobnovyat",
        "https://example.ru/politics/20190312143005-ferry-link",
        "https://example.az/xeber/20190312143005/bere-xetti",
    ],
)
def test_an_address_numbered_by_its_stamp_to_the_second_gives_its_day(url):
    assert date_in_url(url).published == PublishedDate(dt.date(2019, 3, 12), Precision.DAY)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.ru/news/2019031299887766-paromy",
        "https://example.az/xeber/20190312256000-bere",
    ],
)
def test_an_address_number_whose_clock_is_no_clock_dates_nothing(url):
    assert date_in_url(url) is None


@pytest.mark.parametrize(
    "toolbar",
    [
        ["http://www.example.az/news/123 | 14 captures | 12 Apr 2001 - 3 Jun 2009"],
        [
            "The Wayback Machine - http://web.archive.org/web/20010412/http://www.example.az/",
            "Go",
            "MAR APR MAY",
            "12",
            "2000 2001 2002",
            "COLLECTED BY",
            "Organization: Alexa Crawls",
            "TIMESTAMPS",
        ],
    ],
)
def test_a_web_archives_toolbar_on_one_line_or_with_its_calendar_is_never_headline_or_date(
    toolbar,
):
    lead = (
        "Azerbaijan and Russia agreed to reopen the ferry line between Baku and Makhachkala, "
        "the ministry said."
    )
    text = "\n".join([*toolbar, "Ferry line reopens", "", lead, "", lead])
    article = parse(text, today=dt.date(2026, 11, 28))
    assert (article.title, article.published.value, article.source) == (
        "Ferry line reopens",
        None,
        None,
    )


@pytest.mark.parametrize(
    "line",
    [
        "12 мapтa 1998 г.",
        "12 марта l998 г.",
        "l2 марта 1998 г.",
        "12.O3.1998",
        "12 March l998",
        "12 mаrt 1998-ci il",
    ],
)
def test_a_scanned_pages_look_alike_letters_and_digits_are_read_as_its_date(line):
    assert date_only_line(line).published == PublishedDate(dt.date(1998, 3, 12), Precision.DAY)


@pytest.mark.parametrize("line", ["Iran 2001", "Boeing 737 l2", "COVID-19 in 2020"])
def test_a_word_or_a_number_beside_letters_is_no_misread_date(line):
    assert date_only_line(line) is None
