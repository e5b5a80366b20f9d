"""Tone (GDELT-like) and loaded language in the article's own voice."""

from __future__ import annotations

import pytest

from dyads.annotate.tone import load_tone_lexicon, tone_of


@pytest.mark.parametrize(("text", "sign"), [
    ("The talks were a great success and brought peace.", 1),
    ("The attack killed dozens and caused chaos.", -1),
    ("The committee met on Tuesday.", 0),
])
def test_tone_sign(text, sign):
    t = tone_of(text, load_tone_lexicon())
    assert (t["tone"] > 0) - (t["tone"] < 0) == sign
    assert t["words"] == len(text.split())


@pytest.mark.parametrize(("text", "flagged", "not_flagged"), [
    ("North Korea has been under harsh sanctions for years over its defensive nuclear and ballistic "
     "missile programs. Seoul said the “brutal regime” must stop.",
     ["harsh sanctions", "defensive nuclear and ballistic missile programs"], ["brutal", "regime"]),
])
def test_tone_loaded_language_own_voice_only(code, text, flagged, not_flagged):
    art = code(text)
    spans = art.meta["loaded_language"]
    texts = [s["text"] for s in spans]
    for f in flagged:
        assert f in texts
    for n in not_flagged:
        assert not any(n in t for t in texts)
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    assert isinstance(art.tone, float)
