"""Actors from a user's PETRARCH dictionaries: finding their phrases and composing their codes.

PETRARCH composes a code from an actor and the agents around it: the actor's code, then each
agent's code after it ("Arnor" ARN + "cleric" ~REL -> ARNREL; "Danish Islamist media" DNK + MUS
+ MED -> DNKMUSMED), or before it for agents written ``[CODE~]`` ("MSF Arnor diplomat" ->
NGOARNGOV); a three-letter part already in the code is not repeated ("White House security
officials": USAGOV + ~GOV -> USAGOV). Agents with no actor give a code with no country ("a senior
official" -> GOV, which PETRARCH prints ``---GOV``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dyads.annotate.actors.dictionary import ActorDictionary, Entry, Person
from dyads.annotate.actors.matcher import Mention
from dyads.annotate.actors.resolved import Resolved
from dyads.annotate.actors.resolver import ArticleActors
from dyads.annotate.petrarch.load import NULL, PetrarchSet
from dyads.model import Actor


class PetrarchMatcher:
    """Mentions of the user's actor and agent phrases, longest first; in extend mode dyads' own
    mentions fill the tokens the user's phrases leave."""

    def __init__(self, petrarch: PetrarchSet, base: Any | None) -> None:
        self.petrarch = petrarch
        self.base = base  # dyads' ActorMatcher (extend mode) or None (replace mode)
        self.dictionary = base.dictionary if base is not None else ActorDictionary(version="")

    def find(self, doc: Any) -> list[Mention]:
        lowers = [t.lower_ for t in doc]
        found = [(s, e, v) for table in (self.petrarch.actors, self.petrarch.agents) for s, e, v in table.find(lowers)]
        taken: set[int] = set()
        kept: list[Mention] = []
        for s, e, entry in sorted(found, key=lambda x: (x[0] - x[1], x[0])):
            if any(i in taken for i in range(s, e)):
                continue
            taken.update(range(s, e))
            kept.append(Mention(s, e, entry))
        if self.base is not None:
            kept += [m for m in self.base.find(doc) if not any(i in taken for i in range(m.start, m.end))]
        return sorted(kept, key=lambda m: m.start)


def code_on(person: Person, day: dt.date | None) -> str | None:
    """PETRARCH's code of an actor record on a date: the first restriction that holds, else the
    default; undated text takes the default, else the most recent restriction."""
    default = person.code or ((person.country or "") + (person.default_sector or "")) or None
    if day is not None:
        for r in person.roles:
            if r.holds_on(day):
                return None if r.code in (None, NULL) else r.code
        return default
    if default is not None or not person.roles:
        return default
    latest = max(person.roles, key=lambda r: r.start or dt.date.min)
    return None if latest.code in (None, NULL) else latest.code


def compose(actor: str | None, agents: list[str]) -> str | None:
    """PETRARCH's code of an actor and its agents (in text order); see the module docstring."""
    prefix = [a[:-1] for a in agents if a.endswith("~")]
    code = actor or ""
    for a in (a for a in agents if not a.endswith("~")):
        parts = {code[i:i + 3] for i in range(0, len(code), 3)}
        add = "".join(a[i:i + 3] for i in range(0, len(a), 3) if a[i:i + 3] not in parts)
        code += add
    for p in reversed(prefix):
        if not code.startswith(p):
            code = p + code
    return code or None


class PetrarchActors(ArticleActors):
    """The article's actors when a user's dictionaries are loaded: phrases holding one of their
    entries get PETRARCH codes; others (extend mode) resolve as dyads does. No country is guessed
    from the sentence or a town for PETRARCH phrases: PETRARCH does not."""

    def __init__(self, doc: Any, mentions: list[Mention], dictionary: ActorDictionary, pub_date: str | None,
                 replace: bool = False) -> None:
        self.replace = replace
        super().__init__(doc, mentions, dictionary, pub_date)

    def _user_agent_head(self, head: Any) -> bool:
        m = self.mention_at.get(head.i)
        return m is not None and bool(m.entry.source) and m.entry.kind == "agent"

    def _combine(self, head: Any, mentions: list[Mention]) -> Resolved | None:
        users = [m for m in mentions if m.entry.source]
        if not users:
            return None if self.replace else super()._combine(head, mentions)
        actors = [m for m in users if m.entry.kind != "agent"]
        if not actors and self._user_agent_head(head):
            # "the ambassadors of Arnor", "human rights activists in Arnor": the actor of the of-phrase
            for other in super()._of_phrase(head):
                found = [m for t in self._phrase(other) if (m := self.mention_at.get(t.i)) and m.entry.source
                         and m.entry.kind != "agent"]
                if found:
                    users += [m for m in found if m not in users]
                    actors = found
                    break
        head_m = self.mention_at.get(head.i)
        actors.sort(key=lambda m: (m is not head_m, m.start))
        base = None
        name = None
        entry: Entry | None = None
        for m in actors:
            if m.entry.person is not None:
                base = code_on(m.entry.person, self.day)
                if base is not None:
                    entry, name = m.entry, m.entry.name
                    break
        agents = [m.entry.sector or "" for m in sorted(users, key=lambda m: m.start) if m.entry.kind == "agent"]
        if base is None and actors and not agents:
            return None  # a null-coded actor ("[---]") names no actor
        code = compose(base, [a for a in agents if a])
        if code is None:
            return None
        sources = sorted({m.entry.source for m in users})
        how = f"petrarch:{'+'.join(sources)}:" + ",".join(self.doc[m.start:m.end].text for m in users)
        if base is None:
            return Resolved(code, None, code, None, how)
        country = None if base.startswith(("IGO", "NGO")) or "/" in base else base[:3]
        sector = code[len(country):] or None if country and code.startswith(country) else None
        person = entry is not None and entry.kind == "person"
        return Resolved(code, country, sector, name, how, person)

    def actor_for(self, head: Any) -> Actor | None:
        a = super().actor_for(head)
        if a is not None and a.how.startswith("petrarch:"):
            a.dictionary = a.how.split(":", 2)[1]  # the user's files that gave the code
        return a

    def _of_phrase(self, head: Any) -> list[Any]:
        return [] if self._user_agent_head(head) else super()._of_phrase(head)

    # PETRARCH resolves a pronoun that acts ("it would act"), but makes no actor of a possessed
    # thing ("his march") and no reference to an earlier actor ("the country")
    def _pronoun(self, tok: Any) -> Resolved | None:
        return None if self.replace and tok.dep_ == "poss" else super()._pronoun(tok)

    def _possessor(self, head: Any, r: Resolved | None) -> Resolved | None:
        return r if self.replace else super()._possessor(head, r)

    def _definite_reference(self, head: Any, toks: list[Any]) -> Resolved | None:
        return None if self.replace else super()._definite_reference(head, toks)

    def agent_codes(self, head: Any, modifiers_only: bool = False) -> list[str]:
        """The user's agent codes in the phrase of ``head``, in text order (only those of its
        modifiers, not of the head word itself, with ``modifiers_only``)."""
        own = self.mention_at.get(head.i) if modifiers_only else None
        ms = {id(m): m for t in self._phrase(head) if (m := self.mention_at.get(t.i)) and m.entry.source
              and m.entry.kind == "agent" and m is not own}
        return [m.entry.sector or "" for m in sorted(ms.values(), key=lambda m: m.start)]

    def _context_country(self, head: Any, r: Resolved) -> Resolved:
        return r if self.replace or r.how.startswith("petrarch:") else super()._context_country(head, r)

    def _article_country(self, r: Resolved, head: Any) -> Resolved:
        return r if self.replace else super()._article_country(r, head)

    def _place(self, head: Any) -> Resolved | None:
        return None if self.replace else super()._place(head)
