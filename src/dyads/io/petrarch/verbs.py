"""Read PETRARCH/TABARI verb dictionaries (``*.verbs.txt``, ``CAMEO*.txt``).

The file holds synonym sets, then verb families::

    &CURRENCY                      a synset: '+' lines are its phrases (plurals generated unless
    +DOLLAR                        the label or the phrase ends with '_'); '+&OTHER' embeds a set
    --- ABANDON  [345] ---         a family: the code of its verbs when no pattern matches
    ABANDON                        a verb (regular forms generated)
    BREAK {BROKE BROKEN}           irregular forms in {...}; an own code may follow in [...]
    +CORDON_OFF {+CORDONED_OFF}    a multi-word verb: '+' marks the word that is the verb
    - * DIPLOMATIC TIES [901]      a pattern: words before '*' come before the verb, words after
    - * (FOR {FINANCIAL AID}) [0231]   it after; {..} a noun phrase, (..) a prepositional phrase;
                                   TABARI tokens: $ source, + target, % both, ^ skip a phrase,
                                   &SET a synset; '_' joins words that must be consecutive
    ~ a (a b ATTACK) SAY = a b 015 a transformation (read and kept; dyads does not apply them)

Codes are kept as written ("064", "032:033" = a second event with source and target swapped,
":173" only that one, "---" no event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dyads.io.petrarch.common import Problem, content_lines, read_text, regular_plural

NULL = "---"
TokenKind = Literal["word", "synset", "verb", "source", "target", "compound", "skip",
                    "np_open", "np_close", "pp_open", "pp_close"]
_SPECIAL: dict[str, TokenKind] = {"*": "verb", "$": "source", "+": "target", "%": "compound", "^": "skip",
                                  "{": "np_open", "}": "np_close", "(": "pp_open", ")": "pp_close"}
_FAMILY = re.compile(r"^-{3}\s*(?P<name>[^\[\]]*?)\s*(?:\[(?P<code>[^\]]*)\].*?)?\s*(?:-{3})?\s*$")
_CODE_BLOCK = re.compile(r"\[([^\[\]]*)\]\s*$")
_VERB_CODE = re.compile(r"^(?:[A-Za-z0-9?]*(?::[A-Za-z0-9?]*)?|---|\+\+\+|###)$")


@dataclass(frozen=True, slots=True)
class Token:
    """One element of a pattern."""

    kind: TokenKind
    text: str = ""  # the word (upper case) or synset name (with '&')
    stem: bool = False  # a word with no trailing '_': TABARI lets it match as a stem
    joined: bool = False  # '_' joins it to the element before: no words between them


@dataclass(frozen=True, slots=True)
class VerbPattern:
    pre: tuple[Token, ...]
    post: tuple[Token, ...]
    code: str
    line: int
    text: str  # the pattern as written, for the rule id

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.pre + self.post


@dataclass(frozen=True, slots=True)
class VerbEntry:
    verb: str  # the word that is the verb, upper case ("CORDON")
    before: tuple[str, ...]  # words of a multi-word verb before it ("WIRE" TAP)
    after: tuple[str, ...]  # and after it (CORDON "OFF")
    forms: tuple[str, ...]  # the verb word's forms, base first
    code: str | None  # its own code; None: the family's
    line: int


@dataclass(frozen=True, slots=True)
class VerbFamily:
    name: str
    code: str  # the code of an isolated verb of the family ("---": none)
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[VerbPattern, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Synset:
    name: str  # with '&'
    phrases: tuple[tuple[str, ...], ...]
    line: int


@dataclass(frozen=True, slots=True)
class Transformation:
    text: str
    line: int


@dataclass
class VerbFile:
    name: str
    synsets: dict[str, Synset] = field(default_factory=dict)
    families: list[VerbFamily] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def split_code(code: str) -> tuple[str | None, str | None]:
    """("064", None) for "064"; ("032", "033") for "032:033"; (None, "173") for ":173"; None for "---"."""
    if ":" in code:
        a, b = code.split(":", 1)
        return (a or None) if a != NULL else None, (b or None) if b != NULL else None
    return (code if code and code != NULL else None), None


def verb_forms(word: str) -> tuple[str, ...]:
    """The regular forms PETRARCH generates for a verb: base, -S, -ED, -ING."""
    w = word.upper()
    if w.endswith("E"):
        ed, ing = w + "D", w[:-1] + "ING"
    elif w.endswith("Y") and len(w) > 1 and w[-2] not in "AEIOU":
        ed, ing = w[:-1] + "IED", w + "ING"
    else:
        ed, ing = w + "ED", w + "ING"
    return (w, regular_plural(w), ed, ing)


def _split_words(chunk: str) -> list[str]:
    return [p for p in chunk.replace("_", " ").split() if p]


def _parse_verb(text: str, code: str | None, line: int) -> VerbEntry | str:
    """A verb line (without its code); a string says what is wrong."""
    forms_text = None
    m = re.search(r"\{([^{}]*)\}", text)
    if m:
        forms_text = m.group(1)
        text = (text[:m.start()] + text[m.end():]).strip()
    if "{" in text or "}" in text:
        return "unbalanced { } in the verb line"
    words = text.replace("_", " ").split()
    if not words:
        return "no verb on the line"
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1:
        return "more than one word marked '+' as the verb"
    i = marked[0] if marked else 0
    verb = words[i].lstrip("+").upper()
    if not verb:
        return "'+' with no verb word"
    before = tuple(w.upper() for w in words[:i])
    after = tuple(w.upper() for w in words[i + 1:])
    if forms_text is None:
        forms = verb_forms(verb)
    else:
        extra = []
        for f in forms_text.split():
            fw = f.replace("_", " ").split()
            fm = [x for x in fw if x.startswith("+")]
            extra.append((fm[0] if fm else fw[0]).lstrip("+").upper())
        forms = tuple(dict.fromkeys([verb, *extra]))
    return VerbEntry(verb, before, after, forms, code, line)


def _tokens(text: str, synsets: dict[str, Synset]) -> list[Token] | str:
    """The tokens of a pattern (before its code); a string says what is wrong."""
    spaced = re.sub(r"([{}()])", r" \1 ", text)
    out: list[Token] = []
    depth = {"{": 0, "(": 0}
    for chunk in spaced.split():
        parts = chunk.split("_")
        for j, part in enumerate(parts):
            joined = j > 0
            if part == "":
                continue  # a trailing '_' (handled below) or a doubled one
            trailing = j + 1 < len(parts) and parts[j + 1] == "" and j + 2 == len(parts)
            kind = _SPECIAL.get(part)
            if kind is not None:
                if kind in ("np_open", "pp_open"):
                    depth["{" if kind == "np_open" else "("] += 1
                elif kind in ("np_close", "pp_close"):
                    key = "{" if kind == "np_close" else "("
                    depth[key] -= 1
                    if depth[key] < 0:
                        return f"unbalanced '{part}'"
                out.append(Token(kind, part, joined=joined))
            elif part.startswith("&"):
                name = part.upper()
                if name not in synsets:
                    return f"synset {part} is not defined above this line"
                out.append(Token("synset", name, joined=joined))
            else:
                stem = not (trailing or j + 1 < len(parts))
                out.append(Token("word", part.upper(), stem=stem, joined=joined))
    if any(depth.values()):
        return "unbalanced { } or ( ) in the pattern"
    return out


def _parse_pattern(body: str, line: int, synsets: dict[str, Synset]) -> VerbPattern | str:
    m = _CODE_BLOCK.search(body)
    if not m:
        return "the pattern has no [code] at its end"
    code = m.group(1).strip()
    if not _VERB_CODE.match(code) or code in ("", ":"):
        return f"[{code}] is not an event code"
    text = body[:m.start()].strip()
    tokens = _tokens(text, synsets)
    if isinstance(tokens, str):
        return tokens
    stars = [i for i, t in enumerate(tokens) if t.kind == "verb"]
    if len(stars) != 1:
        return "a pattern needs exactly one '*' for the verb"
    i = stars[0]
    return VerbPattern(tuple(tokens[:i]), tuple(tokens[i:]), code, line, text)


def read_verbs(source: Path | str, name: str | None = None) -> VerbFile:
    """Read a verb dictionary from a path, or from its text (then give ``name``)."""
    if isinstance(source, Path):
        name = name or source.name
        text = read_text(source)
    else:
        text = source
    reader = _VerbReader(name or "verbs")
    for line in content_lines(text):
        reader.line(line.text.strip(), line.number)
    reader.close_synset()
    reader.close_family()
    return reader.out


class _VerbReader:
    """Reading one verb file, line by line: the synset and the verb family open at the moment."""

    def __init__(self, name: str) -> None:
        self.out = VerbFile(name)
        self.synset: tuple[str, int, list[tuple[str, ...]], bool] | None = None
        self.family: dict | None = None

    def problem(self, line: int, text: str) -> None:
        self.out.problems.append(Problem(self.out.name, line, text))

    def close_synset(self) -> None:
        if self.synset is not None:
            label, at, phrases, _ = self.synset
            if not phrases:
                self.problem(at, f"synset {label} has no '+' phrases")
            else:
                self.out.synsets[label] = Synset(label, tuple(dict.fromkeys(phrases)), at)
            self.synset = None

    def close_family(self) -> None:
        family = self.family
        if family is not None:
            if not family["verbs"]:
                self.problem(family["line"], f"verb family {family['name']!r} has no verbs")
            else:
                self.out.families.append(VerbFamily(family["name"], family["code"], tuple(family["verbs"]),
                                                    tuple(family["patterns"]), family["line"]))
            self.family = None

    def line(self, s: str, number: int) -> None:
        if s.startswith("&"):
            self.close_synset()
            label = s.split()[0].upper()
            no_plural = label.endswith("_")
            self.synset = (label.rstrip("_"), number, [], no_plural)
            return
        if self.synset is not None and s.startswith("+"):
            self.synset_member(s, number)
            return
        self.close_synset()
        if s.startswith("---"):
            self.close_family()
            self.family_start(s, number)
            return
        if s.startswith("~"):
            self.out.transformations.append(Transformation(s[1:].strip(), number))
            return
        if self.family is None:
            self.problem(number, "a verb or pattern outside any '--- FAMILY ---' block")
            return
        if s.startswith("-"):
            p = _parse_pattern(s[1:], number, self.out.synsets)
            if isinstance(p, str):
                self.problem(number, p)
            else:
                self.family["patterns"].append(p)
            return
        self.verb(s, number)

    def synset_member(self, s: str, number: int) -> None:
        """A '+' line of the open synset: a phrase (and its plural), or another synset's phrases."""
        assert self.synset is not None
        label, _, phrases, no_plural = self.synset
        member = s[1:].strip()
        if member.startswith("&"):
            ref = member.split()[0].upper().rstrip("_")
            if ref not in self.out.synsets:
                self.problem(number, f"synset {ref} is not defined above this line")
            else:
                phrases.extend(self.out.synsets[ref].phrases)
            return
        words = tuple(w.upper() for w in _split_words(member))
        if not words:
            self.problem(number, "'+' with no phrase after it")
            return
        phrases.append(words)
        if not no_plural and not member.endswith("_"):
            phrases.append(words[:-1] + (regular_plural(words[-1]),))

    def family_start(self, s: str, number: int) -> None:
        """A '--- NAME [CODE] ---' line opens a verb family."""
        fm = _FAMILY.match(s)
        if not fm or not fm.group("name"):
            self.problem(number, "not a verb family line '--- NAME [CODE] ---'")
            return
        code = (fm.group("code") or NULL).strip() or NULL
        if not _VERB_CODE.match(code):
            self.problem(number, f"[{code}] is not an event code")
            code = NULL
        self.family = {"name": fm.group("name"), "code": code, "verbs": [], "patterns": [], "line": number}

    def verb(self, s: str, number: int) -> None:
        """A verb line of the open family, with its own code in brackets or none."""
        assert self.family is not None
        code = None
        cm = _CODE_BLOCK.search(s)
        if cm:
            code = cm.group(1).strip()
            s = s[:cm.start()].strip()
            if not _VERB_CODE.match(code) or not code:
                self.problem(number, f"[{code}] is not an event code")
                return
        if "[" in s or "]" in s:
            self.problem(number, "unbalanced [ ] in the verb line")
            return
        v = _parse_verb(s, code, number)
        if isinstance(v, str):
            self.problem(number, v)
        else:
            self.family["verbs"].append(v)
