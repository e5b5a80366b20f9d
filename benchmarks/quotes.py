"""Quotation benchmark on PolNeAR (../shared/data/quotes): accuracy and speed.

    python benchmarks/quotes.py                 # dev split: predictions + score.py + timing
    python benchmarks/quotes.py --split train --limit 100
    python benchmarks/quotes.py --learn         # recount the cue lexicon scores on train

Writes ``dyads code --format jsonl``-shaped rows to a temp file and scores them with
``../shared/tools/score.py PRED GOLD --quotes [--direct-only]``. Timing compares the whole dyads
pipeline with bare spaCy (``nlp.pipe``) on the same texts, in the same process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_rows(split: str, limit: int | None) -> list[dict]:
    path = SHARED / "data" / "quotes" / f"polnear-{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def predict(rows: list[dict]) -> tuple[list[dict], float, float]:
    import dyads
    from dyads.model import Article

    pipe = dyads.get_pipeline()
    texts = [r["text"] for r in rows]
    t0 = time.perf_counter()
    for _ in pipe.nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = [a.to_dict() for a in pipe.pipe(Article(id=r["id"], text=r["text"], date=r.get("date")) for r in rows)]
    full = time.perf_counter() - t0
    return out, bare, full


def score(pred_path: str, gold_path: str, direct: bool) -> dict:
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), pred_path, gold_path, "--quotes", "--json"]
    if direct:
        cmd.append("--direct-only")
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


THAT_QUOTED = "that+q"  # a that-clause with a quotation in it, pooled into the '*' back-off score


def learn(rows: list[dict]) -> dict[str, dict[str, list[int]]]:
    """Count, for every (lemma, relation) the finder can read, how often its content matches a gold
    content whose cue holds the lemma: the basis of the scores in data/speech_verbs.json. Contents
    the parse gives with a quotation mark in them are counted again under ``relation+q``."""
    import dyads
    from dyads.annotate.quotes.finder import QuoteFinder
    from dyads.annotate.quotes.found import Found
    from dyads.annotate.quotes.lexicon import QUOTED, CueLexicon
    from dyads.annotate.quotes.spans import (
        _chars,
        _cue_span,
        _is_that_clause,
        _paragraph,
        _relations,
        _trim,
        _with_complements,
        content_tokens,
    )
    from dyads.nlp.quotemarks import has_double_mark, quote_regions

    class Everything(CueLexicon):
        def score(self, lemma: str, relation: str) -> float:
            return 1.0

    finder = QuoteFinder(Everything(version="learn", threshold=0.5, rules={}, kinds={}))
    nlp = dyads.get_pipeline().nlp
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))

    def hit(golds: list[dict], f: Found) -> bool:
        for g in golds:
            gs, ge = g["content"]["start"], g["content"]["end"]
            inter = min(ge, f.end) - max(gs, f.start)
            if inter > 0 and inter >= 0.5 * (ge - gs) and inter >= 0.5 * (f.end - f.start) \
                    and g["cue"]["start"] <= f.cue.idx < g["cue"]["end"]:
                return True
        return False

    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=16), strict=True):
        golds = [a for a in row["attributions"] if a["content"] and a["cue"]]
        regions = quote_regions(doc.text)
        for tok in doc:
            cands = []
            if tok.lower_ == "according":
                f = finder._according(tok)
                cands = [("according", "prep_to", f)] if f else []
            elif tok.pos_ in {"VERB", "NOUN", "AUX"}:
                for rel, head in _relations(tok):
                    s, e = _trim(doc.text, *_chars(content_tokens(tok, rel, head)))
                    s, e = _with_complements(doc.text, tok, rel, s, e, _paragraph(doc.text, tok.idx)[1])
                    if e > s:
                        cands.append((tok.lemma_.lower(), rel, Found(s, e, tok, *_cue_span(tok), rel, 1.0,
                                                                     head=head)))
            for lemma, rel, f in cands:
                quoted = has_double_mark(doc.text[f.start:f.end])
                finder._attach_regions(doc, [f], regions)
                ok = hit(golds, f)
                keys = [rel, rel + QUOTED] if quoted else [rel]
                if quoted and rel == "ccomp" and f.cue.pos_ == "VERB" and _is_that_clause(f.head):
                    keys.append(THAT_QUOTED)
                for key in keys:
                    c = counts[lemma][key]
                    c[0] += 1
                    c[1] += ok
        for f in finder._orphans(doc, [], regions, set()):
            c = counts[f.cue.lemma_.lower()]["quote"]
            c[0] += 1
            c[1] += hit(golds, f)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--learn", action="store_true", help="recount lexicon scores on train (prints JSON)")
    a = ap.parse_args()
    if a.learn:
        counts = learn(load_rows("train", a.limit))
        rules = {lemma: {rel: round((h + 0.5) / (n + 1), 3) for rel, (n, h) in rels.items()
                         if n >= 3 and h >= 2 and rel != THAT_QUOTED}
                 for lemma, rels in counts.items() if lemma.isalpha()}
        # the back-off for a verb with no score of its own for a quoted clause: that-clauses with a
        # quotation, pooled over all such verbs
        pooled = [counts[lemma][THAT_QUOTED] for lemma in counts
                  if THAT_QUOTED in counts[lemma] and "ccomp+q" not in rules.get(lemma, {})]
        n, h = sum(c[0] for c in pooled), sum(c[1] for c in pooled)
        from dyads.annotate.quotes.lexicon import load_cue_lexicon

        rules["*"] = {"quote": load_cue_lexicon().score("*", "quote"), "ccomp+q": round((h + 0.5) / (n + 1), 3)}
        print(json.dumps({k: v for k, v in sorted(rules.items()) if v}, indent=1))
        return
    rows = load_rows(a.split, a.limit)
    preds, bare, full = predict(rows)
    gold = SHARED / "data" / "quotes" / f"polnear-{a.split}.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = str(Path(tmp) / "pred.jsonl")
        Path(pred_path).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
        if a.limit:
            gold_tmp = Path(tmp) / "gold.jsonl"
            gold_tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            gold = gold_tmp
        every = score(pred_path, str(gold), False)
        direct = score(pred_path, str(gold), True)
    print(f"polnear-{a.split}: {len(rows)} articles")
    for name, res in (("all attributions", every), ("direct quotations", direct)):
        print(f"  {name:18} gold {res['gold']:5} predicted {res['predicted']:5}  "
              f"content P/R/F1 {res['content']['precision']:.3f}/{res['content']['recall']:.3f}/"
              f"{res['content']['f1']:.3f}  +speaker F1 {res['content_and_speaker']['f1']:.3f}")
    print(f"  speed: bare spaCy {bare:.1f}s, dyads pipeline {full:.1f}s, ratio {bare / full:.2f}x of spaCy speed")


if __name__ == "__main__":
    main()
