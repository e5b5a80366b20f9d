"""Read-only access to the DuckDB store for the HTTP server.

DuckDB allows one writing process, or any number of read-only connections, per file. The server
opens the store read-only when a request needs it (requests that overlap share it, each with its
own cursor) and lets go of it as soon as no request is using it (``idle_seconds``, 0 by default),
so ``dyads ingest`` and ``dyads watch`` can write between two requests. While a writer holds the
file (one batch's commit), opening waits up to ``lock_wait`` seconds before answering 503.
Whole-store summaries are remembered until the file changes. Writes made by the server itself
(``POST /api/articles``) wait for the readers to finish and write through the store's writer.
See docs/store.md, "Sharing a store".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from dyads.errors import DyadsError, StoreBusy, StoreError

T = TypeVar("T")


class StoreHandle:
    """One read-only DuckDB database shared by request threads; reopened on demand."""

    def __init__(self, path: str | Path, idle_seconds: float = 0.0, lock_wait: float | None = None) -> None:
        from dyads.store.db import LOCK_WAIT

        self.path = Path(path)
        self.idle_seconds = idle_seconds
        self.lock_wait = LOCK_WAIT if lock_wait is None else lock_wait
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._readers = 0
        self._writing = False
        self._last_used = 0.0
        self._stamp: tuple[float, int] | None = None
        self._closer: threading.Timer | None = None
        self._memo: dict[Hashable, Any] = {}
        self._memo_stamp: tuple[float, int] | None = None

    # -- reading ---------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the read-only store; raises a StoreError (503) if it cannot be opened."""
        from dyads.store.db import cursor

        with self._cond:
            while self._writing:
                self._cond.wait()
            con = self._open_locked()
            self._readers += 1
        cur = None
        try:
            cur = cursor(con)  # a version 1 store's compatibility view is per cursor
            yield cur
        finally:
            if cur is not None:
                cur.close()
            with self._cond:
                self._readers -= 1
                self._last_used = time.monotonic()
                if self._readers == 0:
                    self._cond.notify_all()
                    self._schedule_close_locked()

    def memo(self, key: Hashable, con: duckdb.DuckDBPyConnection, compute: Callable[[duckdb.DuckDBPyConnection], T]
             ) -> T:
        """``compute(con)``, remembered until the store file changes (for whole-store summaries)."""
        with self._cond:
            stamp = self._stamp
            if stamp != self._memo_stamp:
                self._memo = {}
                self._memo_stamp = stamp
            if key in self._memo:
                return self._memo[key]
        value = compute(con)
        with self._cond:
            if self._memo_stamp == stamp:
                self._memo[key] = value
        return value

    def _file_stamp(self) -> tuple[float, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def _open_locked(self) -> duckdb.DuckDBPyConnection:
        stamp = self._file_stamp()
        if stamp is None:
            self._close_locked()
            raise StoreError("E043", path=self.path)
        if self._con is not None and stamp != self._stamp and self._readers == 0:
            self._close_locked()  # the file changed on disk (another writer): see the new data
        if self._con is None:
            self._con = _connect(self.path, self.lock_wait)
            self._stamp = self._file_stamp() or stamp  # a writer may have committed while we waited
        return self._con

    def _schedule_close_locked(self) -> None:
        if self.idle_seconds <= 0:
            self._close_locked()
            return
        if self._closer is not None:
            return
        self._closer = threading.Timer(self.idle_seconds, self._close_if_idle)
        self._closer.daemon = True
        self._closer.start()

    def _close_if_idle(self) -> None:
        with self._cond:
            self._closer = None
            if self._readers:
                return
            idle = time.monotonic() - self._last_used
            if idle >= self.idle_seconds:
                self._close_locked()
            else:
                self._schedule_close_locked()

    def _close_locked(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
            self._stamp = None

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def exclusive(self) -> Iterator[Path]:
        """Wait for readers to finish and close the read-only database; yields the store path."""
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
            self._close_locked()
        try:
            yield self.path
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            if self._closer is not None:
                self._closer.cancel()
                self._closer = None
            self._close_locked()


def _connect(path: Path, wait: float) -> duckdb.DuckDBPyConnection:
    """The store opened read-only by the store's own opener (it checks the file is a dyads store),
    waiting up to ``wait`` seconds for a writer to commit its batch."""
    from dyads.store import db

    try:
        return db.connect(path, read_only=True, wait=wait)
    except DyadsError as exc:
        if exc.code == "E041":  # locked by a writer: a moment's wait, said as such (503 + Retry-After)
            raise StoreBusy("E101", path=path, detail="another process is writing it") from None
        raise
