"""`dyads export`: GDELT 2.0 Events + Mentions + GKG 2.1-style, Parquet (partitioned by month), CSV or JSONL."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli.app import app
from dyads.config import DEFAULT_DB
from dyads.store.export import FORMATS

ExportFormat = StrEnum("ExportFormat", [(name, name) for name in FORMATS])  # type: ignore[misc]
DEFAULT_FORMAT = ExportFormat("gdelt")


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option(help="Folder to write into (created if missing).")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = DEFAULT_FORMAT,
    table: Annotated[list[str] | None, typer.Option(
        help="Table to export (repeatable; not for gdelt). Default: events and mentions.")] = None,
    db: Annotated[Path, typer.Option(help="The DuckDB store to read.")] = DEFAULT_DB,
) -> None:
    """Export the store: GDELT files, Parquet partitioned by month, CSV or JSONL.

    gdelt writes three tab-separated files without a header: dyads.export.CSV (GDELT 2.0 Events,
    61 columns, one row per event), dyads.mentions.CSV (GDELT 2.0 Mentions, 16 columns, one row
    per report) and dyads.gkg.csv (GKG 2.1-style, 27 columns, one row per article: persons,
    organisations, places, dates, tone and quotations with their offsets; country codes are ISO
    alpha-3, not GDELT's FIPS; counts, themes, GCAM, images, amounts stay empty). Every path
    written is printed. See docs/store.md.

    Example: dyads export --format gdelt --out gdelt/
    """
    from dyads.store import Store
    from dyads.store.export import DEFAULT_TABLES, export

    with Store.open(db, read_only=True) as store:
        written = export(store.con, out, format.value, tables=table or DEFAULT_TABLES)
    for path in written:
        print(path)
