"""When a predicted event counts as a gold event: actors, classes, and one-to-one matching.

These are the maintainers' rules (``shared/tools/score.py``), written out for dyads:

* a gold actor that is null constrains nothing; a gold actor with a country or code is matched at
  country level (first three letters of a code; a gold ``IGO...`` accepts any code or country
  starting with IGO, or a code containing UNO), trying the main span and every ``alt`` span;
* a gold actor with only a text span matches a predicted actor whose character span overlaps it
  (main or ``alt`` span), or, where either side has no offsets, that shares a content word;
* a gold event without a class at the scoring level accepts any predicted class;
* gold events are matched greedily, in gold order, each to the first unused predicted event
  that fits;
* an item's main event is its most confident predicted event (the first one on ties).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dyads.eval.classes import Level, gold_value, predicted_class

_PUNCT = ".,;:'\"’‘“”()"
_STOP = {"", "the", "a", "an", "of"}


def predicted_country(actor: dict[str, Any] | None) -> str | None:
    """A predicted actor's country: its ``country``, else the first three letters of its ``code``."""
    if not actor:
        return None
    if actor.get("country"):
        return str(actor["country"]).upper()
    code = actor.get("code")
    return str(code)[:3].upper() if code else None


def country_matches(gold_country: str, actor: dict[str, Any] | None) -> bool:
    """Does a predicted actor belong to ``gold_country`` (a 3-letter code, or IGO...)?"""
    if not actor:
        return False
    wanted = gold_country.upper()
    code = str(actor.get("code") or "").upper()
    country = predicted_country(actor) or ""
    if wanted.startswith("IGO"):
        return code.startswith("IGO") or country.startswith("IGO") or "UNO" in code
    return country == wanted


def actor_spans(actor: dict[str, Any]) -> list[dict[str, Any]]:
    """A gold actor's main span followed by its ``alt`` spans."""
    return [actor, *(actor.get("alt") or [])]


def content_words(text: str | None) -> set[str]:
    return {w.strip(_PUNCT).lower() for w in (text or "").split()} - _STOP


def overlaps(start1: int, end1: int, start2: int, end2: int) -> bool:
    return start1 < end2 and start2 < end1


def actor_matches(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    """Does the predicted actor fill the gold actor's role? (A null gold actor accepts anything.)"""
    if gold is None:
        return True
    coded = [g for g in actor_spans(gold) if g.get("country") or g.get("code")]
    if gold.get("country") or gold.get("code"):
        return any(country_matches(g.get("country") or (g.get("code") or "")[:3], pred) for g in coded)
    if not pred:
        return False
    for g in actor_spans(gold):
        if g.get("start") is not None and pred.get("start") is not None:
            if overlaps(g["start"], g["end"], pred["start"], pred["end"]):
                return True
        elif content_words(g.get("text")) & content_words(pred.get("text")):
            return True
    return False


def class_matches(gold: dict[str, Any], pred: dict[str, Any], level: Level) -> bool:
    """Same class at ``level``; a gold event that states no class there accepts any prediction."""
    wanted = gold_value(gold, level)
    return wanted is None or predicted_class(pred, level) == wanted


def dyad_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return actor_matches(gold.get("source"), pred.get("source")) and \
        actor_matches(gold.get("target"), pred.get("target"))


def match_events(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]], *,
                 actors: bool, classes: bool, level: Level | None) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; returns (gold index, predicted index) pairs."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold_events):
        for pi, p in enumerate(pred_events):
            if pi in used:
                continue
            if classes and level and not class_matches(g, p, level):
                continue
            if actors and not dyad_matches(g, p):
                continue
            used.add(pi)
            pairs.append((gi, pi))
            break
    return pairs


def main_event(pred_events: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The most confident predicted event (the earliest one on ties), or None."""
    best: dict[str, Any] | None = None
    best_conf = 0.0
    for ev in pred_events:
        conf = ev.get("confidence") or 0.0
        if best is None or conf > best_conf:
            best, best_conf = ev, conf
    return best
