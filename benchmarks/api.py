"""API benchmark: requests/s and latency of the timeline and events endpoints on a 1M-event store.

    .venv/bin/python benchmarks/api.py [--events 1000000] [--requests 400] [--threads 4] [--db FILE]

1. Builds a store of about ``--events`` synthetic event records through the store's bulk-load path
   (``Store.write`` with Arrow batches from ``benchmarks/store.py``'s generator: 60 actor codes,
   10 years, real CAMEO codes; several mentions per event as in a real corpus). Not timed.
2. Starts ``dyads serve`` on 127.0.0.1 (a separate process, as users run it) and sends a bounded
   loop of requests with keep-alive: first one client at a time (latency), then ``--threads``
   clients at once (throughput). Each request varies its actors, dates and offsets.
3. Prints requests/s, p50 and p99 latency per endpoint and the error count (targets: p99 <= 200 ms,
   zero errors).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
COUNTRIES = ["RUS", "PRK", "USA", "CHN", "UKR", "GBR", "FRA", "DEU", "JPN", "KOR", "IRN", "ISR", "TUR", "SYR"]
MENTIONS_PER_EVENT = 2.05  # what the generator needs for one distinct event record on average


def _store_bench():
    """The synthetic generator of benchmarks/store.py (one generator for both benchmarks)."""
    spec = importlib.util.spec_from_file_location("dyads_store_bench", HERE / "store.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_store(db: Path, events: int, batch: int = 500_000) -> dict[str, int]:
    from dyads.store import Store

    mentions = int(events * MENTIONS_PER_EVENT)
    gen = _store_bench().Synthetic(mentions)
    t0 = time.perf_counter()
    written = 0
    with Store.open(db) as store:
        while written < mentions:
            res = store.write(gen.batch(min(batch, mentions - written)))
            written += res.mentions
        counts = store.counts()
    print(f"store: {counts['events']:,} event records from {counts['mentions']:,} mentions in "
          f"{counts['articles']:,} articles, built in {time.perf_counter() - t0:.1f} s "
          f"({db.stat().st_size / 1e6:.0f} MB)", flush=True)
    return counts


def start_server(db: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).parent / "dyads"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)], env=os.environ | {
        "DYADS_TOKEN": ""}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"dyads serve did not start: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.2)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timeline_urls(rng: random.Random) -> Callable[[], str]:
    def make() -> str:
        a, b = rng.sample(COUNTRIES, 2)
        by = rng.choice(["month", "month", "month", "quarter", "year"])
        if rng.random() < 0.3:
            y = rng.randint(2015, 2023)
            return f"/api/dyads/{a}/{b}/timeline?by={by}&since={y}-01&until={y + 1}-12"
        return f"/api/dyads/{a}/{b}/timeline?by={by}"
    return make


def events_urls(rng: random.Random) -> Callable[[], str]:
    def make() -> str:
        a, b = rng.sample(COUNTRIES, 2)
        kind = rng.random()
        offset = rng.choice([0, 0, 50, 200, 1000])
        if kind < 0.4:
            return f"/api/events?source={a}&target={b}&limit=40&offset={offset}"
        if kind < 0.6:
            return f"/api/events?source={a}&target={b}&both=true&limit=40&offset={offset}"
        if kind < 0.8:
            y = rng.randint(2015, 2024)
            return f"/api/events?source={a}&since={y}-01&until={y}-06&root={rng.randint(1, 20):02d}&limit=40"
        return f"/api/events?since={rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}&quad={rng.randint(1, 4)}&limit=40"
    return make


def run(base: str, make_url: Callable[[], str], n: int, threads: int) -> tuple[list[float], int, float]:
    """``n`` requests over ``threads`` keep-alive clients: latencies (ms), errors, wall seconds."""
    lat: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = itertools.count()

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=30) as client:
            while next(counter) < n:
                with lock:
                    url = make_url()
                t0 = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    lat.append(ms)
                    errors += not ok
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    t0 = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return lat, errors, time.perf_counter() - t0


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic event records in the store")
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint and phase")
    ap.add_argument("--threads", type=int, default=4, help="concurrent clients in the throughput phase")
    ap.add_argument("--db", type=Path, help="an existing store to use (default: build one in a temp dir)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dyads-api-bench-") as tmp:
        db = a.db or Path(tmp) / "api.duckdb"
        if not db.exists():
            build_store(db, a.events)
        port = free_port()
        server = start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            rng = random.Random(7)
            for make in (timeline_urls(rng), events_urls(rng)):  # warm up the server and DuckDB's cache
                run(base, make, 30, 1)
            print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the run")
            print(f"{'endpoint':<10} {'clients':>7} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
                  f"{'max ms':>7} {'errors':>6}")
            total_errors, worst_p99 = 0, 0.0
            for name, make in (("timeline", timeline_urls(rng)), ("events", events_urls(rng))):
                for threads in (1, a.threads):
                    lat, errors, wall = run(base, make, a.requests, threads)
                    p99 = pct(lat, 99)
                    total_errors += errors
                    worst_p99 = max(worst_p99, p99)
                    print(f"{name:<10} {threads:>7} {len(lat):>8} {len(lat) / wall:>7.0f} "
                          f"{statistics.median(lat):>7.1f} {p99:>7.1f} {max(lat):>7.1f} {errors:>6}", flush=True)
            verdict = "met" if worst_p99 <= 200 and total_errors == 0 else "NOT met"
            print(f"targets p99 <= 200 ms and zero errors: {verdict} (worst p99 {worst_p99:.1f} ms, "
                  f"{total_errors} errors); load average {os.getloadavg()[0]:.1f} after the run")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
