"""Both groupings on the labelled pairs (tests/stories/pairs): the floors issue 16 sets.

bench/stories.py prints the same scores by language pair and by kind of pair.
"""

from __future__ import annotations

import pytest

from bench.stories import score

pytestmark = pytest.mark.django_db

PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.85


@pytest.fixture(scope="module")
def tallies(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            scored = score()
            transaction.set_rollback(True)
    return scored["all"]


@pytest.mark.parametrize("grouping", ["copy", "story"])
def test_grouping_reaches_the_precision_floor_on_the_labelled_pairs(tallies, grouping):
    assert tallies[grouping].precision >= PRECISION_FLOOR, tallies[grouping].wrong


@pytest.mark.parametrize("grouping", ["copy", "story"])
def test_grouping_reaches_the_recall_floor_on_the_labelled_pairs(tallies, grouping):
    assert tallies[grouping].recall >= RECALL_FLOOR, tallies[grouping].missed
