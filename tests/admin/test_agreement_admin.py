"""Agreements in the admin: the review queue of suggestions, approve and
reject in bulk, merging duplicates, and the mentions listed with their sentences."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from articles.models import Agreement, AgreementKey, Mention
from tests.admin.conftest import form_data, history
from tests.conftest import make_agreement, make_article

CHANGELIST = reverse("admin:articles_agreement_changelist")
Status = Agreement.Status


def listed(client, query=None):
    response = client.get(CHANGELIST, query or {})
    return {agreement.name for agreement in response.context["cl"].result_list}


def act(client, action, agreements, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in agreements], **extra}
    return client.post(CHANGELIST + "?status=all", data)


@pytest.fixture
def queue(db):
    return [
        make_agreement(name="Suggested memorandum"),
        make_agreement(name="Approved declaration", status=Status.APPROVED),
        make_agreement(name="Rejected protocol", status=Status.REJECTED),
    ]


def test_queue_lists_only_suggestions_when_opened(curator_client, queue):
    assert listed(curator_client) == {"Suggested memorandum"}


def test_queue_lists_every_status_when_all_is_chosen(curator_client, queue):
    assert len(listed(curator_client, {"status": "all"})) == 3


def test_queue_lists_approved_agreements_when_approved_is_chosen(curator_client, queue):
    assert listed(curator_client, {"status": "approved"}) == {"Approved declaration"}


def test_change_list_shows_the_review_status(curator_client, queue):
    html = curator_client.get(CHANGELIST, {"status": "all"}).content.decode()

    assert 'class="review-status review-rejected">rejected<' in html


def test_approve_marks_the_selected_suggestions_approved(curator_client, queue):
    response = act(curator_client, "approve_selected", queue[:1])

    assert response.status_code == HTTPStatus.FOUND
    assert Agreement.objects.get(pk=queue[0].pk).status == Status.APPROVED


def test_reject_marks_the_selected_agreements_rejected(curator_client, queue):
    act(curator_client, "reject_selected", queue[:2])

    statuses = set(
        Agreement.objects.filter(pk__in=[queue[0].pk, queue[1].pk]).values_list("status", flat=True)
    )
    assert statuses == {Status.REJECTED}


def test_approval_is_in_the_history_of_each_agreement(curator_client, queue):
    act(curator_client, "approve_selected", queue[:1])

    assert history(queue[0])[0].change_message == "Marked approved."


@pytest.fixture
def twins(db):
    """One document found under two names; one article mentions both."""
    long_name = make_agreement(name="Declaration on Allied Interaction", key="declaration:allied")
    short_name = make_agreement(name="Allied declaration", key="declaration:allied-short")
    make_article(agreements=[long_name])
    make_article(agreements=[short_name])
    make_article(agreements=[long_name, short_name])
    return long_name, short_name


def test_merge_confirmation_says_how_many_articles_move(curator_client, twins):
    html = act(curator_client, "merge_selected", twins).content.decode()

    expected = "Declaration on Allied Interaction: has 2 articles; keeping it moves 1 more article"
    assert expected in html


def test_merge_moves_mentions_without_duplicates_when_confirmed(curator_client, twins):
    survivor, other = twins

    act(curator_client, "merge_selected", twins, post="yes", survivor=survivor.pk)

    assert list(Agreement.objects.all()) == [survivor]
    assert Mention.objects.filter(agreement=survivor).count() == 3


def test_merge_moves_the_importer_keys_to_the_survivor(curator_client, twins):
    survivor, other = twins

    act(curator_client, "merge_selected", twins, post="yes", survivor=survivor.pk)

    assert set(AgreementKey.objects.values_list("agreement", flat=True)) == {survivor.pk}


def test_merge_redirects_the_old_agreement_url(curator_client, twins):
    survivor, other = twins
    old_url = other.get_absolute_url()

    act(curator_client, "merge_selected", twins, post="yes", survivor=survivor.pk)

    assert Redirect.objects.get(old_path=old_url).new_path == survivor.get_absolute_url()


def test_change_page_lists_each_mention_with_its_sentence(curator_client, db):
    agreement = make_agreement()
    article = make_article(title="Pension talks in Baku")
    Mention.objects.create(
        article=article, agreement=agreement, sentence="They signed a pension memorandum."
    )

    html = curator_client.get(
        reverse("admin:articles_agreement_change", args=[agreement.pk])
    ).content.decode()

    assert "Pension talks in Baku" in html
    assert "They signed a pension memorandum." in html


def test_agreement_details_are_saved_when_edited(curator_client, queue):
    agreement = queue[0]
    url = reverse("admin:articles_agreement_change", args=[agreement.pk])
    data = form_data(curator_client.get(url).content.decode())
    data.update(status="approved", signed_on="26/04/2022", signed_place="Baku", _save="Save")

    response = curator_client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    agreement.refresh_from_db()
    assert (agreement.signed_place, agreement.status) == ("Baku", Status.APPROVED)


@pytest.fixture
def register(db):
    return [
        make_agreement(
            name="Declaration on Allied Interaction",
            register_key="declaration-allied-interaction-2022",
            status=Status.APPROVED,
        ),
        make_agreement(name="Memorandum found by the importer", status=Status.APPROVED),
    ]


def test_in_register_filter_lists_the_register_when_yes_is_chosen(curator_client, register):
    assert listed(curator_client, {"status": "all", "in_register": "yes"}) == {
        "Declaration on Allied Interaction"
    }


def test_in_register_filter_lists_the_rest_when_no_is_chosen(curator_client, register):
    assert listed(curator_client, {"status": "all", "in_register": "no"}) == {
        "Memorandum found by the importer"
    }


def test_curator_puts_a_document_in_the_register_with_its_three_names(curator_client, register):
    agreement = register[1]
    url = reverse("admin:articles_agreement_change", args=[agreement.pk])
    data = form_data(curator_client.get(url).content.decode())
    data.update(
        name_ru="Меморандум о сотрудничестве",
        name_az="Əməkdaşlıq haqqında Memorandum",
        register_key="memorandum-cooperation-2019",
        aliases="MoU on cooperation\nМеморандум о сотрудничестве",
        _save="Save",
    )

    assert curator_client.post(url, data).status_code == HTTPStatus.FOUND

    agreement.refresh_from_db()
    assert agreement.register_key == "memorandum-cooperation-2019"
    assert agreement.name_az == "Əməkdaşlıq haqqında Memorandum"
    assert agreement.alias_list() == ["MoU on cooperation", "Меморандум о сотрудничестве"]


def test_agreement_left_out_of_the_register_stores_no_key_when_saved(curator_client, register):
    """Blank keys are NULL: two documents outside the register never collide."""
    for agreement in register:
        url = reverse("admin:articles_agreement_change", args=[agreement.pk])
        data = form_data(curator_client.get(url).content.decode())
        data.update(register_key="", _save="Save")
        assert curator_client.post(url, data).status_code == HTTPStatus.FOUND

    assert list(Agreement.objects.values_list("register_key", flat=True)) == [None, None]
