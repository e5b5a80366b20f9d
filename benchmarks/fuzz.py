"""Hostile input at scale: readers, `dyads.code`, the command line, the HTTP edge, `dyads sql`, SIGKILL.

    .venv/bin/python benchmarks/fuzz.py                      # 10,000+ inputs through the readers and dyads.code
    .venv/bin/python benchmarks/fuzz.py --cli 300            # + the real CLI on 300 hostile files
    .venv/bin/python benchmarks/fuzz.py --http --sql         # + request bodies vs server RSS, dyads sql on 5 M rows
    .venv/bin/python benchmarks/fuzz.py --kills 3            # + 3 SIGKILLs at random moments per runner
    .venv/bin/python benchmarks/fuzz.py --scale 0.1 --seed 7 # a tenth of the inputs, another seed

The inputs come from the strategies of the property tests (tests/hostile/strategies.py), drawn at
random (``make test`` runs a few hundred fixed ones). Every count is printed; the targets are 0
uncaught exceptions, 0 good items lost, 0 tracebacks / wrong exit codes / hangs, 413 at the limit
with server RSS growth < 20 MB, `dyads sql` on 5 M rows under 300 MB, every killed store identical
to a clean run. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.hostile import strategies as S  # noqa: E402
from tests.hostile.test_hostile_code import check_batch, check_code  # noqa: E402
from tests.hostile.test_hostile_readers import check_csv, check_jsonl, check_truncated, read_file  # noqa: E402

PY = sys.executable


class Tally:
    """Counts per section, and the first few problems of each kind."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.examples: dict[str, list[str]] = collections.defaultdict(list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def problem(self, key: str, detail: str) -> None:
        self.counts[key] += 1
        if len(self.examples[key]) < 3:
            self.examples[key].append(detail[:300])


def run_property(name: str, strategy: st.SearchStrategy, check: Callable[..., list[str]], n: int, tally: Tally,
                 inputs: Callable[..., int], seed_value: int) -> None:
    """Draw ``n`` examples and check each, counting problems instead of stopping at the first."""
    started = time.perf_counter()

    @seed(seed_value)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(args: tuple) -> None:
        tally.add(f"{name}: examples")
        tally.add("inputs", inputs(*args))
        try:
            problems = check(*args)
        except Exception as exc:  # noqa: BLE001 - what the target counts
            tally.problem("uncaught exceptions", f"{name}: {type(exc).__name__}: {exc} "
                          f"{traceback.format_exc(limit=-2)}")
            return
        for p in problems:
            tally.problem("good items lost" if "good" in p else f"{name}: other problems", p)

    run()
    print(f"  {name}: {tally.counts[f'{name}: examples']:,} examples in {time.perf_counter() - started:.0f}s",
          flush=True)


def section_inputs(scale: float, tally: Tally, seed_value: int) -> None:
    import dyads

    dyads.get_pipeline()
    print("readers and dyads.code:", flush=True)
    n = lambda k: max(1, int(k * scale))  # noqa: E731
    run_property("jsonl files", st.tuples(S.jsonl_file(), st.booleans()), check_jsonl, n(700), tally,
                 lambda lines, gz: len(lines), seed_value)
    run_property("csv files", st.tuples(S.csv_file()), check_csv, n(500), tally, lambda rows: len(rows), seed_value)
    run_property("truncated gzip", st.tuples(S.jsonl_file(max_lines=6), st.floats(0, 1)), check_truncated, n(300),
                 tally, lambda lines, cut: 1, seed_value)

    def any_bytes(data: bytes, name: str) -> list[str]:
        items = read_file(name, data)
        return [] if all(type(i).__name__ in ("Article", "ReadError") for i in items) else ["not an item"]

    run_property("random bytes as files", st.tuples(st.binary(max_size=2000), st.sampled_from(
        ["x.jsonl", "x.jsonl.gz", "x.csv", "x.csv.gz", "x.tsv", "x.txt", "x.html", "x.warc", "x.warc.gz", "x.dat"])),
        any_bytes, n(1000), tally, lambda data, name: 1, seed_value)
    run_property("dyads.code texts", st.tuples(S.hostile_text()), check_code, n(2500), tally, lambda t: 1, seed_value)
    run_property("batches", st.tuples(st.lists(S.hostile_text(max_size=100), min_size=1, max_size=4),
                                      st.lists(st.sampled_from(S.GOOD_TEXTS), min_size=1, max_size=2)),
                 check_batch, n(150), tally, lambda texts, good: len(texts) + len(good), seed_value)


# -- the command line ---------------------------------------------------------------------------
def _forked_cli(args: list[str], timeout: float) -> tuple[int | None, str]:
    """Run ``dyads ARGS`` through the real entry point in a forked copy of this process (the model
    is loaded once, before forking); (exit status or None if it hung, stderr)."""
    from dyads import cli

    with tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:  # the child: the entry point, with stdout thrown away
            code = 1
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
                os.dup2(err.fileno(), 2)
                sys.argv = ["dyads", *args]
                try:
                    cli.main()
                    code = 0
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                except BaseException:  # noqa: BLE001 - a traceback main() let through
                    traceback.print_exc()
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
        deadline = time.monotonic() + timeout
        status = None
        while time.monotonic() < deadline:
            done, st_ = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(st_)
                break
            time.sleep(0.02)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        err.seek(0)
        return status, err.read().decode("utf-8", "replace")


def _expected_status(path: str) -> int:
    """What the README's exit status rules say for this input, from the library itself."""
    from dyads.io.readers import ReadError, read_inputs
    from dyads.runner import annotate

    items = list(annotate(read_inputs([path])))
    lost = sum(isinstance(i, ReadError) for i in items)
    coded = len(items) - lost
    return 0 if not lost else 1 if not coded else 3


def _special_inputs(folder: Path) -> list[tuple[str, int]]:
    """Paths that are no ordinary file, and the exit status each should give."""
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    loop = folder / "loop"
    loop.mkdir()
    (loop / "a.txt").write_text("Japan condemned North Korea.")
    (loop / "self").symlink_to(loop)
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    big = folder / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 2**20)  # a sparse 50 MB file of NULs
    return [(str(fifo), 1), ("", 1), (str(loop), 0), (str(folder / "dangling.txt"), 1), ("/dev/zero", 1),
            (str(big), 1), (str(folder / "nope.jsonl"), 1), ("/proc/self/status", 0)]


HOSTILE_FILE = st.one_of(
    st.tuples(st.just("jsonl"), S.jsonl_file(), st.sampled_from([".jsonl", ".jsonl.gz"])),
    st.tuples(st.just("csv"), S.csv_file(), st.just(".csv")),
    st.tuples(st.just("bytes"), st.binary(max_size=3000),
              st.sampled_from([".txt", ".jsonl", ".csv", ".html", ".warc.gz", ".dat"])),
    st.tuples(st.just("text"), S.hostile_text(), st.just(".txt")),
)


def _file_bytes(kind: str, value, suffix: str) -> bytes:
    if kind == "jsonl":
        return S.jsonl_bytes(value, gz=suffix.endswith(".gz"))
    if kind == "csv":
        return S.csv_bytes(value)
    if kind == "bytes":
        return value
    return value.encode("utf-8", "surrogatepass")


def _cli_case(tally: Tally, path: str, expected: int | None = None) -> list[str]:
    if expected is None:
        expected = _expected_status(path)
    status, err = _forked_cli(["code", path, "--format", "jsonl"], timeout=120)
    tally.add("cli: runs")
    if status is None:
        tally.problem("cli: hangs", path)
    elif "Traceback" in err:
        tally.problem("cli: tracebacks", f"{path}: {err[-300:]}")
    if status is not None and status != expected:
        tally.problem("cli: wrong exit codes", f"{path}: {status} (expected {expected}) {err[-200:]}")
    return []


def section_cli(count: int, tally: Tally, seed_value: int) -> None:
    import dyads

    dyads.get_pipeline()
    print(f"command line ({count} hostile files + special paths, the real entry point forked from a "
          "loaded process):", flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path, expected in _special_inputs(folder):
            _cli_case(tally, path, expected)
        counter = iter(range(10**9))

        @seed(seed_value)
        @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(HOSTILE_FILE)
        def run(case: tuple) -> None:
            kind, value, suffix = case
            path = folder / f"f{next(counter)}{suffix}"
            path.write_bytes(_file_bytes(kind, value, suffix))
            tally.add("inputs (cli files)")
            try:
                _cli_case(tally, str(path))
            finally:
                path.unlink()

        run()
    print(f"  {tally.counts['cli: runs']} runs in {time.perf_counter() - started:.0f}s", flush=True)


# -- the HTTP edge --------------------------------------------------------------------------------
def _rss(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, bytes."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) * 1024
    return fields["VmRSS"], fields["VmHWM"]


def _send(port: int, path: str, headers: dict[str, str], size: int, chunked: bool) -> tuple[int | str, float]:
    """POST ``size`` bytes of JSON-ish body; the status (or how the connection ended) and seconds."""
    import http.client

    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def body():
        sent = 0
        block = b" " * 2**16
        yield b'{"text": "'
        while sent < size:
            yield block
            sent += len(block)
        yield b'"}'

    try:
        if chunked:
            conn.request("POST", path, body=body(), headers=headers, encode_chunked=True)
        else:
            conn.putrequest("POST", path)
            for k, v in headers.items():
                conn.putheader(k, v)
            conn.putheader("Content-Length", str(size + 12))
            conn.endheaders()
            for block in body():
                conn.send(block)
        status: int | str = conn.getresponse().status
    except OSError as exc:
        status = type(exc).__name__
    finally:
        conn.close()
    return status, time.perf_counter() - started


def _warm_up(port: int) -> None:
    """Code one real text first, so the server has loaded its pipeline and model (about 400 MB, loaded
    on first use): the growth measured afterwards is what the bodies cost, not the model loading
    while they arrive (an unauthorised request of spaces loaded nothing, and the model's loading was
    counted against the bodies: 27-245 MB)."""
    import http.client
    import json

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        conn.request("POST", "/api/code", body=json.dumps({"text": "Japan condemned North Korea on Tuesday."}),
                     headers={"Content-Type": "application/json", "Authorization": "Bearer t"})
        conn.getresponse().read()
    finally:
        conn.close()


def section_http(tally: Tally) -> None:
    print("HTTP edge (a real `dyads serve`):", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.duckdb"
        src = Path(tmp) / "x.txt"
        src.write_text("Japan condemned North Korea on Tuesday.")
        subprocess.run([PY, "-m", "dyads", "ingest", str(src), "--db", str(db)], check=True, capture_output=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([PY, "-m", "dyads", "serve", "--db", str(db), "--port", str(port), "--token", "t"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            _warm_up(port)
            base_rss, base_hwm = _rss(server.pid)
            print(f"  server RSS before: {base_rss / 2**20:.0f} MB (peak {base_hwm / 2**20:.0f} MB)")
            cases = [("/api/code", 60 * 2**20, True), ("/api/articles", 150 * 2**20, True),
                     ("/api/code", 60 * 2**20, False), ("/api/articles", 150 * 2**20, False)]
            for path, size, chunked in cases:
                status, seconds = _send(port, path, {"Content-Type": "application/json",
                                                     "Authorization": "Bearer t"}, size, chunked)
                rss, hwm = _rss(server.pid)
                grown = hwm - base_hwm
                how = "chunked" if chunked else "Content-Length"
                print(f"  {size / 2**20:.0f} MB {how} to {path}: {status} in {seconds:.2f}s; "
                      f"peak RSS growth {grown / 2**20:.1f} MB")
                tally.add("http: bodies")
                if status != 413:
                    tally.problem("http: not refused at the limit", f"{path} {how}: {status}")
                if grown >= 20 * 2**20:
                    tally.problem("http: RSS growth >= 20 MB", f"{path} {how}: {grown / 2**20:.1f} MB")
        finally:
            server.terminate()
            server.wait(timeout=30)


# -- dyads sql ---------------------------------------------------------------------------------------
PEAK = """
import resource, subprocess, sys, time
t = time.perf_counter()
out = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(out.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, time.perf_counter() - t)
"""


def section_sql(tally: Tally, rows: int) -> None:
    print(f"dyads sql on {rows:,} rows (peak RSS of the command):", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.duckdb"
        src = Path(tmp) / "x.txt"
        src.write_text("Japan condemned North Korea on Tuesday.")
        subprocess.run([PY, "-m", "dyads", "ingest", str(src), "--db", str(db)], check=True, capture_output=True)
        for label, query, fmt in [("SELECT 1 (baseline)", "SELECT 1", "csv"),
                                  ("csv", f"SELECT range AS n, 'row ' || range AS s FROM range({rows})", "csv"),
                                  ("jsonl", f"SELECT range AS n, 'row ' || range AS s FROM range({rows})", "jsonl"),
                                  ("table", f"SELECT range AS n FROM range({rows})", "table")]:
            out = subprocess.run([PY, "-c", PEAK, PY, "-m", "dyads", "sql", query, "--db", str(db), "--format", fmt],
                                 capture_output=True, text=True)
            code, peak, seconds = out.stdout.split()
            print(f"  {label}: exit {code}, peak RSS {int(peak) / 2**20:.0f} MB, {float(seconds):.1f}s")
            if label != "SELECT 1 (baseline)":
                tally.add("sql: runs")
                if code != "0" or int(peak) >= 300 * 2**20:
                    tally.problem("sql: over 300 MB or failed", f"{label}: {code} {int(peak) / 2**20:.0f} MB")


# -- SIGKILL at random moments ---------------------------------------------------------------------
def section_kills(kills: int, tally: Tally, seed_value: int) -> None:
    from tests.store.conftest import snapshot
    from tests.store.test_store_crash import corpus

    from dyads.services.ingest import ingest

    rng = random.Random(seed_value)
    print(f"SIGKILL at random moments ({kills} per runner), then a rerun:", flush=True)
    runners = {"in-process": [], "2 workers": ["--workers", "2"], "dask": ["--dask", "--workers", "2"]}
    with tempfile.TemporaryDirectory() as tmp:
        src, _ = corpus(Path(tmp))
        clean = Path(tmp) / "clean.duckdb"
        ingest([src], clean, batch_size=2)
        want = snapshot(clean, numbers=True)
        env = {**os.environ, "DYADS_INGEST_BATCH": "2"}
        for name, flags in runners.items():
            full = time.perf_counter()
            subprocess.run([PY, "-m", "dyads", "ingest", str(src), "--db", str(Path(tmp) / f"t-{name}.duckdb"),
                            *flags], env=env, capture_output=True)
            duration = time.perf_counter() - full
            for k in range(kills):
                db = Path(tmp) / f"k-{name}-{k}.duckdb"
                delay = rng.uniform(0, duration)
                proc = subprocess.Popen([PY, "-m", "dyads", "ingest", str(src), "--db", str(db), *flags], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
                time.sleep(delay)
                os.killpg(proc.pid, signal.SIGKILL)  # the ingest and every worker it started
                proc.wait()
                subprocess.run([PY, "-m", "dyads", "ingest", str(src), "--db", str(db), *flags], env=env,
                               capture_output=True)
                same = snapshot(db, numbers=True) == want
                tally.add("kills")
                verdict = "identical" if same else "DIFFERENT"
                print(f"  {name}: killed after {delay:.1f}s of {duration:.1f}s -> {verdict}", flush=True)
                if not same:
                    tally.problem("kills: store differs from a clean run", f"{name} after {delay:.1f}s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="Multiply the number of inputs (1.0: 10,000+).")
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--cli", type=int, default=0, help="Run the CLI on this many hostile files.")
    ap.add_argument("--http", action="store_true", help="Oversized and chunked bodies against `dyads serve`.")
    ap.add_argument("--sql", type=int, nargs="?", const=5_000_000, default=0, help="`dyads sql` on N rows (5 M).")
    ap.add_argument("--kills", type=int, default=0, help="SIGKILLs at random moments per runner.")
    ap.add_argument("--no-inputs", action="store_true", help="Skip the readers and dyads.code section.")
    args = ap.parse_args()
    tally = Tally()
    started = time.perf_counter()
    if not args.no_inputs:
        section_inputs(args.scale, tally, args.seed)
    if args.cli:
        section_cli(args.cli, tally, args.seed)
    if args.http:
        section_http(tally)
    if args.sql:
        section_sql(tally, args.sql)
    if args.kills:
        section_kills(args.kills, tally, args.seed)
    print(f"\ncounts ({time.perf_counter() - started:.0f}s; peak RSS of this process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB):")
    for key, value in sorted(tally.counts.items()):
        print(f"  {key}: {value:,}")
    for key, examples in tally.examples.items():
        for ex in examples:
            print(f"  e.g. {key}: {ex}")
    missed = [k for k in tally.examples]
    print("targets: " + ("all met" if not missed else "MISSED: " + ", ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
