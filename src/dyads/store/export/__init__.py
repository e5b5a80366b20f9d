"""Exports: GDELT 2.0 Events + Mentions and a GKG 2.1-style file (TSV), Parquet by month, CSV, JSONL.

The formats are registered in :data:`FORMATS`, the one place ``dyads export --format`` reads (its
choices and its help). To add a format, write ``export/NAME.py`` with a function
``export(con, folder, tables) -> [paths written]`` (:data:`dyads.store.export.base.Exporter`) and
add one line for it below. Formats are imported when used, so the command line starts fast.

>>> from dyads.store import open_store
>>> with open_store("dyads.duckdb", read_only=True) as s:  # doctest: +SKIP
...     export(s.con, "out/", "gdelt")
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from dyads.errors import QueryError, StoreError

if TYPE_CHECKING:
    import duckdb

    from dyads.store.export.base import Exporter

# format name (= module name here) -> what it writes
FORMATS: dict[str, str] = {
    "gdelt": "GDELT 2.0 Events + Mentions and a GKG 2.1-style file, tab-separated (tables ignored)",
    "parquet": "each table as Parquet, partitioned by month",
    "csv": "each table as CSV with a header",
    "jsonl": "each table as JSON lines",
}
DEFAULT_TABLES = ("events", "mentions")

__all__ = ["DEFAULT_TABLES", "FORMATS", "export", "exporter"]


def exporter(fmt: str) -> Exporter:
    """The writer of a registered format (E046 for an unknown name)."""
    if fmt not in FORMATS:
        raise QueryError("E046", param="--format", value=fmt, what="an export format", use=", ".join(FORMATS))
    return import_module(f"{__name__}.{fmt}").export


def export(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str = "gdelt",
           tables: Sequence[str] = DEFAULT_TABLES) -> list[Path]:
    """Write the store's tables into the folder ``out`` (created if needed); the paths written.

    ``gdelt`` always writes Events, Mentions and the GKG file (in that order); the other formats
    write ``tables``."""
    import duckdb

    from dyads.store import db
    from dyads.store.schema import SCHEMAS

    folder = Path(out)
    write = exporter(fmt)
    unknown = [t for t in tables if t not in SCHEMAS]
    if unknown:
        raise QueryError("E046", param="--table", value=unknown[0], what="a store table",
                                       use=", ".join(SCHEMAS))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("E049", path=folder, detail=exc.strerror or str(exc)) from None
    if folder.exists() and not folder.is_dir():
        raise StoreError("E049", path=folder, detail="not a folder")
    try:
        return write(con, folder, tables)
    except duckdb.Error as exc:
        raise StoreError("E049", path=folder, detail=db.short(exc)) from None
