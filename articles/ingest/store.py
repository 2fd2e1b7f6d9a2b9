"""The only writer: one parsed file becomes one Article, in one transaction of
its own (store) or in a savepoint of a batch's transaction (store_batch)
(read -> parse -> extract -> store).

Re-importing the same bytes writes nothing; changed bytes keep the earlier
original as a Revision, and whatever a curator fixed stays as they left it.
Sources, tags and agreements are looked up through a per-run cache so a big
folder costs a few queries per file, not one per tag.

Two imports may run at once. A file's transaction first takes a lock on its
article's origin (PostgreSQL: an advisory lock; SQLite: its one writer lock),
shared rows (sources, tags, agreements, slugs) are made inside savepoints that
look again when another import made the same row first, and a transaction
that still lost a race (a unique violation, a deadlock, a locked SQLite file)
is run again from the start, a bounded number of times.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from django.db import DatabaseError, IntegrityError, OperationalError, connections, transaction
from django.db.models import Q

from articles import changes, stories, vocabulary
from articles.ingest.document import (
    BILATERAL_PARTIES,
    AgreementMention,
    ParsedArticle,
    Precision,
    PublishedDate,
    TagMention,
)
from articles.ingest.events import EventMention, extract_events
from articles.ingest.pipeline import Extracted
from articles.ingest.register import (
    REGISTER_PATH,
    Register,
    closest_key,
    file_entries,
    parse_entry,
)
from articles.ingest.sources import default_sources
from articles.models import (
    Agreement,
    AgreementKey,
    AgreementStatus,
    Article,
    Event,
    Mention,
    Revision,
    Source,
    SourceAlias,
    Tag,
    TagAlias,
    unique_slug,
)
from articles.search import tiers

# A file's transaction is tried this often before its race is reported as its failure.
ATTEMPTS = 4
RETRY_PAUSE_SECONDS = 0.05
# Merges move an agreement's keys to the survivor: this key keeps its register entry with it.
REGISTER_KEY_PREFIX = "register:"

Row = TypeVar("Row")
Result = TypeVar("Result")


class Status(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True)
class Original:
    """A file's bytes and where they were read from."""

    origin: str
    file_path: str
    data: bytes
    sha256: str
    encoding: str


@dataclass
class LookupCache:
    """Ids of rows already found or made in this run, by their natural keys."""

    sources: dict[str, int] = field(default_factory=dict)
    tags: dict[tuple[str, str], int] = field(default_factory=dict)
    agreements: dict[str, int] = field(default_factory=dict)
    # Every stored agreement key, for fuzzy matching; read once per run.
    agreement_keys: set[str] | None = None
    # The register of known documents extraction matches against (prepare_register).
    register: Register | None = None
    # Article slugs taken, by the slug their title gives (ArticleSlugs).
    article_slugs: ArticleSlugs = field(default_factory=lambda: ArticleSlugs())

    def copy(self) -> LookupCache:
        """Another cache to write to, starting with what this one knows."""
        return LookupCache(
            dict(self.sources), dict(self.tags), dict(self.agreements),
            self.agreement_keys, self.register, self.article_slugs,
        )  # fmt: skip


@dataclass
class ArticleSlugs:
    """The slugs of articles whose titles share a slug, read once per run: a
    news archive repeats titles ("Azerbaijan, Russia discuss cooperation"), and
    unique_slug read every "title-N" taken for each new article, thousands of
    rows a file at 10k articles. Only a hint: a slug another import took since
    makes the insert fail, and the run reads that title's slugs again."""

    taken: dict[str, set[str]] = field(default_factory=dict)
    # The lowest suffix that may be free, per base slug: slugs are only ever added.
    lowest: dict[str, int] = field(default_factory=dict)

    def new(self, title: str) -> str:
        """unique_slug's answer: the title's slug, else the first "slug-N" not taken."""
        base = _slug_of(title)
        if base not in self.taken:
            self.taken[base], self.lowest[base] = _slugs_like(base), 2
        taken, candidate, n = self.taken[base], base, self.lowest[base]
        if candidate in taken:
            while (candidate := f"{base}-{n}") in taken:
                n += 1
            self.lowest[base] = n
        taken.add(candidate)
        return candidate

    def forget(self, title: str) -> None:
        """After a failed insert: read the slugs of this title again next time."""
        self.taken.pop(_slug_of(title), None)


def _slugs_like(base: str) -> set[str]:
    """`base` and every "base-…" taken, through the slug index on either database."""
    articles = Article.objects.all()
    if connections[articles.db].vendor == "sqlite":
        # SQLite's LIKE reads the whole index; in its byte order "-" comes just before ".".
        numbered = Q(slug__gte=f"{base}-", slug__lt=f"{base}.")
    else:
        numbered = Q(slug__startswith=f"{base}-")  # the slug's pattern index answers it
    return set(articles.filter(Q(slug=base) | numbered).values_list("slug", flat=True))


def _slug_of(title: str) -> str:
    # unique_slug over no rows: the title's own slug, as unique_slug makes it.
    return unique_slug(Article.objects.none(), title, fallback="article")


def archive_tables_exist() -> bool:
    """Whether the database was migrated: a dry run on a fresh one still shows the parse."""
    return Article._meta.db_table in connections[Article.objects.db].introspection.table_names()


@dataclass(frozen=True)
class Stored:
    """What storing a file did (or would do), and a note on why, for its report line."""

    status: Status
    note: str = ""


def planned_status(*, original: Original) -> tuple[Status, str]:
    """What storing this file would do, without writing: for --dry-run and to skip work."""
    planned = planned_statuses([original])[0]
    return planned.status, planned.note


def planned_statuses(originals: list[Original]) -> list[Stored]:
    """What storing each file would do: UNCHANGED (with a note when its bytes
    are another article's), UPDATED or IMPORTED. One query for them all: the
    rows with these identities or these bytes (both unique)."""
    rows = Article.objects.filter(
        Q(origin__in={original.origin for original in originals})
        | Q(sha256__in={original.sha256 for original in originals})
    ).values_list("origin", "sha256")
    by_origin = dict(rows)
    by_sha256: dict[str, list[str]] = {}
    for origin, sha256 in rows:
        by_sha256.setdefault(sha256, []).append(origin)
    return [_planned(original, by_origin, by_sha256) for original in originals]


def _planned(original, by_origin: dict[str, str], by_sha256: dict[str, list[str]]) -> Stored:
    current = by_origin.get(original.origin)
    if current == original.sha256:
        return Stored(Status.UNCHANGED)
    twin = next((o for o in by_sha256.get(original.sha256, ()) if o != original.origin), None)
    if twin is not None:
        return Stored(Status.UNCHANGED, _same_bytes_as(twin))
    return Stored(Status.UPDATED if current else Status.IMPORTED)


def _same_bytes_as(twin: str) -> str:
    return f"same bytes as {twin}, already in the archive"


def store(
    *, original: Original, extracted: Extracted, cache: LookupCache, now: dt.datetime
) -> Status:
    """Write one file's article in a transaction of its own; the caller has
    checked planned_status first.

    Another import may have stored the same file since: then nothing is written.
    """
    return _store_alone(original, extracted, cache, now).status


def _store_alone(original, extracted, cache, now) -> Stored:
    def attempt() -> tuple[Stored, LookupCache]:
        found = LookupCache()
        return _store_once(original, extracted, cache, found, now), found

    # A row this run remembered may have been merged away meanwhile: look it up again.
    stored, found = _retrying(attempt, before_retry=lambda: _forget(cache))
    # Only rows that were committed may be remembered for the next file.
    _merge_cache(cache, found)
    return stored


def store_batch(
    files: list[tuple[Original, Extracted]], *, cache: LookupCache, now: dt.datetime
) -> list[Stored | Exception]:
    """Write many files in one transaction, each in a savepoint of its own: what
    each did, or the exception that rolled it back alone.

    One commit for the batch instead of one per file, yet each file is whole or
    absent: a kill before the commit leaves none of the batch. A file that lost
    a race to a concurrent import, and every file of a batch whose transaction
    itself failed, is stored again alone after it, with store()'s retries.
    """
    planned = planned_statuses([original for original, _ in files])
    try:
        results, found, alone = _store_together(files, planned, cache, now)
    except DatabaseError:  # the transaction itself (its start or its commit) failed
        results, found = list(planned), LookupCache()
        alone = [i for i, stored in enumerate(planned) if stored.status is not Status.UNCHANGED]
    _merge_cache(cache, found)
    for index in alone:
        try:
            results[index] = _store_alone(*files[index], cache, now)
        except Exception as error:
            results[index] = error
    return results


def _store_together(files, planned, cache, now):
    """The batch's transaction: each file's result, the rows found or made, and
    the files that lost a race (to be stored alone)."""
    results: list[Stored | Exception] = list(planned)
    found, alone = LookupCache(), []
    # The batch's word counts, written once before it commits (articles.vocabulary).
    words = vocabulary.Tally()
    with transaction.atomic():
        for index, (original, extracted) in enumerate(files):
            if planned[index].status is Status.UNCHANGED:
                continue
            mine = found.copy()  # what this file finds is forgotten if it rolls back
            try:
                with vocabulary.tallied(vocabulary.Tally()) as its_words:
                    results[index] = _store_once(original, extracted, cache, mine, now)
            except Exception as error:  # its savepoint is rolled back: the others stay
                if isinstance(error, DatabaseError) and _lost_a_race(error):
                    alone.append(index)
                else:
                    results[index] = error
            else:
                found = mine
                words.update(its_words)
        words.write(using=transaction.get_connection().alias)
    return results, found, alone


def _retrying(
    transaction_: Callable[[], Result], *, before_retry: Callable[[], None] = lambda: None
) -> Result:
    """Run a whole transaction again when it lost a race to a concurrent writer."""
    for attempt in range(1, ATTEMPTS):
        try:
            return transaction_()
        except (IntegrityError, OperationalError) as error:
            if not _lost_a_race(error):
                raise
            time.sleep(RETRY_PAUSE_SECONDS * attempt)
            before_retry()
    return transaction_()


# What the two databases say when another writer got there first or holds the lock;
# a check constraint or a bad value is no race and fails at once.
RACE_MESSAGES = (
    "unique",  # SQLite: UNIQUE constraint failed
    "duplicate key",  # PostgreSQL: duplicate key value violates unique constraint
    "foreign key",  # a row this transaction points at was deleted (a merge)
    "deadlock",
    "could not serialize",
    "database is locked",  # SQLite: another process held the write lock past the timeout
)


def _lost_a_race(error: Exception) -> bool:
    message = str(error).lower()
    return any(words in message for words in RACE_MESSAGES)


def _store_once(original, extracted, cache, found, now) -> Stored:
    with transaction.atomic():
        _lock_origin(original.origin)
        article, twin = _stored_as(original)
        if article is not None and article.sha256 == original.sha256:
            return Stored(Status.UNCHANGED)
        if twin is not None:  # these bytes are another page's already
            return Stored(Status.UNCHANGED, _same_bytes_as(twin))
        if article is None:
            article, relations, placing = _create_article(original, extracted, cache, found, now)
            _add_relations(article, extracted, relations)
            vocabulary.count_article(article)
            tiers.keep_articles([article.pk], using=article._state.db)
            placing.file()
            return Stored(Status.IMPORTED)
        with vocabulary.recounted(article):
            _update_article(article, original, extracted, cache, found, now)
        _replace_relations(article, extracted, cache, found)
        tiers.keep_articles([article.pk], using=article._state.db)
        stories.file_article(article)
        return Stored(Status.UPDATED)


def _lock_origin(origin: str) -> None:
    """Serialise the writers of one article: the second waits for the first to commit.

    SQLite's IMMEDIATE transactions already hold the database's one write lock.
    """
    connection = connections[Article.objects.db]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [origin])


def _stored_as(original: Original) -> tuple[Article | None, str | None]:
    """The article with this file's identity, and the origin of another holding
    its bytes: one query, as both columns are unique."""
    rows = Article.objects.filter(Q(origin=original.origin) | Q(sha256=original.sha256))
    article, twin = None, None
    for row in rows:
        if row.origin == original.origin:
            article = row
        else:
            twin = row.origin
    return article, twin


def _get_or_make(find: Callable[[], Row | None], make: Callable[[], Row]) -> Row:
    """A shared row another import may be making at this moment: look, make it in a
    savepoint, and when the other import won the race, look again."""
    for _ in range(ATTEMPTS):
        row = find()
        if row is not None:
            return row
        try:
            with transaction.atomic():
                return make()
        except IntegrityError:
            continue
    raise IntegrityError("a row kept colliding with a concurrent import's")


def _article_fields(extracted: Extracted, cache: LookupCache, found: LookupCache) -> dict:
    parsed = extracted.article
    return {
        "title": parsed.title,
        "published_on": parsed.published.value,
        "date_precision": parsed.published.precision.value,
        "source_id": _source_id(parsed.source, cache, found) if parsed.source else None,
        "byline": parsed.byline,
        "language": parsed.language,
        "documents_signed": extracted.documents_signed,
    }


def _create_article(
    original, extracted, cache, found, now
) -> tuple[Article, Relations, stories.Placing]:
    """The new article's row, written with the story and original it is placed in
    (articles.stories.place_new); its relations, to be written; what is left of
    its placing. Shared rows (its source, tags, agreements) are found or made in
    the order they always were."""
    fields = _article_fields(extracted, cache, found)
    relations = _relations_of(extracted, cache, found)
    article = Article(
        **fields,
        is_title_derived=extracted.article.title_derived,
        body=extracted.article.body,
        origin=original.origin,
        file_path=original.file_path,
        original=original.data,
        sha256=original.sha256,
        encoding=original.encoding,
        imported_at=now,
        changed_at=now,
    )
    unstored = stories.Unstored(relations.tag_ids, list(relations.mentions))
    placing = stories.place_new(article, unstored=unstored)

    def make() -> Article:
        article.slug = cache.article_slugs.new(fields["title"])
        try:
            article.save(force_insert=True)
        except IntegrityError:
            cache.article_slugs.forget(fields["title"])
            raise
        return article

    # The origin is locked: only a slug taken meanwhile by another article can collide.
    return _get_or_make(lambda: None, make), relations, placing


def _update_article(article: Article, original, extracted, cache, found, now) -> None:
    _keep_revision(article, original, now)
    fields = _article_fields(extracted, cache, found)
    for name, value in fields.items():
        if not article.is_curated(name.removesuffix("_id")):
            setattr(article, name, value)
    if not article.is_curated("title"):
        article.is_title_derived = extracted.article.title_derived
    article.body = extracted.article.body
    article.file_path = original.file_path
    article.original = original.data
    article.sha256 = original.sha256
    article.encoding = original.encoding
    article.changed_at = now
    article.save()


def _keep_revision(article: Article, original: Original, now: dt.datetime) -> None:
    """The current original becomes a revision; the caller replaces it with other bytes.

    A file changed back to bytes it held before makes that revision current
    again: the article holds those bytes now, and no revision repeats them.
    """
    Revision.objects.filter(article=article, sha256=original.sha256).delete()
    Revision.objects.get_or_create(
        article=article,
        sha256=article.sha256,
        defaults={
            "original": bytes(article.original),
            "encoding": article.encoding,
            "file_path": article.file_path,
            "imported_at": article.changed_at,
            "superseded_at": now,
        },
    )


def _source_id(name: str, cache: LookupCache, found: LookupCache) -> int:
    if name in cache.sources:
        return cache.sources[name]
    if name in found.sources:
        return found.sources[name]

    def find() -> int | None:
        return (
            Source.objects.filter(name__iexact=name).values_list("pk", flat=True).first()
            or SourceAlias.objects.filter(name__iexact=name)
            .values_list("source", flat=True)
            .first()
        )

    def make() -> int:
        slug = unique_slug(Source.objects.all(), name, fallback="source")
        outlet = default_sources().outlet(name)
        country = outlet.country if outlet else ""
        return Source.objects.create(name=name, slug=slug, country=country).pk

    found.sources[name] = _get_or_make(find, make)
    return found.sources[name]


def _credit_ids(extracted: Extracted, cache: LookupCache, found: LookupCache) -> list[int]:
    """The agencies the text cites, as sources; never its publisher again."""
    publisher = extracted.article.source
    credited = {_source_id(name, cache, found) for name in extracted.article.credits}
    # Under another of its names ("Trend" and "Trend News Agency"), still the publisher.
    credited.discard(_source_id(publisher, cache, found) if publisher else None)
    return sorted(credited)


def _tag_ids(mentions: tuple[TagMention, ...], cache: LookupCache, found: LookupCache) -> list[int]:
    wanted = {(m.name, m.kind.value) for m in mentions}
    missing = wanted - cache.tags.keys()
    if missing:
        _find_tags(missing, found)
        # Sorted, so two imports making the same new tags take their locks in one order.
        for name, kind in sorted(missing - found.tags.keys()):
            found.tags[(name, kind)] = _get_or_make(
                lambda name=name, kind=kind: _found_tag(name, kind),
                lambda name=name, kind=kind: _make_tag(name, kind),
            )
    return sorted({cache.tags.get(key) or found.tags[key] for key in wanted})


def _find_tags(missing: set[tuple[str, str]], found: LookupCache) -> None:
    names = {name for name, _ in missing}
    # A tag's own name first, then the names curators merged into it.
    for rows in (
        Tag.objects.filter(name__in=names).values_list("name", "kind", "pk"),
        TagAlias.objects.filter(name__in=names).values_list("name", "kind", "tag"),
    ):
        for name, kind, pk in rows:
            if (name, kind) in missing:
                found.tags.setdefault((name, kind), pk)


def _found_tag(name: str, kind: str) -> int | None:
    found = LookupCache()
    _find_tags({(name, kind)}, found)
    return found.tags.get((name, kind))


def _make_tag(name: str, kind: str) -> int:
    slug = unique_slug(Tag.objects.all(), name, fallback="tag")
    return Tag.objects.create(name=name, kind=kind, slug=slug).pk


@dataclass(frozen=True)
class Relations:
    """A new article's tags, credits and documents (by agreement, the mention that
    names it first), found or made before its row is written: filing it weighs them."""

    tag_ids: list[int]
    credit_ids: list[int]
    mentions: dict[int, AgreementMention]


def _relations_of(extracted: Extracted, cache: LookupCache, found: LookupCache) -> Relations:
    return Relations(
        _tag_ids(extracted.tags, cache, found),
        _credit_ids(extracted, cache, found),
        _mentioned(extracted, cache, found),
    )


def _add_relations(article: Article, extracted: Extracted, relations: Relations) -> None:
    """A new article's tags, credits and mentions: plain inserts, nothing to compare with
    (a related manager's add() would first read which rows exist)."""
    ArticleTag = Article.tags.through
    ArticleTag.objects.bulk_create(
        ArticleTag(article_id=article.pk, tag_id=tag_id) for tag_id in relations.tag_ids
    )
    ArticleCredit = Article.credits.through
    ArticleCredit.objects.bulk_create(
        ArticleCredit(article_id=article.pk, source_id=source_id)
        for source_id in relations.credit_ids
    )
    Mention.objects.bulk_create(_mentions_of(article, relations.mentions))
    Event.objects.bulk_create(_new_events(article, extracted.events))


def _replace_relations(article: Article, extracted: Extracted, cache, found) -> None:
    """A changed article's relations follow the file, unless a curator owns them."""
    if "tags" not in article.curated_fields:
        article.tags.set(_tag_ids(extracted.tags, cache, found))
    if "credits" not in article.curated_fields:
        article.credits.set(_credit_ids(extracted, cache, found))
    if "events" not in article.curated_fields:
        Event.objects.filter(article=article).delete()
        Event.objects.bulk_create(_new_events(article, extracted.events))
    if "agreements" in article.curated_fields:
        return
    mentions = _new_mentions(article, extracted, cache, found)
    wanted = {mention.agreement_id for mention in mentions}
    Mention.objects.filter(article=article).exclude(agreement_id__in=wanted).delete()
    kept = set(Mention.objects.filter(article=article).values_list("agreement_id", flat=True))
    Mention.objects.bulk_create(m for m in mentions if m.agreement_id not in kept)


def _new_events(article: Article, events: Iterable[EventMention]) -> list[Event]:
    """The events the file reports; extraction has already kept one per kind and date."""
    return [
        Event(
            article=article,
            kind=event.kind.value,
            happened_on=event.happened_on,
            precision=event.precision.value,
            is_planned=event.is_planned,
            sentence=event.sentence,
            date_note=event.date_note[:300],
        )
        for event in events
    ]


def extract_stored_events(*, batch_size: int = 500) -> int:
    """Read every stored article's events again from its clean text and date, a
    batch of articles to a transaction; return how many events it wrote. For an
    archive imported before events were kept, or after their rules changed: a
    file imported again unchanged is not read again. A curator's events stay."""
    total, last_pk = 0, 0
    stored = Article.objects.order_by("pk").only(
        "title", "body", "published_on", "date_precision", "curated_fields"
    )
    while batch := list(stored.filter(pk__gt=last_pk)[:batch_size]):
        last_pk = batch[-1].pk
        owned = [article for article in batch if not article.is_curated("events")]
        rows = [row for article in owned for row in _new_events(article, _events_of(article))]
        with transaction.atomic():
            Event.objects.filter(article__in=owned).delete()
            Event.objects.bulk_create(rows)
        total += len(rows)
    # Bulk writes send no signals: pages cached until the archive changes must know.
    changes.archive_changed()
    return total


def _events_of(article: Article) -> list[EventMention]:
    published = PublishedDate(article.published_on, Precision(article.date_precision))
    parsed = ParsedArticle(
        title=article.title, title_derived=False, body=article.body, published=published
    )
    return extract_events(parsed)


def _new_mentions(article: Article, extracted: Extracted, cache, found) -> list[Mention]:
    return _mentions_of(article, _mentioned(extracted, cache, found))


def _mentioned(extracted: Extracted, cache, found) -> dict[int, AgreementMention]:
    """The agreements named, each with the first sentence that names it."""
    by_agreement: dict[int, AgreementMention] = {}
    for mention in extracted.agreements:
        agreement_id = _agreement_id(mention, extracted.article.language, cache, found)
        by_agreement.setdefault(agreement_id, mention)
    return by_agreement


def _mentions_of(article: Article, by_agreement: dict[int, AgreementMention]) -> list[Mention]:
    """One Mention per agreement named."""
    return [
        Mention(
            article=article,
            agreement_id=agreement_id,
            sentence=mention.sentence,
            is_signed=mention.is_signed,
            signed_on=mention.signed_on,
            date_note=mention.date_note[:300],
        )
        for agreement_id, mention in by_agreement.items()
    ]


def _agreement_id(
    mention: AgreementMention, language: str, cache: LookupCache, found: LookupCache
) -> int:
    """The agreement this mention names: its register entry, a key it was stored
    under, a close enough key, or else a new one suggested for a curator.

    A key a curator merged away points at the survivor, and a rejected
    agreement stays rejected: the importer never re-suggests either.
    """
    known = cache.agreements.get(mention.key) or found.agreements.get(mention.key)
    if known:
        return known
    agreement_id = _registered_id(mention.register_key) or _keyed_id(mention.key)
    if agreement_id is None:
        agreement_id = _closest_id(mention.key, cache)
        if agreement_id is None:
            # _suggest stores the key with the new agreement.
            agreement_id = _get_or_make(
                lambda: _keyed_id(mention.key), lambda: _suggest(mention, language)
            )
            if cache.agreement_keys is not None:
                cache.agreement_keys.add(mention.key)
        else:
            _remember_key(mention.key, agreement_id, cache)
    found.agreements[mention.key] = agreement_id
    return agreement_id


def _registered_id(register_key: str | None) -> int | None:
    if not register_key:
        return None
    by_field = Agreement.objects.filter(register_key=register_key).values_list("pk", flat=True)
    by_key = AgreementKey.objects.filter(key=REGISTER_KEY_PREFIX + register_key).values_list(
        "agreement_id", flat=True
    )
    return by_field.first() or by_key.first()


def _keyed_id(key: str) -> int | None:
    return AgreementKey.objects.filter(key=key).values_list("agreement_id", flat=True).first()


def _closest_id(key: str, cache: LookupCache) -> int | None:
    """The agreement stored under a wording close to this one (closest_key decides)."""
    if cache.agreement_keys is None:
        keys = AgreementKey.objects.exclude(key__startswith=REGISTER_KEY_PREFIX)
        cache.agreement_keys = set(keys.values_list("key", flat=True))
    closest = closest_key(key, cache.agreement_keys)
    return _keyed_id(closest) if closest else None


def _suggest(mention: AgreementMention, language: str) -> int:
    """A new agreement for a curator to review, named in the article's language too."""
    name = mention.name[:500]
    agreement = Agreement.objects.create(
        name=name,
        name_ru=name if language == "ru" else "",
        name_az=name if language == "az" else "",
        slug=unique_slug(Agreement.objects.all(), mention.name, fallback="agreement"),
        kind=mention.kind.value,
        parties=", ".join(mention.parties)[:500],
        is_bilateral=mention.is_bilateral,
        signed_on=mention.signed_on,
    )
    AgreementKey.objects.create(key=mention.key, agreement=agreement)
    return agreement.pk


def _remember_key(key: str, agreement_id: int, cache: LookupCache) -> None:
    """A wording matched by closeness or the register is stored, so the next
    file with it is matched exactly and a curator sees it under the agreement."""
    _get_or_make(
        lambda: _keyed_id(key),
        lambda: AgreementKey.objects.create(key=key, agreement_id=agreement_id).agreement_id,
    )
    if cache.agreement_keys is not None:
        cache.agreement_keys.add(key)


def _forget(cache: LookupCache) -> None:
    cache.article_slugs = ArticleSlugs()
    cache.sources.clear()
    cache.tags.clear()
    cache.agreements.clear()
    cache.agreement_keys = None


def _merge_cache(cache: LookupCache, found: LookupCache) -> None:
    cache.sources.update(found.sources)
    cache.tags.update(found.tags)
    cache.agreements.update(found.agreements)


# ------------------------------------------------------------------------ the register


def prepare_register(*, dry_run: bool = False, path: Path = REGISTER_PATH) -> Register:
    """At the start of an import run: the register's file entries the database lacks
    are added, then the importer matches against the database's register, which
    curators extend in the admin. A dry run writes nothing: it matches against
    the database's entries and the file's new ones (the file's alone before the
    database was migrated)."""
    if dry_run:
        stored = register_entries() if archive_tables_exist() else []
        keys = {entry["key"] for entry in stored}
        added = [entry for entry in file_entries(path) if entry["key"] not in keys]
        return Register.from_entries(stored + added)

    def add_missing() -> None:
        with transaction.atomic():
            add_register_entries(file_entries(path))

    _retrying(add_missing)
    return Register.from_entries(register_entries())


def add_register_entries(entries: Iterable[dict]) -> None:
    """Create an approved Agreement for each entry not yet in the database.

    An entry already there (by its register key, even merged into another
    agreement) is left as curators made it.
    """
    present = set(
        Agreement.objects.exclude(register_key=None).values_list("register_key", flat=True)
    )
    present |= {
        key.removeprefix(REGISTER_KEY_PREFIX)
        for key in AgreementKey.objects.filter(key__startswith=REGISTER_KEY_PREFIX).values_list(
            "key", flat=True
        )
    }
    for entry in entries:
        if entry["key"] not in present:
            _get_or_make(
                lambda entry=entry: _registered_id(entry["key"]),
                lambda entry=entry: _register(entry),
            )


def _register(raw: dict) -> int:
    entry = parse_entry(raw)
    agreement = Agreement.objects.create(
        register_key=entry.key,
        name=entry.name[:500],
        name_ru=entry.name_ru[:500],
        name_az=entry.name_az[:500],
        aliases="\n".join(entry.aliases),
        slug=unique_slug(Agreement.objects.all(), entry.name, fallback="agreement"),
        kind=entry.kind.value,
        parties=", ".join(entry.parties)[:500],
        is_bilateral=not entry.parties or set(entry.parties) == BILATERAL_PARTIES,
        signed_on=entry.signed_on,
        signed_place=entry.signed_place[:200],
        status=AgreementStatus.APPROVED,
    )
    AgreementKey.objects.create(key=REGISTER_KEY_PREFIX + entry.key, agreement=agreement)
    return agreement.pk


def register_entries() -> list[dict]:
    """The register as the database holds it, in register.Register's entry shape.

    An entry a curator merged into another agreement lives on under the
    survivor, which the merge gave its "register:" key.
    """
    by_key = {agreement.register_key: agreement for agreement in Agreement.objects.in_register()}
    merged = AgreementKey.objects.filter(key__startswith=REGISTER_KEY_PREFIX).select_related(
        "agreement"
    )
    for row in merged:
        by_key.setdefault(row.key.removeprefix(REGISTER_KEY_PREFIX), row.agreement)
    return [_register_entry(key, agreement) for key, agreement in sorted(by_key.items())]


def _register_entry(key: str, agreement: Agreement) -> dict:
    return {
        "key": key,
        "kind": agreement.kind,
        "name": agreement.name,
        "name_ru": agreement.name_ru,
        "name_az": agreement.name_az,
        "aliases": agreement.alias_list(),
        "signed_on": agreement.signed_on,
        "signed_place": agreement.signed_place,
        "parties": agreement.parties,
    }


def register_after_migrate(sender, using: str, **kwargs) -> None:
    """post_migrate: a freshly migrated archive lists the register's documents.

    Only once the app is fully migrated (a test migrating back to an old
    state has no register columns), and not where settings turn it off (the
    test database starts empty).
    """
    from django.conf import settings
    from django.db.migrations.loader import MigrationLoader

    if not getattr(settings, "AGREEMENT_REGISTER_ON_MIGRATE", True):
        return
    if using != Agreement.objects.db:
        return
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    if not set(loader.graph.leaf_nodes(sender.label)) <= loader.applied_migrations.keys():
        return
    with transaction.atomic(using=using):
        add_register_entries(file_entries(REGISTER_PATH))
