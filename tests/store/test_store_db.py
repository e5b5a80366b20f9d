"""Opening a store: foreign, damaged, locked, missing or newer files get numbered errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from dyads.errors import DyadsError
from dyads.store import Store
from dyads.store.schema import FSST_COLUMNS, SCHEMA_VERSION
from tests.store.conftest import corpus_articles


def text_file(p: Path) -> Path:
    p.write_text("this is not a database\n" * 20)
    return p


def sqlite_file(p: Path) -> Path:
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE events (x INTEGER)")
    con.commit()
    con.close()
    return p


def empty_file(p: Path) -> Path:
    p.write_bytes(b"")
    return p


def foreign_duckdb(p: Path) -> Path:
    con = duckdb.connect(str(p))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.close()
    return p


def truncated_store(p: Path) -> Path:
    Store.open(p).close()
    data = p.read_bytes()
    p.write_bytes(data[:4096 + 100])  # headers intact, the rest cut off
    return p


def garbled_store(p: Path) -> Path:
    Store.open(p).close()
    data = bytearray(p.read_bytes())
    data[8192:] = b"\xff" * (len(data) - 8192)
    p.write_bytes(bytes(data))
    return p


def directory(p: Path) -> Path:
    p.mkdir()
    return p


BAD = {"text": text_file, "sqlite": sqlite_file, "empty": empty_file, "foreign duckdb": foreign_duckdb,
       "truncated": truncated_store, "garbled": garbled_store, "directory": directory}


@pytest.mark.parametrize("kind", list(BAD))
@pytest.mark.parametrize("read_only", [False, True])
def test_store_db_bad_file_is_a_numbered_error(tmp_path, kind, read_only):
    if kind == "empty" and not read_only:
        pytest.skip("an empty file becomes a store (next test)")
    path = BAD[kind](tmp_path / "bad.duckdb")
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(DyadsError, match=r"^E04[07] ") as info:
        with Store.open(path, read_only=read_only) as store:
            store.counts()
    assert str(path) in str(info.value)
    if before is not None and kind in ("text", "sqlite", "empty", "foreign duckdb"):
        assert path.read_bytes() == before  # never written


@pytest.mark.parametrize("kind", ["empty"])
def test_store_db_empty_file_becomes_a_store(tmp_path, kind):
    path = BAD[kind](tmp_path / "new.duckdb")
    with Store.open(path) as store:
        assert store.counts()["events"] == 0


@pytest.mark.parametrize("table", ["articles", "mentions", "event_records"])
def test_store_db_text_columns_keep_their_compression(tmp_path, table):
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(corpus_articles())
        store.con.execute("CHECKPOINT")
        found = dict(store.con.execute(f"""SELECT column_name, string_agg(DISTINCT compression, ',')
            FROM pragma_storage_info('{table}') WHERE segment_type = 'VARCHAR' GROUP BY ALL""").fetchall())
        filled = {c for c in found if store.con.execute(f'SELECT count("{c}") FROM {table}').fetchone()[0]}
    found = {c: method for c, method in found.items() if c in filled}  # DuckDB keeps all-null text uncompressed
    assert found
    assert found == {c: "FSST" if c in FSST_COLUMNS[table] else "Dictionary" for c in found}


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1])
def test_store_db_newer_schema_is_refused(tmp_path, version):
    path = tmp_path / "new.duckdb"
    with Store.open(path) as store:
        store.con.execute("UPDATE dyads_meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    with pytest.raises(DyadsError, match="^E044 "):
        Store.open(path)


@pytest.mark.parametrize("kind", ["read-only"])
def test_store_db_missing_store_read_only(tmp_path, kind):
    with pytest.raises(DyadsError, match="^E043 "):
        Store.open(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.parametrize("kind", ["no folder"])
def test_store_db_cannot_create(tmp_path, kind):
    with pytest.raises(DyadsError, match="^E045 "):
        Store.open(tmp_path / "missing" / "s.duckdb")


@pytest.mark.parametrize("kind", ["lock"])
def test_store_db_locked_by_another_process(tmp_path, kind):
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r})
        print("locked", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DyadsError, match="^E041 "):
            Store.open(path, read_only=True)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.mark.parametrize("kind", ["text", "sqlite", "foreign duckdb"])
def test_store_db_cli_bad_db_no_traceback(tmp_path, kind):
    path = BAD[kind](tmp_path / "bad.duckdb")
    res = subprocess.run([sys.executable, "-m", "dyads", "events", "--db", str(path)], capture_output=True,
                         text=True, timeout=120)
    assert res.returncode != 0
    assert "Traceback" not in res.stderr and res.stderr.startswith("error: E040 ")
    assert len(res.stderr.strip().splitlines()) == 1
