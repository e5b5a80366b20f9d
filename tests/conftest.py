"""Shared fixtures: the real pipeline (loaded once per test session) and paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The hostile-input properties (tests/hostile): the same few hundred examples on every run (CI
# must not meet a new failure by chance); benchmarks/fuzz.py runs 10,000+ random ones.
settings.register_profile("dyads", max_examples=100, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                 HealthCheck.filter_too_much])
settings.load_profile("dyads")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    import dyads

    return dyads.get_pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text: code(text, date=None) -> Article."""
    import dyads

    def _code(text: str, date: str | None = "2024-01-17"):
        return dyads.code(text, date=date)

    return _code


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


def triples(article) -> set[tuple]:
    """(source code, CAMEO code, target code) of every event."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in article.events}


BENCH = SHARED / "data" / "bench" / "news-corpus.jsonl.gz"
# A mixed store like a new user's: BBC politics (undated), PolNeAR and Reuters (dated) stories.
BENCH_MIX = {"bbc": 40, "polnear": 35, "reuters": 40}


def bench_articles(mix: dict[str, int] = BENCH_MIX, skip: int = 0) -> list[dict]:
    """The first ``mix[source]`` bench articles of each source (BBC: politics only), after ``skip``."""
    import gzip
    import json

    if not BENCH.is_file():
        pytest.skip("../shared/data/bench is not beside the repository")
    want = {k: v + skip for k, v in mix.items()}
    seen = dict.fromkeys(mix, 0)
    out = []
    with gzip.open(BENCH, "rt", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            src = o["source"]
            if src not in want or seen[src] >= want[src] or (src == "bbc" and not o["id"].startswith("bbc-politics")):
                continue
            seen[src] += 1
            if seen[src] > skip:
                out.append(o)
            if seen == want:
                break
    return out


@pytest.fixture(scope="session")
def bench_store(tmp_path_factory, pipeline) -> Path:
    """A store of 115 mixed bench articles (114 distinct texts: 40 BBC politics without dates, 35 PolNeAR, 40 Reuters),
    ingested by the real `ingest` (coded once per test session)."""
    import json

    from dyads.services.ingest import ingest

    folder = tmp_path_factory.mktemp("bench-store")
    src = folder / "mixed.jsonl"
    src.write_text("".join(json.dumps(o) + "\n" for o in bench_articles()), encoding="utf-8")
    path = folder / "bench.duckdb"
    report = ingest([src], path)
    assert report.written.articles >= sum(BENCH_MIX.values()) - 5, report.summary()  # a few texts repeat
    return path
