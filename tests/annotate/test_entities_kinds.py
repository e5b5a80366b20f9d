"""Entities: persons with roles and actors, organisations, places, dates."""

from __future__ import annotations

import pytest

TEXT = ("Kremlin spokesman Dmitry Peskov said on Wednesday that North Korea’s foreign minister met "
        "President Vladimir Putin in Moscow. The United Nations Security Council met in 2022.")


@pytest.fixture(scope="module")
def ents(pipeline):
    import dyads

    return dyads.code(TEXT, date="2024-01-17").entities


def _one(ents, text):
    found = [e for e in ents if e.text == text]
    assert found, [e.text for e in ents]
    return found[0]


@pytest.mark.parametrize(("text", "type_", "actor", "role"), [
    ("Dmitry Peskov", "person", "RUSGOV", "Kremlin spokesman"),
    ("Vladimir Putin", "person", "RUSGOV", "President"),
    ("North Korea’s foreign minister", "person", "PRKGOV", "foreign minister"),
    ("Moscow", "place", None, None),
    ("The United Nations Security Council", "org", "IGO", None),
])
def test_entities_kinds(ents, text, type_, actor, role):
    e = _one(ents, text)
    assert e.type == type_
    if actor:
        assert e.actor and e.actor.startswith(actor)
    assert e.role == role
    assert TEXT[e.start:e.end] == e.text


@pytest.mark.parametrize(("text", "value"), [("Wednesday", "2024-01-17"), ("2022", "2022")])
def test_entities_dates_resolved(ents, text, value):
    e = _one(ents, text)
    assert e.type == "date" and e.value == value
