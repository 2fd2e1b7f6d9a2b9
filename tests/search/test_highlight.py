"""Highlights: only what the reader searched for is marked, on either
database; marker characters an article's text holds itself are dropped,
never turned into marks."""

import pytest

from articles.models import Article
from articles.search import START, STOP, mark, search
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

STRAY = f"{START}Moscow{STOP}"


def test_marker_characters_in_text_are_dropped_when_nothing_was_searched():
    assert mark(f"Baku {STRAY} talks") == "Baku Moscow talks"


def test_half_a_marker_pair_is_dropped_when_the_text_holds_one():
    assert mark(f"Baku {START}<b>Moscow") == "Baku &lt;b&gt;Moscow"


def test_only_the_searched_word_is_marked_when_the_text_holds_markers():
    make_article(title=f"Talks in {STRAY}", body=f"Baku {STRAY} talks went well.")
    page = search(Article.objects.all(), "talks").page(Article.objects.all(), offset=0, limit=5)
    [row] = page.rows
    assert row.marked_title == "<mark>Talks</mark> in Moscow"
    assert "<mark>" not in row.marked_snippet.replace("<mark>talks</mark>", "")


def shown_body(client, article, **params) -> str:
    """The article page's body as HTML (the original text below it is shown as it was)."""
    html = client.get(article.get_absolute_url(), params).content.decode()
    return html.split('class="article__body"', 1)[1].split("</div>", 1)[0]


def test_article_page_marks_only_the_searched_word_when_the_body_holds_markers(client):
    article = make_article(body=f"Baku {STRAY} talks went well.")
    body = shown_body(client, article, q="talks")
    assert body.count("<mark>") == 1 and "<mark>talks</mark>" in body
    assert START not in body and STOP not in body


def test_article_page_marks_nothing_when_reached_without_a_search(client):
    article = make_article(body=f"Baku {STRAY} talks went well.")
    body = shown_body(client, article)
    assert "<mark>" not in body and "Baku Moscow talks" in body
