"""Schema version 2: narrow `event_records` and the `events` view; version 1 stores read and upgraded."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pytest

from dyads.store import Store, db, queries, to_arrow
from dyads.store.schema import EVENTS_VIEW, SCHEMA_VERSION, TABLE_SCHEMAS, V1_TABLES, quoted, sql_type
from tests.store.conftest import TIMES, _make, corpus_articles, snapshot

POOL = [("RUSGOV", "040", "PRKGOV"), ("PRK", "051", "RUS"), ("USA", "163", "PRK"), ("CHN", "070", "PRK"),
        ("RUSMIL", "190", "UKR"), ("IGOUNO", "111", "ISR")]
DATES = ["2023-01-15", "2023-01-16", "2023-02", "2023", None]


def random_articles(seed: int, n: int = 40) -> list:
    """Articles drawing their events from a small pool, so most events have several reports (some
    in the same article, some on the same day in other sources)."""
    rng = random.Random(seed)
    arts = []
    for i in range(n):
        evs = [(*rng.choice(POOL)[:2], rng.choice(POOL)[2], rng.choice(DATES), rng.choice(["asserted", "claimed"]))
               for _ in range(rng.randint(0, 4))]
        evs = [(s, c, t, d, m) for s, c, t, d, m in evs if s != t]
        arts.append(_make(f"r{i}", evs, date=rng.choice(["2023-01-16", "2023-01-17", None]),
                          source=rng.choice(["wire", "paper", None])))
    return arts


def expected_events(arts: list) -> list[tuple]:
    """What the `events` view must hold, computed from scratch from the batch's mention rows:
    per event key, every field of its first report (earliest article date, then article hash,
    then position) and the counts over all its reports (what version 1 stored as a table)."""
    rows = to_arrow(arts)["mentions"].to_pylist()
    by_key: dict[int, list[dict]] = {}
    for r in rows:
        by_key.setdefault(r["event_key"], []).append(r)
    out = []
    for key, reps in by_key.items():
        first = min(reps, key=lambda r: (r["article_date"] or dt.date(9999, 12, 31), r["article_hash"], r["sentence"],
                                         r["evidence_start"], r["event_id"]))
        tones = [r["article_tone"] for r in reps if r["article_tone"] is not None]
        counts = {"num_mentions": len(reps), "num_articles": len({r["article_hash"] for r in reps}),
                  "num_sources": len({r["article_source"] or "" for r in reps}),
                  "avg_tone": sum(tones) / len(tones) if tones else None}
        out.append(tuple((first | counts)[c] if c != "event_key" else key
                         for c in EVENTS_VIEW.names if c not in TIMES))
    return sorted(out, key=repr)


def view_rows(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    cols = quoted([c for c in EVENTS_VIEW.names if c not in TIMES])
    return sorted(con.execute(f"SELECT {cols} FROM events").fetchall(), key=repr)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_store_schema_view_equals_first_reports_from_scratch(tmp_path, seed):
    """Batches in random order and sizes (first reports that move to a later batch, recounts):
    the view gives exactly one row per record, equal to a from-scratch computation."""
    arts = random_articles(seed)
    shuffled = arts[:]
    rng = random.Random(seed)
    rng.shuffle(shuffled)
    with Store.open(tmp_path / "s.duckdb") as store:
        i = 0
        while i < len(shuffled):
            n = rng.randint(1, 8)
            store.ingest(shuffled[i:i + n])
            i += n
        got = view_rows(store.con)
        n_records = store.con.execute("SELECT count(*) FROM event_records").fetchone()[0]
    assert len(got) == n_records
    assert got == expected_events(arts)
    assert check_numbers(tmp_path / "s.duckdb") == []


FIRST_KEY = ["article_hash", "article_id", "article_date", "event_id", "sentence", "evidence_start"]


def check_numbers(path: Path) -> list:
    """What is wrong with the mention numbers: every mention has one, no two the same, and each
    record's number is that of a mention of its event with the record's first-report fields
    (which `test_store_schema_view_equals_first_reports_from_scratch` checks against a
    from-scratch computation). Each check names the rows that fail it."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        total, distinct, nulls = con.execute(
            "SELECT count(*), count(DISTINCT mention_no), count(*) - count(mention_no) FROM mentions").fetchone()
        bad = [] if total == distinct and nulls == 0 else [("mentions", total, distinct, nulls)]
        same = " AND ".join(f'r."{c}" IS NOT DISTINCT FROM m."{c}"' for c in FIRST_KEY if c != "article_id")
        bad += con.execute(f"""SELECT r.event_key, r.mention_no FROM event_records r
            LEFT JOIN mentions m ON m.mention_no = r.mention_no
            WHERE m.mention_no IS NULL OR m.event_key != r.event_key OR NOT ({same})""").fetchall()
        bad += con.execute("SELECT mention_no, count(*) FROM event_records GROUP BY ALL HAVING count(*) > 1").fetchall()
        return bad
    finally:
        con.close()


@pytest.mark.parametrize("column", ["event_key", "base", "root"])
def test_store_schema_events_view_has_the_version_1_columns(tmp_path, column):
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(corpus_articles())
        cols = [d[0] for d in store.con.execute("SELECT * FROM events LIMIT 0").description]
        kind = store.con.execute("SELECT table_type FROM information_schema.tables WHERE table_name = 'events'"
                                 ).fetchone()[0]
        codes = store.con.execute("SELECT DISTINCT cameo, base, root FROM event_records").fetchall()
    assert cols == EVENTS_VIEW.names and column in cols
    assert kind == "VIEW"
    assert all(base == cameo[:3] and root == cameo[:2] for cameo, base, root in codes)


def build_v1(path: Path, source: Path) -> None:
    """A schema-version-1 store (the wide `events` table) holding what the store ``source`` holds."""
    con = duckdb.connect(str(path))
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    con.execute("CREATE TABLE dyads_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO dyads_meta SELECT * FROM src.dyads_meta")
    con.execute("UPDATE dyads_meta SET value = '1' WHERE key = 'schema_version'")
    for table in V1_TABLES:
        schema = EVENTS_VIEW if table == "events" else TABLE_SCHEMAS[table]
        fields = [f for f in schema if f.name != "mention_no"]  # version 1 did not number mentions
        cols = ", ".join(f'"{f.name}" {sql_type(f.type)}' for f in fields)
        con.execute(f"CREATE TABLE {table} ({cols})")
        con.execute(f"INSERT INTO {table} SELECT {quoted([f.name for f in fields])} FROM src.{table}")
    con.close()


def _answers(con: duckdb.DuckDBPyConnection) -> list:
    return [queries.dyad(con, "RUS", "PRK", by="month"), queries.actors(con), queries.summary(con),
            queries.events(con, source="RUS"), queries.top_dyads(con), queries.load_article(con, "a1")]


@pytest.mark.parametrize("kind", ["read-only"])
def test_store_schema_version_1_read_only_is_queried_unchanged(tmp_path, corpus_store, kind):
    v1 = tmp_path / "v1.duckdb"
    build_v1(v1, corpus_store)
    before = v1.read_bytes()
    with Store.open(v1, read_only=True) as old, Store.open(corpus_store, read_only=True) as new:
        assert _answers(old.con) == _answers(new.con)
        assert old.counts() == new.counts()
        cur = db.cursor(old.con)  # a cursor is a connection of its own: it gets the view too
        assert _answers(cur) == _answers(new.con)
        cur.close()
    assert queries.sql(v1, "SELECT count(*) FROM event_records").rows == [(8,)]
    assert v1.read_bytes() == before  # nothing written: still version 1


@pytest.mark.parametrize("kind", ["writing"])
def test_store_schema_version_1_is_upgraded_when_opened_for_writing(tmp_path, corpus_store, make_article, kind):
    v1 = tmp_path / "v1.duckdb"
    build_v1(v1, corpus_store)
    with Store.open(v1) as store:
        version = store.con.execute("SELECT value FROM dyads_meta WHERE key = 'schema_version'").fetchone()[0]
        kind_of = dict(store.con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
    assert int(version) == SCHEMA_VERSION
    assert kind_of["events"] == "VIEW" and kind_of["event_records"] == "BASE TABLE"
    assert snapshot(v1) == snapshot(corpus_store)
    assert check_numbers(v1) == []
    more = [make_article("late", [("RUSGOV", "040", "PRKGOV", "2023-01-15")], date="2023-01-01")]  # a new first report
    for path in (v1, corpus_store):
        with Store.open(path) as store:
            store.ingest(more)
    assert snapshot(v1) == snapshot(corpus_store)
    assert check_numbers(v1) == check_numbers(corpus_store) == []


@pytest.mark.parametrize("path", ["/api/events?source=RUS", "/api/dyads/RUS/PRK/timeline", "/api/actors",
                                  "/api/overview"])
def test_store_schema_version_1_served_read_only(tmp_path, corpus_store, path):
    """The API reads through cursors (connections of their own): a version 1 store still answers."""
    from dyads.api import create_app
    from tests.api.conftest import make_client

    v1 = tmp_path / "v1.duckdb"
    build_v1(v1, corpus_store)
    with make_client(create_app(v1, idle_seconds=0.5)) as old, \
            make_client(create_app(corpus_store, idle_seconds=0.5)) as new:
        got, want = old.get(path), new.get(path)
    assert got.status_code == want.status_code == 200
    assert got.json() == want.json()
