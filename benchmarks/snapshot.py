"""Snapshot of the coder's whole output, to show what a change moved (or that it moved nothing).

    .venv/bin/python benchmarks/snapshot.py --out snap/before            # code every corpus, save
    .venv/bin/python benchmarks/snapshot.py --compare snap/before        # code again, diff, exit 1 if any
    .venv/bin/python benchmarks/snapshot.py --compare snap/before --show 20   # ... and list 20 changes
    .venv/bin/python benchmarks/snapshot.py --diff snap/before snap/after     # two saved snapshots
    .venv/bin/python benchmarks/snapshot.py --compare snap/before --corpus seed,articles  # a subset

Corpora (read from ../shared; each is coded by ONE ``dyads code --format jsonl`` process, exactly
the command users run, so the snapshot does not depend on the package's internal layout):

* ``seed``       the example article, ../shared/data/seed/kremlin-north-korea.txt, --date 2024-01-17
* ``articles``   the 38 hand-coded articles (../shared/data/articles/{tune,check}/*.txt), each with
                 its .gold.json ``date`` when not null; ids are the file stems, as ``dyads code FILE``
* ``conflibert`` every ConfliBERT CAMEO sentence (../shared/data/gold/conflibert-cameo-train.jsonl),
                 tuned and kept-apart parts alike (``split`` in the summary counts them apart)
* ``polnear``    PolNeAR dev (../shared/data/quotes/polnear-dev.jsonl)

Each corpus is written as ``<corpus>.jsonl`` (one article per line, in input order) after
normalisation: only fields that are *meant* to change are dropped (the dictionary/data version
string of events, :data:`VOLATILE`). Everything else (events, quotes, entities, sentences, tone,
meta, errors) is compared exactly. The summary counts, per corpus, articles whose output changed
and events / quotes / entities removed and added (matched as whole records, order ignored).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPORA = ("seed", "articles", "conflibert", "polnear")
# Event fields that are meant to change between versions (not behaviour): dropped before saving.
VOLATILE = ("dictionary_version",)
PARTS = ("events", "quotes", "entities")


# --- inputs -------------------------------------------------------------------------------------

def _txt(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")  # what the .txt reader does


def seed_records() -> list[dict[str, Any]]:
    path = SHARED / "seed" / "kremlin-north-korea.txt"
    return [{"id": path.stem, "text": _txt(path), "date": "2024-01-17"}]


def article_records() -> list[dict[str, Any]]:
    out = []
    for part in ("tune", "check"):
        for path in sorted((SHARED / "articles" / part).glob("*.txt")):
            gold = path.with_suffix(".gold.json")
            date = json.loads(gold.read_text(encoding="utf-8")).get("date") if gold.exists() else None
            out.append({"id": path.stem, "text": _txt(path), "date": date, "part": part})
    return out


def jsonl_records(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpus_records(name: str) -> list[dict[str, Any]]:
    if name == "seed":
        return seed_records()
    if name == "articles":
        return article_records()
    if name == "conflibert":
        return jsonl_records(SHARED / "gold" / "conflibert-cameo-train.jsonl")
    if name == "polnear":
        return jsonl_records(SHARED / "quotes" / "polnear-dev.jsonl")
    raise SystemExit(f"unknown corpus {name!r} (one of {', '.join(CORPORA)})")


# --- coding -------------------------------------------------------------------------------------

def normalise(row: dict[str, Any]) -> dict[str, Any]:
    for ev in row.get("events") or []:
        for key in VOLATILE:
            ev.pop(key, None)
    return row


def code_corpora(names: list[str], workers: int | None) -> dict[str, list[dict[str, Any]]]:
    """Code the corpora with one ``dyads code --format jsonl`` run; rows per corpus, in input order."""
    owner: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="dyads-snapshot-") as tmp:
        files = []
        for name in names:
            path = Path(tmp) / f"{name}.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for rec in corpus_records(name):
                    ident = str(rec["id"])
                    if ident in owner:
                        raise SystemExit(f"id {ident!r} is in both {owner[ident]} and {name}")
                    owner[ident] = name
                    fh.write(json.dumps({"id": ident, "text": rec["text"], "date": rec.get("date")},
                                        ensure_ascii=False) + "\n")
            files.append(str(path))
        cmd = [sys.executable, "-m", "dyads", "code", *files, "--format", "jsonl"]
        if workers is not None:
            cmd += ["--workers", str(workers)]
        env = dict(os.environ, PYTHONHASHSEED="0")
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"dyads code failed with exit status {proc.returncode}")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for line in proc.stdout.splitlines():
        if line.strip():
            row = normalise(json.loads(line))
            rows[owner[str(row["id"])]].append(row)
    return rows


def save(rows: dict[str, list[dict[str, Any]]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, items in rows.items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in items:
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def load(folder: Path, names: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for name in names:
        path = folder / f"{name}.jsonl"
        if path.exists():
            out[name] = [normalise(r) for r in jsonl_records(path)]
    return out


# --- comparing ----------------------------------------------------------------------------------

def _key(rec: Any) -> str:
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def _event_line(ev: dict[str, Any]) -> str:
    def who(a: dict[str, Any] | None) -> str:
        return "-" if a is None else f"{a.get('code') or '?'}({a.get('text')})"
    ev_text = ev.get("evidence", {}).get("text", "")
    return (f"{who(ev.get('source'))} {ev.get('cameo')} {who(ev.get('target'))} "
            f"[{ev.get('modality')}, {ev.get('date')}, {ev.get('rule')}] «{ev_text[:90]}»")


def _quote_line(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    who = sp.get("code") or sp.get("text") or q.get("speaker_name") or "-"
    return f"{who} {'direct' if q.get('direct') else 'indirect'} «{q.get('content', {}).get('text', '')[:90]}»"


def _entity_line(e: dict[str, Any]) -> str:
    return f"{e.get('type')} {e.get('text')!r} {e.get('start')}-{e.get('end')} actor={e.get('actor')}"


LINES = {"events": _event_line, "quotes": _quote_line, "entities": _entity_line}


def diff_rows(old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, tuple[list, list]]:
    """Per part, (removed, added) records; 'other' holds the other top-level keys that differ."""
    out: dict[str, tuple[list, list]] = {}
    old, new = old or {}, new or {}
    for part in PARTS:
        a = Counter(_key(r) for r in old.get(part) or [])
        b = Counter(_key(r) for r in new.get(part) or [])
        removed = [json.loads(k) for k in (a - b).elements()]
        added = [json.loads(k) for k in (b - a).elements()]
        if removed or added:
            out[part] = (removed, added)
    keys = (set(old) | set(new)) - set(PARTS)
    other = sorted(k for k in keys if old.get(k) != new.get(k))
    if other:
        out["other"] = ([{k: old.get(k)} for k in other], [{k: new.get(k)} for k in other])
    return out


def split_of(item_id: str) -> str:
    """ConfliBERT's development split (the rule of ``dyads.splits.split_of``, restated so that the
    snapshot needs no import of the package): one id in five is kept apart."""
    return "heldout" if int(hashlib.md5(item_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "tune"


def groups(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]
           ) -> Iterable[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """(label, rows before, rows after) per corpus; ConfliBERT also by tuned and kept-apart part."""
    for name in CORPORA:
        if name not in before and name not in after:
            continue
        old, new = before.get(name, []), after.get(name, [])
        yield name, old, new
        if name == "conflibert":
            for part in ("tune", "heldout"):
                yield (f"  {part}", [r for r in old if split_of(str(r["id"])) == part],
                       [r for r in new if split_of(str(r["id"])) == part])


def compare(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]],
            show: int) -> int:
    """Print a summary per corpus (and up to ``show`` changes); the number of changed articles."""
    total_changed = 0
    shown = 0
    header = f"{'corpus':<11} {'articles':>8} {'changed':>7}   " + "   ".join(
        f"{p + ' -/+':>16}" for p in PARTS) + f"   {'other':>5}"
    print(header)
    listing: list[str] = []
    for name, old_rows, new_rows in groups(before, after):
        part_row = name.startswith(" ")
        olds = {str(r["id"]): r for r in old_rows}
        news = {str(r["id"]): r for r in new_rows}
        ids = list(dict.fromkeys([*olds, *news]))
        counts = {p: [0, 0] for p in (*PARTS, "other")}
        totals = {p: (sum(len(r.get(p) or []) for r in olds.values()),
                      sum(len(r.get(p) or []) for r in news.values())) for p in PARTS}
        changed = 0
        for ident in ids:
            d = diff_rows(olds.get(ident), news.get(ident))
            if ident not in olds or ident not in news:
                d.setdefault("other", ([], []))
                d["other"][0].append({"article": "only before" if ident in olds else "only after"})
                d["other"][1].append({})
            if not d:
                continue
            changed += 1
            for part, (removed, added) in d.items():
                counts[part][0] += len(removed)
                counts[part][1] += len(added)
                for sign, recs in (("-", removed), ("+", added)):
                    for rec in recs:
                        if shown < show and not part_row:
                            line = LINES[part](rec) if part in LINES else json.dumps(rec, ensure_ascii=False)[:160]
                            listing.append(f"  {name}/{ident} {part} {sign} {line}")
                            shown += 1
        total_changed += 0 if part_row else changed
        cells = "   ".join(f"{f'-{c[0]}/+{c[1]} of {totals[p][0]}':>16}" for p, c in counts.items() if p in PARTS)
        print(f"{name:<11} {len(ids):>8} {changed:>7}   {cells}   {counts['other'][0]:>5}")
    if listing:
        print("\nchanges (- before, + after):")
        print("\n".join(listing))
        if shown >= show:
            print(f"  (first {show} shown; --show N for more)")
    print("\nidentical" if total_changed == 0 else f"\n{total_changed} article(s) changed")
    return total_changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="write this run's snapshot to DIR")
    ap.add_argument("--compare", type=Path, metavar="DIR", help="code now and compare with a saved snapshot")
    ap.add_argument("--diff", type=Path, nargs=2, metavar=("OLD", "NEW"), help="compare two saved snapshots")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="list up to N changed records")
    ap.add_argument("--corpus", default=",".join(CORPORA), help=f"comma-separated subset of {','.join(CORPORA)}")
    ap.add_argument("--workers", type=int, default=None, help="passed to dyads code (default: one process)")
    args = ap.parse_args(argv)
    names = [n for n in args.corpus.split(",") if n]
    for n in names:
        if n not in CORPORA:
            ap.error(f"unknown corpus {n!r}")
    if args.diff:
        return 1 if compare(load(args.diff[0], names), load(args.diff[1], names), args.show) else 0
    if not args.out and not args.compare:
        ap.error("give --out DIR, --compare DIR or --diff OLD NEW")
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} not found: the snapshot needs ../shared beside the repository")
    t0 = time.perf_counter()
    rows = code_corpora(names, args.workers)
    took = time.perf_counter() - t0
    counts = ", ".join(f"{n} {len(r)}" for n, r in rows.items())
    print(f"coded {counts} articles in {took:.0f} s", file=sys.stderr)
    if args.out:
        save(rows, args.out)
        print(f"snapshot written to {args.out}", file=sys.stderr)
    if args.compare:
        before = load(args.compare, names)
        missing = [n for n in names if n not in before]
        if missing:
            raise SystemExit(f"{args.compare} has no snapshot of {', '.join(missing)}")
        return 1 if compare(before, rows, args.show) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
