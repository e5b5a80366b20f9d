"""In-process, local processes and Dask give the same answer for the same input (a real cluster)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from dyads.io.readers import ReadError, read_inputs
from dyads.io.rows import EVENT_COLUMNS, event_row
from dyads.model import Article
from dyads.runner import RunStats, annotate, annotate_to_arrow
from tests.runner.conftest import canonical

SHARD = 16  # small shards: 13 of them, so both workers get several and order is tested


def outline(items) -> list[str]:
    """Each item as a comparable string: the article's whole output, or the read error."""
    return [canonical(it) if isinstance(it, Article) else f"{it.item}: {it.message}" for it in items]


@pytest.fixture(scope="module")
def reference_items(corpus_sample) -> list:
    return list(annotate(read_inputs([corpus_sample]), shard_size=SHARD))


@pytest.fixture(scope="module")
def reference(reference_items) -> list[str]:
    return outline(reference_items)


def event_rows(articles) -> pa.Table:
    """A stand-in for the store's converter: flat event rows as one Arrow table (module level: it
    pickles by reference and runs in the workers)."""
    rows = [event_row(a, e) for a in articles if isinstance(a, Article) for e in a.events]
    return {"events": pa.Table.from_pylist(rows).select(EVENT_COLUMNS) if rows else pa.table({})}


@pytest.mark.parametrize("kind", ["sample"])
def test_runner_reference_keeps_input_order_and_errors(corpus_sample, reference, kind):
    ids = [it.id if isinstance(it, Article) else it.item for it in read_inputs([corpus_sample])]
    assert len(reference) == len(ids) == 203
    assert [r.split(":")[0] if not r.startswith("{") else None for r in reference].count(None) == 200
    errors = [r for r in reference if not r.startswith("{")]
    assert [e.split(" ")[1] for e in errors] == ["E001", "E005", "E006"]
    assert sum(r.count('"cameo"') for r in reference) > 200, "the sample should code events"


@pytest.mark.parametrize("n", [60])
def test_runner_inprocess_matches_plain_pipeline(pipeline, corpus_sample, reference, n):
    """Shards and memory zones change nothing: the runner equals ``pipeline.pipe`` on the stream."""
    arts = [it for it in read_inputs([corpus_sample]) if isinstance(it, Article)][:n]
    plain = [canonical(a) for a in pipeline.pipe(arts)]
    assert plain == [r for r in reference if r.startswith("{")][:n]


@pytest.mark.parametrize("workers", [2])
def test_runner_local_processes_same_answer(corpus_sample, reference, workers):
    stats = RunStats()
    got = outline(annotate(read_inputs([corpus_sample]), workers=workers, shard_size=SHARD, stats=stats))
    assert got == reference  # same rows, and in input order
    assert len(stats.peak_rss) == workers and stats.articles == 200 and stats.errors == 3


@pytest.mark.parametrize("workers", [2])
def test_runner_dask_cluster_same_answer(corpus_sample, reference, cluster, workers):
    stats = RunStats()
    got = outline(annotate(read_inputs([corpus_sample]), scheduler=cluster, shard_size=SHARD, stats=stats))
    assert got == reference
    assert len(stats.peak_rss) == workers


@pytest.mark.parametrize("ordered", [False])
def test_runner_dask_arrow_shards_same_rows(corpus_sample, reference_items, cluster, ordered):
    got = annotate_to_arrow(read_inputs([corpus_sample]), convert=event_rows, scheduler=cluster,
                            shard_size=SHARD, ordered=ordered)
    rows = [r for shard in got for r in shard.tables["events"].to_pylist()]
    want = event_rows(reference_items)["events"].to_pylist()

    def key(r: dict) -> tuple:
        return tuple(str(r[c]) for c in EVENT_COLUMNS if c != "rule")

    assert sorted(map(key, rows)) == sorted(map(key, want))


@pytest.mark.parametrize("bad", [None, 123])
def test_runner_bad_article_becomes_error_rest_goes_on(pipeline, bad):
    good = [Article(id=f"a{i}", text="Russia imposed sanctions on Ukraine.", date="2024-01-17") for i in range(2)]
    items = [good[0], Article(id="broken", text=bad), good[1]]  # type: ignore[arg-type]
    out = list(annotate(items))
    assert [type(x) for x in out] == [Article, ReadError, Article]
    assert out[1].item == "broken" and out[1].message.startswith("E006 broken:")  # refused before spaCy
    assert [e.cameo for e in out[0].events] == [e.cameo for e in out[2].events] == ["163"]
