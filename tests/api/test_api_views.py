"""The article view built from a coded article: spans and labels, whatever the actors carry."""

from __future__ import annotations

import pytest

from dyads.api.views import article_view
from dyads.model import Actor, Article, Event, Quote, Span

TEXT = "The information commissioner criticised the government. Britain condemned France."


def _event(source: Actor | None, target: Actor | None, start: int, end: int) -> Event:
    return Event("a-E01", 0, source, target, "111", "11", 3, 3, -2.0, "ACCUSE", None, "asserted",
                 Span(start, end, TEXT[start:end]), "verb:criticise>111", 0.5)


@pytest.mark.parametrize("code", [None, ""])
def test_api_views_actor_without_code(code: str | None) -> None:
    """An actor with words but no code ("the information commissioner") used to raise a TypeError
    (E109, a 500 for 198 of 299 bench articles)."""
    commissioner = Actor(code, None, None, None, "The information commissioner", 0, 29)
    gov = Actor("GOV", None, "GOV", "government", "the government", 41, 55)
    art = Article(id="a", text=TEXT, events=[_event(commissioner, gov, 0, 55)],
                  quotes=[Quote(Span(0, 10, TEXT[:10]), None, False, commissioner, None)])
    view = article_view(art)
    event_span = next(s for s in view.spans if s.kind == "event")
    assert "The information commissioner" in event_span.title and "GOV" in event_span.title
    assert view.events[0].source is not None and view.events[0].source.code is None
    assert view.quotes[0].speaker is None


def test_api_views_event_without_actors() -> None:
    art = Article(id="a", text=TEXT, events=[_event(None, None, 56, 81)])
    view = article_view(art)
    assert [s.title for s in view.spans if s.kind == "event"][0].startswith("111")


@pytest.mark.parametrize(("content", "direct", "form"), [
    ("that his country is developing its relations with North Korea in all areas, including “sensitive” ones",
     True, "mixed"),
    ("“The Democratic People’s Republic of Korea is our very important partner,”", True, "direct"),
    ("Moscow would develop ties", False, "indirect"),
])
def test_api_views_quote_form(content: str, direct: bool, form: str) -> None:
    """Peskov's indirect statement with one quoted word was labelled 'direct' in the dashboard."""
    from dyads.api.views import quote_form

    assert quote_form(content, direct) == form
    art = Article(id="q", text=content, quotes=[Quote(Span(0, len(content), content), None, direct, None, "Peskov")])
    assert article_view(art).quotes[0].form == form
