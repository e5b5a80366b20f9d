"""The store's tables, defined once: Arrow schemas for the write path and DuckDB DDL from them.

Tables (see docs/store.md):

* ``articles``: one row per distinct text (``hash`` = content hash, the dedup key);
* ``mentions``: every coded event of every article (one article's evidence span for an event);
* ``events``: one record per distinct event (same date, source, target and CAMEO code), with
  GDELT-like ``num_mentions``, ``num_articles``, ``num_sources``; fields from its first report;
* ``quotes``, ``entities``: per article;
* ``ingest_errors``: input items that could not be stored (item, reason, time);
* ``dyads_meta``: key/value, holds ``schema_version``.

No primary-key constraints: the single writer keeps keys unique inside each transaction
(DuckDB bulk loads are much faster without ART indexes).
"""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1
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

# The stored tables: the Arrow schemas plus what the writer adds. A stored mention keeps what
# varies between reports; join `events` (USING event_key) for the rest.
TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARROW_SCHEMAS["articles"].append(pa.field("ingested_at", _TS)),
    "mentions": pa.schema([("event_key", _I64), ("article_hash", _STR), ("article_date", _DATE),
                           ("article_source", _STR), ("article_tone", _F64), *MENTION_FIELDS,
                           ("ingested_at", _TS)]),
    "events": pa.schema([("event_key", _I64), ("article_hash", _STR), ("article_id", _STR),
                         ("article_date", _DATE), *EVENT_FIELDS, *EVENT_COUNTS]),
    "quotes": ARROW_SCHEMAS["quotes"],
    "entities": ARROW_SCHEMAS["entities"],
    "ingest_errors": ARROW_SCHEMAS["ingest_errors"].append(pa.field("time", _TS)),
}

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
    "events": {"article_hash", "article_id", "event_id", "evidence"},
    "quotes": {"article_hash", "article_id", "content"},
    "entities": {"article_hash", "article_id"},
    "ingest_errors": {"item", "reason"},
}


def column_sql(table: str, field: pa.Field) -> str:
    """A column's DuckDB type, with the compression method of a text column."""
    t = sql_type(field.type)
    if t != "VARCHAR":
        return t
    method = "fsst" if field.name in FSST_COLUMNS[table] else "dictionary"
    return f"{t} USING COMPRESSION {method}"


def create_table_sql(name: str, schema: pa.Schema) -> str:
    cols = ",\n  ".join(f'"{f.name}" {column_sql(name, f)}' for f in schema)
    return f"CREATE TABLE {name} (\n  {cols}\n)"


def ddl() -> list[str]:
    """Every statement that creates an empty store (run inside one transaction)."""
    stmts = ["CREATE TABLE dyads_meta (key VARCHAR PRIMARY KEY, value VARCHAR)"]
    stmts += [create_table_sql(name, schema) for name, schema in TABLE_SCHEMAS.items()]
    return stmts


def columns(table: str) -> list[str]:
    return TABLE_SCHEMAS[table].names


def quoted(names: list[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{n}"' for n in names)
