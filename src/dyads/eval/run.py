"""Coding gold items with the dyads pipeline, timed, so they can be scored."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dyads.io.readers import Item, ReadError, ReadOptions, make_article


@dataclass(slots=True)
class CodingRun:
    """Predicted articles by id (``Article.to_dict()``), the problems met, and what it cost.

    ``problems``: items that could not be coded at all; ``warnings``: messages the pipeline
    recorded on coded articles (a stage that failed on one article, a bad date, ...)."""

    predictions: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    items: int = 0
    sentences: int = 0
    seconds: float = 0.0

    @property
    def sentences_per_second(self) -> float | None:
        return round(self.sentences / self.seconds, 1) if self.seconds else None

    @property
    def items_per_second(self) -> float | None:
        return round(self.items / self.seconds, 1) if self.seconds else None

    def summary(self) -> dict[str, Any]:
        return {"items": self.items, "sentences": self.sentences, "seconds": round(self.seconds, 2),
                "items_per_second": self.items_per_second, "sentences_per_second": self.sentences_per_second}


def gold_items(records: Iterable[dict[str, Any]], date: str | None = None) -> Iterator[Item]:
    """Articles to code from gold records (id, text, date), as the readers would make them."""
    opts = ReadOptions(date=date)
    for rec in records:
        yield make_article(str(rec["id"]), rec["text"], opts, date=rec.get("date"))


def code_records(records: Iterable[dict[str, Any]], model: str | None = None,
                 date: str | None = None, event_model: bool = True) -> CodingRun:
    """Code every gold record with the pipeline; per-item failures are recorded, never raised.

    ``seconds`` is the coding time alone: the pipeline is loaded before the clock starts."""
    from dyads.runner import annotate

    run = CodingRun()
    # load the spaCy pipeline outside the timed part, through the same runner
    list(annotate(iter([make_article("warm-up", "Warm up.", ReadOptions())]), model=model, event_model=event_model))
    start = time.perf_counter()
    for item in annotate(gold_items(records, date=date), model=model, event_model=event_model):
        if isinstance(item, ReadError):
            run.problems.append(item.message)
            continue
        run.warnings.extend(item.errors)
        run.items += 1
        run.sentences += len(item.sentences)
        run.predictions[item.id] = item.to_dict()
    run.seconds = time.perf_counter() - start
    return run
