"""Curators join and split stories in the admin; re-imports and group_stories keep it so."""

from __future__ import annotations

from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles import stories
from articles.models import Article, ArticleBand, Story
from tests.admin.conftest import curator, curator_client  # noqa: F401
from tests.stories.builders import article_file, import_files, reloaded, wire_body

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def wire_and_copy(folder, seed: int) -> dict[str, Article]:
    """A wire item and, the next day, another outlet's copy of it."""
    body = wire_body(seed)
    return import_files(
        folder,
        {
            f"first_{seed}.txt": article_file(
                date="2024-05-07", source="APA", headline="First", body=body
            ),
            f"copy_{seed}.txt": article_file(
                date="2024-05-08", source="Report", headline="Copy", body=f"{body}\n\nFollow us."
            ),
        },
    )


def act(client, action: str, articles) -> object:
    data = {"action": action, "_selected_action": [a.pk for a in articles]}
    return client.post(CHANGELIST, data, follow=True)


def test_joining_articles_of_two_stories_makes_one_curated_story(tmp_path):
    one = list(wire_and_copy(tmp_path / "a", 1).values())
    other = list(wire_and_copy(tmp_path / "b", 2).values())

    story = stories.join_stories([one[0], other[0]])

    # Of two stories alike in size, the first made takes the other's article.
    after = [Article.objects.get(pk=a.pk).story_id for a in (*one, *other)]
    assert story.is_curated and story.pk == one[0].story_id
    assert after == [story.pk, story.pk, story.pk, other[1].story_id]
    assert Story.objects.get(pk=other[1].story_id).is_curated


def test_an_article_joined_away_from_its_original_no_longer_copies_it(tmp_path):
    first, copy = wire_and_copy(tmp_path / "a", 1).values()
    elsewhere = list(wire_and_copy(tmp_path / "b", 2).values())

    story = stories.join_stories([copy, *elsewhere])

    assert story == elsewhere[0].story
    assert Article.objects.get(pk=copy.pk).copy_of is None


def test_splitting_an_article_gives_it_a_curated_story_of_its_own(tmp_path):
    first, copy = wire_and_copy(tmp_path, 1).values()
    left = first.story

    alone = stories.split_story(copy)

    copy = Article.objects.get(pk=copy.pk)
    assert (copy.story, copy.copy_of) == (alone, None)
    assert alone.is_curated and Story.objects.get(pk=left.pk).is_curated
    assert list(Article.objects.filter(story=alone)) == [copy]


def test_a_split_survives_when_the_file_is_imported_again_changed(tmp_path):
    files = {
        "first.txt": article_file(date="2024-05-07", source="APA", headline="F", body=wire_body(3)),
        "copy.txt": article_file(
            date="2024-05-07", source="Report", headline="C", body=wire_body(3)
        ),
    }
    versions = import_files(tmp_path, files)
    alone = stories.split_story(versions["copy.txt"])
    files["copy.txt"] = files["copy.txt"].replace("Report", "Report\n\nUpdated at noon.")

    import_files(tmp_path, files)

    assert reloaded(versions)["copy.txt"].story == alone


def test_a_join_survives_when_group_stories_rebuilds(tmp_path):
    one = list(wire_and_copy(tmp_path / "a", 1).values())
    other = list(wire_and_copy(tmp_path / "b", 2).values())
    joined = stories.join_stories([one[0], other[0]])

    call_command("group_stories", "--rebuild", stdout=StringIO())

    assert Article.objects.get(pk=one[0].pk).story == joined
    assert Article.objects.get(pk=other[0].pk).story == joined


def test_group_stories_finds_the_copies_of_articles_it_never_filed(tmp_path):
    first, copy = wire_and_copy(tmp_path, 1).values()
    ArticleBand.objects.all().delete()
    Article.objects.update(story=None, copy_of=None)
    Story.objects.all().delete()
    out = StringIO()

    call_command("group_stories", stdout=out)

    after = Article.objects.get(pk=copy.pk)
    assert after.copy_of == Article.objects.get(pk=first.pk) and after.story is not None
    assert out.getvalue().startswith("2 articles grouped: 1 stories, 1 copies")


def test_group_stories_rebuild_makes_the_same_groups_again(tmp_path):
    versions = wire_and_copy(tmp_path, 1)
    before = {name: (a.story is not None, a.copy_of_id) for name, a in versions.items()}

    call_command("group_stories", "--rebuild", stdout=StringIO())

    after = reloaded(versions)
    assert {name: (a.story is not None, a.copy_of_id) for name, a in after.items()} == before


def test_the_join_action_joins_the_selected_articles_when_a_curator_asks(
    tmp_path,
    curator_client,  # noqa: F811
):
    one = list(wire_and_copy(tmp_path / "a", 1).values())
    other = list(wire_and_copy(tmp_path / "b", 2).values())

    response = act(curator_client, "join_into_one_story", [one[0], other[0]])

    assert response.status_code == HTTPStatus.OK
    assert "2 articles are now in the story" in response.content.decode()
    assert Article.objects.get(pk=one[0].pk).story == Article.objects.get(pk=other[0].pk).story


def test_the_join_action_asks_for_two_articles_when_one_is_selected(
    tmp_path,
    curator_client,  # noqa: F811
):
    one = list(wire_and_copy(tmp_path, 1).values())

    response = act(curator_client, "join_into_one_story", one[:1])

    assert "Select two articles or more" in response.content.decode()
    assert not Story.objects.filter(is_curated=True).exists()


def test_the_split_action_splits_the_selected_article_out(tmp_path, curator_client):  # noqa: F811
    first, copy = wire_and_copy(tmp_path, 1).values()

    act(curator_client, "split_out_of_story", [copy])

    assert Article.objects.get(pk=copy.pk).story != Article.objects.get(pk=first.pk).story


def test_a_curator_sees_a_storys_articles_on_its_page(tmp_path, curator_client):  # noqa: F811
    first, copy = wire_and_copy(tmp_path, 1).values()

    response = curator_client.get(reverse("admin:articles_story_change", args=[first.story_id]))

    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    for article in (first, copy):
        assert reverse("admin:articles_article_change", args=[article.pk]) in page
