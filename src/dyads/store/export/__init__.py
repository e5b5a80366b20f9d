"""Exports: GDELT 2.0 Events + Mentions and a GKG 2.1-style file (TSV), Parquet by month, CSV, JSONL.

>>> from dyads.store import open_store
>>> with open_store("dyads.duckdb", read_only=True) as s:  # doctest: +SKIP
...     export(s.con, "out/", "gdelt")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from dyads.errors import DyadsError, E
from dyads.store import db
from dyads.store.export.files import DEFAULT_TABLES, export_csv, export_jsonl, export_parquet
from dyads.store.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, export_gdelt
from dyads.store.export.gkg import GKG_COLUMNS, export_gkg
from dyads.store.schema import SCHEMAS

FORMATS = ("gdelt", "parquet", "csv", "jsonl")

__all__ = ["DEFAULT_TABLES", "EVENT_COLUMNS", "FORMATS", "GKG_COLUMNS", "MENTION_COLUMNS", "export"]


def export(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str = "gdelt",
           tables: Sequence[str] = DEFAULT_TABLES) -> list[Path]:
    """Write the store's tables into the folder ``out`` (created if needed); the paths written.

    ``gdelt`` always writes Events, Mentions and the GKG file (in that order); the other formats
    write ``tables``."""
    folder = Path(out)
    if fmt not in FORMATS:
        raise DyadsError(E.E046.format(param="--format", value=fmt, what="an export format", use=", ".join(FORMATS)))
    unknown = [t for t in tables if t not in SCHEMAS]
    if unknown:
        raise DyadsError(E.E046.format(param="--table", value=unknown[0], what="a store table",
                                       use=", ".join(SCHEMAS)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DyadsError(E.E049.format(path=folder, detail=exc.strerror or str(exc))) from None
    if folder.exists() and not folder.is_dir():
        raise DyadsError(E.E049.format(path=folder, detail="not a folder"))
    try:
        if fmt == "gdelt":
            return [*export_gdelt(con, folder), export_gkg(con, folder)]
        write = {"parquet": export_parquet, "csv": export_csv, "jsonl": export_jsonl}[fmt]
        return [write(con, folder, t) for t in tables]
    except duckdb.Error as exc:
        raise DyadsError(E.E049.format(path=folder, detail=db.short(exc))) from None
