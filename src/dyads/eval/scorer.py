"""Scoring predicted articles against gold JSONL v1 records.

:func:`score` returns one JSON-ready dict. Its headline keys are the same, with the same values,
as ``shared/tools/score.py PRED GOLD --json`` gives (the maintainers' scorer); the rest breaks the
numbers down: per-class tables, a confusion matrix of main events, and the worst errors with
their sentences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dyads.eval.classes import Level, class_label, class_name, gold_class, gold_level, predicted_class
from dyads.eval.matching import actor_matches, class_matches, main_event, match_events

NONE_COLUMN = "none"  # confusion-matrix column: the item got no event at all
ERROR_KINDS = ("wrong_class", "wrong_actor", "missed", "false_event")


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


@dataclass(slots=True)
class _Tally:
    """Counts accumulated over the items of one gold file."""

    items: int = 0
    missing: int = 0
    level: Level | None = None
    gold_events: int = 0
    predicted_events: int = 0
    tp: Counter = field(default_factory=Counter)  # event / class_only / dyad_only
    event_items: int = 0
    covered: int = 0
    main_items: int = 0
    main_correct: int = 0
    source_checked: int = 0
    source_correct: int = 0
    target_checked: int = 0
    target_correct: int = 0
    no_event_items: int = 0
    no_event_items_hit: int = 0
    no_event_false_events: int = 0
    # per class (at the report level): gold events, predicted events, class-only matches
    class_gold: Counter = field(default_factory=Counter)
    class_pred: Counter = field(default_factory=Counter)
    class_tp: Counter = field(default_factory=Counter)
    confusion: dict[str, Counter] = field(default_factory=dict)  # gold class -> main-event class -> n
    errors: dict[str, list[tuple[float, int, dict[str, Any]]]] = field(
        default_factory=lambda: {k: [] for k in ERROR_KINDS})


def _gold_actor(actor: dict[str, Any] | None) -> str | None:
    if actor is None:
        return None
    coded = actor.get("code") or actor.get("country")
    text = actor.get("text")
    if coded and text:
        return f"{coded} ({text})"
    return coded or text or "?"


def _pred_actor(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    code, text = actor.get("code"), actor.get("text")
    return f"{code or '?'} ({text})" if text else (code or "?")


def _describe_gold(ev: dict[str, Any], level: Level | None) -> dict[str, Any]:
    return {"class": class_label(gold_class(ev, level), level) if level else None,
            "source": _gold_actor(ev.get("source")), "target": _gold_actor(ev.get("target"))}


def _describe_pred(ev: dict[str, Any], level: Level | None) -> dict[str, Any]:
    evidence = ev.get("evidence") or {}
    return {"class": class_label(predicted_class(ev, level), level) if level else None,
            "cameo": ev.get("cameo"), "source": _pred_actor(ev.get("source")),
            "target": _pred_actor(ev.get("target")), "confidence": ev.get("confidence"),
            "rule": ev.get("rule"), "evidence": evidence.get("text")}


def _error(t: _Tally, kind: str, item: dict[str, Any], gold: list[dict[str, Any]],
           preds: list[dict[str, Any]], confidence: float, level: Level | None, **extra: Any) -> None:
    entry = {"kind": kind, "id": str(item["id"]), "text": item.get("text", ""),
             "gold": [_describe_gold(g, level) for g in gold],
             "predicted": [_describe_pred(p, level) for p in preds], **extra}
    t.errors[kind].append((confidence, len(t.errors[kind]), entry))


def _count_predictions(t: _Tally, preds: list[dict[str, Any]]) -> None:
    t.predicted_events += len(preds)
    t.class_pred.update(class_label(predicted_class(p, t.level), t.level) for p in preds if t.level)


def _score_event_item(t: _Tally, item: dict[str, Any], gold: list[dict[str, Any]],
                      preds: list[dict[str, Any]]) -> None:
    level = gold_level(gold)
    t.gold_events += len(gold)
    t.event_items += 1
    t.covered += bool(preds)
    t.tp["event"] += len(match_events(gold, preds, actors=True, classes=True, level=level))
    class_pairs = match_events(gold, preds, actors=False, classes=True, level=level)
    t.tp["class_only"] += len(class_pairs)
    t.tp["dyad_only"] += len(match_events(gold, preds, actors=True, classes=False, level=level))
    if level is not None and level == t.level:
        for g in gold:
            if gold_class(g, level) is not None:
                t.class_gold[class_label(gold_class(g, level), level)] += 1
        for gi, _ in class_pairs:
            if gold_class(gold[gi], level) is not None:
                t.class_tp[class_label(gold_class(gold[gi], level), level)] += 1
    if not preds:
        _error(t, "missed", item, gold, [], 0.0, t.level)
    if level is None or len(gold) != 1:
        return
    g = gold[0]
    m = main_event(preds)
    t.main_items += 1
    class_ok = bool(m and class_matches(g, m, level))
    t.main_correct += class_ok
    if level == t.level and gold_class(g, level) is not None:
        row = t.confusion.setdefault(class_label(gold_class(g, level), level), Counter())
        row[class_label(predicted_class(m, level), level) if m else NONE_COLUMN] += 1
    if m is None:
        return
    conf = float(m.get("confidence") or 0.0)
    wrong_roles = []
    for role in ("source", "target"):
        if g.get(role) is None:
            continue
        ok = actor_matches(g[role], m.get(role))
        if role == "source":
            t.source_checked += 1
            t.source_correct += ok
        else:
            t.target_checked += 1
            t.target_correct += ok
        if not ok:
            wrong_roles.append(role)
    if not class_ok:
        _error(t, "wrong_class", item, gold, [m], conf, t.level)
    elif wrong_roles:
        _error(t, "wrong_actor", item, gold, [m], conf, t.level, roles=wrong_roles)


def _per_class(t: _Tally) -> dict[str, dict[str, Any]]:
    main_pred: Counter = Counter()
    for row in t.confusion.values():
        main_pred.update(row)
    labels = sorted((set(t.class_gold) | set(t.class_pred) | set(t.confusion)) - {"?"}, key=_label_key)
    out = {}
    for label in labels:
        main_row = t.confusion.get(label, Counter())
        main_gold, main_ok = sum(main_row.values()), main_row.get(label, 0)
        main = prf(main_ok, main_pred.get(label, 0), main_gold)
        out[label] = {
            "name": class_name(int(label), t.level) if t.level else "",
            "gold": t.class_gold.get(label, 0), "predicted": t.class_pred.get(label, 0),
            "matched": t.class_tp.get(label, 0),
            **prf(t.class_tp.get(label, 0), t.class_pred.get(label, 0), t.class_gold.get(label, 0)),
            "main_items": main_gold, "main_predicted": main_pred.get(label, 0), "main_correct": main_ok,
            "main_precision": main["precision"], "main_recall": main["recall"], "main_f1": main["f1"],
        }
    return out


def _label_key(label: str) -> tuple[int, str]:
    return (0, f"{int(label):03d}") if label.isdigit() else (1, label)


def _confusion(t: _Tally) -> dict[str, Any]:
    rows = sorted(t.confusion, key=_label_key)
    seen = {c for row in t.confusion.values() for c in row} - {NONE_COLUMN}
    columns = sorted(seen | set(rows), key=_label_key) + [NONE_COLUMN]
    return {"level": t.level, "rows": rows, "columns": columns,
            "counts": {r: {c: t.confusion[r].get(c, 0) for c in columns} for r in rows}}


def _worst(t: _Tally, k: int) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for kind, entries in t.errors.items():
        if kind == "missed":  # nothing to rank by: keep file order
            ranked = sorted(entries, key=lambda e: e[1])
        else:  # most confident mistakes first
            ranked = sorted(entries, key=lambda e: (-e[0], e[1]))
        out[kind] = [e[2] for e in ranked[:k]]
    return out


def score(predictions: dict[str, dict[str, Any]], gold: list[dict[str, Any]], *,
          errors: int = 10) -> dict[str, Any]:
    """Score predicted articles (by id, as ``Article.to_dict()`` or ``dyads code --format jsonl``)
    against gold JSONL v1 records; ``errors`` = how many of the worst errors of each kind to list.

    >>> gold = [{"id": "1", "text": "Russia attacked Ukraine.",
    ...          "events": [{"source": {"country": "RUS"}, "target": {"country": "UKR"}, "root": "19"}]}]
    >>> pred = {"1": {"id": "1", "events": [{"root": "19", "source": {"code": "RUSMIL"},
    ...                                      "target": {"code": "UKR"}, "confidence": 0.9}]}}
    >>> score(pred, gold)["event"]
    {'precision': 1.0, 'recall': 1.0, 'f1': 1.0}
    """
    t = _Tally(items=len(gold))
    # the report level is the first level any event item states; fix it before counting predictions
    t.level = next((lv for it in gold if (lv := gold_level(it.get("events") or [])) and not it.get("no_events")),
                   None)
    for item in gold:
        article = predictions.get(str(item["id"]))
        t.missing += article is None
        preds = (article or {}).get("events") or []
        gold_events = item.get("events") or []
        _count_predictions(t, preds)
        if item.get("no_events") or not gold_events:
            if item.get("no_events"):
                t.no_event_items += 1
                t.no_event_false_events += len(preds)
                t.no_event_items_hit += bool(preds)
                if preds:
                    top = main_event(preds) or {}
                    _error(t, "false_event", item, [], preds, float(top.get("confidence") or 0.0), t.level)
            continue
        _score_event_item(t, item, gold_events, preds)
    return {
        "items": t.items, "items_missing_in_predictions": t.missing, "class_level": t.level,
        "gold_events": t.gold_events, "predicted_events": t.predicted_events,
        "event": prf(t.tp["event"], t.predicted_events, t.gold_events),
        "class_only": prf(t.tp["class_only"], t.predicted_events, t.gold_events),
        "dyad_only": prf(t.tp["dyad_only"], t.predicted_events, t.gold_events),
        "coverage": ratio(t.covered, t.event_items),
        "main_event_class_accuracy": ratio(t.main_correct, t.main_items),
        "main_event_source_accuracy": ratio(t.source_correct, t.source_checked),
        "main_event_target_accuracy": ratio(t.target_correct, t.target_checked),
        "no_event_items": t.no_event_items, "no_event_items_with_predictions": t.no_event_items_hit,
        "no_event_false_events": t.no_event_false_events,
        "no_event_false_rate": ratio(t.no_event_items_hit, t.no_event_items),
        "counts": {
            "event_items": t.event_items, "covered": t.covered,
            "matched": {k: t.tp[k] for k in ("event", "class_only", "dyad_only")},
            "main_items": t.main_items, "main_correct": t.main_correct,
            "source_checked": t.source_checked, "source_correct": t.source_correct,
            "target_checked": t.target_checked, "target_correct": t.target_correct,
        },
        "per_class": _per_class(t),
        "confusion": _confusion(t),
        "errors": _worst(t, errors),
    }
