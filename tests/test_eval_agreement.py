"""dyads.eval gives the same numbers as the maintainers' scorer (../shared/tools/score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dyads.eval import load_gold, score, score_seed
from tests.eval_cases import (
    GOLD,
    PRED,
    SEED,
    SEED_TEXT,
    T1,
    T2,
    gold_actor,
    gold_event,
    gold_span,
    pred_actor,
    pred_event,
    seed_event,
)

SCORE_PY = Path(__file__).resolve().parents[1] / ".." / "shared" / "tools" / "score.py"


@pytest.fixture(scope="module")
def score_py() -> Path:
    if not SCORE_PY.is_file():
        pytest.skip(f"{SCORE_PY} not found: ../shared is not beside the repository")
    return SCORE_PY


def reference(score_py: Path, tmp_path: Path, pred_rows: list[dict], gold: Any, gold_name: str = "gold.jsonl",
              text: str | None = None) -> dict:
    pred_path, gold_path = tmp_path / "pred.jsonl", tmp_path / gold_name
    pred_path.write_text("".join(json.dumps(r) + "\n" for r in pred_rows), encoding="utf-8")
    if gold_name.endswith(".gold.json"):
        gold_path.write_text(json.dumps(gold), encoding="utf-8")
        (tmp_path / gold_name.replace(".gold.json", ".txt")).write_text(text or "", encoding="utf-8")
    else:
        gold_path.write_text("".join(json.dumps(r) + "\n" for r in gold), encoding="utf-8")
    res = subprocess.run([sys.executable, str(score_py), str(pred_path), str(gold_path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def assert_agree(ours: dict, ref: dict) -> None:
    shared = set(ours) & set(ref)
    assert shared == set(ref), f"keys score.py has and we lack: {set(ref) - set(ours)}"
    assert {k: ours[k] for k in shared} == {k: ref[k] for k in shared}


ROOT_GOLD = [
    {"id": "r1", "text": T1, "events": [gold_event(4, gold_actor(country="RUS"), gold_actor(country="UKR"),
                                                   root="19", quad=4)]},
    {"id": "r2", "text": T2, "events": [gold_event(None, gold_span(T2, "The court"), None, cameo="1231")]},
    {"id": "r3", "text": T2, "events": [gold_event(None, None, None, root="04"),
                                        gold_event(None, None, gold_span(T2, "the request"), root="12")]},
    {"id": "r4", "text": T2, "events": [], "no_events": True},
]
ROOT_PRED = [
    {"id": "r1", "events": [pred_event("18", pred_actor("RUS"), pred_actor("UKR"), 0.7),
                            pred_event("19", pred_actor("RUS"), pred_actor("UKR"), 0.7)]},
    {"id": "r2", "events": [pred_event(None, pred_actor("JUD", "court", 4, 9), None, 0.4, cameo="123")]},
    {"id": "r3", "events": [pred_event("12", None, pred_actor(None, "request", 23, 30)),
                            pred_event("04", None, None)]},
    {"id": "r4", "events": [pred_event("01")]},
    {"id": "not-in-gold", "events": [pred_event("01")]},
]
QUAD_GOLD = [{"id": f"q{i}", "text": T1, "events": [gold_event(None, gold_actor(code="RUSGOV"), None, quad=q)]}
             for i, q in enumerate((1, 2, 3, 4))]
QUAD_PRED = [{"id": "q0", "events": [pred_event("05", pred_actor("RUSMIL"))]},
             {"id": "q1", "events": [pred_event(None, pred_actor(None, country="RUS"), quad=2)]},
             {"id": "q2", "events": [pred_event("14", pred_actor("UKR"))]}]


@pytest.mark.parametrize("gold,pred_rows", [
    (GOLD, list(PRED.values())),
    (ROOT_GOLD, ROOT_PRED),
    (QUAD_GOLD, QUAD_PRED),
    (GOLD + ROOT_GOLD, list(PRED.values()) + ROOT_PRED),  # mixed levels: the first one is reported
    (GOLD, []),
], ids=["penta", "root", "quad", "mixed", "no-predictions"])
def test_eval_agreement_gold_jsonl(score_py: Path, tmp_path: Path, gold: list, pred_rows: list) -> None:
    ours = score({str(r["id"]): r for r in pred_rows}, gold)
    assert_agree(ours, reference(score_py, tmp_path, pred_rows, gold))


SEED_PREDS = [
    {"id": "mini.txt", "events": [
        seed_event("04", pred_actor("CHN"), pred_actor("RUSGOV"), 19, 46, "2024-01-17"),   # either direction, dated
        seed_event("11", pred_actor("UNO"), None, 48, 76),                                  # IGO, target left empty
        seed_event("01", pred_actor("RUS"), None, 78, 87),                                  # unexplained
        {"root": "05", "source": pred_actor("RUS"), "target": None, "evidence": {"text": "held talks"}},  # no offsets
    ], "quotes": [{"content": {"text": "Russia and China held talks."}}]},
]


@pytest.mark.parametrize("pred_rows", [SEED_PREDS, [{"id": "other", "events": []}] + SEED_PREDS, []],
                         ids=["seed", "picked-by-id", "nothing"])
def test_eval_agreement_seed(score_py: Path, tmp_path: Path, pred_rows: list) -> None:
    ours = score_seed(pred_rows, SEED, SEED_TEXT)
    if not pred_rows:  # score.py divides by zero on a seed with no required events; ours has some
        assert ours["required_found"] == 0
    ref = reference(score_py, tmp_path, pred_rows, SEED, "mini.gold.json", SEED_TEXT)
    assert_agree(ours, ref)


def test_eval_agreement_real_coder_on_dev_sentences(score_py: Path, tmp_path: Path, shared: Path) -> None:
    """The real pipeline's output on 40 ConfliBERT sentences, scored both ways."""
    from dyads.eval import code_records

    gold = load_gold(shared / "data/gold/conflibert-cameo-train.jsonl", limit=40).records
    run = code_records(gold)
    ours = score(run.predictions, gold)
    assert_agree(ours, reference(score_py, tmp_path, list(run.predictions.values()), gold))


def _perturbed_predictions(folder: Path, seed: int) -> list[dict]:
    """Predictions built from the references themselves, some right, some with a wrong root, a
    swapped or missing actor, a moved span, plus events where no reference has one."""
    import random

    rng = random.Random(seed)
    rows = []
    for ref in sorted(folder.glob("*.gold.json")):
        gold = json.loads(ref.read_text(encoding="utf-8"))
        events = []
        for g in gold["events"]:
            kind = rng.choice(["right", "root", "swap", "noactor", "moved", "skip"])
            if kind == "skip":
                continue
            root = g["root_any"][0] if kind != "root" else f"{(int(g['root_any'][0]) % 20) + 1:02d}"
            def actor(a: dict | None) -> dict | None:
                if not a:
                    return None
                c = a.get("country") or next((x for x in a.get("country_any", []) if x), None)
                return {"code": c, "country": c if c and not c.startswith("IGO") else None, "text": "x",
                        "start": 0, "end": 1} if c else None
            src, tgt = actor(g.get("source")), actor(g.get("target"))
            if kind == "swap":
                src, tgt = tgt, src
            if kind == "noactor":
                src = None
            start, end = g["evidence_start"], g["evidence_end"]
            if kind == "moved":
                start, end = end + 500, end + 520
            events.append({"cameo": root + "0", "root": root, "source": src, "target": tgt, "sentence": 0,
                           "evidence": {"start": start, "end": end, "text": "e"}, "date": g.get("date")})
        rows.append({"id": gold["id"], "sentences": [{"start": 0, "end": 10}], "events": events, "quotes": []})
    return rows


@pytest.mark.parametrize("part, seed", [("tune", 1), ("check", 2)])
def test_agreement_article_folder_equals_score_py(score_py, shared, tmp_path, part, seed) -> None:
    from dyads.eval import evaluate_articles

    folder = shared / "data" / "articles" / part
    rows = _perturbed_predictions(folder, seed)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, str(score_py), str(pred), str(folder) + "/", "--json"],
                         capture_output=True, text=True, check=True)
    want = json.loads(out.stdout)
    got = evaluate_articles(folder, predictions=pred)
    for key in ("articles", "required_events", "required_found", "recall", "predicted_events",
                "predicted_matching_gold", "precision", "must_not_violations"):
        assert got[key] == want[key], key
    assert [(a["id"], a["found"], a["precision"], a["must_not_violations"], a["missing"]) for a in got["per_article"]] \
        == [(a["id"], a["found"], a["precision"], a["must_not_violations"], a["missing"]) for a in want["per_article"]]
    assert 0 < got["required_found"] < got["required_events"]
    assert len(got["missed"]) == got["required_events"] - got["required_found"]
    assert len(got["unmatched"]) == got["predicted_events"] - got["predicted_matching_gold"]
