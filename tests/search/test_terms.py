"""terms.py: a reader's text becomes a safe query, whatever they type."""

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.search.sqlite import to_fts5
from articles.search.terms import MAX_TERMS, Query, Term, parse


def test_words_become_groups_that_must_all_match_when_plain():
    expected = Query(groups=((Term(("helicopter",)),), (Term(("plant",)),)))
    assert parse("helicopter plant") == expected


def test_quoted_words_become_one_phrase_when_quoted():
    phrase = Term(("interregional", "forum"), is_quoted=True)
    assert parse('"interregional forum"').groups == ((phrase,),)


def test_a_quoted_word_is_marked_quoted_when_alone_in_quotes():
    assert parse('"Aliyev" Putin').groups == (
        (Term(("Aliyev",), is_quoted=True),),
        (Term(("Putin",)),),
    )


def test_minus_excludes_a_word_when_it_starts_a_term():
    query = parse("forum -moscow")
    assert query.excluded == (Term(("moscow",)),)


def test_hyphen_inside_a_word_makes_a_phrase_when_not_leading():
    assert parse("north-south").groups == ((Term(("north", "south")),),)


def test_or_joins_neighbours_into_one_group_when_uppercase():
    assert parse("oil OR gas pipeline").groups == (
        (Term(("oil",)), Term(("gas",))),
        (Term(("pipeline",)),),
    )


def test_lowercase_or_is_a_word_when_not_uppercase():
    assert parse("oil or gas").groups == ((Term(("oil",)),), (Term(("or",)),), (Term(("gas",)),))


def test_unbalanced_quote_runs_to_the_end_when_unclosed():
    assert parse('"road map').groups == ((Term(("road", "map"), is_quoted=True),),)


@pytest.mark.parametrize("text", ["", "-", '"', "  ", "-word", "OR", "()*:^", '""'])
def test_query_is_empty_when_nothing_is_sought(text):
    assert parse(text).is_empty


def test_terms_are_capped_when_the_text_is_huge():
    assert len(parse("word " * 5000).groups) <= MAX_TERMS


def test_fts5_quotes_every_stem_when_no_stemmer_changes_the_words():
    assert to_fts5(parse('Baku NEAR -"oil deal" OR x')) == (
        '("baku" AND ("near" OR "x")) NOT ("oil deal")'
    )


def test_fts5_branches_by_configuration_when_stems_differ():
    assert to_fts5(parse("образования")) == (
        '(("образования" NOT config : ("russian")) OR (config : ("russian") AND "образован"))'
    )


def test_fts5_keeps_a_configurations_name_to_the_text_when_sought():
    assert to_fts5(parse("english")) == '{title body} : "english"'


def test_fts5_expression_is_empty_when_the_query_is():
    assert to_fts5(parse("-only")) == ""


@pytest.fixture(scope="module")
def fts5():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(config, title, body)")
    connection.execute(
        "INSERT INTO t VALUES ('english', 'azerbaijan', 'and russia sign a road map')"
    )
    return connection


@given(st.text(max_size=300))
def test_any_text_gives_an_expression_fts5_accepts_when_matched(fts5, text):
    expression = to_fts5(parse(text))
    if expression:
        fts5.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()


@given(st.text(alphabet=st.sampled_from("ab -\"()*:^OR\\'ЯəNOTAND"), max_size=60))
def test_operator_soup_gives_an_expression_fts5_accepts_when_matched(fts5, text):
    expression = to_fts5(parse(text))
    if expression:
        fts5.execute("SELECT rowid FROM t WHERE t MATCH ?", [expression]).fetchall()


@given(st.text(max_size=300))
def test_terms_hold_only_letters_and_digits_when_parsed(text):
    query = parse(text)
    words = [w for group in query.groups for t in group for w in t.words]
    words += [w for t in query.excluded for w in t.words]
    assert all(word.isalnum() for word in words)
