"""Shared output options: table (rich), jsonl, csv. Rows are plain dicts."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, TextIO

EXIT_PARTIAL = 3  # some input items were skipped (each named on stderr); README: "Exit status"


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


# Columns that keep their text on one line (dates, codes, numbers): folding them mid-value is unreadable.
NO_WRAP = {"date", "day", "period", "direction", "quad", "goldstein", "mean_goldstein", "events", "mentions",
           "num_articles", "num_mentions", "as_source", "as_target", "modality", "code", "source_code",
           "target_code", "country", "n", "count"}


def _min_width(column: str, values: list[str]) -> int:
    """The narrowest a column can be: its header, and a whole value for a one-line column."""
    head = len(column)
    if column in NO_WRAP:
        return max([head, *(len(v) for v in values)])
    return max(head, min(12, max((len(v) for v in values), default=0)))


def fit_columns(rows: list[dict[str, Any]], columns: Sequence[str], width: int,
                optional: Sequence[str] = ()) -> list[str]:
    """The columns that fit ``width`` characters: ``optional`` ones are dropped, in order, until
    the narrowest layout fits (each column also takes 3 characters of borders and padding)."""
    cols = list(columns)
    texts = {c: ["" if r.get(c) is None else str(r.get(c)) for r in rows] for c in cols}
    for c in optional:
        if sum(_min_width(k, texts[k]) + 3 for k in cols) + 1 <= width:
            break
        if c in cols:
            cols.remove(c)
    return cols


def write_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None = None,
                optional: Sequence[str] = (), wide: bool = False, console: Any = None) -> int:
    """A table on stdout that fits the terminal: dates, codes and numbers are never folded, headers
    never broken, and at a narrow width the ``optional`` columns are left out (``wide`` keeps them;
    the caption says which are hidden). Not on a terminal: 200 columns."""
    from rich.console import Console
    from rich.table import Table

    rows = list(rows)
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=200)
    shown = list(columns) if wide else fit_columns(rows, columns, console.width, optional)
    hidden = [c for c in columns if c not in shown]
    caption = f"{', '.join(hidden)} hidden at this width; --wide shows every column" if hidden else None
    table = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for c in shown:
        one_line = c in NO_WRAP
        table.add_column(c, overflow="ellipsis" if one_line else "fold", no_wrap=one_line,
                         min_width=len(c), ratio=None if one_line else 1)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in shown))
    console.print(table)
    return len(rows)


def write_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str], fmt: Format,
               title: str | None = None, optional: Sequence[str] = (), wide: bool = False) -> int:
    """Write rows in the chosen format; returns the number of rows written."""
    if fmt in (Format.jsonl, Format.json):
        return write_jsonl(rows)
    if fmt is Format.csv:
        return write_csv(rows, columns)
    return write_table(rows, columns, title, optional=optional, wide=wide)
