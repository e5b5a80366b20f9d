"""The countries an article is about (dyads.annotate.actors.weights)."""

from __future__ import annotations

import pytest

from dyads.annotate.actors.weights import principal_country


@pytest.mark.parametrize(("weights", "expected"), [
    ({"KEN": 4.0, "UGA": 1.0}, "KEN"),  # clearly ahead
    ({"KEN": 3.0, "UGA": 3.0}, None),  # a story between two countries
    ({"KEN": 1.0}, None),  # one mention is not enough
    ({}, None),
    ({"KEN": 3.0, "UGA": 1.0, "TZA": 1.0, "RWA": 1.0, "BDI": 1.0, "SSD": 1.0}, None),  # under 40 % of the weight
])
def test_weights_principal_country_clearly_leads_or_is_none(weights, expected) -> None:
    assert principal_country(weights) == expected


def test_weights_named_governments_are_the_countries_whose_government_the_text_names(pipeline) -> None:
    from dyads.annotate.actors.weights import named_governments

    doc = pipeline.nlp("The Australian Government is talking to the Kremlin. The government of Fiji said nothing.")
    mentions = pipeline.resources.extras["actor_matcher"].find(doc)
    at = {i: m for m in mentions for i in range(m.start, m.end)}
    assert named_governments(doc, at) == {"AUS", "RUS"}  # "the government of Fiji": an of-phrase, not counted


CRICKET_THEN_GAZA = (
    "Australia and South Africa meet in the first cricket Test in Adelaide tomorrow. The Australian side is "
    "confident. The South Africans arrived last week. The pitch is dry. Glenn Smithers says New Zealand was a "
    "tougher side. South Africa's captain says his batsmen are in form. The Australian coach agrees. Australia won "
    "the last series in South Africa. Israeli warplanes have bombed Gaza City security "
    "buildings close to Palestinian leader Yasser Arafat's offices. Palestinian officials said the planes hit "
    "police offices in Gaza. Palestinian militants had earlier killed 10 Israelis in the West Bank. Palestinian "
    "leader Yasser Arafat closed the offices of Hamas. The Palestinian Authority condemned the attack on the bus. "
    "Palestinian police said Palestinian gunmen shot a settler near Hebron.")


def test_weights_local_principal_is_the_passages_country(pipeline) -> None:
    from dyads.annotate.actors.weights import country_weights, local_principal, principal_country

    doc = pipeline.nlp(CRICKET_THEN_GAZA)
    mentions = pipeline.resources.extras["actor_matcher"].find(doc)
    starts = [s.start for s in doc.sents]
    article = principal_country(country_weights(doc, mentions, None))
    assert article == "PSE"
    assert local_principal(doc, mentions, None, starts, 4, article) is None  # a cricket story: no one country leads
    assert local_principal(doc, mentions, None, starts, 11, article) == "PSE"


def test_weights_an_unknown_person_takes_the_passages_country_not_the_bulletins(code) -> None:
    """A bulletin that joins a cricket story to one from Gaza: the bowler is no Palestinian."""
    evs = code(CRICKET_THEN_GAZA, "2001-12-05").events
    assert not [e for e in evs if e.source is not None and "Smithers" in e.source.text and e.source.code]
    assert [e for e in evs if e.source is not None and e.source.code == "PSEREB"]
