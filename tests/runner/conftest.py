"""Fixtures for the runner tests: a few hundred real articles and one real Dask LocalCluster."""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bench" / "news-corpus.jsonl.gz"
REUTERS_START = 3153  # line of reuters-1: short wire stories, quick to parse
BAD = {5: b'{"id": "bad-empty", "text": "  "}\n', 70: b"{not json\n", 150: b'{"id": "bad-no-text"}\n'}


def _sample_lines() -> Iterator[bytes]:
    """40 short political stories (PolNeAR) and 160 Reuters wires, read lazily."""
    polnear = 0
    with gzip.open(CORPUS, "rb") as f:
        for n, line in enumerate(f):
            if n < REUTERS_START:
                if polnear < 40 and b'"source": "polnear"' in line and len(line) < 2500:
                    polnear += 1
                    yield line
            elif n < REUTERS_START + 160:
                yield line
            else:
                return


@pytest.fixture(scope="session")
def corpus_sample(tmp_path_factory) -> Path:
    """A .jsonl of 200 real articles with three bad items interleaved (they must keep their place)."""
    if not CORPUS.is_file():
        pytest.skip("../shared/data/bench is not beside the repository")
    out = tmp_path_factory.mktemp("runner") / "sample.jsonl"
    with out.open("wb") as f:
        for n, line in enumerate(_sample_lines()):
            f.write(line if line.endswith(b"\n") else line + b"\n")
            f.write(BAD.get(n, b""))
    return out


@pytest.fixture(scope="session")
def cluster() -> Iterator[str]:
    """A real two-worker Dask LocalCluster; yields its scheduler address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as lc:
        yield lc.scheduler_address


def canonical(article) -> str:
    """An article's output as one JSON string, comparable across processes (the event model's
    probabilities in the rules included: one article's sentences are classified in one batch of
    their own, whatever the shard or the worker)."""
    return json.dumps(article.to_dict(), sort_keys=True)
