"""The cached attribute ruler and lemmatizer give exactly what spaCy's stock components give."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, MORPH, ORTH, POS, TAG

import dyads
from dyads.nlp.cache import ATTRIBUTE_RULER, LEMMATIZER, keyed_attributes

STOCK = {ATTRIBUTE_RULER: "attribute_ruler", LEMMATIZER: "lemmatizer"}
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
# Shapes the stock rules single out: contractions, multi-token rules, a regex, whitespace tokens.
ODD = ("Y'all ain't gonna believe it, nothin' works.\n\nLet's go; c'mon, there's gotta be more.  "
       "It was given to you and I by them, didn't they say? Did he? He does.")


def _texts() -> list[str]:
    raw = resources.files("dyads.examples").joinpath("examples.jsonl").read_text(encoding="utf-8")
    return [json.loads(line)["text"] for line in raw.splitlines() if line.strip()] + [ODD]


def _run(nlp, text: str, names: list[str]):
    doc = nlp.make_doc(text)
    for name in names:
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_nlp_cache_components_in_place() -> None:
    names = dyads.get_pipeline().nlp.pipe_names
    assert ATTRIBUTE_RULER in names and LEMMATIZER in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


@pytest.mark.parametrize("text", _texts())
def test_nlp_cache_same_tokens_as_stock(text: str) -> None:
    nlp = dyads.get_pipeline().nlp
    stock = [STOCK.get(n, n) for n in nlp.pipe_names]
    for _ in range(2):  # cold, then from the caches
        ours, theirs = _run(nlp, text, nlp.pipe_names), _run(nlp, text, stock)
        assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
        assert [(t.lemma_, str(t.morph), t.pos_) for t in ours] == [(t.lemma_, str(t.morph), t.pos_) for t in theirs]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a", "OP": "?"}],
    [{"LOWER": {"FUZZY": "abc"}}],
    [{"IS_SPACE": {"REGEX": "x"}}],
    [{"LENGTH": {">=": 2}}],
    [{"_": {"x": 1}}],
])
def test_nlp_cache_refuses_patterns_it_cannot_key(pattern: list) -> None:
    assert keyed_attributes([pattern]) is None


def test_nlp_cache_keys_name_only_tested_values() -> None:
    tested = keyed_attributes([[{"TAG": "NN", "LOWER": {"IN": ["a", "b"]}}], [{"LOWER": {"REGEX": "^x"}}]])
    assert tested is not None
    tag, lower = tested
    assert (tag.attr, len(tag.values), tag.regexes) == (TAG, 1, [])
    assert (lower.attr, len(lower.values), len(lower.regexes)) == (LOWER, 2, 1)
