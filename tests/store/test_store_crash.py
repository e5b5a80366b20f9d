"""Crash safety: a real `dyads ingest` killed with SIGKILL mid-run, then rerun, equals a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyads.services.ingest import ingest
from dyads.store import Store
from tests.store.conftest import snapshot

PAIRS = [("Japan", "North Korea"), ("Russia", "Ukraine"), ("China", "Pakistan"), ("France", "Germany"),
         ("India", "Nepal"), ("Turkey", "Syria"), ("Brazil", "Argentina"), ("Egypt", "Israel")]
VERBS = ["condemned", "praised", "threatened"]


def corpus(tmp_path: Path) -> tuple[Path, int]:
    """24 short articles, a duplicate text and a broken line."""
    lines = []
    for i, ((a, b), verb) in enumerate((p, v) for v in VERBS for p in PAIRS):
        text = f"{a} {verb} {b} on Tuesday. {b} rejected the statement from {a}."
        lines.append(json.dumps({"id": f"n{i:02d}", "date": f"2024-03-{1 + i % 28:02d}", "text": text,
                                 "source": ["wire", "paper"][i % 2]}))
    n = len(lines)
    lines.insert(5, lines[2].replace('"n02"', '"copy-of-n02"'))
    lines.insert(9, "{broken")
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, n


def dyads_ingest(src: Path, db: Path, env: dict[str, str], **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(src), "--db", str(db), "--verbose"],
                            env=env, text=True, **kw)


def _descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _run_and_kill(src: Path, db: Path, env: dict[str, str], flags: list[str], after: str) -> None:
    """Run `dyads ingest` and SIGKILL it when a stderr line starts with ``after``; its workers must go too."""
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(src), "--db", str(db), "--verbose", *flags],
                            env=env, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen, helpers = [], set()
    for line in proc.stderr:
        seen.append(line)
        if line.startswith(after):
            helpers = _descendants(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=120)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    deadline = time.monotonic() + 60
    while _alive(helpers) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _alive(helpers), f"worker processes outlived the killed ingest: {sorted(_alive(helpers))}"


RUNNERS = {"in-process": [], "2 workers": ["--workers", "2"], "dask": ["--dask", "--workers", "2"]}


@pytest.fixture(scope="module")
def clean_run(pipeline, tmp_path_factory) -> tuple[Path, int, dict]:
    """The corpus, its size, and the snapshot of one clean in-process run (batches of 2)."""
    folder = tmp_path_factory.mktemp("crash")
    src, n = corpus(folder)
    clean = folder / "clean.duckdb"
    ingest([src], clean, batch_size=2)
    assert len(snapshot(clean)["articles"]) == n
    return src, n, snapshot(clean, numbers=True)


@pytest.mark.parametrize("runner", list(RUNNERS))
def test_store_crash_sigkill_under_every_runner_then_resume_equals_clean_run(clean_run, tmp_path, runner):
    """Killed mid-run (in-process: killed again while resuming), then finished: the store equals one
    clean run, and no worker process outlives the killed ingest."""
    src, n, clean = clean_run
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "DYADS_INGEST_BATCH": "2"}
    _run_and_kill(src, db, env, RUNNERS[runner], after="batch 1 committed")
    if runner == "in-process":  # the resume, killed too (the other runners resume the same way)
        _run_and_kill(src, db, env, RUNNERS[runner], after="batch 2 committed")
    with Store.open(db, read_only=True) as store:
        stored = store.counts()["articles"]
    assert 2 <= stored < n, "each killed run committed at least one batch of 2, and none finished"
    final = subprocess.run([sys.executable, "-m", "dyads", "ingest", str(src), "--db", str(db), *RUNNERS[runner]],
                           env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode == 3, final.stderr  # 3: the broken line is reported as skipped
    assert f"{n - stored} new article(s)" in final.stdout and f"{stored + 1} already stored" in final.stdout
    assert snapshot(db, numbers=True) == clean


def test_store_crash_sigkill_at_start_leaves_a_usable_file(clean_run, tmp_path):
    src, n, clean = clean_run
    db = tmp_path / "early.duckdb"
    env = {**os.environ, "DYADS_INGEST_BATCH": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(src), "--db", str(db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not db.exists() and time.monotonic() < deadline:  # the moment the store file appears
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    rerun = subprocess.run([sys.executable, "-m", "dyads", "ingest", str(src), "--db", str(db)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 3, rerun.stderr
    assert snapshot(db, numbers=True) == clean
