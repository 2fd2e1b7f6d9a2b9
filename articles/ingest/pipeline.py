"""One file's bytes through read -> parse -> extract, without Django.

The importer command (through runner and store) calls `process` for each
file and `to_json_record` for `--json` output; both are pure, so a file's
fate can be tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.ingest.document import AgreementMention, ParsedArticle, TagMention
from articles.ingest.extract import Gazetteer, extract_agreements, extract_tags
from articles.ingest.parse import parse
from articles.ingest.read import decode
from articles.ingest.sources import KnownSources


@dataclass(frozen=True)
class Extracted:
    """Everything the ingest stages learn from one file, ready for the store."""

    article: ParsedArticle
    agreements: tuple[AgreementMention, ...]
    tags: tuple[TagMention, ...]
    encoding: str = "utf-8"


def process(
    data: bytes, *, gazetteer: Gazetteer, known_sources: KnownSources | None = None
) -> Extracted:
    """Decode, parse and extract one file; UnreadableFile or NoArticleText say why not."""
    decoded = decode(data)
    article = parse(decoded.text, known_sources)
    return Extracted(
        article=article,
        agreements=tuple(extract_agreements(article)),
        tags=tuple(extract_tags(article, gazetteer)),
        encoding=decoded.encoding,
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
        "byline": article.byline,
        "language": article.language,
        "url": article.url,
        "body": article.body,
        "problems": list(article.problems),
        "agreements": [
            {"name": agreement.name, "kind": agreement.kind.value, "key": agreement.key}
            for agreement in extracted.agreements
        ],
        "tags": [{"name": tag.name, "kind": tag.kind.value} for tag in extracted.tags],
    }
