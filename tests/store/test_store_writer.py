"""The writer: idempotent, deduplicating, order-independent, one transaction per batch."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from dyads.errors import DyadsError
from dyads.io.readers import ReadError
from dyads.store import Store, concat_tables, to_arrow
from dyads.store.schema import SCHEMA_VERSION
from tests.store.conftest import corpus_articles, snapshot


@pytest.mark.parametrize("times", [2])
def test_store_writer_ingest_twice_adds_nothing(tmp_path, times):
    path = tmp_path / "s.duckdb"
    counts = []
    for _ in range(times):
        with Store.open(path) as store:
            store.ingest(corpus_articles() + [ReadError("bad.jsonl:3", "E005 bad.jsonl:3: line is not JSON")])
            counts.append(store.counts())
    assert counts[0] == counts[1]
    assert counts[0] == {"articles": 6, "mentions": 9, "events": 8, "quotes": 1, "entities": 1, "ingest_errors": 1}


@pytest.mark.parametrize("kind", ["second write"])
def test_store_writer_reports_new_and_duplicate_articles(tmp_path, kind):
    with Store.open(tmp_path / "s.duckdb") as store:
        first = store.write(to_arrow(corpus_articles()[:3]))
        second = store.write(to_arrow(corpus_articles()))
    assert (first.articles, first.duplicates, first.mentions) == (3, 0, 5)
    assert (second.articles, second.duplicates, second.mentions) == (3, 3, 4)


@pytest.mark.parametrize("sources", [("wire", "paper", "wire")])
def test_store_writer_dedups_events_across_articles(tmp_path, make_article, sources):
    arts = [make_article(f"r{i}", [("RUSGOV", "040", "PRKGOV", "2023-01-15")], date=f"2023-01-{16 + i}",
                         source=src) for i, src in enumerate(sources)]
    arts[0].events.append(arts[0].events[0].__class__(**{
        **{f: getattr(arts[0].events[0], f) for f in arts[0].events[0].__slots__}, "id": "r0-E02", "sentence": 3}))
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(arts)
        rows = store.con.execute("SELECT num_mentions, num_articles, num_sources, article_id FROM events").fetchall()
        n_mentions = store.con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert rows == [(4, 3, 2, "r0")]  # r0 mentions it twice; first report = earliest article
    assert n_mentions == 4


@pytest.mark.parametrize("seed", [1, 2])
def test_store_writer_result_does_not_depend_on_batch_order(tmp_path, seed):
    arts = corpus_articles()
    with Store.open(tmp_path / "one.duckdb") as store:
        store.ingest(arts)
    shuffled = arts[:]
    random.Random(seed).shuffle(shuffled)
    with Store.open(tmp_path / "many.duckdb") as store:
        for art in shuffled:  # one article per batch, in another order
            store.ingest([art])
    assert snapshot(tmp_path / "one.duckdb") == snapshot(tmp_path / "many.duckdb")


@pytest.mark.parametrize("n", [2])
def test_store_writer_same_text_in_one_batch_stored_once(tmp_path, make_article, n):
    arts = [make_article(f"d{i}", [("RUS", "040", "PRK", "2024-01-10")], text="Duplicated text.") for i in range(n)]
    with Store.open(tmp_path / "s.duckdb") as store:
        res = store.write(concat_tables([to_arrow([a]) for a in arts]))
        assert store.counts()["articles"] == 1 and store.counts()["mentions"] == 1
    assert res.articles == 1


@pytest.mark.parametrize("item", ["feed.xml"])
def test_store_writer_records_errors_once(tmp_path, item):
    err = ReadError(item, "E065 feed.xml: not an RSS or Atom feed")
    with Store.open(tmp_path / "s.duckdb") as store:
        store.record_errors([err, err])
        store.record_errors([err])
        rows = store.con.execute("SELECT item, reason FROM ingest_errors").fetchall()
    assert rows == [(item, err.message)]


@pytest.mark.parametrize("kind", ["duplicate hashes"])
def test_store_writer_rejects_a_batch_with_repeated_hashes(tmp_path, make_article, kind):
    t = to_arrow([make_article("x")])
    bad = {**t, "articles": pa.concat_tables([t["articles"], t["articles"]])}
    with Store.open(tmp_path / "s.duckdb") as store, pytest.raises(ValueError):
        store.write(bad)


@pytest.mark.parametrize("kind", ["schema"])
def test_store_writer_records_schema_version(tmp_path, kind):
    with Store.open(tmp_path / "s.duckdb") as store:
        version = store.con.execute("SELECT value FROM dyads_meta WHERE key = 'schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION


@pytest.mark.parametrize("kind", ["rollback"])
def test_store_writer_failed_batch_leaves_nothing(tmp_path, make_article, kind):
    """A batch that fails inside its transaction is rolled back whole."""
    with Store.open(tmp_path / "s.duckdb") as store:
        store.con.execute("DROP TABLE quotes")  # the quotes insert comes after the articles insert
        with pytest.raises(DyadsError, match="E047"):
            store.ingest([make_article("x", [("RUS", "040", "PRK", "2024-01-10")], quotes=True)])
        left = store.con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), "
                                 "(SELECT count(*) FROM events)").fetchone()
    assert left == (0, 0, 0)


@pytest.mark.parametrize("name", ["open_store"])
def test_store_writer_public_open_store(tmp_path, make_article, name):
    import dyads

    assert name in dyads.__all__
    with getattr(dyads, name)(tmp_path / "s.duckdb") as store:
        assert store.ingest([make_article("x", [("RUS", "040", "PRK", "2024-01-10")])]) == 1
    with dyads.open_store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.dyad("RUS", "PRK", by="day")[0]["events"] == 1
        assert store.article("x").events[0].cameo == "040"


@pytest.mark.parametrize("rows", [2])
def test_store_writer_batch_in_many_chunks_equals_one_article_per_batch(tmp_path, monkeypatch, rows):
    """Batches are cut into chunks of ``ROWS_PER_CHUNK`` rows for parallel inserts: same store."""
    from dyads.store import writer

    arts = corpus_articles()
    with Store.open(tmp_path / "one-by-one.duckdb") as store:
        for art in arts:
            store.ingest([art])
    monkeypatch.setattr(writer, "ROWS_PER_CHUNK", rows)
    tables = to_arrow(arts)
    assert writer._conform("mentions", tables["mentions"]).column("event_key").num_chunks > 1
    with Store.open(tmp_path / "chunked.duckdb", threads=2) as store:
        store.write(tables)
    assert snapshot(tmp_path / "chunked.duckdb") == snapshot(tmp_path / "one-by-one.duckdb")


@pytest.mark.parametrize("kind", ["earlier report arrives later"])
def test_store_writer_earlier_report_takes_over_the_record_and_keeps_date_added(tmp_path, make_article, kind):
    import datetime as dt

    spec = [("RUSGOV", "040", "PRKGOV", "2023-01-15")]
    late = make_article("late", spec, date="2023-01-20", source="paper")
    early = make_article("early", spec, date="2023-01-16", source="wire")
    other = make_article("other", [("USA", "163", "PRK", "2023-01-15")], date="2023-01-16")
    t1, t2 = dt.datetime(2024, 1, 1, 12), dt.datetime(2024, 1, 2, 12)
    with Store.open(tmp_path / "s.duckdb") as store:
        store.write(to_arrow([late]), now=t1)
        store.write(to_arrow([early, other]), now=t2)
        rows = store.con.execute("SELECT article_id, num_mentions, num_articles, num_sources, date_added "
                                 "FROM events ORDER BY article_id").fetchall()
    assert rows == [("early", 2, 2, 2, t1), ("other", 1, 1, 1, t2)]
