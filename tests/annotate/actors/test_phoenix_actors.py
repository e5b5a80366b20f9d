"""Actors dyads took over from the Phoenix dictionaries (data/phoenix.json), on hand-written sentences."""

from __future__ import annotations

import pytest


def _codes(code, text, date):
    art = code(text, date)
    return {a.text: a.code for e in art.events for a in (e.source, e.target) if a is not None}


@pytest.mark.parametrize(
    ("text", "date", "mention", "expected"),
    [
        ("President Reagan warned Iran on Monday.", "1987-03-03", "President Reagan", "USAGOV"),
        ("Ronald Reagan criticized Iran.", "1995-06-01", "Ronald Reagan", "USAELI"),  # after his term
        ("Chancellor Helmut Kohl criticized France.", "1987-05-01", "Chancellor Helmut Kohl", "DEUGOV"),
        ("Mikhail Gorbachev praised France.", "1987-05-01", "Mikhail Gorbachev", "RUSGOV"),
        ("The Soviet Union condemned West Germany.", "1987-01-05", "The Soviet Union", "SUN"),
        ("The Soviet Union condemned West Germany.", "1987-01-05", "West Germany", "DEU"),
        ("Secretary of State George Shultz criticized Nicaragua.", "1987-05-01",
         "Secretary of State George Shultz", "USAGOV"),
    ],
)
def test_phoenix_actors_dated_people_and_old_names(code, text, date, mention, expected) -> None:
    got = _codes(code, text, date)
    assert got.get(mention) == expected, got


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("David Blunkett criticised France.", "David Blunkett", "GBRGOV"),  # undated: his most recent office
        ("Michael Howard criticised France.", "Michael Howard", "GBROPP"),  # hand-edited: not in Phoenix
        ("The EC criticized Japan.", "The EC", "IGOEEC"),
        ("The European Community criticized Japan.", "The European Community", "IGOEEC"),
        ("GATT criticized Japan.", "GATT", "IGOGATT"),
        ("The Northern Alliance attacked the Taliban.", "The Northern Alliance", "AFGREB"),
        ("The Tories criticised Labour.", "The Tories", "GBR"),
    ],
)
def test_phoenix_actors_undated_groups_and_organisations(code, text, mention, expected) -> None:
    got = _codes(code, text, None)
    assert (got.get(mention) or "").startswith(expected), got
