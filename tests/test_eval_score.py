"""dyads.eval.score on hand-built gold and predictions whose scores were worked out by hand."""

from __future__ import annotations

import pytest

from dyads.eval import score
from tests.eval_cases import EXPECTED, GOLD, PRED, gold_actor, gold_event, pred_actor, pred_event


@pytest.fixture(scope="module")
def report() -> dict:
    return score(PRED, GOLD)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_eval_score_headline(report: dict, key: str) -> None:
    assert report[key] == EXPECTED[key]


@pytest.mark.parametrize("key,value", [("no_event_false_events", 2), ("no_event_false_rate", 0.5)])
def test_eval_score_false_events_on_no_event_items(report: dict, key: str, value: float) -> None:
    assert report[key] == value


@pytest.mark.parametrize("label,gold,pred,matched", [("0", 2, 3, 1), ("1", 2, 3, 2), ("2", 1, 0, 0),
                                                     ("3", 2, 2, 2), ("4", 3, 4, 2)])
def test_eval_score_per_class_counts(report: dict, label: str, gold: int, pred: int, matched: int) -> None:
    row = report["per_class"][label]
    assert (row["gold"], row["predicted"], row["matched"]) == (gold, pred, matched)


@pytest.mark.parametrize("label", ["4"])
def test_eval_score_per_class_prf(report: dict, label: str) -> None:
    row = report["per_class"][label]
    assert (row["precision"], row["recall"], row["f1"]) == (0.5, 0.6667, 0.5714)
    # main events of gold class 4: g1 and g8 right, g10 missing -> 2 of 3; predicted 4 as main: g1 g8 g12
    assert (row["main_items"], row["main_correct"], row["main_predicted"]) == (3, 2, 3)


def test_eval_score_confusion(report: dict) -> None:
    conf = report["confusion"]
    assert conf["level"] == "penta"
    assert conf["columns"] == ["0", "1", "2", "3", "4", "none"]
    assert conf["counts"]["0"] == {"0": 0, "1": 0, "2": 0, "3": 0, "4": 1, "none": 0}   # g12
    assert conf["counts"]["2"]["none"] == 1                                             # g5
    assert conf["counts"]["4"] == {"0": 0, "1": 0, "2": 0, "3": 0, "4": 2, "none": 1}   # g1 g8 / g10
    assert sum(conf["counts"][r][r] for r in conf["rows"]) == report["counts"]["main_correct"]


@pytest.mark.parametrize("kind,ids", [("wrong_class", ["g12"]), ("wrong_actor", ["g2", "g8"]),
                                      ("missed", ["g5", "g10"]), ("false_event", ["g6"])])
def test_eval_score_worst_errors(report: dict, kind: str, ids: list[str]) -> None:
    entries = report["errors"][kind]
    assert [e["id"] for e in entries] == ids
    assert all(e["text"] for e in entries)


def test_eval_score_worst_errors_have_the_sentence_and_both_sides(report: dict) -> None:
    (e,) = report["errors"]["wrong_class"]
    assert e["text"] == "Russia issued a statement."
    assert e["gold"] == [{"class": "0", "source": "RUS", "target": None}]
    assert e["predicted"][0]["class"] == "4" and e["predicted"][0]["confidence"] == 0.95
    assert report["errors"]["wrong_actor"][0]["roles"] == ["target"]


@pytest.mark.parametrize("k", [0, 1])
def test_eval_score_errors_limit(k: int) -> None:
    rep = score(PRED, GOLD, errors=k)
    assert all(len(v) <= k for v in rep["errors"].values())
    assert len(rep["errors"]["missed"]) == k


def _one(gold_ev: dict, *preds: dict) -> dict:
    return score({"x": {"id": "x", "events": list(preds)}}, [{"id": "x", "text": "t", "events": [gold_ev]}])


@pytest.mark.parametrize("gold_ev,pred,level,ok", [
    (gold_event(None, root="19"), pred_event("19"), "root", True),
    (gold_event(None, root="19"), pred_event("18"), "root", False),
    (gold_event(None, cameo="193"), pred_event("19"), "root", True),                    # cameo stands in for root
    (gold_event(None, quad=4), pred_event("19"), "quad", True),
    (gold_event(None, quad=4), pred_event("14"), "quad", False),
    (gold_event(3), pred_event(None, penta=3), "penta", True),                          # class from the field
    (gold_event(3), pred_event("16"), "penta", True),                                   # 16 is verbal conflict
    (gold_event(None), pred_event("01"), None, True),                                   # no class: any matches
])
def test_eval_score_class_levels(gold_ev: dict, pred: dict, level: str | None, ok: bool) -> None:
    rep = _one(gold_ev, pred)
    assert rep["class_level"] == level
    assert rep["class_only"]["recall"] == (1.0 if ok else 0.0)
    if level:
        assert rep["main_event_class_accuracy"] == (1.0 if ok else 0.0)


@pytest.mark.parametrize("confs,main_root", [((0.5, 0.5), "19"), ((0.4, 0.6), "03"), ((None, 0.1), "03")])
def test_eval_score_main_event_is_most_confident_first_on_ties(confs: tuple, main_root: str) -> None:
    rep = _one(gold_event(None, root="19"), pred_event("19", confidence=confs[0]),
               pred_event("03", confidence=confs[1]))
    assert rep["main_event_class_accuracy"] == (1.0 if main_root == "19" else 0.0)
    assert rep["class_only"]["recall"] == 1.0  # the matching itself finds the 19 either way


@pytest.mark.parametrize("gold_src,pred_src,ok", [
    (gold_actor(code="RUSGOV"), pred_actor("RUSMIL"), True),              # country level
    (gold_actor(country="rus"), pred_actor(None, country="RUS"), True),   # case-insensitive
    (gold_actor(country="IGO"), pred_actor("IGOEUREU"), True),
    (gold_actor(country="IGO"), pred_actor("RUS"), False),
    (gold_actor(country="RUS"), None, False),
    (gold_actor(country="USA", alt=[gold_actor(country="GBR")]), pred_actor("GBR"), True),
    (gold_actor("the Kremlin", 0, 11), pred_actor("RUSGOV", "Kremlin", 4, 11), True),
    (gold_actor("the Kremlin", 0, 11), pred_actor("RUSGOV", "the Kremlin", 12, 20), False),  # offsets, no overlap
    (gold_actor("the Kremlin"), pred_actor("RUSGOV", "Kremlin officials", 4, 20), True),     # words
    (gold_actor("the Kremlin"), pred_actor("RUSGOV", "The Moscow"), False),                  # only stop words shared
    (None, None, True),
])
def test_eval_score_actor_rules(gold_src: dict | None, pred_src: dict | None, ok: bool) -> None:
    rep = _one(gold_event(None, gold_src), pred_event("01", pred_src))
    assert rep["dyad_only"]["recall"] == (1.0 if ok else 0.0)


def test_eval_score_greedy_matching_is_one_to_one() -> None:
    gold = [{"id": "x", "text": "t", "events": [gold_event(None, root="19"), gold_event(None, root="19")]}]
    rep = score({"x": {"id": "x", "events": [pred_event("19")]}}, gold)
    assert rep["event"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert rep["main_event_class_accuracy"] is None  # two gold events: no main-event check


def test_eval_score_empty_inputs() -> None:
    rep = score({}, [])
    assert rep["items"] == 0 and rep["coverage"] is None and rep["event"]["f1"] == 0.0
    assert rep["per_class"] == {} and rep["confusion"]["rows"] == []
