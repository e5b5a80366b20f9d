"""The event store: coded articles in one DuckDB file, deduplicated events, queries and exports.

* :func:`to_arrow` (pure, runs in workers): annotated articles -> Arrow tables;
* :class:`Store` (the single writer): loads those tables, one transaction per batch;
* :mod:`dyads.store.queries`: events, dyad timelines, top actors, read-only SQL;
* :mod:`dyads.store.export`: GDELT 2.0 Events/Mentions and a GKG 2.1-style file, Parquet (by month), CSV, JSONL.

See docs/store.md for the tables. The names below are imported on first use (DuckDB and Arrow
take a while to load), so the command line and the export registry start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyads.store.arrow import concat_tables, content_hash, event_key, to_arrow
    from dyads.store.schema import SCHEMA_VERSION
    from dyads.store.writer import Store, WriteResult, open_store

_WHERE = {
    "concat_tables": "arrow", "content_hash": "arrow", "event_key": "arrow", "to_arrow": "arrow",
    "SCHEMA_VERSION": "schema", "Store": "writer", "WriteResult": "writer", "open_store": "writer",
}
__all__ = ["SCHEMA_VERSION", "Store", "WriteResult", "concat_tables", "content_hash", "event_key", "open_store",
           "to_arrow"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"dyads.store.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'dyads.store' has no attribute {name!r}")
