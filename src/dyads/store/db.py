"""Opening a store file: check it is ours before DuckDB touches it, create it, map errors.

A text file, an SQLite file, a damaged DuckDB file or someone else's DuckDB database given as
``--db`` gets a numbered one-line error (E040), never a traceback and never a write. DuckDB is
told not to install or load extensions (it would try to download one for an SQLite file).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dyads.errors import DyadsError, StoreError, message
from dyads.store.schema import (
    APPLICATION,
    SCHEMA_VERSION,
    TABLE_SCHEMAS,
    V1_TABLES,
    VIEW_SCHEMAS,
    ddl,
    migrate_v1_sql,
    v1_read_sql,
)

DuckConfig = dict[str, str | bool | int | float | list[str]]  # duckdb.connect(config=...)
CONFIG: DuckConfig = {
    "autoinstall_known_extensions": False, "autoload_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB database file


def short(exc: BaseException) -> str:
    """The first line of an error, without DuckDB's class-name prefix."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    for prefix in ("IO Error: ", "Catalog Error: ", "Binder Error: ", "Parser Error: ", "Invalid Input Error: ",
                   "Conversion Error: ", "Serialization Error: ", "Permission Error: "):
        line = line.removeprefix(prefix)
    return line[:300]


def _what_is(path: Path) -> str | None:
    """Why ``path`` cannot be a DuckDB file, or None when its header says it is one."""
    if path.is_dir():
        return "it is a directory"
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        return f"cannot read it: {exc.strerror or exc}"
    if not head:
        return "the file is empty"
    if head.startswith(b"SQLite format 3"):
        return "it is an SQLite database"
    if len(head) < 12 or head[8:12] != DUCKDB_MAGIC:
        return "it is not a DuckDB database file"
    return None


# How long a process waits for another to let go of a store before E041 (docs/store.md, "Sharing
# a store"): `dyads serve` holds it for the length of a request, `dyads ingest` and `watch` for the
# length of one batch's write.
LOCK_WAIT = 10.0


def connect(path: str | Path, read_only: bool = False, config: DuckConfig | None = None,
            wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """Open (or, unless ``read_only``, create) a dyads store and check its schema.

    ``wait``: seconds to keep trying while another process holds the file (a writer excludes
    everyone; readers exclude a writer), then :class:`StoreLocked` (E041) with ``waited`` set.
    ``on_wait(message)`` is called once, when the first try finds the file held."""
    started = time.monotonic()
    pause = 0.005
    told = False
    while True:
        try:
            return _connect(path, read_only, config)
        except StoreLocked:
            waited = time.monotonic() - started
            if waited + pause > wait:
                err = StoreLocked(message("E041", path=path, waited=f"{waited:.0f}s"))
                err.waited = waited
                raise err from None
            if on_wait is not None and not told:
                on_wait(f"{path}: another process holds the store; waiting up to {wait:g} s")
                told = True
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


class StoreLocked(DyadsError):
    """E041: another process holds the store (``waited``: seconds spent waiting for it)."""

    waited: float = 0.0


def _connect(path: str | Path, read_only: bool, config: DuckConfig | None) -> duckdb.DuckDBPyConnection:
    p = Path(path)
    if not read_only and p.is_file() and p.stat().st_size == 0:
        try:
            p.unlink()  # an empty file (``touch dyads.duckdb``, or a run killed as it began) becomes a store
        except OSError as exc:
            raise StoreError("E045", path=p, detail=exc.strerror or exc) from None
    exists = p.exists()
    if not exists and read_only:
        raise StoreError("E043", path=p)
    if exists and (why := _what_is(p)) is not None:
        raise StoreError("E040", path=p, detail=why)
    if not exists and not p.parent.is_dir():
        raise StoreError("E045", path=p, detail=f"no folder {str(p.parent)!r}")
    if exists:
        check_wal(p)
    try:
        con = duckdb.connect(str(p), read_only=read_only, config=CONFIG | (config or {}))
    except duckdb.Error as exc:
        raise _open_error(p, exc, exists) from None
    try:
        check_schema(con, p, create=not read_only)
    except BaseException:
        con.close()
        raise
    return con


def wal_path(p: Path) -> Path:
    return p.with_name(p.name + ".wal")


def check_wal(p: Path) -> None:
    """E111 when the file beside the store named like its write-ahead log is not one DuckDB wrote.

    DuckDB (1.5) replays the log a killed writer left, stopping quietly at a torn end (that part
    was never committed), but it also drops quietly a log whose first entry is not its version
    header: a damaged log, or a foreign file. That would lose its transactions without a word, so
    such a log is refused before DuckDB sees it (a log with a bad checksum further on makes DuckDB
    fail, which :func:`_open_error` reports the same way)."""
    wal = wal_path(p)
    try:
        with open(wal, "rb") as f:
            head = f.read(len(WAL_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError("E111", wal=wal, detail=f"cannot read it: {exc.strerror or exc}") from None
    if head and not _wal_head_ok(head):
        raise StoreError("E111", wal=wal, detail="it does not start as DuckDB's logs do")


# DuckDB's WAL starts with its version entry: field 100 (type) = WAL_VERSION (98), field 101 =
# the version, end of object. tests/store/test_store_wal.py checks this against a real log.
WAL_HEADER = b"\x64\x00\x62\x65\x00\x00\xff\xff"


def _wal_head_ok(head: bytes) -> bool:
    """``head`` is (a prefix of) DuckDB's header, any version number."""
    return all(i == 5 or head[i] == WAL_HEADER[i] for i in range(len(head)))


def _open_error(p: Path, exc: duckdb.Error, exists: bool) -> DyadsError:
    msg = str(exc)
    if "conflicting lock" in msg.lower() or "could not set lock" in msg.lower():
        return StoreLocked(message("E041", path=p, waited="0s"))
    if "replaying wal" in msg.lower():
        return StoreError("E111", wal=wal_path(p), detail=short(exc).split(": ", 1)[-1][:200])
    if exists and any(s in msg.lower() for s in ("read-only file system", "permission denied")):
        return StoreError("E110", path=p, detail=short(exc).rsplit(": ", 1)[-1])
    if not exists:
        return StoreError("E045", path=p, detail=short(exc))
    return StoreError("E040", path=p, detail=f"DuckDB cannot open it: {short(exc)}")


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    row = con.execute("SELECT value FROM dyads_meta WHERE key = 'schema_version'").fetchone()
    try:
        return int(row[0]) if row else None
    except (TypeError, ValueError):
        return None


def check_schema(con: duckdb.DuckDBPyConnection, path: Path, create: bool) -> None:
    """An empty database becomes a store (when writing); anything else must be a store we read.

    A store of schema version 1 is upgraded when opened for writing (``create``); opened
    read-only, it gets a temporary ``event_records`` view, so every query runs on it unchanged."""
    try:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if not tables:
            if not create:
                raise StoreError("E040", path=path, detail="an empty DuckDB database")
            create_schema(con)
            return
        if "dyads_meta" not in tables:
            found = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError("E040", path=path, detail=f"a DuckDB database without dyads tables: {found}")
        version = schema_version(con)
        if version is None:
            raise StoreError("E040", path=path, detail="no schema_version in dyads_meta")
        if version > SCHEMA_VERSION:
            raise StoreError("E044", path=path, found=version, supported=SCHEMA_VERSION)
        expected = V1_TABLES if version == 1 else (*TABLE_SCHEMAS, *VIEW_SCHEMAS)
        missing = [t for t in expected if t not in tables]
        if missing:
            raise StoreError("E040", path=path, detail=f"tables missing: {', '.join(missing)}")
        if version == 1:
            if create:
                migrate_v1(con)
            else:
                for stmt in v1_read_sql():
                    con.execute(stmt)
    except duckdb.Error as exc:
        raise StoreError("E040", path=path, detail=f"damaged: {short(exc)}") from None


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and record the schema version, in one transaction."""
    from dyads.version import __version__

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    con.execute("BEGIN TRANSACTION")
    try:
        for stmt in ddl():
            con.execute(stmt)
        con.executemany("INSERT INTO dyads_meta VALUES (?, ?)", [
            ["application", APPLICATION], ["schema_version", str(SCHEMA_VERSION)],
            ["created_at", now], ["created_by", f"dyads {__version__}"]])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor on an open store. DuckDB's cursors are connections of their own, without the
    temporary views of the one they come from: a version 1 store opened read-only gets its
    `event_records` view again on each."""
    cur = con.cursor()
    try:
        if schema_version(cur) == 1:
            for stmt in v1_read_sql():
                cur.execute(stmt)
    except BaseException:
        cur.close()
        raise
    return cur


def migrate_v1(con: duckdb.DuckDBPyConnection) -> None:
    """Schema version 1 -> 2 in one transaction: the wide `events` table becomes `event_records`
    (the fields every report shares, the counts, which mention is the first report) and the
    `events` view (the same columns and rows as the old table)."""
    from dyads.version import __version__

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    con.execute("SET enable_progress_bar = false")  # a long copy would draw DuckDB's bar on the terminal
    with transaction(con):
        for stmt in migrate_v1_sql():
            con.execute(stmt)
        con.execute("INSERT INTO dyads_meta VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
                    ["migrated_at", f"{now} version 1 -> {SCHEMA_VERSION} by dyads {__version__}"])


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One DuckDB transaction: committed when the block ends, rolled back if it raises."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
