"""Nested attributions: a quotation inside another attribution's content is reported once."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "outer"), [
    ('The ministry issued a statement calling the sanctions "an act of economic war."', "issued"),
    ('The mayor said the governor had called the plan "a reckless gamble" last week.', "said"),
])
def test_quotes_nested_direct_quote_reported_once(code, text, outer):
    art = code(text)
    holding = [q for q in art.quotes if '"' in q.content.text]
    assert len(holding) == 1, [q.content.text for q in art.quotes]
    assert holding[0].cue is not None and holding[0].cue.text.startswith(outer)
