"""The terminal: help that reads well at 80 columns, tables that fit it, progress with a total."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app
from dyads.cli.output import write_table
from dyads.io.readers import count_items
from dyads.runner.progress import plain_line, track

runner = CliRunner()
COMMANDS = ["code", "ingest", "events", "dyad", "actors", "sql", "export", "eval", "serve", "watch", "demo"]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_cli_terminal_help_reads_well_at_80_columns(command: list[str]) -> None:
    """No Python types as placeholders (<bool>, <list[str]>), no sentence broken where the
    docstring's source line ended ('several articles becomes' / 'one event record')."""
    res = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80", "TERM": "dumb"})
    assert res.exit_code == 0, res.output
    out = res.output
    assert not re.search(r"<(bool|str|int|float|path|list\[[a-z]+\])>", out), out
    lines = out.splitlines()
    assert max(len(x) for x in lines) <= 80
    # the description: the lines between the usage line and the first panel
    start = next(i for i, x in enumerate(lines) if x.strip().startswith("Usage:")) + 1
    end = next((i for i, x in enumerate(lines) if x.startswith("╭")), len(lines))
    desc = [x.strip() for x in lines[start:end]]
    for this, following in zip(desc, desc[1:], strict=False):
        if this and following:  # a line followed by more of its paragraph was filled to the width
            assert len(this) >= 55, f"hard-wrapped: {this!r} / {following!r}"


ROWS = [{"date": "2024-01-16", "source": "JPN (Japan)", "event": "111 Criticize or denounce",
         "target": "PRK (North Korea)", "quad": 3, "goldstein": -2.0, "modality": "asserted",
         "evidence": "Japan condemned North Korea on Tuesday after the launch of a satellite"}]
COLUMNS = ["date", "source", "event", "target", "quad", "goldstein", "modality", "evidence"]


@pytest.mark.parametrize("width", [80, 100])
def test_cli_terminal_table_fits_the_width(width: int) -> None:
    out = io.StringIO()
    write_table(ROWS, COLUMNS, title="1 event", optional=["quad", "goldstein", "modality"],
                console=Console(file=out, width=width, force_terminal=False, color_system=None))
    text = out.getvalue()
    assert max(len(x) for x in text.splitlines()) <= width
    assert "2024-01-16" in text  # a date is never folded
    headers = next(x for x in text.splitlines() if "date" in x)
    for h in ("date", "source", "event", "target", "evidence"):
        assert h in headers  # headers are never broken
    if width == 80:
        assert "--wide" in text and "goldstein" not in headers


def test_cli_terminal_table_wide_keeps_every_column() -> None:
    out = io.StringIO()
    write_table(ROWS, COLUMNS, optional=["quad", "goldstein", "modality"], wide=True,
                console=Console(file=out, width=80, color_system=None))
    assert all(c in out.getvalue() for c in COLUMNS)


def test_cli_terminal_code_table_wide_flag(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Japan condemned North Korea on Tuesday.")
    res = runner.invoke(app, ["code", str(story), "--date", "2024-01-17", "--wide"], env={"COLUMNS": "80"})
    assert res.exit_code == 0 and "goldstein" in res.stdout


def test_cli_terminal_progress_line_has_total_and_eta() -> None:
    assert plain_line("ingesting", 640, 320.0, 2000) == \
        "ingesting: 640 of 2,000 articles (32%), 2.0/s, about 11 min left"
    assert plain_line("coding", 10, 5.0, None) == "coding: 10 articles, 2.0/s"
    out = io.StringIO()
    assert list(track(range(5), lambda _: 1, label="coding", stream=out, interval=0.0, total=5)) == list(range(5))
    assert "of 5 articles" in out.getvalue()


def test_cli_terminal_count_items(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.jsonl").write_text("".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(7)) + "\n")
    (tmp_path / "c.csv").write_text('text,id\n"a, b",1\n"multi\nline",2\n')
    assert count_items([tmp_path]) == 1 + 7 + 2
    assert count_items([tmp_path / "b.jsonl", tmp_path / "a.txt"]) == 8
    assert count_items(["-"]) is None
