"""Champion lists: the tier a relevance search ranks besides its newest matches.

store -> index -> search: a search ranks its RANK_LIMIT newest matches, which
for a common word are a sliver of the archive and rarely its best (the
overlap with the exhaustive ranking's top 20 was 0.26 / 0.29 at 100k,
bench/RESULTS.md "Relevance over every match"). So each term (a stem in one
stemming configuration) in more than LIST_LENGTH articles keeps a list of the
LIST_LENGTH articles it weighs most in, by the backend's own weight of that
term alone (SQLite: bm25's term factor, title 10 : body 1, without the idf
that every article of the list shares; PostgreSQL: ts_rank of the lexeme over
the A/C-weighted vector). A relevance search whose matches pass the cap adds
its words' lists to its candidates and ranks them by the same formula
(`merge_champions`): from the lists alone where they give an article's every
word, else from its text (SQLite) or vector (PostgreSQL).

Each list keeps a `floor`: every article holding the term outside the list
weighs no more than it. That bound orders the lists' articles before they are
ranked (`Tier.by_bound`), and ranking stops once no article left can reach
the first places, so a backend reads the few that can, not all. The lists
themselves are read the same way (`ranked_with_champions`, a threshold walk):
SQLite reads each list's top 100 rows first, where a single word's, a
phrase's or most names' first places settle, and deeper only when they do not.

Words that are rare when the lists are built get none: a search with one of
them has few matches, all ranked. A word that becomes common later gets its
list at the next rebuild; until then its searches rank their newest matches
and the list page says so.

Upkeep: `keep_articles` after an article is stored or its text changes (it
leaves its lists, then enters those it now beats the floor of, each dropping
its lowest); a deleted article leaves its lists by the foreign key's cascade
(a list is then one short until the next rebuild, and the floor still holds);
`rebuild` makes every list again, set-based, for the bulk path and for an
archive that predates the lists or has grown new common words.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from importlib import import_module
from typing import Any

from django.db import connections, transaction

from articles.models import Champion, ChampionList
from articles.search.stems import CONFIGS, DEFAULT_CONFIG, stem
from articles.search.terms import Query

# Articles per list. The model (bench/relevance.py --champions) reached the
# issue's 0.9 at 100k with this many, where 200 fell short on PostgreSQL.
LIST_LENGTH = 1_000
# Longer stems are never listed: no common word is that long.
TERM_LENGTH = 100
INSERT_BATCH = 10_000
CONFIG_NAMES = (*dict.fromkeys(CONFIGS.values()), DEFAULT_CONFIG)
_BACKENDS = {"postgresql": "articles.search.postgres", "sqlite": "articles.search.sqlite"}
# (configuration, term): one list.
Key = tuple[str, str]


def _backend(using: str):
    return import_module(_BACKENDS[connections[using].vendor])


def word_keys(word: str) -> set[Key]:
    """The lists a sought word may have: its stem in each configuration."""
    return {(config, stem(word, config)) for config in CONFIG_NAMES}


# How much deeper each round reads than the one before
# (ranked_with_champions; the first reads each backend's FIRST_DEPTH).
DEEPER = 4


@dataclass(frozen=True)
class Listed:
    """One list as a search reads it. `bound`: no article of the list left
    unread weighs more (the floor once the list is read to its end)."""

    id: int
    floor: float
    article_count: int
    bound: float | None = None

    @property
    def upper(self) -> float:
        return self.floor if self.bound is None else max(self.bound, self.floor)


@dataclass
class Tier:
    """What the lists say about one search: the lists of its words; for each
    listed article, its weight on each of those lists it is on; and per group
    of the query (its words that may stand for one another), their lists."""

    lists: dict[Key, Listed] = field(default_factory=dict)
    impacts: dict[int, dict[Key, float]] = field(default_factory=dict)
    groups: list[set[Key]] = field(default_factory=list)
    # Each term sought: the keys of each of its words.
    terms: list[list[set[Key]]] = field(default_factory=list)
    # Every list was read to its end.
    is_read: bool = True
    _keys: dict[str, list[Key] | None] = field(default_factory=dict, repr=False)

    @property
    def is_bounded(self) -> bool:
        """Every word sought has a list, so `by_bound` bounds the scores: a word
        with none might add anything (its idf is high, its weight unknown)."""
        return all(keys & self.lists.keys() for words in self.terms for keys in words)

    @property
    def is_complete(self) -> bool:
        """Every word sought has a list, so the best articles of each are
        candidates (a word too rare for one may stand in an OR with more
        matches than the cap, and its best were not looked for)."""
        return bool(self.groups) and self.is_bounded

    def by_bound(self, weight) -> list[tuple[int, float]]:
        """The listed articles that may match, each with a bound of its score,
        highest first. Per term sought, in the article's configuration: a
        word's weight where the article is on its list, else the list's floor
        (no article off a list weighs more), scaled by `weight(key)` (bm25's
        idf; 1 for ts_rank, which is no sum, so there the bound only orders);
        a phrase, its words' least weight (it stands no more often than any
        of them) by their highest scale (its own idf is at most its rarest
        word's). An article is left out when a group has no list in its
        configuration: the group's words are rare among its language's
        articles, so it most likely lacks them."""
        per_config = {
            config: self._terms_in(config, weight) for config in {key[0] for key in self.lists}
        }
        bounds = []
        for article, on in self.impacts.items():
            terms = per_config[next(iter(on))[0]]
            if terms is not None:
                bound = sum(
                    max(w for _, w, _ in term) * min(on.get(key, floor) for key, _, floor in term)
                    for term in terms
                )
                bounds.append((article, bound))
        bounds.sort(key=lambda item: (-item[1], -item[0]))
        return bounds

    def _terms_in(self, config: str, weight) -> list[list[tuple[Key, float, float]]] | None:
        """Each term's listed words in `config` as (key, weight, floor); None
        when a group has none there."""
        if not all(any(key[0] == config for key in group) for group in self.groups):
            return None
        terms = []
        for words in self.terms:
            listed = [
                (key, weight(key), self.lists[key].upper)
                for keys in words
                for key in keys
                if key[0] == config and key in self.lists
            ]
            if listed:
                terms.append(listed)
        return terms

    def unseen_bound(self, weight) -> float:
        """The highest score an article on none of the lists as read can have
        (by_bound's bound with every weight at its list's `upper`)."""
        best = 0.0
        for config in {key[0] for key in self.lists}:
            terms = self._terms_in(config, weight)
            if terms:
                best = max(
                    best,
                    sum(max(w for _, w, _ in term) * min(f for _, _, f in term) for term in terms),
                )
        return best

    def listed_keys(self, config: str, query: Query) -> list[Key] | None:
        """The list of each group of `query` in `config` when every group is
        one word and nothing is excluded (so an article on all of them
        matches); else None."""
        if query.excluded or any(len(g) > 1 or g[0].is_phrase for g in query.groups):
            return None
        return [(config, stem(group[0].words[0], config)) for group in query.groups]

    def listed_weights(self, article: int, query: Query) -> list[tuple[Key, float]] | None:
        """`article`'s weight for each group of `query` when its lists give them
        all (listed_keys); else None and its text or vector must be read."""
        on = self.impacts.get(article)
        if not on:
            return None
        config = next(iter(on))[0]
        if config not in self._keys:
            self._keys[config] = self.listed_keys(config, query)
        keys = self._keys[config]
        if keys is None or any(key not in on for key in keys):
            return None
        return [(key, on[key]) for key in keys]


@dataclass(frozen=True)
class Merged:
    """Candidates in rank order, the `top`-th score (None when fewer were
    ranked, or no stop was asked for) and the highest bound of a champion
    left unranked (0 when none was)."""

    ids: list[int]
    top_score: float | None
    pending: float

    def is_settled(self, unseen: float) -> bool:
        """No champion left unranked and no article `unseen` bounds can
        reach the first places."""
        return self.top_score is not None and max(self.pending, unseen) < self.top_score


def merge_champions(
    scored: dict[int, float],
    waiting: list[tuple[int, float]],
    listed: Callable[[int], float | None],
    rank: Callable[[list[int]], dict[int, float]],
    *,
    limit: int,
    batch: int,
    top: int,
    known: dict[int, float | None] | None = None,
) -> Merged:
    """The newest candidates (`scored`: id -> score, higher first) and the
    champions that can reach the first `top` places, in rank order, with the
    `top`-th score and the highest bound of a champion left unranked.

    `waiting` are the champions that pass the filters with their bounds,
    highest first. Those whose lists give their score (`listed`) cost
    nothing more; up to `limit` others are ranked by the backend (`rank`:
    id -> score, None for no match, an id left out when not ranked now;
    `batch` at a time) until the next one's bound is below the `top`-th score
    so far: no champion after it could reach those places (`top` 0: no
    stop, where the bound does not bound the backend's score). `known`
    keeps what the backend ranked (None: no match) from one round of a
    search to the next."""
    known = {} if known is None else known
    ranked = dict(scored)
    for article, _ in waiting:
        score = listed(article)
        if score is None:
            score = known.get(article)
        if score is not None:
            ranked[article] = score
    rest = [item for item in waiting if item[0] not in ranked and item[0] not in known]
    taken, unranked = 0, 0.0
    for start in range(0, min(limit, len(rest)), batch):
        part = rest[start : min(start + batch, limit)]
        best = heapq.nlargest(top, ranked.values())
        if top and len(best) == top and part[0][1] < best[-1]:
            break
        found = rank([article for article, _ in part])
        known.update(found)
        ranked |= {article: score for article, score in found.items() if score is not None}
        unranked = max([unranked, *(bound for article, bound in part if article not in found)])
        taken = start + len(part)
    best = heapq.nlargest(top, ranked.values()) if top else []
    ids = [pk for pk, _ in sorted(ranked.items(), key=lambda item: (-item[1], -item[0]))]
    return Merged(
        ids,
        best[-1] if top and len(best) == top else None,
        max(unranked, rest[taken][1] if taken < len(rest) else 0.0),
    )


def _lists_for(keys: Iterable[Key], using: str) -> dict[Key, Listed]:
    wanted = set(keys)
    terms = {term for _, term in wanted}
    rows = ChampionList.objects.using(using).filter(term__in=terms)
    return {
        (config, term): Listed(pk, floor, count)
        for pk, config, term, floor, count in rows.values_list(
            "pk", "config", "term", "floor", "article_count"
        )
        if (config, term) in wanted
    }


def tier_for(
    query: Query, using: str, depth: int | None = None, *, lists: dict[Key, Listed] | None = None
) -> Tier:
    """The lists of `query`'s words (`lists`: as an earlier call found them)
    and the articles on them: each list's `depth` highest (all of it when
    None), each list's `bound` the lowest weight read where rows were left unread."""
    groups = [
        {key for term in group for word in term.words for key in word_keys(word)}
        for group in query.groups
    ]
    if lists is None:
        lists = _lists_for(set().union(*groups), using)
    lists = {key: replace(listed, bound=None) for key, listed in lists.items()}
    terms = [[word_keys(word) for word in term.words] for group in query.groups for term in group]
    tier = Tier(lists=lists, groups=[keys & lists.keys() for keys in groups], terms=terms)
    if not lists:
        return tier
    by_id = {listed.id: key for key, listed in lists.items()}
    table = Champion._meta.db_table
    if depth is None:
        placeholders = ", ".join(["%s"] * len(by_id))
        sql = (
            f"SELECT champion_list_id, article_id, impact FROM {table} "
            f"WHERE champion_list_id IN ({placeholders})"
        )
        params: list[int] = list(by_id)
    else:
        # One statement, each list read down its (list, impact) index and no further.
        sql = " UNION ALL ".join(
            f"SELECT * FROM (SELECT champion_list_id, article_id, impact FROM {table} "
            f"WHERE champion_list_id = %s ORDER BY impact DESC LIMIT %s) list_{number}"
            for number in range(len(by_id))
        )
        params = [value for list_id in by_id for value in (list_id, depth)]
    lowest: dict[int, float] = {}
    read: Counter[int] = Counter()
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        for list_id, article, impact in cursor.fetchall():
            tier.impacts.setdefault(article, {})[by_id[list_id]] = impact
            read[list_id] += 1
            lowest[list_id] = min(impact, lowest.get(list_id, impact))
    if depth is not None:
        for list_id, key in by_id.items():
            if read[list_id] >= depth:
                tier.lists[key] = replace(tier.lists[key], bound=lowest[list_id])
                tier.is_read = False
    return tier


def ranked_with_champions(
    backend, queryset, query: Query, scored: list[tuple[int, Any]]
) -> tuple[list[int] | None, Tier]:
    """The newest candidates (`scored`) ranked with the champions of the words
    sought (the backend's `with_champions`), and the tier read; None for the
    ids when no list has an article. A threshold walk (Fagin's): each round
    reads every list from its top, FIRST_DEPTH rows and DEEPER times more
    each round, and stops when the first places are settled (no article left
    unread on any list can reach them) or every list is read to its end.
    A search the bounds do not hold for (the backend's `can_settle`) reads
    the whole lists at once. A round before the last ranks no more than
    SQLite's ROUND_LIMIT champions from their text (PostgreSQL reads its lists
    whole in its first round): one that cannot settle is followed by the whole
    lists' round."""
    depth, known, lists = backend.FIRST_DEPTH, {}, None
    while True:
        # A list is LIST_LENGTH long: read that deep, read it whole.
        tier = tier_for(query, queryset.db, None if depth >= LIST_LENGTH else depth, lists=lists)
        if lists is None and not backend.can_settle(query, tier):
            # No bound holds: only the whole lists rank as well as they can.
            depth = LIST_LENGTH
            tier = tier_for(query, queryset.db, lists=tier.lists)
        lists = tier.lists
        if not tier.impacts:
            return None, tier
        ids, settled = backend.with_champions(queryset, query, scored, tier, known)
        if settled or tier.is_read:
            return ids, tier
        depth *= DEEPER


def keep_articles(ids: Iterable[int], *, using: str) -> int:
    """After storing articles (new, or their text changed): each leaves its
    lists and enters those it now weighs more in than their floor, each of
    those dropping its lowest article. Returns how many places were taken."""
    ids = list(ids)
    if not ChampionList.objects.using(using).exists():
        # No list yet (a new archive, before its first rebuild): nothing to enter.
        return 0
    with transaction.atomic(using=using):
        held = Champion.objects.using(using).filter(article_id__in=ids)
        left = Counter(held.values_list("champion_list_id", flat=True))
        held.delete()
        impacts = _backend(using).term_impacts(ids, using=using)
        lists = _lists_for({key for by_key in impacts.values() for key in by_key}, using)
        entering = [
            Champion(champion_list_id=lists[key].id, article_id=article, impact=impact)
            for article, by_key in impacts.items()
            for key, impact in by_key.items()
            if key in lists and impact > lists[key].floor
        ]
        Champion.objects.using(using).bulk_create(entering)
        # A place the article held before is its own again, not another's to lose.
        gained = Counter(champion.champion_list_id for champion in entering) - left
        _drop_lowest(list(gained.elements()), using)
    return len(entering)


def _drop_lowest(list_ids: list[int], using: str) -> None:
    """Each list loses its lowest article once per place it gained (a list
    id may repeat), so it keeps its length; its floor rises to its new lowest."""
    if not list_ids:
        return
    table, lists = Champion._meta.db_table, ChampionList._meta.db_table
    with connections[using].cursor() as cursor:
        for list_id in list_ids:
            cursor.execute(
                f"DELETE FROM {table} WHERE id = (SELECT id FROM {table} "
                "WHERE champion_list_id = %s ORDER BY impact, article_id LIMIT 1)",
                [list_id],
            )
        placeholders = ", ".join(["%s"] * len(list_ids))
        cursor.execute(
            f"UPDATE {lists} SET floor = (SELECT MIN(impact) FROM {table} "
            f"WHERE champion_list_id = {lists}.id) WHERE id IN ({placeholders})",
            list_ids,
        )


def best_per_term(
    postings: Iterable[tuple[int, Key, float]], length: int = LIST_LENGTH
) -> tuple[dict[Key, list[tuple[float, int]]], dict[Key, int]]:
    """From (article, key, impact) postings: per key, its `length` best
    (impact, article) pairs, and how many articles hold it. Ties go to the
    newer article, as the search's own tie-break does."""
    best: dict[Key, list[tuple[float, int]]] = defaultdict(list)
    counts: dict[Key, int] = defaultdict(int)
    for article, key, impact in postings:
        counts[key] += 1
        heap = best[key]
        if len(heap) < length:
            heapq.heappush(heap, (impact, article))
        elif (impact, article) > heap[0]:
            heapq.heapreplace(heap, (impact, article))
    return best, counts


def rebuild(*, using: str, length: int = LIST_LENGTH) -> int:
    """Every list made again from the stored articles: a list for each term
    in more than `length` articles. Returns the number of lists."""
    from articles.changes import archive_changed

    with transaction.atomic(using=using):
        Champion.objects.using(using).all().delete()
        ChampionList.objects.using(using).all().delete()
        lists = _backend(using).rebuild_tiers(length, using=using)
        # Pages cached from the old lists ranked other candidates.
        archive_changed(using)
    return lists


def store_lists(
    best: dict[Key, list[tuple[float, int]]], counts: dict[Key, int], length: int, using: str
) -> int:
    """Write the lists of the terms held by more than `length` articles, in
    plain batched inserts: a rebuild writes a million rows at 1M articles."""
    kept = [key for key, count in counts.items() if count > length and len(key[1]) <= TERM_LENGTH]
    made = ChampionList.objects.using(using).bulk_create(
        ChampionList(
            config=config,
            term=term,
            floor=min(best[(config, term)])[0],
            article_count=counts[(config, term)],
        )
        for config, term in kept
    )
    rows = [
        (made_list.pk, article, impact)
        for made_list, key in zip(made, kept, strict=True)
        for impact, article in best[key]
    ]
    table = Champion._meta.db_table
    with connections[using].cursor() as cursor:
        for start in range(0, len(rows), INSERT_BATCH):
            cursor.executemany(
                f"INSERT INTO {table} (champion_list_id, article_id, impact) VALUES (%s, %s, %s)",
                rows[start : start + INSERT_BATCH],
            )
    return len(made)
