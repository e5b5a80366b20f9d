"""PETRARCH discard lists: story and sentence discards, stems and whole words."""

from __future__ import annotations

import pytest

from dyads.io.petrarch import read_discards

TEXT = """# Story-level discards are indicated with a '+'.
MONTHS LATER
+World Golf Championships   # pas 26-Feb-2014
BASEBALL
AFRICAN NATIONS CUP_
+TYPHOON   # ELH 04 Aug 2009
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor is about to restore baseball competition with Gondor.", ("sentence", "BASEBALL")),
        ("They play baseballs.", ("sentence", "BASEBALL")),  # no trailing '_': a stem
        ("A typhoon trashed its embassy.", ("story", "TYPHOON")),
        ("The African Nations Cup final.", ("sentence", "AFRICAN NATIONS CUP")),
        ("The African Nations Cups.", None),  # trailing '_': the word must end there
        ("Arnor restored ties with Gondor.", None),
        ("Typhoons and baseball.", ("story", "TYPHOON")),  # a story discard wins
    ],
)
def test_petrarch_discards_find(text, expected) -> None:
    f = read_discards(TEXT, "t.discards.txt")
    assert f.problems == []
    hit = f.find(text)
    assert (hit[0], hit[1].text) == expected if expected else hit is None


def test_petrarch_discards_reject_codes() -> None:
    f = read_discards("GOOD\nBAD [###]\n+\n", "t.discards.txt")
    assert [e.text for e in f.entries] == ["GOOD"]
    assert [p.line for p in f.problems] == [2, 3]
