"""Citations (articles/citations.py, /articles/<slug>/cite.*, the article
page's meta tags): what a reference manager reads is right, at the date's
true precision, and parses in the parsers reference managers use."""

import datetime as dt
import json
import re
from html.parser import HTMLParser
from http import HTTPStatus

import bibtexparser
import jsonschema
import pytest
import rispy

from articles.citations import (
    CitationFields,
    Person,
    person_names,
    to_bibtex,
    to_csl,
    to_ris,
)
from articles.models import DatePrecision
from tests.conftest import make_article, make_source

ACCESSED = dt.date(2026, 11, 27)
PERMALINK = "https://archive.test/articles/gas-talks/"
HOST = "archive.test"

# The parts of CSL-JSON's schema (citation-style-language/schema,
# schemas/input/csl-data.json, draft-07) that an item of ours can break: an
# array of items, each with `type` from the schema's list and an `id`, no
# variable the schema does not name, names and dates in its shapes.
NAME = {
    "type": "object",
    "properties": {"family": {"type": "string"}, "given": {"type": "string"}},
    "additionalProperties": False,
}
DATE = {
    "type": "object",
    "properties": {
        "date-parts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {
                "type": "array",
                "minItems": 1,
                "maxItems": 3,
                "items": {"type": ["string", "number"]},
            },
        },
        "literal": {"type": "string"},
        "raw": {"type": "string"},
    },
    "additionalProperties": False,
}
TEXT = {"type": "string"}
CSL_DATA_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "additionalProperties": False,
        "properties": {
            "type": {"enum": ["article", "article-magazine", "article-newspaper", "webpage"]},
            "id": {"type": ["string", "number"]},
            "author": {"type": "array", "items": NAME},
            "issued": DATE,
            "accessed": DATE,
            **dict.fromkeys(
                [
                    "title",
                    "container-title",
                    "publisher",
                    "language",
                    "URL",
                    "archive",
                    "archive_location",
                    "note",
                ],
                TEXT,
            ),
        },
    },
}


@pytest.fixture(autouse=True)
def archive_host(settings):
    """Links are made from the request's host: serve one that is not the default."""
    settings.ALLOWED_HOSTS = [HOST, "testserver"]


def fields(**overrides) -> CitationFields:
    values = {
        "key": "gas-talks",
        "title": "Gas talks in Baku",
        "publisher": "Trend",
        "authors": (Person("Anna", "Petrova"),),
        "published": dt.date(2019, 11, 25),
        "precision": DatePrecision.DAY,
        "language": "en",
        "original_url": "",
        "permalink": PERMALINK,
        "accessed": ACCESSED,
        "archive": "Azerbaijan–Russia news archive",
    }
    return CitationFields(**(values | overrides))


def parse_bibtex(text: str) -> list:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library.entries


@pytest.mark.parametrize(
    ("byline", "people"),
    [
        ("Rufik Ismayilov", ["Rufik Ismayilov"]),
        ("By Anna Petrova and Ilkin Ahmadov", ["Anna Petrova", "Ilkin Ahmadov"]),
        ("Анна Петрова, Иван Сидоров", ["Анна Петрова", "Иван Сидоров"]),
        ("Leyla Məmmədova və Aynur Kərimova", ["Leyla Məmmədova", "Aynur Kərimova"]),
        ("J. R. Smith", ["J. R. Smith"]),
        ("Anna Petrova and Reuters staff", ["Anna Petrova"]),
        ("Staff", []),
        ("Trend", []),
        ("AZERTAC", []),
        ("APA News", []),
        ("Report News Agency", []),
        ("Редакция Каспия", []),
        ("Пресс-служба МИД", []),
        ("Trend Correspondent", []),
        ("Anna Petrova 2019", []),
        ("the editors of this paper and more", []),
        ("", []),
    ],
)
def test_only_a_persons_name_is_an_author_when_the_byline_is_read(byline, people):
    assert person_names(byline) == people


def test_a_byline_naming_the_publisher_is_no_author_when_shaped_like_a_name():
    assert person_names("Kaspi Gazeti", publisher="Kaspi Gazeti") == []


@pytest.mark.parametrize(
    ("precision", "published", "ris_date", "csl_parts"),
    [
        (DatePrecision.DAY, dt.date(2019, 11, 25), "2019/11/25/", [2019, 11, 25]),
        (DatePrecision.MONTH, dt.date(2019, 11, 1), "2019/11//", [2019, 11]),
        (DatePrecision.YEAR, dt.date(2019, 1, 1), "2019///", [2019]),
    ],
)
def test_the_date_is_cited_at_its_precision_when_known(precision, published, ris_date, csl_parts):
    cited = fields(published=published, precision=precision)
    record = rispy.loads(to_ris(cited))[0]
    assert record["year"] == ris_date and record["date"] == ris_date
    assert to_csl(cited)["issued"] == {"date-parts": [csl_parts]}
    entry = parse_bibtex(to_bibtex(cited))[0]
    assert entry["year"] == "2019"
    assert ("month" in entry.fields_dict) == (precision != DatePrecision.YEAR)


def test_a_year_only_date_is_no_first_of_january_when_cited():
    cited = fields(published=dt.date(2019, 1, 1), precision=DatePrecision.YEAR)
    assert "PY  - 2019///" in to_ris(cited)
    bibtex = to_bibtex(cited)
    assert "year = {2019}" in bibtex and "month" not in bibtex and "2019-01" not in bibtex


def test_an_undated_article_has_no_date_at_all_when_cited():
    cited = fields(published=None, precision=DatePrecision.UNKNOWN)
    ris = to_ris(cited)
    assert not re.search(r"^(PY|DA)  -", ris, re.M)
    assert "issued" not in to_csl(cited)
    entry = parse_bibtex(to_bibtex(cited))[0]
    assert not {"year", "month", "date"} & set(entry.fields_dict)


def test_ris_keeps_one_tag_per_line_when_the_title_holds_line_breaks():
    cited = fields(title="Gas talks\r\nER  - in Baku", original_url="https://trend.az/a/1.html")
    records = rispy.loads(to_ris(cited))
    assert len(records) == 1
    record = records[0]
    assert record["title"] == "Gas talks ER - in Baku"
    assert record["authors"] == ["Petrova, Anna"]
    assert record["urls"] == [PERMALINK, "https://trend.az/a/1.html"]
    assert record["type_of_reference"] == "NEWS"
    assert record["access_date"] == "2026/11/27"


def test_bibtex_specials_are_escaped_when_the_title_holds_them():
    title = r"50% of {gas} & $oil #1 in_Baku ~ ^ \ end"
    entry = parse_bibtex(to_bibtex(fields(title=title)))[0]
    assert entry["title"] == (
        r"{50\% of \{gas\} \& \$oil \#1 in\_Baku \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{} end}"
    )


def test_bibtex_keys_are_ascii_and_unique_when_entries_are_many():
    text = "".join(to_bibtex(fields(key=key)) for key in ("gas-talks", "gas-talks-2", "oil_3"))
    keys = [entry.key for entry in parse_bibtex(text)]
    assert keys == ["gas-talks", "gas-talks-2", "oil_3"]
    assert all(key.isascii() for key in keys)


def test_bibtex_addresses_cannot_close_their_field_when_odd():
    cited = fields(permalink="https://archive.test/a}b c/", original_url="https://x.test/{x}")
    entry = parse_bibtex(to_bibtex(cited))[0]
    assert entry["url"] == "https://archive.test/a%7Db%20c/"
    assert entry["note"] == r"Original: \url{https://x.test/%7Bx%7D}"


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"published": None, "precision": DatePrecision.UNKNOWN, "authors": ()},
        {"published": dt.date(2019, 1, 1), "precision": DatePrecision.YEAR, "publisher": ""},
        {"original_url": "https://trend.az/a/1.html"},
    ],
)
def test_csl_json_validates_against_the_csl_schema_when_fields_vary(overrides):
    jsonschema.validate([to_csl(fields(**overrides))], CSL_DATA_SCHEMA)


def test_csl_json_names_the_author_publisher_and_addresses_when_known():
    item = to_csl(fields(original_url="https://trend.az/a/1.html"))
    assert item["type"] == "article-newspaper"
    assert item["author"] == [{"family": "Petrova", "given": "Anna"}]
    assert item["container-title"] == item["publisher"] == "Trend"
    assert item["URL"] == PERMALINK
    assert item["note"] == "Original: https://trend.az/a/1.html"
    assert item["accessed"] == {"date-parts": [[2026, 11, 27]]}


# The per-article citations and the article page ---------------------------------


@pytest.fixture
def dated_article(db):
    return make_article(
        title="Gas talks in Baku",
        slug="gas-talks",
        source=make_source(name="Trend", slug="trend"),
        byline="Anna Petrova",
        published_on=dt.date(2019, 11, 25),
        origin="https://trend.az/business/gas-talks.html",
    )


def test_cite_ris_gives_the_articles_record_when_asked(client, dated_article):
    response = client.get("/articles/gas-talks/cite.ris", HTTP_HOST=HOST)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/x-research-info-systems"
    record = rispy.loads(response.content.decode())[0]
    assert record["title"] == "Gas talks in Baku"
    assert record["publisher"] == "Trend"
    assert record["authors"] == ["Petrova, Anna"]
    assert record["urls"] == [
        f"http://{HOST}/articles/gas-talks/",
        "https://trend.az/business/gas-talks.html",
    ]


def test_cite_bib_gives_the_articles_entry_when_asked(client, dated_article):
    response = client.get("/articles/gas-talks/cite.bib", HTTP_HOST=HOST)
    entry = parse_bibtex(response.content.decode())[0]
    assert entry.key == "gas-talks"
    assert (entry["author"], entry["journal"], entry["date"]) == (
        "Petrova, Anna",
        "Trend",
        "2019-11-25",
    )
    assert entry["url"] == f"http://{HOST}/articles/gas-talks/"


def test_cite_json_gives_valid_csl_json_when_asked(client, dated_article):
    response = client.get("/articles/gas-talks/cite.json", HTTP_HOST=HOST)
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    items = json.loads(response.content)
    jsonschema.validate(items, CSL_DATA_SCHEMA)
    assert items[0]["issued"] == {"date-parts": [[2019, 11, 25]]}


def test_a_citation_costs_one_query_when_served(client, dated_article, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/articles/gas-talks/cite.ris", HTTP_HOST=HOST)


def test_a_citation_is_not_found_when_the_slug_is_unknown(client, db):
    assert client.get("/articles/nothing/cite.bib").status_code == HTTPStatus.NOT_FOUND


def test_an_agencys_byline_is_no_author_when_cited(client, db):
    make_article(slug="desk", byline="Trend Staff", source=make_source(name="Trend"))
    item = json.loads(client.get("/articles/desk/cite.json").content)[0]
    assert "author" not in item


class MetaTags(HTMLParser):
    """The page's <meta name=… content=…> pairs, and its JSON-LD scripts."""

    def __init__(self):
        super().__init__()
        self.tags, self.linked_data, self._in_ld = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.tags.append((attrs["name"], attrs.get("content")))
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.linked_data.append(json.loads(data))
            self._in_ld = False


def read_page(client, slug: str) -> MetaTags:
    response = client.get(f"/articles/{slug}/", HTTP_HOST=HOST)
    assert response.status_code == HTTPStatus.OK
    page = MetaTags()
    page.feed(response.content.decode())
    return page


def test_the_article_page_carries_highwire_tags_when_shown(client, dated_article):
    tags = dict(read_page(client, "gas-talks").tags)
    assert tags["citation_title"] == "Gas talks in Baku"
    assert tags["citation_publication_date"] == tags["citation_date"] == "2019/11/25"
    assert tags["citation_author"] == "Petrova, Anna"
    assert tags["citation_publisher"] == "Trend"
    assert tags["citation_language"] == "en"
    assert tags["citation_public_url"] == f"http://{HOST}/articles/gas-talks/"
    assert tags["citation_fulltext_html_url"] == f"http://{HOST}/articles/gas-talks/"


@pytest.mark.parametrize(
    ("precision", "published", "shown"),
    [
        (DatePrecision.MONTH, dt.date(2019, 11, 1), "2019/11"),
        (DatePrecision.YEAR, dt.date(2019, 1, 1), "2019"),
        (DatePrecision.UNKNOWN, None, None),
    ],
)
def test_the_pages_citation_date_has_its_precision_when_not_known_to_the_day(
    client, db, precision, published, shown
):
    make_article(slug="vague", published_on=published, date_precision=precision)
    tags = dict(read_page(client, "vague").tags)
    assert tags.get("citation_publication_date") == shown
    assert read_page(client, "vague").linked_data[0].get("datePublished") == (
        shown.replace("/", "-") if shown else None
    )


def test_the_page_names_no_author_when_the_byline_is_an_agency(client, db):
    make_article(slug="wire", byline="APA")
    assert "citation_author" not in dict(read_page(client, "wire").tags)


def test_the_pages_news_article_description_is_safe_when_the_title_closes_a_script(client, db):
    make_article(slug="hostile", title="</script><script>alert(1)</script> & more")
    page = read_page(client, "hostile")
    described = page.linked_data[0]
    assert described["@type"] == "NewsArticle"
    assert described["headline"] == "</script><script>alert(1)</script> & more"


def test_the_page_links_the_original_at_the_source_when_the_origin_is_an_address(
    client, dated_article
):
    body = client.get("/articles/gas-talks/").content.decode()
    assert 'href="https://trend.az/business/gas-talks.html"' in body
    assert 'href="/articles/gas-talks/cite.ris"' in body


def test_the_page_links_no_source_when_the_origin_is_a_file(client, db):
    make_article(slug="filed", origin="seeds/001.txt")
    body = client.get("/articles/filed/").content.decode()
    assert "seeds/001.txt" not in body and 'class="at-source"' not in body
