"""The write-ahead log beside a store: a real one (left by a killed writer) is replayed; a damaged or
foreign one is never dropped silently: a numbered error names it, and nothing is changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.errors import DyadsError
from dyads.store import Store
from tests.store.conftest import _make

KILLED_WRITER = """
import os, sys
from dyads.store import Store
from tests.store.conftest import _make
store = Store.open(sys.argv[1])
store.con.execute("SET checkpoint_threshold = '1GB'")  # keep the commit in the log
store.ingest([_make("late", [("RUS", "111", "UKR", "2024-01-10")])])
os._exit(0)  # killed: no checkpoint, the log stays beside the store
"""


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def killed(tmp_path_factory) -> tuple[bytes, bytes]:
    """The bytes of a store and of the log a writer killed after its commit left beside it."""
    db = tmp_path_factory.mktemp("wal") / "s.duckdb"
    with Store.open(db) as s:
        s.ingest([_make("first", [("JPN", "111", "PRK", "2024-01-10")])])
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db)], check=True, cwd=root,
                   env={**os.environ, "PYTHONPATH": str(root)})
    wal = _wal(db)
    assert wal.stat().st_size > 0
    return db.read_bytes(), wal.read_bytes()


@pytest.fixture
def store(tmp_path: Path, killed: tuple[bytes, bytes]) -> Path:
    db = tmp_path / "s.duckdb"
    db.write_bytes(killed[0])
    _wal(db).write_bytes(killed[1])
    return db


def _wal(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def test_store_wal_left_by_a_killed_writer_is_replayed(store: Path) -> None:
    with Store.open(store, read_only=True) as s:
        assert s.counts()["articles"] == 2


@pytest.mark.parametrize("read_only", [False, True])
@pytest.mark.parametrize("damage", ["garbage", "flipped"])
def test_store_wal_damaged_is_an_error_and_nothing_changes(store: Path, read_only: bool, damage: str) -> None:
    wal = _wal(store)
    data = wal.read_bytes()
    if damage == "garbage":
        data = b"not a write-ahead log, just some bytes someone left here\n" * 40
    else:
        data = data[:-30] + bytes([data[-30] ^ 0xFF]) + data[-29:]
    wal.write_bytes(data)
    before = _digest(store), _digest(wal)
    with pytest.raises(DyadsError) as info:
        Store.open(store, read_only=read_only).close()
    msg = str(info.value)
    assert msg.startswith("E111") and str(wal) in msg
    assert "remove this one" not in msg
    assert (_digest(store), _digest(wal)) == before
