"""Text as it comes: repair what breaks the parse, and map every offset back to the input.

News text arrives hard-wrapped (Reuters wire stories break lines inside sentences), with indented
paragraphs, datelines ("TOKYO, April 2 - "), agency trailers ("Reuter"), all-capitals headlines,
capitals after abbreviations that the wire's own tools put there ("U.S. Officials said"), and HTML
leftovers ("&amp;", "<p>"). The parser reads a repaired copy; :class:`Normalized` keeps the edits,
so that a span of the repaired copy maps back to the exact span of the input (``to_input``).

Every repair is an :class:`Edit` of the input (replace ``text[start:end]`` by ``new``); edits never
overlap. Text that no rule recognises is left exactly as it is: normalisation never drops words.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from dyads.model import Actor, Article, Span
from dyads.nlp.datelines import HEAD, agency_spans, dateline_spans


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``input[start:end]`` by ``new`` (``why`` names the repair, for the record)."""

    start: int
    end: int
    new: str
    why: str


@dataclass(frozen=True)
class Normalized:
    """The repaired text the parser reads, with the edits that made it from the input."""

    input: str
    text: str
    edits: tuple[Edit, ...] = ()
    _at: tuple[int, ...] = field(default=(), repr=False)  # where each edit's ``new`` starts in ``text``

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """The input span of the repaired text's span ``[start, end)``."""
        if not self.edits:
            return start, end
        s = self._map(start, bisect_right(self._at, start) - 1, is_end=False)
        e = self._map(end, bisect_left(self._at, end) - 1, is_end=True)
        return s, max(s, e)

    def _map(self, pos: int, k: int, is_end: bool) -> int:
        if k < 0:
            return pos  # before the first edit: the same place
        edit, at = self.edits[k], self._at[k]
        inside = pos - at
        if inside < len(edit.new):
            if len(edit.new) == edit.end - edit.start:
                return edit.start + inside  # a same-length repair (a joined line, a case change)
            return edit.end if is_end and inside > 0 else edit.start
        return edit.end + inside - len(edit.new)

    def summary(self) -> dict[str, int]:
        """How many repairs of each kind were made (for the article's record)."""
        out: dict[str, int] = {}
        for e in self.edits:
            out[e.why] = out.get(e.why, 0) + 1
        return out


def apply(text: str, edits: Iterable[Edit]) -> Normalized:
    """Apply non-overlapping edits (later ones that overlap an earlier kept one are dropped)."""
    kept: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):  # the longer of two at one place
        if kept and e.start < kept[-1].end:
            continue
        if text[e.start:e.end] == e.new:
            continue
        kept.append(e)
    parts: list[str] = []
    at: list[int] = []
    pos = n = 0
    for e in kept:
        parts.append(text[pos:e.start])
        n += e.start - pos
        at.append(n)
        parts.append(e.new)
        n += len(e.new)
        pos = e.end
    parts.append(text[pos:])
    return Normalized(text, "".join(parts), tuple(kept), tuple(at))


# ---- the repairs ----------------------------------------------------------------------------

# the wire's sign-off on a line of its own at the end: "Reuter", "REUTER", "(Reuters)", "AP"
TRAILER = re.compile(r"(?:\n[ \t]*|[ \t]+)\(?(?:Reuter|Reuters|REUTER|REUTERS|AP|AFP)\)?[ \t]*(?:&#3;)?\s*\Z")
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
TAG = re.compile(r"</?(?:p|br|div|span|b|i|em|strong|a|font|li|ul|ol|h[1-6]|blockquote)\b[^<>\n]{0,200}>",
                 re.IGNORECASE)
BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|blockquote)\b", re.IGNORECASE)
# an abbreviation ending in a full stop ("U.S.", "U.K.", "Corp.") and the capitalised word after it
AFTER_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}\s+(?P<word>[A-Z][a-z]+)\b")
SENTENCE_END = ('.', '!', '?', ':', ';', '"', '”', '’', "'", ')', ']')


def normalize(text: str) -> Normalized:
    """The repaired copy of ``text`` that the parser reads (see the module's docstring)."""
    edits: list[Edit] = []
    edits += _markup(text)
    edits += _trailer(text)
    edits += _dateline(text)
    edits += _lines(text)
    edits += _capitals_after_abbreviations(text)
    edits += _capital_lines(text)
    edits += _british_hyphens(text)
    edits += _amount_abbreviations(text)
    return apply(text, edits)


def _markup(text: str) -> list[Edit]:
    """HTML leftovers in plain text: character entities and simple tags."""
    if "&" not in text and "<" not in text:
        return []
    out: list[Edit] = []
    for m in ENTITY.finditer(text):
        new = html.unescape(m.group())
        if new != m.group():
            out.append(Edit(m.start(), m.end(), " " if new in ("\xa0", "\x03") else new, "html entity"))
    for m in TAG.finditer(text):
        out.append(Edit(m.start(), m.end(), "\n\n" if BLOCK_TAG.match(m.group()) else "", "html tag"))
    return out


def _trailer(text: str) -> list[Edit]:
    m = TRAILER.search(text[-40:])
    if not m:
        return []
    start = len(text) - len(text[-40:]) + m.start()
    return [Edit(start, len(text), "", "agency trailer")]


def _dateline(text: str) -> list[Edit]:
    """A dateline or an agency mark at the start of the story is not part of a sentence."""
    out = [Edit(s, e, "", "dateline") for s, e in dateline_spans(text)
           if sum(ch.isupper() for ch in text[s:e]) >= 2]
    out += [Edit(s, e, "", "agency") for s, e in agency_spans(text[:HEAD])]
    return out


def _lines(text: str) -> list[Edit]:
    """Hard-wrapped lines joined into their sentence; an indented line or a blank line starts a
    paragraph (written as an empty line, which the parser takes as a break)."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    wrapped = _hard_wrapped(lines)
    out: list[Edit] = []
    pos = 0
    for i, line in enumerate(lines[:-1]):
        end = pos + len(line)  # the "\n" is text[end]
        nxt = lines[i + 1]
        pos = end + 1
        if not line.strip() or not nxt.strip():
            continue  # a blank line is a paragraph break already
        indent = len(nxt) - len(nxt.lstrip(" \t"))
        if indent:
            # a new paragraph: "\n    At a meeting" -> "\n\nAt a meeting"
            out.append(Edit(end, end + 1 + indent, "\n\n", "paragraph"))
            continue
        stripped = line.rstrip()
        if i == 0 and not wrapped and _title_line(stripped, lines[1:]):
            out.append(Edit(end, end + 1, "\n\n", "headline"))
            continue
        if wrapped or (not stripped.endswith(SENTENCE_END) and nxt[:1].islower()):
            # a wire story wraps at a fixed width; elsewhere a line only continues its sentence
            # when the next one starts in lower case ("the\ngovernment"), not before a signature,
            # a list item or a quotation on a line of its own
            trail = len(line) - len(stripped)
            out.append(Edit(end - trail, end + 1, " ", "wrapped line"))
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text is wrapped at a fixed width: most lines are long and of similar length, and
    many of them end inside a sentence."""
    full = [ln.rstrip() for ln in lines if ln.strip()]
    if len(full) < 4:
        return False
    long = [ln for ln in full if 35 <= len(ln) <= 100]
    open_ends = [ln for ln in full[:-1] if not ln.endswith(SENTENCE_END)]
    return len(long) >= 0.7 * len(full) and len(open_ends) >= 0.4 * (len(full) - 1)


def _title_line(line: str, rest: list[str]) -> bool:
    """A title line at the top: no final punctuation, mostly capitalised words, text below. (In a
    hard-wrapped story a title stands apart: a blank line or an indented one follows it.)"""
    if not line or line.endswith(SENTENCE_END) or not any(r.strip() for r in rest):
        return False
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _capitals_after_abbreviations(text: str) -> list[Edit]:
    """'U.S. Officials said', 'the U.S. Has asked': a common word the wire capitalised because it
    follows an abbreviation's full stop. A word is common when it is an English stop word or is
    written in lower case elsewhere in the same text; names keep their capital."""
    out = []
    lower_words: set[str] | None = None
    for m in AFTER_ABBREVIATION.finditer(text):
        word = m.group("word")
        low = word.lower()
        if low not in STOP_WORDS:
            if lower_words is None:
                lower_words = set(re.findall(r"\b[a-z][a-z]+\b", text))
            if low not in lower_words:
                continue
        s = m.start("word")
        out.append(Edit(s, s + 1, low[0], "case after abbreviation"))
    return out


def _capital_lines(text: str) -> list[Edit]:
    """A line in capitals ('JAPAN TO CUT RICE IMPORTS') is written in title case; short words and
    abbreviations stay as they are ('U.S.', 'EC')."""
    out = []
    pos = 0
    for line in text.split("\n"):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters) \
                and len(line.split()) >= 3:
            for m in re.finditer(r"[A-Z][A-Z'’]{3,}", line):
                word = m.group()
                out.append(Edit(pos + m.start(), pos + m.end(), word[0] + word[1:].lower(), "capitals"))
        pos += len(line) + 1
    return out


# British spelling's hyphen inside one word: "co-operation" reaches the parser as three tokens ("co",
# "-", "operation") and breaks the clause ("Blair insisted closer co-operation did not mean ..."
# parsed "co" as the object of "insisted"); the joined spelling is the word the lexicon knows
BRITISH_HYPHEN = re.compile(r"\b[Cc]o(?P<hyphen>-)(?:operat|ordinat)[a-z]*\b")


def _british_hyphens(text: str) -> list[Edit]:
    return [Edit(m.start("hyphen"), m.end("hyphen"), "", "british hyphen") for m in BRITISH_HYPHEN.finditer(text)]


# "70m euros", "£5bn": the tagger reads the glued "m" as a noun ("hand its industry 70m euros in aid"
# lost its object, "lent Greece 5bn euros" made Greece a modifier); written out, the amount parses.
# Only with a currency sign or word before or a currency after (a "5m wall" is metres).
CURRENCY = r"(?:euros?|dollars?|dlrs|pounds?|sterling|yen|yuan|francs?|marks|rupees?|roubles?|rubles?)"
AMOUNT = re.compile(r"(?:(?<=[£$€¥])|(?<=[£$€¥] ))\d+(?:[.,]\d+)?(?P<unit>m|bn)\b"
                    r"|\b\d+(?:[.,]\d+)?(?P<unit2>m|bn)(?=\s+" + CURRENCY + r"\b)"
                    r"|\b" + CURRENCY + r"\s+\d+(?:[.,]\d+)?(?P<unit3>m|bn)\b")
UNIT_WORDS = {"m": " million", "bn": " billion"}


def _amount_abbreviations(text: str) -> list[Edit]:
    out = []
    for m in AMOUNT.finditer(text):
        group = next(g for g in ("unit", "unit2", "unit3") if m.group(g))
        out.append(Edit(m.start(group), m.end(group), UNIT_WORDS[m.group(group)], "amount"))
    return out


# ---- back to the input ----------------------------------------------------------------------

def restore_input(article: Article, norm: Normalized) -> Article:
    """Put the input text back on an article annotated on ``norm.text`` and map every span
    (sentences, events and their actors, quotes, entities, loaded language) to the input."""
    article.text = norm.input
    if not norm.changed:
        return article

    def span(s: Span | None) -> Span | None:
        if s is None:
            return None
        start, end = norm.to_input(s.start, s.end)
        return Span(start, end, norm.input[start:end])

    done: set[int] = set()  # one Actor may stand in several events and quotes: map it once

    def actor(a: Actor | None) -> Actor | None:
        if a is not None and id(a) not in done:
            done.add(id(a))
            a.start, a.end = norm.to_input(a.start, a.end)
            a.text = norm.input[a.start:a.end]
        return a

    for sent in article.sentences:
        sent.start, sent.end = norm.to_input(sent.start, sent.end)
    for ev in article.events:
        ev.evidence = span(ev.evidence) or ev.evidence
        ev.source, ev.target, ev.attributed_to = actor(ev.source), actor(ev.target), actor(ev.attributed_to)
    for q in article.quotes:
        q.content = span(q.content) or q.content
        q.cue = span(q.cue)
        q.speaker = actor(q.speaker)
    for ent in article.entities:
        ent.start, ent.end = norm.to_input(ent.start, ent.end)
        ent.text = norm.input[ent.start:ent.end]
    for item in article.meta.get("loaded_language") or []:
        item["start"], item["end"] = norm.to_input(item["start"], item["end"])
        item["text"] = norm.input[item["start"]:item["end"]]
    article.meta["normalized"] = norm.summary()
    return article
