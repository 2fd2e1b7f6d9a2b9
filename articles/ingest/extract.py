"""Third stage of ingestion: what a parsed article names (read -> parse -> extract).

The stage's face; callers import from here. Three extractors over a
ParsedArticle, each a plain function:

- `extract_agreements` (agreements.py): the specific signed (or planned)
  documents the text names, in English, Russian or Azerbaijani. A mention
  becomes an agreement only when it names one document: a singular document
  word with words that tell it apart ("memorandum of cooperation in the field
  of pensions", "Declaration on Allied Interaction ...") or with the parties
  who signed it named as the sentence's subject. Plurals and back-references
  ("these agreements", "a number of documents", "15 documents", "eight road
  maps") and bare words ("the road map") are left out. `agreement_key`
  (keys.py) is a document's identity across spellings.
- `count_documents_signed` (signing.py): how many documents the text says
  were signed at the event it reports.
- `extract_tags` (tags.py): people, organisations, places, events and topics
  from a gazetteer (fixtures/gazetteer.json) that curators extend.
- `extract_events` (events.py): the dated events the text reports (a
  commission's meeting, a visit, talks, a phone call, a forum, a summit).

Below this face, each module imports only from those beneath it:
sentences <- kinds <- keys; sentences <- signing <- parties (its signing verbs);
names (kinds, keys, parties); agreements (all of these and the register); tags alone;
events (sentences, dates).
"""

from __future__ import annotations

from articles.ingest.agreements import extract_agreements
from articles.ingest.events import EventKind, EventMention, extract_events
from articles.ingest.keys import agreement_key
from articles.ingest.signing import count_documents_signed
from articles.ingest.tags import (
    GAZETTEER_PATH,
    Gazetteer,
    build_gazetteer,
    extract_tags,
    load_gazetteer,
)

__all__ = [
    "GAZETTEER_PATH",
    "EventKind",
    "EventMention",
    "Gazetteer",
    "agreement_key",
    "build_gazetteer",
    "count_documents_signed",
    "extract_agreements",
    "extract_events",
    "extract_tags",
    "load_gazetteer",
]
