"""Text as it comes: the repairs the parser reads, and offsets that index the input exactly."""

from __future__ import annotations

import random

import pytest

from dyads.nlp.datelines import dateline_spans
from dyads.nlp.normalize import Edit, apply, normalize

WIRE = (
    "Iran had warned the United States earlier in the day\n"
    "against exacerbating the Gulf crisis, saying military action\n"
    "would endanger American interests, officials said.\n"
    "    The U.S. Has also asked the General Agreement on Tariffs\n"
    "and Trade to investigate Japanese import controls and said\n"
    "U.S. Officials would press the matter at talks next week.\n"
    " REUTER"
)


@pytest.mark.parametrize("text", [WIRE])
def test_normalize_wire_joins_wrapped_lines_and_drops_the_trailer(text):
    norm = normalize(text)
    assert "the day against exacerbating" in norm.text
    assert "\n\nThe U.S. has also asked" in norm.text  # an indented line opens a paragraph
    assert "U.S. officials would" in norm.text  # 'officials' is written in lower case elsewhere
    assert "REUTER" not in norm.text
    assert norm.summary()["wrapped line"] >= 4


@pytest.mark.parametrize("text", ["TOKYO, April 2 - Japan said it would cut rice imports.",
                                  "MOSCOW (Reuters) - Russia said on Tuesday it would reply."])
def test_normalize_dateline_is_not_parsed(text):
    norm = normalize(text)
    assert dateline_spans(text)
    assert norm.text.split()[0] in ("Japan", "Russia")
    s, e = norm.to_input(0, len(norm.text.split()[0]))
    assert text[s:e] == norm.text.split()[0]


@pytest.mark.parametrize("text", [
    "Britain and France agreed. They met in Paris on Tuesday.",  # nothing to repair
    "A short line\nthat ends.\n\nAnother paragraph.",
])
def test_normalize_leaves_ordinary_text_alone(text):
    norm = normalize(text)
    assert norm.to_input(0, len(norm.text)) == (0, len(text))
    assert norm.text.replace("\n", " ").split() == text.replace("\n", " ").split()


@pytest.mark.parametrize("text", ["Tom &amp; Jerry met <p>the minister</p> in Rome.",
                                  "JAPAN TO CUT RICE IMPORTS, MINISTRY SAYS\nJapan will cut rice imports."])
def test_normalize_markup_and_capital_lines(text):
    norm = normalize(text)
    assert "&amp;" not in norm.text and "<p>" not in norm.text
    assert "TO CUT RICE" not in norm.text


@pytest.mark.parametrize("edits", [[Edit(2, 5, "", "x")], [Edit(0, 1, "AB", "y"), Edit(6, 7, "Q", "z")]])
def test_apply_maps_spans_outside_edits_exactly(edits):
    text = "abcdefghij"
    norm = apply(text, edits)
    for start in range(len(norm.text)):
        for end in range(start + 1, len(norm.text) + 1):
            s, e = norm.to_input(start, end)
            assert 0 <= s <= e <= len(text)
    # text after the last edit keeps its letters at the mapped place
    tail = norm.text[-2:]
    s, e = norm.to_input(len(norm.text) - 2, len(norm.text))
    assert text[s:e] == tail


def _random_wire(rng: random.Random) -> str:
    words = ["Iran", "warned", "the", "United", "States", "U.S.", "Officials", "said", "talks", "on", "Monday",
             "Britain", "and", "France", "agreed", "to", "meet", "in", "Paris", "the", "minister", "Has"]
    out, line = [], []
    for _ in range(rng.randint(5, 60)):
        line.append(rng.choice(words) + ("." if rng.random() < 0.1 else ""))
        if len(" ".join(line)) > rng.randint(20, 70):
            indent = " " * rng.choice([0, 0, 0, 4]) + "\t" * rng.choice([0, 0, 1])
            out.append(indent + " ".join(line) + " " * rng.choice([0, 0, 2]))
            line = []
    out.append(" ".join(line))
    sep = rng.choice(["\n", "\r\n", "\n\n"])
    return sep.join(out) + rng.choice(["", "\n Reuter", "\nREUTER\n"])


@pytest.mark.parametrize("seed", range(40))
def test_normalize_every_word_maps_back_to_itself(seed):
    """Property: each word of the repaired text maps to the same word of the input (case aside)."""
    rng = random.Random(seed)
    text = _random_wire(rng)
    norm = normalize(text)
    pos = 0
    for word in norm.text.split():
        start = norm.text.index(word, pos)
        pos = start + len(word)
        s, e = norm.to_input(start, pos)
        assert text[s:e].lower() == word.lower(), (text, norm.text, word)


@pytest.mark.parametrize("date", ["1987-03-16"])
def test_pipeline_offsets_index_the_input(code, date):
    """Events, actors, quotes and entities of a wire story point at the input's own characters."""
    art = code(WIRE, date=date)
    spans = [e.evidence for e in art.events] + [q.content for q in art.quotes]
    spans += [a for e in art.events for a in (e.source, e.target) if a is not None]
    spans += list(art.entities)
    assert spans
    for s in spans:
        assert WIRE[s.start:s.end] == s.text
    assert any(e.target is not None and e.target.code == "USA" for e in art.events)


def test_normalize_joins_british_hyphenated_words() -> None:
    """"co-operation" reaches the parser as one word, and maps back to the input's spelling."""
    text = "Blair insisted closer co-operation did not mean losing control. Co-ordination was poor."
    norm = normalize(text)
    assert "closer cooperation did" in norm.text and "Coordination was" in norm.text
    s = norm.text.index("cooperation")
    assert norm.to_input(s, s + len("cooperation")) == (text.index("co-operation"),
                                                        text.index("co-operation") + len("co-operation"))
    assert normalize("a co-pilot and a co-founder").text == "a co-pilot and a co-founder"


def test_normalize_writes_out_amounts_with_a_currency() -> None:
    """"70m euros", "£5m", "dollars 91m" reach the parser as "70 million euros" (the glued "m" was
    read as a noun); "a 5m wall" has no currency and stays. Offsets map back to the input."""
    text = "It will hand the industry 70m euros (dollars 91m) in aid. Britain gave £5bn. A 5m wall fell."
    norm = normalize(text)
    assert "70 million euros (dollars 91 million)" in norm.text and "£5 billion" in norm.text
    assert "A 5m wall" in norm.text
    s = norm.text.index("70 million")
    assert text[slice(*norm.to_input(s, s + len("70 million euros")))] == "70m euros"
