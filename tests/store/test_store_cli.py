"""The store commands through typer's CliRunner: events, dyad, actors, sql, export, ingest, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app
from dyads.cli.ingest import example_paths
from dyads.errors import DyadsError
from dyads.store import Store

runner = CliRunner()

TEXTS = [
    ("s1", "2024-01-17", "Japan condemned North Korea on Tuesday. China praised Pakistan."),
    ("s2", "2024-01-18", "Japan condemned North Korea on Tuesday, officials said."),
    ("s3", "2024-02-02", "Russia imposed sanctions on Ukraine."),
]


def corpus_file(tmp_path: Path, texts=TEXTS, bad: bool = True) -> Path:
    p = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": i, "date": d, "text": t, "source": f"src-{i}"}) for i, d, t in texts]
    if bad:
        lines.insert(1, "{not json")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_store_cli_events_jsonl(corpus_store, fmt):
    res = runner.invoke(app, ["events", "--source", "RUS", "--target", "PRK", "--db", str(corpus_store),
                              "--format", fmt])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["source_code"], r["cameo"]) for r in rows] == [("RUSGOV", "040"), ("RUS", "057"), ("RUS", "042")]
    assert rows[0]["day"] == "2023-01-15" and rows[0]["num_articles"] == 2


@pytest.mark.parametrize("fmt", ["table"])
def test_store_cli_events_table(corpus_store, fmt):
    res = runner.invoke(app, ["events", "--root", "04", "--db", str(corpus_store), "--format", fmt])
    assert res.exit_code == 0, res.output
    assert "RUSGOV" in res.stdout and "Consult" in res.stdout and "2 event(s)" in res.stdout


@pytest.mark.parametrize("fmt", ["csv"])
def test_store_cli_dyad_csv(corpus_store, fmt):
    res = runner.invoke(app, ["dyad", "RUS", "PRK", "--by", "month", "--db", str(corpus_store), "--format", fmt])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 42
    jan = next(r for r in rows if r["period"] == "2023-01" and r["direction"] == "both")
    assert (jan["events"], jan["net_cooperation"], jan["mean_goldstein"]) == ("2", "2", "2.2")


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_store_cli_actors(corpus_store, fmt):
    res = runner.invoke(app, ["actors", "--top", "2", "--db", str(corpus_store), "--format", fmt])
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["code"] for line in res.stdout.splitlines()] == ["PRK", "RUS"]


@pytest.mark.parametrize("fmt", ["csv"])
def test_store_cli_sql(corpus_store, fmt):
    res = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM events", "--db", str(corpus_store), "-f", fmt])
    assert res.exit_code == 0, res.output
    assert res.stdout.split() == ["n", "8"]


def test_store_cli_ingest_missing_input_creates_no_store(tmp_path):
    db = tmp_path / "new.duckdb"
    res = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert res.exit_code == 1
    assert "E007" in res.stderr and "E031" in res.stderr
    assert not db.exists()


def test_store_cli_read_command_on_a_text_file_does_not_say_remove_it(tmp_path):
    notes = tmp_path / "README.md"
    notes.write_text("# notes\n")
    res = runner.invoke(app, ["events", "--db", str(notes)])
    assert isinstance(res.exception, DyadsError)
    message = str(res.exception)
    assert message.startswith("E040 ") and "remove" not in message
    assert notes.read_text() == "# notes\n"


def _documented_queries() -> list[tuple[str, str]]:
    import re

    root = Path(__file__).resolve().parents[2]
    found = []
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for q in re.findall(r'dyads sql "([^"]+)"', doc.read_text(encoding="utf-8")):
            if "…" not in q:
                found.append((doc.name, q))
    return found


@pytest.mark.parametrize(("doc", "query"), _documented_queries())
def test_store_cli_sql_documented_examples_run(corpus_store, doc, query):
    """Every `dyads sql "…"` example in the README and docs runs (the README's used `cameo_root`)."""
    res = runner.invoke(app, ["sql", query, "--db", str(corpus_store), "-f", "jsonl"])
    assert res.exit_code == 0, (doc, query, res.output)


@pytest.mark.parametrize("query", ["DROP TABLE events"])
def test_store_cli_sql_rejects_writes(corpus_store, query):
    res = runner.invoke(app, ["sql", query, "--db", str(corpus_store)])
    assert isinstance(res.exception, DyadsError) and str(res.exception).startswith("E042 ")


@pytest.mark.parametrize("fmt", ["gdelt"])
def test_store_cli_export(corpus_store, tmp_path, fmt):
    res = runner.invoke(app, ["export", "--format", fmt, "--out", str(tmp_path / "out"), "--db", str(corpus_store)])
    assert res.exit_code == 0, res.output
    written = [Path(line) for line in res.stdout.split()]
    assert [p.name for p in written] == ["dyads.export.CSV", "dyads.mentions.CSV", "dyads.gkg.csv"]
    assert all(p.is_file() for p in written)


@pytest.mark.parametrize("times", [2])
def test_store_cli_ingest_twice_same_counts(pipeline, tmp_path, times):
    src, db = corpus_file(tmp_path), tmp_path / "s.duckdb"
    counts, outputs = [], []
    for _ in range(times):
        res = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
        assert res.exit_code == 3, res.output  # the broken line is skipped (README: Exit status)
        outputs.append(res.stdout)
        with Store.open(db, read_only=True) as store:
            counts.append(store.counts())
    assert counts[0] == counts[1]
    assert counts[0]["articles"] == 3 and counts[0]["ingest_errors"] == 1
    assert counts[0]["mentions"] > counts[0]["events"] >= 3  # the Japan-North Korea event is reported twice
    assert "3 new article(s)" in outputs[0] and "1 skipped (E005 at news.jsonl:2)" in outputs[0]
    assert "0 new article(s)" in outputs[1] and "3 already stored" in outputs[1]
    with Store.open(db, read_only=True) as store:
        row = store.con.execute("SELECT num_articles, num_sources FROM events WHERE source_code = 'JPN' "
                                "AND target_code = 'PRK'").fetchone()
    assert row == (2, 2)


@pytest.mark.parametrize("kind", ["store"])
def test_store_cli_demo(pipeline, tmp_path, kind):
    if not example_paths():
        pytest.skip("no bundled examples")
    db = tmp_path / "demo.duckdb"
    res = runner.invoke(app, ["demo", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "events per dyad" in res.stdout and db.is_file()


@pytest.mark.parametrize("kind", ["store cannot be written"])
def test_store_cli_demo_falls_back_to_the_coded_table(pipeline, tmp_path, kind):
    if not example_paths():
        pytest.skip("no bundled examples")
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database")
    res = runner.invoke(app, ["demo", "--db", str(bad)])
    assert res.exit_code == 0, res.output
    assert "example article(s)" in res.stdout and "E040" in res.stderr
