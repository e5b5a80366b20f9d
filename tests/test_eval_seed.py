"""dyads.eval.score_seed: a seed reference (one article, hand-coded) and its must_not rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.eval import load_seed, score_seed
from tests.eval_cases import SEED, SEED_TEXT, pred_actor
from tests.eval_cases import seed_event as _ev
from tests.test_eval_agreement import SCORE_PY


@pytest.mark.parametrize("event,found", [
    (_ev("04", pred_actor("RUS"), pred_actor("CHN"), 19, 46), True),
    (_ev("04", pred_actor("CHN"), pred_actor("RUS"), 19, 46), True),        # either_direction
    (_ev("03", pred_actor("RUS"), pred_actor("CHN"), 19, 46), False),       # root not in root_any
    (_ev("04", pred_actor("RUS"), pred_actor("CHN"), 48, 76), False),       # evidence elsewhere
    (_ev("04", pred_actor("RUS"), None, 19, 46), False),                    # target missing
])
def test_eval_seed_first_event(event: dict, found: bool) -> None:
    rep = score_seed([{"id": "mini", "events": [event]}], SEED, SEED_TEXT)
    assert ("E1" not in rep["missing"]) is found
    assert rep["precision"] == (1.0 if found else 0.0)


@pytest.mark.parametrize("target,found", [(None, True), (pred_actor("PRKGOV"), True), (pred_actor("USA"), False)])
def test_eval_seed_country_any_null_means_left_empty(target: dict | None, found: bool) -> None:
    rep = score_seed([{"id": "mini", "events": [_ev("12", pred_actor("IGOUNO"), target, 48, 76)]}], SEED, SEED_TEXT)
    assert ("E2" not in rep["missing"]) is found


@pytest.mark.parametrize("date,ok", [("2024-01-17", "1/1"), ("2023-12-01", "0/1"), (None, "0/1")])
def test_eval_seed_dates(date: str | None, ok: str) -> None:
    rep = score_seed([{"id": "mini", "events": [_ev("04", pred_actor("RUS"), pred_actor("CHN"), 19, 46, date)]}],
                     SEED, SEED_TEXT)
    assert rep["dates_correct"] == ok


def test_eval_seed_optional_events_explain_but_do_not_count_for_recall() -> None:
    rep = score_seed([{"id": "mini", "events": [_ev("01", pred_actor("USA"), None, 78, 87)]}], SEED, SEED_TEXT)
    assert (rep["required_events"], rep["required_found"], rep["precision"]) == (2, 0, 1.0)
    assert rep["unexplained"] == []


def test_eval_seed_quotes() -> None:
    rep = score_seed([{"id": "mini", "events": [], "quotes": [{"content": {"text": "Russia and China held"}}]}],
                     SEED, SEED_TEXT)
    assert rep["quotes_found"] == "1/2"


MUST_NOT_SEED = dict(SEED, must_not=[
    {"what": "Reuters (the byline) coded as an actor", "evidence": "MOSCOW (Reuters)"},
    {"what": "any event other than a rejection (root 12) from the non-event", "evidence": "It failed to halt it."},
    {"what": "the talks coded without the date 2024-01", "evidence": "Russia and China held talks"},
])


@pytest.mark.parametrize("event,violations", [
    (_ev("04", pred_actor("RUS", "Reuters"), None, 0, 5), ["Reuters coded as an actor"]),
    (_ev("17", None, None, 78, 90), ["any event other than a rejection (root 12) from the non-event"]),
    (_ev("12", None, None, 78, 90), []),
    (_ev("04", None, None, 19, 46, "2023"), ["the talks coded without the date 2024-01"]),
    (_ev("04", None, None, 19, 46, "2024-01-17"), []),
    ({"root": "17", "evidence": {"text": "failed to halt"}}, [
        "any event other than a rejection (root 12) from the non-event"]),
])
def test_eval_seed_must_not(event: dict, violations: list[str]) -> None:
    assert score_seed([{"id": "mini", "events": [event]}], MUST_NOT_SEED, SEED_TEXT)["must_not_violations"] == \
        violations


def test_eval_seed_must_not_explicit_keys_win() -> None:
    seed = dict(SEED, must_not=[{"what": "no events here", "evidence": "It failed to halt it.",
                                 "allow_roots": ["17"]}])
    rep = score_seed([{"id": "mini", "events": [_ev("17", None, None, 78, 90)]}], seed, SEED_TEXT)
    assert rep["must_not_violations"] == []


def test_eval_seed_must_not_agree_with_score_py_on_the_shared_seed(shared: Path, tmp_path: Path) -> None:
    """Predictions breaking each of the shared seed's must_not rules: as many violations as score.py finds."""
    gold_path = shared / "data/seed/kremlin-north-korea.gold.json"
    gold, text = load_seed(gold_path)
    halt = text.index("The sanctions have, however")
    soviet = text.index("the then-Soviet Union")

    def ev(root: str, start: int, end: int, src: dict | None = None, date: str | None = None) -> dict:
        return {"root": root, "source": src, "target": None, "date": date,
                "evidence": {"start": start, "end": end, "text": text[start:end]}}

    preds = [ev("01", 0, 10, pred_actor("USA", "Reuters")),
             ev("17", halt, halt + 20), ev("16", halt, halt + 20),
             ev("06", soviet, soviet + 21, pred_actor("SUN", "the then-Soviet Union", soviet, soviet + 21)),
             ev("06", soviet, soviet + 21, pred_actor("SUN", "the then-Soviet Union", soviet, soviet + 21), "1948")]
    rows = [{"id": "kremlin-north-korea.txt", "events": preds}]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    ref = json.loads(subprocess.run([sys.executable, str(SCORE_PY), str(pred_path), str(gold_path), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    ours = score_seed(rows, gold, text)
    assert len(ours["must_not_violations"]) == len(ref["must_not_violations"]) == 3
    assert {k: ours[k] for k in ref if k != "must_not_violations"} == \
        {k: v for k, v in ref.items() if k != "must_not_violations"}
