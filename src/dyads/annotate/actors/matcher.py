"""Find dictionary phrases in a parsed Doc with spaCy's PhraseMatcher (longest match wins)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

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

    def __init__(self, nlp: Language, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._entries: dict[str, Entry] = {}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, table, prefix in ((self._lower, dictionary.phrases, "l:"),
                                       (self._exact, dictionary.case_sensitive, "c:")):
            keys = sorted(table)
            for key, doc in zip(keys, cast(Tokenizer, nlp.tokenizer).pipe(keys), strict=True):
                self._entries[prefix + key] = table[key]
                matcher.add(prefix + key, [doc])

    def find(self, doc: Doc) -> list[Mention]:
        """Non-overlapping mentions, longest first (on a tie, the hand-written dictionaries before
        the generated one); proper-name kinds must be capitalised."""
        vocab = doc.vocab.strings
        found: list[tuple[int, int, Entry]] = []
        for matcher in (self._exact, self._lower):
            for match_id, start, end in matcher(doc):
                found.append((start, end, self._entries[vocab[match_id]]))
        gen = self.dictionary.generated
        if gen is not None:
            texts = [t.text for t in doc]
            for table, toks in ((gen.exact, texts), (gen.lower, [t.lower() for t in texts])):
                found.extend((s, e, entry) for s, e, v in table.find(toks) if (entry := gen.entry(v)) is not None)
        kept: list[Mention] = []
        taken: set[int] = set()
        ranked = sorted(range(len(found)), key=lambda i: (found[i][0] - found[i][1], found[i][0], i))
        for start, end, entry in (found[i] for i in ranked):
            first = doc[start].text[:1]
            if entry.kind in PROPER_KINDS and not (first.isupper() or first.isdigit()):
                continue
            if any(i in taken for i in range(start, end)):
                continue
            if entry.kind in ("country", "capital") and _after_new(doc, start):
                continue  # "New Mexico", "New South Wales": another place that a country's name ends
            taken.update(range(start, end))
            kept.append(Mention(start, end, entry))
        return sorted(kept, key=lambda m: m.start)



def _after_new(doc: Doc, start: int) -> bool:
    """Whether a name follows "New" (with a compass word between): "New Mexico", "New South Wales"."""
    i = start - 1
    if i >= 0 and doc[i].text in ("North", "South", "East", "West"):
        i -= 1
    return i >= 0 and doc[i].text == "New"
