"""`dyads code` with --workers, --dask and --scheduler prints what the in-process run prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app

STORIES = [
    "Japan condemned North Korea on Tuesday. China praised Pakistan.",
    "Russia imposed sanctions on Ukraine.",
    "The United States accused Iran of supplying drones to Russia.",
    "Germany and France signed a defence agreement in Paris on Monday.",
    "Turkey threatened to block Sweden's membership of NATO.",
]


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("cli") / "stories.jsonl"
    lines = [json.dumps({"id": f"s{n}", "text": t, "date": "2024-01-17"}) for n, t in enumerate(STORIES)]
    lines.insert(2, "{broken")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def code(*args: str) -> tuple[list[str], str]:
    res = CliRunner().invoke(app, ["code", *args, "--format", "jsonl"])
    assert res.exit_code == 3, res.output  # the broken line is skipped (README: Exit status)
    return res.stdout.splitlines(), res.stderr


@pytest.fixture(scope="module")
def in_process(stories) -> tuple[list[str], str]:
    return code(str(stories))


@pytest.mark.parametrize("flags", [["--workers", "2"], ["--dask", "--workers", "1"], ["--scheduler", "CLUSTER"]])
def test_runner_cli_code_flags_same_output(stories, in_process, cluster, flags):
    want, want_err = in_process
    assert [json.loads(ln)["id"] for ln in want] == ["s0", "s1", "s2", "s3", "s4"]
    assert "E005 stories.jsonl:3" in want_err
    got, err = code(str(stories), *[cluster if f == "CLUSTER" else f for f in flags])
    assert got == want
    assert "E005 stories.jsonl:3" in err


def stored_rows(db: Path) -> dict[str, list[tuple]]:
    """Every stored row, without load times (TIMESTAMP columns), as sorted tuples per table."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("articles", "mentions", "events", "quotes", "entities", "ingest_errors"):
            cols = [name for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()
                    if not kind.startswith("TIMESTAMP")]
            names = ", ".join('"' + c + '"' for c in cols)
            rows = con.execute(f"SELECT {names} FROM {table}").fetchall()
            out[table] = sorted((tuple(str(v) for v in r) for r in rows), key=str)
        return out
    finally:
        con.close()


@pytest.mark.parametrize("flags", [["--scheduler", "CLUSTER"]])
def test_runner_cli_ingest_on_cluster_stores_what_in_process_stores(stories, tmp_path, cluster, flags):
    """Workers return Arrow tables; this process alone writes the DuckDB file."""
    here, there = tmp_path / "here.duckdb", tmp_path / "there.duckdb"
    for db, extra in ((here, []), (there, [cluster if f == "CLUSTER" else f for f in flags])):
        res = CliRunner().invoke(app, ["ingest", str(stories), "--db", str(db), *extra])
        assert res.exit_code == 3, res.output  # the broken line is skipped
    want, got = stored_rows(here), stored_rows(there)
    assert len(want["articles"]) == 5 and want["mentions"]
    assert got == want
