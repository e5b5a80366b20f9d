"""`dyads code` end to end through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app

runner = CliRunner()
TEXT = "Japan condemned North Korea on Tuesday. China praised Pakistan."


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_cli_code_jsonl_matches_schema(article: Path) -> None:
    res = runner.invoke(app, ["code", str(article), "--date", "2024-01-17", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.stdout.strip().splitlines()[0])
    assert set(row) >= {"id", "date", "title", "sentences", "events", "quotes", "entities", "errors"}
    ev = row["events"][0]
    assert set(ev) >= {"id", "sentence", "source", "target", "cameo", "root", "quad", "penta", "goldstein",
                       "plover", "date", "modality", "attributed_to", "location", "evidence", "rule",
                       "confidence"}
    assert set(ev["source"]) >= {"code", "country", "sector", "name", "text", "start", "end"}
    assert TEXT[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert row["date"] == "2024-01-17"


def test_cli_code_csv_is_flat(article: Path) -> None:
    res = runner.invoke(app, ["code", str(article), "--format", "csv"])
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {"source_code", "cameo", "target_code", "evidence"} <= set(rows[0])
    assert ("JPN", "111", "PRK") in {(r["source_code"], r["cameo"], r["target_code"]) for r in rows}


def test_cli_code_table_is_readable(article: Path) -> None:
    res = runner.invoke(app, ["code", str(article), "--date", "2024-01-17"])
    assert res.exit_code == 0
    assert "JPN" in res.stdout and "111" in res.stdout and "Criticize" in res.stdout


def test_cli_code_bad_items_do_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    res = runner.invoke(app, ["code", str(empty), str(binary), str(good), "--format", "jsonl"])
    assert res.exit_code == 3  # some items were skipped (README: Exit status)
    assert "3 read, 1 coded, 2 skipped (E001 at empty.txt, E002 at bin.txt)" in res.stderr
    assert len(res.stdout.strip().splitlines()) == 1
    assert "E001" in res.stderr and "empty.txt" in res.stderr and "E002" in res.stderr
    assert "Traceback" not in res.output


def test_cli_code_nothing_codable_exits_nonzero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  ")
    res = runner.invoke(app, ["code", str(empty)])
    assert res.exit_code == 1
    assert "E031" in res.stderr and "Traceback" not in res.output


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_cli_code_missing_file_prints_only_the_error(tmp_path: Path, fmt: str) -> None:
    """No empty table beside the error (it used to print '0 events in 0 article(s)' and a frame)."""
    res = runner.invoke(app, ["code", str(tmp_path / "missing.txt"), "--format", fmt])
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "E007" in res.stderr and "missing.txt" in res.stderr


def test_cli_code_stdin_jsonl() -> None:
    data = json.dumps({"id": "s1", "text": TEXT, "date": "2024-01-17"}) + "\n"
    res = runner.invoke(app, ["code", "-", "--format", "jsonl"], input=data)
    assert res.exit_code == 0
    assert json.loads(res.stdout)["id"] == "s1"


def test_cli_code_rejects_bad_date(article: Path) -> None:
    res = runner.invoke(app, ["code", str(article), "--date", "17/01/2024"])
    assert res.exit_code != 0


def test_cli_code_unknown_model_is_one_line_error(article: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "dyads", "code", str(article), "--model", "no_such_model"],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "E020" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("flag", ["--no-model"])
def test_cli_code_no_model_runs_the_rules_alone(article: Path, flag: str) -> None:
    with_model = runner.invoke(app, ["code", str(article), "--date", "2024-01-17", "--format", "jsonl"])
    alone = runner.invoke(app, ["code", str(article), "--date", "2024-01-17", "--format", "jsonl", flag])
    assert with_model.exit_code == alone.exit_code == 0, alone.output
    rules = [e["rule"] for e in json.loads(alone.stdout.strip())["events"]]
    weighed = [e["rule"] for e in json.loads(with_model.stdout.strip())["events"]]
    assert rules and not any("model:" in r for r in rules)
    assert weighed and all("|model:penta-minilm-" in r for r in weighed)
    assert [r.split("|")[0] for r in weighed] == rules
