"""The interface in English, Russian and Azerbaijani: every public page and
the admin in the reader's language (no English interface string left from
our catalogue), dates and counts in that language, the switcher without
JavaScript, each article's own text marked with its language, and
catalogues that are complete and compiled."""

from __future__ import annotations

import datetime as dt
import gettext
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

from articles.models import DatePrecision, Tag
from articles.templatetags.archive import bounded_count, honest_date, localize_count
from tests.conftest import make_agreement, make_article, make_source, make_tag

LOCALE = Path(settings.LOCALE_PATHS[0])
OTHER_LANGUAGES = ("ru", "az")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|<[^>]+>")
# Attributes a reader hears or sees as text (not alt: the admin's own search icon,
# outside our catalogue, is alt="Search" in every language).
TEXT_ATTRIBUTES = ("title", "aria-label", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def catalogue(language: str):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=language)


def message_forms(message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if message.pluralizable else [message.id]
    strings = list(message.string) if message.pluralizable else [message.string]
    return ids, strings


def english_fragments(language: str) -> set[str]:
    """The English interface text of our catalogue, cut at its placeholders,
    leaving out strings the language writes the same way (JSON Lines)."""
    fragments = set()
    for message in catalogue(language):
        ids, strings = message_forms(message)
        if not message.id or set(ids) & set(strings):
            continue
        for text in ids:
            for piece in PLACEHOLDER.split(text):
                piece = piece.strip(" .,:;()“”\"'+–—-…")
                if re.search(r"[A-Za-z]{2}", piece):
                    fragments.add(piece)
    return fragments


class VisibleText(HTMLParser):
    """The text a reader meets on a page (text nodes and text attributes),
    without scripts and without elements marked as another language: an
    article's own English text is content, not interface."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.open: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.html_lang: str | None = None

    @property
    def skipping(self) -> bool:
        return any(foreign for _tag, foreign in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
            return
        lang = attrs.get("lang")
        foreign = tag in ("script", "style") or bool(lang and lang.split("-")[0] != self.language)
        if not (self.skipping or foreign):
            self.texts += [attrs[name] for name in TEXT_ATTRIBUTES if attrs.get(name)]
            if tag in ("button", "input") and attrs.get("type") in ("submit", "button"):
                self.texts.append(attrs.get("value") or "")
        if tag not in VOID:
            self.open.append((tag, foreign))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def english_left(html: str, language: str, fragments: set[str]) -> tuple[str | None, list[str]]:
    """The page's <html lang> and the English interface strings it still shows:
    a text equal to a catalogue string (in any case), or holding one of three
    words or more."""
    parser = VisibleText(language)
    parser.feed(html)
    left = set()
    for text in parser.texts:
        text = " ".join(text.split()).strip(" .,:;()“”\"'+–—-…↓←→·✕")
        for fragment in fragments:
            # Whole texts compare in any case: the admin capitalises field names.
            if text.casefold() == fragment.casefold() or (
                fragment.count(" ") >= 2 and fragment in text
            ):
                left.add(fragment)
    return parser.html_lang, sorted(left)


@pytest.fixture
def archive(db):
    """A small archive touching every kind of page: dated to the day, to the
    month and undated articles, in English and Russian, with tags, a source
    and an agreement with a mention."""
    source = make_source(name="Trend", slug="trend")
    person = make_tag(name="Ilham Aliyev", slug="ilham-aliyev", kind=Tag.Kind.PERSON)
    place = make_tag(name="Baku", slug="baku", kind=Tag.Kind.PLACE)
    agreement = make_agreement(name="Declaration on Allied Interaction", slug="declaration")
    english = make_article(
        title="Presidents met in Moscow",
        slug="presidents-met",
        source=source,
        published_on=dt.date(2022, 4, 26),
        tags=[person, place],
        agreements=[agreement],
    )
    russian = make_article(
        title="Президенты обсудили сотрудничество",
        slug="prezidenty",
        body="Стороны обсудили образование и гуманитарное сотрудничество.",
        language="ru",
        published_on=dt.date(2022, 4, 1),
        date_precision=DatePrecision.MONTH,
        tags=[person],
    )
    make_article(title="An undated report", slug="undated", published_on=None)
    return {"english": english, "russian": russian, "source": source, "tag": person}


PUBLIC_PAGES = [
    "/",
    "/articles/",
    "/articles/?q=Moscow",
    "/articles/?q=nothingmatcheswhatsoever",
    "/articles/?date_after=2022-01-01&date_before=2022-12-31",
    "/articles/presidents-met/",
    "/articles/presidents-met/?q=Moscow",
    "/articles/prezidenty/",
    "/sources/",
    "/sources/trend/",
    "/tags/",
    "/tags/ilham-aliyev/",
    "/agreements/",
    "/agreements/?scope=all",
    "/agreements/declaration/",
    "/archive/2022/",
    "/archive/2022/4/",
    "/no-such-page/",
]
ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/agreement/",
    "/admin/articles/tag/",
    "/admin/articles/source/",
]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_public_pages_show_no_english_interface_string(client, archive, language):
    fragments = english_fragments(language)
    found = {}
    for path in PUBLIC_PAGES:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code in (200, 404), path
        html_lang, left = english_left(response.content.decode(), language, fragments)
        assert html_lang == language, path
        if left:
            found[path] = left
    assert found == {}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_admin_shows_no_english_interface_string(client, archive, language):
    curator = get_user_model().objects.create_user("curator", password="pw-1", is_staff=True)
    curator.groups.add(Group.objects.get(name="Curators"))
    client.force_login(curator)
    article, agreement = archive["english"], archive["english"].agreements.get()
    pages = [
        *ADMIN_PAGES,
        f"/admin/articles/article/{article.pk}/change/",
        f"/admin/articles/agreement/{agreement.pk}/change/",
        f"/admin/articles/tag/{archive['tag'].pk}/change/",
    ]
    fragments = english_fragments(language)
    found = {}
    for path in pages:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, path
        html_lang, left = english_left(response.content.decode(), language, fragments)
        assert html_lang == language, path
        if left:
            found[path] = left
    assert found == {}


def test_the_walk_would_see_an_english_string_left_in_a_page():
    fragments = english_fragments("ru")
    page = (
        '<html lang="ru"><body><h2>Narrow the results</h2><label>Title:</label>'
        '<p lang="en">Sources</p><input placeholder="Find a tag"></body></html>'
    )
    assert english_left(page, "ru", fragments) == (
        "ru",
        ["Find a tag", "Narrow the results", "title"],
    )


@pytest.mark.parametrize(
    ("language", "day", "month", "unknown"),
    [
        ("en", "26 April 2022", "April 2022", "date unknown"),
        ("ru", "26 апреля 2022", "апрель 2022", "дата неизвестна"),
        ("az", "26 aprel 2022", "aprel 2022", "tarix məlum deyil"),
    ],
)
def test_dates_are_as_precise_as_known_in_the_interface_language(
    client, archive, language, day, month, unknown
):
    with translation.override(language):
        assert honest_date(archive["english"]) == day
        assert honest_date(archive["russian"]) == month
        archive["russian"].date_precision = DatePrecision.YEAR
        assert honest_date(archive["russian"]) == "2022"
        archive["russian"].published_on, archive["russian"].date_precision = None, "unknown"
        assert honest_date(archive["russian"]) == unknown
    page = client.get("/articles/presidents-met/", HTTP_ACCEPT_LANGUAGE=language)
    assert day in page.content.decode()


def test_django_date_format_names_azerbaijani_months_in_lower_case(archive):
    from django.utils.formats import date_format

    with translation.override("az"):
        assert date_format(dt.date(2022, 4, 26), "j E Y") == "26 aprel 2022"
    with translation.override("ru"):
        assert date_format(dt.date(2022, 4, 26), "j E Y") == "26 апреля 2022"


@pytest.mark.parametrize(
    ("language", "grouped", "capped"),
    [
        ("en", "12,345", "10,000+"),
        ("ru", "12\xa0345", "10\xa0000+"),
        ("az", "12\xa0345", "10\xa0000+"),
    ],
)
def test_counts_are_grouped_the_languages_way(language, grouped, capped):
    with translation.override(language):
        assert localize_count(12345) == grouped
        assert bounded_count(20_000, 10_000) == capped
        assert bounded_count(999, 10_000) == "999"


@pytest.mark.parametrize(
    ("count", "russian"),
    [(1, "статья"), (2, "статьи"), (5, "статей"), (11, "статей"), (21, "статья"), (22, "статьи")],
)
def test_russian_counts_take_the_right_one_of_three_forms(count, russian):
    with translation.override("ru"):
        text = translation.ngettext("%(number)s article", "%(number)s articles", count)
    assert text == f"%(number)s {russian}"


def test_the_switcher_changes_the_language_without_javascript(client, archive):
    page = client.get("/agreements/").content.decode()
    assert '<form class="language-switcher" action="/i18n/setlang/" method="post"' in page
    assert '<input type="hidden" name="next" value="/agreements/">' in page
    for code, name in (("en-gb", "English"), ("ru", "Русский"), ("az", "Azərbaycanca")):
        assert f'name="language" value="{code}" lang="{code}"' in page
        assert f">{name}</button>" in page
    response = client.post("/i18n/setlang/", {"language": "az", "next": "/agreements/"})
    assert response.status_code == 302
    assert response["Location"] == "/agreements/"
    page = client.get("/agreements/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="az">' in page
    assert "<h1>Sazişlər</h1>" in page


def test_english_is_the_default(client, archive):
    page = client.get("/").content.decode()
    assert '<html lang="en-gb">' in page
    assert ">Search</button>" in page


def test_an_articles_own_text_is_marked_with_its_language(client, archive):
    page = client.get("/articles/prezidenty/", HTTP_ACCEPT_LANGUAGE="az").content.decode()
    assert '<h1 lang="ru">Президенты обсудили сотрудничество</h1>' in page
    assert '<div class="article__body" lang="ru">' in page
    assert '<pre tabindex="0" lang="ru">' in page
    original = client.get("/articles/prezidenty/original/", HTTP_ACCEPT_LANGUAGE="az")
    assert original["Content-Language"] == "ru"
    results = client.get("/articles/?q=сотрудничество", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<h3 class="result__title" lang="ru">' in results
    assert '<p class="result__snippet" lang="ru">' in results


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language):
    messages = catalogue(language)
    plurals = messages.num_plurals
    problems = []
    for message in messages:
        if not message.id:
            continue
        ids, strings = message_forms(message)
        wanted = {name for text in ids for name in re.findall(r"%\((\w+)\)", text)}
        if message.fuzzy or not all(strings):
            problems.append(("untranslated", ids[0]))
        elif message.pluralizable and len(strings) != plurals:
            problems.append(("plural forms", ids[0]))
        elif any(not set(re.findall(r"%\((\w+)\)", s)) <= wanted for s in strings):
            problems.append(("placeholders", ids[0]))
    assert problems == []
    assert plurals == {"ru": 3, "az": 2}[language]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_compiled_catalogues_hold_every_translation_of_the_po_file(language):
    compiled = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert compiled.exists(), "compile the catalogues: bash scripts/setup"
    with open(compiled, "rb") as mo:
        translations = gettext.GNUTranslations(mo)
    stale = []
    for message in catalogue(language):
        if not message.id:
            continue
        ids, strings = message_forms(message)
        if message.pluralizable:
            got = (
                translations.npgettext(message.context, ids[0], ids[1], 1)
                if message.context
                else (translations.ngettext(ids[0], ids[1], 1))
            )
        elif message.context:
            got = translations.pgettext(message.context, ids[0])
        else:
            got = translations.gettext(ids[0])
        if got != strings[0]:
            stale.append(ids[0])
    assert stale == [], "stale .mo: run bash scripts/setup"


def message_keys(messages) -> set:
    return {(message.context, str(message.id)) for message in messages if message.id}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="makemessages needs GNU xgettext")
def test_every_string_marked_in_the_code_is_in_both_catalogues(tmp_path, settings, monkeypatch):
    """A string another change marked but nobody translated fails here, not in
    front of a reader: the sources' strings, extracted afresh, are all in the
    catalogues (where the test above finds each translated)."""
    # A copy of the sources, so makemessages cannot touch the real catalogues.
    for folder in ("archive", "articles", "templates"):
        shutil.copytree(
            Path(settings.BASE_DIR) / folder,
            tmp_path / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("makemessages", locale=["ru"], verbosity=0)
    with open(tmp_path / "locale" / "ru" / "LC_MESSAGES" / "django.po", "rb") as po:
        extracted = message_keys(read_po(po))
    for language in OTHER_LANGUAGES:
        assert sorted(map(str, extracted - message_keys(catalogue(language)))) == [], language
