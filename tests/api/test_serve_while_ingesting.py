"""`dyads serve` and `dyads ingest` on one store at the same time, as two real processes: while 200
articles are ingested the API is polled every 100 ms; every poll answers 200, new events show up
while the ingest runs, and the final counts are those of one clean run without a server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import free_port
from tests.conftest import bench_articles

BIN = Path(sys.executable).parent / "dyads"
N_ARTICLES = 200


def _counts(path: Path) -> dict[str, int]:
    from dyads.store import db

    con = db.connect(path, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "event_records", "mentions", "quotes", "entities")}
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """200 short wire stories (Reuters-21578, after the ones in `bench_store`)."""
    arts = bench_articles({"reuters": N_ARTICLES}, skip=40)
    path = tmp_path_factory.mktemp("serve-ingest") / "reuters.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    return path


def _wait_for_server(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{url}/api/health", timeout=2)
            return
        except httpx.TransportError:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "dyads serve did not start"
            time.sleep(0.1)


def test_serve_while_ingesting_two_processes(corpus, tmp_path) -> None:
    from dyads.services.ingest import ingest
    from dyads.store import Store

    db = tmp_path / "live.duckdb"
    Store.open(db).close()  # an empty store for the server to open
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = os.environ | {"DYADS_TOKEN": ""}
    server = subprocess.Popen([str(BIN), "serve", "--db", str(db), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    polls: list[tuple[float, int, int | None]] = []
    stop = threading.Event()

    def poll() -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            while not stop.is_set():
                started = time.monotonic()
                r = client.get("/api/overview")
                polls.append((started, r.status_code, r.json().get("all_events") if r.status_code == 200 else None))
                client.get("/api/events", params={"limit": 5})  # a page of rows too, on the same store
                stop.wait(max(0.0, 0.1 - (time.monotonic() - started)))

    reference = tmp_path / "reference.duckdb"
    try:
        _wait_for_server(url, server)
        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        writer = subprocess.Popen([str(BIN), "ingest", str(corpus), "--db", str(db), "--batch-size", "20"],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # meanwhile, the same articles into a store no server reads (the other core)
        ingest([corpus], reference)
        out, err = writer.communicate(timeout=600)
        ingest_done = time.monotonic()
        time.sleep(0.3)  # a last poll or two after the end
        stop.set()
        poller.join(timeout=30)
    finally:
        stop.set()
        server.terminate()
        _, server_err = server.communicate(timeout=30)
    assert writer.returncode == 0, err
    assert "Traceback" not in server_err and "Traceback" not in err
    assert len(polls) >= 20
    bad = [(round(t - polls[0][0], 2), s) for t, s, _ in polls if s != 200]
    assert not bad, f"{len(bad)} of {len(polls)} polls did not answer 200: {bad[:5]}"
    during = [n for t, _, n in polls if t < ingest_done]
    assert len(set(during)) >= 3, f"the events did not appear while ingest ran: {sorted(set(during))}"
    assert during == sorted(during)  # counts only grow
    final = _counts(db)
    assert final == _counts(reference)
    assert polls[-1][2] == final["event_records"]
    assert final["articles"] >= N_ARTICLES - 5
