"""Read PETRARCH/TABARI agent dictionaries (``*.agents.txt``).

A record is ``PHRASE {optional plurals} [~CODE]`` (the code goes after the actor's code:
"Russian" + "minister" -> RUSGOV) or ``[CODE~]`` (before it: "MSF" -> NGO...). Regular plurals of
the last word are generated; ``{}`` says there is none, ``{A B}`` lists irregular ones. Substitution
sets are defined as ``!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON`` and used inside phrases
(``CONGRESS!PERSON!``, ``FOREIGN_!MINIST!``): every member replaces the marker, with no further
plurals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dyads.io.petrarch.common import Problem, content_lines, phrase_words, read_text, regular_plural

_SUBST_DEF = re.compile(r"^\s*(![A-Za-z0-9_]+!)\s*=\s*(.*)$")
_RECORD = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^{}]*)\})?\s*\[(?P<code>[^\[\]]*)\]\s*(?P<rest>.*)$")
_MARKER = re.compile(r"![A-Za-z0-9_]+!")
_AGENT_CODE = re.compile(r"^[A-Za-z0-9]+$")


@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: str  # as written, e.g. "FOREIGN_!MINIST!"
    forms: tuple[tuple[str, ...], ...]  # every surface form as words, singular and plural
    code: str  # "GOV", "GOVFRM", "NGO"
    prefix: bool  # True for [CODE~]: the code goes before the actor's code
    line: int


@dataclass
class AgentFile:
    name: str
    entries: list[AgentEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    substitutions: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _expand(words: tuple[str, ...], subs: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]] | str:
    """Replace every !MARKER! by each member of its set; a string names an undefined marker."""
    out: list[tuple[str, ...]] = [()]
    for w in words:
        markers = _MARKER.findall(w)
        if not markers:
            out = [o + (w,) for o in out]
            continue
        variants = [w]
        for mk in markers:
            if mk.upper() not in subs:
                return mk
            variants = [v.replace(mk, m, 1) for v in variants for m in subs[mk.upper()]]
        out = [o + tuple(phrase_words(v)) for o in out for v in variants]
    return out


def read_agents(source: Path | str, name: str | None = None) -> AgentFile:
    """Read an agent dictionary from a path, or from its text (then give ``name``)."""
    if isinstance(source, Path):
        name = name or source.name
        text = read_text(source)
    else:
        text = source
    out = AgentFile(name or "agents")
    for line in content_lines(text):
        s = line.text.strip()
        d = _SUBST_DEF.match(s)
        if d:
            members = tuple(m.strip() for m in d.group(2).split(",") if m.strip())
            if not members:
                out.problems.append(Problem(out.name, line.number, f"substitution set {d.group(1)} is empty"))
            else:
                out.substitutions[d.group(1).upper()] = members
            continue
        m = _RECORD.match(s)
        if not m:
            out.problems.append(Problem(out.name, line.number, "not an agent record 'PHRASE {plurals} [~CODE]'"))
            continue
        if m.group("rest").strip():
            out.problems.append(Problem(out.name, line.number, f"unexpected text after the code: {m.group('rest')!r}"))
            continue
        raw_code = m.group("code").replace(" ", "")
        prefix = raw_code.endswith("~")
        code = raw_code.strip("~").upper()
        if raw_code.count("~") != 1 or not (raw_code.startswith("~") or prefix) or not _AGENT_CODE.match(code):
            out.problems.append(Problem(out.name, line.number,
                                        f"[{m.group('code').strip()}] is not an agent code; use [~CODE] or [CODE~]"))
            continue
        phrase = m.group("phrase").strip()
        words = phrase_words(phrase)
        if not words:
            out.problems.append(Problem(out.name, line.number, "no phrase before the code"))
            continue
        expanded = _expand(words, out.substitutions)
        if isinstance(expanded, str):
            out.problems.append(Problem(out.name, line.number,
                                        f"substitution marker {expanded} is not defined above this line"))
            continue
        forms: list[tuple[str, ...]] = []
        has_marker = bool(_MARKER.search(phrase))
        plural = m.group("plural")
        for f in expanded:
            forms.append(f)
            if has_marker:
                continue
            if plural is None:
                forms.append(f[:-1] + (regular_plural(f[-1]),))
            else:
                forms.extend(p for p in (phrase_words(x) for x in plural.split()) if p)
        out.entries.append(AgentEntry(phrase, tuple(dict.fromkeys(forms)), code, prefix, line.number))
    return out
