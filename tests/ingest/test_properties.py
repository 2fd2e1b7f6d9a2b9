"""Properties that must hold for any input: the importer never crashes on a file."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest.extract import extract_agreements, extract_tags, load_gazetteer
from articles.ingest.parse import NoArticleText, parse
from articles.ingest.read import UnreadableFile, decode

GAZETTEER = load_gazetteer()
PROSE = (
    "Azerbaijan and Russia discussed the development of trade and economic cooperation, "
    "the expansion of transport links and joint projects in energy, the ministry said in Baku."
)
PAGE_LIKE = st.lists(
    st.sampled_from(
        [
            " date 2019-11-25 By Trend",
            " date 2019-13-45 ",
            '"Kaspi" publications',
            "BAKU, March 3.",
            "By John Smith",
            "A A A",
            "News feed",
            "## Heading",
            "Source: https://trend.az/x",
            "Azerbaijan and Russia signed a memorandum on energy between the two sides.",
            "Путин и Алиев подписали декларацию о союзническом взаимодействии.",
            "",
            "\u00a0",
        ]
    )
    | st.text(max_size=80),
    max_size=12,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400) | PAGE_LIKE)
def test_parse_returns_a_body_or_says_the_text_is_no_article(text):
    try:
        article = parse(text)
    except NoArticleText as error:
        assert str(error).startswith("no article text: ")
        return
    assert article.body.strip()
    assert article.title.strip()
    extract_agreements(article)
    extract_tags(article, GAZETTEER)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decode_raises_only_unreadable_file_when_bytes_are_arbitrary(data):
    try:
        decoded = decode(data)
    except UnreadableFile as refused:
        assert str(refused)
        return
    assert "\r" not in decoded.text


MIXED_LETTERS = "aAəƏıIİiğĞşŞçÇöÖüÜqQxXёЁеЕжЖщЩαΑωΩßǅﬁ"
DATE_TOKENS = [
    "İyun",
    "İYUL",
    "ıyul",
    "NOYABR",
    "noyabrın",
    "ФЕВРАЛЯ",
    "Сентябрь",
    "года",
    "2019-cu il",
    "25-də",
    "Sept.",
    "201914:32",
    "03/04/21",
    "/2018/09/27/",
    " date 2019-11",
    "Сегодня",
    "Bu gün",
    "© 2026",
    "+27°C",
]
MIXED_TEXT = st.lists(
    st.sampled_from(DATE_TOKENS)
    | st.text(alphabet=MIXED_LETTERS + "0123456789 .,:/-\n", max_size=12)
    | st.integers(min_value=0, max_value=99999).map(str),
    max_size=40,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(MIXED_TEXT)
def test_parse_raises_only_no_article_text_when_text_mixes_scripts_and_dates_in_any_case(text):
    try:
        article = parse(text)
    except NoArticleText:
        return
    assert article.title.strip()
    assert article.published.value is None or 1900 <= article.published.value.year <= 2100


# What ../shared/checks/realworld feeds the importer: widget lines, bidi and zero-width
# characters, combining marks, glued numbers and date forms, in every casing.
HOSTILE_PIECES = [
    "+ ↺ − 18 px",
    "Версия для слабовидящих",
    "Сегодня, 12:40",
    "☀ +27°C",
    "Ana səhifə » Siyasət",
    "\u200b",
    "\u200e",
    "\u202e",
    "\ufeff",
    "\u0307",
    "\u2028",
    "\x0b",
    "𝔄😀漢字",
    "עברית",
    "i̇",
    "ǅ",
    "ﬁ",
    "0.00.9999",
    "20201:70",
    "13/40/99",
    "/20201/13/40/",
    " date 9999-14",
    "40 İYUN 1899 года.",
    # Digits that are no decimal: a PDF's row of footnote markers, fractions, circled numbers.
    "¹ ² ³ ⁴ ⁵ ⁶",
    "½ ⅔ ① ⑫",
    "١٢ ٣",
]
HOSTILE_LINES = st.lists(
    st.lists(st.sampled_from(HOSTILE_PIECES + DATE_TOKENS) | MIXED_TEXT, max_size=12).map(" ".join),
    max_size=20,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400) | PAGE_LIKE)
def test_parse_returns_a_body_when_prose_outweighs_any_text_around_it(text):
    article = parse(f"{text}\n\n{PROSE}\n\n{PROSE}")
    assert article.body.strip()
    assert article.title.strip()


@settings(max_examples=300, deadline=None)
@given(HOSTILE_LINES)
def test_parse_raises_only_no_article_text_when_text_is_built_like_the_hostile_check(text):
    try:
        article = parse(text)
    except NoArticleText:
        return
    assert article.body.strip()
    assert all(isinstance(problem, str) for problem in article.problems)
