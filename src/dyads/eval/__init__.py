"""Measuring dyads against hand-coded data: gold JSONL v1 files, seed references and folders of them.

>>> from dyads.eval import evaluate
>>> report = evaluate("my-gold.jsonl")                      # doctest: +SKIP
>>> report["main_event_class_accuracy"], report["event"]["f1"]  # doctest: +SKIP

:func:`score` (and :func:`score_seed`) only compare dicts, so predictions from any coder that
writes the ``dyads code --format jsonl`` schema can be scored. The matching rules are those of
the maintainers' ``score.py``; docs/gold-format.md describes the gold format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.errors import EvalError
from dyads.eval.articles import load_article_folder, score_folder
from dyads.eval.case2021 import EXPECTED_ROOTS, label_report
from dyads.eval.gold import GoldFile, PredictionFile, check_record, is_seed_path, load_gold, load_predictions, load_seed
from dyads.eval.run import CodingRun, code_records
from dyads.eval.scorer import score
from dyads.eval.seed import score_seed
from dyads.eval.targets import TARGETS, check_targets
from dyads.splits import split_of

__all__ = [
    "EXPECTED_ROOTS",
    "TARGETS",
    "CodingRun",
    "GoldFile",
    "PredictionFile",
    "check_record",
    "check_targets",
    "code_records",
    "evaluate",
    "evaluate_articles",
    "evaluate_gold",
    "evaluate_seed",
    "label_report",
    "load_article_folder",
    "load_gold",
    "load_predictions",
    "load_seed",
    "score",
    "score_folder",
    "score_seed",
    "split_of",
]


@dataclass
class _Predictions:
    """What is scored: the predictions read from a file or made by coding the records, and what
    went wrong on the way."""

    by_id: dict[str, dict[str, Any]]
    rows: list[dict[str, Any]]
    problems: list[str]
    warnings: list[str]
    coding: dict[str, Any] | None


def _predictions(records: list[dict[str, Any]], predictions: str | Path | None, model: str | None,
                 event_model: bool) -> _Predictions:
    if predictions is not None:
        read = load_predictions(predictions)
        return _Predictions(read.by_id, read.rows, list(read.problems), [], None)
    run = code_records(records, model=model, event_model=event_model)
    return _Predictions(run.predictions, list(run.predictions.values()), list(run.problems),
                        list(run.warnings), run.summary())


def _report(path: str | Path, fmt: str, scores: dict[str, Any], pred: _Predictions,
            problems: list[str] | None = None) -> dict[str, Any]:
    report = {"gold": str(path), "format": fmt, **scores}
    if fmt == "gold-jsonl-v1":
        report["targets"] = check_targets(report)
    report["coding"] = pred.coding
    report["problems"] = (problems or []) + pred.problems
    report["warnings"] = pred.warnings
    return report


def evaluate_gold(path: str | Path, *, model: str | None = None, predictions: str | Path | None = None,
                  limit: int | None = None, errors: int = 10, event_model: bool = True) -> dict[str, Any]:
    """Code (or read the predictions for) every record of a gold JSONL file and score them."""
    gold = load_gold(path, limit=limit)
    if not gold.records:
        detail = f"{len(gold.problems)} malformed line(s)" if gold.problems else "the file is empty"
        raise EvalError("E052", path=path, detail=detail)
    pred = _predictions(gold.records, predictions, model, event_model)
    return _report(path, "gold-jsonl-v1", score(pred.by_id, gold.records, errors=errors), pred, list(gold.problems))


def evaluate_seed(path: str | Path, *, model: str | None = None,
                  predictions: str | Path | None = None, event_model: bool = True) -> dict[str, Any]:
    """Code the article beside a seed reference with the reference's date (or read predictions) and score it."""
    gold, text = load_seed(path)
    pred = _predictions([{"id": gold["id"], "text": text, "date": gold.get("date")}], predictions, model, event_model)
    return _report(path, "seed", score_seed(pred.rows, gold, text), pred)


def evaluate_articles(path: str | Path, *, model: str | None = None,
                      predictions: str | Path | None = None, event_model: bool = True) -> dict[str, Any]:
    """Code every article of a folder of references (each with its reference's date), or read the
    predictions, and score them pooled (the numbers of the maintainers' ``score.py FOLDER/``)."""
    references = load_article_folder(path)
    records = [{"id": gold["id"], "text": text, "date": gold.get("date")} for gold, text in references]
    pred = _predictions(records, predictions, model, event_model)
    return _report(path, "articles", score_folder(pred.rows, references), pred)


def evaluate(path: str | Path, *, model: str | None = None, predictions: str | Path | None = None,
             limit: int | None = None, errors: int = 10, event_model: bool = True) -> dict[str, Any]:
    """Score dyads on a gold file: a seed ``*.gold.json``, a folder of them, or gold JSONL v1."""
    if Path(path).is_dir():
        return evaluate_articles(path, model=model, predictions=predictions, event_model=event_model)
    if is_seed_path(path):
        return evaluate_seed(path, model=model, predictions=predictions, event_model=event_model)
    if not str(path).endswith((".jsonl", ".ndjson")) and Path(path).is_file():
        raise EvalError("E055", path=path)
    return evaluate_gold(path, model=model, predictions=predictions, limit=limit, errors=errors,
                         event_model=event_model)
