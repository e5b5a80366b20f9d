"""Places the dictionaries do not list (dyads.annotate.actors.places), on the real gazetteer."""

from __future__ import annotations

import pytest

from dyads.annotate.actors.places import place_country


@pytest.mark.parametrize(("text", "tagged", "named", "country"), [
    ("Aleppo", True, set(), "SYR"),  # a city stands for its country
    ("Ohio", True, set(), "USA"),  # a US state
    ("Nowhereville", True, set(), None),
])
def test_places_a_city_or_state_stands_for_its_country(text, tagged, named, country) -> None:
    found = place_country(text, tagged, named)
    assert (found[0] if found else None) == country


def test_places_an_untagged_name_must_be_a_large_city() -> None:
    assert place_country("Aleppo", False, set()) is not None  # about two million people
    small = place_country("Sharana", True, set())
    assert small is None or place_country("Sharana", False, set()) is None
