"""The benchmark corpus generator: the same articles for the same seed, articles
the real parser reads as generated, and a bulk load that leaves the database
(full-text index included) as the importer would."""

import hashlib
import subprocess
import sys
from collections import Counter

import pytest
from django.db import connection

from articles.ingest.parse import parse
from articles.ingest.read import decode
from articles.models import Article, Mention
from bench import corpus
from bench.bulk import load

SAMPLE = range(300)


def _fingerprint(numbers: range, seed: int = corpus.DEFAULT_SEED) -> str:
    digest = hashlib.sha256()
    for number in numbers:
        digest.update(corpus.article(number, seed).original)
    return digest.hexdigest()


def test_articles_are_identical_when_generated_in_another_process():
    code = (
        "from bench import corpus; import hashlib; d = hashlib.sha256(); "
        "[d.update(corpus.article(n).original) for n in range(50)]; print(d.hexdigest())"
    )
    other = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONHASHSEED": "12345", "PATH": ""},
        cwd=corpus.ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == _fingerprint(range(50))


def test_articles_differ_when_the_seed_differs():
    assert _fingerprint(range(20), seed=1) != _fingerprint(range(20), seed=2)


def test_parser_reads_date_and_language_as_generated_when_importing_the_files():
    misread = [
        number
        for number in SAMPLE
        if (parsed := parse(decode(corpus.article(number).original).text)).language
        != corpus.article(number).language
        or parsed.published.value != corpus.article(number).published_on
    ]
    assert misread == []


def test_mix_has_russian_azerbaijani_and_undated_articles_when_generating_many():
    articles = [corpus.article(number) for number in range(2000)]
    languages = Counter(article.language for article in articles)
    assert 0.07 < languages["ru"] / 2000 < 0.13
    assert 0.03 < languages["az"] / 2000 < 0.07
    assert {article.date_precision for article in articles} == {"day", "month", "year", "unknown"}


def test_common_word_is_in_most_articles_and_rare_word_in_few_when_generating_many():
    bodies = [corpus.article(number).body for number in range(5000)]
    assert sum("Azerbaijan" in body for body in bodies) > 0.8 * 5000
    assert 1 <= sum(corpus.RARE_WORD in body for body in bodies) <= 15
    assert not any(corpus.ABSENT_WORD in body for body in bodies)


@pytest.mark.django_db
def test_bulk_load_writes_articles_tags_and_mentions_when_loading_a_small_corpus():
    load(40, seed=corpus.DEFAULT_SEED, start=0, batch=15, progress=lambda *_: None)
    expected_mentions = sum(len(corpus.article(n).mentions) for n in range(40))
    assert Article.objects.count() == 40
    assert Mention.objects.count() == expected_mentions
    assert Article.tags.through.objects.count() == 40 * 6


@pytest.mark.django_db
def test_full_text_index_finds_every_article_with_the_word_when_bulk_loaded():
    load(40, seed=corpus.DEFAULT_SEED, start=0, batch=15, progress=lambda *_: None)
    expected = {
        pk for pk, body in Article.objects.values_list("pk", "body") if "Azerbaijan" in body.split()
    }
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT id FROM articles_article "
                "WHERE search_vector @@ to_tsquery('simple', 'azerbaijan')"
            )
        else:
            cursor.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Azerbaijan'")
        found = {row[0] for row in cursor.fetchall()}
    assert expected and expected <= found


@pytest.mark.django_db
def test_bulk_load_leaves_articles_unfiled_when_stories_are_deferred():
    from articles.models import ArticleFingerprint
    from bench.generate import load_database

    load_database(20, seed=corpus.DEFAULT_SEED, batch=10, writers=1, stories=False)
    unfiled = ArticleFingerprint.objects.count()
    load_database(20, seed=corpus.DEFAULT_SEED, start=20, batch=10, writers=1)

    assert (Article.objects.count(), unfiled) == (40, 0)
    assert ArticleFingerprint.objects.count() == 40
