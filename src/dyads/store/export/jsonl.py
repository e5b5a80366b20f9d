"""The ``jsonl`` export: one JSON object per row, one file per table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from dyads.store.export.base import sql_path


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> Path:
    target = out / f"{table}.jsonl"
    con.execute(f"COPY (SELECT * FROM {table}) TO '{sql_path(target)}' (FORMAT json)")
    return target


def export(con: duckdb.DuckDBPyConnection, out: Path, tables: Sequence[str]) -> list[Path]:
    return [export_jsonl(con, out, t) for t in tables]
