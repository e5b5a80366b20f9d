"""Quotations signed with a dash and a name (vox pops, epigraphs, fact checks) and tweets
embedded as text: the signature is the cue, the name the speaker."""

from __future__ import annotations

import pytest


def _by_content(article) -> dict[str, object]:
    return {q.content.text: q for q in article.quotes}


@pytest.mark.parametrize(("text", "content", "cue", "speaker"), [
    # on the quotation's own line, with a horizontal bar and a non-breaking space
    ("Readers wrote in after the debate.\n\n“The mayor never answered the question about the bridge.”"
     "\u00a0― Maria\u00a0Lopez\n“He looked tired and unprepared tonight.” ― Tom Becker, 52\n",
     "“The mayor never answered the question about the bridge.”", "―", "Maria\u00a0Lopez"),
    ("Readers wrote in after the debate.\n\n“The mayor never answered the question about the bridge.”"
     "\u00a0― Maria\u00a0Lopez\n“He looked tired and unprepared tonight.” ― Tom Becker, 52\n",
     "“He looked tired and unprepared tonight.”", "―", "Tom Becker"),
    # alone on the next paragraph, fact-check style, with a hyphen
    ("We checked three claims.\n\n\"Almost all new income is going to the top 1 percent of earners.\"\n\n"
     "- Bernie Sanders.\n\nThe senator relies on an outdated figure.",
     "\"Almost all new income is going to the top 1 percent of earners.\"", "-", "Bernie Sanders"),
    # an em dash after a closing straight quote
    ("\"We will rebuild the harbor before winter comes.\" — Governor Ana Ruiz\n\nWork began on Monday.",
     "\"We will rebuild the harbor before winter comes.\"", "—", "Governor Ana Ruiz"),
])
def test_quotes_a_signed_quotation_is_attributed_to_the_name(code, text, content, cue, speaker):
    q = _by_content(code(text)).get(content)
    assert q is not None, [x.content.text for x in code(text).quotes]
    assert q.direct
    assert q.cue.text == cue
    assert q.speaker is not None and q.speaker.text == speaker


def test_quotes_an_embedded_tweet_is_its_authors_words(code):
    text = ("The campaign responded within minutes.\n\n<tweet id=\"1\" author=\"@janedoe\">Nobody should be "
            "above the law. This decision is wrong. — Jane Doe (@janedoe) July 5, 2016</tweet>\n\nOthers agreed.")
    quotes = _by_content(code(text))
    q = quotes.get("Nobody should be above the law. This decision is wrong.")
    assert q is not None, list(quotes)
    assert not q.direct  # no quotation marks: PolNeAR's 'direct' needs them
    assert q.speaker is not None and q.speaker.text.startswith("Jane")
    assert q.cue.text == "—"


@pytest.mark.parametrize("text", [
    # a dash inside a sentence after a quotation, then a sentence: no signature
    "\"We will win,\" he said — The crowd cheered and the band played on.",
    "He called the plan \"a disgrace\" — and then he left the room.",
    # a dash and a capitalised common word
    "\"This is over,\" she said.\n\n— The End",
])
def test_quotes_a_dash_in_running_text_is_no_signature(code, text):
    article = code(text)
    assert all(q.cue.text not in {"—", "-", "―"} for q in article.quotes), [
        (q.content.text, q.cue.text) for q in article.quotes]
