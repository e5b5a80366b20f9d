"""Accuracy on the development data, tuning part and kept-apart part reported separately.

    .venv/bin/python benchmarks/accuracy.py [--limit N] [--json] [--model NAME] [--no-model]

* ConfliBERT CAMEO train sentences (../shared/data/gold/conflibert-cameo-train.jsonl), split by
  ``dyads.eval.split_of(id)`` into "tune" (4 in 5) and "heldout" (1 in 5, never used for tuning):
  every target of issue 3 for each part, with the scorer of ``dyads eval`` (= shared/tools/score.py).
* CASE 2021 dev snippets (case2021-dev.jsonl): no actors or CAMEO codes, so coverage (share of
  snippets with >= 1 event) and consistency of the coded roots with the snippet's event type
  (mapping in dyads/eval/case2021.py), per split part too.
* The seed article (../shared/data/seed/kremlin-north-korea.gold.json).
* No-event sentences (benchmarks/data/no-event-sentences.jsonl, written for dyads): the share coded
  with an event (target <= 0.10).
* Throughput: sentences/s of dyads and of bare spaCy ``nlp.pipe`` on the same sentences, same
  process (bare spaCy first, then dyads), and their ratio (target >= 0.8).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "data/gold"
SEED = SHARED / "data/seed/kremlin-north-korea.gold.json"
NO_EVENTS = Path(__file__).resolve().parent / "data/no-event-sentences.jsonl"
NO_EVENTS_FRESH = Path(__file__).resolve().parent / "data/no-event-sentences-fresh.jsonl"
PARTS = ("tune", "heldout", "all")


def part(records: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    from dyads.eval import split_of

    return records if name == "all" else [r for r in records if split_of(str(r["id"])) == name]


def bare_spacy_rate(texts: list[str], model: str | None) -> float:
    """Sentences/s of the bare spaCy pipeline dyads loads (same model, same batch size)."""
    import dyads

    nlp = dyads.get_pipeline(model).nlp
    list(nlp.pipe(texts[:16]))  # warm up
    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=16))
    return sentences / (time.perf_counter() - start)


def conflibert(limit: int | None, model: str | None, errors: int, event_model: bool = True) -> dict[str, Any]:
    from dyads.eval import check_targets, code_records, load_gold, score

    gold = load_gold(GOLD / "conflibert-cameo-train.jsonl", limit=limit)
    bare = bare_spacy_rate([r["text"] for r in gold.records], model)
    run = code_records(gold.records, model=model, event_model=event_model)
    out: dict[str, Any] = {"coding": run.summary(), "bare_spacy_sentences_per_second": round(bare, 1),
                           "ratio_to_bare_spacy": round((run.sentences_per_second or 0) / bare, 3) if bare else None,
                           "problems": len(gold.problems) + len(run.problems)}
    for name in PARTS:
        report = score(run.predictions, part(gold.records, name), errors=errors)
        report["targets"] = check_targets(report)
        out[name] = report
    return out


def case2021(limit: int | None, model: str | None, event_model: bool = True) -> dict[str, Any]:
    from dyads.eval import code_records, label_report, load_gold

    gold = load_gold(GOLD / "case2021-dev.jsonl", limit=limit)
    run = code_records(gold.records, model=model, event_model=event_model)
    out: dict[str, Any] = {"coding": run.summary()}
    for name in PARTS:
        out[name] = label_report(part(gold.records, name), run.predictions)
    return out


def seed(model: str | None, event_model: bool = True) -> dict[str, Any]:
    from dyads.eval import evaluate_seed

    report = evaluate_seed(SEED, model=model, event_model=event_model)
    report.pop("unexplained", None)
    return report


def no_events(model: str | None, event_model: bool = True) -> dict[str, Any]:
    """False events on sentences with no political event, written for dyads (none of the development
    gold files has no-event items): no-event-sentences.jsonl (50 on weather, markets, sport, science
    and culture; it informed a few lexicon blocks) and no-event-sentences-fresh.jsonl (40 more,
    written afterwards to measure on sentences no change was made for)."""
    from dyads.eval import code_records, load_gold, score

    out = {}
    for name, path in (("first", NO_EVENTS), ("fresh", NO_EVENTS_FRESH)):
        gold = load_gold(path)
        run = code_records(gold.records, model=model, event_model=event_model)
        report = score(run.predictions, gold.records)
        out[name] = {"items": report["no_event_items"], "with_events": report["no_event_items_with_predictions"]}
    return out


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def print_text(res: dict[str, Any]) -> None:
    cb = res["conflibert"]
    print("ConfliBERT CAMEO train (PentaClass), by split part "
          f"(tune {cb['tune']['items']}, heldout {cb['heldout']['items']} items)")
    print(f"{'metric':38} {'target':>8} " + " ".join(f"{p:>8}" for p in PARTS))
    for i, t in enumerate(cb["tune"]["targets"]):
        vals = [cb[p]["targets"][i]["value"] for p in PARTS]
        print(f"{t['label']:38} {t['target']:>8} " + " ".join(f"{_fmt(v):>8}" for v in vals))
    for key, label in (("event", "event P/R (actors and class)"), ("class_only", "class-only F1"),
                       ("dyad_only", "actors-only F1")):
        if key == "event":
            vals = [f"{cb[p][key]['precision']:.2f}/{cb[p][key]['recall']:.2f}" for p in PARTS]
        else:
            vals = [_fmt(cb[p][key]["f1"]) for p in PARTS]
        print(f"{label:38} {'':>8} " + " ".join(f"{v:>8}" for v in vals))
    print("main-event accuracy per PentaClass:    " + "  ".join(
        f"{c}: " + "/".join(_fmt(cb[p]["per_class"].get(c, {}).get("main_recall")) for p in ("tune", "heldout"))
        for c in sorted(cb["all"]["per_class"])) + "  (tune/heldout)")
    c = cb["coding"]
    print(f"throughput: dyads {c['sentences_per_second']} sentences/s, bare spaCy "
          f"{cb['bare_spacy_sentences_per_second']} sentences/s, ratio {_fmt(cb['ratio_to_bare_spacy'])} "
          f"(target >= 0.80); {c['items']} items, {c['sentences']} sentences in {c['seconds']} s")
    cs = res["case2021"]
    print("\nCASE 2021 dev snippets: coverage (>= 1 event) and root consistency with the label")
    for p in PARTS:
        r = cs[p]
        print(f"  {p:8} coverage {_fmt(r['coverage'])} ({r['with_events']}/{r['snippets']}), "
              f"consistency {_fmt(r['consistency'])} ({r['consistent']}/{r['mapped_snippets']} mapped)")
    low = sorted(cs["all"]["per_label"].items(), key=lambda kv: kv[1]["coverage"])[:6]
    print("  lowest coverage: " + ", ".join(f"{k} {v['coverage']:.2f}" for k, v in low))
    s = res["seed"]
    print(f"\nseed {SEED.name}: recall {s['recall']} ({s['required_found']}/{s['required_events']}), "
          f"precision {s['precision']} ({s['predicted_matching_gold']}/{s['predicted_events']}), "
          f"dates {s['dates_correct']}, missing {s['missing']}, violations {s['must_not_violations']}")
    for name, n in res["no_events"].items():
        share = n["with_events"] / n["items"] if n["items"] else 0.0
        print(f"no-event sentences ({name}): {n['with_events']}/{n['items']} coded with an event "
              f"({share:.3f}; target <= 0.10)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records of each gold file")
    ap.add_argument("--model", default=None, help="installed spaCy pipeline")
    ap.add_argument("--errors", type=int, default=0, help="with --json: list the K worst errors of each kind")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--no-model", action="store_true", help="the rules alone, without the trained event model")
    a = ap.parse_args()
    if not GOLD.is_dir():
        raise SystemExit(f"{GOLD} not found: ../shared must be beside the repository")
    em = not a.no_model
    res = {"conflibert": conflibert(a.limit, a.model, a.errors, em), "case2021": case2021(a.limit, a.model, em),
           "seed": seed(a.model, em), "no_events": no_events(a.model, em)}
    if a.json:
        print(json.dumps(res, ensure_ascii=False))
    else:
        print_text(res)


if __name__ == "__main__":
    main()
