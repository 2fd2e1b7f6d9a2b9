"""Properties that must hold for any input: the importer never crashes on a file."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest.extract import extract_agreements, extract_tags, load_gazetteer
from articles.ingest.parse import NoArticleText, parse
from articles.ingest.read import UnreadableFile, decode

GAZETTEER = load_gazetteer()
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
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
def test_parse_returns_a_body_when_text_has_any_letter_or_digit(text):
    try:
        article = parse(text)
    except NoArticleText:
        assert not LETTER_OR_DIGIT.search(text)
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
