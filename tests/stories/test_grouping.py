"""Copies and stories as the importer makes them (articles.stories through the store)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import stories
from articles.ingest.fingerprint import BANDS, event_keys, fingerprint, key_number
from articles.models import Article, ArticleBand, ArticleFingerprint, Source, Story, TagKind
from tests.conftest import make_article, make_tag
from tests.stories.builders import article_file, import_files, reloaded, wire_body

pytestmark = pytest.mark.django_db

COMMISSION = (
    "The {n} meeting of the Azerbaijan-Russia Intergovernmental Commission on Economic "
    "Cooperation was held in {city}, co-chaired by Deputy Prime Minister Shahin Mustafayev "
    "and Deputy Prime Minister Alexei Overchuk.\n\n"
    "The sides discussed trade, transport, energy and humanitarian cooperation and signed "
    "the protocol of the meeting. {detail}"
)


def three_outlets(folder, seed: int = 7) -> dict[str, Article]:
    """A generated wire item run by Trend, then AzerNews and Today.az under their own
    headlines, a byline and a credit line."""
    body = wire_body(seed)
    return import_files(
        folder,
        {
            "trend.txt": article_file(
                date="2024-05-06", source="Trend", headline="Cargo talks held", body=body
            ),
            "azernews.txt": article_file(
                date="2024-05-07",
                source="AzerNews",
                headline="Baku, Moscow discuss freight",
                byline="By Leyla Hasanova",
                body=body.replace("percent", "per cent"),
            ),
            "todayaz.txt": article_file(
                date="2024-05-07",
                source="Today.Az",
                headline="Freight schedule agreed",
                body=f"Today.az reports, citing Trend.\n\n{body}",
            ),
        },
    )


def test_a_wire_item_reprinted_by_three_outlets_is_one_story_when_headlines_and_credits_differ(
    tmp_path,
):
    versions = three_outlets(tmp_path)

    stories_held = {article.story_id for article in versions.values()}
    assert len(stories_held) == 1 and None not in stories_held


def test_the_copies_point_at_the_earliest_version_when_grouped(tmp_path):
    versions = three_outlets(tmp_path)

    assert versions["trend.txt"].copy_of is None
    assert versions["azernews.txt"].copy_of == versions["trend.txt"]
    assert versions["todayaz.txt"].copy_of == versions["trend.txt"]


def test_a_story_is_titled_and_dated_by_its_earliest_version(tmp_path):
    versions = three_outlets(tmp_path)

    story = Story.objects.get()
    assert (story.title, story.first_published) == (
        "Cargo talks held",
        versions["trend.txt"].published_on,
    )


def test_two_commission_meetings_a_year_apart_are_not_one_story(tmp_path):
    meetings = import_files(
        tmp_path,
        {
            "igc_2023.txt": article_file(
                date="2023-10-12",
                source="Trend",
                headline="Intergovernmental commission meets in Baku",
                body=COMMISSION.format(
                    n="22nd", city="Baku", detail="The next meeting is due in Moscow."
                ),
            ),
            "igc_2024.txt": article_file(
                date="2024-10-17",
                source="Trend",
                headline="Intergovernmental commission meets in Moscow",
                body=COMMISSION.format(
                    n="23rd", city="Moscow", detail="The next meeting is due in Baku."
                ),
            ),
        },
    )

    assert [a.story for a in meetings.values()] == [None, None]
    assert [a.copy_of for a in meetings.values()] == [None, None]


def test_an_unrelated_article_stays_alone_when_a_story_forms(tmp_path):
    versions = three_outlets(tmp_path)
    other = import_files(
        tmp_path / "other",
        {
            "other.txt": article_file(
                date="2024-05-06", source="Trend", headline="Other news", body=wire_body(99)
            )
        },
    )["other.txt"]

    assert other.story is None and other.copy_of is None
    assert Article.objects.filter(story=versions["trend.txt"].story).count() == 3


def test_the_earliest_version_becomes_the_original_when_it_is_imported_last(tmp_path):
    body = wire_body(11)
    later = import_files(
        tmp_path / "a",
        {"copy.txt": article_file(date="2024-05-08", source="Report", headline="Copy", body=body)},
    )
    earlier = import_files(
        tmp_path / "b",
        {"first.txt": article_file(date="2024-05-07", source="APA", headline="First", body=body)},
    )

    copy, first = reloaded(later)["copy.txt"], reloaded(earlier)["first.txt"]
    assert (first.copy_of, copy.copy_of) == (None, first)
    assert first.story == copy.story != None  # noqa: E711


def test_a_story_takes_the_title_and_date_of_an_earlier_version_when_it_joins(tmp_path):
    body = wire_body(12)
    later = import_files(
        tmp_path / "a",
        {
            "copy.txt": article_file(
                date="2024-05-08", source="Report", headline="Copy", body=body
            ),
            "again.txt": article_file(
                date="2024-05-09", source="Today", headline="Again", body=body
            ),
        },
    )
    titled_before = Story.objects.values_list("title", "first_published").get()

    first = import_files(
        tmp_path / "b",
        {"first.txt": article_file(date="2024-05-07", source="APA", headline="First", body=body)},
    )["first.txt"]

    assert titled_before == (later["copy.txt"].title, dt.date(2024, 5, 8))
    titled = Story.objects.values_list("title", "first_published").get()
    assert titled == (first.title, dt.date(2024, 5, 7)) != titled_before


def test_a_new_version_is_written_with_its_story_and_original_when_imported(tmp_path):
    body = wire_body(7)
    first = import_files(
        tmp_path / "a",
        {
            "trend.txt": article_file(
                date="2024-05-06", source="Trend", headline="Cargo talks held", body=body
            ),
            "azernews.txt": article_file(
                date="2024-05-07", source="AzerNews", headline="Freight talks", body=body
            ),
        },
    )
    trend = first["trend.txt"]

    with CaptureQueriesContext(connection) as queries:
        later = import_files(
            tmp_path / "b",
            {
                "todayaz.txt": article_file(
                    date="2024-05-07", source="Today.Az", headline="Freight agreed", body=body
                )
            },
        )["todayaz.txt"]

    assert (later.story_id, later.copy_of_id) == (trend.story_id, trend.pk) != (None, None)
    # Its INSERT carried both: nothing moved an article into the story, nor wrote its row again.
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert not [sql for sql in updates if 'SET "story_id"' in sql]
    assert not [sql for sql in updates if f'"articles_article"."id" = {later.pk}' in sql]


def event_candidates(mine: Article, *, stored: bool = True) -> tuple[stories.Neighbours, dict]:
    """Two articles holding one event key of `mine`'s: one of its day, one two days
    later; the lookup of `mine` (stored, or as an article not written yet)."""
    key = "name:smr"
    ceremony = make_tag(kind=TagKind.EVENT)
    close = make_article(published_on=mine.published_on, tags=[ceremony])
    far = make_article(published_on=mine.published_on + dt.timedelta(days=2), tags=[ceremony])
    for other in (close, far):
        ArticleBand.objects.create(article=other, band=key_number(key, other.published_on))
    unstored = None
    if not stored:
        tag_ids = list(mine.tags.values_list("pk", flat=True))
        unstored = stories.Unstored(tag_ids, [])
        mine.pk = None
    return stories.neighbours(mine, None, {key}, unstored=unstored), {"close": close, "far": far}


def test_an_event_candidate_that_cannot_pass_has_no_evidence_read_when_looked_up():
    mine = make_article(published_on=dt.date(2024, 5, 6), tags=[make_tag(kind=TagKind.PERSON)])

    near, _ = event_candidates(mine)

    # Its person (1) and one shared key (1) reach no threshold (3 on the same day).
    assert (near.events, near.evidence) == ({}, {})


@pytest.mark.parametrize("stored", [True, False])
def test_only_event_candidates_that_could_pass_are_read_when_looked_up(stored):
    parade = make_tag(kind=TagKind.EVENT)
    mine = make_article(published_on=dt.date(2024, 5, 6), tags=[parade])

    near, others = event_candidates(mine, stored=stored)

    # An event (2) and one shared key (1) reach the same day's 3, not two days' 10.
    close = others["close"].pk
    assert (near.events, near.days_apart) == ({close: 1}, {close: 0})
    assert set(near.evidence) == {close}
    assert near.own == {(TagKind.EVENT, parade.pk)}


def test_a_changed_file_leaves_its_story_when_it_no_longer_copies(tmp_path):
    versions = three_outlets(tmp_path)
    changed = article_file(
        date="2024-05-07", source="Today.Az", headline="Else", body=wire_body(42)
    )

    import_files(tmp_path, {"todayaz.txt": changed})

    after = reloaded(versions)
    assert after["todayaz.txt"].story is None and after["todayaz.txt"].copy_of is None
    assert after["azernews.txt"].story == after["trend.txt"].story != None  # noqa: E711


def test_a_story_left_with_one_article_is_dissolved_when_its_copy_changes(tmp_path):
    body = wire_body(5)
    files = {
        "a.txt": article_file(date="2024-05-07", source="APA", headline="A", body=body),
        "b.txt": article_file(
            date="2024-05-07", source="Report", headline="B", body=body + "\n\nMore."
        ),
    }
    versions = import_files(tmp_path, files)
    files["b.txt"] = article_file(
        date="2024-05-07", source="Report", headline="B", body=wire_body(6)
    )

    import_files(tmp_path, files)

    assert Story.objects.count() == 0
    assert [a.story for a in reloaded(versions).values()] == [None, None]


def test_a_changed_file_gets_new_keys_and_no_stale_ones(tmp_path):
    versions = three_outlets(tmp_path)
    changed_body = f"{wire_body(42)}\n\nThe Samur crossing handled 4,500 trucks."

    import_files(
        tmp_path,
        {
            "todayaz.txt": article_file(
                date="2024-05-07", source="Today.Az", headline="Trucks", body=changed_body
            )
        },
    )

    held = set(
        ArticleBand.objects.filter(article=versions["todayaz.txt"]).values_list("band", flat=True)
    )
    stored = Article.objects.get(pk=versions["todayaz.txt"].pk)
    text = f"{stored.title}\n\n{stored.body}"
    day = stored.published_on
    events = {key_number(key, day) for key in event_keys(text, "en")}
    assert {key_number("name:smr", day), key_number("figure:4500", day)} <= events
    assert held == set(fingerprint(stored.body).band_keys()) | events


def test_a_fingerprint_counts_the_event_keys_its_article_holds_when_filed(tmp_path):
    versions = three_outlets(tmp_path)
    trend = versions["trend.txt"]

    held = ArticleBand.objects.filter(article=trend).count()

    assert trend.fingerprint.event_key_count == held - BANDS > 0


def test_an_article_deleted_takes_its_keys_and_fingerprint_with_it(tmp_path):
    versions = three_outlets(tmp_path)
    trend = versions["trend.txt"]

    Article.objects.filter(pk=trend.pk).delete()

    assert not ArticleBand.objects.filter(article_id=trend.pk).exists()
    assert not ArticleFingerprint.objects.filter(article_id=trend.pk).exists()
    assert ArticleBand.objects.filter(article=versions["azernews.txt"]).exists()


def test_a_curated_story_keeps_its_articles_when_the_files_are_imported_again(tmp_path):
    versions = three_outlets(tmp_path)
    story = versions["trend.txt"].story
    alone = Story.objects.create(is_curated=True)
    Article.objects.filter(pk=versions["todayaz.txt"].pk).update(story=alone, copy_of=None)
    Story.objects.filter(pk=story.pk).update(is_curated=True)
    touched = article_file(
        date="2024-05-07",
        source="Today.Az",
        headline="Freight schedule agreed",
        body=f"Today.az reports, citing Trend.\n\n{wire_body(7)}\n\nUpdated.",
    )

    import_files(tmp_path, {"todayaz.txt": touched})

    assert reloaded(versions)["todayaz.txt"].story == alone
    assert Article.objects.filter(story=story).count() == 2


def test_finding_candidate_copies_and_event_reports_is_one_query(
    tmp_path, django_assert_num_queries
):
    versions = three_outlets(tmp_path)
    trend = versions["trend.txt"]
    found, events = fingerprint(trend.body), {"name:smr"}

    with django_assert_num_queries(1):
        near = stories.neighbours(trend, found, events)

    assert set(near.copies) == {versions["azernews.txt"].pk, versions["todayaz.txt"].pk}


def test_filing_statements_are_logged_with_their_text_while_queries_are_logged(tmp_path):
    versions = three_outlets(tmp_path)
    trend = versions["trend.txt"]

    with CaptureQueriesContext(connection) as queries:
        stories.neighbours(trend, fingerprint(trend.body), {"name:smr"})

    assert queries.captured_queries
    assert all(isinstance(query["sql"], str) for query in queries.captured_queries)


def test_the_candidate_lookup_is_prepared_on_the_server_when_postgresql(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite caches its statements by their text itself")
    three_outlets(tmp_path)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans + custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE 'WITH held AS%%'"
        )
        runs = [count for (count,) in cursor.fetchall()]

    assert runs and sum(runs) >= 1


def test_a_new_source_takes_its_outlets_country_when_stored(tmp_path):
    three_outlets(tmp_path)

    assert Source.objects.get(name="Trend").country == "AZ"
