"""Constraints live in the database: these hold on SQLite and PostgreSQL alike."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from articles.models import Agreement, Article, DatePrecision, Revision, Tag, unique_slug
from tests.conftest import make_agreement, make_article, make_source, make_tag

pytestmark = pytest.mark.django_db


def _violates(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_article_slug_is_unique():
    make_article(slug="sochi-meeting")
    assert _violates(lambda: make_article(slug="sochi-meeting"))


def test_same_original_bytes_are_stored_once():
    make_article(original=b"same bytes")
    assert _violates(lambda: make_article(original=b"same bytes"))


def test_article_identity_is_unique():
    make_article(origin="seeds/000.txt")
    assert _violates(lambda: make_article(origin="seeds/000.txt"))


def test_precision_outside_the_choices_is_refused():
    assert _violates(lambda: make_article(date_precision="week"))


def test_unknown_precision_never_hides_a_date():
    assert _violates(
        lambda: make_article(published_on=dt.date(2019, 1, 1), date_precision=DatePrecision.UNKNOWN)
    )


def test_a_precision_needs_a_date():
    assert _violates(lambda: make_article(published_on=None, date_precision=DatePrecision.DAY))


def test_undated_article_is_stored_with_unknown_precision():
    article = make_article(published_on=None)
    assert article.date_precision == DatePrecision.UNKNOWN


def test_tag_kind_outside_the_choices_is_refused():
    assert _violates(lambda: make_tag(kind="colour"))


def test_tag_name_is_unique_within_its_kind_only():
    make_tag(name="Karabakh", kind=Tag.Kind.PLACE)
    make_tag(name="Karabakh", kind=Tag.Kind.EVENT)
    assert _violates(lambda: make_tag(name="Karabakh", kind=Tag.Kind.PLACE))


def test_agreement_status_outside_the_choices_is_refused():
    assert _violates(lambda: make_agreement(status="pending"))


def test_revision_of_the_same_bytes_is_kept_once_per_article():
    article = make_article()
    fields = {
        "article": article,
        "original": b"old",
        "sha256": "a" * 64,
        "imported_at": article.imported_at,
        "superseded_at": article.imported_at,
    }
    Revision.objects.create(**fields)
    assert _violates(lambda: Revision.objects.create(**fields))


def test_article_keeps_original_bytes_exactly():
    data = "Азербайджан\r\n".encode("cp1251") + b"\x00\xff"
    article = make_article(original=data)
    assert bytes(Article.objects.get(pk=article.pk).original) == data


def test_unique_slug_counts_up_when_taken():
    make_source(slug="trend")
    make_source(slug="trend-2")
    from articles.models import Source

    assert unique_slug(Source.objects.all(), "Trend", fallback="source") == "trend-3"


def test_unique_slug_spells_out_cyrillic_and_azerbaijani_letters():
    assert unique_slug(Agreement.objects.all(), "Меморандум о транспорте", fallback="x") == (
        "memorandum-o-transporte"
    )
    assert unique_slug(Agreement.objects.all(), "Yol xəritəsi", fallback="x") == "yol-xeritesi"


def test_unique_slug_falls_back_when_text_has_no_letters():
    assert unique_slug(Agreement.objects.all(), "«…»", fallback="agreement") == "agreement"


def test_models_read_well_as_text():
    source = make_source(name="Trend")
    article = make_article(title="Sochi meeting", source=source)
    assert str(source) == "Trend"
    assert str(article) == "Sochi meeting"
    assert str(make_tag(name="SOCAR", kind=Tag.Kind.ORGANISATION)) == "SOCAR (organisation)"


@pytest.mark.django_db
def test_bilateral_agreements_leave_out_third_country_documents():
    bilateral = make_agreement(name="Border treaty")
    make_agreement(name="Russia–Iran railway agreement", is_bilateral=False)

    assert list(Agreement.objects.bilateral()) == [bilateral]


@pytest.mark.django_db
def test_register_holds_only_agreements_with_a_register_key():
    registered = make_agreement(register_key="baku-declaration-2001")
    make_agreement()

    assert list(Agreement.objects.in_register()) == [registered]


@pytest.mark.django_db
def test_agreement_facet_counts_bilateral_documents_only():
    treaty = make_agreement(name="Border treaty", slug="border-treaty")
    railway = make_agreement(name="Railway agreement", is_bilateral=False)
    make_article(agreements=[treaty, railway])

    assert [row["agreement__slug"] for row in Article.objects.facet_agreements()] == [
        "border-treaty"
    ]


def test_agreement_aliases_are_read_one_a_line_without_blanks():
    agreement = Agreement(aliases="Moscow Declaration\n\n  Московская декларация \n")

    assert agreement.alias_list() == ["Moscow Declaration", "Московская декларация"]


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,x", "//evil"])
def test_source_address_is_refused_when_it_is_not_a_web_link(address):
    assert _violates(lambda: make_source(site_url=address))


def test_source_address_is_kept_when_it_is_a_web_link():
    assert make_source(site_url="HTTPS://trend.az/").site_url == "HTTPS://trend.az/"
