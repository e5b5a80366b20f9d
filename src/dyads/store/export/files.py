"""Plain exports of store tables: Parquet partitioned by month, CSV with a header, JSONL."""

from __future__ import annotations

from pathlib import Path

import duckdb

DEFAULT_TABLES = ("events", "mentions")
# The date column each table is partitioned by in Parquet (month = YYYY-MM, 'unknown' if none):
# events by event date, mentions and articles by publication date.
MONTH_OF = {"events": "day", "event_records": "day", "mentions": "article_date", "articles": "date",
            "quotes": None, "entities": None, "ingest_errors": "time"}


def _q(p: Path) -> str:
    return str(p).replace("'", "''")


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> Path:
    """``out/<table>/month=YYYY-MM/*.parquet`` (Hive partitions: DuckDB, Spark, pandas read them)."""
    target = out / table
    col = MONTH_OF.get(table)
    if col is None:
        target = out / f"{table}.parquet"
        con.execute(f"COPY (SELECT * FROM {table}) TO '{_q(target)}' (FORMAT parquet)")
        return target
    con.execute(f"""COPY (SELECT *, coalesce(strftime({col}, '%Y-%m'), 'unknown') AS month FROM {table})
                    TO '{_q(target)}' (FORMAT parquet, PARTITION_BY (month), OVERWRITE)""")
    return target


def export_csv(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> Path:
    target = out / f"{table}.csv"
    con.execute(f"COPY (SELECT * FROM {table}) TO '{_q(target)}' (FORMAT csv, HEADER true)")
    return target


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path, table: str) -> Path:
    target = out / f"{table}.jsonl"
    con.execute(f"COPY (SELECT * FROM {table}) TO '{_q(target)}' (FORMAT json)")
    return target
