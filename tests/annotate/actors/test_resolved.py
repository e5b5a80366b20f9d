"""The resolver's record of an actor and how two readings of one actor combine."""

from __future__ import annotations

from dyads.annotate.actors.resolved import Resolved, actor_code, merge


def test_resolved_code_joins_country_and_sector() -> None:
    assert actor_code("RUS", "GOV") == "RUSGOV"
    assert actor_code("RUS", None) == "RUS"
    assert actor_code(None, "MIL") == "MIL"
    assert actor_code(None, None) is None


def test_resolved_merge_fills_what_the_first_reading_leaves_open() -> None:
    """"the president of Russia": the role gives the sector, the of-phrase the country."""
    role = Resolved("GOV", None, "GOV", None, "agent:president", person=True)
    country = Resolved("RUS", "RUS", None, "Russia", "country:Russia")
    both = merge(role, country)
    assert both is not None and (both.code, both.country, both.sector, both.person) == ("RUSGOV", "RUS", "GOV", True)
    assert both.how == "agent:president+country:Russia"
    assert merge(None, country) is country and merge(role, None) is role


def test_resolved_merge_keeps_an_organisations_own_code() -> None:
    igo = Resolved("IGOEU", None, None, "European Union", "igo:EU")
    assert merge(igo, Resolved("BEL", "BEL", None, "Belgium", "country:Belgium")).code == "IGOEU"
