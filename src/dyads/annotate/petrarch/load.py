"""Compile PETRARCH dictionaries (as :mod:`dyads.io.petrarch` reads them) for one spaCy pipeline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from dyads.annotate.actors.dictionary import Entry, Person, Role
from dyads.annotate.actors.phrases import PhraseTable
from dyads.io.petrarch import ActorEntry, AgentEntry, PetrarchDictionaries, load_dictionary_dir
from dyads.io.petrarch.common import Problem
from dyads.io.petrarch.discards import DiscardEntry, DiscardKind
from dyads.io.petrarch.verbs import VerbEntry, VerbFamily

Mode = Literal["extend", "replace"]
NULL = "---"


@dataclass(frozen=True, slots=True)
class VerbChoice:
    """One verb of a family, as a token may name it."""

    entry: VerbEntry
    family: VerbFamily
    source: str  # the verb file's name@sha8


@dataclass
class CompiledVerbs:
    forms: dict[str, list[VerbChoice]] = field(default_factory=dict)  # lower-case surface form
    lemmas: dict[str, list[VerbChoice]] = field(default_factory=dict)  # lower-case base form
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # "&NAME" -> lower phrases

    def choices(self, form: str, lemma: str) -> list[VerbChoice]:
        out = list(self.forms.get(form, ()))
        out += [c for c in self.lemmas.get(lemma, ()) if c not in out]
        return out


@dataclass
class PetrarchSet:
    """A user's dictionaries, compiled: what the actors and events stages of this mode read."""

    mode: Mode
    version: str  # every file as name@sha8, joined by '+'
    actors: PhraseTable[Entry] = field(default_factory=PhraseTable)
    agents: PhraseTable[Entry] = field(default_factory=PhraseTable)
    discards: list[tuple[DiscardKind, DiscardEntry, str, Any]] = field(default_factory=list)
    verbs: CompiledVerbs | None = None
    verb_version: str = ""
    problems: list[Problem] = field(default_factory=list)
    _discard_files: list[Any] = field(default_factory=list)

    def discard(self, text: str) -> tuple[DiscardKind, str, str] | None:
        """(kind, phrase, file) of the first discard phrase in ``text`` (story ones first)."""
        hits = []
        for f, source in self._discard_files:
            hit = f.find(text)
            if hit is not None:
                hits.append((hit[0], hit[1].text, source))
        if not hits:
            return None
        return next((h for h in hits if h[0] == "story"), hits[0])


def _tokens(nlp: Any, words: tuple[str, ...]) -> list[str]:
    """Lower-case token texts of a phrase as spaCy tokenizes it (plain words need no tokenizer)."""
    if all(w.isalpha() for w in words):
        return [w.lower() for w in words]
    return [t.lower_ for t in nlp.make_doc(" ".join(words)) if not t.is_space]


def _code_parts(code: str) -> tuple[str | None, str | None, str | None]:
    """(country, sector, whole code for organisations and several actors) of a PETRARCH actor code."""
    if code.startswith(("IGO", "NGO", "MNC", "IMG")) or "/" in code or len(code) < 3:
        return None, None, code
    return code[:3], code[3:] or None, None


def actor_entry(e: ActorEntry, source: str) -> Entry | None:
    """An actor record as a dictionary entry: dated codes become roles that carry their own code."""
    def joined(codes: tuple[str, ...]) -> str | None:  # several actors stay one code "FRO/BIL/SAM"
        return "/".join(x for x in codes if x != NULL) or None

    defaults = [c for c in e.codes if not c.restricted]
    default = joined(defaults[0].codes) if defaults else None
    roles = []
    for c in e.codes:
        if not c.restricted:
            continue
        real = joined(c.codes)
        end = c.end + dt.timedelta(days=1) if c.end else None  # PETRARCH includes the end date
        roles.append(Role("", None, c.start, end, real or NULL))
    if default is None and not roles:
        return None
    country, sector, whole = _code_parts(default) if default else (None, None, None)
    name = " ".join(e.phrases[0].words).title()
    person = Person(name, country, whole, sector, tuple(roles))
    return Entry("group", country=country, code=whole, name=name, person=person, source=source)


def agent_entry(e: AgentEntry, source: str) -> Entry:
    """An agent as an entry of kind "agent"; a code that goes before the actor's ends in '~'."""
    return Entry("agent", sector=e.code + ("~" if e.prefix else ""), name=e.phrase, source=source)


def compile_dictionaries(d: PetrarchDictionaries, nlp: Any, mode: Mode = "extend") -> PetrarchSet:
    out = PetrarchSet(mode=mode, version=d.version, problems=d.problems)
    for af in d.actors:
        source = d.versions[af.name]
        for e in af.entries:
            entry = actor_entry(e, source)
            if entry is None:
                continue
            for p in e.phrases:
                out.actors.add(_tokens(nlp, p.words), entry)
    for gf in d.agents:
        source = d.versions[gf.name]
        for a in gf.entries:
            entry = agent_entry(a, source)
            for form in a.forms:
                out.agents.add(_tokens(nlp, form), entry)
    for df in d.discards:
        out._discard_files.append((df, d.versions[df.name]))
    if d.verbs:
        cv = CompiledVerbs()
        for vf in d.verbs:
            source = d.versions[vf.name]
            for name, syn in vf.synsets.items():
                cv.synsets.setdefault(name, tuple(tuple(w.lower() for w in p) for p in syn.phrases))
            for fam in vf.families:
                for v in fam.verbs:
                    choice = VerbChoice(v, fam, source)
                    for verb_form in v.forms:
                        cv.forms.setdefault(verb_form.lower(), []).append(choice)
                    cv.lemmas.setdefault(v.verb.lower(), []).append(choice)
        out.verbs = cv
        out.verb_version = d.version_of("verbs")
    return out


def load_petrarch(path: str, nlp: Any, mode: Mode = "extend") -> PetrarchSet:
    """Read and compile a folder of PETRARCH dictionaries (E121-E123 before anything is coded)."""
    return compile_dictionaries(load_dictionary_dir(path), nlp, mode)
