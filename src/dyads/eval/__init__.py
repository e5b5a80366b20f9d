"""Measuring dyads against hand-coded data: gold JSONL v1 files, seed references and folders of them.

>>> from dyads.eval import evaluate
>>> report = evaluate("my-gold.jsonl")                      # doctest: +SKIP
>>> report["main_event_class_accuracy"], report["event"]["f1"]  # doctest: +SKIP

:func:`score` (and :func:`score_seed`) only compare dicts, so predictions from any coder that
writes the ``dyads code --format jsonl`` schema can be scored. The matching rules are those of
the maintainers' ``score.py``; docs/gold-format.md describes the gold format.
"""

from __future__ import annotations

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


def evaluate_gold(path: str | Path, *, model: str | None = None, predictions: str | Path | None = None,
                  limit: int | None = None, errors: int = 10, event_model: bool = True) -> dict[str, Any]:
    """Code (or read the predictions for) every record of a gold JSONL file and score them."""
    gold = load_gold(path, limit=limit)
    if not gold.records:
        detail = f"{len(gold.problems)} malformed line(s)" if gold.problems else "the file is empty"
        raise EvalError("E052", path=path, detail=detail)
    problems, warnings = list(gold.problems), []
    coding = None
    if predictions is not None:
        pred_file = load_predictions(predictions)
        problems += pred_file.problems
        preds = pred_file.by_id
    else:
        run = code_records(gold.records, model=model, event_model=event_model)
        problems += run.problems
        warnings += run.warnings
        preds = run.predictions
        coding = run.summary()
    report = {"gold": str(path), "format": "gold-jsonl-v1", **score(preds, gold.records, errors=errors)}
    report["targets"] = check_targets(report)
    report["coding"] = coding
    report["problems"] = problems
    report["warnings"] = warnings
    return report


def evaluate_seed(path: str | Path, *, model: str | None = None,
                  predictions: str | Path | None = None, event_model: bool = True) -> dict[str, Any]:
    """Code the article beside a seed reference with the reference's date (or read predictions) and score it."""
    gold, text = load_seed(path)
    problems: list[str] = []
    warnings: list[str] = []
    coding = None
    if predictions is not None:
        pred_file = load_predictions(predictions)
        problems += pred_file.problems
        rows = pred_file.rows
    else:
        record = {"id": gold["id"], "text": text, "date": gold.get("date")}
        run = code_records([record], model=model, event_model=event_model)
        problems += run.problems
        warnings += run.warnings
        rows = list(run.predictions.values())
        coding = run.summary()
    report = {"gold": str(path), "format": "seed", **score_seed(rows, gold, text)}
    report["coding"] = coding
    report["problems"] = problems
    report["warnings"] = warnings
    return report


def evaluate_articles(path: str | Path, *, model: str | None = None,
                      predictions: str | Path | None = None, event_model: bool = True) -> dict[str, Any]:
    """Code every article of a folder of references (each with its reference's date), or read the
    predictions, and score them pooled (the numbers of the maintainers' ``score.py FOLDER/``)."""
    references = load_article_folder(path)
    problems: list[str] = []
    warnings: list[str] = []
    coding = None
    if predictions is not None:
        pred_file = load_predictions(predictions)
        problems += pred_file.problems
        rows = pred_file.rows
    else:
        records = [{"id": gold["id"], "text": text, "date": gold.get("date")} for gold, text in references]
        run = code_records(records, model=model, event_model=event_model)
        problems += run.problems
        warnings += run.warnings
        rows = list(run.predictions.values())
        coding = run.summary()
    report = {"gold": str(path), "format": "articles", **score_folder(rows, references)}
    report["coding"] = coding
    report["problems"] = problems
    report["warnings"] = warnings
    return report


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
