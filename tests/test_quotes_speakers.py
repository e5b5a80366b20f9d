"""Speakers the parse misses or misplaces: a name the tagger misread beside the cue, a participle
after a repaired speaker, a participle the parse hangs inside a reported clause, and a subject the
parse turned into a clause of its own."""

from __future__ import annotations

import pytest


def _speakers(article) -> dict[str, str | None]:
    return {q.cue.text: (q.speaker.text if q.speaker else None) for q in article.quotes}


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # the tagger reads the names as an adverb and as part of the verb
    ("\u201cHaving the voter file and two people who understand it is valuable,\u201d said Skelly, "
     "explaining he had worked with both of them for years.", "said", "Skelly"),
    ('"I can point to only two accomplishments. Besides that, not a single accomplishment," '
     "Bozell answers.", "answers", "Bozell"),
])
def test_quotes_a_misread_name_beside_the_cue_is_the_speaker(code, text, cue, speaker):
    assert _speakers(code(text)).get(cue) == speaker


def test_quotes_a_participle_takes_the_repaired_speaker_of_its_cue(code):
    text = ("\u201cHaving the voter file and two people who understand it is valuable,\u201d said Skelly, "
            "explaining he had worked with both of them for years.")
    assert _speakers(code(text)).get("explaining") == "Skelly"


def test_quotes_a_participle_hung_inside_a_reported_clause_takes_the_outer_subject(code):
    text = ("Reached by phone, Bennett denied the notion that a campaign shakeup is coming, explaining "
            "that he was unaware of the interview because he was \u201ctaking a day off.\u201d")
    assert _speakers(code(text)).get("explaining") == "Bennett"


def test_quotes_a_subject_the_parse_made_a_clause_still_speaks(code):
    text = ("One attendee, who like others spoke on the condition of anonymity to discuss the private "
            "meeting, said the message was that \"this is not going to be over in February.\"")
    speakers = _speakers(code(text))
    assert speakers.get("said") == "One attendee", speakers
