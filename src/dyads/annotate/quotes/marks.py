"""Quotation marks: the regions a cue's content holds, quotations that go on after their cue,
signed quotations, and quotations with no cue of their own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.nlp.labels import SUBJECTS
from dyads.nlp.quotemarks import Region, doc_text

if TYPE_CHECKING:
    pass
from dyads.annotate.quotes.cues import CueReader
from dyads.annotate.quotes.found import Found
from dyads.annotate.quotes.shapes import (
    LEADING_TAG,
    SIGNATURE,
    TWEET_SIGNATURE,
    _after_quote,
    _attribution_between,
    _bare_paragraph,
    _hangs_from,
    _is_long,
    _only_cue,
    _opens_speech,
    _quote_before_cue,
    _quote_is_content,
    _signature,
    _title_in_attribution,
)
from dyads.annotate.quotes.spans import (
    _clause_start,
    _cue_span,
    _cut_after_partial_quote,
    _cut_trailing_clause,
    _paragraph,
    _tokens_before,
    _trim,
)
from dyads.annotate.quotes.speakers import INHERITS_SUBJECT, _colon_speaker, _name_after_quote, _subject, _subject_after


class MarkReader(CueReader):
    """Quotation marks: the regions a cue's content holds, quotations that go on after it, signed
    quotations and quotations with no cue of their own (part of :class:`QuoteFinder`)."""

    # ---- quotation marks ------------------------------------------------------------------
    def _attach_regions(self, doc: Any, found: list[Found], regions: list[Region]) -> set[int]:
        """Grow contents over the quotes they touch, the other quotes of the same sentence that
        hang from the cue ("A," X said, "B."), and the quotes that continue them. A cue inside a
        quote (a quotation quoting someone else) never takes the quote it stands in."""
        taken: set[int] = set()
        if not regions or not found:
            return taken
        text = doc_text(doc)
        for f in sorted(found, key=lambda f: f.end - f.start, reverse=True):
            for n, r in enumerate(regions):
                if r.start <= f.cue_start < r.end or not (r.start < f.end and f.start < r.end):
                    continue
                if n not in taken:
                    f.regions.append(r)
                    taken.add(n)
                elif f.start <= r.start < f.end < r.end:
                    f.end = r.end  # a quote a longer content has taken: this one ends with it too
        for f in sorted(found, key=lambda f: f.start):
            if not f.regions:
                self._quoted_tail(doc, f, regions, taken)
            if not f.regions:
                continue
            sent = f.cue.sent
            p_start, p_end = _paragraph(text, f.cue.idx)
            lo, hi = max(sent.start_char, p_start), min(sent.end_char, p_end)
            for n, r in enumerate(regions):
                if n in taken or not (lo <= r.start < hi):
                    continue
                lo_c, hi_c = min(r.end, f.cue_start), max(r.start, f.cue_end)
                if any(lo_c <= o.start and o.end <= hi_c for o in f.regions):
                    continue  # another quote of this cue lies between: "B." "C," X added
                if _hangs_from(doc, r, f.cue) and _is_long(text, r) and _opens_speech(text, f, r):
                    f.regions.append(r)
                    taken.add(n)
            if _quote_is_content(text, f):
                # the quotation is the content; what the parse hangs on it outside the marks is
                # the attribution or the narrator's ('"…," X told …, who …')
                f.start, f.end = min(r.start for r in f.regions), max(r.end for r in f.regions)
            else:
                f.start = min([f.start] + [r.start for r in f.regions])
                f.end = max([f.end] + [r.end for r in f.regions])
                _cut_trailing_clause(text, f, self.lex.kinds)
                _cut_after_partial_quote(text, f)
                _quote_before_cue(text, f)
        return taken

    def _quoted_tail(self, doc: Any, f: Found, regions: list[Region], taken: set[int]) -> None:
        """'said he is best placed to get a deal because he's a negotiator, "like you folks."': a
        quotation right after reported speech, hanging from the same cue, ends it."""
        text = doc_text(doc)
        for n, r in enumerate(regions):
            if r.start < f.end:
                continue
            if n in taken or r.end > f.cue.sent.end_char:
                return
            gap = text[f.end:r.start]
            if gap.strip() in {",", ""} and _hangs_from(doc, r, f.cue) and _is_long(text, r) \
                    or self._naming_aside(doc, f, gap):
                f.regions.append(r)
                taken.add(n)
            return

    def _naming_aside(self, doc: Any, f: Found, gap: str) -> bool:
        """'calling him, among other things, "a failed candidate."': a naming cue's object and its
        quoted name, with only an aside between them that the parse took elsewhere."""
        if f.relation != "dobj" or self.lex.score(f.cue.lemma_.lower(), "oprd") < self.lex.threshold:
            return False
        aside = gap.strip()
        if not (aside.startswith(",") and aside.endswith(",")) or len(aside.split()) > 6:
            return False
        span = doc.char_span(f.end, f.end + len(gap), alignment_mode="contract")
        return span is not None and not any(t.pos_ in {"VERB", "AUX"} for t in span)

    def _carry_on(self, text: str, f: Found, found: list[Found], regions: list[Region],
                  taken: set[int]) -> None:
        """Quotes that go on after the cue: in the same paragraph with nothing but the attribution
        between them, or in the next paragraphs when the quote was left open or a paragraph is a
        bare quotation following this one."""
        last = max(f.regions, key=lambda r: r.end)
        for n, r in enumerate(regions):
            if n in taken or r.start < f.end:
                continue
            if any(g is not f and g.start < r.end and r.start < g.end and not (r.start <= g.cue_start < r.end)
                   for g in found):
                break  # another attribution claims this quote
            if _title_in_attribution(text, f, last, r):
                continue  # '"A," he said on "Meet the Press." "B."': the title is not more speech
            gap = text[last.end:r.start]
            same_para = "\n" not in gap
            if (last.continues and not gap.strip()) or (
                    same_para and _is_long(text, r) and _only_cue(gap, f, last)) or (
                    same_para and _is_long(text, r) and _attribution_between(f, last, r)) or (
                    not same_para and _bare_paragraph(text, f, last, r) and _is_long(text, r)):
                f.regions.append(r)
                taken.add(n)
                f.end = r.end
                last = r
                continue
            break

    def _quote_after_report(self, text: str, f: Found, found: list[Found], regions: list[Region],
                            taken: set[int]) -> None:
        """Reported speech that runs to the end of its sentence, followed in the same paragraph by
        a quotation with no cue of its own (``…, adding that A. "B."``): the quote goes on with it."""
        n, r = next(((n, r) for n, r in enumerate(regions) if r.start >= f.end), (None, None))
        if r is None or n is None or n in taken or not _is_long(text, r):
            return
        gap = text[f.end:r.start]
        if "\n" in gap or gap.strip(" .") or f.cue_start > f.start and not _after_quote(f, regions):
            return
        if any(g is not f and g.start < r.end and r.start < g.end for g in found):
            return
        f.regions.append(r)
        taken.add(n)
        f.end = r.end
        self._carry_on(text, f, found, regions, taken)

    def _signed(self, doc: Any, found: list[Found], regions: list[Region], taken: set[int]) -> list[Found]:
        """Quotations signed with a dash and a name, on their line or alone on the next one
        ('"…" ― Sonya Herridge', '"…"¶¶- Bernie Sanders.'), as in vox pops, epigraphs and fact
        checks; and tweets embedded as text ('… — Ben Jacobs (@Bencjacobs) September 1, 2016')."""
        text = doc_text(doc)
        out: list[Found] = []
        covered = [(f.start, f.end) for f in found]
        score = max(self.lex.score("*", "quote"), self.lex.threshold)
        for n, r in enumerate(regions):
            if n in taken or r.continues or any(s <= r.start < e for s, e in covered):
                continue
            m = SIGNATURE.match(text, r.end)
            if m is None or text[r.end:m.start("dash")].count("\n") > 2 or len(r.inner(text).split()) < 2:
                continue
            f = _signature(doc, r.start, r.end, m.start("dash"), m.end("dash"), m.start("name"), m.end("name"), score)
            if f is not None:
                f.regions.append(r)
                taken.add(n)
                out.append(f)
        for m in TWEET_SIGNATURE.finditer(text):
            p_start = _paragraph(text, m.start())[0]
            tag = LEADING_TAG.match(text, p_start)  # an embed's own markup: '<tweet id=…>'
            start, end = _trim(text, tag.end() if tag else p_start, m.start())
            if end - start < 10 or any(s < end and start < e for s, e in covered) \
                    or any(f.start < end and start < f.end for f in out):
                continue
            f = _signature(doc, start, end, m.start("dash"), m.end("dash"), m.start("name"), m.end("name"), score)
            if f is not None:
                out.append(f)
        return out

    def _orphans(self, doc: Any, found: list[Found], regions: list[Region], taken: set[int]) -> list[Found]:
        """Quotations with no cue in their own clause: a colon introduction ("He said:"), or a
        cue verb of the same sentence that the parse did not link."""
        out: list[Found] = []
        text = doc_text(doc)
        covered = [(f.start, f.end) for f in found]
        for n, r in enumerate(regions):
            if n in taken or any(s <= r.start < e for s, e in covered) or not _is_long(text, r):
                continue
            cue = self._nearby_cue(doc, r)
            if cue is None:
                continue
            start = r.start
            if text[:r.start].rstrip(" \t")[-1:].isalnum():
                # a quote inside a clause ('Nancy's "single most … role was …," Anthony says'): a
                # speech verb after it reports the whole clause; any other verb is narration
                if cue.idx < r.end or self.lex.score(cue.lemma_.lower(), "quote") < self.lex.threshold:
                    continue
                start = _clause_start(doc, r.start)
            taken.add(n)
            same = next((f for f in [*found, *out] if f.cue.i == cue.i), None)
            if same is not None:  # "A," X said. "B": the cue already has the first quote
                same.regions.append(r)
                same.start, same.end = min(same.start, r.start), max(same.end, r.end)
                continue
            cs, ce = _cue_span(cue)
            lemma = cue.lemma_.lower()
            score = self.lex.score(lemma, "quote") or self.lex.score("*", "quote")
            colon = cue.text == ":"
            source = _colon_speaker(cue) if colon else _subject(cue)
            if source is not None and r.start <= source.idx < r.end:
                source = _name_after_quote(doc, r, cue) or source
            out.append(Found(start, r.end, cue, cs, ce, "quote", score, source, [r],
                             "speech" if colon else self.lex.kind(lemma)))
            covered.append((start, r.end))
        return out

    def _nearby_cue(self, doc: Any, r: Region) -> Any:
        """The cue of a quotation that the parse did not link: "…," X said / said X (right after
        the quote, any verb with its subject there), or X said: / X said, "…" (right before)."""
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        text = doc_text(doc)
        p_start, p_end = _paragraph(text, r.start)
        after: list[Any] = []
        for t in doc[span.end:span.end + 12]:
            if t.idx >= p_end or (t.is_quote and after):
                break
            after.append(t)
            if t.is_sent_end or t.text in {".", "!", "?", ";"}:
                break
        # a quote ending its sentence ('"…." It was …') lends no cue to the next sentence
        last_char = text[r.start:r.end].rstrip("\"“”„«»'` \n")[-1:]
        if last_char == "." and after and not after[0].is_lower:
            bare = self._bare_attribution(after)  # '"… missing." Trump said.': a full stop for a comma
            if bare is not None:
                return bare
            after = []
        verbs = [t for t in after if t.pos_ in {"VERB", "AUX"}]
        for t in verbs:
            if self.lex.score(t.lemma_.lower(), "quote") >= self.lex.threshold:
                return t
        ids = {t.i for t in after}
        for t in verbs:  # '"…," mused the spokesman': any verb with its subject right there
            if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i in ids for c in t.children) \
                    and self.lex.score("*", "quote") >= self.lex.threshold and after[0].i >= t.i - 4:
                return t
        if after and after[0].pos_ in {"PROPN", "PRON", "NOUN", "DET"}:
            verb = _subject_after(after[0], span.start, p_end)[0]  # '"…," Trump, the front-runner …, said'
            if verb is not None and self.lex.score(verb.lemma_.lower(), "quote") >= self.lex.threshold:
                return verb
        before = _tokens_before(doc, span.start, p_start)
        prev = text[:p_start].rstrip()
        if not before and prev.endswith(":"):  # the quote opens its paragraph: 'He said:¶¶"…"'
            colon = doc.char_span(len(prev) - 1, len(prev), alignment_mode="expand")
            if colon is not None:
                before = _tokens_before(doc, colon.end, _paragraph(text, len(prev) - 1)[0])
        return self._cue_before(before) or self._cue_of_last_sentence(doc, span.start, p_start)

    def _bare_attribution(self, after: list[Any]) -> Any:
        """The cue of a sentence that is only an attribution ('Trump said.', 'said Jane Doe.')."""
        if len(after) > 7 or after[-1].text not in {".", "!"}:
            return None
        ids = {t.i for t in after}
        for t in after:
            if t.pos_ == "VERB" and self.lex.score(t.lemma_.lower(), "quote") >= self.lex.threshold \
                    and all(c.i in ids for c in t.children) \
                    and any(c.dep_ in SUBJECTS for c in t.children) \
                    and not any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in t.children):
                return t
        return None

    def _cue_of_last_sentence(self, doc: Any, start: int, p_start: int) -> Any:
        """'Lau said in a statement. "There are no …"', 'He explained.¶¶"…"': the sentence right
        before the quotation ends with a cue that has no content of its own; the quotation is it."""
        text = doc_text(doc)
        i = start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or doc[i].text not in {".", ":"}:
            return None
        if doc[i].idx < p_start and text[doc[i].idx + 1:p_start].count("\n") > 2:
            return None
        sent = doc[i].sent
        for t in reversed(sent):
            if t.pos_ != "VERB" or t.i >= i or self.lex.score(t.lemma_.lower(), "quote") < self.lex.threshold:
                continue
            if any(c.dep_ in {"ccomp", "xcomp", "dobj", "oprd", "advcl", "conj", "acomp"} and c.i > t.i
                   for c in t.children):
                return None
            if t.dep_ in INHERITS_SUBJECT or not any(c.dep_ in SUBJECTS for c in t.children):
                return None  # '…," said O'Donnell, who wrote about it in the book.': not the cue
            return t
        return None

    def _cue_before(self, before: list[Any]) -> Any:
        """The cue of 'X said: "…"', 'X said, "…"' (``before``: the tokens before the quote, last
        first); for a colon with no verb ('Clinton: "…"', 'the board in its findings: "…"'), the colon."""
        if not before or before[0].text not in {":", ","}:
            return None
        for t in before:
            if t.pos_ in {"VERB", "AUX"} and self.lex.score(t.lemma_.lower(), "quote") >= self.lex.threshold:
                return t
        if before[0].text != ":" or self.lex.score("*", "quote") < self.lex.threshold:
            return None
        for t in before:
            if t.pos_ == "VERB":
                return t
        if any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in before[1:]):
            return before[0]
        return None
