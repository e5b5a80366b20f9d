"""Cached stand-ins for spaCy's attribute ruler and rule lemmatizer: the same output, less work.

Both stock components spend most of their time in per-token Python work that gives the same
answer for the same inputs: the attribute ruler runs a Matcher of ~180 patterns over every token
(most of them one-token patterns, a function of that token's attributes alone) and the lemmatizer
asks ``rule_lemmatize`` for every token (a function of its ORTH, POS and MORPH). The stand-ins
compute each distinct answer once, with the stock component's own code, and reuse it:

* :class:`CachedAttributeRuler` matches one-token patterns once per distinct key of the
  attributes they test (a value no pattern mentions collapses to one key: ``==``, ``IN`` and
  ``NOT_IN`` cannot tell such values apart), runs only the longer patterns over the whole doc,
  and applies the matches with the stock ``set_annotations`` in the stock order;
* :class:`CachedLemmatizer` looks lemmas up by (ORTH, POS, MORPH).

:func:`use_cached_components` swaps them in only where the stock component's patterns or mode are
ones this reasoning covers; the stock components stay in the pipeline, disabled, as the source of
patterns, tables and lemmas.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

ATTRIBUTE_RULER = "dyads_attribute_ruler"
LEMMATIZER = "dyads_lemmatizer"
# Attributes whose token value is the hash of a string (what Matcher patterns compare them with).
STRING_ATTRS = {"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX", "ENT_TYPE"}
OTHER = -1  # the key of every value no pattern mentions (hashes and flags are never negative)


@dataclass
class KeyedAttribute:
    """One attribute the one-token patterns test: the values they name and their regexes."""

    attr: int
    values: set[int] = field(default_factory=set)
    regexes: list[re.Pattern[str]] = field(default_factory=list)

    def keys(self, column: list[int], strings: Any) -> list[Any]:
        """Per value: itself if a pattern names it; else what tells such values apart, the outcome
        of each regex (``==``, ``IN`` and ``NOT_IN`` give all of them the same answer)."""
        values = self.values
        if not self.regexes:
            return [v if v in values else OTHER for v in column]
        outcomes: dict[int, Any] = {}
        for v in set(column) - values:
            text = strings[v]
            outcomes[v] = OTHER, tuple(bool(r.search(text)) for r in self.regexes)
        return [v if v in values else outcomes[v] for v in column]


def _add_test(tested: KeyedAttribute, name: str, spec: Any) -> bool:
    """Record a pattern's test of an attribute; False for tests the key cannot represent."""
    string = name in STRING_ATTRS
    tests = spec.items() if isinstance(spec, dict) else [("==", spec)]
    for predicate, arg in tests:
        if predicate in ("IN", "NOT_IN"):
            values = list(arg)
        elif predicate == "==":
            values = [arg]
        elif predicate == "REGEX" and string:
            tested.regexes.append(re.compile(arg))
            continue
        else:
            return False
        if not all(isinstance(v, str) if string else isinstance(v, bool) for v in values):
            return False
        tested.values.update(get_string_id(v) if string else int(v) for v in values)
    return True


def keyed_attributes(patterns: list[list[dict[str, Any]]]) -> list[KeyedAttribute] | None:
    """What one-token ``patterns`` test, attribute by attribute; None if some test is not
    equality, membership or a regex on a string attribute, or an attribute is not a string or flag."""
    out: dict[str, KeyedAttribute] = {}
    for pattern in patterns:
        for token in pattern:
            for raw, spec in token.items():
                name = raw.upper()
                if name not in STRING_ATTRS and not name.startswith(("IS_", "LIKE_")) or name not in IDS:
                    return None
                if not _add_test(out.setdefault(name, KeyedAttribute(IDS[name])), name, spec):
                    return None
    return list(out.values())


class CachedAttributeRuler:
    """The stock ``AttributeRuler`` with its one-token matches cached by the attributes they test."""

    def __init__(self, ruler: AttributeRuler, single: Matcher, longer: Matcher, tested: list[KeyedAttribute]) -> None:
        self.ruler = ruler
        self.single = single
        self.longer = longer
        self.tested = tested
        self.attrs = [t.attr for t in tested]
        # match id -> rule number: AttributeRuler.match sorts by it, so later rules win
        self.rule = {ruler.vocab.strings[str(n)]: n for n in range(len(ruler.attrs))}
        self.cache: dict[tuple[Any, ...], list[tuple[int, int]]] = {}

    @classmethod
    def wrap(cls, ruler: AttributeRuler) -> CachedAttributeRuler | None:
        """The cached form of ``ruler``, or None when its patterns are outside what the cache covers."""
        single, longer = Matcher(ruler.vocab), Matcher(ruler.vocab)
        one_token: list[list[dict[str, Any]]] = []
        for n in range(len(ruler.attrs)):
            key = ruler.vocab.strings[str(n)]
            _, patterns = ruler.matcher.get(key)
            ones = [p for p in patterns if len(p) == 1]
            more = [p for p in patterns if len(p) != 1]
            one_token.extend(ones)
            if ones:
                single.add(key, ones)
            if more:
                longer.add(key, more)
        tested = keyed_attributes(one_token)
        return None if tested is None else cls(ruler, single, longer, tested)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns for ``doc``: (rule, match id, start, end), sorted."""
        rule = self.rule
        found = [(rule[m], m, s, e) for m, s, e in self.longer(doc, allow_missing=True, as_spans=False)]
        if len(doc):
            strings = self.ruler.vocab.strings
            table = doc.to_array(cast("list[int | str]", self.attrs)).reshape(len(doc), len(self.attrs)).T.tolist()
            columns = [t.keys(cast("list[int]", column), strings) for t, column in zip(self.tested, table, strict=True)]
            for i, key in enumerate(zip(*columns, strict=True)):
                hits = self.cache.get(key)
                if hits is None:
                    hits = self.cache[key] = [(rule[m], m) for m, _, _ in self.single(doc[i:i + 1], allow_missing=True)]
                found.extend((n, m, i, i + 1) for n, m in hits)
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


class CachedLemmatizer:
    """The stock ``Lemmatizer``'s first lemma per (ORTH, POS, MORPH), asked once per distinct key."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        lemmatizer(Doc(lemmatizer.vocab, words=[]))  # checks its tables, as its own first call would
        self.lemmatizer = with_index_sets(lemmatizer)
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            form = self.cache.get(key)
            if form is None:
                form = self.cache[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(form)
        doc.from_array([LEMMA], cast(Any, lemmas))
        return doc


class _Unkept(dict):
    """A cache that keeps nothing."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def with_index_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of ``lemmatizer`` whose ``lemma_index`` word lists are sets.

    ``rule_lemmatize`` asks only whether a form is in a list (and whether the list is empty), and
    that scan of up to 57,000 nouns, up to nine times per new word, made it most of the
    lemmatizer's time; a set answers both questions alike, at once. The original is left as is."""
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            table = Table.from_dict({pos: frozenset(words) for pos, words in table.items()}, name=name)
        lookups.set_table(name, table)
    clone = copy.copy(lemmatizer)
    clone.lookups = lookups
    clone.cache = _Unkept()  # CachedLemmatizer keeps the answers: one copy of them, as before
    clone.lemmatize = getattr(clone, f"{clone.mode}_lemmatize")  # bound to the copy, not the original
    return clone


def _cached_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    cached = CachedAttributeRuler.wrap(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")))
    if cached is None:
        raise ValueError("the attribute ruler's patterns are not ones the cache covers")
    return cached


def _cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(cast(Lemmatizer, nlp.get_pipe("lemmatizer")))


def use_cached_components(nlp: Language) -> None:
    """Put the cached stand-ins in place of ``attribute_ruler`` and ``lemmatizer`` where they apply."""
    for name, factory in ((ATTRIBUTE_RULER, _cached_ruler), (LEMMATIZER, _cached_lemmatizer)):
        if not Language.has_factory(name):
            Language.factory(name, func=factory)
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and CachedAttributeRuler.wrap(ruler) is not None:
        nlp.add_pipe(ATTRIBUTE_RULER, before="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in ("rule", "lookup"):
        nlp.add_pipe(LEMMATIZER, before="lemmatizer")
        nlp.disable_pipe("lemmatizer")
