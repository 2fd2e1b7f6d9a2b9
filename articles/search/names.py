"""The names expansion searches under (articles.search.expand): every tag's
name and aliases (TagAlias, which curators extend in the admin) and the
gazetteer's names for the tags the importer makes (fixtures/gazetteer.json).

query: read in one query, made into spellings once, and cached until the
archive changes (articles.changes), so a search spends no query on them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

from articles.changes import cached_until_changed
from articles.ingest.tags import GAZETTEER_PATH
from articles.models import Tag, TagAlias
from articles.search.expand import Spellings, spellings_of

CACHE_NAME = "search-spellings"
# A curator's new alias is not a change the archive's version follows: this
# is how long a search may go on without it at most.
CACHE_SECONDS = 600


def _tag_names(using: str) -> Iterator[tuple[str, list[str]]]:
    """(kind, names) per tag, from one query over tags and their aliases."""
    tags = Tag.objects.using(using).values_list("pk", "kind", "name").order_by()
    aliases = TagAlias.objects.using(using).values_list("tag_id", "tag__kind", "name").order_by()
    names: dict[tuple[int, str], list[str]] = defaultdict(list)
    for pk, kind, name in tags.union(aliases, all=True):
        names[(pk, kind)].append(name)
    for (_, kind), tag_names in sorted(names.items()):
        yield kind, tag_names


def _gazetteer_names() -> Iterator[tuple[str, list[str]]]:
    entries = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))["entries"]
    for entry in entries:
        yield entry["kind"], [entry["name"], *entry.get("aliases", ())]


def known_spellings(using: str) -> Spellings:
    """Every known name's words and their spellings, as cached."""
    return cached_until_changed(
        CACHE_NAME,
        lambda: spellings_of([*_gazetteer_names(), *_tag_names(using)]),
        CACHE_SECONDS,
    )
