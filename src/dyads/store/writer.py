"""The single writer: loads ``to_arrow`` batches into DuckDB, one transaction per batch.

Each batch is registered as Arrow views and copied with ``INSERT … SELECT`` (never row by row).
Inside the transaction the writer

1. keeps only articles whose content hash the store does not hold yet, with their mentions,
   quotes and entities (so ingesting the same input twice adds nothing);
2. records input errors not recorded before (same item and reason -> one row);
3. adds an ``event_records`` row for every new event key, and for a key seen before recounts
   its mentions, articles and sources and keeps its first report (earliest article date, then
   article hash, then position): no full rescan, and the same records whatever order the batches
   come in. A record holds the fields every report shares and which mention is its first report;
   the ``events`` view adds that mention's other fields.

A run killed at any point loses at most the uncommitted batch; running it again stores exactly
what one clean run would (the rebuilt records do not depend on the order batches arrive in).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dyads.config import DEFAULT_DB
from dyads.errors import StoreError
from dyads.io.readers import Item, ReadError
from dyads.model import Article
from dyads.store import db
from dyads.store.arrow import Tables, to_arrow
from dyads.store.schema import ARROW_SCHEMAS, BATCH_TABLES, EVENT_COUNTS, TABLE_SCHEMAS, quoted, stored_columns

# The first report of an event (earliest article date, then article hash, then position): its
# identity and fields become the event record's, like GDELT's SOURCEURL. A total order over mentions, so the
# record does not depend on the order batches arrive in.
_FIRST_REPORT = ["coalesce({p}article_date, DATE '9999-12-31')", "{p}article_hash", "{p}sentence",
                 "{p}evidence_start", "{p}event_id"]


def first_report(prefix: str = "") -> str:
    """The sort key that picks an event's first report, over columns with this table prefix."""
    return "(" + ", ".join(c.format(p=prefix) for c in _FIRST_REPORT) + ")"


# What an event record takes from its first report's mention row (not the counts, not the
# generated columns).
_EVENT_COLS = [n for n in stored_columns("event_records") if n not in {f for f, _ in EVENT_COUNTS}]
_RECORD_COLS = stored_columns("event_records")
_MENTION_COLS = [n for n in TABLE_SCHEMAS["mentions"].names if n != "ingested_at"]
# The first number of a batch's mentions: after the highest stored (read in the batch's
# transaction). A rerun after a crash numbers the same mentions as one clean run would: the
# committed batches hold the same rows, and the rest come in the same order.
NEXT_MENTION_NO = "SELECT coalesce(max(mention_no) + 1, 0) FROM mentions"


def _sql(template: str) -> str:
    return (template.replace("{EVENT_COLS}", quoted(_EVENT_COLS, "b."))
            .replace("{RECORD_COLS}", quoted(_RECORD_COLS))
            .replace("{MENTION_COLS}", quoted(_MENTION_COLS))
            .replace("{FIRST_REPORT}", first_report()))


# Per event key of the batch: its first report in the batch (row id) and the batch's counts
# (the actor prefixes are part of the key: every report of an event has the same ones).
BATCH_EVENTS = _sql("""CREATE OR REPLACE TEMP TABLE _brep AS
SELECT event_key, arg_min(rid, {FIRST_REPORT}) AS rid, count(*)::INTEGER AS num_mentions,
       count(DISTINCT article_no)::INTEGER AS num_articles, count(DISTINCT source_no)::INTEGER AS num_sources,
       avg(article_tone) AS avg_tone, min(source_prefix) AS source_prefix, min(target_prefix) AS target_prefix
FROM _batch_mentions GROUP BY event_key""")
# The rows of `table` whose event key is in `keys`: found on the key column alone, then read by
# row id. A join on the key reads every column of every row group, more with each batch; the row
# ids' range lets the scan skip the row groups before the first match (the reports of one event
# come close together, so the matches are usually in the last batches).
ROWS_OF_KEYS = """SELECT * FROM {table} t
SEMI JOIN (SELECT rowid AS r FROM {table} SEMI JOIN {keys} USING (event_key)) k ON t.rowid = k.r"""
# Event records the store already holds for keys of this batch (usually few).
OLD_EVENTS = "CREATE OR REPLACE TEMP TABLE _old AS " + ROWS_OF_KEYS.format(table="event_records", keys="_brep")
# Keys seen before: recount all their mentions (the batch's are stored by now) ...
OLD_COUNTS = f"""CREATE OR REPLACE TEMP TABLE _agg AS
SELECT event_key, count(*)::INTEGER AS num_mentions, count(DISTINCT article_hash)::INTEGER AS num_articles,
       count(DISTINCT coalesce(article_source, ''))::INTEGER AS num_sources, avg(article_tone) AS avg_tone
FROM ({ROWS_OF_KEYS.format(table="mentions", keys="_old")}) GROUP BY event_key"""
# ... find those whose first report is in this batch (earlier than the stored one) ...
EARLIER = f"""CREATE OR REPLACE TEMP TABLE _moved AS
WITH pair AS MATERIALIZED (
  SELECT r.event_key, r.rid, o.date_added, {first_report('o.')} AS stored
  FROM _brep r JOIN _old o USING (event_key)),
keyed AS MATERIALIZED (
  SELECT p.*, {first_report('b.')} AS candidate FROM pair p JOIN _batch_mentions b ON b.rid = p.rid)
SELECT event_key, rid, date_added FROM keyed WHERE candidate < stored"""
# ... update the counts of the others in place (numbers only: cheap to checkpoint) ...
UPDATE_COUNTS = """UPDATE event_records SET num_mentions = a.num_mentions, num_articles = a.num_articles,
    num_sources = a.num_sources, avg_tone = a.avg_tone
FROM (SELECT * FROM _agg ANTI JOIN _moved USING (event_key)) a WHERE event_records.event_key = a.event_key"""
# ... and delete the records that get a new first report: they are appended again below with the
# new keys, so a batch leaves no small row group behind (a checkpoint would merge and rewrite it
# with its neighbours), and no updated text columns (a checkpoint rewrites every updated column of
# every row group it touches).
DELETE_MOVED = "DELETE FROM event_records WHERE event_key IN (SELECT event_key FROM _moved)"
# The records to append: the first reports of new keys (with the batch's counts) and of moved
# keys (all their counts, first stored time kept), in actor order: stored sorted by actor, a row
# group spans few countries and DuckDB's min/max zone maps let actor filters skip most of the table.
NEW_REPS = """SELECT rid, num_mentions, num_articles, num_sources, avg_tone, ?::TIMESTAMP AS date_added
FROM _brep ORDER BY source_prefix, target_prefix, rid"""
NEW_AND_MOVED_REPS = """SELECT r.rid,
    CASE WHEN mv.event_key IS NULL THEN r.num_mentions ELSE a.num_mentions END AS num_mentions,
    CASE WHEN mv.event_key IS NULL THEN r.num_articles ELSE a.num_articles END AS num_articles,
    CASE WHEN mv.event_key IS NULL THEN r.num_sources ELSE a.num_sources END AS num_sources,
    CASE WHEN mv.event_key IS NULL THEN r.avg_tone ELSE a.avg_tone END AS avg_tone,
    coalesce(mv.date_added, ?::TIMESTAMP) AS date_added
FROM _brep r LEFT JOIN _moved mv USING (event_key) LEFT JOIN _agg a USING (event_key)
WHERE mv.event_key IS NOT NULL OR r.event_key NOT IN (SELECT event_key FROM _old)
ORDER BY r.source_prefix, r.target_prefix, r.rid"""
# They are gathered in Arrow (`_batch_first`, one `take` of the record's columns) and appended as they are.
NEW_EVENTS = _sql("""INSERT INTO event_records ({RECORD_COLS})
SELECT {EVENT_COLS}, b.num_mentions, b.num_articles, b.num_sources, b.avg_tone, b.date_added
FROM _batch_first b""")
INSERT_MENTIONS = _sql("INSERT INTO mentions ({MENTION_COLS}, ingested_at) "
                       "SELECT {MENTION_COLS}, ?::TIMESTAMP FROM _batch_mentions")


@dataclass(slots=True)
class WriteResult:
    """What one batch added."""

    articles: int = 0  # new articles stored
    duplicates: int = 0  # articles whose text the store already held
    mentions: int = 0
    events_touched: int = 0  # event records created or updated
    errors: int = 0  # new ingest_errors rows

    def __iadd__(self, other: WriteResult) -> WriteResult:
        self.articles += other.articles
        self.duplicates += other.duplicates
        self.mentions += other.mentions
        self.events_touched += other.events_touched
        self.errors += other.errors
        return self


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


ROWS_PER_CHUNK = 122_880  # one DuckDB row group: the threads of an insert take one each


def _rechunk(table: pa.Table) -> pa.Table:
    if table.num_rows <= ROWS_PER_CHUNK:
        return table
    return pa.Table.from_batches(table.to_batches(max_chunksize=ROWS_PER_CHUNK), table.schema)


def _conform(name: str, table: pa.Table) -> pa.Table:
    """A batch table with exactly the columns and types of the store's Arrow schema."""
    schema = ARROW_SCHEMAS[name]
    if table.schema.equals(schema):
        return _rechunk(table)
    if table.num_rows == 0 and not table.column_names:
        return schema.empty_table()
    try:
        return _rechunk(table.select(schema.names).cast(schema))
    except (KeyError, pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ValueError(f"batch table {name!r} does not match the store schema: {exc}") from exc


class Store:
    """A dyads store: one DuckDB file. Open it with :meth:`open` (or ``dyads.open_store``).

    Only one process may write a DuckDB file at a time; use ``read_only=True`` for readers.
    >>> with Store.open("dyads.duckdb") as store:  # doctest: +SKIP
    ...     store.ingest(articles)
    ...     store.dyad("RUS", "PRK", by="month")
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool = False) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, threads: int | None = None,
             wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> Store:
        """Open the store at ``path``, creating it unless ``read_only``. Raises DyadsError (E040-E045).

        ``threads`` caps DuckDB's threads (default: one per core); an ingest whose workers code
        on the other cores gives its writer one. ``wait``: seconds to wait for another process
        (``dyads serve`` answering a request, another writer's batch) to let go of the file;
        ``on_wait(message)`` is told once when the wait begins."""
        con = db.connect(path, read_only=read_only, wait=wait, on_wait=on_wait)
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        if not read_only:
            con.execute("SET preserve_insertion_order = false")  # parallel bulk inserts; queries sort
        return cls(con, Path(path), read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def write(self, tables: Tables, now: dt.datetime | None = None) -> WriteResult:
        """Load one batch (``to_arrow`` output) in one transaction; returns what it added."""
        batch = {name: _conform(name, tables[name] if name in tables else ARROW_SCHEMAS[name].empty_table())
                 for name in BATCH_TABLES}
        hashes = batch["articles"].column("hash")
        if pc.count_distinct(hashes).as_py() != len(hashes):
            raise ValueError("a batch must hold each article hash once; build it with to_arrow/concat_tables")
        stamp = now or _now()
        views = [f"_batch_{name}" for name in BATCH_TABLES]
        try:
            with db.transaction(self.con):
                known = self.known(hashes)
                if known:
                    batch = _without(batch, known)
                first_no = _count(self.con, NEXT_MENTION_NO) if batch["mentions"].num_rows else 0
                batch["mentions"] = _numbered(batch["mentions"], first_no)
                for name, view in zip(BATCH_TABLES, views, strict=True):
                    self.con.register(view, batch[name])
                res = self._write(batch, stamp)
        except duckdb.Error as exc:
            raise StoreError("E047", path=self.path, action="writing", detail=db.short(exc)) from None
        finally:
            for view in views:
                self.con.unregister(view)
        res.duplicates = len(hashes) - res.articles
        return res

    def _write(self, batch: Tables, stamp: dt.datetime) -> WriteResult:
        con = self.con
        res = WriteResult(articles=batch["articles"].num_rows, mentions=batch["mentions"].num_rows)
        if res.articles:
            con.execute("INSERT INTO articles SELECT *, ?::TIMESTAMP FROM _batch_articles", [stamp])
            for name in ("quotes", "entities"):
                if batch[name].num_rows:
                    con.execute(f"INSERT INTO {name} SELECT * FROM _batch_{name}")
        if res.mentions:
            con.execute(INSERT_MENTIONS, [stamp])
            con.execute(BATCH_EVENTS)
            con.execute(OLD_EVENTS)
            res.events_touched = _count(con, "SELECT count(*) FROM _brep")
            if _count(con, "SELECT count(*) FROM _old"):
                for sql in (OLD_COUNTS, EARLIER, UPDATE_COUNTS, DELETE_MOVED):
                    con.execute(sql)
                reps = con.execute(NEW_AND_MOVED_REPS, [stamp]).to_arrow_table()
                con.execute("DROP TABLE _agg")
                con.execute("DROP TABLE _moved")
            else:
                reps = con.execute(NEW_REPS, [stamp]).to_arrow_table()
            con.execute("DROP TABLE _brep")
            con.execute("DROP TABLE _old")
            if reps.num_rows:
                con.register("_batch_first", _first_reports(batch["mentions"], reps))
                try:
                    con.execute(NEW_EVENTS)
                finally:
                    con.unregister("_batch_first")
        if batch["ingest_errors"].num_rows:
            res.errors = _count(con, """SELECT count(*) FROM (SELECT DISTINCT item, reason FROM _batch_ingest_errors)
                                        ANTI JOIN ingest_errors USING (item, reason)""")
            con.execute("""INSERT INTO ingest_errors
                           SELECT item, reason, ?::TIMESTAMP FROM (SELECT DISTINCT item, reason
                               FROM _batch_ingest_errors) ANTI JOIN ingest_errors USING (item, reason)""", [stamp])
        return res

    def ingest(self, items: Sequence[Item]) -> int:
        """Store annotated articles (and record ReadErrors); returns how many articles were new.

        The writer side of ``dyads.services.watch.Sink``."""
        return self.write(to_arrow(items)).articles

    def record_errors(self, errors: Sequence[ReadError]) -> None:
        """Record input items that could not be coded or fetched."""
        if errors:
            self.write(to_arrow(errors))

    def known(self, hashes: Sequence[str] | pa.ChunkedArray) -> set[str]:
        """Which of these content hashes the store already holds."""
        if not len(hashes):
            return set()
        column = hashes if isinstance(hashes, pa.ChunkedArray) else pa.array(list(hashes), pa.string())
        probe = pa.table({"hash": column})
        self.con.register("_probe", probe)
        try:
            rows = self.con.execute("SELECT hash FROM articles SEMI JOIN _probe USING (hash)").fetchall()
        finally:
            self.con.unregister("_probe")
        return {r[0] for r in rows}

    # -- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table (``events``: the event records)."""
        tables = {"events": "event_records"}  # the view's rows are the records; counting them is cheaper
        return {t: _count(self.con, f"SELECT count(*) FROM {tables.get(t, t)}")
                for t in ("articles", "mentions", "events", "quotes", "entities", "ingest_errors")}

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        from dyads.store import queries

        return queries.events(self.con, **filters)

    def dyad(self, a: str, b: str, **options: Any) -> list[dict[str, Any]]:
        from dyads.store import queries

        return queries.dyad(self.con, a, b, **options)

    def actors(self, **options: Any) -> list[dict[str, Any]]:
        from dyads.store import queries

        return queries.actors(self.con, **options)

    def article(self, ident: str) -> Article | None:
        from dyads.store import queries

        return queries.load_article(self.con, ident)


def _numbered(mentions: pa.Table, first_no: int) -> pa.Table:
    """Mentions with their store-wide number (``first_no`` + row id), a row id and integer article
    and source numbers (cheap to count distinct)."""
    def ordinal(col: pa.ChunkedArray) -> pa.Array:
        codes = pc.dictionary_encode(pc.fill_null(col, "")).combine_chunks()
        return codes.indices

    rid = np.arange(mentions.num_rows, dtype=np.int64)
    return _rechunk(mentions.append_column("mention_no", pa.array(rid + first_no))
                    .append_column("rid", pa.array(rid))
                    .append_column("article_no", ordinal(mentions.column("article_hash")))
                    .append_column("source_no", ordinal(mentions.column("article_source"))))


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="dyads-take")


def _first_reports(mentions: pa.Table, reps: pa.Table) -> pa.Table:
    """The mention rows that are first reports (``reps.rid``, in that order), with the other
    columns of ``reps`` (the record's counts and ``date_added``)."""
    rid = reps.column("rid")
    # a column at a time on every core: the gather of string columns is most of this
    columns = _pool().map(lambda col: col.take(rid), mentions.select(_EVENT_COLS).columns)
    first = pa.Table.from_arrays(list(columns), names=_EVENT_COLS)
    for name in reps.column_names[1:]:
        first = first.append_column(name, reps.column(name))
    return _rechunk(first)


def _without(batch: Tables, hashes: set[str]) -> Tables:
    """The batch minus the articles with these hashes (and their mentions, quotes, entities)."""
    drop = pa.array(sorted(hashes), pa.string())
    out = {}
    for name, table in batch.items():
        key = "hash" if name == "articles" else "article_hash"
        out[name] = table.filter(pc.invert(pc.is_in(table.column(key), value_set=drop))) \
            if key in table.column_names else table
    return out


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False, threads: int | None = None,
               wait: float = 0.0) -> Store:
    """Open (or create) the store at ``path``: ``with open_store("dyads.duckdb") as s: s.dyad("RUS", "PRK")``."""
    return Store.open(path, read_only=read_only, threads=threads, wait=wait)
