"""to_arrow: the pure half of the write path (what workers run)."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from dyads.io.readers import ReadError
from dyads.store import concat_tables, content_hash, event_key, to_arrow
from dyads.store.arrow import code_prefix, day_of, publisher
from dyads.store.schema import ARROW_SCHEMAS, BATCH_TABLES


@pytest.mark.parametrize("n", [3])
def test_store_arrow_tables_have_the_schema(make_article, n):
    arts = [make_article(f"a{i}", [("RUS", "040", "PRK", "2024-01-10")], quotes=True) for i in range(n)]
    tables = to_arrow([*arts, ReadError("bad.txt", "E001 bad.txt: empty")])
    assert set(tables) == set(BATCH_TABLES)
    for name, table in tables.items():
        assert table.schema.equals(ARROW_SCHEMAS[name]), name
    assert tables["articles"].num_rows == n and tables["mentions"].num_rows == n
    assert tables["quotes"].num_rows == n and tables["entities"].num_rows == n
    assert tables["ingest_errors"].to_pylist() == [{"item": "bad.txt", "reason": "E001 bad.txt: empty"}]


@pytest.mark.parametrize("kind", ["empty"])
def test_store_arrow_empty_input_gives_typed_empty_tables(kind):
    tables = to_arrow([])
    assert all(t.num_rows == 0 and t.schema.equals(ARROW_SCHEMAS[n]) for n, t in tables.items())


@pytest.mark.parametrize("date", ["2024-01-10"])
def test_store_arrow_mention_row_flattens_every_field(make_article, date):
    art = make_article("a1", [("RUSGOV", "040", "PRK", date)])
    row = to_arrow([art])["mentions"].to_pylist()[0]
    assert row["source_code"] == "RUSGOV" and row["source_country"] == "RUS" and row["source_sector"] == "GOV"
    assert row["target_code"] == "PRK" and row["cameo"] == "040" and row["base"] == "040" and row["root"] == "04"
    assert row["quad"] == 1 and row["goldstein"] == 1.0 and row["plover"] == "CONSULT"
    assert row["day"] == dt.date(2024, 1, 10) and row["date"] == date
    assert row["location_name"] == "Pyongyang" and row["location_lat"] == 39.0
    assert row["rule"] == "test>040" and row["dictionary_version"] == "test-1" and row["modality"] == "asserted"
    assert row["event_key"] == event_key(date, "RUSGOV", "PRK", "040")
    assert row["article_hash"] == content_hash(art.text) and row["article_source"] == "wire"


@pytest.mark.parametrize("copies", [2])
def test_store_arrow_same_text_twice_kept_once(make_article, copies):
    arts = [make_article(f"a{i}", [("RUS", "040", "PRK", "2024-01-10")], text="Same text.") for i in range(copies)]
    tables = to_arrow(arts)
    assert tables["articles"].column("id").to_pylist() == ["a0"]
    assert tables["mentions"].num_rows == 1


@pytest.mark.parametrize("date", ["2024-01-10"])
def test_store_arrow_event_key_is_stable_and_depends_on_the_four_fields(date):
    k = event_key(date, "RUS", "PRK", "040")
    assert k == event_key(date, "RUS", "PRK", "040", "any-article")  # full dates: articles do not matter
    assert 0 <= k < 2**63
    assert len({k, event_key("2024-01-11", "RUS", "PRK", "040"), event_key(date, "PRK", "RUS", "040"),
                event_key(date, "RUS", "PRK", "041"), event_key(date, "RUS", None, "040")}) == 5
    # undated or month-only events are not matched across articles
    assert event_key("2024-01", "RUS", "PRK", "040", "h1") != event_key("2024-01", "RUS", "PRK", "040", "h2")
    assert event_key(None, "RUS", "PRK", "040", "h1") != event_key(None, "RUS", "PRK", "040", "h2")


@pytest.mark.parametrize(("date", "day"), [("2024-03-05", dt.date(2024, 3, 5)), ("2024-03", dt.date(2024, 3, 1)),
                                           ("2024", dt.date(2024, 1, 1)), (None, None), ("junk", None),
                                           ("2024-13", None)])
def test_store_arrow_day_of(date, day):
    assert day_of(date) == day


@pytest.mark.parametrize(("source", "url", "want"), [("wire", "https://x.org/a", "wire"),
                                                     (None, "https://www.example.com/a", "example.com"),
                                                     (None, None, None)])
def test_store_arrow_publisher(source, url, want):
    assert publisher(source, url) == want


@pytest.mark.parametrize("shared", ["Shared text."])
def test_store_arrow_concat_keeps_first_copy_across_shards(make_article, shared):
    one = to_arrow([make_article("a", [("RUS", "040", "PRK", "2024-01-10")], text=shared)])
    two = to_arrow([make_article("b", [("RUS", "040", "PRK", "2024-01-10")], text=shared),
                    make_article("c", [("USA", "111", "CHN", "2024-01-10")])])
    merged = concat_tables([one, two])
    assert merged["articles"].column("id").to_pylist() == ["a", "c"]
    assert merged["mentions"].num_rows == 2


@pytest.mark.parametrize("protocol", [pickle.HIGHEST_PROTOCOL])
def test_store_arrow_to_arrow_pickles_for_workers(protocol):
    assert pickle.loads(pickle.dumps(to_arrow, protocol)) is to_arrow


@pytest.mark.parametrize(("a", "b", "same"), [("RUS", "RUSGOV", True), ("RUS", "RUT", False),
                                              ("IGOUNO", "IGOEU", True), ("PRK", "PRKGOV", True)])
def test_store_arrow_code_prefix(a, b, same):
    assert (code_prefix(a) == code_prefix(b)) is same
    assert code_prefix(None) is None and 0 < code_prefix(a) < 2**31
