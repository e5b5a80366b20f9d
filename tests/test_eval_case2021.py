"""CASE 2021 snippets (labels, no events): coverage and root consistency; and the dev-data split."""

from __future__ import annotations

import pytest

from dyads.eval import EXPECTED_ROOTS, label_report, split_of
from dyads.eval.case2021 import UNMAPPED

RECORDS = [{"id": "c1", "text": "t", "events": [], "label": "ARREST"},
           {"id": "c2", "text": "t", "events": [], "label": "ARREST"},
           {"id": "c3", "text": "t", "events": [], "label": "PEACE_PROTEST"},
           {"id": "c4", "text": "t", "events": [], "label": "NATURAL_DISASTER"}]
PRED = {"c1": {"events": [{"root": "17"}]}, "c2": {"events": [{"cameo": "190"}]},
        "c4": {"events": [{"root": "01"}]}}


def test_eval_case2021_label_report() -> None:
    rep = label_report(RECORDS, PRED)
    assert (rep["snippets"], rep["with_events"], rep["coverage"]) == (4, 3, 0.75)
    assert (rep["mapped_snippets"], rep["consistent"], rep["consistency"]) == (3, 1, 0.3333)
    assert rep["per_label"]["ARREST"] == {"snippets": 2, "coverage": 1.0, "expected_roots": ["17"],
                                          "consistency": 0.5}
    assert rep["per_label"]["NATURAL_DISASTER"]["consistency"] is None


def test_eval_case2021_mapping_is_cameo_roots() -> None:
    assert not set(EXPECTED_ROOTS) & set(UNMAPPED)
    assert all(r.isdigit() and 1 <= int(r) <= 20 for roots in EXPECTED_ROOTS.values() for r in roots)


@pytest.mark.parametrize("ident", ["conflibert-cameo-train-0000", "x", "case2021-task2-6"])
def test_eval_split_is_deterministic(ident: str) -> None:
    assert split_of(ident) == split_of(ident) in ("tune", "heldout")


def test_eval_split_keeps_about_one_in_five_apart() -> None:
    kept = sum(split_of(f"item-{i}") == "heldout" for i in range(2000))
    assert 300 < kept < 500
