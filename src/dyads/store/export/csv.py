"""The ``csv`` export: one CSV file with a header per table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from dyads.store.export.base import sql_path


def export_csv(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> Path:
    target = out / f"{table}.csv"
    con.execute(f"COPY (SELECT * FROM {table}) TO '{sql_path(target)}' (FORMAT csv, HEADER true)")
    return target


def export(con: duckdb.DuckDBPyConnection, out: Path, tables: Sequence[str]) -> list[Path]:
    return [export_csv(con, out, t) for t in tables]
