"""store_batch: many files in one transaction, each in a savepoint of its own, so
a file that fails is rolled back alone and every file is whole or absent."""

from __future__ import annotations

import hashlib

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import stories, vocabulary
from articles.ingest import store
from articles.ingest.document import ParsedArticle
from articles.ingest.pipeline import Extracted
from articles.ingest.store import Status, Stored
from articles.models import Article, Source, Word

pytestmark = pytest.mark.django_db(transaction=True)


def ready(name: str, *, source: str = "Trend", data: bytes | None = None, title: str = ""):
    data = data if data is not None else f"bytes of {name}".encode()
    original = store.Original(
        origin=f"in/{name}.txt",
        file_path=f"/tmp/in/{name}.txt",
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
    )
    article = ParsedArticle(
        title=title or f"Report {name}",
        title_derived=False,
        body=f"Text of {name}.",
        source=source,
    )
    return original, Extracted(article=article, agreements=(), tags=())


def store_batch(files, cache=None):
    return store.store_batch(files, cache=cache or store.LookupCache(), now=timezone.now())


def crash_on(monkeypatch, origin: str, error: Exception):
    """_add_relations raises `error` for one file, after its article row is written."""
    real = store._add_relations

    def add_relations(article, *args):
        if article.origin == origin:
            raise error
        return real(article, *args)

    monkeypatch.setattr(store, "_add_relations", add_relations)


def test_every_file_is_stored_with_its_status_when_none_fails():
    results = store_batch([ready("a"), ready("b")])
    assert results == [Stored(Status.IMPORTED), Stored(Status.IMPORTED)]
    assert sorted(Article.objects.values_list("origin", flat=True)) == ["in/a.txt", "in/b.txt"]


def test_a_file_that_fails_is_rolled_back_alone_when_the_others_of_its_batch_are_stored(
    monkeypatch,
):
    crash_on(monkeypatch, "in/b.txt", RuntimeError("disk on fire"))
    results = store_batch([ready("a"), ready("b", source="Interfax"), ready("c")])
    assert results[0] == results[2] == Stored(Status.IMPORTED)
    assert isinstance(results[1], RuntimeError)
    assert sorted(Article.objects.values_list("origin", flat=True)) == ["in/a.txt", "in/c.txt"]
    # The source only the failed file named went with it.
    assert list(Source.objects.values_list("name", flat=True)) == ["Trend"]


def test_the_run_forgets_rows_made_by_a_file_that_rolled_back_when_the_next_batch_needs_them(
    monkeypatch,
):
    cache = store.LookupCache()
    crash_on(monkeypatch, "in/a.txt", RuntimeError("disk on fire"))
    store_batch([ready("a", source="Interfax")], cache)
    monkeypatch.undo()
    assert store_batch([ready("b", source="Interfax")], cache) == [Stored(Status.IMPORTED)]
    assert Article.objects.get().source.name == "Interfax"
    assert cache.sources == {"Interfax": Source.objects.get().pk}


def test_a_file_is_unchanged_with_a_note_when_another_file_of_its_batch_has_its_bytes():
    results = store_batch([ready("a", data=b"same"), ready("b", data=b"same")])
    assert results == [
        Stored(Status.IMPORTED),
        Stored(Status.UNCHANGED, "same bytes as in/a.txt, already in the archive"),
    ]


def test_a_file_is_updated_and_another_unchanged_when_the_batch_is_imported_again():
    store_batch([ready("a"), ready("b")])
    results = store_batch([ready("a", data=b"new bytes"), ready("b")])
    assert results == [Stored(Status.UPDATED), Stored(Status.UNCHANGED)]
    assert Article.objects.get(origin="in/a.txt").revisions.count() == 1


def test_a_file_that_lost_a_race_is_stored_again_alone_after_the_batch(monkeypatch):
    real, calls = store._store_once, []

    def collide_once_on_b(original, *args):
        calls.append(original.origin)
        if calls.count("in/b.txt") == 1 and original.origin == "in/b.txt":
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(original, *args)

    monkeypatch.setattr(store, "_store_once", collide_once_on_b)
    results = store_batch([ready("a"), ready("b"), ready("c")])
    assert results == [Stored(Status.IMPORTED)] * 3
    assert calls == ["in/a.txt", "in/b.txt", "in/c.txt", "in/b.txt"]


def test_every_file_is_stored_alone_when_the_batch_transaction_itself_fails(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_store_together", refuse)
    results = store_batch([ready("a"), ready("b")])
    assert results == [Stored(Status.IMPORTED)] * 2
    assert Article.objects.count() == 2


def test_articles_with_one_title_get_the_next_free_slug_when_another_import_took_one_meanwhile():
    cache = store.LookupCache()
    title = "Baku and Moscow talk"
    store_batch([ready("a", title=title), ready("b", title=title)], cache)
    # Another import stores the slug this run would give next.
    other = Article.objects.get(origin="in/b.txt")
    other.pk, other.slug, other.origin, other.sha256 = None, "baku-and-moscow-talk-3", "x", "x"
    other.save()
    store_batch([ready("c", title=title), ready("d", title=title)], cache)
    slugs = dict(Article.objects.values_list("origin", "slug"))
    assert [slugs[f"in/{name}.txt"] for name in "abcd"] == [
        "baku-and-moscow-talk", "baku-and-moscow-talk-2",
        "baku-and-moscow-talk-4", "baku-and-moscow-talk-5",
    ]  # fmt: skip


def words(name: str, body: str):
    original, extracted = ready(name, data=body.encode())
    article = ParsedArticle(title=f"Report {name}", title_derived=False, body=body, source="Trend")
    return original, Extracted(article=article, agreements=(), tags=())


def counted() -> dict[str, int]:
    return dict(Word.objects.values_list("text", "article_count"))


def test_a_batch_counts_its_words_as_counting_every_article_afresh_would():
    with CaptureQueriesContext(connection) as queries:
        store_batch([words("a", "Gas pipeline talks"), words("b", "Gas contract signed")])
    # One upsert for the batch: per file, a common word's row took a version a file.
    assert sum("INSERT INTO articles_word" in q["sql"] for q in queries.captured_queries) == 1
    # b loses "contract", gains "pipeline" and "Baku"; c is new.
    store_batch([words("b", "Gas pipeline signed in Baku"), words("c", "Pipeline contract")])
    kept = counted()
    assert kept["gas"] == 2 and kept["pipeline"] == 3 and kept["contract"] == 1
    assert vocabulary.rebuild(using="default") == len(kept)
    assert counted() == kept


def test_a_file_rolled_back_after_counting_its_words_leaves_no_count(monkeypatch):
    real = stories.place_new

    def place_new(article, **options):
        if article.origin == "in/b.txt":
            raise ValueError("filing failed")
        return real(article, **options)

    monkeypatch.setattr(stories, "place_new", place_new)
    results = store_batch([words("a", "Gas pipeline talks"), words("b", "Caspian caviar")])
    assert isinstance(results[1], ValueError)
    assert counted() == {"gas": 1, "pipeline": 1, "talks": 1, "report": 1}
