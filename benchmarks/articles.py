"""Whole-article accuracy: the hand-coded articles (tune and check) and the example article, side by side.

    .venv/bin/python benchmarks/articles.py [--json] [--model NAME] [--errors tune]

Each folder of ``../shared/data/articles`` is coded (each article with its reference's date) and
scored pooled with ``dyads.eval.evaluate_articles``, whose numbers equal the maintainers'
``score.py FOLDER/``; the example article is scored with its own reference. ``tune/`` is for error
analysis (``--errors tune`` lists every missed required event and unmatched prediction);
``check/`` is only scored: never study its errors to change rules.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLES = SHARED / "data" / "articles"
SEED = SHARED / "data" / "seed" / "kremlin-north-korea.gold.json"
ROWS = [("required found", "found"), ("recall", "recall"), ("predicted", "predicted_events"),
        ("matching gold", "predicted_matching_gold"), ("precision", "precision"),
        ("must-not violations", "must_not"), ("dates right", "dates_correct"), ("quotes found", "quotes_found"),
        ("seconds", "seconds")]


def run(model: str | None) -> dict[str, dict[str, Any]]:
    from dyads.eval import evaluate_articles, evaluate_seed

    out: dict[str, dict[str, Any]] = {}
    for part in ("tune", "check"):
        start = time.perf_counter()
        r = evaluate_articles(ARTICLES / part, model=model)
        out[part] = {**r, "found": f"{r['required_found']}/{r['required_events']}",
                     "must_not": r["must_not_violations"], "seconds": round(time.perf_counter() - start, 1)}
    start = time.perf_counter()
    s = evaluate_seed(SEED, model=model)
    out["example"] = {**s, "found": f"{s['required_found']}/{s['required_events']}",
                      "must_not": len(s["must_not_violations"]), "seconds": round(time.perf_counter() - start, 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--model", help="spaCy pipeline to code with")
    ap.add_argument("--errors", choices=["tune"], help="also list tune's missed and unmatched events")
    a = ap.parse_args()
    if not ARTICLES.is_dir():
        raise SystemExit(f"{ARTICLES} not found: ../shared is not beside the repository")
    res = run(a.model)
    if a.json:
        keep = {k: v for part in res.values() for k, v in part.items() if k not in ("missed", "unmatched")}
        print(json.dumps({p: {k: r.get(k) for k in keep if k in r and k not in ("missed", "unmatched")}
                          for p, r in res.items()}, ensure_ascii=False, default=str))
        return
    parts = list(res)
    print(f"{'':24}" + "".join(f"{p:>16}" for p in parts))
    for label, key in ROWS:
        print(f"{label:24}" + "".join(f"{str(res[p].get(key, '')):>16}" for p in parts))
    if a.errors:
        r = res[a.errors]
        print(f"\nmissed required events ({len(r['missed'])}):")
        for m in r["missed"]:
            print(f"  {m['article']} {m['event']} roots={'/'.join(m['roots'])} :: {m['evidence'][:150]}")
        print(f"\nunmatched predictions ({len(r['unmatched'])}):")
        for u in r["unmatched"]:
            print(f"  {u['article']} {u['cameo']} {u['source'] or '-'}->{u['target'] or '-'} {u['rule']} :: "
                  f"{u['evidence'][:100]}")


if __name__ == "__main__":
    main()
