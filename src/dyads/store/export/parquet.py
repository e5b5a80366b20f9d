"""The ``parquet`` export: each table as Parquet, partitioned by month where it has a date."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from dyads.store.export.base import sql_path

# The date column each table is partitioned by (month = YYYY-MM, 'unknown' if none): events by
# event date, mentions and articles by publication date; tables without one are a single file.
MONTH_OF = {"events": "day", "event_records": "day", "mentions": "article_date", "articles": "date",
            "quotes": None, "entities": None, "ingest_errors": "time"}


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> Path:
    """``out/<table>/month=YYYY-MM/*.parquet`` (Hive partitions: DuckDB, Spark, pandas read them)."""
    target = out / table
    col = MONTH_OF.get(table)
    if col is None:
        target = out / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table}) TO '{sql_path(target)}' (FORMAT parquet)")
        return target
    con.execute(f"""COPY (SELECT *, coalesce(strftime({col}, '%Y-%m'), 'unknown') AS month FROM {table})
                    TO '{sql_path(target)}' (FORMAT parquet, PARTITION_BY (month), OVERWRITE)""")
    return target


def export(con: duckdb.DuckDBPyConnection, out: Path, tables: Sequence[str]) -> list[Path]:
    return [export_parquet(con, out, t) for t in tables]
