"""Cues: the words of a parse that attribute speech, and what each one attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.nlp.labels import SUBJECTS
from dyads.nlp.quotemarks import doc_text, has_double_mark

if TYPE_CHECKING:
    pass
from dyads.annotate.quotes.found import PARENTHETICAL, Found
from dyads.annotate.quotes.lexicon import QUOTED, CueLexicon
from dyads.annotate.quotes.spans import (
    _after_closing_mark,
    _before_closing_dash,
    _chars,
    _cue_span,
    _from_relative_object,
    _is_that_clause,
    _leading_date,
    _paragraph,
    _relations,
    _subtree_span,
    _trim,
    _with_complements,
    _with_quoted_conjunct,
    content_tokens,
)
from dyads.annotate.quotes.speakers import _subject


class CueReader:
    """The cue words of a parse and what each attributes (part of :class:`QuoteFinder`)."""

    lex: CueLexicon

    def _cue_tokens(self, doc: Any) -> list[Any]:
        """Tokens whose lemma is in the lexicon (a vectorised look-up, not a Python loop)."""
        import numpy as np
        from spacy.attrs import LEMMA

        if len(doc) == 0:
            return []
        ids = np.array([doc.vocab.strings.add(w) for w in self.lex.rules], dtype="uint64")
        lemmas = doc.to_array([LEMMA]).reshape(-1)
        lower = doc.to_array(["LOWER"]).reshape(-1)
        hits = np.nonzero(np.isin(lemmas, ids) | np.isin(lower, ids))[0]
        # any verb whose that-clause may hold a quotation: its lemma may be too rare to be listed
        that = np.nonzero(lower == doc.vocab.strings["that"])[0]
        extra = {t.head.head.i for t in (doc[int(i)] for i in that)
                 if t.dep_ == "mark" and t.head.dep_ in {"ccomp", "advcl"} and t.head.head.pos_ == "VERB"}
        return [doc[i] for i in sorted(extra.union(int(i) for i in hits))]

    def _from_cue(self, cue: Any) -> Found | None:
        lemma = cue.lemma_.lower()
        if cue.lower_ == "according":
            return self._according(cue)
        if cue.pos_ not in {"VERB", "NOUN", "AUX"}:
            return None
        text = doc_text(cue.doc)
        p_start, p_end = _paragraph(text, cue.idx)
        best: tuple[float, int, float, str, Any] | None = None
        for rel, head in _relations(cue):
            plain = s = self.lex.score(lemma, rel)
            quoted = self.lex.score(lemma, rel + QUOTED)
            if not quoted and rel == "ccomp" and cue.pos_ == "VERB" and _is_that_clause(head):
                quoted = self.lex.score("*", rel + QUOTED)  # backing off for lemmas seen too rarely
            if quoted and has_double_mark(text[slice(*_chars(content_tokens(cue, rel, head)))]):
                s = quoted
            if s < self.lex.threshold or not p_start <= head.idx < p_end:
                continue  # the parse sometimes runs a sentence over a paragraph break
            if rel == "dobj" and self._someone_elses_words(head):
                continue
            # two contents of one relation ('In a statement after X quit, Cruz said he's "…"'):
            # the quotation mark does not make the relation a worse choice, only the distance does
            key = (max(s, plain), -abs(head.i - cue.i), s, rel, head)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"), None)
            if cue.dep_ == "advcl" and mark is not None and not _after_closing_mark(text, mark.idx):
                return self._as_aside(cue)
            return None
        _, _, score, rel, head = best
        skip = _leading_date(head) | self._conjoined_attributions(head) if rel == "ccomp" else set()
        start, end = _trim(text, *_chars(t for t in content_tokens(cue, rel, head)
                                         if p_start <= t.idx < p_end and t.i not in skip))
        if end <= start:
            return None
        start, end = _with_complements(text, cue, rel, start, end, p_end)
        start = _from_relative_object(cue, rel, start)
        end = _before_closing_dash(text, cue, start, end)
        if rel == "ccomp":
            end = _with_quoted_conjunct(text, cue, end, p_end, self._is_cue)
        cs, ce = _cue_span(cue)
        return Found(start, end, cue, cs, ce, rel, score, _subject(cue), kind=self.lex.kind(lemma), head=head)

    def _conjoined_attributions(self, head: Any) -> set[int]:
        """'said that he will "try …" and insisted that his party was …', 'tweeting that it was a
        "disaster" and asking, "How …?"': a conjoined cue with a content of its own is another
        attribution; its tokens, and the conjunction before it, are not this content."""
        out: set[int] = set()
        for c in head.children:
            if c.dep_ != "conj" or c.i < head.i or not self._is_cue(c) \
                    or not any(g.dep_ in {"ccomp", "xcomp"} and g.i > c.i for g in c.children):
                continue
            out.update(t.i for t in c.subtree)
            out.update(g.i for g in head.children if g.dep_ in {"cc", "punct"} and head.i < g.i < c.i
                       and not g.is_quote)
        return out

    def _is_cue(self, tok: Any) -> bool:
        """A verb the lexicon reads as a cue with a clause or a quotation ('vowed', 'tweeted')."""
        lemma = tok.lemma_.lower()
        return tok.pos_ == "VERB" and max(self.lex.score(lemma, "ccomp"), self.lex.score(lemma, "xcomp"),
                                          self.lex.score(lemma, "quote")) >= self.lex.threshold

    def _someone_elses_words(self, head: Any) -> bool:
        """'rejected the statement from China', 'denounced Smith's remarks': the object names
        another speaker's words; what the cue's subject says is not in the sentence."""
        if head.lemma_.lower() not in self.lex.speech_nouns:
            return False
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}:
                return True
            if c.dep_ == "prep" and c.lower_ in {"from", "by"} and any(g.dep_ == "pobj" for g in c.children):
                return True
        return False

    def _as_aside(self, cue: Any) -> Found | None:
        """'As The Daily Caller reported, S' / 'S, as Trump noted': the content is the clause the
        aside stands in, the source the aside's subject."""
        src = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
        lemma = cue.lemma_.lower()
        score = self.lex.score(lemma, PARENTHETICAL)
        if src is None or score < self.lex.threshold:
            return None
        text = doc_text(cue.doc)
        start, end = _trim(text, *_subtree_span(cue.head, exclude=cue, within=_paragraph(text, cue.idx)))
        if end <= start:
            return None
        cs, ce = _cue_span(cue)
        return Found(start, end, cue, cs, ce, PARENTHETICAL, score, src, kind=self.lex.kind(lemma), head=cue.head)

    def _according(self, tok: Any) -> Found | None:
        """"according to X, S" / "S, according to X": the content is S, the source X."""
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if src is None:
            return None
        clause = tok.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        start, end = _trim(doc_text(tok.doc), *_subtree_span(clause, exclude=tok))
        if end <= start:
            return None
        score = self.lex.score("according", "prep_to")
        if score < self.lex.threshold:
            return None
        cs, ce = _chars([tok, to])
        return Found(start, end, tok, cs, ce, "according", score, src, kind=self.lex.kind("according"),
                     head=clause)
