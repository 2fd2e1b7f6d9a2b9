"""The bulk path of bench/generate.py: generated articles as rows, fast (generate -> database).

Sources, tags and agreements go in through the ORM (a few hundred rows);
articles, their tags and mentions in batches through the raw connection:
executemany on SQLite, COPY on PostgreSQL; then the articles are filed into
copies and stories in one pass (`group_stories`, timed apart). Rows are made from the models'
own fields (get_db_prep_save), so a column added later gets its default and a
generated column is left to the database.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.utils.text import slugify

from articles.models import (
    TRANSLITERATION,
    Agreement,
    AgreementKey,
    Article,
    Mention,
    Source,
    Tag,
)
from articles.stories_archive import group_archive, insert_rows
from bench import corpus

SOURCES_PATH = corpus.ROOT / "fixtures" / "sources.json"
IMPORTED_AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def batches(numbers: range, size: int) -> Iterator[range]:
    for first in range(numbers.start, numbers.stop, size):
        yield range(first, min(first + size, numbers.stop))


def _slug(text: str, fallback: str) -> str:
    return slugify(text.lower().translate(TRANSLITERATION))[:80].strip("-") or fallback


class Catalogue:
    """Ids of the sources, tags and agreements the articles point at, made once."""

    def __init__(self) -> None:
        self.sources = {s.name: s.pk for s in Source.objects.all()}
        self.tags = {(t.name, t.kind): t.pk for t in Tag.objects.all()}
        self.agreements: dict[int, int] = {}

    def fill(self) -> Catalogue:
        entries = json.loads(SOURCES_PATH.read_text(encoding="utf-8"))["sources"]
        for entry in entries:
            if entry["name"] not in self.sources:
                source = Source.objects.create(
                    name=entry["name"],
                    slug=_unique(Source, _slug(entry["name"], "source")),
                    site_url=f"https://{entry['domains'][0]}/" if entry["domains"] else "",
                )
                self.sources[source.name] = source.pk
        for kind, names in _tag_names().items():
            for name in names:
                if (name, kind) not in self.tags:
                    tag = Tag.objects.create(
                        name=name, kind=kind, slug=_unique(Tag, _slug(name, "tag"))
                    )
                    self.tags[(name, kind)] = tag.pk
        for index, spec in enumerate(corpus.agreements()):
            self.agreements[index] = _agreement_id(spec)
        return self


def _tag_names() -> dict[str, list[str]]:
    lists = corpus.entity_lists()
    return {
        "person": [p[0] for p in lists["person"]],
        "organisation": [o[0] for o in lists["organisation"]],
        "place": [p[0] for p in lists["place"]],
        "topic": [t[0] for t in corpus.TOPICS],
        "event": list(corpus.EVENTS),
    }


def _unique(model: type[models.Model], base: str) -> str:
    candidate, n = base, 1
    while model.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _agreement_id(spec: corpus.AgreementSpec) -> int:
    key = f"bench:{spec.language}:{_slug(spec.name, 'agreement')}"
    found = AgreementKey.objects.filter(key=key).values_list("agreement_id", flat=True).first()
    if found:
        return found
    agreement = Agreement.objects.create(
        name=spec.name,
        slug=_unique(Agreement, _slug(spec.name, "agreement")),
        kind=spec.kind,
        parties="Azerbaijan, Russia",
        signed_on=spec.signed_on,
    )
    AgreementKey.objects.create(key=key, agreement=agreement)
    return agreement.pk


# Article columns that differ from row to row; the rest are the same on every row.
ARTICLE_VARYING = {
    "id",
    "title",
    "is_title_derived",
    "slug",
    "source_id",
    "published_on",
    "date_precision",
    "byline",
    "language",
    "body",
    "origin",
    "file_path",
    "original",
    "sha256",
    "encoding",
}


class _Rows:
    """Turns generated articles into prepared rows for the three big tables."""

    def __init__(self, catalogue: Catalogue, first_id: int, start: int) -> None:
        self.catalogue, self.first_id, self.start = catalogue, first_id, start
        self.article_fields = _insertable(Article, with_pk=True)
        self.tag_fields = _insertable(Article.tags.through)
        self.mention_fields = _insertable(Mention)
        constants = {"imported_at": IMPORTED_AT, "changed_at": IMPORTED_AT, "curated_fields": []}
        self.article_row = _RowMaker(self.article_fields, constants, ARTICLE_VARYING)
        self.tag_row = _RowMaker(self.tag_fields, {}, {"article_id", "tag_id"})
        self.mention_row = _RowMaker(
            self.mention_fields, {}, {"article_id", "agreement_id", "sentence", "is_signed"}
        )
        self.slugs: dict[str, int] = {}
        self.issued: set[str] = set(Article.objects.values_list("slug", flat=True))

    def slug(self, title: str) -> str:
        base = _slug(title, "article")
        n = self.slugs.get(base, 0)
        candidate = base if n == 0 else f"{base}-{n + 1}"
        while candidate in self.issued:
            n += 1
            candidate = f"{base}-{n + 1}"
        self.slugs[base] = n + 1
        self.issued.add(candidate)
        return candidate

    def article(self, item: corpus.GeneratedArticle) -> tuple:
        name = f"{item.number:07d}.txt"
        original = item.original
        values = {
            "id": self.first_id + item.number - self.start,
            "title": item.title,
            "is_title_derived": item.is_title_derived,
            "slug": self.slug(item.title),
            "source_id": self.catalogue.sources.get(item.source),
            "published_on": item.published_on,
            "date_precision": item.date_precision,
            "byline": item.byline,
            "language": item.language,
            "body": item.body,
            "origin": name,
            "file_path": f"bench/corpus/{name}",
            "original": original,
            "sha256": item.sha256,
            "encoding": item.encoding,
        }
        return self.article_row(values)

    def batch(self, numbers: range, seed: int) -> dict[type[models.Model], tuple[list, list]]:
        items = [corpus.article(number, seed) for number in numbers]
        return {
            Article: (self.article_fields, [self.article(i) for i in items]),
            Article.tags.through: (self.tag_fields, [r for i in items for r in self.tags(i)]),
            Mention: (self.mention_fields, [r for i in items for r in self.mentions(i)]),
        }

    def tags(self, item: corpus.GeneratedArticle) -> list[tuple]:
        article_id = self.first_id + item.number - self.start
        tag_ids = {self.catalogue.tags[key] for key in item.tags}
        return [
            self.tag_row({"article_id": article_id, "tag_id": tag_id}) for tag_id in sorted(tag_ids)
        ]

    def mentions(self, item: corpus.GeneratedArticle) -> list[tuple]:
        article_id = self.first_id + item.number - self.start
        rows = []
        for index, sentence, is_signed in item.mentions:
            values = {
                "article_id": article_id,
                "agreement_id": self.catalogue.agreements[index],
                "sentence": sentence,
                "is_signed": is_signed,
            }
            rows.append(self.mention_row(values))
        return rows


def _insertable(model: type[models.Model], *, with_pk: bool = False) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if not getattr(f, "generated", False) and (with_pk or not f.primary_key)
    ]


class _RowMaker:
    """Rows for one table in column order: what is the same on every row (a default,
    the import time) adapted once; numbers, text and bytes passed as they are."""

    PLAIN = (int, str, bytes, type(None))

    def __init__(self, fields: list[models.Field], constants: dict, varying: set[str]) -> None:
        self.database = connections[DEFAULT_DB_ALIAS]
        self.fields = fields
        self.constant = {
            f.attname: f.get_db_prep_save(constants.get(f.attname, f.get_default()), self.database)
            for f in fields
            if f.attname not in varying
        }

    def __call__(self, values: dict) -> tuple:
        return tuple(self._value(f, values) for f in self.fields)

    def _value(self, field: models.Field, values: dict):
        if field.attname in self.constant:
            return self.constant[field.attname]
        value = values[field.attname]
        if isinstance(value, self.PLAIN):
            return value
        return field.get_db_prep_save(value, self.database)


def _insert(model: type[models.Model], fields: list[models.Field], rows: list[tuple]) -> None:
    insert_rows(model, tuple(field.column for field in fields), rows)


def load(
    count: int,
    *,
    seed: int,
    start: int,
    batch: int,
    progress: Callable[[int, int, float], None],
    writers: int = 1,
) -> dict[str, float]:
    """Articles start..start+count into the database, indexes rebuilt once at the end.

    Rows are made here, in order (so slugs come out the same every time), and
    written by `writers` threads, each with its own connection: on PostgreSQL
    the tsvector trigger, not Python, is the bottleneck, and two server
    processes share it. SQLite has one writer. Returns the timings: the
    catalogue (a fixed cost whatever the size), the rows, the index rebuild.
    """
    begun = time.perf_counter()
    catalogue = Catalogue().fill()
    first_id = (Article.objects.aggregate(top=models.Max("id"))["top"] or 0) + 1
    rows = _Rows(catalogue, first_id, start)
    writers = writers if connection.vendor == "postgresql" else 1
    restore = _defer_indexes()
    started, done = time.perf_counter(), 0
    try:
        for written in _write_all(rows, batches(range(start, start + count), batch), seed, writers):
            done += written
            progress(done, count, started)
    finally:
        rows_done = time.perf_counter()
        restore()
    _reset_sequences()
    finished, finished_cpu = time.perf_counter(), time.process_time()
    # The importer files each article into its copies and stories; rows loaded around
    # it are filed here, in one set-based pass (articles.stories_archive).
    group_archive()
    grouped, grouped_cpu = time.perf_counter(), time.process_time()
    return {
        "articles": done,
        "writers": writers,
        "catalogue_seconds": round(started - begun, 2),
        "rows_seconds": round(rows_done - started, 2),
        "index_seconds": round(finished - rows_done, 2),
        "seconds": round(finished - started, 2),
        "per_second": round(done / (finished - started), 1),
        "stories_seconds": round(grouped - finished, 2),
        # This process's CPU (SQLite's work, not PostgreSQL's server): steadier than
        # the wall clock on a shared machine.
        "stories_cpu_seconds": round(grouped_cpu - finished_cpu, 2),
        "stories_added_percent": round((grouped - finished) / (finished - started) * 100, 1),
    }


def _write_all(rows: _Rows, chunks: Iterator[range], seed: int, writers: int) -> Iterator[int]:
    """Write every chunk, yielding each one's size as it lands; in order when alone."""
    if writers == 1:
        for numbers in chunks:
            yield _write_batch(rows.batch(numbers, seed))
        return
    with ThreadPoolExecutor(max_workers=writers) as pool:
        pending: deque[Future] = deque()
        for numbers in chunks:
            pending.append(pool.submit(_write_batch, rows.batch(numbers, seed)))
            while len(pending) > writers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _write_batch(prepared: dict[type[models.Model], tuple[list, list[tuple]]]) -> int:
    """One batch in one transaction, on this thread's own connection."""
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit = off")
            for model, (fields, table_rows) in prepared.items():
                _insert(model, fields, table_rows)
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()
    return len(prepared[Article][1])


def _big_tables() -> list[str]:
    return [Article._meta.db_table, Article.tags.through._meta.db_table, Mention._meta.db_table]


def _defer_indexes() -> Callable[[], None]:
    """Drop what slows a bulk insert; the returned function puts it all back."""
    if connection.vendor == "postgresql":
        return _defer_postgres_indexes()
    return _defer_sqlite_indexes()


def _defer_postgres_indexes() -> Callable[[], None]:
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid::regclass::text = ANY(%s) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)",
            [_big_tables()],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")

    def restore() -> None:
        with connection.cursor() as cursor:
            # Foreign keys are checked at commit; an index cannot be built while checks wait.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _, definition in indexes:
                cursor.execute(definition)
            # VACUUM, not only ANALYZE: it sets the visibility map, without which
            # the facets' index-only scans visit every row's heap page (1M
            # articles, source=trend: the sources facet 234 -> 10 ms). Autovacuum
            # would do it some time after a load this size; readers should not wait.
            # (Inside a transaction, as in the tests, VACUUM cannot run.)
            tables = ", ".join(connection.ops.quote_name(table) for table in _big_tables())
            vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cursor.execute(f"{vacuum} {tables}")

    return restore


def _defer_sqlite_indexes() -> Callable[[], None]:
    connection.ensure_connection()
    raw = connection.connection
    if not connection.in_atomic_block:
        raw.execute("PRAGMA synchronous = OFF")
    tables = _big_tables()
    marks = ", ".join("?" * len(tables))
    indexes = raw.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    fts_tables = _rebuildable_fts_tables(raw)
    triggers = [
        (name, sql)
        for name, sql in raw.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            [tables[0]],
        ).fetchall()
        if any(fts in sql for fts in fts_tables)
    ]
    for name, _ in indexes:
        raw.execute(f'DROP INDEX "{name}"')
    for name, _ in triggers:
        raw.execute(f'DROP TRIGGER "{name}"')

    def restore() -> None:
        for _, sql in indexes:
            raw.execute(sql)
        for fts in fts_tables:
            raw.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
            raw.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'integrity-check\')')
        for _, sql in triggers:
            raw.execute(sql)
        raw.execute("ANALYZE")

    return restore


def _rebuildable_fts_tables(raw) -> list[str]:
    """FTS5 tables whose index 'rebuild' remakes exactly: external content on the
    article table, every column an article column fed as-is by the triggers."""
    article_table = Article._meta.db_table
    columns = {row[1] for row in raw.execute(f'PRAGMA table_info("{article_table}")')}
    found = []
    for name, sql in raw.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    ).fetchall():
        options = sql.replace('"', "'").replace("[", "'").replace("]", "'").replace(" ", "")
        if (
            f"content='{article_table}'" not in options
            and f"content={article_table}," not in options
        ):
            continue
        fts_columns = [row[1] for row in raw.execute(f'PRAGMA table_info("{name}")')]
        triggers = " ".join(
            sql
            for (sql,) in raw.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?", [f"%{name}%"]
            )
        )
        if set(fts_columns) <= columns and all(f"new.{c}" in triggers.lower() for c in fts_columns):
            found.append(name)
    return found


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in _big_tables():
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {connection.ops.quote_name(table)}))",
                [table],
            )
