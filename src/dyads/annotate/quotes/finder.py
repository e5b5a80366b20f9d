"""The quotation finder: every attribution of a parsed article (cues, then quotation marks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from dyads.nlp.datelines import dateline_spans
from dyads.nlp.labels import WHEN
from dyads.nlp.quotemarks import doc_text, quote_regions

if TYPE_CHECKING:
    pass
from dyads.annotate.quotes.found import Found
from dyads.annotate.quotes.lexicon import CueLexicon
from dyads.annotate.quotes.marks import MarkReader
from dyads.annotate.quotes.shapes import _dedupe
from dyads.annotate.quotes.speakers import (
    _inherit_repaired_speakers,
    _names_an_age,
    _repair_speaker,
    _skip_dateline,
    _speaker_before_cue,
)


class QuoteFinder(MarkReader):
    """Finds attributions in one parsed document. Pure: reads the Doc, writes nothing."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lex = lexicon

    def find(self, doc: Doc) -> list[Found]:
        text = doc_text(doc)
        regions = quote_regions(text)
        found = [f for t in self._cue_tokens(doc) if (f := self._from_cue(t)) is not None]
        spans = dateline_spans(text)
        if spans:
            found = [f for f in found if _skip_dateline(text, f, spans)]
        found = _dedupe(found, regions)
        taken = self._attach_regions(doc, found, regions)
        found.extend(self._signed(doc, found, regions, taken))
        found.extend(self._orphans(doc, found, regions, taken))
        found = _dedupe(found, regions)
        found.sort(key=lambda f: (f.start, f.end))
        for f in found:
            if f.regions:
                self._carry_on(text, f, found, regions, taken)
            else:
                self._quote_after_report(text, f, found, regions, taken)
        for f in found:
            if f.regions:
                _repair_speaker(f)
        _inherit_repaired_speakers(found)
        for f in found:
            if f.source is not None and f.source.ent_type_ in WHEN and not _names_an_age(f.source):
                f.source = _speaker_before_cue(f.cue, regions)
        return _dedupe(found, regions)
