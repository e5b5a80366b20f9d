"""PETRARCH/TABARI verb dictionaries: synsets, families, verbs and their forms, patterns."""

from __future__ import annotations

import pytest

from dyads.io.petrarch import read_verbs, split_code

TEXT = """&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY_
+DOLLAR
+SWISS_FRANC

&ACCORDSYN  # embedded synsets
+&TIETYPES
+CLOSER

--- ABANDON  [345]  ---
ABANDON    # pas 15 Jul 2003
- * NEW_&TIETYPES_RELATIONS [903]
- * IMPROVED &TIETYPES RELATIONS [904]

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} [1711]
- + KNOWN_ * IN_ $  [076]
- * (FOR {FINANCIAL AID}) [0231]

--- MEET  [031:032]  ---
MEET
- % HAVE POSTPONED *  [191]

~ a (a b ATTACK) SAY = a b 015
"""


def _file():
    return read_verbs(TEXT, "t.verbs.txt")


def test_petrarch_verbs_synsets() -> None:
    f = _file()
    assert f.problems == []
    assert set(f.synsets["&TIETYPES"].phrases) == {("MILITARY",), ("MILITARIES",), ("ECONOMIC",), ("ECONOMICS",)}
    assert set(f.synsets["&CURRENCY"].phrases) == {("DOLLAR",), ("SWISS", "FRANC")}  # label '_': no plurals
    assert ("CLOSER",) in f.synsets["&ACCORDSYN"].phrases and ("MILITARY",) in f.synsets["&ACCORDSYN"].phrases


def test_petrarch_verbs_families_and_forms() -> None:
    fam = {x.name: x for x in _file().families}
    assert fam["ABANDON"].code == "345"
    assert fam["ABANDON"].verbs[0].forms == ("ABANDON", "ABANDONS", "ABANDONED", "ABANDONING")
    brk = fam["BREAK"].verbs
    assert brk[0].forms == ("BREAK", "BROKE", "BROKEN")
    assert (brk[1].verb, brk[1].after, brk[1].forms) == ("BREAK", ("DOWN",), ("BREAK", "BREAKS", "BROKE"))
    assert (brk[2].before, brk[2].verb, brk[2].code) == (("WIRE",), "TAP", "1711")


def test_petrarch_verbs_patterns() -> None:
    fam = {x.name: x for x in _file().families}
    p = fam["ABANDON"].patterns[0]
    assert p.code == "903" and p.pre == ()
    assert [(t.kind, t.text, t.joined) for t in p.post] == [
        ("verb", "*", False), ("word", "NEW", False), ("synset", "&TIETYPES", True), ("word", "RELATIONS", True)]
    tabari = fam["BREAK"].patterns[0]
    assert [t.kind for t in tabari.pre] == ["target", "word"]
    assert [t.kind for t in tabari.post] == ["verb", "word", "source"]
    petr = fam["BREAK"].patterns[1]
    assert [t.kind for t in petr.post] == ["verb", "pp_open", "word", "np_open", "word", "word", "np_close", "pp_close"]
    assert [t.text for t in _file().transformations] == ["a (a b ATTACK) SAY = a b 015"]


@pytest.mark.parametrize(
    ("code", "parts"),
    [("064", ("064", None)), ("032:033", ("032", "033")), (":173", (None, "173")), ("---", (None, None))],
)
def test_petrarch_verbs_split_code(code, parts) -> None:
    assert split_code(code) == parts


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ("- * DIPLXMATIC", "has no [code]"),
        ("- *SCEPTICAL [012]", "exactly one '*'"),
        ("- * VENTURE (WITH VISIT)) [042]", "unbalanced ')'"),
        ("- * (IN &WEATHER) [---]", "synset &WEATHER is not defined"),
        ("- * AID [080!]", "is not an event code"),
    ],
)
def test_petrarch_verbs_bad_lines_are_numbered(line, detail) -> None:
    f = read_verbs("--- AID [070] ---\nAID\n" + line + "\n- * LOAN [071]\n", "t.verbs.txt")
    assert [p.code for p in f.families[0].patterns] == ["071"]
    assert len(f.problems) == 1 and f.problems[0].line == 3 and detail in f.problems[0].message
