"""Stories: near-copies of one text, and articles about one event (store -> stories).

The store calls `file_article` for each article it writes, inside that file's
transaction; `group_stories` calls it for a whole archive. Grouping is
incremental: an article's candidates come from indexed lookups (its LSH band
keys for copies; its documents and tags within a few days for the event),
never from a pass over the archive.

Two groupings:
- copies: the estimated Jaccard similarity of two bodies' shingles (or the
  share of the shorter one the longer holds: a reprint cut short) passes a
  threshold measured on tests/stories/pairs (bench/stories.py). A copy points
  at the earliest version (`copy_of`) and shares its story.
- events: articles within EVENT_DAYS of each other that report the same
  documents (`Mention`) or name enough of the same people, organisations,
  places and events (tags), in any language, share a story.

A story a curator split or joined (`is_curated`) keeps its articles: the
importer never moves an article into or out of one, though a new article may join it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db import models, transaction

from articles.ingest.fingerprint import Fingerprint, fingerprint
from articles.models import (
    Article,
    ArticleBand,
    ArticleFingerprint,
    DatePrecision,
    Mention,
    Story,
    TagKind,
)

# Thresholds measured on tests/stories/pairs: bench/stories.py reports what they give.
COPY_SIMILARITY = 0.5
COPY_CONTAINMENT = 0.85
# A cut reprint still shares this much with the whole: below it, a shared quotation.
CUT_COPY_SIMILARITY = 0.3
# A reprint runs within days of its original; see _near_in_time.
COPY_DAYS = 14
# Candidates compared per article, most shared band keys first: a wire item has a few
# copies, a boilerplate paragraph hundreds of loose matches that this bounds.
MAX_CANDIDATES = 50

# Reports of one event are published within this many days of each other.
EVENT_DAYS = 2
# What each shared thing says about two articles reporting one event. Topics
# ("trade", "energy") say nothing: every day's news shares them.
EVENT_WEIGHTS = {
    "agreement": 3.0,
    TagKind.EVENT: 2.0,
    TagKind.PERSON: 1.0,
    TagKind.ORGANISATION: 1.0,
    TagKind.PLACE: 0.5,
}
EVENT_SCORE = 3.0
# The shared things must also be a good part of what each reports: two long
# round-ups naming everyone share much and report different things.
EVENT_OVERLAP = 0.4
MAX_EVENT_CANDIDATES = 200


def file_article(article: Article, *, is_new: bool = False) -> None:
    """Fingerprint `article` and place it: its copies, its story. The caller holds
    the file's transaction; its tags and mentions are stored already. A new
    article has no fingerprint, story or copies to undo."""
    with transaction.atomic():
        if not is_new:
            _leave_groups(article)
        found = _refresh_fingerprint(article, is_new=is_new)
        if _in_curated_story(article):
            return
        copies = _copies_of(article, found) if found else []
        _root_copies(article, copies)
        story = _story_for(article, copies)
        if story is not None:
            _join(story, [article, *copies])


# ------------------------------------------------------------------ fingerprints


def _refresh_fingerprint(article: Article, *, is_new: bool) -> Fingerprint | None:
    """The article's signature and band keys, replacing any it had."""
    if not is_new:
        ArticleBand.objects.filter(article=article).delete()
        ArticleFingerprint.objects.filter(article=article).delete()
    found = fingerprint(article.body)
    if found is None:
        return None
    ArticleFingerprint.objects.create(
        article=article, signature=found.to_bytes(), shingle_count=found.shingle_count
    )
    ArticleBand.objects.bulk_create(
        ArticleBand(article=article, band=key) for key in set(found.band_keys())
    )
    return found


def candidate_ids(article: Article, found: Fingerprint) -> list[int]:
    """Articles sharing a band key with `article`, most shared keys first: one
    grouped lookup in the band index."""
    rows = (
        ArticleBand.objects.filter(band__in=set(found.band_keys()))
        .exclude(article=article)
        .values("article")
        .annotate(shared=models.Count("*"))
        .order_by("-shared", "article")[:MAX_CANDIDATES]
    )
    return [row["article"] for row in rows]


def is_copy(mine: Fingerprint, theirs: Fingerprint) -> bool:
    similarity = mine.similarity(theirs)
    if similarity >= COPY_SIMILARITY:
        return True
    return similarity >= CUT_COPY_SIMILARITY and mine.containment(theirs) >= COPY_CONTAINMENT


def _copies_of(article: Article, found: Fingerprint) -> list[Article]:
    """The stored articles whose text `article` nearly copies, or that copy it."""
    ids = candidate_ids(article, found)
    if not ids:
        return []
    stored = ArticleFingerprint.objects.filter(article__in=ids).values_list(
        "article", "signature", "shingle_count", "article__published_on"
    )
    matching = [
        pk
        for pk, signature, count, published_on in stored
        if _near_in_time(article.published_on, published_on)
        and is_copy(found, Fingerprint.from_bytes(signature, count))
    ]
    rows = Article.objects.filter(pk__in=matching).select_related("story")
    return list(rows.defer("original", "body"))


def _near_in_time(day: dt.date | None, other: dt.date | None) -> bool:
    """Copies run within COPY_DAYS of each other: an official text that reads the
    same a year later (a commission's annual communiqué) reports another meeting."""
    return day is None or other is None or abs((day - other).days) <= COPY_DAYS


def _root_copies(article: Article, copies: list[Article]) -> None:
    """Every version points at the earliest one, which points at none; copies
    a curator moved into a story of their own are left where they are."""
    free = [copy for copy in copies if not (copy.story and copy.story.is_curated)]
    if not free:
        return
    roots = {copy.copy_of_id for copy in free if copy.copy_of_id}
    versions = {a.pk: a for a in [article, *free, *Article.objects.filter(pk__in=roots)]}
    earliest = min(versions.values(), key=_publication_order)
    for version in versions.values():
        wanted = None if version.pk == earliest.pk else earliest.pk
        if version.copy_of_id != wanted:
            version.copy_of_id = wanted
            Article.objects.filter(pk=version.pk).update(copy_of=wanted)
    Article.objects.filter(copy_of__in=versions.keys()).exclude(pk=earliest.pk).update(
        copy_of=earliest.pk
    )
    copies[:] = free


def _publication_order(article: Article) -> tuple:
    """Earliest first, undated last, then the first stored."""
    return (article.published_on is None, article.published_on or dt.date.min, article.pk)


# ------------------------------------------------------------------ events


def _story_for(article: Article, copies: list[Article]) -> Story | None:
    """The story `article` belongs in: its copies', else the best event match's;
    a new story when the match has none, None when it stands alone."""
    for copy in sorted(copies, key=_publication_order):
        if copy.story_id:
            return copy.story
    match = best_event_match(article)
    if match is not None:
        return match.story or Story()
    return Story() if copies else None


def best_event_match(article: Article) -> Article | None:
    """The stored article that most surely reports the event `article` reports."""
    if article.published_on is None or article.date_precision != DatePrecision.DAY:
        return None
    mine = evidence_of([article.pk])[article.pk]
    if not mine:
        return None
    candidates = _event_candidates(article, mine)
    theirs = evidence_of(candidates)
    scored = [(event_score(mine, theirs[pk]), pk) for pk in candidates]
    passing = [(score, pk) for score, pk in scored if score >= EVENT_SCORE]
    if not passing:
        return None
    best = max(passing, key=lambda item: (item[0], -item[1]))[1]
    return Article.objects.select_related("story").defer("original", "body").get(pk=best)


def _event_candidates(article: Article, mine: set[tuple[str, int]]) -> list[int]:
    """Articles dated within EVENT_DAYS of `article` sharing a document or tag with it."""
    day = article.published_on
    window = Article.objects.filter(
        published_on__range=(
            day - dt.timedelta(days=EVENT_DAYS),
            day + dt.timedelta(days=EVENT_DAYS),
        ),
        date_precision=DatePrecision.DAY,
    ).exclude(pk=article.pk)
    agreements = [pk for kind, pk in mine if kind == "agreement"]
    tags = [pk for kind, pk in mine if kind != "agreement"]
    shares = models.Exists(
        Article.tags.through.objects.filter(article=models.OuterRef("pk"), tag__in=tags)
    ) | models.Exists(
        Mention.objects.filter(article=models.OuterRef("pk"), agreement__in=agreements)
    )
    return list(window.filter(shares).values_list("pk", flat=True)[:MAX_EVENT_CANDIDATES])


def evidence_of(article_ids: Iterable[int]) -> dict[int, set[tuple[str, int]]]:
    """Each article's documents and the tags that weigh (not topics) as (kind, id)
    pairs, two queries for all."""
    ids = list(article_ids)
    found: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for article_id, agreement_id in Mention.objects.filter(article__in=ids).values_list(
        "article", "agreement"
    ):
        found[article_id].add(("agreement", agreement_id))
    tags = Article.tags.through.objects.filter(article__in=ids).values_list(
        "article", "tag", "tag__kind"
    )
    for article_id, tag_id, kind in tags:
        if EVENT_WEIGHTS.get(kind):
            found[article_id].add((kind, tag_id))
    return {pk: found[pk] for pk in ids}


def event_score(mine: set[tuple[str, int]], theirs: set[tuple[str, int]]) -> float:
    """The weight of what both report, or 0 when it is a small part of either."""
    weight = _weight(mine & theirs)
    if not weight or weight < EVENT_OVERLAP * min(_weight(mine), _weight(theirs)):
        return 0.0
    return weight


def _weight(things: set[tuple[str, int]]) -> float:
    return sum(EVENT_WEIGHTS.get(kind, 0.0) for kind, _ in things)


# ------------------------------------------------------------------ membership


def _in_curated_story(article: Article) -> bool:
    return (
        article.story_id is not None
        and Story.objects.filter(pk=article.story_id, is_curated=True).exists()
    )


def _join(story: Story, articles: list[Article]) -> None:
    """Put `articles` in `story`, with the stories they leave emptied of them;
    an article in a curated story stays there."""
    if story.pk is None:
        story.save()
    movable = [
        a for a in articles if not (a.story and a.story.is_curated and a.story_id != story.pk)
    ]
    left = {a.story_id for a in movable if a.story_id and a.story_id != story.pk}
    Article.objects.filter(pk__in=[a.pk for a in movable]).update(story=story)
    for article in movable:
        article.story = story
    # A story the copies leave follows them whole: copies are never split by the importer.
    Article.objects.filter(story__in=left, story__is_curated=False).update(story=story)
    refresh_stories([story.pk, *left])


def _leave_groups(article: Article) -> None:
    """A changed article is placed afresh: out of its story (unless a curator put it
    there) and no longer the version its copies point at."""
    if article.story_id and not _in_curated_story(article):
        old = article.story_id
        Article.objects.filter(pk=article.pk).update(story=None, copy_of=None)
        article.story, article.story_id, article.copy_of_id = None, None, None
        refresh_stories([old])
    reroot_copies_of([article.pk])


def reroot_copies_of(article_ids: Iterable[int]) -> None:
    """The copies of these articles point at the earliest of themselves instead."""
    for original in article_ids:
        copies = sorted(
            Article.objects.filter(copy_of=original).defer("original", "body"),
            key=_publication_order,
        )
        if not copies:
            continue
        first, *rest = copies
        Article.objects.filter(pk=first.pk).update(copy_of=None)
        Article.objects.filter(pk__in=[a.pk for a in rest]).update(copy_of=first.pk)


def refresh_stories(story_ids: Iterable[int]) -> None:
    """Each story's title and first date follow its earliest article; a story the
    importer made that holds one article or none is dissolved (a curator's stays)."""
    for story in Story.objects.filter(pk__in=set(story_ids)):
        members = Article.objects.filter(story=story).defer("original", "body")
        if len(members) < 2 and not story.is_curated:
            members.update(story=None)
            story.delete()
            continue
        if not members:
            continue
        earliest = min(members, key=_publication_order)
        Story.objects.filter(pk=story.pk).update(
            title=earliest.title[:500], first_published=earliest.published_on
        )
