"""Properties of coding hostile text: `dyads.code` gives an Article or a DyadsError, never another
exception; every offset indexes the input exactly; a hostile item in a batch costs nobody else."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import dyads
from dyads.errors import DyadsError
from dyads.io.readers import ReadError
from dyads.model import Article
from tests.hostile.strategies import GOOD_TEXTS, hostile_text

SURROGATES = range(0xD800, 0xE000)


def spans(art: Article):
    """(what, start, end, text) of every span the article reports."""
    for i, s in enumerate(art.sentences):
        yield f"sentence {i}", s.start, s.end, None
    for ev in art.events:
        yield f"event {ev.id}", ev.evidence.start, ev.evidence.end, ev.evidence.text
        for side in (ev.source, ev.target):
            if side is not None and side.text:
                yield f"actor of {ev.id}", side.start, side.end, side.text
    for q in art.quotes:
        yield "quote", q.content.start, q.content.end, q.content.text
        if q.cue is not None:
            yield "cue", q.cue.start, q.cue.end, q.cue.text
    for e in art.entities:
        yield f"entity {e.type}", e.start, e.end, e.text


def check_code(text: str) -> list[str]:
    try:
        art = dyads.code(text, date="2024-01-17")
    except DyadsError as exc:
        return [] if str(exc)[:1] == "E" and "\n" not in str(exc) else [f"DyadsError not one numbered line: {exc}"]
    problems = []
    if len(art.text) != len(text):
        problems.append(f"text length {len(art.text)} != {len(text)}")
    same = all(a == b or ord(b) in SURROGATES for a, b in zip(art.text, text, strict=False))
    if not same:
        problems.append("the article's text differs from the input beyond replaced surrogates")
    for what, start, end, span_text in spans(art):
        if not 0 <= start <= end <= len(text):
            problems.append(f"{what}: {start}-{end} outside 0-{len(text)}")
        elif span_text is not None and art.text[start:end] != span_text:
            problems.append(f"{what}: text[{start}:{end}] = {art.text[start:end]!r} != {span_text!r}")
    json.dumps(art.to_dict(), ensure_ascii=False).encode("utf-8")  # every field can be written out
    return problems


def check_batch(texts: list[str], good: list[str]) -> list[str]:
    """Good articles among hostile ones code exactly as they do alone."""
    from dyads.runner import annotate

    alone = {t: {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
                 for e in dyads.code(t, date="2024-01-17").events} for t in good}
    items: list = [Article(id=f"h{i}", text=t, date="2024-01-17") for i, t in enumerate(texts)]
    items += [Article(id=f"g{i}", text=t, date="2024-01-17") for i, t in enumerate(good)]
    items.insert(len(items) // 2, ReadError("broken:3", "E005 broken:3: line is not JSON (x)."))
    out = list(annotate(items))
    problems = []
    if len(out) != len(items):
        problems.append(f"{len(out)} items out for {len(items)} in")
    for i, t in enumerate(good):
        got = next((x for x in out if isinstance(x, Article) and x.id == f"g{i}"), None)
        triples = None if got is None else {(e.source.code if e.source else None, e.cameo,
                                             e.target.code if e.target else None) for e in got.events}
        if triples != alone[t]:
            problems.append(f"good article g{i} came back as {triples} instead of {alone[t]}")
    return problems


@settings(max_examples=80)
@given(hostile_text())
def test_hostile_code_never_raises_and_offsets_are_exact(pipeline, text) -> None:
    assert check_code(text) == []


@settings(max_examples=20)
@given(st.lists(hostile_text(max_size=100), min_size=1, max_size=4),
       st.lists(st.sampled_from(GOOD_TEXTS), min_size=1, max_size=2))
def test_hostile_code_batch_loses_no_good_article(pipeline, texts, good) -> None:
    assert check_batch(texts, good) == []
