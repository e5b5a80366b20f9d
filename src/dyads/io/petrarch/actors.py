"""Read PETRARCH/TABARI actor dictionaries (``*.actors.txt``).

A record is a primary phrase, optional synonym lines starting with ``+``, and optional code lines
starting with a tab (date restrictions)::

    RONALD_REAGAN_  # CountryInfo.txt
    +PRESIDENT_REAGAN
        [USAELI 19290101-810120]
        [USAGOV 810120-890120]
        [USAELI 890120-040101]
    HAMAS [PSEREBHMS]
    THE_SHIRE  [FRO/BIL/SAM]

A code on the primary line is the default when no restriction holds; a restriction is
``[CODE <date]`` (before), ``[CODE >date]`` (after), ``[CODE date-date]`` (between; every limit is
included, "or equal to") or ``[CODE]`` (a default). The first restriction that holds wins. ``---`` is the null
code; ``A/B`` gives several actors. Dates are ``YYMMDD`` or ``YYYYMMDD``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from dyads.io.petrarch.common import Line, Problem, content_lines, is_stem, parse_date, phrase_words, read_text

NULL_CODE = "---"
_CODE = re.compile(r"^(?:[A-Za-z0-9]+|---|\+\+\+|###)$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_RESTRICTION = re.compile(r"^\s*(?P<code>\S+)?\s*"
                          r"(?:(?P<op>[<>])\s*(?P<date>\S+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?\s*$")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """Codes that apply between ``start`` and ``end`` (both included; None = open)."""

    codes: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Phrase:
    """A dictionary phrase: its words (as written, upper case in PETRARCH files) and whether its last
    word may match as a stem (no trailing underscore)."""

    words: tuple[str, ...]
    stem: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    phrases: tuple[Phrase, ...]  # the primary phrase first
    codes: tuple[DatedCode, ...]  # in file order; unrestricted ones are defaults
    line: int
    comment: str = ""  # the comment on the primary phrase's line ("CountryInfo.txt")

    def codes_on(self, day: dt.date | None) -> tuple[str, ...]:
        """The codes on a date: the first restriction that holds, else the (first) default.

        Undated: the default, else the most recent restriction (the latest start)."""
        defaults = [c for c in self.codes if not c.restricted]
        if day is not None:
            for c in self.codes:
                if c.restricted and c.holds_on(day):
                    return _real(c.codes)
            return _real(defaults[0].codes) if defaults else ()
        if defaults:
            return _real(defaults[0].codes)
        dated = [c for c in self.codes if c.restricted]
        if not dated:
            return ()
        latest = max(dated, key=lambda c: (c.start or dt.date.min, c.end or dt.date.max))
        return _real(latest.codes)


def _real(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in codes if c != NULL_CODE)


@dataclass
class ActorFile:
    name: str
    entries: list[ActorEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    uncoded: list[ActorEntry] = field(default_factory=list)  # records with no code (each also a problem)


def parse_codes(body: str, name: str, line: Line, problems: list[Problem]) -> DatedCode | None:
    """One ``[...]`` block, or None (with a problem recorded) when it is malformed."""
    m = _RESTRICTION.match(body)
    if not m or not (m.group("code") or m.group("op") or m.group("start")):
        problems.append(Problem(name, line.number, f"cannot read the code block [{body.strip()}]"))
        return None
    raw = (m.group("code") or NULL_CODE).strip()
    codes = tuple(c.strip().upper() for c in raw.split("/") if c.strip())
    bad = [c for c in codes if not _CODE.match(c)]
    if bad or not codes:
        problems.append(Problem(name, line.number, f"{raw!r} is not an actor code"))
        return None
    try:
        if m.group("op") == "<":
            return DatedCode(codes, None, parse_date(m.group("date")))
        if m.group("op") == ">":
            return DatedCode(codes, parse_date(m.group("date")), None)
        if m.group("start"):
            start, end = parse_date(m.group("start")), parse_date(m.group("end"))
            if end < start:
                problems.append(Problem(name, line.number, f"date range [{body.strip()}] ends before it starts"))
                return None
            return DatedCode(codes, start, end)
    except ValueError as exc:
        problems.append(Problem(name, line.number, f"[{body.strip()}]: {exc}"))
        return None
    return DatedCode(codes)


def _comment(raw: str) -> str:
    for mark in ("#", ";"):
        if mark in raw:
            return raw.split(mark, 1)[1].strip().lstrip("#;").strip()
    return ""


def read_actors(source: Path | str, name: str | None = None) -> ActorFile:
    """Read an actor dictionary from a path, or from its text (then give ``name``)."""
    if isinstance(source, Path):
        name = name or source.name
        text = read_text(source)
    else:
        text = source
    out = ActorFile(name or "actors")
    phrases: list[Phrase] = []
    codes: list[DatedCode] = []
    start_line = 0
    comment = ""

    def flush() -> None:
        if phrases:
            if not codes:
                out.problems.append(Problem(out.name, start_line,
                                            f"actor {phrases[0].text!r} has no code; give [CODE] or a dated code line"))
                out.uncoded.append(ActorEntry(tuple(phrases), (), start_line, comment))
            else:
                out.entries.append(ActorEntry(tuple(phrases), tuple(codes), start_line, comment))
        phrases.clear()
        codes.clear()

    for line in content_lines(text, semicolon_comments=True):
        stripped = line.text.strip()
        blocks = _BRACKET.findall(stripped)
        head = _BRACKET.sub(" ", stripped).strip()
        if stripped.count("[") != stripped.count("]") or stripped.count("[") != len(blocks):
            out.problems.append(Problem(out.name, line.number, "unbalanced [ ] brackets"))
            continue
        is_code_line = not head and bool(blocks)
        if is_code_line:
            if not phrases:
                out.problems.append(Problem(out.name, line.number, "a code line with no actor phrase before it"))
                continue
            for b in blocks:
                c = parse_codes(b, out.name, line, out.problems)
                if c is not None:
                    codes.append(c)
            continue
        synonym = head.startswith("+")
        if synonym:
            head = head[1:].strip()
        words = phrase_words(head)
        if not words:
            out.problems.append(Problem(out.name, line.number, "no phrase before the code"))
            continue
        if synonym and phrases:
            phrases.append(Phrase(words, is_stem(head)))
        else:
            flush()
            if synonym:
                out.problems.append(Problem(out.name, line.number, f"synonym +{head} has no primary phrase before it"))
            phrases.append(Phrase(words, is_stem(head)))
            start_line = line.number
            comment = _comment(line.raw)
        for b in blocks:
            c = parse_codes(b, out.name, line, out.problems)
            if c is not None:
                codes.append(c)
    flush()
    return out
