"""Quotation marks: pair opening and closing marks into quoted regions of a text.

Handles curly (“ ”), straight (") and typewriter (``, '') double quotes, guillemets and „, quotes
that span several sentences, and quotes that run over paragraphs: by the usual convention a quote
that goes on in the next paragraph has no closing mark at the end of the first paragraph, and the
next paragraph opens with a mark again. A region is then cut at the paragraph end and flagged
``continues`` so the quote finder can join it to the next one. Curly marks inside an open straight
quote are its inner quotes (writers who type both kinds use the curly ones for the inner quote).
Pure string work (one regex scan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# '' and `` are typewriter double quotes (common in older wire and NYT text).
MARK = re.compile(r"''|``|[\"“”„«»]")
OPENING = {"“", "„", "«", "``"}
CLOSING = {"”", "»"}
DOUBLE_MARKS = frozenset('"“”„«»')  # marks that make a content "direct" (PolNeAR's definition)


@dataclass(frozen=True, slots=True)
class Region:
    """A quoted region, marks included: ``text[start:end]`` starts and ends with a quote mark
    (or ends at a paragraph end when ``continues`` or ``unclosed``)."""

    start: int
    end: int
    continues: bool = False  # left open at a paragraph end; the next paragraph reopens it
    unclosed: bool = False  # no closing mark before the paragraph end and no reopening after

    def inner(self, text: str) -> str:
        return text[self.start:self.end].strip("\"“”„«»'` \n")


def _role(text: str, start: int, end: int) -> str:
    """"open", "close" or "either" from the mark itself and the characters around it."""
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if mark in OPENING:
        # a “ typed as a closing mark: a word or punctuation before, a space or punctuation after
        if mark == "“" and not before.isspace() and before not in "([{—–-/:\"“" \
                and (after.isspace() or after in ".,;:!?)]}"):
            return "close"
        return "open"
    if mark in CLOSING:
        # a ” used as an opening mark: space before, a word right after
        return "open" if before.isspace() and after.isalnum() else "close"
    if (before.isspace() or before in "([{—–-/:") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’\"”"):
        return "close"
    return "either"


def _para_end(text: str, pos: int) -> int:
    """End of the paragraph holding ``pos`` (before its newline), right-stripped."""
    nl = text.find("\n", pos)
    end = len(text) if nl < 0 else nl
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


def quote_regions(text: str) -> list[Region]:
    """All quoted regions of ``text`` in order. Unbalanced marks never swallow more than one
    paragraph; a stray closing mark is ignored."""
    regions: list[Region] = []
    open_at: int | None = None
    nested = False  # a curly pair inside an open straight quote ('"It isn't about “X” anymore."')
    for m in MARK.finditer(text):
        s, e = m.start(), m.end()
        if m.group() == "''" and s > 0 and text[s - 1].isalpha() and e < len(text) and text[e].isalpha():
            continue  # two apostrophes inside a word: not a quote
        role = _role(text, s, e)
        if open_at is not None and "\n" in text[open_at:s]:
            pend = _para_end(text, open_at)
            # the quote was left open at the paragraph end: it continues if this paragraph opens again
            reopened = role != "close" and not text[pend:s].strip()
            regions.append(Region(open_at, pend, continues=reopened, unclosed=not reopened))
            open_at, nested = None, False
        if open_at is None:
            if role != "close":
                open_at = s
            continue
        straight = text[open_at:open_at + 1] in '"\''
        if straight and m.group() in OPENING and not nested:
            nested = True  # a curly quote inside a straight one: the writer's inner marks
            continue
        if straight and nested and m.group() in CLOSING:
            nested = False
            continue
        if role == "open" and not straight:
            open_at = s  # a curly opening mark inside an open curly quote: the first one was stray
            continue
        nested = False
        regions.append(Region(open_at, e))
        open_at = None
    if open_at is not None:
        regions.append(Region(open_at, _para_end(text, open_at), unclosed=True))
    return regions


def has_double_mark(text: str) -> bool:
    return any(ch in DOUBLE_MARKS for ch in text)


TEXT_KEY = "dyads.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds the string on every access); the
    pipeline stores the article's text here, which spaCy's tokenizer keeps verbatim."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
