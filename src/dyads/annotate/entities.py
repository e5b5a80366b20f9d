"""Pipeline stage: named entities for the output ``entities`` list (persons, organisations, places,
dates), each with its character offsets.

* persons: spaCy PERSON mentions with their role from the words before the name or an apposition
  ("Kremlin spokesman Dmitry Peskov" -> role "Kremlin spokesman"; "Dmitry Peskov, the Kremlin
  spokesman" -> "Kremlin spokesman") and the actor code the resolver gives them; also unnamed
  office holders ("North Korea's foreign minister" -> person, role "foreign minister", PRKGOV);
* organisations: ORG mentions and noun uses of NORP ("the Democrats"), with their actor code;
* places: GPE, LOC and FAC mentions (the places stage adds country and coordinates);
* dates: DATE mentions with ``value`` resolved against the publication date.
"""

from __future__ import annotations

from typing import Any

from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Entity
from dyads.nlp.quotemarks import doc_text
from dyads.resources import words

TYPES = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "DATE": "date"}
ROLE_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct"}
# Office and role nouns that make an unnamed person ("the foreign minister said").
ROLE_NOUNS = words("nouns.role")


@stage("entities", requires=("doc", "actors", "article.date"), uses=("dates",), assigns=("article.entities",))
def annotate(state: ArticleState, res: Resources) -> None:
    article, doc, resolver = state.article, state.doc, state.actors
    out: list[Entity] = []
    named_heads: set[int] = set()
    for ent in doc.ents:
        etype = TYPES.get(ent.label_)
        if ent.label_ == "NORP" and ent.root.pos_ in {"PROPN", "NOUN"} and ent.root.dep_ not in {"amod", "compound"}:
            etype = "org"
        if etype is None:
            continue
        start, end = ent.start_char, ent.end_char
        text = doc_text(doc)[start:end].rstrip()
        end = start + len(text)
        if not text or "\n" in text:
            continue
        for suffix in ("’s", "'s"):
            if text.endswith(suffix):
                text, end = text[: -len(suffix)], end - len(suffix)
        e = Entity(type=etype, text=text, start=start, end=end)  # type: ignore[arg-type]
        if etype == "date":
            known = state.dates.get(ent.start)  # the dates stage resolved it already
            e.value = known[2] if known else date_value(text, article.date)
        elif resolver is not None:
            e.actor = _code(resolver, ent.root)
        if etype == "person":
            e.role = role_of(ent)
            named_heads.add(ent.root.i)
        out.append(e)
    out.extend(unnamed_persons(doc, resolver, named_heads))
    out.extend(region_places(doc, out))
    out.sort(key=lambda e: (e.start, e.end))
    article.entities = out


def date_value(text: str, pub: str | None) -> str | None:
    from dyads.annotate import dates

    if not hasattr(dates, "resolve_date"):
        return None
    try:
        return dates.resolve_date(text, pub)
    except (ValueError, TypeError, OverflowError):
        return None


def role_of(ent: Any) -> str | None:
    """The role words in front of a name or in its apposition."""
    root = ent.root
    left = [t for t in root.subtree if t.i < ent.start and t.dep_ in ROLE_DEPS | {"det"}]
    # keep only the contiguous run of words right before the name
    run: list[Any] = []
    for t in reversed(left):
        if run and t.i != run[-1].i - 1:
            break
        run.append(t)
    run.reverse()
    words = [t for t in run if t.dep_ != "det" and t.pos_ != "PUNCT"]
    if any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "PERSON" for t in words):
        return doc_text(ent.doc)[words[0].idx:run[-1].idx + len(run[-1].text)].strip(" ,")
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            toks = [t for t in c.subtree if t.dep_ not in {"det", "punct", "relcl", "prep"} and t.i <= c.i]
            if toks:
                return doc_text(ent.doc)[toks[0].idx:c.idx + len(c.text)]
    return None


def unnamed_persons(doc: Any, resolver: Any, named_heads: set[int]) -> list[Entity]:
    """Office holders named only by their role ("North Korea's foreign minister")."""
    import numpy as np
    from spacy.attrs import LEMMA, POS

    if len(doc) == 0:
        return []
    ids = np.array([doc.vocab.strings.add(w) for w in ROLE_NOUNS], dtype="uint64")
    arr = doc.to_array([LEMMA, POS])
    noun = doc.vocab.strings["NOUN"]
    hits = np.nonzero(np.isin(arr[:, 0], ids) & (arr[:, 1] == noun))[0]
    out = []
    for i in hits:
        t = doc[int(i)]
        if t.ent_type_ or t.dep_ in {"compound", "appos"} or t.head.ent_type_ == "PERSON":
            continue
        if any(c.ent_type_ == "PERSON" and c.dep_ in {"appos", "compound"} for c in t.children):
            continue
        if t.head.i in named_heads or t.tag_ not in {"NN", "NNP"}:
            continue
        mods = [c for c in t.children if c.dep_ in {"amod", "compound"} and c.i < t.i and not c.ent_type_]
        role = doc_text(doc)[(mods[0].idx if mods else t.idx):t.idx + len(t.text)]
        if resolver is not None:
            start, end = resolver.phrase_bounds(t)
        else:
            start, end = min([t.idx] + [c.idx for c in mods]), t.idx + len(t.text)
        code = _code(resolver, t) if resolver is not None else None
        if code is None:
            continue  # "an official" with no country or office known: too vague to list
        out.append(Entity(type="person", text=doc_text(doc)[start:end], start=start, end=end, actor=code, role=role))
    return out


REGION_NOUNS = words("nouns.region_entity")


def region_places(doc: Any, found: list[Entity]) -> list[Entity]:
    """Regions the NER misses: a proper noun before a region noun ("Amur region", "Kherson oblast")."""
    import numpy as np
    from spacy.attrs import LOWER

    if len(doc) == 0:
        return []
    ids = np.array([doc.vocab.strings.add(w) for w in REGION_NOUNS], dtype="uint64")
    hits = np.nonzero(np.isin(doc.to_array([LOWER]).reshape(-1), ids))[0]
    out = []
    for i in hits:
        t = doc[int(i)]
        names = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i]
        if not names or t.pos_ != "NOUN":
            continue
        start, end = names[0].idx, t.idx + len(t.text)
        if any(e.start < end and start < e.end and e.type != "place" for e in found):
            continue
        if any(e.start <= start and end <= e.end for e in found):
            continue
        out.append(Entity(type="place", text=doc_text(doc)[start:end], start=start, end=end))
    return out


def _code(resolver: Any, tok: Any) -> str | None:
    r = resolver.resolve(tok)
    return r.code if r is not None else None

