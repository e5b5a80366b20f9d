"""`dyads sql` streams: rows are fetched and written in batches, so a large result never sits in memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.store import Store, queries
from tests.store.conftest import _make

PEAK_RSS = """
import resource, subprocess, sys
out = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(out.returncode, peak, out.stderr[-300:].replace("\\n", " "))
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("sql") / "s.duckdb"
    with Store.open(db) as s:
        s.ingest([_make("a", [("JPN", "111", "PRK", "2024-01-10")])])
    return db


def test_store_sql_stream_yields_batches_without_computing_everything(store: Path) -> None:
    with queries.stream_sql(store, "SELECT range AS n FROM range(1000000000)", batch_rows=1000) as res:
        first = next(res.batches)
    assert res.columns == ["n"] and [r[0] for r in first] == list(range(1000))


def test_store_sql_stream_checks_the_query_first(store: Path) -> None:
    from dyads.errors import DyadsError

    with pytest.raises(DyadsError, match="E042"):
        with queries.stream_sql(store, "DELETE FROM articles"):
            pass


@pytest.mark.parametrize("fmt", ["csv"])  # jsonl and table: benchmarks/fuzz.py --sql
def test_store_sql_stream_cli_large_result_in_bounded_memory(store: Path, fmt: str) -> None:
    cmd = [sys.executable, "-m", "dyads", "sql", "SELECT range AS n, 'row ' || range AS s FROM range(1000000)",
           "--db", str(store), "--format", fmt]
    out = subprocess.run([sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, timeout=300)
    code, peak, err = out.stdout.split(" ", 2)
    assert code == "0", err
    assert int(peak) < 300 * 2**20, f"peak RSS {int(peak) / 2**20:.0f} MB"


def test_store_sql_stream_cli_stops_quietly_when_the_reader_does(store: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "sql", "SELECT range AS n FROM range(100000000)",
                             "--db", str(store), "--format", "jsonl"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    rows = [json.loads(proc.stdout.readline()) for _ in range(3)]
    proc.stdout.close()  # like `| head -3`
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert rows == [{"n": 0}, {"n": 1}, {"n": 2}]
    assert "Traceback" not in err


def test_store_sql_stream_table_shows_the_first_rows_and_says_so(store: Path) -> None:
    from typer.testing import CliRunner

    import dyads.cli  # noqa: F401
    from dyads.cli.app import app

    res = CliRunner().invoke(app, ["sql", "SELECT range AS n FROM range(20000)", "--db", str(store)])
    assert res.exit_code == 0, res.output
    assert "first 1,000 rows" in res.stderr and "--format csv" in res.stderr
    assert "999" in res.stdout and "1000" not in res.stdout
