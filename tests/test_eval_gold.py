"""Reading gold JSONL v1, predictions and seed files: bad lines are named, the rest is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.errors import DyadsError
from dyads.eval import check_record, load_gold, load_predictions, load_seed
from tests.eval_cases import GOLD, gold_actor, gold_event

TEXT = "Russia attacked Ukraine."


def rec(**kw) -> dict:
    base = {"id": "a", "text": TEXT, "date": None, "events": [gold_event(4)], "no_events": False}
    base.update(kw)
    return base


@pytest.mark.parametrize("record", [
    rec(), rec(id=7), rec(date="2024-01-17"), rec(events=[], no_events=True), {"id": "x", "text": "t"},
    rec(events=[gold_event(4, gold_actor("Russia", 0, 6), gold_actor("Ukraine", 16, 23), root="19",
                           cameo="193", quad=4)]),
    rec(events=[gold_event(None, gold_actor("Russia", 0, 6, alt=[gold_actor("Ukraine", 16, 23)]))]),
    rec(events=[gold_event(None, gold_actor(None, country="IGO"))]),
    rec(extra="ignored", events=[dict(gold_event(1), plover="AGREE", tag="S")]),
    *GOLD,
])
def test_eval_gold_valid_records(record: dict) -> None:
    assert check_record(record) is None


@pytest.mark.parametrize("record,detail", [
    ([1, 2], "one JSON object"),
    (rec(id=None), "'id'"),
    (rec(id=True), "'id'"),
    (rec(text="  "), "'text'"),
    (rec(date="17/01/2024"), "YYYY-MM-DD"),
    (rec(events={}), "'events' must be a list"),
    (rec(no_events="yes"), "'no_events'"),
    (rec(no_events=True), "events are listed"),
    (rec(events=["x"]), "events[0] must be an object"),
    (rec(events=[gold_event(5)]), "events[0].penta 5"),
    (rec(events=[gold_event(None, quad=0)]), "events[0].quad 0"),
    (rec(events=[gold_event(True)]), "events[0].penta True"),
    (rec(events=[gold_event(None, root="21")]), "events[0].root '21'"),
    (rec(events=[gold_event(None, cameo="x12")]), "events[0].cameo"),
    (rec(events=[gold_event(None, root="19", cameo="180")]), "not under root"),
    (rec(events=[gold_event(None, gold_actor("Russia", 0, None))]), "only one of start/end"),
    (rec(events=[gold_event(None, gold_actor("Russia", 0, 99))]), "not offsets"),
    (rec(events=[gold_event(None, gold_actor("Russia", 1, 7))]), "is not text[1:7]"),
    (rec(events=[gold_event(None, None, gold_actor(None))]), "events[0].target has no text"),
    (rec(events=[gold_event(None, gold_actor("Russia", alt=[None]))]), "alt[0] is null"),
    (rec(events=[gold_event(None, gold_actor(country=643))]), "country must be a string"),
])
def test_eval_gold_invalid_records(record, detail: str) -> None:
    problem = check_record(record)
    assert problem is not None and detail in problem


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_gold_bad_lines_are_named_and_skipped(tmp_path: Path) -> None:
    p = write_lines(tmp_path / "g.jsonl", [json.dumps(rec(id="a")), "{not json", "", json.dumps(rec(id="b", text="")),
                                           json.dumps(rec(id="a")), json.dumps(rec(id="c"))])
    gold = load_gold(p)
    assert [r["id"] for r in gold.records] == ["a", "c"]
    assert len(gold.problems) == 3
    assert gold.problems[0].startswith(f"E050 {p}:2: not a gold JSONL v1 record (not JSON")
    assert gold.problems[1].startswith(f"E050 {p}:4:")
    assert gold.problems[2].startswith(f"E051 {p}:5: id 'a' was already used on line 1")
    assert all("\n" not in m for m in gold.problems)


@pytest.mark.parametrize("limit,ids", [(1, ["a"]), (2, ["a", "b"]), (None, ["a", "b", "c"])])
def test_eval_gold_limit(tmp_path: Path, limit: int | None, ids: list[str]) -> None:
    p = write_lines(tmp_path / "g.jsonl", [json.dumps(rec(id=i)) for i in "abc"])
    assert [r["id"] for r in load_gold(p, limit=limit).records] == ids


@pytest.mark.parametrize("path", ["missing.jsonl"])
def test_eval_gold_missing_file(tmp_path: Path, path: str) -> None:
    with pytest.raises(DyadsError, match="E007"):
        load_gold(tmp_path / path)


def test_eval_gold_predictions_file(tmp_path: Path) -> None:
    p = write_lines(tmp_path / "p.jsonl", [json.dumps({"id": "a", "events": []}), "[]", json.dumps({"events": []}),
                                           json.dumps({"id": "b", "events": "x"}), json.dumps({"id": "a", "events": [
                                               {"root": "01"}]})])
    preds = load_predictions(p)
    assert [m.split(" ")[1] for m in preds.problems] == [f"{p}:2:", f"{p}:3:", f"{p}:4:"]
    assert all(m.startswith("E053") for m in preds.problems)
    assert preds.by_id["a"]["events"] == [{"root": "01"}]  # the last line for an id wins


@pytest.mark.parametrize("content,detail", [
    ("{", "not JSON"), ("[]", "no 'id'"), ('{"id": "s"}', "no 'events'"),
    ('{"id": "s", "events": [{"id": "E1"}]}', "needs evidence"),
    ('{"id": "s", "events": [{"id": "E1", "evidence": "x", "evidence_start": 0, "evidence_end": 1}]}', "root_any"),
])
def test_eval_gold_bad_seed(tmp_path: Path, content: str, detail: str) -> None:
    p = tmp_path / "s.gold.json"
    p.write_text(content, encoding="utf-8")
    (tmp_path / "s.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DyadsError, match=f"E054.*{detail}"):
        load_seed(p)


def test_eval_gold_seed_needs_its_text(tmp_path: Path) -> None:
    p = tmp_path / "s.gold.json"
    p.write_text('{"id": "s", "events": []}', encoding="utf-8")
    with pytest.raises(DyadsError, match="E054.*s.txt"):
        load_seed(p)


def test_eval_gold_shared_files_are_all_valid(shared: Path) -> None:
    for name in ("conflibert-cameo-train.jsonl", "case2021-dev.jsonl"):
        gold = load_gold(shared / "data/gold" / name)
        assert gold.problems == [] and len(gold.records) > 500
