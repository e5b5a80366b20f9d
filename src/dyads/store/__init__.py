"""The event store: coded articles in one DuckDB file, deduplicated events, queries and exports.

* :func:`to_arrow` (pure, runs in workers): annotated articles -> Arrow tables;
* :class:`Store` (the single writer): loads those tables, one transaction per batch;
* :mod:`dyads.store.queries`: events, dyad timelines, top actors, read-only SQL;
* :mod:`dyads.store.export`: GDELT 2.0 Events/Mentions and a GKG 2.1-style file, Parquet (by month), CSV, JSONL.

See docs/store.md for the tables.
"""

from __future__ import annotations

from dyads.store.arrow import concat_tables, content_hash, event_key, to_arrow
from dyads.store.schema import SCHEMA_VERSION
from dyads.store.writer import Store, WriteResult, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Store",
    "WriteResult",
    "concat_tables",
    "content_hash",
    "event_key",
    "open_store",
    "to_arrow",
]
