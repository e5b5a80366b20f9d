"""Read PETRARCH discard lists (``*.discards.txt``) and match them against text.

A line is a phrase; ``+`` in front discards the whole story, otherwise only the sentence. A phrase
that ends with ``_`` must end at a blank or punctuation; otherwise it is a stem ("BASEBALL" also
finds "baseballs"). Matching ignores case and starts at a word boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dyads.io.petrarch.common import Problem, content_lines, phrase_words, read_text

DiscardKind = Literal["story", "sentence"]


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    words: tuple[str, ...]
    story: bool  # '+': discard the whole story
    whole_word: bool  # trailing '_': must end at a blank or punctuation
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class DiscardFile:
    name: str
    entries: list[DiscardEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def _compiled(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.entries:
            alts = []
            for i, e in enumerate(self.entries):
                body = r"[\s_-]+".join(re.escape(w) for w in e.words)
                end = r"(?=[\W_]|$)" if e.whole_word else ""
                alts.append(f"(?P<d{i}>{body}{end})")
            self._pattern = re.compile(r"(?<![\w])(?:" + "|".join(alts) + ")", re.IGNORECASE)
        return self._pattern

    def find(self, text: str) -> tuple[DiscardKind, DiscardEntry] | None:
        """The first discard phrase in ``text`` (story-level ones win), or None."""
        pattern = self._compiled()
        if pattern is None:
            return None
        hits = [self.entries[int(m.lastgroup[1:])] for m in pattern.finditer(text) if m.lastgroup]
        if not hits:
            return None
        story = [h for h in hits if h.story]
        return ("story", story[0]) if story else ("sentence", hits[0])


def read_discards(source: Path | str, name: str | None = None) -> DiscardFile:
    """Read a discard list from a path, or from its text (then give ``name``)."""
    if isinstance(source, Path):
        name = name or source.name
        text = read_text(source)
    else:
        text = source
    out = DiscardFile(name or "discards")
    for line in content_lines(text):
        s = line.text.strip()
        story = s.startswith("+")
        if story:
            s = s[1:].strip()
        if "[" in s or "]" in s:
            out.problems.append(Problem(out.name, line.number, "a discard line holds a phrase only, not a [code]"))
            continue
        words = phrase_words(s)
        if not words:
            out.problems.append(Problem(out.name, line.number, "'+' with no phrase after it"))
            continue
        out.entries.append(DiscardEntry(words, story, s.endswith("_"), line.number))
    return out
