"""/agreements/: sorted by name or by date of signing, narrowed by kind and status,
rejected documents never shown, bad parameters a message and a 400."""

from __future__ import annotations

import datetime as dt
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from articles.models import Agreement
from tests.conftest import make_agreement, make_article

pytestmark = pytest.mark.django_db

AGREEMENTS = reverse("articles:agreements")


@pytest.fixture
def documents():
    make_agreement(
        name="Declaration on Allied Interaction",
        kind=Agreement.Kind.DECLARATION,
        status=Agreement.Status.APPROVED,
        signed_on=dt.date(2022, 2, 22),
    )
    make_agreement(
        name="Treaty of Friendship",
        kind=Agreement.Kind.TREATY,
        status=Agreement.Status.APPROVED,
        signed_on=dt.date(1997, 7, 3),
    )
    make_agreement(name="Action plan on tourism", kind=Agreement.Kind.ACTION_PLAN)
    make_agreement(
        name="Memorandum on fish", status=Agreement.Status.REJECTED, signed_on=dt.date(2000, 1, 1)
    )


def names(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)


ACTION, DECLARATION, TREATY = (
    "Action plan on tourism",
    "Declaration on Allied Interaction",
    "Treaty of Friendship",
)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (None, [ACTION, DECLARATION, TREATY]),
        ("name", [ACTION, DECLARATION, TREATY]),
        ("signed", [TREATY, DECLARATION, ACTION]),
        ("-signed", [DECLARATION, TREATY, ACTION]),
    ],
)
def test_agreements_come_in_the_chosen_order_undated_last_when_sorted(
    client, documents, sort, expected
):
    response = client.get(AGREEMENTS, {"sort": sort} if sort else {})

    assert response.status_code == HTTPStatus.OK
    assert names(response) == expected


def test_agreements_are_of_the_chosen_kind_when_kind_is_given(client, documents):
    response = client.get(AGREEMENTS, {"kind": "treaty"})

    assert names(response) == ["Treaty of Friendship"]


def test_agreements_are_of_the_chosen_status_when_status_is_given(client, documents):
    assert names(client.get(AGREEMENTS, {"status": "suggested"})) == ["Action plan on tourism"]


def test_rejected_documents_stay_hidden_when_asked_for(client, documents):
    response = client.get(AGREEMENTS, {"status": "rejected"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Memorandum on fish" not in response.content.decode()
    assert "approved or suggested, not “rejected”" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sort": "price"}, "Sort by name, signed or -signed, not “price”."),
        ({"kind": "poem"}, "There is no kind of document “poem”."),
    ],
)
def test_page_lists_every_document_with_a_message_when_a_parameter_is_bad(
    client, documents, params, message
):
    response = client.get(AGREEMENTS, params)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert len(names(response)) == 3


def test_form_offers_the_kinds_statuses_and_orders_when_opened(client, documents):
    html = client.get(AGREEMENTS, {"sort": "-signed"}).content.decode()

    assert '<option value="-signed" selected>' in html
    assert '<option value="road_map">' in html
    assert '<option value="approved">' in html
    assert '<option value="rejected">' not in html


def test_agreement_list_costs_the_same_queries_when_it_shows_more_rows(
    client, django_assert_num_queries
):
    def count_queries(n: int) -> None:
        for _ in range(n):
            agreement = make_agreement(signed_on=dt.date(2020, 1, 1))
            make_article(agreements=[agreement])
        with django_assert_num_queries(1):
            client.get(AGREEMENTS, {"sort": "signed", "kind": "memorandum"})

    count_queries(1)
    count_queries(10)
