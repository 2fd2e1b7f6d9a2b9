"""expand.py: a name's word and its other spellings, found without a database."""

from articles.search.expand import MAX_SPELLINGS, Spellings, expand, skeleton, spellings_of
from articles.search.terms import Term, parse

ALIYEV = ("person", ["Ilham Aliyev", "Ильхам Алиев", "İlham Əliyev", "Ilham Aliev"])
PUTIN = ("person", ["Vladimir Putin", "Путин", "Putin"])
COUNCIL = ("organisation", ["Federation Council", "Совет Федерации", "Federasiya Şurası"])


def known(*entities) -> Spellings:
    return spellings_of(entities)


def test_spellings_share_a_skeleton_when_scripts_and_romanisations_differ():
    spellings = ["Aliyev", "Aliev", "Alijev", "Əliyev", "Алиев"]
    assert {skeleton(word) for word in spellings} == {skeleton("Aliyev")}


def test_skeletons_differ_when_the_names_differ():
    assert skeleton("Aliyev") != skeleton("Asadov")


def test_a_name_word_finds_its_spellings_in_other_scripts_when_names_align():
    assert set(known(ALIYEV).of("Aliyev")) == {"Алиев", "Алиева", "Əliyev", "Aliev"}


def test_an_unlisted_spelling_finds_the_listed_ones_when_it_transliterates_alike():
    assert set(known(ALIYEV).of("Alijev")) == {"Aliyev", "Алиев", "Алиева", "Əliyev", "Aliev"}


def test_a_russian_spelling_brings_its_genitive_when_its_nominative_stems_apart():
    assert "Ильхама" in known(ALIYEV).of("Ilham")
    assert "Путина" not in known(PUTIN).of("Putin")


def test_a_russian_case_form_finds_the_name_when_its_ending_is_stemmed():
    assert set(known(ALIYEV).of("Алиеву")) >= {"Aliyev", "Алиев"}


def test_a_persons_one_word_name_is_the_last_word_of_the_full_one_when_aligned():
    assert known(PUTIN).of("Putin") == ("Путин",)


def test_words_are_not_aligned_when_their_order_differs_between_scripts():
    assert "Совет" not in known(COUNCIL).of("Federation")


def test_topics_give_no_spellings_when_their_aliases_are_keywords():
    assert known(("topic", ["Energy", "Энергетика", "Oil"])).of("energy") == ()


def test_an_unknown_word_has_no_spellings_when_no_name_holds_it():
    assert known(ALIYEV, PUTIN).of("pipeline") == ()


def test_spellings_are_bounded_when_a_name_has_very_many():
    names = [f"Aliyev{'v' * n}" for n in range(MAX_SPELLINGS * 2)]
    many = known(("person", ["Aliyev", *names, "Алиев", "Əliyev", "Aliev", "Alijev"]))
    assert len(many.of("Aliyev")) == MAX_SPELLINGS


def test_expansion_adds_each_words_spellings_as_alternatives_when_unquoted():
    expansion = expand(parse("Aliyev visit"), known(ALIYEV))
    first, second = expansion.query.groups
    assert first[0] == Term(("Aliyev",))
    assert {term.words[0] for term in first[1:]} == {"Алиев", "Алиева", "Əliyev", "Aliev"}
    assert second == (Term(("visit",)),)
    assert set(expansion.added) == {"Алиев", "Алиева", "Əliyev", "Aliev"}


def test_quoted_and_excluded_words_are_left_alone_when_expanded():
    query = parse('"Aliyev" -Putin')
    assert expand(query, known(ALIYEV, PUTIN)).query == query
    assert expand(query, known(ALIYEV, PUTIN)).added == ()
