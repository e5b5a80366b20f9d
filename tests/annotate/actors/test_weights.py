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
