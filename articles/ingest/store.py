"""The only writer: one parsed file becomes one Article, in one transaction
(read -> parse -> extract -> store).

Re-importing the same bytes writes nothing; changed bytes keep the earlier
original as a Revision, and whatever a curator fixed stays as they left it.
Sources, tags and agreements are looked up through a per-run cache so a big
folder costs a few queries per file, not one per tag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import connections, transaction
from django.db.models import Q

from articles.ingest.document import AgreementMention, TagMention
from articles.ingest.pipeline import Extracted
from articles.models import (
    Agreement,
    AgreementKey,
    Article,
    Mention,
    Revision,
    Source,
    SourceAlias,
    Tag,
    TagAlias,
    unique_slug,
)


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


def archive_tables_exist() -> bool:
    """Whether the database was migrated: a dry run on a fresh one still shows the parse."""
    return Article._meta.db_table in connections[Article.objects.db].introspection.table_names()


def planned_status(*, original: Original) -> tuple[Status, str]:
    """What storing this file would do, without writing: for --dry-run and to skip work."""
    # One query: the row with this identity and the row with these bytes (both unique).
    rows = Article.objects.filter(
        Q(origin=original.origin) | Q(sha256=original.sha256)
    ).values_list("origin", "sha256")
    current = next((sha256 for origin, sha256 in rows if origin == original.origin), None)
    if current == original.sha256:
        return Status.UNCHANGED, ""
    twin = next((origin for origin, _ in rows if origin != original.origin), None)
    if twin is not None:
        return Status.UNCHANGED, f"same bytes as {twin}, already in the archive"
    return (Status.UPDATED if current else Status.IMPORTED), ""


def store(
    *, original: Original, extracted: Extracted, cache: LookupCache, now: dt.datetime
) -> Status:
    """Write one file's article; the caller has checked planned_status first."""
    found = LookupCache()
    with transaction.atomic():
        article = Article.objects.filter(origin=original.origin).first()
        if article is None:
            article = _create_article(original, extracted, cache, found, now)
            _add_relations(article, extracted, cache, found)
            status = Status.IMPORTED
        else:
            _update_article(article, original, extracted, cache, found, now)
            _replace_relations(article, extracted, cache, found)
            status = Status.UPDATED
    # Only rows that were committed may be remembered for the next file.
    _merge_cache(cache, found)
    return status


def _article_fields(extracted: Extracted, cache: LookupCache, found: LookupCache) -> dict:
    parsed = extracted.article
    return {
        "title": parsed.title,
        "published_on": parsed.published.value,
        "date_precision": parsed.published.precision.value,
        "source_id": _source_id(parsed.source, cache, found) if parsed.source else None,
        "byline": parsed.byline,
        "language": parsed.language,
    }


def _create_article(original, extracted, cache, found, now) -> Article:
    fields = _article_fields(extracted, cache, found)
    return Article.objects.create(
        **fields,
        is_title_derived=extracted.article.title_derived,
        slug=unique_slug(Article.objects.all(), fields["title"], fallback="article"),
        body=extracted.article.body,
        origin=original.origin,
        file_path=original.file_path,
        original=original.data,
        sha256=original.sha256,
        encoding=original.encoding,
        imported_at=now,
        changed_at=now,
    )


def _update_article(article: Article, original, extracted, cache, found, now) -> None:
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


def _source_id(name: str, cache: LookupCache, found: LookupCache) -> int:
    if name in cache.sources:
        return cache.sources[name]
    source_id = (
        Source.objects.filter(name__iexact=name).values_list("pk", flat=True).first()
        or SourceAlias.objects.filter(name__iexact=name).values_list("source", flat=True).first()
    )
    if source_id is None:
        slug = unique_slug(Source.objects.all(), name, fallback="source")
        source_id = Source.objects.create(name=name, slug=slug).pk
    found.sources[name] = source_id
    return source_id


def _tag_ids(mentions: tuple[TagMention, ...], cache: LookupCache, found: LookupCache) -> list[int]:
    wanted = {(m.name, m.kind.value) for m in mentions}
    missing = wanted - cache.tags.keys()
    if missing:
        names = {name for name, _ in missing}
        # A tag's own name first, then the names curators merged into it.
        for rows in (
            Tag.objects.filter(name__in=names).values_list("name", "kind", "pk"),
            TagAlias.objects.filter(name__in=names).values_list("name", "kind", "tag"),
        ):
            for name, kind, pk in rows:
                if (name, kind) in missing:
                    found.tags.setdefault((name, kind), pk)
        for name, kind in missing - found.tags.keys():
            slug = unique_slug(Tag.objects.all(), name, fallback="tag")
            found.tags[(name, kind)] = Tag.objects.create(name=name, kind=kind, slug=slug).pk
    return sorted({cache.tags.get(key) or found.tags[key] for key in wanted})


def _add_relations(article: Article, extracted: Extracted, cache, found) -> None:
    """A new article's tags and mentions: plain inserts, nothing to compare with."""
    ArticleTag = Article.tags.through
    ArticleTag.objects.bulk_create(
        ArticleTag(article_id=article.pk, tag_id=tag_id)
        for tag_id in _tag_ids(extracted.tags, cache, found)
    )
    Mention.objects.bulk_create(_new_mentions(article, extracted.agreements, cache, found))


def _replace_relations(article: Article, extracted: Extracted, cache, found) -> None:
    """A changed article's tags and mentions follow the file, unless a curator owns them."""
    if "tags" not in article.curated_fields:
        article.tags.set(_tag_ids(extracted.tags, cache, found))
    if "agreements" in article.curated_fields:
        return
    mentions = _new_mentions(article, extracted.agreements, cache, found)
    wanted = {mention.agreement_id for mention in mentions}
    Mention.objects.filter(article=article).exclude(agreement_id__in=wanted).delete()
    kept = set(Mention.objects.filter(article=article).values_list("agreement_id", flat=True))
    Mention.objects.bulk_create(m for m in mentions if m.agreement_id not in kept)


def _new_mentions(article, mentions: tuple[AgreementMention, ...], cache, found) -> list[Mention]:
    """One Mention per agreement named, the first sentence that names it."""
    by_agreement: dict[int, AgreementMention] = {}
    for mention in mentions:
        by_agreement.setdefault(_agreement_id(mention, cache, found), mention)
    return [
        Mention(
            article=article,
            agreement_id=agreement_id,
            sentence=mention.sentence,
            is_signed=mention.is_signed,
        )
        for agreement_id, mention in by_agreement.items()
    ]


def _agreement_id(mention: AgreementMention, cache: LookupCache, found: LookupCache) -> int:
    """The agreement this wording names; a new one is suggested for a curator.

    A key a curator merged away points at the survivor, and a rejected
    agreement stays rejected: the importer never re-suggests either.
    """
    known = cache.agreements.get(mention.key) or found.agreements.get(mention.key)
    if known:
        return known
    key = AgreementKey.objects.filter(key=mention.key).values_list("agreement_id", flat=True)
    agreement_id = key.first()
    if agreement_id is None:
        agreement = Agreement.objects.create(
            name=mention.name[:500],
            slug=unique_slug(Agreement.objects.all(), mention.name, fallback="agreement"),
            kind=mention.kind.value,
            parties=", ".join(mention.parties)[:500],
            signed_on=mention.signed_on,
        )
        AgreementKey.objects.create(key=mention.key, agreement=agreement)
        agreement_id = agreement.pk
    found.agreements[mention.key] = agreement_id
    return agreement_id


def _merge_cache(cache: LookupCache, found: LookupCache) -> None:
    cache.sources.update(found.sources)
    cache.tags.update(found.tags)
    cache.agreements.update(found.agreements)
