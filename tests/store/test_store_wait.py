"""Writers wait politely: `ingest` and `watch` wait (``--wait``, bounded) for another process's lock,
say so, and retry; `watch` does the same at start and later."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app
from dyads.store import Store

runner = CliRunner()
TEXT = "Japan condemned North Korea on Tuesday."

HOLD = """
import select, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)  # what `dyads serve` holds while it answers
print("held", flush=True)
select.select([sys.stdin], [], [], float(sys.argv[2]))  # until told to let go, or the time is up
con.close()
"""


def hold(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the store (read-only, as `dyads serve` does) for ``seconds``, or
    until a line is written to its stdin."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def run_until_waiting(args: list[str], holder: subprocess.Popen) -> subprocess.CompletedProcess:
    """Run ``dyads ARGS``; when it says it is waiting for the store, the holder lets go."""
    proc = subprocess.Popen([sys.executable, "-m", "dyads", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    err = []
    for line in proc.stderr:
        err.append(line)
        if "waiting" in line:
            holder.stdin.write("go\n")
            holder.stdin.flush()
            break
    rest_out, rest_err = proc.communicate(timeout=180)
    holder.wait(timeout=30)
    return subprocess.CompletedProcess(proc.args, proc.returncode, rest_out, "".join(err) + rest_err)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    with Store.open(db):
        pass
    return db


@pytest.fixture
def story(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def _ingest(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyads", "ingest", *args], capture_output=True, text=True,
                          timeout=timeout)


def test_store_wait_ingest_waits_for_the_lock_then_writes(store: Path, story: Path) -> None:
    holder = hold(store, 120)
    try:
        out = run_until_waiting(["ingest", str(story), "--db", str(store), "--wait", "60s"], holder)
    finally:
        holder.kill()
    assert out.returncode == 0, out.stderr
    assert "waiting" in out.stderr and str(store) in out.stderr
    assert "1 new article(s)" in out.stdout


def test_store_wait_ingest_gives_up_after_the_wait_with_a_message(store: Path, story: Path) -> None:
    holder = hold(store, 120)
    try:
        started = time.monotonic()
        out = _ingest(str(story), "--db", str(store), "--wait", "2s")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "E041" in out.stderr and "waited 2s" in out.stderr and "--wait" in out.stderr
    assert waited >= 2


def test_store_wait_zero_fails_at_once(store: Path, story: Path) -> None:
    holder = hold(store, 120)
    try:
        out = _ingest(str(story), "--db", str(store), "--wait", "0")
    finally:
        holder.kill()
        holder.wait()
    assert out.returncode == 2 and "E041" in out.stderr and "waiting" not in out.stderr


@pytest.mark.parametrize("command", ["ingest", "watch"])
def test_store_wait_is_documented_with_its_default(command: str) -> None:
    res = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert "--wait" in res.stdout and "60s" in res.stdout


@pytest.mark.parametrize("value", ["soon", "-5s"])
def test_store_wait_bad_value_is_a_numbered_error(store: Path, story: Path, value: str) -> None:
    res = runner.invoke(app, ["ingest", str(story), "--db", str(store), "--wait", value])
    assert res.exit_code != 0 and "E074" in str(res.exception or res.output)


def _feed(tmp_path: Path) -> Path:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Tokyo protests</title></head><body><article><h1>Tokyo protests</h1>"
                    f"<p>{TEXT} The foreign ministry in Tokyo said the launch broke the resolutions.</p>"
                    "<p>Officials in Seoul also condemned the launch on Tuesday and called for talks.</p>"
                    "</article></body></html>", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Saved</title>'
                    "<item><title>Tokyo</title><link>page.html</link></item></channel></rss>", encoding="utf-8")
    return feed


def test_store_wait_watch_locked_at_start_waits(store: Path, tmp_path: Path) -> None:
    holder = hold(store, 120)
    try:
        out = run_until_waiting(["watch", str(_feed(tmp_path)), "--db", str(store), "--once", "--wait", "60s"],
                                holder)
    finally:
        holder.kill()
    assert out.returncode == 0, out.stderr
    assert "waiting" in out.stderr
    with Store.open(store, read_only=True) as s:
        assert s.counts()["articles"] == 1


def test_store_wait_watch_locked_at_start_and_later_alike(store: Path, tmp_path: Path, pipeline) -> None:
    """Locked past the wait, at start or in a later round: the round is reported and the loop goes on."""
    from dyads.services.watch import run_watch

    feed = _feed(tmp_path)
    messages: list[str] = []
    holder = hold(store, 120)
    rounds = []

    def sleep(seconds: float) -> None:
        if len(rounds) == 1:  # the store is free before the second round
            holder.kill()
            holder.wait()

    try:
        for rep in run_watch([str(feed)], store, every=1, wait=1.0, report=messages.append, sleep=sleep):
            rounds.append(rep)
            if len(rounds) == 2:
                break
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert any("E041" in m and "waited 1s" in m for m in messages), messages
    assert rounds[0].ingested == 0 and rounds[1].ingested == 1
