"""What a curator does to the archive, beside editing one row in the admin:
merging tags, agreements and sources, reviewing suggested agreements, and
adding or removing a tag on many articles at once.

Each function runs in one transaction, leaves the old public URLs of what it
merged away redirecting to what survives, records one admin history entry
(LogEntry) per object it touched, and retires the cached facet counts
(articles.changes), since its bulk writes send no signals. The admin's
actions only collect the curator's choices and call these.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.redirects.models import Redirect
from django.db import models, transaction

from articles.changes import archive_changed
from articles.models import (
    Agreement,
    AgreementKey,
    AgreementStatus,
    Article,
    Mention,
    Source,
    SourceAlias,
    Tag,
    TagAlias,
)

# A changed date and its precision are one fact: curating one keeps both.
DATE_FIELDS = {"published_on", "date_precision"}
ArticleTag = Article.tags.through


def curated_after_edit(curated: Iterable[str], changed: Iterable[str]) -> list[str]:
    """The curated field names once a curator has changed `changed`, in a stable order."""
    names = set(curated) | set(changed)
    if names & DATE_FIELDS:
        names |= DATE_FIELDS
    order = [*Article.CURATABLE_FIELDS, "tags", "agreements"]
    return sorted(
        names, key=lambda name: (order.index(name) if name in order else len(order), name)
    )


def log(user, objects: Iterable[models.Model], message: str, *, action=CHANGE) -> None:
    """One history entry per object, as the admin writes for a change it made."""
    objects = list(objects)
    if objects:
        LogEntry.objects.log_actions(user.pk, objects, action, message)


def redirect_old_url(old_path: str, new_path: str) -> None:
    """Send `old_path` to `new_path`, and re-point anything that went to `old_path`,
    so a link never goes through two redirects."""
    if old_path == new_path:
        return
    Redirect.objects.filter(site_id=settings.SITE_ID, new_path=old_path).update(new_path=new_path)
    Redirect.objects.update_or_create(
        site_id=settings.SITE_ID, old_path=old_path, defaults={"new_path": new_path}
    )


def _mark_articles_curated(article_ids: Iterable[int], field: str) -> list[Article]:
    """Add `field` to the curated fields of these articles; return them (light rows)."""
    articles = list(Article.objects.filter(pk__in=set(article_ids)).only("title", "curated_fields"))
    for article in articles:
        article.curated_fields = curated_after_edit(article.curated_fields, [field])
    Article.objects.bulk_update(articles, ["curated_fields"], batch_size=500)
    return articles


def _merge_away(survivor: models.Model, others: list[models.Model], *, user, noun: str) -> None:
    """Log, redirect and delete the merged-away rows once their articles have moved."""
    for other in others:
        redirect_old_url(other.get_absolute_url(), survivor.get_absolute_url())
    names = ", ".join(f"“{other}”" for other in others)
    log(user, [survivor], f"Merged {noun} {names} into this one; old addresses redirect here.")
    log(user, others, f"Merged into {noun} “{survivor}” (pk {survivor.pk}).", action=DELETION)
    type(survivor).objects.filter(pk__in=[other.pk for other in others]).delete()


def remember_tag_name(tag: Tag, *, name: str, kind: str) -> None:
    """From now on the importer files articles naming `name` (a `kind`) under `tag`."""
    TagAlias.objects.update_or_create(name=name, kind=kind, defaults={"tag": tag})


def remember_source_name(source: Source, *, name: str) -> None:
    """From now on the importer files articles crediting `name` under `source`."""
    SourceAlias.objects.update_or_create(name=name, defaults={"source": source})


def tags_moving_to(survivor: Tag, others: Iterable[Tag]) -> int:
    """How many articles would gain `survivor` if `others` were merged into it."""
    return Article.objects.filter(tags__in=list(others)).exclude(tags=survivor).distinct().count()


@transaction.atomic
def merge_tags(survivor: Tag, others: Iterable[Tag], *, user) -> int:
    """Give every article carrying one of `others` the survivor instead; delete
    the others. Returns how many articles gained the survivor."""
    archive_changed()
    others = [other for other in others if other.pk != survivor.pk]
    carrying = set(ArticleTag.objects.filter(tag__in=others).values_list("article_id", flat=True))
    having = set(
        ArticleTag.objects.filter(tag=survivor, article_id__in=carrying).values_list(
            "article_id", flat=True
        )
    )
    moving = carrying - having
    ArticleTag.objects.bulk_create(
        [ArticleTag(article_id=pk, tag_id=survivor.pk) for pk in moving], ignore_conflicts=True
    )
    # The curator decided these articles' tags: a re-import must not bring the old ones back.
    articles = _mark_articles_curated(carrying, "tags")
    names = ", ".join(f"“{other.name}”" for other in others)
    log(user, articles, f"Tags {names} merged into “{survivor.name}”.")
    # New files naming a merged-away tag must not bring it back.
    TagAlias.objects.filter(tag__in=others).update(tag=survivor)
    for other in others:
        remember_tag_name(survivor, name=other.name, kind=other.kind)
    _merge_away(survivor, others, user=user, noun="tags")
    return len(moving)


def agreements_moving_to(survivor: Agreement, others: Iterable[Agreement]) -> int:
    """How many articles would newly mention `survivor` if `others` were merged into it."""
    return (
        Article.objects.filter(mentions__agreement__in=list(others))
        .exclude(mentions__agreement=survivor)
        .distinct()
        .count()
    )


def _fill_blanks(survivor: models.Model, others: list[models.Model], fields: list[str]) -> None:
    """Keep what only a merged-away row knew: copy it into the survivor's empty fields."""
    for name in fields:
        if getattr(survivor, name) in ("", None):
            known = [getattr(o, name) for o in others if getattr(o, name) not in ("", None)]
            if known:
                setattr(survivor, name, known[0])
    survivor.save()


@transaction.atomic
def merge_agreements(survivor: Agreement, others: Iterable[Agreement], *, user) -> int:
    """Move the mentions and importer keys of `others` to the survivor (one mention
    per article: a duplicate is dropped, its sentence kept if the survivor had none);
    delete the others. Returns how many articles newly mention the survivor."""
    archive_changed()
    others = [other for other in others if other.pk != survivor.pk]
    kept = dict(Mention.objects.filter(agreement=survivor).values_list("article_id", "pk"))
    moving, duplicates = [], []
    for pk, article_id, sentence in (
        Mention.objects.filter(agreement__in=others)
        .order_by("pk")
        .values_list("pk", "article_id", "sentence")
    ):
        if article_id in kept:
            duplicates.append(pk)
            Mention.objects.filter(pk=kept[article_id], sentence="").update(sentence=sentence)
        else:
            kept[article_id] = pk
            moving.append(pk)
    Mention.objects.filter(pk__in=moving).update(agreement=survivor)
    Mention.objects.filter(pk__in=duplicates).delete()
    AgreementKey.objects.filter(agreement__in=others).update(agreement=survivor)
    _fill_blanks(survivor, others, ["parties", "signatories", "signed_on", "signed_place"])
    _merge_away(survivor, others, user=user, noun="agreements")
    return len(moving)


def sources_moving_to(survivor: Source, others: Iterable[Source]) -> int:
    return Article.objects.filter(source__in=list(others)).exclude(source=survivor).count()


@transaction.atomic
def merge_sources(survivor: Source, others: Iterable[Source], *, user) -> int:
    """Move the articles of `others` to the survivor and delete the others.
    Returns how many articles moved."""
    archive_changed()
    others = [other for other in others if other.pk != survivor.pk]
    moving = list(Article.objects.filter(source__in=others).values_list("pk", flat=True))
    Article.objects.filter(pk__in=moving).update(source=survivor)
    # A re-import would otherwise give them back the source name their files use.
    articles = _mark_articles_curated(moving, "source")
    names = ", ".join(f"“{other.name}”" for other in others)
    log(user, articles, f"Source {names} merged into “{survivor.name}”.")
    SourceAlias.objects.filter(source__in=others).update(source=survivor)
    for other in others:
        remember_source_name(survivor, name=other.name)
    _fill_blanks(survivor, others, ["site_url"])
    _merge_away(survivor, others, user=user, noun="sources")
    return len(moving)


@transaction.atomic
def set_agreement_status(agreements: models.QuerySet, status: str, *, user) -> int:
    """Approve or reject agreements; returns how many changed status."""
    archive_changed()
    changing = list(agreements.exclude(status=status))
    Agreement.objects.filter(pk__in=[a.pk for a in changing]).update(status=status)
    log(user, changing, f"Marked {AgreementStatus(status).label}.")
    return len(changing)


@transaction.atomic
def add_tag(articles: models.QuerySet, tag: Tag, *, user) -> int:
    """Put `tag` on every article that lacks it; returns how many gained it."""
    archive_changed()
    lacking = list(articles.exclude(tags=tag).values_list("pk", flat=True))
    ArticleTag.objects.bulk_create(
        [ArticleTag(article_id=pk, tag_id=tag.pk) for pk in lacking], ignore_conflicts=True
    )
    changed = _mark_articles_curated(lacking, "tags")
    log(user, changed, f"Added tag “{tag.name}” (bulk action).")
    return len(changed)


@transaction.atomic
def remove_tag(articles: models.QuerySet, tag: Tag, *, user) -> int:
    """Take `tag` off every article that carries it; returns how many lost it."""
    archive_changed()
    carrying = list(articles.filter(tags=tag).values_list("pk", flat=True))
    ArticleTag.objects.filter(tag=tag, article_id__in=carrying).delete()
    changed = _mark_articles_curated(carrying, "tags")
    log(user, changed, f"Removed tag “{tag.name}” (bulk action).")
    return len(changed)
