"""One file's bytes through read -> parse -> extract, without Django.

The importer command (through runner and store) calls `process` for each
file and `to_json_record` for `--json` output; both are pure, so a file's
fate can be tested without a database. The store passes the register of
known documents it keeps (register.Register.from_entries over its rows), so
mentions come back already matched to their records.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.ingest.document import AgreementMention, ParsedArticle, TagMention
from articles.ingest.extract import (
    EventMention,
    Gazetteer,
    count_documents_signed,
    extract_agreements,
    extract_events,
    extract_tags,
)
from articles.ingest.parse import parse
from articles.ingest.read import decode
from articles.ingest.register import Register
from articles.ingest.sources import KnownSources


@dataclass(frozen=True)
class Extracted:
    """Everything the ingest stages learn from one file, ready for the store.

    `documents_signed` is how many documents the text says were signed at the
    event it reports ("six documents were signed"), or None when it states no
    such count; a running total ("more than 150 agreements since 1992") is not one.
    """

    article: ParsedArticle
    agreements: tuple[AgreementMention, ...]
    tags: tuple[TagMention, ...]
    encoding: str = "utf-8"
    documents_signed: int | None = None
    events: tuple[EventMention, ...] = ()


def process(
    data: bytes,
    *,
    gazetteer: Gazetteer,
    known_sources: KnownSources | None = None,
    register: Register | None = None,
) -> Extracted:
    """Decode, parse and extract one file; UnreadableFile or NoArticleText say why not."""
    decoded = decode(data)
    article = parse(decoded.text, known_sources)
    return Extracted(
        article=article,
        agreements=tuple(extract_agreements(article, register)),
        tags=tuple(extract_tags(article, gazetteer)),
        encoding=decoded.encoding,
        documents_signed=count_documents_signed(article),
        events=tuple(extract_events(article)),
    )


def to_json_record(extracted: Extracted) -> dict:
    """The parser's view of a file for `import_articles --json`; the command adds file, status."""
    article = extracted.article
    published = article.published.value
    return {
        "title": article.title,
        "title_derived": article.title_derived,
        "published": published.isoformat() if published else None,
        "date_precision": article.published.precision.value,
        "source": article.source,
        "credits": list(article.credits),
        "byline": article.byline,
        "language": article.language,
        "url": article.url,
        "body": article.body,
        "problems": list(article.problems),
        "agreements": [_agreement_record(agreement) for agreement in extracted.agreements],
        "documents_signed": extracted.documents_signed,
        "tags": [{"name": tag.name, "kind": tag.kind.value} for tag in extracted.tags],
        "events": [_event_record(event) for event in extracted.events],
    }


def _agreement_record(agreement: AgreementMention) -> dict:
    return {
        "name": agreement.name,
        "kind": agreement.kind.value,
        "key": agreement.key,
        "register": agreement.register_key,
        "parties": list(agreement.parties),
        "signed": agreement.is_signed,
        "signed_on": agreement.signed_on.isoformat() if agreement.signed_on else None,
        "date_note": agreement.date_note,
        "bilateral": agreement.is_bilateral,
    }


def _event_record(event: EventMention) -> dict:
    return {
        "kind": event.kind.value,
        "happened_on": event.happened_on.isoformat(),
        "precision": event.precision.value,
        "planned": event.is_planned,
        "date_note": event.date_note,
        "sentence": event.sentence,
    }
