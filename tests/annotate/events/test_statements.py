"""Statements: a reported speech act is an event of its speaker (sentences written for dyads)."""

from __future__ import annotations

import pytest


def _statements(article):
    return [e for e in article.events if e.rule.startswith("statement:")]


@pytest.mark.parametrize("text, source, cameo, target", [
    ("The Norwegian foreign minister said Sweden had been a reliable neighbour for decades.", "NORGOV", "010", "SWE"),
    ("The Greek government told reporters that Turkey should respect the maritime border.", "GRCGOV", "020", "TUR"),
    # "must": a demand (10), not a request (02)
    ("The Greek government told reporters that Turkey must respect the maritime border.", "GRCGOV", "100", "TUR"),
])
def test_statements_speaker_class_and_target(code, text, source, cameo, target):
    evs = _statements(code(text))
    assert [(e.source.code, e.cameo, e.target.code if e.target else None) for e in evs] == [(source, cameo, target)]
    assert evs[0].modality in ("asserted", "claimed")


@pytest.mark.parametrize("text", ["Chile's president said Peru should withdraw its claim to the islands."])
def test_statements_an_obliged_deed_is_the_speakers_demand(code, text):
    """"X said Y should do Z": one appeal or demand by X to Y (the deed's own pattern or a statement)."""
    evs = [e for e in code(text).events if e.source and e.source.code == "CHLGOV"]
    assert [(e.root, e.target.code if e.target else None) for e in evs] in ([("10", "PER")], [("02", "PER")])


@pytest.mark.parametrize("text", [
    "Lithuania said it would expand its embassy in Warsaw.",  # the speaker again ('it') is no target
    "Lithuania said its ports were ready for the new ferries.",
])
def test_statements_the_speaker_is_not_its_own_target(code, text):
    evs = _statements(code(text))
    assert all(e.target is not None and e.target.country != "LTU" for e in evs)


@pytest.mark.parametrize("text, target", [
    ("The Chilean finance minister said Chile would sell dozens of state assets.", None),
    ("The Chilean finance minister said Chile wanted closer links with Peru.", "PER"),
])
def test_statements_about_the_speakers_own_country_have_no_hearer_there(code, text, target):
    """A minister saying what its own country will do is a statement of the government with no
    target, or toward the other actor the content names; the country itself is not its hearer."""
    evs = _statements(code(text))
    assert evs and evs[0].source.code == "CHLGOV"
    assert (evs[0].target.code if evs[0].target else None) == target


@pytest.mark.parametrize("text", [
    "Asked about the border, the Estonian prime minister said nothing had changed.",  # asked: passive
    "The Mirror newspaper said the Danish government had received the letter.",  # media report, not act
    "Kenya's president did not say whether Uganda had been consulted.",  # negated
    "Kenya's president refused to say whether Uganda had been consulted.",
    "Ghana is said to have recalled its ambassador.",  # passive: nobody named says it
])
def test_statements_not_made(code, text):
    assert not [e for e in _statements(code(text)) if e.source and e.source.sector == "MED"]
    evs = _statements(code(text))
    if "Estonian" in text:
        assert all(e.rule != "statement:ask+appeal>020" for e in evs)
    else:
        assert not evs


@pytest.mark.parametrize("text, cameo", [
    ("Portugal's foreign minister said Spain was developing its ties with Morocco.", "050"),
])
def test_statements_give_way_to_the_speakers_own_coded_content(code, text, cameo):
    """When the content codes an event of the speaker's own country, that event is the statement."""
    art = code(text)
    assert any(e.cameo.startswith(cameo[:2]) for e in art.events)


@pytest.mark.parametrize("text", [
    '"We will not accept this," the Austrian chancellor told the BBC in an interview.',
])
def test_statements_hearer_in_the_media_is_no_target(code, text):
    for e in code(text).events:
        assert e.target is None or e.target.sector != "MED"
        assert "BBC" not in e.evidence.text


@pytest.mark.parametrize("text", ["The Irish foreign minister asked why Britain had closed the border."])
def test_statements_a_question_is_no_statement(code, text):
    assert not [e for e in code(text).events if e.rule.startswith("statement:ask")]


@pytest.mark.parametrize("text, cameo, target", [
    ("Lithuania has said it wants closer links with the European Union.", "030", "IGOEU"),  # an intent verb
    ("Estonia said it will build a new railway to Latvia.", "030", "LVA"),  # "will", a verb with no code
    ("Lithuania said it would oppose the plans of Belarus.", "120", "BLR"),  # the lexicon's code of the deed
    ("Lithuania said it will meet Belarus next week.", "036", "BLR"),  # cooperation: its intent code
])
def test_statements_the_speakers_own_intent(code, text, cameo, target):
    """What a speaker says it will do, wants or plans is its stated intent (CAMEO 03), or, for a deed
    the lexicon codes, that deed intended ("would oppose" a rejection, "will meet" 036: the deed's
    own pattern, or the statement when the parse hides the deed's subject)."""
    evs = [e for e in code(text).events if e.source and e.source.country in ("LTU", "EST")]
    assert any(e.cameo == cameo and e.target is not None and e.target.code == target for e in evs), \
        [(e.cameo, e.rule, e.target and e.target.code) for e in evs]


@pytest.mark.parametrize("text", [
    "Lithuania said Belarus will hold elections in May.",  # another actor's future: a statement
    '"We would probably lose," the Lithuanian president told Belarus.',  # a supposition in a quotation
    "Lithuania said the economy would grow by 3% in Belarus.",  # a forecast about no actor
])
def test_statements_no_intent_of_others_or_suppositions(code, text):
    assert not [e for e in _statements(code(text)) if "+intent" in e.rule]


def test_statements_quoted_as_saying_is_the_quoted_speaker_saying_it(code) -> None:
    evs = _statements(code("A senior Israeli defence official was quoted by army radio as saying Hamas had "
                           "shifted its tactics."))
    assert [(e.source.code, e.target.code) for e in evs] == [("ISRGOV", "PSEREB")]


def test_statements_the_speakers_own_thing_is_not_the_target(code) -> None:
    """"Gorbachev said Gorbachev's new offer ...": the offer is the speaker's; the target is the
    next actor the content names."""
    evs = _statements(code("Title. The minister spoke. Mikhail Gorbachev said Gorbachev's new offer removed a "
                           "major obstacle to a treaty with the United States.", "1987-03-02"))
    assert [e.target.code if e.target else None for e in evs] == ["USA"]


def test_statements_a_gathering_is_no_speaker(code) -> None:
    """"... at the Amman gathering, they said": a meeting is no antecedent of "they" (nor an actor
    by its venue)."""
    evs = _statements(code("Title. Diplomats met in Jordan. Escalation could work against Tehran at the Amman "
                           "gathering, they said.", "1987-03-02"))
    assert not [e for e in evs if e.source is not None and e.source.text.endswith("gathering")]


def test_statements_the_hearer_is_the_target_when_the_content_names_no_one(code) -> None:
    """"told the Turkish ambassador that the talks had failed": said to Turkey; "told reporters" or
    "told Reuters" is said to no party."""
    evs = _statements(code("Title. The Greek foreign minister told the Turkish ambassador that the talks had "
                           "failed.", "2004-03-01"))
    assert [(e.source.code, e.target.code if e.target else None) for e in evs] == [("GRCGOV", "TURGOV")]
    assert "+hearer" in evs[0].rule
    for hearer in ("reporters", "Reuters"):
        evs = _statements(code(f"Title. The Greek foreign minister told {hearer} that the talks had failed.",
                               "2004-03-01"))
        assert not [e for e in evs if e.target is not None], hearer


def test_statements_a_quotations_next_sentence_does_not_silence_the_first(code) -> None:
    """'"The government is employing the politics of confusion," argued Mr Davis. "By confusing
    the country it hopes ..."': the second sentence's own event does not stand for the statement."""
    evs = _statements(code('Title. Britain and the UK government attacked the plan. "The government is employing '
                           'the politics of confusion," argued Mr Davis. "By confusing the country it hopes no one '
                           'will notice."', "2004-11-01"))
    assert [(e.source.text, e.target.code if e.target else None) for e in evs] == [("Mr Davis", "GBRGOV")]
