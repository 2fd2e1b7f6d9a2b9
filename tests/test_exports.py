"""Exports of a result set (/export/articles.csv, .jsonl, .ris, .bib): the
same articles in the same order as the HTML list for the same parameters,
streamed, in files that spreadsheets and reference managers read."""

import csv
import datetime as dt
import io
import json
from http import HTTPStatus

import bibtexparser
import pytest
import rispy
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from articles.exports import export_name
from articles.listing import ArticleListing
from articles.models import Article, DatePrecision
from tests.conftest import make_agreement, make_article, make_source, make_tag
from tests.list_pages import html_slugs

pytestmark = pytest.mark.django_db

HOST = "archive.test"
EXTENSIONS = ("csv", "jsonl", "ris", "bib")
# Small pages, so a handful of articles spans several of them.
PER_PAGE = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch, settings):
    monkeypatch.setattr("articles.listing.PER_PAGE", PER_PAGE)
    settings.ALLOWED_HOSTS = [HOST, "testserver"]


@pytest.fixture
def archive():
    """Fourteen articles: two sources and none, three tags, dates known to the
    day, month and year and unknown, two languages, gas and oil in the text."""
    trend, apa = make_source(name="Trend", slug="trend"), make_source(name="APA", slug="apa")
    energy, baku, putin = (
        make_tag(name="Energy", slug="energy"),
        make_tag(name="Baku", slug="baku", kind="place"),
        make_tag(name="Vladimir Putin", slug="putin", kind="person"),
    )
    memo = make_agreement(name="Gas memorandum", slug="gas-memo")
    dates = [
        (dt.date(2019, 11, 25), DatePrecision.DAY),
        (dt.date(2019, 11, 1), DatePrecision.MONTH),
        (dt.date(2019, 1, 1), DatePrecision.YEAR),
        (None, DatePrecision.UNKNOWN),
        (dt.date(2021, 3, 8), DatePrecision.DAY),
        (dt.date(2019, 11, 25), DatePrecision.DAY),
        (dt.date(2023, 6, 30), DatePrecision.DAY),
    ]
    for n in range(14):
        published, precision = dates[n % len(dates)]
        make_article(
            title=f"{'Gas' if n % 2 else 'Oil'} talks, round {n}",
            body=f"{'Gas and pipelines' if n % 3 else 'Oil and gas'} were discussed, round {n}.",
            slug=f"round-{n}",
            source=(trend, apa, None)[n % 3],
            published_on=published,
            date_precision=precision,
            language="ru" if n % 5 == 0 else "en",
            byline="Anna Petrova" if n % 4 == 0 else "Trend Staff",
            origin=f"https://trend.az/news/{n}.html" if n % 2 else f"seeds/{n}.txt",
            tags=[tag for k, tag in enumerate((energy, baku, putin)) if n % (k + 2) == 0],
            agreements=[memo] if n % 4 == 1 else [],
        )


def export(client, extension: str, query: str = "") -> tuple:
    response = client.get(f"/export/articles.{extension}?{query}", HTTP_HOST=HOST)
    assert response.status_code == HTTPStatus.OK, response
    return response, b"".join(response.streaming_content).decode("utf-8")


def exported_slugs(client, extension: str, query: str) -> list[str]:
    response, text = export(client, extension, query)
    if extension == "csv":
        return [row["slug"] for row in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))]
    if extension == "jsonl":
        return [json.loads(line)["slug"] for line in text.splitlines()]
    if extension == "ris":
        return [record["id"] for record in rispy.loads(text)]
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return [entry.key for entry in library.entries]


QUERIES = [
    "",
    "sort=oldest",
    "sort=newest",
    "q=gas",
    "q=gas&sort=newest",
    "q=gas&sort=oldest",
    "q=oil",
    'q="oil and gas"',
    "q=gas -pipelines",
    "q=gas OR oil&source=apa",
    "source=trend",
    "source=trend&source=apa",
    "tag=energy",
    "tag=energy&tag=baku",
    "exclude_tag=energy",
    "tag=baku&exclude_tag=putin",
    "date_after=2019-06-01",
    "date_before=2019-12-31&sort=oldest",
    "date_after=2019-11-01&date_before=2019-11-30",
    "undated=true",
    "undated=false&sort=oldest",
    "language=ru",
    "agreement=gas-memo",
    "q=talks&tag=energy&language=en",
    "source=apa&date_after=2019-01-01&sort=oldest",
]


@pytest.mark.parametrize("query", QUERIES)
def test_every_export_holds_the_lists_articles_in_its_order_when_filtered(client, archive, query):
    shown = html_slugs(client, query)
    for extension in EXTENSIONS:
        assert exported_slugs(client, extension, query) == shown, extension


def test_a_browse_export_carries_every_match_when_they_fill_many_pages(client, archive):
    exported = exported_slugs(client, "csv", "")
    assert len(exported) == Article.objects.count() > 3 * PER_PAGE
    assert exported == [row.slug for row in Article.objects.newest_first()]


def test_an_export_ignores_the_page_when_the_link_came_from_a_later_page(client, archive):
    assert exported_slugs(client, "jsonl", "page=3") == exported_slugs(client, "jsonl", "")


@pytest.mark.parametrize("extension", EXTENSIONS)
@pytest.mark.parametrize(
    ("query", "field"),
    [("date_after=2019-13-45", "date_after"), ("tag=no-such-tag", "tag"), ("sort=best", "sort")],
)
def test_bad_parameters_are_a_400_with_their_messages_when_exported(
    client, archive, extension, query, field
):
    response = client.get(f"/export/articles.{extension}?{query}")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    listing = ArticleListing(QueryDict(query))
    assert response.json() == {"errors": listing.errors} and field in listing.errors


def test_a_huge_query_is_no_server_error_when_exported(client, archive):
    response = client.get("/export/articles.csv", {"q": "gas " * 2500})
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR


def test_the_csv_opens_in_a_spreadsheet_when_downloaded(client, archive):
    response, text = export(client, "csv", "q=gas&source=trend")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="archive-q-gas-source-trend-{dt.date.today():%Y-%m-%d}.csv"'
    )
    assert text.startswith("\ufeffslug,permalink,title,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    first = Article.objects.get(slug=rows[0]["slug"])
    assert rows[0]["permalink"] == f"http://{HOST}/articles/{first.slug}/"
    assert rows[0]["source"] == "Trend"
    assert rows[0]["sha256"] == first.sha256


def test_the_csv_carries_each_field_when_the_article_has_them(client, archive):
    _, text = export(client, "csv", "tag=energy&tag=baku&tag=putin&language=ru")
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert row | {"permalink": "", "sha256": ""} == {
        "slug": "round-0",
        "permalink": "",
        "title": "Oil talks, round 0",
        "title_derived": "no",
        "published": "2019-11-25",
        "date_precision": "day",
        "source": "Trend",
        "credits": "",
        "byline": "Anna Petrova",
        "language": "ru",
        "tags": "Vladimir Putin; Baku; Energy",
        "agreements": "",
        "original_url": "",
        "sha256": "",
    }


def test_the_dates_keep_their_precision_when_exported(client, archive):
    _, text = export(client, "jsonl", "date_before=2019-12-31&sort=oldest&undated=false")
    published = [json.loads(line)["published"] for line in text.splitlines()]
    assert published[:3] == ["2019", "2019", "2019-11"]
    _, text = export(client, "jsonl", "undated=true")
    assert {json.loads(line)["published"] for line in text.splitlines()} == {None}


def test_cells_that_would_run_as_formulas_are_neutralised_when_exported(client, db):
    make_article(slug="hostile", title='=HYPERLINK("http://x")', byline="+SUM(A1)")
    make_article(slug="hostile-2", title="-2+3", byline="@cmd")
    _, text = export(client, "csv")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    assert rows["hostile"]["title"] == '\'=HYPERLINK("http://x")'
    assert rows["hostile"]["byline"] == "'+SUM(A1)"
    assert (rows["hostile-2"]["title"], rows["hostile-2"]["byline"]) == ("'-2+3", "'@cmd")


def test_json_lines_name_tags_sources_and_agreements_with_their_slugs_when_exported(
    client, archive
):
    _, text = export(client, "jsonl", "agreement=gas-memo&sort=oldest")
    first = json.loads(text.splitlines()[0])
    assert first["agreements"] == [{"slug": "gas-memo", "name": "Gas memorandum"}]
    assert first["source"] == {"slug": "trend", "name": "Trend"}
    assert first["original_url"].startswith("https://trend.az/news/")


def test_credits_show_and_rejected_agreements_do_not_when_exported(client, db):
    rejected = make_agreement(name="Rejected memo", status="rejected")
    kept = make_agreement(name="Approved memo", status="approved")
    article = make_article(slug="reprint", agreements=[rejected, kept])
    article.credits.add(make_source(name="TASS", slug="tass"))
    line = json.loads(export(client, "jsonl")[1])
    assert line["credits"] == [{"slug": "tass", "name": "TASS"}]
    assert [agreement["name"] for agreement in line["agreements"]] == ["Approved memo"]


def test_ris_and_bibtex_cite_each_article_when_exported(client, archive):
    _, ris = export(client, "ris", "source=trend")
    records = rispy.loads(ris)
    assert ris.count("TY  - ") == ris.count("ER  -") == len(records) > 0
    assert {tuple(record.get("authors", [])) for record in records} == {(), ("Petrova, Anna",)}
    _, bib = export(client, "bib", "source=trend")
    entries = bibtexparser.parse_string(bib).entries
    assert [entry["journal"] for entry in entries] == ["Trend"] * len(records)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("", "archive-2026-11-27"),
        ("q=helicopter", "archive-q-helicopter-2026-11-27"),
        ("source=trend&page=4&cursor=next.2019-01-01.5", "archive-source-trend-2026-11-27"),
        ("q=вертолёт Ми-8", "archive-q-vertolyot-mi-8-2026-11-27"),
        ("q=<script>&tag=a/b", "archive-q-script-tag-ab-2026-11-27"),
    ],
)
def test_the_file_name_says_what_the_export_holds_when_named(query, name):
    assert export_name(QueryDict(query), dt.date(2026, 11, 27)) == name


def test_the_file_name_stays_short_when_the_query_is_long():
    name = export_name(QueryDict("q=" + "helicopter " * 50), dt.date(2026, 11, 27))
    assert len(name) <= 100 and name.endswith("-helicopter-2026-11-27")


def test_the_export_streams_its_first_bytes_before_the_rows_are_read(client, archive, monkeypatch):
    monkeypatch.setattr("articles.exports.ROWS_PER_QUERY", 2)
    read = []
    every_chunk = ArticleListing.every_chunk

    def counted(self, *args, **kwargs):
        for rows in every_chunk(self, *args, **kwargs):
            read.extend(row.slug for row in rows)
            yield rows

    monkeypatch.setattr(ArticleListing, "every_chunk", counted)
    for extension in EXTENSIONS:
        read.clear()
        response = client.get(f"/export/articles.{extension}")
        assert response.streaming and response["X-Accel-Buffering"] == "no"
        pieces = iter(response.streaming_content)
        assert next(pieces)
        assert len(read) <= 2 < Article.objects.count()
        assert sum(1 for _ in pieces) > 0 and len(read) == Article.objects.count()


# Queries to export the 14 articles read 5 or 2 at a time (3 or 7 chunks),
# caches warm. Browsing, the listing reads each chunk by keyset, the undated
# rows by a seek of their own, and (2 at a time) one more read finds the end;
# a search runs once, then reads its ranked ids a chunk at a time. CSV and
# JSON Lines add three per piece of as many rows: tags, credits, agreements.
PINNED_QUERIES = {
    ("", "ris"): (4, 9),
    ("", "bib"): (4, 9),
    ("", "csv"): (4 + 3 * 3, 9 + 3 * 7),
    ("", "jsonl"): (4 + 3 * 3, 9 + 3 * 7),
    ("q=talks", "ris"): (1 + 3, 1 + 7),
    ("q=talks", "bib"): (1 + 3, 1 + 7),
    ("q=talks", "csv"): (1 + 4 * 3, 1 + 4 * 7),
    ("q=talks", "jsonl"): (1 + 4 * 3, 1 + 4 * 7),
}


@pytest.mark.parametrize(("query", "extension"), PINNED_QUERIES)
def test_queries_grow_per_chunk_not_per_row_when_exported(
    client, archive, monkeypatch, query, extension
):
    export(client, extension, query)
    counted = []
    for rows_per_query in (5, 2):
        monkeypatch.setattr("articles.exports.ROWS_PER_QUERY", rows_per_query)
        with CaptureQueriesContext(connection) as queries:
            export(client, extension, query)
        counted.append(len(queries))
    assert tuple(counted) == PINNED_QUERIES[query, extension]


def test_the_list_page_links_its_exports_without_the_page_when_shown(client, archive):
    page = client.get("/articles/?source=trend&page=2").content.decode()
    for extension in EXTENSIONS:
        assert f'href="/export/articles.{extension}?source=trend"' in page
