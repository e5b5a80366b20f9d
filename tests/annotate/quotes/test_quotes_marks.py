"""Quotation-mark pairing (pure string work, no model)."""

from __future__ import annotations

import pytest

from dyads.nlp.quotemarks import has_double_mark, quote_regions


def _texts(text: str) -> list[str]:
    return [text[r.start:r.end] for r in quote_regions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "we will win." Then "they lose."', ['"we will win."', '"they lose."']),
    ("“We will win,” he said.", ["“We will win,”"]),
    ("``We will win,'' he said.", ["``We will win,''"]),
    ("''We will win,'' he said.", ["''We will win,''"]),
    ("a “just countermeasure” against", ["“just countermeasure”"]),
    ("Stray ” mark and “a quote”.", ["“a quote”"]),
    # an opening curly mark typed where the closing one belongs
    ("an “expedited review“ of the case", ["“expedited review“"]),
    ("“It could create problems for her here,“ said Jim Smith.", ["“It could create problems for her here,“"]),
    # curly marks inside a straight quotation are its inner quotes, not its end
    ('Ward stated: "The office isn’t about “Equal Justice Under Law” anymore. It is politics." Then',
     ['"The office isn’t about “Equal Justice Under Law” anymore. It is politics."']),
])
def test_quotes_marks_pairs(text, expected):
    assert _texts(text) == expected


@pytest.mark.parametrize("text", ["“First paragraph goes on.\n“Second paragraph ends.”"])
def test_quotes_marks_paragraph_continuation(text):
    regions = quote_regions(text)
    assert [r.continues for r in regions] == [True, False]
    assert text[regions[0].start:regions[0].end] == "“First paragraph goes on."


@pytest.mark.parametrize("text", ["“Never closed here.\nNext paragraph is prose."])
def test_quotes_marks_unclosed_stops_at_paragraph(text):
    (r,) = quote_regions(text)
    assert r.unclosed and text[r.start:r.end] == "“Never closed here."


@pytest.mark.parametrize(("text", "direct"), [("“x”", True), ('"x"', True), ("plain", False)])
def test_quotes_marks_direct(text, direct):
    assert has_double_mark(text) is direct
