"""The list page tells a reader what a search did besides their own words: the
other spellings of a name it also searched (with the exact search one click
away), and closer words the archive holds when it found little."""

from http import HTTPStatus

import pytest

from articles import vocabulary
from articles.models import Tag, TagAlias
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    aliyev = Tag.objects.create(name="Ilham Aliyev", slug="ilham-aliyev", kind=Tag.Kind.PERSON)
    TagAlias.objects.create(name="Ильхам Алиев", kind=Tag.Kind.PERSON, tag=aliyev)
    make_article(slug="aliyev-en", title="Ilham Aliyev meets the delegation", tags=[aliyev])
    make_article(
        slug="aliyev-ru", language="ru", title="Ильхам Алиев принял делегацию", tags=[aliyev]
    )
    make_article(slug="strategic", title="A strategic partnership is discussed")
    vocabulary.rebuild(using="default")


def slugs(response) -> list[str]:
    return [row.slug for row in response.context["listing"].rows]


def test_a_name_finds_its_other_scripts_and_the_page_says_so_when_searched(client, archive):
    response = client.get("/articles/", {"q": "Aliyev"})
    assert set(slugs(response)) == {"aliyev-en", "aliyev-ru"}
    html = response.content.decode()
    assert "Алиев" in html[html.index('class="also-searched"') :]
    assert "exact=1" in html
    assert 'href="?q=Aliyev&amp;exact=1">Search only the words as typed' in html


def test_exact_search_finds_only_the_words_as_typed_when_asked(client, archive):
    response = client.get("/articles/", {"q": "Aliyev", "exact": "1"})
    assert slugs(response) == ["aliyev-en"]
    html = response.content.decode()
    assert "Only the words as typed were searched" in html
    assert 'href="?q=Aliyev">Also search other spellings of names' in html
    assert 'name="exact" value="1"' in html


def test_exact_takes_only_one_value_when_given_another(client, archive):
    response = client.get("/articles/", {"q": "Aliyev", "exact": "yes"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "exact takes 1" in response.content.decode()


def test_a_misspelt_word_gets_a_suggestion_that_finds_articles_when_searched(client, archive):
    html = client.get("/articles/", {"q": "strategik"}).content.decode()
    assert 'href="?q=strategic"' in html
    assert slugs(client.get("/articles/", {"q": "strategic"})) == ["strategic"]


def test_a_suggestion_keeps_the_other_filters_when_offered(client, archive):
    html = client.get("/articles/", {"q": "strategik", "language": "en"}).content.decode()
    assert "q=strategic" in html and "language=en" in html[html.index("did-you-mean") :]


def test_no_suggestion_is_offered_when_the_search_finds_enough(client, archive):
    for n in range(4):
        make_article(title=f"Strategic talks {n}")
    assert "did-you-mean" not in client.get("/articles/", {"q": "strategic"}).content.decode()


def test_each_result_keeps_a_plain_permalink_when_the_title_marks_the_matches(client, archive):
    html = client.get("/articles/", {"q": "strategic"}).content.decode()
    assert 'href="/articles/strategic/?q=strategic"' in html
    assert 'href="/articles/strategic/" rel="bookmark"' in html
