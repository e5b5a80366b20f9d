"""`dyads.code` and the pipeline under hostile text: a DyadsError or an Article, never another exception."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import dyads
from dyads.annotate.state import stage
from dyads.errors import DyadsError
from dyads.limits import MAX_CHARS
from dyads.model import Article

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text", ["Russia attacked \ud800 Ukraine.", "\udfff",
                                  "Japan \udbff\udc00\ud800 condemned China."])
def test_code_hostile_lone_surrogates_are_replaced_with_a_warning(pipeline, text: str) -> None:
    art = dyads.code(text)
    assert len(art.text) == len(text)  # one character for one: every offset still indexes the input
    assert "\ufffd" in art.text and not re.search("[\ud800-\udfff]", art.text.replace("\udbff\udc00", ""))
    assert any(e.startswith("E012") for e in art.errors)
    for ev in art.events:
        assert art.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_code_hostile_surrogate_keeps_the_event(pipeline) -> None:
    art = dyads.code("Russia attacked \ud800 Ukraine.", date="2024-01-17")
    assert ("RUS", "UKR") in {(e.source.code if e.source else None, e.target.code if e.target else None)
                              for e in art.events}


@pytest.mark.parametrize(("pub", "text"), [
    ("9999-12-31", "Russia attacked Ukraine next week."),
    ("9999-12-31", "Russia attacked Ukraine tomorrow."),
    ("9999-12-31", "Russia will attack Ukraine next month."),
    ("0001-01-01", "Russia attacked Ukraine last year."),
    ("0001-01-01", "Russia attacked Ukraine yesterday."),
    ("0001-01-01", "Russia attacked Ukraine two years ago."),
    ("0001-01-01", "Russia attacked Ukraine last month."),
])
def test_code_hostile_extreme_publication_dates(pipeline, pub: str, text: str) -> None:
    art = dyads.code(text, date=pub)
    assert not art.errors, art.errors
    assert art.events
    for ev in art.events:
        assert ev.date is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", ev.date), ev.date
        assert ev.date is None or ev.date[:4] != "0000"


def test_code_hostile_limit_is_the_models_limit(pipeline) -> None:
    assert pipeline.nlp.max_length == MAX_CHARS


@pytest.mark.parametrize("size", [MAX_CHARS + 1, 1_480_000])
def test_code_hostile_text_over_the_limit_is_refused_naming_it(pipeline, size: int) -> None:
    text = ("Russia attacked Ukraine. " * (size // 25 + 1))[:size]
    with pytest.raises(DyadsError) as info:
        dyads.code(text)
    msg = str(info.value)
    assert msg.startswith("E004") and f"{MAX_CHARS:,}" in msg
    assert "E088" not in msg and "--max-chars" not in msg


def test_code_hostile_pipeline_refuses_an_article_over_the_limit_without_spacy(pipeline) -> None:
    big = Article(id="big", text="a " * (MAX_CHARS // 2 + 1))
    small = Article(id="small", text="Japan condemned North Korea.")
    out = list(pipeline.pipe([big, small]))
    assert [a.id for a in out] == ["big", "small"]
    assert out[0].errors[0].startswith("E004") and not out[0].events
    assert out[1].events and not out[1].errors


def test_code_hostile_readme_states_the_same_limit() -> None:
    from dyads.limits import MAX_FIELD_CHARS, MAX_ITEM_BYTES, MAX_PAGE_BYTES, MAX_RECORD_BYTES

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"{MAX_CHARS:,} characters" in readme and "2 M characters" not in readme
    for number in (MAX_ITEM_BYTES, MAX_PAGE_BYTES, MAX_RECORD_BYTES, MAX_FIELD_CHARS):
        assert f"{number:,}" in readme, number


@pytest.mark.parametrize("text", ["\x00", "Japan\x00 condemned China.", "", " \n\t", None, 17, b"bytes"])
def test_code_hostile_unusable_text_is_a_dyads_error(pipeline, text) -> None:
    with pytest.raises(DyadsError):
        dyads.code(text)  # type: ignore[arg-type]


def test_code_hostile_a_failing_stage_is_an_error_on_the_article(pipeline, monkeypatch) -> None:
    @stage("boom")
    def boom(state, res):
        raise RecursionError("deep")

    monkeypatch.setattr(pipeline, "stages", [boom, *pipeline.stages])
    art = dyads.code("Japan condemned North Korea.")
    assert any(e.startswith("E030") and "boom" in e for e in art.errors)


def test_code_hostile_a_failing_parse_is_a_dyads_error(pipeline, monkeypatch) -> None:
    def broken_pipe(*a, **k):
        raise MemoryError("parser")
        yield

    monkeypatch.setattr(pipeline.nlp, "pipe", broken_pipe)
    with pytest.raises(DyadsError, match="E030"):
        dyads.code("Japan condemned North Korea.")
