"""Quotations whose cue ends the sentence before them ('X said in a statement. "…"') and
quotations whose cue the parse left unlinked on both sides of the attribution ('"A," X writes. "B."')."""

from __future__ import annotations

import pytest


def _contents(article) -> dict[str, object]:
    return {q.content.text: q for q in article.quotes}


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("Maria Lopez, the party's spokeswoman, said in a statement. \"There are no paper ballots to "
     "recount. The caucuses were a unique event.\"\n\nThe count ended at noon.",
     "\"There are no paper ballots to recount. The caucuses were a unique event.\"", "said"),
    ("The mayor explained on Tuesday.\n\n\u201cWe cannot pay for the bridge and the school in the same "
     "year, so the bridge will wait.\u201d\n\nCouncil members did not respond.",
     "\u201cWe cannot pay for the bridge and the school in the same year, so the bridge will wait.\u201d",
     "explained"),
])
def test_quotes_a_cue_ending_the_sentence_before_takes_the_quotation(code, text, content, cue):
    quotes = _contents(code(text))
    q = quotes.get(content)
    assert q is not None, list(quotes)
    assert q.direct and q.cue.text == cue
    assert q.speaker is not None


def test_quotes_a_cue_with_its_own_content_lends_nothing_to_the_next_quotation(code):
    # 'said' has its that-clause: the quotation after the sentence is not its content
    text = ("The governor said that the budget was balanced. \"We expect a surplus of ten million "
            "dollars next spring,\" the treasurer added.")
    quotes = _contents(code(text))
    q = quotes.get("\"We expect a surplus of ten million dollars next spring,\"")
    assert q is not None, list(quotes)
    assert q.cue.text == "added"


def test_quotes_a_relative_clause_is_not_the_cue_of_the_next_quotation(code):
    text = ("\"He did try to intimidate me,\" said Rosa Diaz, who wrote about the visit in her book. "
            "\"Thank goodness, none of those things were true.\"")
    holders = [q for q in code(text).quotes if "Thank goodness" in q.content.text]
    assert [q.cue.text for q in holders] == ["said"], [(q.content.text, q.cue.text) for q in holders]


def test_quotes_a_split_quotation_with_an_unlinked_cue_is_one_content(code):
    text = ("The book describes the welfare reform of the 1990s.\n\n\u201cToil hopelessly or go to prison,"
            "\u201d Frank writes. \u201cThat is life at the bottom for millions of people.\u201d")
    quotes = [q for q in code(text).quotes if q.direct]
    assert len(quotes) == 1, [q.content.text for q in quotes]
    assert quotes[0].content.text.startswith("\u201cToil") and quotes[0].content.text.endswith("people.\u201d")
    assert quotes[0].cue.text == "writes"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("\u201cVery good reporter, very good reporter this guy,\u201d Trump, the front-runner nationally and the "
     "polling leader in South Carolina by a wide margin after winning New Hampshire, said when Boyle asked "
     "him a question.", "\u201cVery good reporter, very good reporter this guy,\u201d", "Trump"),
    ("\"We will win this state,\" Senator Maria Lopez, who leads the party in the north and chairs the "
     "budget committee, said on Tuesday.", "\"We will win this state,\"", "Lopez"),
])
def test_quotes_a_long_apposition_between_quotation_and_cue(code, text, content, speaker):
    q = _contents(code(text)).get(content)
    assert q is not None, list(_contents(code(text)))
    assert q.cue.text == "said"
    assert q.speaker is not None and speaker in q.speaker.text


def test_quotes_a_quote_inside_a_clause_is_no_orphan_of_the_next_verb(code):
    # 'converting' has its subject after the quote, but it is the narrator's verb, not a cue
    text = ("The two campaigns differ online. While Trump is \"brand building,\" Clinton is converting her "
            "traffic into volunteers and donations.")
    assert not [q for q in code(text).quotes if "brand building" in q.content.text]


def test_quotes_a_speech_verb_after_a_clause_with_a_quote_reports_the_clause(code):
    text = ("Analysts agree on one thing. Trump and Clinton have \"very different strategic goals,\" "
            "Silverman said.")
    (q,) = [q for q in code(text).quotes if "strategic goals" in q.content.text]
    assert q.content.text == "Trump and Clinton have \"very different strategic goals,\""
    assert q.cue.text == "said"


def test_quotes_a_sentence_that_is_only_an_attribution_is_the_cue(code):
    # a full stop where the comma belongs: '"…." Trump said.'
    text = ("The candidate spoke on Wednesday. \u201cI hope you are able to find the thirty thousand emails "
            "that are missing.\u201d Trump said.")
    q = _contents(code(text)).get(
        "\u201cI hope you are able to find the thirty thousand emails that are missing.\u201d")
    assert q is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.text == "Trump"
