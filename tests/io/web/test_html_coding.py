"""The example article inside realistic news pages codes to the same events as the plain text."""

from __future__ import annotations

import pytest

from dyads.io.readers import ReadOptions, make_article
from dyads.io.web.html import html_article
from tests.conftest import triples
from tests.io.web.pages import BOILERPLATE_STRINGS, TEMPLATES, split_story


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_html_coding_seed_page_same_events_as_plain_text(pipeline, seed_text: str, template: str) -> None:
    title, paras = split_story(seed_text)
    plain = pipeline(make_article("plain", seed_text, ReadOptions(date="2024-01-17")))
    page = html_article("page", TEMPLATES[template](title, paras, date="2024-01-17"), ReadOptions())
    coded = pipeline(page)
    assert plain.events and triples(coded) == triples(plain)
    for ev in coded.events:
        assert coded.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert not any(b in ev.evidence.text for b in BOILERPLATE_STRINGS)
