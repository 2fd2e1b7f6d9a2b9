"""Citations of an article in the formats reference managers read (render):
RIS, BibTeX and CSL-JSON, as pure functions over CitationFields.

The exports of a result set and each article's cite.* links both write
through here, so a citation reads the same wherever it is taken. A date is
cited as precisely as it is known: a year-only date is a year, never the
first of January; an undated article carries no date at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Self

from django.utils.translation import gettext

from articles.models import Article, DatePrecision

# Words that make a byline an organisation or a desk rather than a person, in
# the archive's three languages (compared in lower case, word by word).
NOT_A_PERSON_WORDS = """
    staff desk editor editors editorial newsroom team bureau service agency news press
    correspondent correspondents reporter reporters online media office ministry
    department centre center group network daily agencies wire report
    редакция редакции редактор агентство агентства служба пресс-служба корреспондент
    корреспондента корреспонденты новости отдел бюро центр группа
    redaksiya redaktor agentliyi agentlik xidməti xidmət müxbir müxbiri xəbər xəbərləri
    şöbə mərkəz qrup
"""
NOT_A_PERSON = frozenset(NOT_A_PERSON_WORDS.split())
# A byline naming several people: "Anna Petrova and Ilkin Ahmadov", "…, …".
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bи\b|\bvə\b)\s*", re.IGNORECASE)
# A word of a person's name: capitalised letters, with hyphens, apostrophes or
# a full stop for initials ("J.", "Al-Hassan", "O'Neil"); no digits.
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?$")
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4
# BibTeX's special characters, written so LaTeX prints them as themselves.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
BIBTEX_SPECIAL = re.compile("|".join(re.escape(char) for char in BIBTEX_ESCAPES))
# Characters that would end or break a BibTeX field or an address, percent-encoded.
URL_UNSAFE = re.compile(r"[\s{}\\\"]")


@dataclass(frozen=True)
class Person:
    given: str
    family: str

    @classmethod
    def from_name(cls, name: str) -> Person:
        """Given names first, as bylines write them: the last word is the family name."""
        *given, family = name.split()
        return cls(" ".join(given), family)


@dataclass(frozen=True)
class CitationFields:
    """What a citation says about one article, whatever the format."""

    key: str
    title: str
    publisher: str
    authors: tuple[Person, ...]
    published: dt.date | None
    precision: str
    language: str
    original_url: str
    permalink: str
    accessed: dt.date
    archive: str

    @classmethod
    def from_article(cls, article: Article, *, permalink: str, accessed: dt.date) -> Self:
        """The fields of `article`, whose source must be loaded with it."""
        publisher = article.source.name if article.source_id else ""
        return cls(
            key=bibtex_key(article.slug),
            title=article.title,
            publisher=publisher,
            authors=tuple(
                Person.from_name(name) for name in person_names(article.byline, publisher)
            ),
            published=article.published_on,
            precision=article.date_precision,
            language=article.language,
            original_url=web_address(article.origin),
            permalink=permalink,
            accessed=accessed,
            archive=gettext("Azerbaijan–Russia news archive"),
        )

    @property
    def date_parts(self) -> tuple[int, ...]:
        return known_date_parts(self.published, self.precision)


def known_date_parts(date: dt.date | None, precision: str) -> tuple[int, ...]:
    """A date's known parts: (year, month, day), (year, month), (year) or ()."""
    if date is None or precision == DatePrecision.UNKNOWN:
        return ()
    parts = (date.year, date.month, date.day)
    return parts[: {DatePrecision.YEAR: 1, DatePrecision.MONTH: 2}.get(precision, 3)]


def iso_date(date: dt.date | None, precision: str) -> str:
    """The date at its precision: "2019-11-25", "2019-11", "2019" or "" when unknown."""
    return "-".join(f"{part:02d}" for part in known_date_parts(date, precision))


def person_names(byline: str, publisher: str = "") -> list[str]:
    """The people a byline names, in its order; none when it names an agency, a
    desk ("Staff", "Trend"), the publisher itself, or anything not shaped like
    a name of two to four capitalised words."""
    names = []
    for part in NAME_SEPARATORS.split(byline.strip()):
        part = re.sub(r"^(?:by|автор:?|müəllif:?)\s+", "", part.strip(), flags=re.IGNORECASE)
        if _is_person(part, publisher):
            names.append(" ".join(part.split()))
    return names


def _is_person(name: str, publisher: str) -> bool:
    words = name.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return False
    if publisher and name.casefold() == publisher.casefold():
        return False
    return all(_is_name_word(word) for word in words)


def _is_name_word(word: str) -> bool:
    letters = word.rstrip(".")
    return (
        bool(NAME_WORD.match(word))
        and word[0].isupper()
        # An acronym (TASS, APA) names an agency; an initial ("J.") is one letter.
        and not (len(letters) > 1 and letters.isupper())
        and word.casefold().strip(".") not in NOT_A_PERSON
    )


def web_address(origin: str) -> str:
    """The original's address when its identity is one (http or https), else ""."""
    return origin if origin.lower().startswith(("http://", "https://")) else ""


def bibtex_key(slug: str) -> str:
    """A citation key from the article's slug: unique as the slug is, ASCII only."""
    return re.sub(r"[^A-Za-z0-9_:-]", "", slug) or "article"


def one_line(text: str) -> str:
    """Text on a single line: the formats read a line break as a new field."""
    return " ".join(text.split())


# RIS ------------------------------------------------------------------------


def to_ris(fields: CitationFields) -> str:
    """One RIS record (a newspaper article), each tag on its own line."""
    lines = [("TY", "NEWS"), ("TI", fields.title)]
    lines += [("AU", f"{person.family}, {person.given}") for person in fields.authors]
    if fields.date_parts:
        lines += [("PY", _ris_date(fields)), ("DA", _ris_date(fields))]
    if fields.publisher:
        lines += [("T2", fields.publisher), ("PB", fields.publisher)]
    lines += [("LA", fields.language), ("UR", fields.permalink)]
    if fields.original_url:
        lines.append(("UR", fields.original_url))
    lines += [
        ("Y2", fields.accessed.strftime("%Y/%m/%d")),
        ("DB", fields.archive),
        ("ID", fields.key),
    ]
    body = "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines if one_line(value))
    return f"{body}ER  - \r\n"


def _ris_date(fields: CitationFields) -> str:
    """RIS writes YYYY/MM/DD/other, leaving unknown parts empty: 2019///."""
    parts = [f"{part:02d}" for part in fields.date_parts]
    return "/".join(parts + [""] * (4 - len(parts)))


# BibTeX ---------------------------------------------------------------------


def bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(lambda found: BIBTEX_ESCAPES[found[0]], one_line(text))


def bibtex_url(address: str) -> str:
    """An address as BibTeX's url field takes it: verbatim, but nothing that
    would close the field or end the line."""
    return URL_UNSAFE.sub(lambda found: f"%{ord(found[0]):02X}", address.strip())


def to_bibtex(fields: CitationFields) -> str:
    """One BibTeX entry (@article in the outlet, as reference managers export
    newspaper articles); the title's extra braces keep its capitals."""
    entries = [("title", "{" + bibtex_escape(fields.title) + "}")]
    if fields.authors:
        names = (f"{p.family}, {p.given}" for p in fields.authors)
        entries.append(("author", " and ".join(bibtex_escape(name) for name in names)))
    if fields.publisher:
        entries += [("journal", bibtex_escape(fields.publisher))]
        entries += [("publisher", bibtex_escape(fields.publisher))]
    parts = fields.date_parts
    if parts:
        entries.append(("year", str(parts[0])))
        if len(parts) > 1:
            entries.append(("month", str(parts[1])))
        entries.append(("date", iso_date(fields.published, fields.precision)))
    entries += [("language", bibtex_escape(fields.language)), ("url", bibtex_url(fields.permalink))]
    entries.append(("urldate", fields.accessed.isoformat()))
    if fields.original_url:
        entries.append(("note", "Original: \\url{" + bibtex_url(fields.original_url) + "}"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in entries)
    return f"@article{{{fields.key},\n{body}\n}}\n"


# CSL-JSON -------------------------------------------------------------------


def to_csl(fields: CitationFields) -> dict:
    """One CSL-JSON item (the citeproc family's input: Zotero, Pandoc)."""
    item = {"id": fields.key, "type": "article-newspaper", "title": fields.title}
    if fields.authors:
        item["author"] = [{"family": p.family, "given": p.given} for p in fields.authors]
    if fields.date_parts:
        item["issued"] = {"date-parts": [list(fields.date_parts)]}
    if fields.publisher:
        item["container-title"] = fields.publisher
        item["publisher"] = fields.publisher
    item |= {
        "language": fields.language,
        "URL": fields.permalink,
        "accessed": {
            "date-parts": [[fields.accessed.year, fields.accessed.month, fields.accessed.day]]
        },
        "archive": fields.archive,
    }
    if fields.original_url:
        item["note"] = f"Original: {fields.original_url}"
    return item
