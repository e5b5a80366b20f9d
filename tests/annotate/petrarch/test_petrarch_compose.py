"""PETRARCH code composition and dated codes, on hand-built values."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.annotate.actors.dictionary import Person, Role
from dyads.annotate.petrarch.actors import code_on, compose


@pytest.mark.parametrize(
    ("actor", "agents", "expected"),
    [
        ("ARN", ["REL"], "ARNREL"),  # "Arnor cleric"
        ("ARN", ["NGO~", "GOV"], "NGOARNGOV"),  # "an MSF Arnor diplomat": NGO goes before the actor
        ("USAGOV", ["GOV"], "USAGOV"),  # "White House security officials": no repeated part
        ("HGWGOVMED", ["GOVMED"], "HGWGOVMED"),
        ("DNK", ["MUS", "MED"], "DNKMUSMED"),  # "Danish Islamist media"
        (None, ["GOV"], "GOV"),  # "a senior official": no actor, PETRARCH prints ---GOV
        ("GMWGOV", ["WGO"], "GMWGOVWGO"),
        (None, [], None),
    ],
)
def test_petrarch_compose(actor, agents, expected) -> None:
    assert compose(actor, agents) == expected


SAM = Person("Sam", "HOB", None, None, (
    Role("", None, None, dt.date(2008, 1, 21), "HOBCIV"),
    Role("", None, dt.date(2010, 1, 9), dt.date(2010, 1, 13), "ORCHOB"),
    Role("", None, dt.date(2008, 1, 20), dt.date(2012, 11, 10), "HOBMIL"),
    Role("", None, dt.date(2013, 1, 19), None, "HOBELI"),
))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2008, 1, 19), "HOBCIV"),
        (dt.date(2010, 1, 10), "ORCHOB"),  # the first restriction that holds wins
        (dt.date(2010, 6, 1), "HOBMIL"),
        (dt.date(2012, 12, 1), "HOB"),  # none holds: the default (the country here)
        (None, "HOB"),
    ],
)
def test_petrarch_code_on_the_date(day, expected) -> None:
    assert code_on(SAM, day) == expected
