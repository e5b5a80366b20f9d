"""PETRARCH/TABARI actor dictionaries: records, synonyms, dated codes, comments, bad lines."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.io.petrarch import read_actors

TEXT = """<!-- a comment
  over two lines -->
RONALD_REAGAN_  # CountryInfo.txt
+PRESIDENT_REAGAN
\t[USAELI 19290101-810120]
\t[USAGOV 810120-890120]
\t[USAELI 890120-040101]
HAMAS [PSEREBHMS] ; a TABARI comment
THE_SHIRE  [FRO/BIL/SAM]
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
ONODOHER
\t[ONO <911226]
"""


def _file():
    return read_actors(TEXT, "test.actors.txt")


def test_petrarch_actors_reads_records_and_synonyms() -> None:
    f = _file()
    assert [e.phrases[0].text for e in f.entries] == ["RONALD REAGAN", "HAMAS", "THE SHIRE", "GOLLUM", "ONODOHER"]
    assert [p.text for p in f.entries[0].phrases] == ["RONALD REAGAN", "PRESIDENT REAGAN"]
    assert f.entries[0].comment == "CountryInfo.txt"
    assert f.problems == []


@pytest.mark.parametrize(
    ("name", "day", "codes"),
    [
        ("RONALD REAGAN", dt.date(1987, 3, 1), ("USAGOV",)),
        ("RONALD REAGAN", dt.date(1995, 1, 1), ("USAELI",)),
        ("RONALD REAGAN", dt.date(2010, 1, 1), ()),  # no restriction holds and no default: no code
        ("HAMAS", dt.date(2010, 1, 1), ("PSEREBHMS",)),
        ("THE SHIRE", None, ("FRO", "BIL", "SAM")),  # A/B/C: several actors
        ("GOLLUM", dt.date(1995, 6, 1), ("HOB",)),  # '<' and date ranges include their limits: first wins
        ("GOLLUM", dt.date(1995, 6, 2), ("HOBGOV",)),
        ("GOLLUM", dt.date(2001, 1, 1), ("HOBREB",)),
        ("ONODOHER", dt.date(1991, 12, 26), ("ONO",)),
        ("ONODOHER", dt.date(1992, 1, 1), ()),
    ],
)
def test_petrarch_actors_codes_depend_on_the_date(name, day, codes) -> None:
    entry = next(e for e in _file().entries if e.phrases[0].text == name)
    assert entry.codes_on(day) == codes


def test_petrarch_actors_two_digit_years_pivot_at_1930() -> None:
    entry = _file().entries[0]
    assert entry.codes[1].start == dt.date(1981, 1, 20)
    assert entry.codes[2].end == dt.date(2004, 1, 1)


@pytest.mark.parametrize(
    ("lines", "number", "detail"),
    [
        ("BAD_DATE\n\t[USAGOV 2004017-20061201]\n", 3, "is not YYMMDD or YYYYMMDD"),
        ("BACKWARDS\n\t[EGYGOV 20121207-20120802]\n", 3, "ends before it starts"),
        ("NO_CODE\n", 2, "has no code"),
        ("UNBALANCED [USA\n", 2, "unbalanced [ ] brackets"),
        ("BAD_CODE [US A]\n", 2, "cannot read the code block"),
    ],
)
def test_petrarch_actors_bad_lines_are_numbered_and_skipped(lines, number, detail) -> None:
    f = read_actors("GOOD_ONE [AAA]\n" + lines + "LAST_ONE [ZZZ]\n", "x.actors.txt")
    assert [e.phrases[0].text for e in f.entries if e.phrases[0].text in ("GOOD ONE", "LAST ONE")] == \
        ["GOOD ONE", "LAST ONE"]
    messages = [p.message for p in f.problems]
    assert any(m.startswith(f"E120 x.actors.txt:{number}: ") and detail in m for m in messages), messages


def test_petrarch_actors_code_line_before_any_phrase() -> None:
    f = read_actors("\t[USA]\nLAST_ONE [ZZZ]\n", "x.actors.txt")
    assert [e.phrases[0].text for e in f.entries] == ["LAST ONE"]
    assert "no actor phrase before it" in f.problems[0].message
