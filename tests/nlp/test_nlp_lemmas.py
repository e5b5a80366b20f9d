"""The lemma fixes on top of spaCy's lemmatizer (dyads/data/lemma_fixes.json)."""

from __future__ import annotations

import pytest

import dyads
from dyads.nlp.load import lemma_fixes


@pytest.mark.parametrize(("text", "form", "lemma"), [
    ("Officials hoped the plan would work.", "hoped", "hope"),
    ("Students staged a protest.", "staged", "stage"),
    ("Soldiers raped two women.", "raped", "rape"),
    ("The senator lambasted the plan.", "lambasted", "lambaste"),
])
def test_nlp_lemma_fixes_applied(text: str, form: str, lemma: str) -> None:
    doc = dyads.get_pipeline().nlp(text)
    assert [t.lemma_ for t in doc if t.lower_ == form] == [lemma]


def test_nlp_lemma_fixes_table_is_lower_case_forms() -> None:
    fixes = lemma_fixes()
    assert fixes and all(k == k.lower() and v == v.lower() for k, v in fixes.items())
