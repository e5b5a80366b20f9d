"""Event classes for scoring: CAMEO root, PentaClass and QuadClass, of gold and predicted events.

The scorer keeps its own small tables instead of asking the coder (``dyads.annotate.events.cameo``): a
mistake in the coder's class tables must show up as errors here, not be hidden by sharing them.
"""

from __future__ import annotations

from typing import Any, Literal

Level = Literal["root", "penta", "quad"]
LEVELS: tuple[Level, ...] = ("root", "penta", "quad")  # finest first

QUAD = {r: (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4) for r in range(1, 21)}
PENTA = {r: (0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 or r == 16 else 4)
         for r in range(1, 21)}

PENTA_NAMES = {0: "statement", 1: "verbal cooperation", 2: "material cooperation",
               3: "verbal conflict", 4: "material conflict"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
ROOT_NAMES = {
    1: "make public statement", 2: "appeal", 3: "express intent to cooperate", 4: "consult",
    5: "engage in diplomatic cooperation", 6: "engage in material cooperation", 7: "provide aid",
    8: "yield", 9: "investigate", 10: "demand", 11: "disapprove", 12: "reject", 13: "threaten",
    14: "protest", 15: "exhibit force posture", 16: "reduce relations", 17: "coerce", 18: "assault",
    19: "fight", 20: "use unconventional mass violence",
}


def root_of(event: dict[str, Any]) -> int | None:
    """The CAMEO root (1-20) of an event dict, from its ``root`` or else its ``cameo`` string."""
    for key in ("root", "cameo"):
        value = event.get(key)
        if isinstance(value, str) and len(value) >= 2 and value[:2].isdigit():
            root = int(value[:2])
            return root if 1 <= root <= 20 else None
    return None


def predicted_class(event: dict[str, Any], level: Level) -> int | None:
    """A predicted event's class at ``level``: derived from its root when it has one, else its own field."""
    root = root_of(event)
    if root is not None:
        return {"root": root, "quad": QUAD[root], "penta": PENTA[root]}[level]
    return None if level == "root" else event.get(level)


def gold_value(event: dict[str, Any], level: Level) -> int | None:
    """The class a gold event states at ``level`` (``cameo`` stands in for a missing ``root``), or None."""
    value = event.get(level)
    if value is None and level == "root" and event.get("cameo"):
        value = str(event["cameo"])[:2]
    return None if value is None else int(value)


def gold_class(event: dict[str, Any], level: Level) -> int | None:
    """The gold class at ``level`` for per-class tables: stated, or derived from a stated root."""
    value = gold_value(event, level)
    if value is None and level != "root":
        root = gold_value(event, "root")
        if root is not None and 1 <= root <= 20:
            value = QUAD[root] if level == "quad" else PENTA[root]
    return value


def gold_level(events: list[dict[str, Any]]) -> Level | None:
    """The finest level at which any of an item's gold events states a class."""
    for level in LEVELS:
        if any(gold_value(e, level) is not None for e in events):
            return level
    return None


def class_label(value: int | None, level: Level | None) -> str:
    """Display label for a class value: ``05``, ``3``; None for a missing class becomes ``?``."""
    if value is None:
        return "?"
    return f"{value:02d}" if level == "root" else str(value)


def class_name(value: int, level: Level) -> str:
    names = {"root": ROOT_NAMES, "penta": PENTA_NAMES, "quad": QUAD_NAMES}[level]
    return names.get(value, "")
