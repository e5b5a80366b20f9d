"""The store's tables, defined once: Arrow schemas for the write path and DuckDB DDL from them.

Tables (see docs/store.md):

* ``articles``: one row per distinct text (``hash`` = content hash, the dedup key);
* ``mentions``: every coded event of every article (one article's evidence span for an event);
* ``event_records``: one row per distinct event (same date, source, target and CAMEO code): the
  fields every report shares, GDELT-like ``num_mentions``, ``num_articles``, ``num_sources``, and
  which mention is its first report;
* ``events`` (a VIEW): each event record with the other fields of its first report, read from
  that row of ``mentions`` (what schema version 1 stored as a wide ``events`` table);
* ``quotes``, ``entities``: per article;
* ``ingest_errors``: input items that could not be stored (item, reason, time);
* ``dyads_meta``: key/value, holds ``schema_version``.

No primary-key constraints: the single writer keeps keys unique inside each transaction
(DuckDB bulk loads are much faster without ART indexes).
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 2
APPLICATION = "dyads"

_STR = pa.string()
_I8 = pa.int8()
_I32 = pa.int32()
_I64 = pa.int64()
_F64 = pa.float64()
_DATE = pa.date32()
_TS = pa.timestamp("us")

SENTENCE = pa.struct([("start", _I32), ("end", _I32)])


def _actor(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_code", _STR), (f"{prefix}_country", _STR), (f"{prefix}_sector", _STR),
            (f"{prefix}_name", _STR), (f"{prefix}_text", _STR), (f"{prefix}_start", _I32),
            (f"{prefix}_end", _I32)]


# Every field of an event as coded in one article (the flattened output schema, plus `base` and
# `day`). Shared by `mentions` (each report) and `events` (the record, from its first report).
EVENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("event_id", _STR),
    ("sentence", _I32),
    ("date", _STR),  # as coded: YYYY-MM-DD, YYYY-MM, YYYY or null
    ("day", _DATE),  # `date` as a DATE (first day of a month/year date), for ranges and periods
    *_actor("source"),
    ("cameo", _STR),
    ("base", _STR),  # 3-digit base code (GDELT EventBaseCode)
    ("root", _STR),
    ("quad", _I8),
    ("penta", _I8),
    ("goldstein", _F64),
    ("plover", _STR),
    *_actor("target"),
    ("modality", _STR),
    ("attributed_to_code", _STR),
    ("location_name", _STR),
    ("location_country", _STR),
    ("location_lat", _F64),
    ("location_lon", _F64),
    ("evidence_start", _I32),
    ("evidence_end", _I32),
    ("evidence", _STR),
    ("rule", _STR),
    ("confidence", _F64),
    ("dictionary_version", _STR),
    # the first three characters of each code as a number: a cheap column for actor filters
    ("source_prefix", _I32),
    ("target_prefix", _I32),
]

ARTICLE_REF: list[tuple[str, pa.DataType]] = [
    ("article_hash", _STR),
    ("article_id", _STR),
    ("article_date", _DATE),
    ("article_source", _STR),  # publisher: the article's source, else its URL's host
    ("article_tone", _F64),
]

# The fields every report of one event shares: they are part of its key (date, codes, CAMEO
# code) or follow from it (actor country and sector, root, classes, Goldstein, PLOVER).
EVENT_LEVEL = {
    "date", "day", "source_code", "source_country", "source_sector", "target_code", "target_country",
    "target_sector", "cameo", "base", "root", "quad", "penta", "goldstein", "plover", "source_prefix",
    "target_prefix",
}
# What varies between reports: names and spans as each article gives them, modality, evidence…
MENTION_FIELDS = [(n, t) for n, t in EVENT_FIELDS if n not in EVENT_LEVEL]

# What `to_arrow` produces (and workers return): mentions carry every field (the writer builds the
# event records from them); no timestamps, the writer adds `ingested_at`.
ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("hash", _STR), ("id", _STR), ("date", _DATE), ("title", _STR), ("url", _STR), ("source", _STR),
        ("text", _STR), ("tone", _F64), ("num_events", _I32), ("sentences", pa.list_(SENTENCE)),
        ("errors", pa.list_(_STR)), ("meta", _STR), ("dictionary_version", _STR),
    ]),
    "mentions": pa.schema([("event_key", _I64), *ARTICLE_REF, *EVENT_FIELDS]),
    "quotes": pa.schema([
        ("article_hash", _STR), ("article_id", _STR), ("quote", _I32), *_actor("speaker"),
        ("speaker_label", _STR), ("content_start", _I32), ("content_end", _I32), ("content", _STR),
        ("cue_start", _I32), ("cue_end", _I32), ("cue", _STR), ("direct", pa.bool_()),
    ]),
    "entities": pa.schema([
        ("article_hash", _STR), ("article_id", _STR), ("entity", _I32), ("type", _STR), ("text", _STR),
        ("start", _I32), ("end", _I32), ("actor", _STR), ("role", _STR), ("value", _STR),
        ("location_name", _STR), ("location_country", _STR), ("location_lat", _F64), ("location_lon", _F64),
    ]),
    "ingest_errors": pa.schema([("item", _STR), ("reason", _STR)]),
}

BATCH_TABLES = tuple(ARROW_SCHEMAS)

EVENT_COUNTS: list[tuple[str, pa.DataType]] = [
    ("num_mentions", _I32),
    ("num_articles", _I32),
    ("num_sources", _I32),
    ("avg_tone", _F64),
    ("date_added", _TS),  # when the first report of the event was stored
]

# The `events` view: an event record with every field of its first report (schema version 1
# stored exactly these columns as a table).
EVENTS_VIEW = pa.schema([("event_key", _I64), ("article_hash", _STR), ("article_id", _STR), ("article_date", _DATE),
                         *EVENT_FIELDS, *EVENT_COUNTS])
# What identifies an event's first report among its mentions (with event_key) and orders them
# (see writer.first_report): stored in the record, so the view finds that mention row. Also the
# first report's actor names: `queries.actors` reads them for every record, and a join of every
# record to its mention costs 5-10 times that query's scan.
FIRST_REPORT_FIELDS = ["article_hash", "article_id", "article_date", "event_id", "sentence", "evidence_start",
                       "source_name", "target_name"]
# Columns of `event_records` that DuckDB computes from others when read (VIRTUAL: nothing stored,
# nothing to insert). The coder sets `base` to the first 3 characters of the code (and `root` to
# the first 2, but `root` stays stored: grouping by a stored code is 2-3 times faster).
GENERATED: dict[str, str] = {"base": "substring(cameo, 1, 3)"}
# An event record: its key, its first report's identity, the shared fields, the counts (in the
# view's order).
# `mention_no` is the first report's number in `mentions`: the view's join key (one integer).
RECORD_FIELDS: list[tuple[str, pa.DataType]] = [
    *[(f.name, f.type) for f in EVENTS_VIEW
      if f.name == "event_key" or f.name in FIRST_REPORT_FIELDS or f.name in EVENT_LEVEL],
    ("mention_no", _I64),
    *EVENT_COUNTS]

# The stored tables: the Arrow schemas plus what the writer adds. A stored mention keeps what
# varies between reports; `event_records` (USING event_key) holds the rest. `mention_no` numbers
# the mentions across the store (0, 1, 2 ... in the order they were stored; the writer numbers
# each batch's rows after the highest number stored), the key an event record points at its first
# report with.
TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARROW_SCHEMAS["articles"].append(pa.field("ingested_at", _TS)),
    "mentions": pa.schema([("event_key", _I64), ("article_hash", _STR), ("article_date", _DATE),
                           ("article_source", _STR), ("article_tone", _F64), *MENTION_FIELDS,
                           ("ingested_at", _TS), ("mention_no", _I64)]),
    "event_records": pa.schema(RECORD_FIELDS),
    "quotes": ARROW_SCHEMAS["quotes"],
    "entities": ARROW_SCHEMAS["entities"],
    "ingest_errors": ARROW_SCHEMAS["ingest_errors"].append(pa.field("time", _TS)),
}
VIEW_SCHEMAS: dict[str, pa.Schema] = {"events": EVENTS_VIEW}
# Everything a query can read by name (tables and the view), in the order of `dyads export`'s list.
SCHEMAS: dict[str, pa.Schema] = {"articles": TABLE_SCHEMAS["articles"], "mentions": TABLE_SCHEMAS["mentions"],
                                 "events": EVENTS_VIEW, **TABLE_SCHEMAS}

_SQL_TYPES = {
    pa.string(): "VARCHAR", pa.int8(): "TINYINT", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE", pa.date32(): "DATE", pa.timestamp("us"): "TIMESTAMP", pa.bool_(): "BOOLEAN",
    pa.list_(pa.string()): "VARCHAR[]", pa.list_(SENTENCE): 'STRUCT("start" INTEGER, "end" INTEGER)[]',
}


def sql_type(t: pa.DataType) -> str:
    return _SQL_TYPES[t]


# DuckDB picks a compression method for each segment of a text column by trying every method on
# it, a large part of a bulk load's CPU time. Text columns name their method instead, the one
# that analysis picks for them: FSST for free text and unique ids, dictionary for the rest (codes,
# names, labels, dates: few distinct values per row group). See docs/store.md, Performance.
FSST_COLUMNS: dict[str, set[str]] = {
    "articles": {"hash", "id", "title", "url", "text", "meta"},
    "mentions": {"article_hash", "event_id", "evidence"},
    "event_records": {"article_hash", "article_id", "event_id"},
    "quotes": {"article_hash", "article_id", "content"},
    "entities": {"article_hash", "article_id"},
    "ingest_errors": {"item", "reason"},
}


def column_sql(table: str, field: pa.Field) -> str:
    """A column's DuckDB type, with the compression method of a text column (or its expression)."""
    t = sql_type(field.type)
    if table == "event_records" and field.name in GENERATED:
        return f"{t} GENERATED ALWAYS AS ({GENERATED[field.name]}) VIRTUAL"
    if t != "VARCHAR":
        return t
    method = "fsst" if field.name in FSST_COLUMNS[table] else "dictionary"
    return f"{t} USING COMPRESSION {method}"


def create_table_sql(name: str, schema: pa.Schema) -> str:
    cols = ",\n  ".join(f'"{f.name}" {column_sql(name, f)}' for f in schema)
    return f"CREATE TABLE {name} (\n  {cols}\n)"


def events_select(records: str = "event_records", few: bool = False) -> str:
    """The `events` view's query: each record (of ``records``, the table or a subquery of its rows)
    joined to its first report's row in `mentions` (the mention numbered ``mention_no``), with
    the columns of `EVENTS_VIEW` in order.

    ``few``: ``records`` is a subquery of a few rows (a page). Their mentions are found on the
    number column alone, then read by row id: a plain join reads every column of every mention
    (the numbers of a page's first reports span the whole table, so no row group is skipped)."""
    stored = set(TABLE_SCHEMAS["event_records"].names)
    cols = ", ".join(f'{"r" if n in stored else "m"}."{n}"' for n in EVENTS_VIEW.names)
    if few:
        return f"""WITH r AS MATERIALIZED {records}
SELECT {cols}
FROM r LEFT JOIN (SELECT * FROM mentions t SEMI JOIN (SELECT rowid AS k FROM mentions SEMI JOIN r USING (mention_no)) s
                  ON t.rowid = s.k) m ON m.mention_no = r.mention_no"""
    return f"""SELECT {cols}
FROM {records} r LEFT JOIN mentions m ON m.mention_no = r.mention_no"""


def events_view_sql() -> str:
    return "CREATE VIEW events AS " + events_select()


def ddl() -> list[str]:
    """Every statement that creates an empty store (run inside one transaction)."""
    stmts = ["CREATE TABLE dyads_meta (key VARCHAR PRIMARY KEY, value VARCHAR)"]
    stmts += [create_table_sql(name, schema) for name, schema in TABLE_SCHEMAS.items()]
    return [*stmts, events_view_sql()]


# Schema version 1 stored `events` as a table (every column of the view) and had no `event_records`.
V1_TABLES = ("articles", "mentions", "events", "quotes", "entities", "ingest_errors")


def stored_columns(table: str) -> list[str]:
    """The columns an INSERT gives values for (not the generated ones)."""
    return [n for n in TABLE_SCHEMAS[table].names if table != "event_records" or n not in GENERATED]


def migrate_v1_sql() -> list[str]:
    """Version 1 -> 2 (run inside one transaction): the mentions numbered in their stored order,
    the event records from the old wide table, each pointing at its first report's number (the
    mention with its key, article hash and event id, as version 1 identified it)."""
    cols = [n for n in stored_columns("event_records") if n != "mention_no"]
    return ["ALTER TABLE mentions ADD COLUMN mention_no BIGINT",
            "UPDATE mentions SET mention_no = rowid",
            create_table_sql("event_records", TABLE_SCHEMAS["event_records"]),
            f"""INSERT INTO event_records ({quoted(cols)}, mention_no)
SELECT {quoted(cols, "e.")}, m.mention_no FROM events e LEFT JOIN mentions m
  ON m.event_key = e.event_key AND m.article_hash = e.article_hash AND m.event_id = e.event_id""",
            "DROP TABLE events",
            events_view_sql(),
            "UPDATE dyads_meta SET value = '2' WHERE key = 'schema_version'"]


def v1_read_sql() -> list[str]:
    """Version 1 opened read-only: a temporary `event_records` view over the old `events` table
    (without `mention_no`: version 1 mentions are not numbered), so every query of this version
    but an event listing's page (see `queries.records_page`) runs on it unchanged."""
    cols = [n for n in TABLE_SCHEMAS["event_records"].names if n != "mention_no"]
    return [f"CREATE TEMP VIEW event_records AS SELECT {quoted(cols)} FROM main.events"]


def columns(table: str) -> list[str]:
    return TABLE_SCHEMAS[table].names


def quoted(names: list[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{n}"' for n in names)
