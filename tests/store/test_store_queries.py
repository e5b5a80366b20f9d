"""Queries on a hand-built store with known answers (see CORPUS in conftest.py)."""

from __future__ import annotations

import pytest

from dyads.errors import DyadsError
from dyads.store import Store, queries
from tests.store.conftest import corpus_articles


@pytest.fixture
def con(corpus_store):
    with Store.open(corpus_store, read_only=True) as store:
        yield store.con


def triples(rows):
    return [(r["source_code"], r["cameo"], r["target_code"]) for r in rows]


@pytest.mark.parametrize(("filters", "want"), [
    ({"source": "RUS", "target": "PRK"}, [("RUSGOV", "040", "PRKGOV"), ("RUS", "057", "PRK"), ("RUS", "042", "PRK")]),
    ({"source": "rus", "target": "PRK", "root": "04"}, [("RUSGOV", "040", "PRKGOV"), ("RUS", "042", "PRK")]),
    ({"source": "RUS", "target": "PRK", "root": "4", "since": "2023-02", "until": "2024-12"}, [("RUS", "042", "PRK")]),
    ({"source": "RUS", "since": "2023-03-02", "until": "2023-03"}, [("RUS", "057", "PRK"), ("RUSMIL", "190", "UKR")]),
    ({"source": "RUSGOV"}, [("RUSGOV", "040", "PRKGOV")]),
    ({"actor": "UKR"}, [("RUSMIL", "190", "UKR")]),
    ({"quad": 4}, [("RUSMIL", "190", "UKR"), ("USA", "163", "PRK")]),
    ({"cameo": "05"}, [("PRK", "051", "RUS"), ("RUS", "057", "PRK")]),
    ({"since": "2024"}, [("RUS", "042", "PRK"), ("CHN", "070", "PRK")]),
    ({"until": "2022"}, []),
])
def test_store_queries_events_filters(con, filters, want):
    assert triples(queries.events(con, **filters)) == want


@pytest.mark.parametrize("limit", [3])
def test_store_queries_events_limit_and_counts(con, limit):
    rows = queries.events(con, limit=limit)
    assert len(rows) == limit
    meeting = queries.events(con, source="RUSGOV", cameo="040")[0]
    assert (meeting["num_mentions"], meeting["num_articles"], meeting["num_sources"]) == (2, 2, 2)
    assert meeting["article_id"] == "a1"  # the first report
    assert [m["article_id"] for m in queries.mentions(con, meeting["event_key"])] == ["a1", "a2"]


@pytest.mark.parametrize(("param", "value", "code"), [("since", "2023-13", "E046"), ("until", "yesterday", "E046"),
                                                      ("source", "R", "E048"), ("target", "RUS GOV", "E048")])
def test_store_queries_bad_filters(con, param, value, code):
    with pytest.raises(DyadsError, match=f"^{code} "):
        queries.events(con, **{param: value})


def by(rows, period, direction):
    return next(r for r in rows if r["period"] == period and r["direction"] == direction)


@pytest.mark.parametrize("period", ["month"])
def test_store_queries_dyad_by_month(con, period):
    rows = queries.dyad(con, "RUS", "PRK", by=period)
    assert len(rows) == 14 * 3  # 2023-01 .. 2024-02, both directions and each
    jan = by(rows, "2023-01", "both")
    assert (jan["events"], jan["mentions"], jan["verbal_coop"], jan["net_cooperation"]) == (2, 3, 2, 2)
    assert jan["mean_goldstein"] == pytest.approx(2.2)
    assert by(rows, "2023-01", "RUS>PRK")["mean_goldstein"] == 1.0
    assert by(rows, "2023-01", "PRK>RUS")["mean_goldstein"] == 3.4
    mar = by(rows, "2023-03", "both")
    assert (mar["events"], mar["cooperative"], mar["conflictual"], mar["net_cooperation"]) == (2, 1, 1, 0)
    assert by(rows, "2023-03", "RUS>PRK")["net_cooperation"] == 1
    assert by(rows, "2023-03", "PRK>RUS")["net_cooperation"] == -1
    assert by(rows, "2023-03", "PRK>RUS")["verbal_conflict"] == 1
    feb = by(rows, "2023-02", "both")
    assert (feb["events"], feb["mean_goldstein"]) == (0, None)
    assert by(rows, "2024-02", "RUS>PRK")["events"] == 1  # a month-only date counts in a monthly series
    assert list(rows[0]) == queries.DYAD_COLUMNS


@pytest.mark.parametrize(("period", "want"), [
    ("year", {("2023", "both"): 4, ("2024", "both"): 1}),
    ("quarter", {("2023-Q1", "both"): 4, ("2024-Q1", "both"): 1}),
    ("day", {("2023-01-15", "both"): 2, ("2023-03-02", "both"): 1, ("2023-03-20", "both"): 1}),
])
def test_store_queries_dyad_periods(con, period, want):
    rows = queries.dyad(con, "RUS", "PRK", by=period, fill=False)
    got = {(r["period"], r["direction"]): r["events"] for r in rows if r["direction"] == "both"}
    assert got == want  # the month-only 2024-02 event is not in the daily series


@pytest.mark.parametrize(("since", "until", "periods"), [("2023-03", "2023-04", ["2023-03", "2023-04"])])
def test_store_queries_dyad_range_is_filled(con, since, until, periods):
    rows = queries.dyad(con, "PRK", "RUS", since=since, until=until)
    assert sorted({r["period"] for r in rows}) == periods
    assert by(rows, "2023-03", "PRK>RUS")["events"] == 1 and by(rows, "2023-04", "both")["events"] == 0


@pytest.mark.parametrize("by_", ["fortnight"])
def test_store_queries_dyad_bad_period(con, by_):
    with pytest.raises(DyadsError, match="^E046 "):
        queries.dyad(con, "RUS", "PRK", by=by_)


@pytest.mark.parametrize(("level", "want"), [
    ("code", [("PRK", 6, 2, 4, 6), ("RUS", 3, 2, 1, 3), ("RUSGOV", 2, 1, 1, 3)]),
    ("country", [("PRK", 7, 2, 5, 8), ("RUS", 6, 4, 2, 7), ("CHN", 1, 1, 0, 1)]),
])
def test_store_queries_actors_top(con, level, want):
    rows = queries.actors(con, top=3, level=level)
    assert [(r["code"], r["events"], r["as_source"], r["as_target"], r["mentions"]) for r in rows] == want
    assert rows[0]["country"] == "PRK"


@pytest.mark.parametrize("query", [
    "SELECT count(*) AS n FROM events",
    "WITH e AS (SELECT * FROM events) SELECT count(*) AS n FROM e",
    "  select count(*) as n from events -- a comment",
])
def test_store_queries_sql_reads(corpus_store, query):
    res = queries.sql(corpus_store, query)
    assert res.columns == ["n"] and res.rows == [(8,)]


@pytest.mark.parametrize("query", [
    "INSERT INTO ingest_errors VALUES ('x', 'y', now())",
    "DELETE FROM events",
    "DROP TABLE events",
    "UPDATE events SET cameo = '010'",
    "CREATE TABLE x AS SELECT 1",
    "COPY events TO 'out.csv'",
    "ATTACH 'other.duckdb'",
    "SELECT 1; DROP TABLE events",
    "SET threads = 1",
])
def test_store_queries_sql_rejects_writes(corpus_store, query):
    with pytest.raises(DyadsError, match="^E042 "):
        queries.sql(corpus_store, query)
    assert queries.sql(corpus_store, "SELECT count(*) FROM events").rows == [(8,)]


@pytest.mark.parametrize("query", ["SELECT * FROM read_csv('/etc/hostname')", "SELECT nope FROM events",
                                   "SELEC 1"])
def test_store_queries_sql_errors_are_numbered(corpus_store, query):
    with pytest.raises(DyadsError, match="^E047 "):
        queries.sql(corpus_store, query)


@pytest.mark.parametrize("ident", ["a1"])
def test_store_queries_load_article_round_trip(con, ident):
    want = next(a for a in corpus_articles() if a.id == ident)
    got = queries.load_article(con, ident)
    assert got is not None and got.to_dict() == want.to_dict()
    assert queries.load_article(con, got and queries.events(con, limit=1)[0]["article_hash"]) is not None
    assert queries.load_article(con, "no-such-article") is None


@pytest.mark.parametrize("kind", ["summary"])
def test_store_queries_summary(con, kind):
    s = queries.summary(con)
    assert (s["articles"], s["events"], s["mentions"], s["errors"]) == (6, 8, 9, 0)
    assert str(s["first_day"]) == "2023-01-15" and str(s["last_day"]) == "2024-05-01"


@pytest.mark.parametrize("query", ["SHOW TABLES", "DESCRIBE events"])
def test_store_queries_sql_allows_read_only_inspection(corpus_store, query):
    res = queries.sql(corpus_store, query)
    assert res.rows and res.columns
