"""Ceiling: what the stock spaCy model alone codes per second, in 1 and 2 processes.

    .venv/bin/python benchmarks/spacy_ceiling.py [--n 1000]

Runs the installed model exactly as spaCy ships it (no dyads stages, no cached components, no
store) over the first N articles of ../shared/data/bench/news-corpus.jsonl.gz: the first half in
one process, then both halves in two processes at once. Compare with `benchmarks/scale.py`: the
end-to-end rate into DuckDB cannot beat this parse rate on the same machine.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from multiprocessing import get_context
from pathlib import Path

from dyads.config import DEFAULT_MODEL

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/bench/news-corpus.jsonl.gz"


def first_texts(n: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in itertools.islice(fh, n)]


def parse_seconds(texts: list[str]) -> float:
    """Seconds the stock model takes over ``texts`` (model loaded and warmed up before timing)."""
    import spacy

    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(["A warm-up sentence."]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="articles (even; half per process)")
    n = ap.parse_args().n // 2 * 2
    texts = first_texts(n)
    half = n // 2
    ctx = get_context("spawn")
    with ctx.Pool(1) as pool:
        [one] = pool.map(parse_seconds, [texts[:half]])
    print(f"stock {DEFAULT_MODEL}, 1 process : {half / one:.1f} articles/s ({half} articles)")
    with ctx.Pool(2) as pool:
        both = pool.map(parse_seconds, [texts[:half], texts[half:]])
    print(f"stock {DEFAULT_MODEL}, 2 processes: {n / max(both):.1f} articles/s ({n} articles; "
          f"the slower process took {max(both):.1f} s)")


if __name__ == "__main__":
    main()
