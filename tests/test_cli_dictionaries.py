"""`--dictionaries DIR` on `dyads code`: a user's PETRARCH dictionaries, checked before coding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app
from dyads.errors import DyadsError

# --dictionaries sets these for the run (worker processes inherit them): isolate every invocation
ENV = {"DYADS_DICTIONARIES": None, "DYADS_DICTIONARIES_MODE": None}
runner = CliRunner()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "dicts"
    d.mkdir()
    (d / "mine.actors.txt").write_text("ARNOR [ARN]\nGONDOR [GON]\nBAD_DATE\n\t[ARN 2004017-20061201]\n")
    (d / "mine.verbs.txt").write_text("--- RESTORE [064] ---\nRESTORE\n- * DIPLOMATIC TIES [065]\n")
    return d


def test_cli_dictionaries_code_with_them(folder: Path, tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Arnor restored diplomatic ties with Gondor.")
    res = runner.invoke(app, ["code", str(story), "--date", "1995-01-01", "--format", "jsonl",
                              "--dictionaries", str(folder), "--dictionaries-mode", "replace"], env=ENV)
    assert res.exit_code == 0, res.output
    ev = json.loads(res.stdout.strip().splitlines()[-1])["events"][0]
    assert (ev["source"]["code"], ev["cameo"], ev["target"]["code"]) == ("ARN", "065", "GON")
    assert ev["rule"].startswith("petrarch:mine.verbs.txt@") and ev["source"]["dictionary"].startswith("mine.actors")
    assert "E120 mine.actors.txt:4:" in res.stderr  # the bad line is named, the rest is used


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--dictionaries", "/no/such/folder"], "E121"), (["--dictionaries-mode", "merge"], "E124")],
)
def test_cli_dictionaries_bad_setting_fails_before_coding(folder: Path, tmp_path: Path, args, code) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Arnor restored diplomatic ties with Gondor.")
    res = runner.invoke(app, ["code", str(story), *args], env=ENV)
    assert isinstance(res.exception, DyadsError) and str(res.exception).startswith(code)


def test_cli_dictionaries_folder_without_dictionaries_is_one_line(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Arnor restored diplomatic ties with Gondor.")
    res = subprocess.run([sys.executable, "-m", "dyads", "code", str(story), "--dictionaries", str(tmp_path)],
                         capture_output=True, text=True, env={**os.environ, "DYADS_DICTIONARIES": ""})
    assert res.returncode == 2
    assert res.stderr.strip().startswith("error: E122") and "Traceback" not in res.stderr
