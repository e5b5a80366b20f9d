"""Load time and memory of the default actor dictionaries, with and without the Phoenix part.

Each measurement builds the dictionaries and their matchers from the packaged files (JSON parse,
phrase tables, PhraseMatcher, Phoenix phrase table) for the spaCy pipeline already loaded, ``--runs``
times; it prints medians. "without Phoenix" is the same build with ``phoenix.json`` left out, in the
same process, as the baseline.

    .venv/bin/python benchmarks/dictionaries.py [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
from typing import Any


def build(nlp: Any, with_phoenix: bool) -> Any:
    from dyads.annotate.actors.dictionary import build_dictionary
    from dyads.annotate.actors.matcher import ActorMatcher
    from dyads.resources import load

    def read(name: str) -> Any:
        return load(name).json()

    d = build_dictionary(read("countries.json"), read("igos.json"), read("agents.json"), read("people.json"),
                         read("groups.json"), generated=read("phoenix.json") if with_phoenix else None)
    return ActorMatcher(nlp, d)


def measure(nlp: Any, with_phoenix: bool, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        gc.collect()
        t = time.perf_counter()
        build(nlp, with_phoenix)
        times.append(time.perf_counter() - t)
    gc.collect()
    tracemalloc.start()
    kept = build(nlp, with_phoenix)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return statistics.median(times), size / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    from dyads.annotate.actors.dictionary import load_actor_dictionary
    from dyads.nlp.load import load_nlp

    nlp = load_nlp(None)
    d = load_actor_dictionary()
    gen = d.generated
    base_t, base_m = measure(nlp, False, a.runs)
    full_t, full_m = measure(nlp, True, a.runs)
    print(f"default actor dictionaries ({d.version})")
    print(f"  hand-written phrases: {len(d.phrases) + len(d.case_sensitive)}; Phoenix phrases: "
          f"{len(gen.lower) + len(gen.exact) if gen else 0} in {len(gen.rows) if gen else 0} rows")
    print(f"  load without Phoenix: {base_t:.3f} s median of {a.runs}, {base_m:.1f} MiB")
    print(f"  load with Phoenix:    {full_t:.3f} s median of {a.runs}, {full_m:.1f} MiB "
          f"(+{full_t - base_t:.3f} s, +{full_m - base_m:.1f} MiB)")


if __name__ == "__main__":
    main()
