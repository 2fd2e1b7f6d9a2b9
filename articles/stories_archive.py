"""Stories for a whole archive: `group_stories` (store -> stories).

articles.stories files one article at a time, each with a few queries: right
for the importer, eleven times the bulk load itself for an archive loaded in
bulk (bench/RESULTS.md, "Stories"). When no article is filed yet (an archive
loaded in bulk, or `group_stories --rebuild`), `group_archive` files them all
with the same rules in one pass, earliest first, and writes by the batch:

- keys: each batch's fingerprints and band and event keys in one statement a
  table, as articles.stories indexes them for the importer's later lookups;
- candidates: kept in memory for the articles of the last COPY_DAYS (copies
  run within them, reports of one event within EVENT_DAYS), so finding an
  article's candidate copies and event reports asks the database nothing;
  undated articles, which may copy any article, come last and find theirs by
  one self-join of the key table a batch;
- groupings: copies and stories made in memory as articles.stories would make
  them one by one, then written once: the stories in one statement, each
  grouped article's story and original in one batch of updates.

A curated story keeps its articles, and a new article may join it, as in
articles.stories. Articles left unfiled among filed ones (an import cut short)
are filed one by one, as the importer files them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from django.db import connections, models, transaction

from articles.ingest.fingerprint import Fingerprint, fingerprint
from articles.models import Article, ArticleBand, ArticleFingerprint, Story
from articles.stories import (
    COPY_DAYS,
    DAY_PENALTY,
    EVENT_DAYS,
    EVENT_SCORE,
    MAX_CANDIDATES,
    MAX_EVENT_CANDIDATES,
    Evidence,
    event_texts,
    evidence_of,
    file_article,
    fingerprint_row,
    is_copy,
    keys_of,
    refresh_stories,
)

# Articles read, keyed and written per batch: a statement per table each.
BATCH = 1000
READ_FIELDS = ("title", "body", "language", "published_on", "date_precision", "story", "copy_of")
# Unfiled articles among filed ones are filed one by one, this many per transaction.
ONE_BY_ONE_BATCH = 500
# What filing an article one by one reads of it.
FILED_FIELDS = (*READ_FIELDS, "story__is_curated")


def group_archive(
    *, rebuild: bool = False, progress: Callable[[int], None] = lambda n: None
) -> int:
    """File every article not filed yet (an archive from before stories, or loaded
    in bulk), earliest first so originals precede their copies; with `rebuild`,
    forget every grouping the importer made and file them all again. Curated
    stories keep their articles either way. Returns how many articles were filed."""
    if rebuild:
        _forget_grouping()
    unfiled = Article.objects.exclude(
        models.Exists(ArticleBand.objects.filter(article=models.OuterRef("pk")))
    )
    # Decided before the first is filed: a pass over the whole archive needs it whole.
    everything = not ArticleBand.objects.exists()
    ids = list(unfiled.oldest_first().values_list("pk", flat=True))
    # A fingerprint without keys is a filing cut short: made again with them.
    ArticleFingerprint.objects.filter(article__in=unfiled).delete()
    if everything:
        _file_in_one_pass(ids, progress)
    else:
        _file_one_by_one(ids, progress)
    _analyze_keys()
    return len(ids)


def _file_one_by_one(ids: list[int], progress: Callable[[int], None]) -> None:
    for done, chunk in enumerate(_chunks(ids, ONE_BY_ONE_BATCH)):
        rows = Article.objects.filter(pk__in=chunk).select_related("story")
        by_pk = {a.pk: a for a in rows.only(*FILED_FIELDS)}
        # One transaction a batch: a commit per article cost as much as filing it.
        with transaction.atomic():
            for pk in chunk:
                file_article(by_pk[pk], is_new=True)
        progress(min(len(ids), (done + 1) * ONE_BY_ONE_BATCH))


def _analyze_keys() -> None:
    """Fresh statistics for the key index after filing many articles, and for the
    articles whose story and original the pass wrote: PostgreSQL, never having
    analysed the key table, scanned all of it for a candidate lookup; and an
    article row rewritten is no longer visible from the index alone until vacuumed
    (100k, half of them in stories: the list page's count read 12,000 rows from
    the table, 157 ms). SQLite's planner takes the key index regardless."""
    connection = connections[ArticleBand.objects.db]
    if connection.vendor != "postgresql":
        return
    models_touched = (ArticleBand, ArticleFingerprint, Article)
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models_touched)
    # VACUUM cannot run inside a transaction (the tests' own, or a caller's).
    vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{vacuum} {tables}")


def _forget_grouping() -> None:
    with transaction.atomic():
        ArticleBand.objects.all().delete()
        ArticleFingerprint.objects.all().delete()
        Article.objects.exclude(story__is_curated=True).update(story=None, copy_of=None)
        Story.objects.filter(is_curated=False).delete()


@dataclass
class Filed:
    """What the pass keeps of an article while later ones may match it."""

    pk: int
    published_on: dt.date | None
    found: Fingerprint | None
    events: set[str]
    evidence: Evidence
    # The date as a number, what the event index is keyed by (0: undated).
    day: int = field(init=False)

    def __post_init__(self) -> None:
        self.day = self.published_on.toordinal() if self.published_on else 0


@dataclass
class Groups:
    """Every article's original and story as the pass decides them; stories the pass
    makes have negative numbers until written, curated ones their own."""

    copy_of: dict[int, int | None] = field(default_factory=dict)
    copies: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    story: dict[int, int | None] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    published: dict[int, dt.date | None] = field(default_factory=dict)
    curated: set[int] = field(default_factory=set)
    stored: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    _new_story: Iterable[int] = field(default_factory=lambda: itertools.count(-1, -1))

    def add(self, article: Article) -> None:
        pk = article.pk
        self.published[pk] = article.published_on
        self.stored[pk] = (article.story_id, article.copy_of_id)
        self.copy_of[pk] = article.copy_of_id
        if article.copy_of_id:
            self.copies[article.copy_of_id].add(pk)
        self.story[pk] = article.story_id
        if article.story_id:
            self.members[article.story_id].add(pk)

    def order(self, pk: int) -> tuple:
        """articles.stories._publication_order: earliest first, undated last."""
        day = self.published[pk]
        return (day is None, day or dt.date.min, pk)

    def is_held(self, pk: int) -> bool:
        """In a curated story: the pass never moves it."""
        return self.story[pk] in self.curated

    def file(self, pk: int, copies: list[int], best_match: Callable[[], int | None]) -> None:
        """articles.stories.file_article's placing, once its copies are known: their
        story, else the best event match's (asked only then), else a new one."""
        free = [copy for copy in copies if not self.is_held(copy)]
        if free:
            self._root(pk, free)
        story = next((self.story[c] for c in sorted(free, key=self.order) if self.story[c]), None)
        joining = [pk, *free]
        match = None if story is not None else best_match()
        if story is None and match is not None:
            story = self.story[match] or next(self._new_story)
            joining.append(match)
        elif story is None and free:
            story = next(self._new_story)
        if story is not None:
            self._join(story, joining)

    def _root(self, pk: int, free: list[int]) -> None:
        """Every version points at the earliest, which points at none."""
        versions = {pk, *free, *(self.copy_of[c] for c in free if self.copy_of[c])}
        earliest = min(versions, key=self.order)
        for version in versions | set().union(*(self.copies[v] for v in versions)):
            self._point(version, None if version == earliest else earliest)

    def _point(self, pk: int, original: int | None) -> None:
        before = self.copy_of[pk]
        if before == original:
            return
        if before:
            self.copies[before].discard(pk)
        if original:
            self.copies[original].add(pk)
        self.copy_of[pk] = original

    def _join(self, story: int, articles: list[int]) -> None:
        """Into `story`, with every article of the stories they leave (a curated
        story keeps its own)."""
        movable = [a for a in articles if not (self.is_held(a) and self.story[a] != story)]
        left = {self.story[a] for a in movable} - {None, story} - self.curated
        moving = set(movable).union(*(self.members[s] for s in left))
        for pk in moving:
            old = self.story[pk]
            if old is not None:
                self.members[old].discard(pk)
            self.story[pk] = story
            self.members[story].add(pk)
        for gone in left:
            self.members.pop(gone, None)


class Window:
    """The filed articles of the last COPY_DAYS, indexed by band key and by event
    key and day."""

    def __init__(self) -> None:
        self.articles: deque[Filed] = deque()
        self.by_band: dict[int, list[int]] = defaultdict(list)
        self.by_event: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.filed: dict[int, Filed] = {}

    def move_to(self, day: dt.date) -> None:
        """Forget what is more than COPY_DAYS before `day`: nothing can match it now."""
        while self.articles and (day - self.articles[0].published_on).days > COPY_DAYS:
            old = self.articles.popleft()
            del self.filed[old.pk]
            for band in old.found.band_keys() if old.found else ():
                self._drop(self.by_band, band, old.pk)
            for key in old.events:
                self._drop(self.by_event, (key, old.day), old.pk)

    @staticmethod
    def _drop(index: dict, key, pk: int) -> None:
        holders = index[key]
        holders.remove(pk)
        if not holders:
            del index[key]

    def add(self, article: Filed) -> None:
        self.articles.append(article)
        self.filed[article.pk] = article
        for band in article.found.band_keys() if article.found else ():
            self.by_band[band].append(article.pk)
        for key in article.events:
            self.by_event[(key, article.day)].append(article.pk)

    def copies_of(self, article: Filed) -> list[int]:
        """articles.stories.neighbours and _copies_of: the most sharing band keys, verified."""
        if article.found is None:
            return []
        sharing = Counter(pk for band in article.found.band_keys() for pk in self.by_band[band])
        best = sorted(sharing, key=lambda pk: (-sharing[pk], pk))[:MAX_CANDIDATES]
        return [
            pk
            for pk in best
            if (theirs := self.filed[pk].found) is not None and is_copy(article.found, theirs)
        ]

    def event_match(self, article: Filed) -> int | None:
        """articles.stories.best_event_match: the best scored report of its event
        among those sharing its event keys on the days around its own (a key is
        looked up by day: a name most articles give is in the window's every day)."""
        sharing: Counter[int] = Counter()
        apart: dict[int, int] = {}
        for offset in range(-EVENT_DAYS, EVENT_DAYS + 1):
            for key in article.events:
                for pk in self.by_event.get((key, article.day + offset), ()):
                    sharing[pk] += 1
                    apart[pk] = abs(offset)
        chosen = sorted(sharing, key=lambda pk: (-sharing[pk], pk))[:MAX_EVENT_CANDIDATES]
        mine = article.evidence
        passing = []
        for pk in chosen:
            theirs = self.filed[pk].evidence
            score = mine.shared_score(theirs, sharing[pk])
            if score >= EVENT_SCORE + DAY_PENALTY * apart[pk] and mine.covered(theirs, score):
                passing.append((score, -pk))
        return -max(passing)[1] if passing else None


def _file_in_one_pass(ids: list[int], progress: Callable[[int], None]) -> None:
    """File the articles `ids` (earliest first: every article of an archive none of
    whose articles is filed) in one pass and one transaction: cut short, it
    leaves the archive as it was."""
    groups = Groups(curated=set(Story.objects.filter(is_curated=True).values_list("pk", flat=True)))
    window, undated = Window(), []
    with transaction.atomic():
        with _keys_indexed_after():
            for done, chunk in enumerate(_chunks(ids, BATCH)):
                evidence = evidence_of(chunk)
                filed = [_filed(a, groups, evidence[a.pk]) for a in _read(chunk)]
                for item in filed:
                    if item.published_on is None:
                        undated.append(item)
                        continue
                    window.move_to(item.published_on)
                    if not groups.is_held(item.pk):
                        best_match = partial(window.event_match, item)
                        groups.file(item.pk, window.copies_of(item), best_match)
                    window.add(item)
                _write_keys(filed)
                progress(min(len(ids), (done + 1) * BATCH))
        for chunk in _chunks(undated, BATCH):
            _file_undated(chunk, groups)
        _write_groups(groups)


def _filed(article: Article, groups: Groups, evidence: set[tuple[str, int]]) -> Filed:
    """What the pass keeps of `article`, which `groups` starts to follow."""
    groups.add(article)
    events = event_texts(article)
    found = fingerprint(article.body)
    return Filed(article.pk, article.published_on, found, events, Evidence(evidence, len(events)))


# The key table's indexes but its primary key and those of its constraints (PostgreSQL).
_PG_INDEXES = (
    "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "WHERE i.indrelid = %s::regclass AND NOT i.indisprimary "
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
)
# Its primary key, unique constraints and foreign keys (none since migration 0021).
_PG_CONSTRAINTS = (
    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') ORDER BY contype DESC, conname"
)
_SQLITE_INDEXES = (
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL"
)
# SQLite's page cache while the keys are written (KiB): the band index of 100k
# articles' keys, about 200 MB, stays in memory until the commit.
_SQLITE_CACHE_KIB = 512 * 1024


@contextmanager
def _keys_indexed_after() -> Iterator[None]:
    """The key table's indexes dropped while the (empty) table fills and built
    once, sorted, at the end, instead of taking 5.5M keys (100k articles) one
    random insert at a time: on PostgreSQL its primary key too.
    SQLite's primary key is its table (WITHOUT ROWID) and stays:
    a larger page cache keeps its pages in memory until the commit instead. (At
    100k on SQLite, under load 4-7, this and the single transaction changed little:
    461 s against 479 s; the pass's Python is most of its time.) Inside the
    caller's transaction: should the pass fail, its rollback puts the indexes back."""
    connection = connections[ArticleBand.objects.db]
    table = ArticleBand._meta.db_table
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_INDEXES, [table])
            indexes = cursor.fetchall()
            cursor.execute(_PG_CONSTRAINTS, [table])
            constraints = cursor.fetchall()
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            # Foreign keys checked as each key is written, not queued for the commit:
            # a table with checks waiting can be neither altered nor indexed.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        else:
            cursor.execute(_SQLITE_INDEXES, [table])
            indexes, constraints = cursor.fetchall(), []
            cursor.execute("PRAGMA cache_size")
            (cache_size,) = cursor.fetchone()
            cursor.execute(f"PRAGMA cache_size = {-_SQLITE_CACHE_KIB}")
        for name, _ in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    try:
        yield
        with connection.cursor() as cursor:
            for _, definition in indexes:
                cursor.execute(definition)
            for name, definition in constraints:
                constraint = f"CONSTRAINT {quote(name)} {definition}"
                cursor.execute(f"ALTER TABLE {quote(table)} ADD {constraint}")
    finally:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {cache_size}")


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _read(ids: list[int]) -> list[Article]:
    by_pk = Article.objects.filter(pk__in=ids).only(*READ_FIELDS).in_bulk()
    return [by_pk[pk] for pk in ids]


# ------------------------------------------------------------------ undated


def _file_undated(articles: list[Filed], groups: Groups) -> None:
    """Undated articles may copy an article of any day: their candidates are every
    filed article sharing band keys, from one self-join of the key table."""
    sharing = _sharing_bands([a.pk for a in articles])
    candidates = {pk for shared in sharing.values() for pk in shared}
    stored = ArticleFingerprint.objects.filter(article__in=candidates).values_list(
        "article", "signature", "shingle_count"
    )
    prints = {pk: Fingerprint.from_bytes(sig, count) for pk, sig, count in stored}
    for article in articles:
        if article.found is None or groups.is_held(article.pk):
            continue
        shared = sharing.get(article.pk, {})
        # Filed before it: every dated article, and the undated ones of lower number.
        earlier = [pk for pk in shared if groups.published.get(pk) or pk < article.pk]
        best = sorted(earlier, key=lambda pk: (-shared[pk], pk))[:MAX_CANDIDATES]
        copies = [pk for pk in best if pk in prints and is_copy(article.found, prints[pk])]
        groups.file(article.pk, copies, lambda: None)


def _sharing_bands(article_ids: list[int]) -> dict[int, dict[int, int]]:
    """For each of `article_ids`, the other articles sharing its keys, and how many."""
    connection = connections[ArticleBand.objects.db]
    table = connection.ops.quote_name(ArticleBand._meta.db_table)
    marks = ", ".join(["%s"] * len(article_ids))
    found: dict[int, dict[int, int]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT mine.article_id, theirs.article_id, COUNT(*) FROM {table} mine "
            f"JOIN {table} theirs ON theirs.band = mine.band "
            f"AND theirs.article_id <> mine.article_id "
            f"WHERE mine.article_id IN ({marks}) GROUP BY mine.article_id, theirs.article_id",
            article_ids,
        )
        for mine, theirs, count in cursor.fetchall():
            found[mine][theirs] = count
    return found


# ------------------------------------------------------------------ writing


def _write_keys(filed: list[Filed]) -> None:
    """A batch's fingerprints and keys, the rows articles.stories looks up later."""
    prints, keys = [], []
    for article in filed:
        held, event_key_count = keys_of(article.found, article.events, article.published_on)
        if held:
            prints.append((article.pk, *fingerprint_row(article.found), event_key_count))
        keys += [(key, article.pk) for key in held]
    # In the band index's order, so each row lands beside the one before.
    keys.sort()
    columns = ("article_id", "signature", "shingle_count", "event_key_count")
    with transaction.atomic():
        insert_rows(ArticleFingerprint, columns, prints)
        insert_rows(ArticleBand, ("band", "article_id"), keys)


def insert_rows(model: type[models.Model], columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Rows into a table in one statement: COPY on PostgreSQL (executemany sent
    the 5.5M keys of 100k articles a row at a time), executemany on SQLite.
    The bench's bulk path writes its tables with it too."""
    if not rows:
        return
    connection = connections[model.objects.db]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _write_groups(groups: Groups) -> None:
    """The stories the pass made (two articles or more), then every article whose
    story or original changed, in one transaction."""
    with transaction.atomic():
        made = {
            number: members
            for number, members in groups.members.items()
            if number < 0 and len(members) >= 2
        }
        firsts = {number: min(members, key=groups.order) for number, members in made.items()}
        titles = dict(Article.objects.filter(pk__in=firsts.values()).values_list("pk", "title"))
        stories = Story.objects.bulk_create(
            Story(title=titles[first][:500], first_published=groups.published[first])
            for first in firsts.values()
        )
        saved = dict(zip(firsts, (story.pk for story in stories), strict=True))
        changed = []
        for pk, (story, copy_of) in groups.stored.items():
            number = groups.story[pk]
            wanted = saved.get(number) if number is not None and number < 0 else number
            if (wanted, groups.copy_of[pk]) != (story, copy_of):
                changed.append((wanted, groups.copy_of[pk], pk))
        table = connections[Article.objects.db].ops.quote_name(Article._meta.db_table)
        with connections[Article.objects.db].cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET story_id = %s, copy_of_id = %s WHERE id = %s", changed
            )
        refresh_stories({groups.story[pk] for pk in groups.stored} & groups.curated)
