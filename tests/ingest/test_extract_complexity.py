"""Extraction costs time linear in the text (issue 13): no sentence can stall an import.

Only a ratio is asserted, so the test holds on a slow or busy machine;
bench/extract.py measures the absolute time on this one (bench/RESULTS.md).
"""

import time

from articles.ingest.document import ParsedArticle
from articles.ingest.extract import count_documents_signed, extract_agreements
from articles.ingest.register import load_register

PHRASE = "memorandum of cooperation in the field of "


def pathological(size: int) -> ParsedArticle:
    """One 'sentence' of `size` characters that repeats a document's name without a stop."""
    body = (PHRASE * (size // len(PHRASE) + 1))[:size]
    return ParsedArticle(title="", title_derived=True, body=body)


def seconds(article: ParsedArticle, register) -> float:
    started = time.perf_counter()
    extract_agreements(article, register)
    count_documents_signed(article)
    return time.perf_counter() - started


def test_costs_linear_time_when_a_megabyte_sentence_repeats_a_document_word():
    register = load_register()
    small, large = pathological(100_000), pathological(1_000_000)
    seconds(small, register)  # warm the regex caches
    small_time = min(seconds(small, register) for _ in range(3))
    large_time = min(seconds(large, register) for _ in range(2))
    assert large_time < 20 * small_time
