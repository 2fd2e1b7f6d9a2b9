"""extract_events: the dated events an article reports, in English, Russian and Azerbaijani."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.events import EventKind, event_in, extract_events

ON_THE_DAY = PublishedDate(dt.date(2021, 11, 26), Precision.DAY)
IN_THE_MONTH = PublishedDate(dt.date(2021, 11, 1), Precision.MONTH)


def article(body: str, published: PublishedDate = ON_THE_DAY) -> ParsedArticle:
    return ParsedArticle(title="A title", title_derived=False, body=body, published=published)


def found(sentence: str, published: PublishedDate = ON_THE_DAY) -> tuple | None:
    event = event_in(sentence, published)
    if event is None:
        return None
    return event.kind, event.happened_on, event.precision, event.is_planned


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The 20th meeting of the Intergovernmental Commission was held on 14 March 2019.",
            (EventKind.COMMISSION, dt.date(2019, 3, 14), Precision.DAY, False),
        ),
        (
            "Заседание межправительственной комиссии прошло в июне 2021 года в Москве.",
            (EventKind.COMMISSION, dt.date(2021, 6, 1), Precision.MONTH, False),
        ),
        (
            "Hökumətlərarası Komissiyanın iclası 2019-cu il noyabrın 25-də Bakıda keçirilib.",
            (EventKind.COMMISSION, dt.date(2019, 11, 25), Precision.DAY, False),
        ),
        (
            "Prezident İlham Əliyev 2018-ci ildə Rusiyaya rəsmi səfər edib.",
            (EventKind.VISIT, dt.date(2018, 1, 1), Precision.YEAR, False),
        ),
        (
            "Президент России совершил государственный визит в Азербайджан в 2018 году.",
            (EventKind.VISIT, dt.date(2018, 1, 1), Precision.YEAR, False),
        ),
        (
            "The IX Interregional Forum opened in Sochi on September 29, 2022.",
            (EventKind.FORUM, dt.date(2022, 9, 29), Precision.DAY, False),
        ),
        (
            "Лидеры встретились на саммите СНГ 14 октября 2022 года в Астане.",
            (EventKind.SUMMIT, dt.date(2022, 10, 14), Precision.DAY, False),
        ),
        (
            "The ministers held talks in Moscow on 3 April 2023.",
            (EventKind.TALKS, dt.date(2023, 4, 3), Precision.DAY, False),
        ),
        (
            "Putin will pay a state visit to Baku in June 2024.",
            (EventKind.VISIT, dt.date(2024, 6, 1), Precision.MONTH, True),
        ),
    ],
)
def test_event_has_its_kind_and_written_date_when_the_sentence_dates_it(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ilham Aliyev and Vladimir Putin held a phone conversation yesterday.",
        "Ильхам Алиев и Владимир Путин вчера провели телефонный разговор.",
        "Prezident İlham Əliyev dünən Vladimir Putinlə telefonla danışıb.",
    ],
)
def test_yesterday_is_the_day_before_the_article_when_it_is_dated_to_the_day(sentence):
    event = event_in(sentence, ON_THE_DAY)
    assert (event.kind, event.happened_on, event.precision) == (
        EventKind.PHONE_CALL,
        dt.date(2021, 11, 25),
        Precision.DAY,
    )
    assert event.date_note == "'yesterday' read from the article's date (2021-11-26)"


@pytest.mark.parametrize(
    "sentence",
    [
        "The presidents held talks in Sochi on Wednesday.",
        "Президенты провели переговоры в Сочи в среду.",
    ],
)
def test_a_weekday_is_the_last_such_day_up_to_the_article_when_the_sentence_is_past(sentence):
    event = event_in(sentence, ON_THE_DAY)  # a Friday

    assert (event.kind, event.happened_on) == (EventKind.TALKS, dt.date(2021, 11, 24))
    assert event.date_note == "weekday read within the week of the article's date (2021-11-26)"


def test_a_weekday_gives_no_event_when_the_sentence_plans_it():
    assert found("The presidents will hold talks in Sochi on Wednesday.") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Intergovernmental Commission, set up in 2012, met in Baku on 14 March.",
            (EventKind.COMMISSION, dt.date(2021, 3, 14), Precision.DAY, False),
        ),
        (
            "The presidents, who first met in 2003, held talks yesterday.",
            (EventKind.TALKS, dt.date(2021, 11, 25), Precision.DAY, False),
        ),
        (
            "The meeting of the Intergovernmental Commission, set up in 2012, will be held on 14 March.",  # noqa: E501
            None,
        ),
    ],
)
def test_a_year_alone_dates_the_event_only_when_the_sentence_gives_no_day(sentence, expected):
    assert found(sentence) == expected


def test_yesterday_gives_no_event_when_the_article_is_dated_to_the_month():
    assert found("The presidents held a phone conversation yesterday.", IN_THE_MONTH) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Hökumətlərarası Komissiyanın iclası noyabrın 25-də Bakıda keçirilib.",
        "Заседание межправительственной комиссии состоялось 25 ноября в Баку.",
        "The meeting of the Intergovernmental Commission was held in Baku on 25 November.",
    ],
)
def test_day_and_month_take_the_article_year_when_the_sentence_reports_the_past(sentence):
    event = event_in(sentence, ON_THE_DAY)
    assert (event.happened_on, event.precision) == (dt.date(2021, 11, 25), Precision.DAY)
    assert event.date_note == "year taken from the article's date (2021-11-26)"


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        # Planned: the article's year may not be the event's.
        ("The next meeting of the Intergovernmental Commission will be held on 14 March.", None),
        ("Следующее заседание межправительственной комиссии состоится 14 марта.", None),
        ("Hökumətlərarası Komissiyanın iclası martın 14-də keçiriləcək.", None),
        # Past, but the article is dated to the month only.
        ("The meeting of the Intergovernmental Commission was held on 25 November.", IN_THE_MONTH),
        # Past, but the day is after the article's: not this year's.
        ("The meeting of the Intergovernmental Commission was held on 14 December.", None),
    ],
)
def test_day_and_month_give_no_event_when_the_year_cannot_be_the_article_one(sentence, published):
    assert found(sentence, published or ON_THE_DAY) is None


@pytest.mark.parametrize(
    "sentence",
    [
        # An undated plan: nothing to place on the timeline.
        "Putin will pay a state visit to Baku.",
        # A plan whose only year is before the article's: the year is another thing's.
        "The meeting of the Intergovernmental Commission, set up in 2012, will be held.",
        "Путин посетит Баку с официальным визитом.",
        "Vladimir Putin Bakıya rəsmi səfər edəcək.",
        # Dated, but no event of ours: a document recalled, a sentence about trade.
        "The Declaration on Allied Interaction was signed on 22 February 2022.",
        "Товарооборот в 2021 году вырос на 20 процентов.",
        # A commission named, not meeting: its co-chair speaking.
        "Overchuk, co-chair of the Intergovernmental Commission, said in 2022 that trade grew.",
        # A year that is a document's name, not the event's date.
        "The presidents discussed the 2008 declaration during talks.",
        # Talks in general, and a year that is another verb's.
        "The Treaty on the State Border, concluded in 2010 after fifteen years of talks, held.",
        "2020-ci ildə imzalanmış saziş uğurla icra olunur, Özbəkistanla danışıqlar aparılır.",
        # Səfər the man, not a visit (səfər).
        "Səfər Mehdiyev bildirib ki, layihə 2017-ci ildə istifadəyə verilib.",
        "Səfərov qardaşları 2025-ci ildə Rusiyada həlak olublar.",
    ],
)
def test_sentence_gives_no_event_when_it_names_none_or_dates_none(sentence):
    assert found(sentence) is None


def test_a_plan_someone_is_quoted_making_leaves_the_event_reported():
    sentence = (
        "Prezident sammitdəki çıxışında bildirib: “Bu gün imzalanan Konvensiya "
        "sabitliyə xidmət edəcək”."
    )

    assert found(sentence) == (EventKind.SUMMIT, dt.date(2021, 11, 26), Precision.DAY, False)


def test_article_reports_each_event_once_in_text_order_when_sentences_repeat_it():
    body = (
        "The presidents held talks in Moscow on 22 February 2022.\n\n"
        "During the talks on 22 February 2022 the sides discussed energy.\n\n"
        "Earlier, the 19th meeting of the Intergovernmental Commission was held in Baku "
        "on 14 March 2019."
    )
    events = extract_events(article(body))
    assert [(event.kind, event.happened_on) for event in events] == [
        (EventKind.TALKS, dt.date(2022, 2, 22)),
        (EventKind.COMMISSION, dt.date(2019, 3, 14)),
    ]
    assert events[1].sentence.startswith("Earlier, the 19th meeting")


def test_article_reports_no_event_when_its_body_names_none():
    assert extract_events(article("Azerbaijan and Russia discussed trade in 2021.")) == []
