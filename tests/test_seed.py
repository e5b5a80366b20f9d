"""The example article, scored by the maintainers' scorer against its hand-coded reference."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_seed_article_scores(shared: Path, tmp_path: Path) -> None:
    seed = shared / "data/seed/kremlin-north-korea.txt"
    out = subprocess.run([sys.executable, "-m", "dyads", "code", str(seed), "--date", "2024-01-17",
                          "--format", "jsonl"], capture_output=True, text=True, check=True)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(out.stdout, encoding="utf-8")
    res = subprocess.run([sys.executable, str(shared / "tools/score.py"), str(pred),
                          str(shared / "data/seed/kremlin-north-korea.gold.json"), "--json"],
                         capture_output=True, text=True, check=True)
    score = json.loads(res.stdout)
    assert score["recall"] >= 0.8, score
    assert score["precision"] >= 0.8, score
    assert score["must_not_violations"] == [], score
    ok, total = map(int, score["dates_correct"].split("/"))
    assert ok == total, score
