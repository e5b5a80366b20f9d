"""`dyads eval` end to end through typer's CliRunner, coding a tiny gold file with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app
from dyads.errors import DyadsError
from tests.eval_cases import gold_actor, gold_event

runner = CliRunner()
S1 = "Russia imposed sanctions on Ukraine."
S2 = "Japan condemned North Korea on Tuesday."
S3 = "The weather in Paris was mild on Tuesday."


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    records = [
        {"id": "s1", "text": S1, "date": "2024-01-17",
         "events": [gold_event(3, gold_actor(country="RUS"), gold_actor(country="UKR"))]},
        {"id": "s2", "text": S2, "date": None, "events": [gold_event(3, gold_actor("Japan", 0, 5), None)]},
        {"id": "s3", "text": S3, "events": [], "no_events": True},
    ]
    p = tmp_path / "tiny.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in records) + '{"id": "s4", "text": 5}\n', encoding="utf-8")
    return p


def test_cli_eval_json(gold_file: Path) -> None:
    res = runner.invoke(app, ["eval", str(gold_file), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert (report["items"], report["gold_events"], report["class_level"]) == (3, 2, "penta")
    assert report["no_event_items"] == 1
    assert report["coding"]["items"] == 3 and report["coding"]["sentences"] == 3
    assert report["counts"]["main_correct"] >= 1, report["errors"]  # the sanctions sentence, at least
    assert [t["key"] for t in report["targets"]][:2] == ["main_event_class_accuracy", "coverage"]
    assert report["problems"] == [f"E050 {gold_file}:4: not a gold JSONL v1 record (no 'text' (a non-empty string)); "
                                  "see docs/gold-format.md."]
    assert f"error: E050 {gold_file}:4:" in res.stderr


def test_cli_eval_table(gold_file: Path) -> None:
    res = runner.invoke(app, ["eval", str(gold_file), "--errors", "1", "--limit", "2"])
    assert res.exit_code == 0, res.output
    for text in ("main-event class accuracy", "actors and class", "per class (penta)", "confusion",
                 "sentences/s", "2 items"):
        assert text in res.stdout, text
    assert "E050" not in res.stderr  # --limit 2 stops before the bad line


def test_cli_eval_predictions(gold_file: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "s1", "events": [{"root": "16", "source": {"code": "RUSGOV"},
                                                        "target": {"code": "UKR"}, "confidence": 0.9}]}) + "\n"
                    + json.dumps({"id": "s3", "events": [{"root": "01"}]}) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", str(gold_file), "-p", str(pred), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["coding"] is None
    assert report["event"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["main_event_class_accuracy"] == 0.5 and report["coverage"] == 0.5
    assert report["no_event_items_with_predictions"] == 1
    assert [e["id"] for e in report["errors"]["missed"]] == ["s2"]


def test_cli_eval_seed(shared: Path) -> None:
    res = runner.invoke(app, ["eval", str(shared / "data/seed/kremlin-north-korea.gold.json"), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["format"] == "seed" and report["required_events"] == 13
    assert report["predicted_events"] > 0 and report["coding"]["items"] == 1


@pytest.mark.parametrize("name,content,code", [("empty.jsonl", "", "E052"), ("bad.jsonl", "{x\n", "E052"),
                                               ("story.txt", "text", "E055")])
def test_cli_eval_unusable_gold(tmp_path: Path, name: str, content: str, code: str) -> None:
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    res = runner.invoke(app, ["eval", str(p)])
    assert isinstance(res.exception, DyadsError) and str(res.exception).startswith(code)


DOC = Path(__file__).resolve().parents[1] / "docs" / "gold-format.md"


@pytest.mark.parametrize("word", ["--format", "--model", "--predictions", "--limit", "--errors",
                                  "E050", "E051", "E052", "E053", "E054", "E055", "split_of"])
def test_cli_eval_documented(word: str) -> None:
    assert word in DOC.read_text(encoding="utf-8")


def test_cli_eval_documented_examples_are_valid() -> None:
    from dyads.eval import check_record, load_gold

    lines = [ln for ln in DOC.read_text(encoding="utf-8").splitlines() if ln.startswith('{"id": ')]
    assert lines and all(check_record(json.loads(ln)) is None for ln in lines)
    example = load_gold(DOC.parent / "examples" / "gold-example.jsonl")
    assert example.problems == [] and 5 <= len(example.records) <= 10
