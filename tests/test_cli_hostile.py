"""The command line on hostile files: exit status and a summary line say what was lost; never a
traceback, never a hang."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app

runner = CliRunner()
GOOD = ["Japan condemned North Korea.", "Russia condemned Ukraine.", "China praised Pakistan."]
PARTIAL = 3  # exit status when some items were skipped (README: "Exit status")


def dyads_cli(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyads", *args], capture_output=True, text=True,
                          timeout=timeout, **kw)


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    p = tmp_path / "d.jsonl"
    lines = [json.dumps({"id": f"g{i}", "text": t}) for i, t in enumerate(GOOD)]
    lines.insert(1, "[" * 1000 + "]" * 1000)
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_cli_hostile_code_nested_line_codes_the_rest(nested: Path) -> None:
    res = runner.invoke(app, ["code", str(nested), "--format", "jsonl"])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code == PARTIAL, res.output
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["g0", "g1", "g2"]
    assert "E005 d.jsonl:2" in res.stderr
    assert "4 read, 3 coded, 1 skipped (E005 at d.jsonl:2)" in res.stderr


def test_cli_hostile_ingest_nested_line_stores_the_rest(nested: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    res = runner.invoke(app, ["ingest", str(nested), "--db", str(db)])
    assert res.exit_code == PARTIAL, res.output
    assert "3 new article(s)" in res.stdout and "1 skipped (E005 at d.jsonl:2)" in res.stdout
    from dyads.store import Store

    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 3


def test_cli_hostile_code_csv_stray_quote(tmp_path: Path) -> None:
    p = tmp_path / "q.csv"
    p.write_text('id,text\ng1,"Russia condemned Ukraine."\nbad,"a"b"c"\ng2,"Japan criticized North Korea."\n')
    res = runner.invoke(app, ["code", str(p), "--format", "csv"])
    assert res.exit_code == PARTIAL, res.output
    ids = {line.split(",")[0] for line in res.stdout.splitlines()[1:]}
    assert ids == {"g1", "g2"}
    assert "E011 q.csv:3" in res.stderr and "1 skipped (E011 at q.csv:3)" in res.stderr


def test_cli_hostile_everything_coded_exits_zero(tmp_path: Path) -> None:
    p = tmp_path / "ok.jsonl"
    p.write_text("".join(json.dumps({"text": t}) + "\n" for t in GOOD))
    res = runner.invoke(app, ["code", str(p), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert "3 read, 3 coded" in res.stderr and "skipped" not in res.stderr


def test_cli_hostile_fifo_does_not_hang(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    unblock = threading.Timer(10.0, lambda: os.close(os.open(fifo, os.O_WRONLY)))  # ends a hang as a failure
    unblock.daemon = True
    unblock.start()
    try:
        res = runner.invoke(app, ["code", str(fifo)])
    finally:
        unblock.cancel()
    assert res.exit_code == 1 and "E013" in res.stderr and "named pipe" in res.stderr


def test_cli_hostile_empty_path_is_an_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "here.txt").write_text(GOOD[0])
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["code", "", "--format", "jsonl"])
    assert res.exit_code == 1 and "E007" in res.stderr and res.stdout == ""


def test_cli_hostile_unexpected_error_is_one_line(monkeypatch, capsys) -> None:
    from dyads import cli

    def boom() -> None:
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(cli, "app", boom)
    with pytest.raises(SystemExit) as info:
        cli.main()
    err = capsys.readouterr().err
    assert info.value.code == 1
    assert err.startswith("error: E032") and "RuntimeError" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def _read_only_mount(folder: Path) -> list[str] | None:
    """A command prefix that runs with ``folder`` bind-mounted read-only in a private mount namespace."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for flags in (["-m"], ["-rm"]):
        probe = subprocess.run([unshare, *flags, "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}'"],
                               capture_output=True)
        if probe.returncode == 0:
            return [unshare, *flags, "sh", "-c", f"mount --bind -o ro '{folder}' '{folder}' && exec \"$0\" \"$@\""]
    return None


def test_cli_hostile_store_on_a_read_only_filesystem(tmp_path: Path, pipeline) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.duckdb"
    src = tmp_path / "x.txt"
    src.write_text(GOOD[0])
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db)]).exit_code == 0
    prefix = _read_only_mount(folder)
    if prefix is None:
        pytest.skip("cannot mount a read-only folder here (needs unshare and mount rights)")
    out = subprocess.run([*prefix, sys.executable, "-m", "dyads", "ingest", str(src), "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "E110" in out.stderr and "read-only" in out.stderr.lower()
    assert "remove" not in out.stderr  # the store is good: nothing may advise deleting it
    events = subprocess.run([*prefix, sys.executable, "-m", "dyads", "events", "--db", str(db), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=120)
    assert events.returncode == 0 and "JPN" in events.stdout
