"""PETRARCH agent dictionaries: codes before or after the actor, plurals, substitution sets."""

from __future__ import annotations

import pytest

from dyads.io.petrarch import read_agents

TEXT = """<!-- PETRARCH VALIDATION SUITE AGENTS DICTIONARY -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_MINISTER [~GOVFRM] # jap 4/14/01
POLICE {} [ ~COP] # JON 2/8/95
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
SECURITY_AGENCY [~SPY]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS!PERSON! [~LEG]
FOREIGN_!MINIST! [~GOV]
"""


def _forms(f, phrase):
    return {" ".join(w) for e in f.entries if e.phrase == phrase for w in e.forms}


def test_petrarch_agents_codes_and_their_side() -> None:
    f = read_agents(TEXT, "t.agents.txt")
    assert f.problems == []
    got = {e.phrase: (e.code, e.prefix) for e in f.entries}
    assert got["FOREIGN_MINISTER"] == ("GOVFRM", False)
    assert got["HUMAN_RIGHTS_BODY"] == ("NGO", True)
    assert got["POLICE"] == ("COP", False)


@pytest.mark.parametrize(
    ("phrase", "forms"),
    [
        ("FOREIGN_MINISTER", {"FOREIGN MINISTER", "FOREIGN MINISTERS"}),  # regular plural
        ("POLICE", {"POLICE"}),  # {}: no plural
        ("ATTORNEY_GENERAL", {"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}),  # irregular plural
        ("SECURITY_AGENCY", {"SECURITY AGENCY", "SECURITY AGENCIES"}),
        ("CONGRESS!PERSON!", {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN", "CONGRESSPERSON"}),
        ("FOREIGN_!MINIST!", {"FOREIGN MINISTER", "FOREIGN MINISTERS", "FOREIGN MINISTRY", "FOREIGN MINISTRIES"}),
    ],
)
def test_petrarch_agents_forms(phrase, forms) -> None:
    assert _forms(read_agents(TEXT, "t.agents.txt"), phrase) == forms


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ("DEPARMENT_OF_ENVIRONMENT [~ENV}", "not an agent record"),
        ("ISLAMIC_EXTREMIST", "not an agent record"),
        ("WRONG_SIDE [GOV]", "is not an agent code"),
        ("!NOPE!_OFFICER [~COP]", "!NOPE! is not defined"),
    ],
)
def test_petrarch_agents_bad_lines_are_numbered(line, detail) -> None:
    f = read_agents("AMBASSADOR [~GOV]\n" + line + "\nJUDGE [~JUD]\n", "t.agents.txt")
    assert [e.phrase for e in f.entries] == ["AMBASSADOR", "JUDGE"]
    assert len(f.problems) == 1 and f.problems[0].line == 2 and detail in f.problems[0].message
