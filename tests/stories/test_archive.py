"""group_stories files a whole archive in one pass (articles.stories_archive) with
the rules the importer files one article by (articles.stories)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles import stories_archive
from articles.models import Article, ArticleBand, ArticleFingerprint
from tests.stories.builders import article_file, import_files, wire_body

pytestmark = pytest.mark.django_db

PAIRS = "tests/stories/pairs"


def grouping() -> tuple[set[frozenset[int]], set[tuple[int, int]], set[tuple[int, int]]]:
    """The stories as sets of articles, the copies' (copy, original) pairs, the keys."""
    stories: dict[int, set[int]] = {}
    for pk, story in Article.objects.exclude(story=None).values_list("pk", "story"):
        stories.setdefault(story, set()).add(pk)
    copies = set(Article.objects.exclude(copy_of=None).values_list("pk", "copy_of"))
    keys = set(ArticleBand.objects.values_list("article", "band"))
    return {frozenset(members) for members in stories.values()}, copies, keys


def test_one_pass_groups_as_filing_one_by_one_when_the_archive_is_regrouped():
    call_command("import_articles", PAIRS, stdout=StringIO(), stderr=StringIO())
    call_command("group_stories", "--rebuild", stdout=StringIO())
    in_one_pass = grouping()
    stories_archive._forget_grouping()
    ids = list(Article.objects.oldest_first().values_list("pk", flat=True))

    stories_archive._file_one_by_one(ids, lambda done: None)

    assert grouping() == in_one_pass
    assert len(in_one_pass[0]) > 10 and in_one_pass[1]


def test_an_undated_copy_finds_its_original_when_grouped_in_one_pass(tmp_path):
    body = wire_body(3)
    versions = import_files(
        tmp_path,
        {
            "first.txt": article_file(date="2024-05-07", source="APA", headline="A", body=body),
            "undated.txt": article_file(date="", source="Report", headline="B", body=body),
        },
    )
    first, undated = (Article.objects.get(pk=a.pk) for a in versions.values())
    assert undated.published_on is None

    call_command("group_stories", "--rebuild", stdout=StringIO())

    assert Article.objects.get(pk=undated.pk).copy_of_id == first.pk


def test_a_pass_cut_short_leaves_no_keys_and_the_key_index_whole():
    call_command("import_articles", PAIRS, stdout=StringIO(), stderr=StringIO())
    stories_archive._forget_grouping()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stories_archive, "_write_groups", _cut_short)
        with pytest.raises(RuntimeError, match="cut short"):
            stories_archive.group_archive()

    assert not ArticleBand.objects.exists() and not ArticleFingerprint.objects.exists()
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "articles_articleband")
    primary = [c["columns"] for c in constraints.values() if c["primary_key"]]
    assert primary == [["band", "article_id"]]
    assert any(c["columns"] == ["article_id"] and c["index"] for c in constraints.values())


def _cut_short(groups) -> None:
    raise RuntimeError("cut short")
