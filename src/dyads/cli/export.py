"""`dyads export`: GDELT 2.0 Events + Mentions, Parquet (partitioned by month), CSV or JSONL."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli.app import app


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option(help="Folder to write into (created if missing).")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.gdelt,
    table: Annotated[list[str] | None, typer.Option(
        help="Table to export (repeatable; not for gdelt). Default: events and mentions.")] = None,
    db: Annotated[Path, typer.Option(help="The DuckDB store to read.")] = Path("dyads.duckdb"),
) -> None:
    """Export the store: GDELT 2.0 Events and Mentions files (tab-separated, 61 and 16 columns),
    Parquet partitioned by month, CSV or JSONL.

    Example: dyads export --format gdelt --out gdelt/
    """
    from dyads.store import Store
    from dyads.store.export import DEFAULT_TABLES, export

    with Store.open(db, read_only=True) as store:
        written = export(store.con, out, format.value, tables=table or DEFAULT_TABLES)
    for path in written:
        print(path)
