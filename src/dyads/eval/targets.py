"""The accuracy targets of issue 3, checked against a report from :func:`dyads.eval.score`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Target:
    key: str  # dotted path into the report, e.g. "event.f1"
    label: str
    threshold: float
    at_least: bool = True  # False: the value must stay at or below the threshold

    def value(self, report: dict[str, Any]) -> float | None:
        node: Any = report
        for part in self.key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def met(self, report: dict[str, Any]) -> bool | None:
        v = self.value(report)
        if v is None:
            return None
        return v >= self.threshold if self.at_least else v <= self.threshold

    @property
    def text(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.threshold:.2f}"


TARGETS: tuple[Target, ...] = (
    Target("main_event_class_accuracy", "main-event class accuracy", 0.75),
    Target("coverage", "coverage", 0.90),
    Target("event.f1", "event F1 (actors and class)", 0.60),
    Target("main_event_source_accuracy", "source actor accuracy", 0.85),
    Target("main_event_target_accuracy", "target actor accuracy", 0.75),
    Target("no_event_false_rate", "no-event items coded with an event", 0.10, at_least=False),
)


def check_targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target: label, value, target text, and met (None when the gold cannot tell)."""
    return [{"key": t.key, "label": t.label, "value": t.value(report), "target": t.text, "met": t.met(report)}
            for t in TARGETS]
