"""Word forms and names across scripts, on whichever database the tests run:
the same table of queries must find the same articles on SQLite and
PostgreSQL (the suite runs on both)."""

import pytest
from django.core.management import call_command

from articles.models import Article, Tag, TagAlias
from articles.search import search
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

ALIYEV = {"aliyev-en", "aliyev-ru", "aliyev-ru-genitive", "aliyev-az"}


# slug, language, title, body (None: make_article's own).
ARTICLES = [
    ("aliyev-en", "en", "President Ilham Aliyev met the delegation", None),
    ("aliyev-ru", "ru", "Ильхам Алиев провёл встречу",
     "Президент Ильхам Алиев принял делегацию в Баку."),
    ("aliyev-ru-genitive", "ru", "Визит в Москву",
     "Во время визита Ильхама Алиева стороны обсудили образование и науку."),
    ("aliyev-az", "az", "Prezident İlham Əliyev heyəti qəbul edib",
     "Ölkələr arasında ticarət dövriyyəsi artıb."),
    ("putin-en", "en", "Putin signs the decree",
     "The signing ceremonies of the agreements took place in Moscow."),
    ("education-ru", "ru", "Министерство образования",
     "Реформа образования обсуждалась в правительстве."),
    ("trade-az", "az", "Azərbaycanın xarici ticarəti",
     "İki ölkənin hökumətləri saziş imzalayıblar."),
]  # fmt: skip


@pytest.fixture
def archive():
    for slug, language, title, body in ARTICLES:
        make_article(slug=slug, language=language, title=title, **({"body": body} if body else {}))


def found(text, *, expand=True):
    page = search(Article.objects.all(), text, expand=expand).page(
        Article.objects.all(), offset=0, limit=50
    )
    return {row.slug for row in page.rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian word forms.
        ("образование", {"education-ru", "aliyev-ru-genitive"}),
        ("образования", {"education-ru", "aliyev-ru-genitive"}),
        ("министерства", {"education-ru"}),
        # English word forms.
        ("signed", {"putin-en"}),
        ("agreement", {"putin-en"}),
        # Azerbaijani word forms (Turkish stemming, ə read as e).
        ("ölkə", {"aliyev-az", "trade-az"}),
        ("Azərbaycan", {"trade-az"}),
        ("ticarət", {"aliyev-az", "trade-az"}),
        ("hökumət", {"trade-az"}),
        # One name in every script and spelling, and its case forms.
        ("Aliyev", ALIYEV),
        ("Aliev", ALIYEV),
        ("Alijev", ALIYEV),
        ("Əliyev", ALIYEV),
        ("Алиев", ALIYEV),
        ("Алиева", ALIYEV),
        ("Алиеву", ALIYEV),
        ("Ильхам Алиев", ALIYEV),
        ("Ilham Aliyev", ALIYEV),
        ("Путин", {"putin-en"}),
        # Quoted words keep their spelling (their forms are still found).
        ('"Aliyev"', {"aliyev-en"}),
        ('"Алиев"', {"aliyev-ru"}),
        ('"Ильхам Алиев"', {"aliyev-ru"}),
        # Excluding a name's spelling excludes that spelling only.
        ("Aliyev -Баку", ALIYEV - {"aliyev-ru"}),
        ("образование -наука", {"education-ru"}),
    ],
)
def test_query_finds_the_same_articles_when_run_on_either_database(archive, text, expected):
    assert found(text) == expected


def test_only_the_spelling_typed_is_searched_when_expansion_is_off(archive):
    assert found("Aliyev", expand=False) == {"aliyev-en"}
    assert found("Алиев", expand=False) == {"aliyev-ru"}


def test_the_other_spellings_are_listed_when_a_name_was_expanded(archive):
    expanded = search(Article.objects.all(), "Алиев визит").expanded
    assert {"Aliyev", "Əliyev", "Aliev"} <= set(expanded)
    assert "визит" not in expanded


def test_nothing_is_listed_when_expansion_is_off(archive):
    assert search(Article.objects.all(), "Алиев", expand=False).expanded == []


def test_a_curators_alias_is_searched_when_added_in_the_admin():
    tag = Tag.objects.create(name="Zaur Qasimov", slug="zaur-qasimov", kind=Tag.Kind.PERSON)
    TagAlias.objects.create(name="Заур Касымов", kind=Tag.Kind.PERSON, tag=tag)
    make_article(slug="qasimov-en", language="en", title="Zaur Qasimov visits Baku")
    make_article(slug="qasimov-ru", language="ru", title="Заур Касымов в Баку")
    assert found("Касымов") == {"qasimov-en", "qasimov-ru"}


def test_highlights_mark_the_word_forms_found_when_stemmed(archive):
    page = search(Article.objects.all(), "образование").page(
        Article.objects.filter(slug="education-ru"), offset=0, limit=5
    )
    (row,) = page.rows
    assert "<mark>образования</mark>" in row.marked_title
    assert "<mark>образования</mark>" in row.marked_snippet


def test_queries_do_not_grow_with_the_rows_when_a_name_is_expanded(
    archive, django_assert_max_num_queries
):
    def page_of(limit):
        result = search(Article.objects.all(), "Aliyev").page(
            Article.objects.all(), offset=0, limit=limit
        )
        return len(result.rows)

    page_of(1)  # the spellings are cached from here on
    with django_assert_max_num_queries(2):
        assert page_of(1) == 1
    with django_assert_max_num_queries(2):
        assert page_of(4) == 4


SEED_QUERIES = {
    "Путин": {"000", "001", "002", "003"},
    "Алиев": {"000", "001", "002", "003"},
    "Əliyev": {"000", "001", "002", "003"},
    "Мустафаев": {"001", "003"},
    "Mustafajev": {"001", "003"},
    "strengthened": {"000", "001", "002"},
    "signing": {"000", "001", "003"},
    "interregional forums": {"002", "003"},
    "Сочи": {"000", "001"},
    "Moskva": {"002"},
    "cooperation -Sochi": {"002", "003"},
    '"strategic partnership"': {"001"},
    "Overçuk": {"003"},
}


def test_seed_queries_find_the_same_files_when_run_on_either_database():
    call_command("import_articles", "fixtures/seeds", verbosity=0)
    articles = Article.objects.all()
    found_files = {
        text: {row.origin.rsplit("/", 1)[-1][:3] for row in search(articles, text).page(
            articles, offset=0, limit=50).rows}
        for text in SEED_QUERIES
    }  # fmt: skip
    assert found_files == SEED_QUERIES


def test_a_configurations_name_finds_only_its_word_when_sought(archive):
    make_article(slug="english-word", language="ru", title="Курсы English для дипломатов")
    assert found("english") == {"english-word"}
    assert found("russian") == set()
