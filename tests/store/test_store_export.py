"""Exports: GDELT 2.0 Events (61 columns) and Mentions (16), Parquet by month, CSV, JSONL.

The GKG file of the gdelt export is tested in test_store_export_gkg.py."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from dyads.errors import DyadsError
from dyads.store import Store
from dyads.store.export import export
from dyads.store.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "data" / "reference"


def gdelt_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture
def exported(corpus_store, tmp_path):
    with Store.open(corpus_store, read_only=True) as store:
        return export(store.con, tmp_path / "gdelt", "gdelt")


@pytest.mark.parametrize("n_columns", [61])
def test_store_export_gdelt_events_61_columns_parse_back(exported, n_columns):
    events, _, _ = exported
    rows = gdelt_rows(events)
    assert len(rows) == 8 and all(len(r) == n_columns for r in rows)
    cols = [name for name, _ in EVENT_COLUMNS]
    recs = [dict(zip(cols, r, strict=True)) for r in rows]
    meeting = next(r for r in recs if r["EventCode"] == "040")
    assert meeting["SQLDATE"] == "20230115" and meeting["MonthYear"] == "202301" and meeting["Year"] == "2023"
    assert meeting["Actor1Code"] == "RUSGOV" and meeting["Actor1CountryCode"] == "RUS"
    assert meeting["Actor1Type1Code"] == "GOV" and meeting["Actor2Code"] == "PRKGOV"
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == ("2", "2", "2")
    assert meeting["EventRootCode"] == "04" and meeting["QuadClass"] == "1" and float(meeting["GoldsteinScale"]) == 1.0
    assert meeting["ActionGeo_FullName"] == "" and meeting["ActionGeo_Lat"] == ""
    deal = next(r for r in recs if r["EventCode"] == "057")
    assert deal["ActionGeo_FullName"] == "Pyongyang" and float(deal["ActionGeo_Lat"]) == 39.0
    assert meeting["SOURCEURL"] == "a1" and len(meeting["DATEADDED"]) == 14
    assert meeting["Actor1EthnicCode"] == "" and meeting["Actor1Geo_Type"] == ""
    for r in recs:  # the numeric columns parse as numbers
        int(r["GLOBALEVENTID"]), int(r["SQLDATE"]), float(r["FractionDate"]), int(r["NumMentions"])


@pytest.mark.parametrize("kind", ["reference header"])
def test_store_export_gdelt_column_order_matches_reference(kind):
    if not REFERENCE.is_dir():
        pytest.skip("../shared is not beside the repository")
    with open(REFERENCE / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", encoding="utf-8") as f:
        names = [row[0] for row in csv.reader(f)][1:]
    assert [n for n, _ in EVENT_COLUMNS] == names
    with open(REFERENCE / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv", encoding="utf-8") as f:
        mention_names = [line.split("\t")[1] for line in f.read().splitlines()[1:] if line.strip()]
    assert [n for n, _ in MENTION_COLUMNS] == mention_names


@pytest.mark.parametrize("n_columns", [16])
def test_store_export_gdelt_mentions(exported, n_columns):
    events, mentions, _ = exported
    rows = gdelt_rows(mentions)
    assert len(rows) == 9 and all(len(r) == n_columns for r in rows)
    event_ids = {r[0] for r in gdelt_rows(events)}
    assert {r[0] for r in rows} == event_ids
    a2 = next(r for r in rows if r[5] == "a2")
    assert a2[2] == "20230117000000" and a2[4] == "paper" and a2[3] == "2"  # no URL: citation only


@pytest.mark.parametrize("kind", ["tab in a name"])
def test_store_export_gdelt_tabs_and_newlines_in_values(tmp_path, make_article, kind):
    art = make_article("x\ty", [("RUS", "040", "PRK", "2024-01-10")], url="https://e.org/a\tb")
    art.events[0].source.name = "Name\twith\ttabs\nand lines"
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([art])
        events, mentions, gkg = export(store.con, tmp_path / "out", "gdelt")
    assert all(len(r) == 61 for r in gdelt_rows(events)) and all(len(r) == 16 for r in gdelt_rows(mentions))
    assert [len(r) for r in gdelt_rows(gkg)] == [27] and gdelt_rows(gkg)[0][4] == "https://e.org/a b"
    assert gdelt_rows(events)[0][6] == "NAME WITH TABS AND LINES"


@pytest.mark.parametrize("kind", ["parquet"])
def test_store_export_parquet_partitioned_by_month(corpus_store, tmp_path, kind):
    with Store.open(corpus_store, read_only=True) as store:
        paths = export(store.con, tmp_path / "pq", "parquet")
    months = sorted(p.name for p in (tmp_path / "pq" / "events").iterdir())
    assert months == ["month=2023-01", "month=2023-03", "month=2024-02", "month=2024-05"]
    table = ds.dataset(paths[0], format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 8 and "event_key" in table.column_names
    assert ds.dataset(paths[1], format="parquet", partitioning="hive").to_table().num_rows == 9


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_store_export_csv_and_jsonl(corpus_store, tmp_path, fmt):
    with Store.open(corpus_store, read_only=True) as store:
        paths = export(store.con, tmp_path / fmt, fmt, tables=["events", "articles"])
    assert [p.name for p in paths] == [f"events.{fmt}", f"articles.{fmt}"]
    if fmt == "csv":
        with open(paths[0], newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    else:
        rows = [json.loads(line) for line in paths[0].read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 8 and {"event_key", "source_code", "cameo", "num_mentions"} <= set(rows[0])


@pytest.mark.parametrize(("fmt", "tables"), [("xml", ["events"]), ("csv", ["nope"])])
def test_store_export_bad_arguments(corpus_store, tmp_path, fmt, tables):
    with Store.open(corpus_store, read_only=True) as store, pytest.raises(DyadsError, match="^E046 "):
        export(store.con, tmp_path / "x", fmt, tables=tables)


@pytest.mark.parametrize("kind", ["file in the way"])
def test_store_export_out_is_a_file(corpus_store, tmp_path, kind):
    (tmp_path / "taken").write_text("x")
    with Store.open(corpus_store, read_only=True) as store, pytest.raises(DyadsError, match="^E049 "):
        export(store.con, tmp_path / "taken", "gdelt")
