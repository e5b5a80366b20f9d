"""Scoring one coded article against a seed reference (``NAME.gold.json`` beside ``NAME.txt``).

A seed reference lists the events a careful human coder finds in one article. A predicted event
matches a gold event when its evidence overlaps the gold evidence, its CAMEO root is one of
``root_any``, and its actors match at country level (``country_any`` lists alternatives, null
meaning "left empty"; ``either_direction`` accepts source and target swapped). Required events
count toward recall; any gold event can explain a prediction for precision.

``must_not`` entries name mistakes that count as violations: the byline (``byline``) coded as an
actor, and, for an entry whose ``evidence`` is found in the text, an event coded from that passage
(its evidence inside it, or an actor inside it), unless the event has one of the entry's
``allow_roots`` or its date starts with the entry's ``date``. Where those two keys are absent they
are read from the ``what`` prose: "(root 16)" and "without the date 1948".
"""

from __future__ import annotations

import json
import re
from typing import Any

from dyads.eval.classes import root_of
from dyads.eval.matching import country_matches, overlaps

_ROOT_IN_PROSE = re.compile(r"\(roots? (\d{2}(?:\s*(?:,|or|and)\s*\d{2})*)\)")
_DATE_IN_PROSE = re.compile(r"without (?:its |the )?(?:date )?(\d{4}(?:-\d{2}){0,2})\b")


def _seed_actor_ok(gold_actor: dict[str, Any] | None, pred_actor: dict[str, Any] | None) -> bool:
    if not gold_actor:
        return True
    options = gold_actor["country_any"] if "country_any" in gold_actor else [gold_actor.get("country")]
    return any((not pred_actor) if c is None else country_matches(c, pred_actor) for c in options)


def seed_event_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Same place in the text, a root in ``root_any``, and the dyad (either way where marked)."""
    evidence = pred.get("evidence") or {}
    if evidence.get("start") is not None and evidence.get("end") is not None:
        if not overlaps(gold["evidence_start"], gold["evidence_end"], evidence["start"], evidence["end"]):
            return False
    elif not evidence.get("text") or not (gold["evidence"] in evidence["text"] or evidence["text"] in gold["evidence"]):
        return False
    root = root_of(pred)
    if root is None or f"{root:02d}" not in gold["root_any"]:
        return False
    gs, gt = gold.get("source"), gold.get("target")
    forward = _seed_actor_ok(gs, pred.get("source")) and _seed_actor_ok(gt, pred.get("target"))
    backward = bool(gold.get("either_direction")) and _seed_actor_ok(gs, pred.get("target")) \
        and _seed_actor_ok(gt, pred.get("source"))
    return forward or backward


def _inside(pred: dict[str, Any], start: int, end: int, passage: str) -> bool:
    evidence = pred.get("evidence") or {}
    if evidence.get("start") is not None:
        if start <= evidence["start"] and evidence.get("end", start) <= end:
            return True
    elif evidence.get("text") and str(evidence["text"]) in passage:
        return True
    return False


def _actor_inside(pred: dict[str, Any], start: int, end: int) -> bool:
    for role in ("source", "target"):
        actor = pred.get(role) or {}
        if actor.get("start") is not None and start <= actor["start"] and actor.get("end", start) <= end:
            return True
    return False


def must_not_violations(gold: dict[str, Any], text: str, preds: list[dict[str, Any]]) -> list[str]:
    """One message per predicted event that makes a mistake the reference's ``must_not`` names."""
    out: list[str] = []
    byline = str(gold.get("byline") or "").strip()
    rules = []
    for entry in gold.get("must_not") or []:
        what, passage = str(entry.get("what", "")), str(entry.get("evidence", ""))
        if "byline" in what.lower() or not passage or passage not in text:
            continue  # the byline is checked on its own; a passage not in the text cannot be checked
        roots = entry.get("allow_roots")
        if roots is None:
            found = _ROOT_IN_PROSE.search(what)
            roots = re.findall(r"\d{2}", found.group(1)) if found else []
        date = entry.get("date")
        if date is None:
            found = _DATE_IN_PROSE.search(what)
            date = found.group(1) if found else None
        start = text.index(passage)
        rules.append((what, passage, start, start + len(passage), {str(r) for r in roots}, date))
    for p in preds:
        if byline:
            actors = json.dumps([p.get("source"), p.get("target")], ensure_ascii=False).lower()
            if byline.lower() in actors:
                out.append(f"{byline} coded as an actor")
        for what, passage, start, end, roots, date in rules:
            in_passage = _inside(p, start, end, passage) or (date is not None and _actor_inside(p, start, end))
            if not in_passage:
                continue
            root = root_of(p)
            if root is not None and f"{root:02d}" in roots:
                continue
            if date is not None and str(p.get("date") or "").startswith(date):
                continue
            out.append(what)
    return out


def _quote_found(gold_quote: dict[str, Any], quotes: list[dict[str, Any]]) -> bool:
    wanted = gold_quote["content"]
    for q in quotes:
        content = str((q.get("content") or {}).get("text", ""))
        if content and (content in wanted or wanted in content) and min(len(content), len(wanted)) >= 0.5 * len(wanted):
            return True
    return False


def pick_article(rows: list[dict[str, Any]], seed_id: str) -> dict[str, Any]:
    """The predicted article whose id contains the seed id, else the first one."""
    return next((r for r in rows if seed_id in str(r.get("id", ""))), rows[0] if rows else {})


def score_seed(rows: list[dict[str, Any]], gold: dict[str, Any], text: str = "") -> dict[str, Any]:
    """Score coded articles (the one for this seed is picked by id) against a seed reference."""
    article = pick_article(rows, gold["id"])
    preds = article.get("events") or []
    required = [g for g in gold["events"] if g.get("required")]
    found = [g["id"] for g in required if any(seed_event_matches(g, p) for p in preds)]
    explained = [p for p in preds if any(seed_event_matches(g, p) for g in gold["events"])]
    dated = [g for g in required if g.get("date")]
    dates_ok = sum(any(seed_event_matches(g, p) and str(p.get("date") or "").startswith(g["date"]) for p in preds)
                   for g in dated)
    quotes = article.get("quotes") or []
    gold_quotes = gold.get("quotes") or []
    return {
        "required_events": len(required), "required_found": len(found),
        "recall": round(len(found) / len(required), 4) if required else 0.0,
        "predicted_events": len(preds), "predicted_matching_gold": len(explained),
        "precision": round(len(explained) / len(preds), 4) if preds else 0.0,
        "dates_correct": f"{dates_ok}/{len(dated)}",
        "quotes_found": f"{sum(_quote_found(q, quotes) for q in gold_quotes)}/{len(gold_quotes)}",
        "missing": [g["id"] for g in required if g["id"] not in found],
        "must_not_violations": must_not_violations(gold, text, preds),
        "unexplained": [{"cameo": p.get("cameo"), "source": (p.get("source") or {}).get("code"),
                         "target": (p.get("target") or {}).get("code"), "rule": p.get("rule"),
                         "evidence": (p.get("evidence") or {}).get("text")}
                        for p in preds if not any(seed_event_matches(g, p) for g in gold["events"])],
    }
