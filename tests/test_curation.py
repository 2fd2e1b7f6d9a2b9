"""articles.curation on its own: what merges keep, how redirects chain, and
which fields an edit marks curated."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.redirects.models import Redirect

from articles import curation
from articles.models import Agreement, Mention, TagAlias
from tests.conftest import make_agreement, make_article, make_tag


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user("curator", password="pw-curator-1", is_staff=True)


def test_curated_fields_keep_a_stable_order_when_edited():
    assert curation.curated_after_edit(["tags"], ["byline", "title"]) == [
        "title",
        "byline",
        "tags",
    ]


def test_date_and_precision_are_curated_together_when_either_changes():
    assert curation.curated_after_edit([], ["date_precision"]) == [
        "published_on",
        "date_precision",
    ]


def test_second_merge_repoints_earlier_redirects_when_the_survivor_is_merged(user):
    first, second, third = make_tag(slug="a"), make_tag(slug="b"), make_tag(slug="c")
    first_url = first.get_absolute_url()

    curation.merge_tags(second, [first], user=user)
    curation.merge_tags(third, [second], user=user)

    assert Redirect.objects.get(old_path=first_url).new_path == third.get_absolute_url()


def test_merged_tags_leave_an_article_with_both_carrying_the_survivor_once(user):
    survivor, other = make_tag(), make_tag()
    article = make_article(tags=[survivor, other])

    moved = curation.merge_tags(survivor, [other], user=user)

    assert (moved, list(article.tags.all())) == (0, [survivor])


def test_merged_agreement_sentence_is_kept_when_the_survivor_had_none(user):
    survivor, other = make_agreement(), make_agreement()
    article = make_article(agreements=[survivor])
    Mention.objects.create(article=article, agreement=other, sentence="They signed it in Sochi.")

    curation.merge_agreements(survivor, [other], user=user)

    assert Mention.objects.get(article=article).sentence == "They signed it in Sochi."


def test_merged_agreement_details_fill_the_survivors_blanks(user):
    survivor = make_agreement(parties="Azerbaijan; Russia")
    other = make_agreement(parties="", signed_on=dt.date(2022, 2, 22), signed_place="Moscow")

    curation.merge_agreements(survivor, [other], user=user)

    survivor.refresh_from_db()
    assert (survivor.parties, survivor.signed_on, survivor.signed_place) == (
        "Azerbaijan; Russia",
        dt.date(2022, 2, 22),
        "Moscow",
    )


def test_status_change_counts_only_agreements_whose_status_changed(user):
    make_agreement(status=Agreement.Status.APPROVED)
    make_agreement()

    changed = curation.set_agreement_status(
        Agreement.objects.all(), Agreement.Status.APPROVED, user=user
    )

    assert changed == 1


def test_removing_a_tag_leaves_untouched_articles_uncurated(user):
    tag = make_tag()
    untouched = make_article()

    curation.remove_tag(type(untouched).objects.all(), tag, user=user)

    untouched.refresh_from_db()
    assert untouched.curated_fields == []


def test_aliases_of_a_merged_away_tag_move_to_the_survivor(user):
    survivor, other = make_tag(name="Putin"), make_tag(name="Vladimir Putin")
    TagAlias.objects.create(name="V. Putin", kind=other.kind, tag=other)

    curation.merge_tags(survivor, [other], user=user)

    assert set(survivor.aliases.values_list("name", flat=True)) == {"V. Putin", "Vladimir Putin"}
