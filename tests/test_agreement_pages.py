"""The public pages about documents: the agreement list keeps to documents
between Azerbaijan and Russia unless asked for all, an agreement's page shows
its names in three languages and its signing, and an article's page shows the
agencies it credits and how many documents it says were signed."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.urls import reverse

from articles.models import Agreement, Mention
from tests.conftest import make_agreement, make_article, make_source

pytestmark = pytest.mark.django_db

AGREEMENTS = reverse("articles:agreements")


@pytest.fixture
def documents():
    treaty = make_agreement(name="Treaty on the State Border", parties="Azerbaijan, Russia")
    railway = make_agreement(
        name="Rasht–Astara railway agreement", parties="Russia, Iran", is_bilateral=False
    )
    return treaty, railway


def test_agreement_list_shows_bilateral_documents_when_opened(client, documents):
    html = client.get(AGREEMENTS).content.decode()

    assert "Treaty on the State Border" in html
    assert "Rasht–Astara railway agreement" not in html


def test_agreement_list_shows_third_country_documents_when_scope_is_all(client, documents):
    response = client.get(AGREEMENTS, {"scope": "all"})

    assert response.status_code == HTTPStatus.OK
    assert "Rasht–Astara railway agreement" in response.content.decode()


def test_agreement_page_shows_three_names_and_the_signing_when_registered(client):
    agreement = make_agreement(
        name="Declaration on Allied Interaction",
        name_ru="Декларация о союзническом взаимодействии",
        name_az="Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə",
        register_key="declaration-allied-interaction-2022",
        signed_on=dt.date(2022, 2, 22),
        signed_place="Moscow",
        parties="Azerbaijan, Russia",
    )

    html = client.get(agreement.get_absolute_url()).content.decode()

    assert '<span lang="ru">Декларация о союзническом взаимодействии</span>' in html
    assert '<span lang="az">Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə</span>' in html
    assert '<time datetime="2022-02-22">22 February 2022</time>, Moscow' in html
    assert "Azerbaijan, Russia" in html


def test_agreement_page_says_a_document_is_not_bilateral_when_others_signed_it(client, documents):
    html = client.get(documents[1].get_absolute_url()).content.decode()

    assert 'Russia, Iran <span class="muted">(not between Azerbaijan and Russia alone)' in html


def test_agreement_page_shows_the_mentions_signing_date_and_how_it_was_read(client):
    agreement = make_agreement()
    article = make_article()
    Mention.objects.create(
        article=article,
        agreement=agreement,
        signed_on=dt.date(2024, 2, 22),
        date_note="year taken from the article's date",
    )

    html = client.get(agreement.get_absolute_url()).content.decode()

    assert (
        "Signed on 22 February 2024, says the text (not written in full there: completed from"
        " the article’s date or the register)." in html
    )


def test_article_page_lists_its_credits_and_signed_count_when_it_has_them(client):
    article = make_article(documents_signed=6)
    article.credits.add(make_source(name="TASS", slug="tass"), make_source(name="Interfax"))

    html = client.get(article.get_absolute_url()).content.decode()

    assert '>Interfax</a>, <a href="/sources/tass/">TASS</a></dd>' in html
    assert "<dt>Documents signed</dt><dd>6</dd>" in html


def test_article_page_has_no_credits_line_when_it_credits_nobody(client):
    html = client.get(make_article().get_absolute_url()).content.decode()

    assert "<dt>Credits</dt>" not in html


def test_article_page_marks_a_document_with_other_parties_when_it_mentions_one(client, documents):
    article = make_article(agreements=documents)

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count("parties beyond Azerbaijan and Russia") == 1


@pytest.mark.parametrize(
    ("language", "shown", "also"),
    [
        ("en", "Declaration on Allied Interaction", "Декларация о союзническом взаимодействии"),
        ("ru", "Декларация о союзническом взаимодействии", "Declaration on Allied Interaction"),
        ("az", "Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə", "Declaration on Allied"),
    ],
)
def test_document_is_named_in_the_interface_language_where_the_register_names_it(
    client, language, shown, also
):
    declaration = make_agreement(
        name="Declaration on Allied Interaction",
        name_ru="Декларация о союзническом взаимодействии",
        name_az="Müttəfiqlik qarşılıqlı fəaliyyəti haqqında Bəyannamə",
        kind=Agreement.Kind.DECLARATION,
        status=Agreement.Status.APPROVED,
        signed_on=dt.date(2022, 2, 22),
    )
    make_article(agreements=[declaration])
    headers = {"HTTP_ACCEPT_LANGUAGE": language}

    detail = client.get(declaration.get_absolute_url(), **headers).content.decode()
    listed = client.get("/agreements/", **headers).content.decode()
    timeline = client.get("/timeline/", **headers).content.decode()

    assert f"<h1>{shown}</h1>" in detail and also in detail
    assert f">{shown}</a>" in listed
    assert f">{shown}</a>" in timeline
    assert f">{shown}</option>" in timeline
