"""Find dictionary phrases in a parsed Doc with spaCy's PhraseMatcher (longest match wins)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from dyads.annotate.actors.dictionary import ActorDictionary, Entry

# Kinds that name something and so must be capitalised in the text ("Turkey", not "turkey").
PROPER_KINDS = {"country", "demonym", "capital", "government", "igo", "person", "group"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A dictionary phrase found in the text: tokens [start, end) and what it means."""

    start: int
    end: int
    entry: Entry


class ActorMatcher:
    """Compiled matchers for one spaCy vocabulary; build once per pipeline."""

    def __init__(self, nlp: Any, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._entries: dict[str, Entry] = {}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, table, prefix in ((self._lower, dictionary.phrases, "l:"),
                                       (self._exact, dictionary.case_sensitive, "c:")):
            keys = sorted(table)
            for key, doc in zip(keys, nlp.tokenizer.pipe(keys), strict=True):
                self._entries[prefix + key] = table[key]
                matcher.add(prefix + key, [doc])

    def find(self, doc: Any) -> list[Mention]:
        """Non-overlapping mentions, longest first; proper-name kinds must be capitalised."""
        vocab = doc.vocab.strings
        spans = []
        for matcher in (self._exact, self._lower):
            for match_id, start, end in matcher(doc):
                entry = self._entries[vocab[match_id]]
                first = doc[start]
                if entry.kind in PROPER_KINDS and not (first.text[:1].isupper() or first.text[:1].isdigit()):
                    continue
                span = doc[start:end]
                span.label_ = vocab[match_id]
                spans.append(span)
        return [Mention(s.start, s.end, self._entries[s.label_]) for s in filter_spans(spans)]

