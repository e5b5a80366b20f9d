"""What every export format shares: the writer's signature and DuckDB COPY helpers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

# An export format: (connection, folder, tables asked for) -> the paths written, in order.
Exporter = Callable[[duckdb.DuckDBPyConnection, Path, Sequence[str]], list[Path]]

# GDELT's files: tab-separated, no header, no quoting (values are cleaned of tabs and line breaks).
TSV = "FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE ''"


def sql_path(p: Path) -> str:
    """A path as a single-quoted SQL string's content."""
    return str(p).replace("'", "''")
