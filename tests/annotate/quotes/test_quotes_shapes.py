"""Quotation shapes on hand-written sentences, through the real pipeline."""

from __future__ import annotations

import pytest


def _quote(article, needle: str):
    for q in article.quotes:
        if needle in q.content.text:
            return q
    raise AssertionError(f"no quote with {needle!r}: {[q.content.text for q in article.quotes]}")


@pytest.mark.parametrize(("text", "needle", "speaker", "direct", "cue"), [
    # direct, cue after
    ("“We will not accept these terms,” Peskov told reporters.", "will not accept", "Peskov", True, "told"),
    # direct, straight marks, cue before with colon
    ('The minister said: "We will not accept these terms."', "will not accept", "minister", True, "said"),
    # indirect with that
    ("Kremlin spokesman Dmitry Peskov said that Russia would expand its ties with Iran.",
     "Russia would expand", "Peskov", False, "said"),
    # indirect without that, cue after
    ("Russia would expand its ties with Iran, the minister said on Monday.", "Russia would expand",
     "minister", False, "said"),
    # claim
    ("The United States claimed that Iran had supplied drones to Russia.", "Iran had supplied",
     "United States", False, "claimed"),
    # partial quote inside reported speech
    ("Pyongyang says its missile drills are a “just countermeasure” against the war games.",
     "just countermeasure", "Pyongyang", True, "says"),
    # according to, both orders
    ("According to Western officials, Iran supplied drones to Russia.", "Iran supplied", "officials",
     False, "According to"),
    ("Iran supplied drones to Russia, according to Western officials.", "Iran supplied", "officials",
     False, "according to"),
])
def test_quotes_shapes(code, text, needle, speaker, direct, cue):
    q = _quote(code(text), needle)
    assert speaker in q.speaker.text
    assert q.direct is direct
    assert q.cue is not None and q.cue.text.startswith(cue)
    assert text[q.content.start:q.content.end] == q.content.text
    assert text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("text", [
    "“We will win,” Peskov said. “They will lose. It is over.”\n\nRussia opened talks with Iran.",
])
def test_quotes_split_around_cue_is_one_quote(code, text):
    art = code(text)
    q = _quote(art, "We will win")
    assert q.content.text.startswith("“We will win,”") and q.content.text.endswith("It is over.”")
    assert not any("They will lose" in x.content.text for x in art.quotes if x is not q)


@pytest.mark.parametrize("text", [
    "Peskov told reporters: “We are focused on our partners in Asia.\n\n"
    "“We will develop relations in all areas.”\n\nRussia opened talks with Iran.",
])
def test_quotes_over_paragraphs(code, text):
    q = _quote(code(text), "focused on our partners")
    assert q.content.text.endswith("in all areas.”")
    assert "Peskov" in q.speaker.text


@pytest.mark.parametrize(("text", "needle", "pronoun", "code_"), [
    ("Kremlin spokesman Dmitry Peskov met reporters on Monday. He said Russia would expand ties with Iran.",
     "Russia would expand", "He", "RUSGOV"),
    ("Kremlin spokesman Dmitry Peskov spoke on Monday. “We are ready,” the spokesman said.",
     "We are ready", "spokesman", "RUS"),
])
def test_quotes_speaker_from_nearby_sentence(code, text, needle, pronoun, code_):
    q = _quote(code(text), needle)
    assert q.speaker.text.endswith(pronoun)
    assert q.speaker.code is not None and q.speaker.code.startswith(code_)


@pytest.mark.parametrize("text", ["Some “experts” doubt the plan, said an unnamed blogger who was not identified."])
def test_quotes_unresolved_speaker_keeps_span(code, text):
    art = code(text)
    for q in art.quotes:
        assert q.speaker is not None
        assert text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("text", ["Russia and Iran signed a trade agreement in Tehran on Monday."])
def test_quotes_none_in_plain_narration(code, text):
    assert code(text).quotes == []


@pytest.mark.parametrize("text", [
    "As the minister noted in her speech, the economy is growing faster than expected.",
    "The economy, as the minister noted, is growing faster than expected.",
])
def test_quotes_an_as_aside_attributes_its_clause(code, text):
    quotes = [q for q in code(text).quotes if q.cue.text == "noted"]
    assert len(quotes) == 1, [(q.cue.text, q.content.text) for q in code(text).quotes]
    content = quotes[0].content.text
    assert content.lower().startswith("the economy") and "growing faster than expected" in content
    assert quotes[0].speaker is not None and quotes[0].speaker.text.endswith("minister")


def test_quotes_an_as_aside_after_a_quotation_attributes_the_quotation(code):
    text = ("Still, the fact that the race \u201cis a dead heat right now,\u201d as the senator said on the radio "
            "on Monday, only magnifies the importance of every decision.")
    (q,) = [q for q in code(text).quotes if q.cue.text == "said"]
    assert q.content.text.endswith("\u201cis a dead heat right now,\u201d")
    assert "magnifies" not in q.content.text


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ('The mayor grumbled that the new stadium was "a monument to vanity" and a waste of money.',
     'that the new stadium was "a monument to vanity" and a waste of money', "The mayor"),
    ("On Tuesday the union griped to reporters that the contract offer was \u201can insult to every nurse.\u201d",
     "that the contract offer was \u201can insult to every nurse.\u201d", "the union"),
])
def test_quotes_an_unlisted_verb_with_a_quoted_that_clause_is_a_cue(code, text, content, speaker):
    # neither verb is in the lexicon: the back-off score for a that-clause with a quotation applies
    (q,) = code(text).quotes
    assert q.content.text == content and q.direct
    assert q.speaker is not None and q.speaker.text == speaker


def test_quotes_an_unlisted_verb_with_a_plain_that_clause_is_no_cue(code):
    assert code("The mayor grumbled that the new stadium was a monument to vanity.").quotes == []
