"""The article page's "More like this": the newest articles sharing a tag or an
agreement, at most five, whether or not the article is in a story."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.models import Article, Story
from tests.conftest import make_agreement, make_article, make_tag

pytestmark = pytest.mark.django_db


def _neighbours(count: int, **relations) -> list[Article]:
    return [
        make_article(title=f"Neighbour {n}", published_on=dt.date(2021, 1, 1 + n), **relations)
        for n in range(count)
    ]


@pytest.mark.parametrize("in_story", [False, True])
def test_at_most_five_newest_sharing_a_tag_in_a_story_or_not(in_story):
    gas = make_tag(name="Gas", slug="gas")
    article = make_article(title="First", tags=[gas])
    if in_story:
        story = Story.objects.create(title="First")
        Article.objects.filter(pk=article.pk).update(story=story)
        make_article(title="Copy", story=story, tags=[gas])
        article.refresh_from_db()
    neighbours = _neighbours(8, tags=[gas])
    # Neighbours filed in a story of their own count with the unfiled ones.
    other = Story.objects.create(title="Other")
    Article.objects.filter(pk__in=[n.pk for n in neighbours[::2]]).update(story=other)
    versions, similar = Article.objects.for_detail().around(
        Article.objects.for_detail().get(pk=article.pk)
    )
    assert [row.title for row in similar] == [n.title for n in reversed(neighbours)][:5]
    assert {row.title for row in versions} == ({"First", "Copy"} if in_story else set())


def test_tags_and_agreements_both_bring_neighbours_newest_first():
    gas, memorandum = make_tag(name="Gas", slug="gas"), make_agreement()
    article = make_article(title="First", tags=[gas], agreements=[memorandum])
    by_tag = _neighbours(3, tags=[gas])
    by_agreement = [
        make_article(title=f"Signed {n}", published_on=dt.date(2022, 1, 1 + n),
                     agreements=[memorandum])
        for n in range(3)
    ]  # fmt: skip
    _, similar = Article.objects.around(Article.objects.for_detail().get(pk=article.pk))
    newest = [*reversed(by_agreement), *reversed(by_tag)][:5]
    assert [row.pk for row in similar] == [row.pk for row in newest]
