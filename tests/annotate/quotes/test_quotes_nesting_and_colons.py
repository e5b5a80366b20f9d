"""Nested quotes are reported once; colon introductions; objects with complements; speakers."""

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


@pytest.mark.parametrize(("text", "inner_cue"), [
    ("\u201cI told him that we would win the county by ten points,\u201d the mayor said on Sunday.", "told"),
    ("The senator said she had \u201cvery serious concerns about the long-term goals of the industry.\u201d",
     "concerns"),
])
def test_quotes_a_saying_inside_a_quotation_is_reported_by_the_outer_quote(code, text, inner_cue):
    art = code(text)
    assert all(q.cue.text != inner_cue for q in art.quotes), [(q.cue.text, q.content.text) for q in art.quotes]
    assert any(q.direct and q.cue.text == "said" for q in art.quotes)


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    # a colon ending the paragraph before the quotation
    ('The governor spoke after the vote. She said:\n\n"We will appeal this ruling, and we will win in the end."',
     "We will appeal", "She"),
    # a colon with no verb: the name introduces the quotation
    ('The two candidates differ on trade. Senator Ana Lopez: "Tariffs protect the jobs of working families here."',
     "Tariffs protect", "Lopez"),
])
def test_quotes_colon_introduction(code, text, needle, speaker):
    art = code(text)
    q = next((q for q in art.quotes if needle in q.content.text), None)
    assert q is not None, [x.content.text for x in art.quotes]
    assert q.direct and q.speaker is not None and speaker in q.speaker.text


@pytest.mark.parametrize(("text", "needle"), [
    ('The senator hailed the new treaty as a "historic step" for the region.', "the new treaty as a"),
    ('The union urged its members to "stand firm" until the talks resume.', "its members to"),
])
def test_quotes_object_and_complement_are_one_content(code, text, needle):
    art = code(text)
    q = next((q for q in art.quotes if q.direct), None)
    assert q is not None, [x.content.text for x in art.quotes]
    assert needle in q.content.text


@pytest.mark.parametrize(("text", "speaker"), [
    # the name right after the quotation, not its appositive, the day or the radio
    ('“We need a new plan for the harbor,” Flynn, a local councillor, said Thursday morning on the radio.',
     "Flynn"),
])
def test_quotes_speaker_is_no_date_or_prepositional_object(code, text, speaker):
    q = next(q for q in code(text).quotes if q.direct)
    assert q.speaker is not None and speaker in q.speaker.text
