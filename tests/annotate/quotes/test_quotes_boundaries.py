"""Where a content starts and ends: narration before a quotation, titles in marks inside the
attribution, and the narrator's remarks after a partial quote."""

from __future__ import annotations

import pytest


def _quote(article, needle: str):
    for q in article.quotes:
        if needle in q.content.text:
            return q
    raise AssertionError(f"no quote with {needle!r}: {[q.content.text for q in article.quotes]}")


@pytest.mark.parametrize(("text", "content"), [
    ("After the vote, the minister described the mood in the capital: “Nobody expected this result,” "
     "she said.", "“Nobody expected this result,”"),
    ("The mayor defended the budget — “We had no other choice,” he told reporters — and left early.",
     "“We had no other choice,”"),
])
def test_quotes_narration_before_the_quotation_is_not_content(code, text, content):
    q = _quote(code(text), content.strip("“”,"))
    assert q.content.text == content
    assert q.direct


@pytest.mark.parametrize(("text", "first", "last"), [
    ("“We are going to win this state,” the senator said on ABC’s “This Week.” “Our voters are "
     "ready and our volunteers are everywhere.”", "going to win", "volunteers are everywhere"),
])
def test_quotes_go_on_past_a_title_in_the_attribution(code, text, first, last):
    q = _quote(code(text), first)
    assert last in q.content.text
    assert "This Week" in q.content.text  # one discontinuous extent, as the gold marks it


@pytest.mark.parametrize("text", [
    "The actress became a voice for gun control after a shooting at a screening of her film, “Trainwreck.”",
    "He was part of the “Gang of Eight,” which also included two other senators.",
])
def test_quotes_a_title_is_not_a_quotation(code, text):
    assert not any(q.direct for q in code(text).quotes)


@pytest.mark.parametrize(("text", "content"), [
    # a title inside the attribution is not content
    ("“Being a father is my real job,” Weiner said in May on the podcast “Here Is the Thing.”",
     "“Being a father is my real job,”"),
    ("“We are going to win this state,” the senator said on ABC’s “This Week.”",
     "“We are going to win this state,”"),
    # reported speech ends with its partial quote
    ("Clinton says her rival accepted money from Wall Street and “there is nothing wrong with that” — "
     "asserting that the donations did not change his views.",
     "her rival accepted money from Wall Street and “there is nothing wrong with that”"),
    ("Most voters say the candidates’ positions are “about right,” though many find one of them too "
     "liberal.", "the candidates’ positions are “about right,”"),
    ("He told supporters that “the struggle continues,” vowing to compete in the final primary.",
     "that “the struggle continues,”"),
    # a naming cue's relative object starts the content
    ("The agreement was what the minister called “a historic breakthrough.”",
     "what the minister called “a historic breakthrough.”"),
    ("The plan, which the senator described as “a reckless gamble,” was dropped in May.",
     "which the senator described as “a reckless gamble,”"),
    # 'as' with an adjective: the object and its quoted description are one content
    ("The governor dismissed the whole dispute as “absurd.”", "the whole dispute as “absurd.”"),
    # a that-clause the parse hangs on the cue as an adverbial clause is still its content
    ("The surgeon gave no details, saying in his statement only that he was “refining some operational "
     "practices and streamlining some staff assignments.”",
     "only that he was “refining some operational practices and streamlining some staff assignments.”"),
    # a naming cue, its object, an aside, then the quoted name
    ("The governor lashed out at his rival on the radio, calling him, among other things, “a failed mayor.”",
     "him, among other things, “a failed mayor.”"),
    # a cue inside a dash parenthesis: the content ends at the closing dash
    ('The governor - who once said he would "shut the whole agency down" within a year - spoke on Monday '
     'about the budget.', 'he would "shut the whole agency down" within a year'),
    # a quotation right after reported speech, hanging from its cue, ends it
    ('He also said he was best placed to get a peace deal because he is a negotiator, "like you folks."',
     'he was best placed to get a peace deal because he is a negotiator, "like you folks."'),
])
def test_quotes_content_span_is_exact(code, text, content):
    q = _quote(code(text), content.strip("“”,"))
    assert q.content.text == content


@pytest.mark.parametrize(("text", "start", "quoted"), [
    ("In a statement released after the governor left the race, the senator said he is certain his "
     "friend will remain “a champion of working people.”", "he is certain", "a champion of working people"),
])
def test_quotes_the_quoted_clause_after_the_cue_wins(code, text, start, quoted):
    q = _quote(code(text), quoted)
    assert q.content.text.startswith(start) and q.direct


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The senator says voters want a leader who will protect them, but instead the president is giving "
     "them “lectures and distractions.”", "voters want a leader", "lectures and distractions"),
    # a quoted verb phrase with no subject of its own, after the closing mark of the first quote
    ('In June, the governor said that her family "came out of office not only broke, but in debt," and '
     '"struggled to pay for the house and the children\'s school."', "came out of office", "struggled to pay"),
])
def test_quotes_reported_clause_goes_on_in_a_quoted_conjunct(code, text, first, second):
    q = _quote(code(text), first)
    assert second in q.content.text and q.direct


def test_quotes_a_conjunct_that_brings_in_its_own_quotation_is_not_content(code):
    text = ('The leader said both senators are "strangers in this chamber," but he gave the younger one '
            'a compliment: "You never have to guess where he stands on anything at all."')
    q = _quote(code(text), "strangers in this chamber")
    assert "You never have to guess" not in q.content.text



@pytest.mark.parametrize(("text", "speaker"), [
    ("“Director Comey said my answers were truthful, and what I have said is consistent with what I "
     "told the American people,” Clinton said in the interview.", "Clinton"),
])
def test_quotes_a_saying_quoted_inside_a_quotation_leaves_it_to_the_outer_cue(code, text, speaker):
    q = _quote(code(text), "Director Comey said")
    assert q.content.text.startswith("“Director Comey") and q.direct
    assert q.cue.start > text.index("”") and speaker in q.speaker.text


@pytest.mark.parametrize(("text", "first", "second", "speaker"), [
    ('The prime minister said on Monday that he will "try to form a stable government" and insisted that '
     'his party was "still the strongest force in the country."', "try to form", "strongest force", "minister"),
    ('Republicans were quick to respond, with the senator tweeting that it was a "disaster" for the city and '
     'asking, "How can someone with such bad judgement run the state?"', "disaster", "How can someone",
     "senator"),
])
def test_quotes_a_conjoined_cue_with_its_own_content_is_another_attribution(code, text, first, second, speaker):
    art = code(text)
    a, b = _quote(art, first), _quote(art, second)
    assert a is not b and second not in a.content.text
    assert b.speaker is not None and speaker in b.speaker.text
