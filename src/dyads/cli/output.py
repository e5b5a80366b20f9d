"""Shared output options: table (rich), jsonl, csv. Rows are plain dicts."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO | None = None) -> int:
    writer = csv.DictWriter(out or sys.stdout, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in columns})
        n += 1
    return n


def write_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None = None) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c, overflow="fold")
    n = 0
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        n += 1
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    console.print(table)
    return n


def write_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: Format,
               title: str | None = None) -> int:
    """Write rows in the chosen format; returns the number of rows written."""
    if fmt in (Format.jsonl, Format.json):
        return write_jsonl(rows)
    if fmt is Format.csv:
        return write_csv(rows, columns)
    return write_table(rows, columns, title)
