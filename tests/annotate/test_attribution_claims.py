"""Claims: events inside attributed statements (hand-built Articles and the real pipeline)."""

from __future__ import annotations

import pytest

from dyads.annotate.attribution import claim_for


class _F:
    def __init__(self, kind: str) -> None:
        self.kind = kind


def _event(start: int, end: int, modality: str = "asserted"):
    from dyads.model import Event, Span

    return Event(id="e", sentence=0, source=None, target=None, cameo="190", root="19", quad=4, penta=4,
                 goldstein=-10.0, plover=None, date=None, modality=modality,  # type: ignore[arg-type]
                 evidence=Span(start, end, "x" * (end - start)), rule="r", confidence=1.0)


def _quote(start: int, end: int, cue: tuple[int, int]):
    from dyads.model import Quote, Span

    return Quote(content=Span(start, end, ""), cue=Span(*cue, ""), direct=False)


@pytest.mark.parametrize(("ev", "expected"), [((20, 30), "outer"), ((60, 70), None), ((0, 5), None)])
def test_attribution_claim_for_picks_outer_statement(ev, expected):
    outer = (_F("speech"), _quote(10, 50, (0, 5)))
    inner = (_F("speech"), _quote(18, 40, (12, 16)))
    hit = claim_for(_event(*ev), [inner, outer])
    assert (hit is not None and hit[1] is outer[1]) if expected == "outer" else hit is None


@pytest.mark.parametrize(("text", "modality", "speaker"), [
    ("The United States claimed that Russia attacked Ukraine on Monday.", "claimed", "USA"),
    ("Russia denied that it attacked Ukraine on Monday.", "denied", "RUS"),
])
def test_attribution_modality(code, text, modality, speaker):
    art = code(text)
    evs = [e for e in art.events if e.root == "19" and e.source and e.source.code == "RUS"]
    assert evs, [(e.cameo, e.source, e.target) for e in art.events]
    assert evs[0].modality == modality
    assert evs[0].attributed_to is not None and evs[0].attributed_to.code.startswith(speaker)


@pytest.mark.parametrize("text", ["Russia attacked Ukraine on Monday."])
def test_attribution_own_voice_stays_asserted(code, text):
    art = code(text)
    assert art.events and all(e.modality == "asserted" and e.attributed_to is None for e in art.events)
