"""The note on a search page naming the other spellings searched, with a
link to search only the words typed."""

from django.template.loader import render_to_string

TEMPLATE = "articles/includes/also_searched.html"


def test_note_names_the_spellings_and_links_the_exact_search_when_expanded():
    html = render_to_string(
        TEMPLATE, {"expanded": ["Алиев", "Əliyev"], "exact_query": "?q=Aliyev&exact=1"}
    )
    assert "Also searched: Алиев, Əliyev, other spellings" in " ".join(html.split())
    assert 'href="?q=Aliyev&amp;exact=1"' in html


def test_note_is_absent_when_nothing_was_added():
    assert render_to_string(TEMPLATE, {"expanded": [], "exact_query": "?q=x"}).strip() == ""


def test_spellings_are_escaped_when_a_curator_typed_markup():
    html = render_to_string(TEMPLATE, {"expanded": ["<b>x</b>"], "exact_query": "?q=x"})
    assert "<b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
