"""Exports of a result set (/export/articles.csv, .jsonl, .ris, .bib) and one
article's citation (/articles/<slug>/cite.ris, .bib, .json): the render step
for spreadsheets, notebooks and reference managers.

An export takes exactly the list page's parameters and asks the list's one
listing (articles/listing.py) for every row in the page order; it never
filters, searches, orders or counts by itself. Rows are read a chunk at a
time and written as they come (StreamingHttpResponse), so memory stays flat
whatever the result's size and the first bytes leave before the last row is
read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus

from django.http import (
    HttpRequest,
    HttpResponse,
    JsonResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from articles.citations import CitationFields, iso_date, to_bibtex, to_csl, to_ris, web_address
from articles.filters import TURNING_PAGE
from articles.listing import EXPORT_CHUNK, ArticleListing
from articles.models import TRANSLITERATION, Article, ArticleQuerySet

CSV_COLUMNS = (
    "slug",
    "permalink",
    "title",
    "title_derived",
    "published",
    "date_precision",
    "source",
    "credits",
    "byline",
    "language",
    "tags",
    "agreements",
    "original_url",
    "sha256",
)
# A spreadsheet runs a cell that starts so as a formula (OWASP's CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows read per query, and written per piece of the response: the listing's
# own chunk (tests make it small).
ROWS_PER_QUERY = EXPORT_CHUNK
# The file name says what the export holds, within what every system accepts.
MAX_NAME_CHARS = 80
# What a citation needs of an article: no body, no original bytes.
CITATION_COLUMNS = (
    "slug",
    "title",
    "published_on",
    "date_precision",
    "byline",
    "language",
    "origin",
    "source__name",
)
RECORD_COLUMNS = (*CITATION_COLUMNS, "is_title_derived", "sha256", "source__slug")


def for_citations(articles: ArticleQuerySet) -> ArticleQuerySet:
    """Rows for RIS and BibTeX: one query per chunk."""
    return articles.select_related("source").only(*CITATION_COLUMNS)


def for_records(articles: ArticleQuerySet) -> ArticleQuerySet:
    """Rows for CSV and JSON Lines, whose names names_of() reads alongside."""
    return articles.select_related("source").only(*RECORD_COLUMNS)


@dataclass(frozen=True)
class Named:
    slug: str
    name: str
    kind: str = ""


@dataclass(frozen=True)
class Names:
    """An article's tags, credits and (not rejected) agreements, in the page's order."""

    tags: list[Named] = field(default_factory=list)
    credits: list[Named] = field(default_factory=list)
    agreements: list[Named] = field(default_factory=list)


def names_of(article_ids: list[int], db: str) -> dict[int, Names]:
    """What these articles carry: three queries whatever their number."""
    found = {article_id: Names() for article_id in article_ids}
    carried = Article.objects.using(db).filter(pk__in=article_ids).names_carried()
    for relation, rows in carried.items():
        for article_id, *named in rows:
            getattr(found[article_id], relation).append(Named(*named))
    return found


def _named(chunks: Iterable[list[Article]]) -> Iterator[list[tuple[Article, Names]]]:
    """The rows a chunk at a time, each with its names."""
    for piece in chunks:
        names = names_of([row.pk for row in piece], piece[0]._state.db)
        yield [(row, names[row.pk]) for row in piece]


@dataclass(frozen=True)
class Citing:
    """What a row needs from its request: the archive's address and today."""

    site: str
    accessed: dt.date

    @classmethod
    def of(cls, request: HttpRequest) -> Citing:
        return cls(f"{request.scheme}://{request.get_host()}", timezone.localdate())

    def permalink(self, article: Article) -> str:
        return self.site + article.get_absolute_url()

    def citation(self, article: Article) -> CitationFields:
        return CitationFields.from_article(
            article, permalink=self.permalink(article), accessed=self.accessed
        )


@dataclass(frozen=True)
class ExportFormat:
    extension: str
    content_type: str
    prepare: Callable[[ArticleQuerySet], ArticleQuerySet]
    # Writes the file: given the rows, its pieces of text.
    write: Callable[[Iterable[Article], Citing], Iterator[str]]


def record(article: Article, names: Names, citing: Citing) -> dict:
    """An article as one JSON Lines object (names with their slugs)."""
    source = article.source if article.source_id else None
    return {
        "slug": article.slug,
        "permalink": citing.permalink(article),
        "title": article.title,
        "title_derived": article.is_title_derived,
        "published": iso_date(article.published_on, article.date_precision) or None,
        "date_precision": article.date_precision,
        "source": {"slug": source.slug, "name": source.name} if source else None,
        "credits": [{"slug": row.slug, "name": row.name} for row in names.credits],
        "byline": article.byline,
        "language": article.language,
        "tags": [{"slug": t.slug, "name": t.name, "kind": t.kind} for t in names.tags],
        "agreements": [{"slug": a.slug, "name": a.name} for a in names.agreements],
        "original_url": web_address(article.origin) or None,
        "sha256": article.sha256,
    }


def csv_row(article: Article, names: Names, citing: Citing) -> list[str]:
    """An article as one spreadsheet row: names joined by "; ", no formulas."""
    cells = [
        article.slug,
        citing.permalink(article),
        article.title,
        "yes" if article.is_title_derived else "no",
        iso_date(article.published_on, article.date_precision),
        article.date_precision,
        article.source.name if article.source_id else "",
        "; ".join(row.name for row in names.credits),
        article.byline,
        article.language,
        "; ".join(tag.name for tag in names.tags),
        "; ".join(agreement.name for agreement in names.agreements),
        web_address(article.origin),
        article.sha256,
    ]
    return [neutralised(cell) for cell in cells]


def neutralised(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula is
    prefixed with an apostrophe, which the spreadsheet hides."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def write_csv(chunks: Iterable[list[Article]], citing: Citing) -> Iterator[str]:
    # A byte order mark first: without it Excel reads UTF-8 as the local code
    # page and garbles Russian and Azerbaijani. Programs keep `permalink` (a
    # reader that keeps the mark sees the first column as "\ufeffslug").
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + _drain(buffer)
    for piece in _named(chunks):
        writer.writerows(csv_row(article, names, citing) for article, names in piece)
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def write_jsonl(chunks: Iterable[list[Article]], citing: Citing) -> Iterator[str]:
    for piece in _named(chunks):
        yield "".join(
            json.dumps(record(article, names, citing), ensure_ascii=False) + "\n"
            for article, names in piece
        )


def write_ris(chunks: Iterable[list[Article]], citing: Citing) -> Iterator[str]:
    for piece in chunks:
        yield "".join(to_ris(citing.citation(article)) + "\r\n" for article in piece)


def write_bibtex(chunks: Iterable[list[Article]], citing: Citing) -> Iterator[str]:
    for piece in chunks:
        yield "".join(to_bibtex(citing.citation(article)) + "\n" for article in piece)


EXPORT_FORMATS = {
    "csv": ExportFormat("csv", "text/csv; charset=utf-8", for_records, write_csv),
    "jsonl": ExportFormat("jsonl", "application/jsonl; charset=utf-8", for_records, write_jsonl),
    "ris": ExportFormat("ris", "application/x-research-info-systems", for_citations, write_ris),
    "bib": ExportFormat("bib", "application/x-bibtex; charset=utf-8", for_citations, write_bibtex),
}


def export_articles(request: HttpRequest, extension: str) -> HttpResponse:
    """Every article the list parameters choose, in the list's order, as a
    file; bad parameters are a 400 with each parameter's messages as JSON."""
    listing = ArticleListing(request.GET)
    if not listing.is_valid:
        return JsonResponse({"errors": listing.errors}, status=HTTPStatus.BAD_REQUEST)
    export = EXPORT_FORMATS[extension]
    citing = Citing.of(request)
    response = StreamingHttpResponse(
        export.write(listing.every_chunk(export.prepare, chunk=ROWS_PER_QUERY), citing),
        content_type=export.content_type,
    )
    name = export_name(request.GET, citing.accessed)
    response["Content-Disposition"] = f'attachment; filename="{name}.{export.extension}"'
    # A buffering proxy (nginx) would hold the whole file before sending a byte.
    response["X-Accel-Buffering"] = "no"
    return response


def export_name(params: QueryDict, day: dt.date) -> str:
    """What the file holds, from its parameters: archive-q-helicopter-2026-11-27."""
    said = []
    for key, values in params.lists():
        if key in TURNING_PAGE:
            continue
        said += [key, *values]
    text = slugify(" ".join(said).lower().translate(TRANSLITERATION))
    text = text[:MAX_NAME_CHARS].rsplit("-", 1)[0] if len(text) > MAX_NAME_CHARS else text
    return "-".join(part for part in ("archive", text, day.isoformat()) if part)


CITATION_FORMATS = {
    "ris": ("application/x-research-info-systems", to_ris),
    "bib": ("application/x-bibtex; charset=utf-8", to_bibtex),
    "json": (
        "application/vnd.citationstyles.csl+json; charset=utf-8",
        lambda fields: json.dumps([to_csl(fields)], ensure_ascii=False, indent=2) + "\n",
    ),
}


def cite_article(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    """One article's citation as RIS, BibTeX or CSL-JSON, accessed today."""
    article = get_object_or_404(for_citations(Article.objects.all()), slug=slug)
    content_type, write = CITATION_FORMATS[extension]
    response = HttpResponse(write(Citing.of(request).citation(article)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{article.slug}.{extension}"'
    return response
