"""The example article: all six gold quotes with the right speakers; the deliveries are claimed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


@pytest.fixture(scope="module")
def seed(pipeline):
    import dyads

    shared = SHARED
    if not (shared / "data" / "seed").is_dir():
        pytest.skip("../shared is not beside the repository")
    text = (shared / "data" / "seed" / "kremlin-north-korea.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "data" / "seed" / "kremlin-north-korea.gold.json").read_text(encoding="utf-8"))
    return dyads.code(text, date="2024-01-17", id="kremlin-north-korea"), gold


def test_quotes_seed_all_six_with_speakers(seed):
    art, gold = seed
    for g in gold["quotes"]:
        hits = [q for q in art.quotes if (q.content.text in g["content"] or g["content"] in q.content.text)
                and min(len(q.content.text), len(g["content"])) >= 0.5 * len(g["content"])]
        assert hits, g["id"]
        q = hits[0]
        assert q.speaker is not None and q.speaker.country == g["speaker_actor"][:3], (g["id"], q.speaker)
        assert q.speaker_name and g["speaker"].split()[-1] in q.speaker_name, (g["id"], q.speaker_name)


def test_quotes_seed_deliveries_claimed_by_usa(seed):
    art, _ = seed
    ev = [e for e in art.events if "missile deliveries" in e.evidence.text and e.source and e.source.country == "PRK"]
    assert ev and ev[0].modality == "claimed" and ev[0].attributed_to.country == "USA"
