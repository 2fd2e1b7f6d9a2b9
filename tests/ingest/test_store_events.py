"""The store writes the events a file reports in the file's transaction, replaces
them when the file changes, and leaves them alone once a curator has edited them."""

from __future__ import annotations

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.ingest import store
from articles.ingest.document import ParsedArticle, Precision, PublishedDate
from articles.ingest.events import extract_events
from articles.ingest.pipeline import Extracted
from articles.models import Article, Event
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

COMMISSION = "The meeting of the Intergovernmental Commission was held in Baku on 14 March 2019."
CALL = "Ilham Aliyev and Vladimir Putin held a phone conversation yesterday."


def stored(body: str, data: bytes) -> Article:
    parsed = ParsedArticle(
        title="Baku and Moscow",
        title_derived=False,
        body=body,
        published=PublishedDate(dt.date(2021, 11, 26), Precision.DAY),
        source="Trend",
    )
    extracted = Extracted(
        article=parsed, agreements=(), tags=(), events=tuple(extract_events(parsed))
    )
    original = store.Original(
        origin="in/a.txt",
        file_path="/tmp/in/a.txt",
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
    )
    store.store(
        original=original, extracted=extracted, cache=store.LookupCache(), now=timezone.now()
    )
    return Article.objects.get(origin="in/a.txt")


def events_of(article: Article) -> list[tuple]:
    return list(
        Event.objects.filter(article=article).values_list("kind", "happened_on", "precision")
    )


def test_store_writes_the_events_when_a_file_is_imported():
    article = stored(f"{COMMISSION}\n\n{CALL}", b"one")

    assert events_of(article) == [
        ("commission", dt.date(2019, 3, 14), "day"),
        ("phone_call", dt.date(2021, 11, 25), "day"),
    ]
    call = Event.objects.get(kind="phone_call")
    assert (call.sentence, call.date_note) == (
        CALL,
        "'yesterday' read from the article's date (2021-11-26)",
    )


def test_store_replaces_the_events_when_the_file_changes():
    stored(f"{COMMISSION}\n\n{CALL}", b"one")
    article = stored(CALL, b"two")

    assert events_of(article) == [("phone_call", dt.date(2021, 11, 25), "day")]


def test_store_keeps_a_curators_events_when_the_file_changes():
    article = stored(COMMISSION, b"one")
    Event.objects.filter(article=article).update(happened_on=dt.date(2019, 3, 15))
    Article.objects.filter(pk=article.pk).update(curated_fields=["events"])

    article = stored(CALL, b"two")

    assert events_of(article) == [("commission", dt.date(2019, 3, 15), "day")]


def test_stored_articles_get_their_events_when_read_again():
    article = stored(COMMISSION, b"one")
    Event.objects.all().delete()
    curated = stored_article_with_a_curators_event()

    out = StringIO()
    call_command("extract_events", stdout=out)

    assert events_of(article) == [("commission", dt.date(2019, 3, 14), "day")]
    assert events_of(curated) == [("talks", dt.date(2001, 1, 1), "year")]
    assert out.getvalue() == "events read from the stored articles: 1\n"


def stored_article_with_a_curators_event() -> Article:
    article = make_article(body=CALL, curated_fields=["events"])
    Event.objects.create(
        article=article, kind="talks", happened_on=dt.date(2001, 1, 1), precision="year"
    )
    return article
