"""Quotations that go on past their attribution, and quotes that must not take a neighbour's cue."""

from __future__ import annotations

import pytest


def _quote(article, needle: str):
    for q in article.quotes:
        if needle in q.content.text:
            return q
    raise AssertionError(f"no quote with {needle!r}: {[q.content.text for q in article.quotes]}")


@pytest.mark.parametrize(("text", "first", "last"), [
    ("“We will not give up on the talks,” the foreign minister said, speaking to reporters after a "
     "long meeting in Geneva with his counterparts from the region. “The door remains open.”",
     "We will not give up", "remains open"),
    ("“The harvest was poor,” said Anna Berg, a farmer from the north who has grown wheat for thirty "
     "years. “We will need help before the winter.”", "harvest was poor", "before the winter"),
])
def test_quotes_go_on_after_a_long_attribution(code, text, first, last):
    art = code(text)
    q = _quote(art, first)
    assert q.direct and last in q.content.text
    assert not any(last in x.content.text for x in art.quotes if x is not q)


@pytest.mark.parametrize(("text", "said", "quoted"), [
    ("The minister said the talks had failed. “We tried everything we could to keep them going.”",
     "talks had failed", "tried everything"),
])
def test_quotes_reported_speech_goes_on_in_a_quote(code, text, said, quoted):
    q = _quote(code(text), said)
    assert quoted in q.content.text and q.direct


@pytest.mark.parametrize(("text", "needle", "not_cue"), [
    ("The mayor spoke briefly. “The bridge will stay closed until the repairs are finished.” "
     "Traffic has been heavy since the storm.", "bridge will stay closed", "has"),
])
def test_quotes_ending_a_sentence_take_no_cue_from_the_next(code, text, needle, not_cue):
    for q in code(text).quotes:
        if needle in q.content.text:
            assert q.cue is None or q.cue.text != not_cue


@pytest.mark.parametrize(("text", "first", "inner"), [
    ("“It was a disgrace,” said one voter, who had waited in an “extremely long and slow line” for "
     "hours.", "It was a disgrace", "extremely long"),
])
def test_quotes_inside_the_attribution_are_not_continuations(code, text, first, inner):
    q = _quote(code(text), first)
    assert inner not in q.content.text


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("“Not like Kyiv. Or Minsk,” Lukashenko said. “The numbers are better here.”", "Minsk",
     "Lukashenko"),
    ('"Recap of the night," tweeted opposition spokesman Karl Holm. "The minister was lost."',
     "Recap", "Holm"),
])
def test_quotes_speaker_is_never_inside_the_quote(code, text, needle, speaker):
    q = _quote(code(text), needle)
    assert q.speaker is not None and speaker in q.speaker.text


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ("MOSCOW, Sept 13 (Reuters) - Russia said on Monday it would expand its ties with Mongolia.",
     "would expand", "Russia"),
    ("OSLO, May 2 - The Norwegian government said it would send more aid to Sudan.", "more aid",
     "government"),
    ("MOSCOW (Reuters) - “We will expand our ties with Mongolia,” Peskov said.", "We will expand",
     "Peskov"),
])
def test_quotes_dateline_is_neither_speaker_nor_content(code, text, needle, speaker):
    q = _quote(code(text), needle)
    assert q.speaker is not None and speaker in q.speaker.text
    assert not q.content.text.startswith(("MOSCOW", "OSLO")) and "Monday" not in q.content.text


@pytest.mark.parametrize("text", [
    "Pakistan rejected the statement from China on Monday.",
    "The ministry denounced Smith's remarks about the border.",
])
def test_quotes_none_for_someone_elses_words_as_object(code, text):
    assert code(text).quotes == []


@pytest.mark.parametrize(("text", "needle"), [
    ("Pakistan repeated its claim that India had violated the ceasefire.", "India had violated"),
])
def test_quotes_own_words_as_object_still_count(code, text, needle):
    _quote(code(text), needle)


@pytest.mark.parametrize(("text", "needle", "speaker"), [
    ('The opposition accused the "corrupt elite" of stealing the vote.', "corrupt elite", "opposition"),
])
def test_quotes_object_with_a_quotation_is_reported_speech(code, text, needle, speaker):
    q = _quote(code(text), needle)
    assert q.direct and speaker in q.speaker.text


@pytest.mark.parametrize(("text", "said", "not_said"), [
    ('The governor said the state had "turned a corner," pointing to new figures on jobs.',
     "turned a corner", "pointing"),
])
def test_quotes_partial_quote_ends_before_a_trailing_participle(code, text, said, not_said):
    q = _quote(code(text), said)
    assert not_said not in q.content.text


@pytest.mark.parametrize(("text", "first", "last", "speaker"), [
    ('In 2019, the minister said, the talks had "collapsed completely."', "In 2019", "collapsed completely",
     "minister"),
    ('Farmers who stay will struggle, even with a "good" harvest, she said.', "Farmers who stay", "harvest",
     "she"),
])
def test_quotes_parenthetical_cue_reports_the_clause_around_it(code, text, first, last, speaker):
    q = _quote(code(text), last)
    assert q.content.text.startswith(first) and q.direct
    assert speaker in q.speaker.text
