"""Crash safety: a real `dyads ingest` killed with SIGKILL mid-run, then rerun, equals a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
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


@pytest.mark.parametrize("batch", [2])
def test_store_crash_sigkill_mid_run_then_rerun_equals_clean_run(pipeline, tmp_path, batch):
    src, n = corpus(tmp_path)
    clean = tmp_path / "clean.duckdb"
    ingest([src], clean, batch_size=batch)

    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "DYADS_INGEST_BATCH": str(batch)}
    proc = dyads_ingest(src, db, env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("batch 1 committed"):
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "".join(seen)

    with Store.open(db, read_only=True) as store:
        stored = store.counts()["articles"]
    assert batch <= stored < n, "killed after the first commit and before the end"

    rerun = dyads_ingest(src, db, env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{n - stored} new article(s)" in out and f"{stored + 1} already stored, 1 failed" in out  # + the copy
    assert snapshot(db, numbers=True) == snapshot(clean, numbers=True)
    assert len(snapshot(clean)["articles"]) == n
