"""Scoring whole articles: a folder of hand-coded references (``<id>.gold.json`` beside their text).

Each reference is in the seed's format (docs/gold-format.md): the events a careful coder finds in
one article, with ``root_any``, country-level actors, the evidence span and a ``required`` flag.
The folder is scored pooled, as the maintainers' ``score.py FOLDER/`` does: recall counts the
required events that some predicted event matches (:func:`dyads.eval.seed.seed_event_matches`),
precision the predicted events that match any reference event, and a ``must_not`` entry is broken
by a predicted event that overlaps its passage and matches no reference event there. The report
adds what a developer needs to study errors: dates and quotations found, a table per article,
every missed required event and every unmatched prediction with its sentence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dyads.errors import EvalError
from dyads.eval.seed import must_not_violations, pick_article, score_seed, seed_event_matches

SEED_ID = "kremlin-north-korea"  # the example article keeps its own must-not rules (score.py does too)


def load_article_folder(path: str | Path) -> list[tuple[dict[str, Any], str]]:
    """Every ``*.gold.json`` reference of a folder (sorted by name) with its article text."""
    folder = Path(path)
    out = []
    for ref in sorted(folder.glob("*.gold.json")):
        try:
            gold = json.loads(ref.read_text(encoding="utf-8"))
            text_file = folder / str(gold.get("file") or ref.name.replace(".gold.json", ".txt"))
            text = text_file.read_text(encoding="utf-8")
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise EvalError("E052", path=ref, detail=f"{type(exc).__name__}: {exc}") from exc
        out.append((gold, text))
    if not out:
        raise EvalError("E052", path=path, detail="no *.gold.json reference in this folder")
    return out


def passage_violations(gold: dict[str, Any], text: str, preds: list[dict[str, Any]]) -> list[str]:
    """The ``must_not`` entries broken: a predicted event whose evidence overlaps the entry's passage
    and that matches no reference event (it is the naive error the entry describes)."""
    out = []
    for entry in gold.get("must_not") or []:
        passage = entry.get("evidence") or ""
        start = text.find(passage) if passage else -1
        if start < 0:
            continue
        end = start + len(passage)
        for p in preds:
            ev = p.get("evidence") or {}
            if ev.get("start") is None or ev.get("end") is None:
                continue
            if ev["start"] < end and start < ev["end"] and not any(seed_event_matches(g, p) for g in gold["events"]):
                out.append(str(entry.get("what", passage[:60])))
                break
    return out


def _sentence(row: dict[str, Any], text: str, pred: dict[str, Any]) -> str:
    sentences = row.get("sentences") or []
    n = pred.get("sentence")
    if isinstance(n, int) and 0 <= n < len(sentences):
        s = sentences[n]
        return " ".join(text[s["start"]:s["end"]].split())
    return " ".join(str((pred.get("evidence") or {}).get("text", "")).split())


def _who(actor: dict[str, Any] | None) -> str | None:
    return (actor or {}).get("code") if actor else None


def score_article(row: dict[str, Any], gold: dict[str, Any], text: str) -> dict[str, Any]:
    """One article: score_seed's numbers, with the folder's must-not rule, and its errors listed."""
    report = score_seed([row] if row else [], gold, text)
    preds = (row or {}).get("events") or []
    if gold["id"] != SEED_ID:
        report["must_not_violations"] = passage_violations(gold, text, preds)
    else:
        report["must_not_violations"] = must_not_violations(gold, text, preds)
    by_id = {g["id"]: g for g in gold["events"]}
    report["missed"] = [{"article": gold["id"], "event": gid, "roots": by_id[gid]["root_any"],
                         "source": by_id[gid].get("source"), "target": by_id[gid].get("target"),
                         "evidence": " ".join(by_id[gid]["evidence"].split()), "note": by_id[gid].get("note")}
                        for gid in report["missing"]]
    report["unmatched"] = [{"article": gold["id"], "cameo": p.get("cameo"), "source": _who(p.get("source")),
                            "target": _who(p.get("target")), "rule": p.get("rule"),
                            "evidence": " ".join(str((p.get("evidence") or {}).get("text", "")).split()),
                            "sentence": _sentence(row, text, p)}
                           for p in preds if not any(seed_event_matches(g, p) for g in gold["events"])]
    report.pop("unexplained", None)
    return report


def _ratio(part: str) -> tuple[int, int]:
    a, _, b = part.partition("/")
    return int(a), int(b)


def score_folder(rows: list[dict[str, Any]], references: list[tuple[dict[str, Any], str]]) -> dict[str, Any]:
    """Pooled scores over the references of a folder; predictions are matched by article id."""
    by_id = {str(r.get("id")): r for r in rows}
    per: list[dict[str, Any]] = []
    totals: dict[str, Any] = {"required": 0, "found": 0, "predicted": 0, "matching": 0, "violations": 0,
              "dates": [0, 0], "quotes": [0, 0]}
    missed: list[dict[str, Any]] = []
    unmatched: list[dict[str, Any]] = []
    violations: list[dict[str, str]] = []
    for gold, text in references:
        row = by_id.get(gold["id"]) or (pick_article(rows, gold["id"]) if any(
            gold["id"] in str(r.get("id", "")) for r in rows) else {})
        s = score_article(row, gold, text)
        totals["required"] += s["required_events"]
        totals["found"] += s["required_found"]
        totals["predicted"] += s["predicted_events"]
        totals["matching"] += s["predicted_matching_gold"]
        totals["violations"] += len(s["must_not_violations"])
        for key, field in (("dates", "dates_correct"), ("quotes", "quotes_found")):
            a, b = _ratio(s[field])
            totals[key][0] += a
            totals[key][1] += b
        missed += s["missed"]
        unmatched += s["unmatched"]
        violations += [{"article": gold["id"], "what": w} for w in s["must_not_violations"]]
        per.append({"id": gold["id"], "found": f"{s['required_found']}/{s['required_events']}",
                    "precision": f"{s['predicted_matching_gold']}/{s['predicted_events']}",
                    "must_not_violations": len(s["must_not_violations"]), "dates": s["dates_correct"],
                    "quotes": s["quotes_found"], "missing": s["missing"]})
    req, found, pred, hit = totals["required"], totals["found"], totals["predicted"], totals["matching"]
    return {
        "articles": len(per), "required_events": req, "required_found": found,
        "recall": round(found / req, 4) if req else None,
        "predicted_events": pred, "predicted_matching_gold": hit,
        "precision": round(hit / pred, 4) if pred else None,
        "must_not_violations": totals["violations"],
        "dates_correct": "{}/{}".format(*totals["dates"]), "quotes_found": "{}/{}".format(*totals["quotes"]),
        "per_article": per, "missed": missed, "unmatched": unmatched, "violations": violations,
    }
