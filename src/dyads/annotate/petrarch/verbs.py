"""PETRARCH verb patterns on the dependency parse.

A token names a verb of the dictionary by its form or its lemma (a multi-word verb also needs its
other words next to it: "cordoned off", "wire tapped"). The patterns of the verb's family are
matched on the words of its sentence as TABARI matched them: the elements before ``*`` in order
before the verb, those after it in order after the verb (within the verb's phrase), any words in
between unless ``_`` joins two elements; a word matches a token's form or lemma (a word written
without a final ``_`` also matches a longer word it starts, as TABARI's stems do); ``&SET``
matches any phrase of the synset; ``$``, ``+`` and ``%`` match an actor and mark the source, the
target, or both; ``^`` skips a phrase; ``{}`` and ``()`` only group words. The pattern that
matches the most elements wins (the first in the file on a tie); with none, the verb's own code,
else its family's. ``---`` codes no event; ``a:b`` codes source->target ``a`` and target->source
``b``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyads.annotate.petrarch.load import CompiledVerbs, VerbChoice
from dyads.io.petrarch.verbs import Token, VerbPattern, split_code

GROUPING = {"np_open", "np_close", "pp_open", "pp_close"}
SLOTS = {"source", "target", "compound"}
MAX_CANDIDATES = 40


@dataclass(frozen=True, slots=True)
class VerbMatch:
    choice: VerbChoice
    pattern: VerbPattern | None
    code: str  # as written: "064", "032:033", ":173", "---"
    slots: dict[str, list[int]]  # "source" / "target" / "compound" -> token indices the pattern marked
    end: int  # token index after the verb and the words of a multi-word verb

    @property
    def rule(self) -> str:
        fam = self.choice.family.name
        what = self.pattern.text if self.pattern is not None else self.choice.entry.verb
        return f"petrarch:{self.choice.source}:{fam}:{what}>{self.code}"

    def codes(self) -> tuple[str | None, str | None]:
        return split_code(self.code)


def regular_form(form: str, lemma: str) -> bool:
    """Whether ``form`` is a regular inflection of ``lemma`` (what PETRARCH generates, and the doubled
    consonant it leaves to the dictionary): "departs", "departed", "stopped", "tries" — not "departes"."""
    if form == lemma:
        return True
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    endings = {lemma + "s", lemma + "ed", lemma + "d", stem + "ing", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        endings.add(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        endings |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        endings |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return form in endings


def _word_matches(tok: Any, word: str, stem: bool) -> bool:
    w = word.lower()
    low = tok.lower_
    return low == w or tok.lemma_.lower() == w or (stem and len(w) >= 4 and low.startswith(w))


def _multiword_end(v: Any, choice: VerbChoice) -> int | None:
    """Token index after a multi-word verb's words, or None when they are not there."""
    doc = v.doc
    e = choice.entry
    for k, w in enumerate(reversed(e.before)):
        i = v.i - 1 - k
        if i < 0 or doc[i].lower_ != w.lower():
            return None
    end = v.i + 1
    for w in e.after:
        prts = [c for c in v.children if c.dep_ == "prt" and c.lower_ == w.lower()]
        if end < len(doc) and doc[end].lower_ == w.lower():
            end += 1
        elif prts:
            end = max(end, prts[0].i + 1)
        else:
            return None
    return end


def _coordinated(tok: Any) -> bool:
    while tok.dep_ in ("compound", "flat", "amod", "nmod") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)


class PatternMatcher:
    """Matches one verb family's patterns around a verb token."""

    def __init__(self, verbs: CompiledVerbs, is_actor: Any) -> None:
        self.verbs = verbs
        self.is_actor = is_actor  # token -> bool: the token names a coded actor

    def match(self, v: Any) -> VerbMatch | None:
        """The verb's code: its longest multi-word form, the best pattern of its families (a verb may
        be listed in several), else its own code, else its family's."""
        lemma = v.lemma_.lower()
        choices = self.verbs.choices(v.lower_, lemma if regular_form(v.lower_, lemma) else "")
        named: list[tuple[int, VerbChoice, int]] = []
        for c in choices:
            end = _multiword_end(v, c)
            if end is not None:
                named.append((len(c.entry.before) + len(c.entry.after), c, end))
        if not named:
            return None
        longest = max(n[0] for n in named)
        named = [n for n in named if n[0] == longest]
        found: tuple[int, VerbChoice, VerbPattern, dict[str, list[int]], int] | None = None
        seen: set[int] = set()
        for _, choice, end in named:
            if id(choice.family) in seen:
                continue
            seen.add(id(choice.family))
            for p in choice.family.patterns:
                slots = self._match_pattern(p, v, end)
                if slots is None:
                    continue
                score = sum(1 for t in p.tokens if t.kind not in GROUPING and t.kind != "verb")
                if found is None or score > found[0]:
                    found = (score, choice, p, slots, end)
        if found is not None:
            return VerbMatch(found[1], found[2], found[2].code, found[3], found[4])
        for _, choice, end in named:
            code = choice.entry.code or choice.family.code
            if split_code(code) != (None, None):
                return VerbMatch(choice, None, code, {}, end)
        _, choice, end = named[0]
        return VerbMatch(choice, None, choice.entry.code or choice.family.code, {}, end)

    # ---- one pattern ----------------------------------------------------------------------
    def _candidates(self, t: Token, lo: int, hi: int, doc: Any) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if t.kind == "word":
            out = [(i, i + 1) for i in range(lo, hi) if _word_matches(doc[i], t.text, t.stem)]
        elif t.kind == "synset":
            for phrase in self.verbs.synsets.get(t.text, ()):
                n = len(phrase)
                for i in range(lo, hi - n + 1):
                    if all(_word_matches(doc[i + k], phrase[k], False) for k in range(n)):
                        out.append((i, i + n))
        elif t.kind == "compound":  # actors joined by a conjunction
            out = [(i, i + 1) for i in range(lo, hi) if self.is_actor(doc[i]) and _coordinated(doc[i])]
        elif t.kind in SLOTS:
            out = [(i, i + 1) for i in range(lo, hi) if self.is_actor(doc[i])]
        elif t.kind == "skip":  # a noun phrase
            out = [(c.start, c.end) for c in doc.noun_chunks if lo <= c.start and c.end <= hi]
        return out[:MAX_CANDIDATES]

    def _match_pattern(self, p: VerbPattern, v: Any, verb_end: int) -> dict[str, list[int]] | None:
        doc = v.doc
        sent = v.sent
        elems = [t for t in p.tokens if t.kind not in GROUPING]
        k = next(i for i, t in enumerate(elems) if t.kind == "verb")
        pre, post = elems[:k], elems[k + 1:]
        verb_joined = elems[k].joined
        pre_lo, post_hi = sent.start, max(v.right_edge.i + 1, verb_end)
        spans: list[tuple[int, int]] = []

        def place(j: int, items: list[Token], lo: int, hi: int, prev_end: int | None,
                  last_must_end: int | None) -> bool:
            if j == len(items):
                return last_must_end is None or (prev_end == last_must_end)
            t = items[j]
            for s, e in self._candidates(t, lo, hi, doc):
                if prev_end is not None and s < prev_end:
                    continue
                if t.joined and prev_end is not None and s != prev_end:
                    continue
                spans.append((s, e))
                if place(j + 1, items, lo, hi, e, last_must_end):
                    return True
                spans.pop()
            return False

        # before the verb: in order, the last one right before it when '*' is joined to it
        if not place(0, pre, pre_lo, v.i, None, v.i if verb_joined and pre else None):
            return None
        pre_spans = list(spans)
        spans.clear()
        if not place(0, post, verb_end, post_hi, verb_end if post and post[0].joined else None, None):
            return None
        slots: dict[str, list[int]] = {}
        for t, (s, _) in zip(pre + post, pre_spans + spans, strict=True):
            if t.kind in SLOTS:
                slots.setdefault(t.kind, []).append(s)
        return slots
