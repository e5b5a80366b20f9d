"""Throughput: dyads (parse + coding) vs bare spaCy ``nlp.pipe`` on the same texts, same process.

    .venv/bin/python benchmarks/throughput.py [--n 2000] [--chunk 250] [--no-model]

Streams the first N articles of ../shared/data/bench/news-corpus.jsonl.gz (never a list of the
corpus), runs bare spaCy and dyads alternately on chunks of the same articles, and prints words/s
per chunk, the medians, their ratio (targets: >= 0.65 with the trained event model, >= 0.85 with
``--no-model``, the rules alone), and peak RSS after each chunk (it should stay
flat as the input grows).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/bench/news-corpus.jsonl.gz"


def stream(path: Path, n: int) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, n):
            yield json.loads(line)


def chunks(it: Iterator[dict], size: int) -> Iterator[list[dict]]:
    while True:
        block = list(itertools.islice(it, size))
        if not block:
            return
        yield block


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--chunk", type=int, default=250)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-model", action="store_true", help="the rules alone, without the trained event model")
    a = ap.parse_args()

    import dyads
    from dyads.model import Article

    pipeline = dyads.get_pipeline(None, event_model=not a.no_model)
    nlp = pipeline.nlp
    bare_rates, dyads_rates = [], []
    total_words = total_events = done = 0
    print(f"{'articles':>8} {'words':>8} {'spaCy w/s':>10} {'dyads w/s':>10} {'ratio':>6} {'peak RSS MB':>11}")
    for block in chunks(stream(a.corpus, a.n), a.chunk):
        texts = [r["text"] for r in block]
        words = sum(len(t.split()) for t in texts)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        t1 = time.perf_counter()
        arts = (Article(id=r["id"], text=r["text"], date=r.get("date")) for r in block)
        for art in pipeline.pipe(arts, batch_size=16):
            total_events += len(art.events)
        t2 = time.perf_counter()
        bare, ours = words / (t1 - t0), words / (t2 - t1)
        bare_rates.append(bare)
        dyads_rates.append(ours)
        done += len(block)
        total_words += words
        print(f"{done:>8} {words:>8} {bare:>10.0f} {ours:>10.0f} {ours / bare:>6.2f} {rss_mb():>11.0f}")
    mb, md = statistics.median(bare_rates), statistics.median(dyads_rates)
    what = "rules alone: target >= 0.85" if a.no_model else "with the event model: target >= 0.65"
    print(f"\nmedian words/s: bare spaCy {mb:.0f}, dyads {md:.0f}; ratio dyads/spaCy = {md / mb:.2f} ({what})")
    print(f"{done} articles, {total_words} words, {total_events} events, peak RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
