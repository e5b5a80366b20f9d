"""What every PETRARCH/TABARI dictionary file shares: lines, comments, phrases, dates, problems.

The formats are documented in PETRARCH2's ``dictionaries.rst`` (and TABARI's manual, chapter 5):
``#`` starts a comment, so does ``;`` in TABARI actor files, ``<!-- ... -->`` blocks (possibly over
several lines) are comments too; blank lines are skipped; a phrase is words joined by blanks or
underscores; a trailing ``_`` marks a word that must end there (no stem).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dyads.errors import message


@dataclass(frozen=True, slots=True)
class Problem:
    """One malformed line: the file, its 1-based line number and what is wrong with it."""

    file: str
    line: int
    detail: str

    @property
    def message(self) -> str:
        return message("E120", file=self.file, line=self.line, detail=self.detail)


@dataclass(frozen=True, slots=True)
class Line:
    """A line with its comment removed and its number in the file (1-based)."""

    number: int
    text: str  # comment removed, trailing blanks removed; leading tab kept (actor date lines)
    raw: str


def read_text(path: Path) -> str:
    """The file's text: UTF-8, or Windows-1252 for older TABARI files that are not UTF-8."""
    return decode(path.read_bytes())


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


_HTML_COMMENT_START = re.compile(r"<!\s*-")


def content_lines(text: str, semicolon_comments: bool = False) -> Iterator[Line]:
    """The non-blank lines of a dictionary with comments removed."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        m = _HTML_COMMENT_START.search(line)
        while m:
            rest = line[m.end():]
            if "-->" in rest:
                line = line[:m.start()] + rest.split("-->", 1)[1]
            else:
                line = line[:m.start()]
                in_block = True
            m = _HTML_COMMENT_START.search(line)
        line = line.split("#", 1)[0]
        if semicolon_comments:
            line = line.split(";", 1)[0]
        line = line.rstrip()
        if line.strip():
            yield Line(number, line, raw)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """``RONALD_REAGAN_`` or ``Ronald Reagan`` -> ("RONALD", "REAGAN")."""
    return tuple(w for w in re.split(r"[\s_]+", phrase.strip()) if w)


def is_stem(phrase: str) -> bool:
    """True when the phrase's last word has no trailing ``_`` (TABARI: it may match as a stem)."""
    return not phrase.rstrip().endswith("_")


def regular_plural(word: str) -> str:
    """The regular English plural PETRARCH generates: +S, consonant+Y -> IES, SS/SH/CH/X/Z -> ES; a
    word that already ends in a single S (a plural: "forces") is left as it is."""
    upper = word.upper()
    if upper.endswith("S") and not upper.endswith("SS"):
        return word
    if upper.endswith("Y") and len(word) > 1 and upper[-2] not in "AEIOU":
        return word[:-1] + ("ies" if word[-1].islower() else "IES")
    if upper.endswith(("SS", "SH", "CH", "X", "Z")):
        return word + ("es" if word[-1].islower() else "ES")
    return word + ("s" if word[-1:].islower() else "S")


_DATE = re.compile(r"^\d{6}$|^\d{8}$")


def parse_date(value: str, two_digit_pivot: int = 30) -> dt.date:
    """``YYMMDD`` or ``YYYYMMDD``; two-digit years below the pivot are 20YY, others 19YY.

    Raises ValueError for anything else (the caller reports the line)."""
    value = value.strip()
    if not _DATE.match(value):
        raise ValueError(f"date {value!r} is not YYMMDD or YYYYMMDD")
    if len(value) == 6:
        yy = int(value[:2])
        year = (2000 if yy < two_digit_pivot else 1900) + yy
        month, day = int(value[2:4]), int(value[4:6])
    else:
        year, month, day = int(value[:4]), int(value[4:6]), int(value[6:8])
    return dt.date(year, month, day)
