"""Resolve a noun phrase (given by its head token) to an Actor.

The resolver looks at the phrase around the head in the dependency parse (compounds, adjectives,
possessives, appositions, "minister of X") and combines what the dictionaries say about its words:
a country (name, demonym, capital), a government metonym, an IGO, a known person (whose role
depends on the article date) and sector words (minister -> GOV, troops -> MIL). People the
dictionary does not know take the country and sector of their apposition ("Kremlin spokesman Dmitry
Peskov" -> RUSGOV) and keep it for later mentions in the same article ("Peskov said").
Pronouns and simple references ("his country", "it", "the country", "we" in a quote) resolve to
an earlier actor of the article. One resolver per article; it holds no global state.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from dyads.annotate.actors.dictionary import ActorDictionary
from dyads.annotate.actors.matcher import Mention
from dyads.annotate.actors.places import place_country
from dyads.annotate.actors.resolved import Resolved, actor_code, kind_rank, merge
from dyads.annotate.actors.weights import country_weights, local_principal, named_governments, principal_country
from dyads.model import Actor
from dyads.nlp.datelines import agency_spans, dateline_spans
from dyads.nlp.quotemarks import doc_text
from dyads.resources import word_list, words

PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "flat", "det", "nummod", "case", "npadvmod", "quantmod"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
GROUP_ENTS = {"ORG", "NORP", "GPE"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
PERSON_PRONOUNS = words("pronouns.person")
THING_PRONOUNS = words("pronouns.thing")
PLURAL_PRONOUNS = words("pronouns.plural")
FIRST_PLURAL = words("pronouns.first_plural")
FIRST_SINGULAR = words("pronouns.first_singular")
RELATIVE = words("pronouns.relative")
REGIONAL = words("adjectives.regional")
EVENT_HEADS = words("nouns.event_heads")
GATHERINGS = words("nouns.gathering")  # "the meeting" named before is often another, its "owner" a host
GENERIC_ROLES = words("nouns.generic_role")  # "a company spokesman": the modifier says whose
GENERIC_SECTOR = "ELI"  # a dictionary's "elite": a title the text gives ("Finance Minister X") says more
AMOUNT_UNITS = words("nouns.amount_unit")  # "100 mln Singapore dlrs", "the Japanese yen": a currency, no actor
PERSON_ROLES = words("nouns.role")  # "the Prime Minister" (capitalised): one office holder
NEWS_AGENCIES = set(word_list("news_agencies"))  # "Reuters", "AFP": reporters, not the article's country
MEMBERSHIP = words("nouns.membership")  # "a senior member of the Northern Alliance": the body's actor
CORPORATE_SUFFIXES = words("names.corporate_suffix")  # "General Motors Corp", "Drillers Inc": a business
LOCAL_GOVERNMENT = words("names.local_government")  # "Broome County Executive", "Delhi Municipal Corporation"
LIKENESS = words("suffixes.likeness")
HONORIFICS = words("titles.honorific")  # "Western diplomats", "foreign troops": no one country
COUNTRY_NOUNS = words("nouns.country_reference")


class ArticleActors:
    """All actor knowledge of one article: mentions, people met so far, and the antecedents that
    pronouns may point back to."""

    def __init__(self, doc: Doc, mentions: list[Mention], dictionary: ActorDictionary,
                 pub_date: str | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.dictionary = dictionary
        self.day = dt.date.fromisoformat(pub_date) if pub_date else None
        self.mention_at: dict[int, Mention] = {}
        mentions = [m for m in mentions if not _likeness(doc, m)]
        for m in mentions:
            for i in range(m.start, m.end):
                self.mention_at[i] = m
        self.excluded = self._dateline_tokens(doc)
        self.countries = country_weights(doc, mentions, self.day)  # the article's countries, by weight
        self.principal = principal_country(self.countries)
        self._mentions = mentions
        self._local: dict[int, str | None] = {}  # sentence number -> its passage's principal country
        self.governments = named_governments(doc, self.mention_at)  # "the Australian Government"
        # token -> sentence bounds and token -> entity, computed once (Token.sent rescans the doc)
        self.sent_bounds: list[tuple[int, int]] = [(0, 0)] * len(doc)
        self.sent_starts: list[int] = []  # each sentence's first token
        for sent in doc.sents:
            self.sent_starts.append(sent.start)
            bounds = (sent.start, sent.end)
            for i in range(sent.start, sent.end):
                self.sent_bounds[i] = bounds
        self.ent_at: dict[int, Any] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.people: dict[str, Resolved] = {}  # lower-cased name or surname -> actor
        self.history: list[tuple[int, Resolved]] = []  # (token index, actor) in text order
        self.quote_speakers: list[tuple[int, int, Resolved]] = []  # (start char, end char, speaker)
        self._cache: dict[int, Resolved | None] = {}
        self._build_history()

    # ---- public -------------------------------------------------------------------------
    def actor_for(self, head: Any) -> Actor | None:
        """The actor named by the phrase headed by ``head`` (a spaCy Token), or None."""
        r = self.resolve(head)
        if r is None:
            return None
        named = head
        if r.at is not None and (head.pos_ == "PRON" or head.lower_ in RELATIVE):
            named = self.doc[r.at]  # a pronoun: point at the words that name the actor
        start, end = self.phrase_bounds(named)
        text = self.text[start:end]
        how = r.how if named is head else f"{r.how} ('{head.text}' at {head.idx})"
        return Actor(code=r.code, country=r.country, sector=r.sector, name=r.name, text=text,
                     start=start, end=end, how=how)

    def resolve(self, head: Any) -> Resolved | None:
        if head.i in self._cache:
            return self._cache[head.i]
        r = self._resolve(head)
        self._cache[head.i] = r
        return r

    def set_quote_speakers(self, spans: list[tuple[int, int, Resolved]]) -> None:
        """Speakers of quotations, so that "we"/"our" inside a quote resolve to them."""
        self.quote_speakers = spans
        self._cache = {i: r for i, r in self._cache.items() if self.doc[i].lower_ not in FIRST_PLURAL}

    def phrase_bounds(self, head: Any) -> tuple[int, int]:
        """Character span of the head and its pre-modifiers (not relative clauses, not preps)."""
        toks = self._phrase(head)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t.text) for t in toks)
        return start, end

    def in_dateline(self, tok: Any) -> bool:
        """Whether a token stands in a dateline or an agency credit (it names no actor)."""
        return tok.i in self.excluded

    def country_name(self, code: str | None) -> str | None:
        return self.dictionary.country_names.get(code or "")

    # ---- phrase analysis ------------------------------------------------------------------
    def _phrase(self, head: Any) -> list[Any]:
        toks = [head]
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in PHRASE_DEPS and c.i < head.i + 1 or c.dep_ in {"flat", "compound"}:
                    if c.dep_ == "det" and c.lower_ not in {"the", "a", "an"}:
                        continue
                    toks.append(c)
                    stack.append(c)
        # a mention that starts inside the phrase extends it ("North Korea's" -> whole name)
        extra: list[Any] = []
        for t in toks:
            m = self.mention_at.get(t.i)
            if m:
                extra.extend(self.doc[m.start:m.end])
        toks.extend(x for x in extra if x not in toks)
        return toks

    def _of_phrase(self, head: Any) -> list[Any]:
        """Heads of "of X"/"for X"/"from X" attached to a role noun ("the president of Russia")."""
        out: list[Any] = []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "for", "from", "in"}:
                out.extend(p for p in c.children if p.dep_ == "pobj")
        return out

    def _resolve(self, head: Any) -> Resolved | None:
        if head.i in self.excluded:
            return None
        low = head.lower_
        if head.pos_ == "PRON" or low in RELATIVE:
            return self._pronoun(head)
        if head.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM", "X"} and head.i not in self.mention_at:
            return None
        if head.lemma_.lower() in EVENT_HEADS and head.i not in self.mention_at and head.pos_ == "NOUN":
            return self._event_owner(head)
        if head.lower_ in self.dictionary.non_actor_heads and head.i not in self.mention_at:
            return None  # "the Indian cricket team", "a Brazilian singer": no political actor
        if head.text in NEWS_AGENCIES and head.i not in self.mention_at:
            return Resolved("MED", None, "MED", head.text, f"agency:{head.text}")  # "told Reuters": the media
        if head.ent_type_ == "MONEY" or (head.pos_ == "NOUN" and head.lower_ in AMOUNT_UNITS) or (
                head.dep_ in ("amod", "compound") and head.head.lower_ in AMOUNT_UNITS):
            return None  # "more than 100 mln Singapore dlrs", "the Japanese yen": money
        if head.pos_ == "PROPN" and head.i not in self.mention_at and any(
                c.dep_ in ("compound", "appos") and c.text.islower() and c.lower_ in self.dictionary.non_actor_heads
                for c in head.children):  # (a lower-case role: "FBI Director Christopher Wray" is a title)
            return None  # "batsman Jacques Kallis", "Todd Woodbridge, the Australian tennis player"
        toks = self._phrase(head)
        appos = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos" and head.head.i not in self.excluded:
            appos.append(head.head)
        mentions: list[Mention] = []
        seen: set[int] = set()
        for t in toks:
            m = self.mention_at.get(t.i)
            if m and t.ent_type_ == "MONEY":
                continue  # "a 100 mln Australian dlr bond": the currency names no owner
            if m and id(m) not in seen:
                seen.add(id(m))
                mentions.append(m)
        r = self._combine(head, mentions)
        if r is not None and self._corporate(head):  # a firm, whatever title it holds ("General Motors Corp")
            r = Resolved(actor_code(r.country, "BUS"), r.country, "BUS", r.name, f"{r.how}+corporate")
        if r is not None and r.sector == "BUS" and any(t.lower_ in LOCAL_GOVERNMENT for t in toks):
            r = Resolved(actor_code(r.country, "GOV"), r.country, "GOV", r.name, f"{r.how}+local_government")
        if r is None or r.country is None or r.sector is None:
            # role nouns with "of X" and appositions fill what the phrase itself leaves open
            head_m = self.mention_at.get(head.i)
            of = self._of_phrase(head) if (head_m is not None and head_m.entry.kind == "agent") or \
                (head_m is None and head.lower_ in MEMBERSHIP) else []
            for other in [*of, *appos]:
                if other.i == head.i:
                    continue
                o = self._combine(other, [m for t in self._phrase(other) if (m := self.mention_at.get(t.i))])
                r = merge(r, o)
        if r is None or r.country is None:
            r = self._possessor(head, r)
        if r is None:
            r = self._definite_reference(head, toks)
        if r is None:
            r = self._place(head)
        if r is not None and r.country is None and r.sector and r.code == r.sector and not r.person:
            r = self._context_country(head, r)
        name = self._person_name(head)
        if name:
            known = self.people.get(name.lower()) or self.people.get(name.split()[-1].lower())
            if r is None or (r.person and r.country is None and known):
                r = known or r
            if r is not None and r.country and not r.person:
                r = Resolved(r.code, r.country, r.sector, name, f"{r.how}+apposition", True)
            if r is None:
                r = Resolved(None, None, None, name, "unresolved person", True)
        if r is None and head.ent_type_ in GROUP_ENTS and head.pos_ == "PROPN":
            ent = self._entity_text(head)
            r = Resolved(None, None, None, ent, f"unresolved {head.ent_type_.lower()}")
        if r is not None and r.code is None and self.principal and head.ent_type_ in {"PERSON", "ORG", "NORP"}:
            r = self._article_country(r, head)
        if r is not None and head.tag_ in {"NNS", "NNPS"}:
            r.plural = True
        return r

    def _combine(self, head: Any, mentions: list[Mention]) -> Resolved | None:
        if not mentions:
            return None
        if head.pos_ == "NOUN" and head.i not in self.mention_at and all(
                m.entry.kind == "agent" and all(t.dep_ == "amod" for t in self.doc[m.start:m.end])
                for m in mentions):
            return None  # a thing a sector adjective describes ("military aid", "a military coup")
        country = sector = code = name = None
        how: list[str] = []
        person = False
        head_m = self.mention_at.get(head.i)
        ordered = sorted(mentions, key=lambda m: (m is not head_m, kind_rank(m.entry)))
        for m in ordered:
            e = m.entry
            text = self.doc[m.start:m.end].text
            if e.kind in ("person", "group") and e.person is not None:
                if code or country:
                    continue
                pcode, country, sector, role = e.person.code_on(self.day)
                code = pcode if pcode and (pcode.startswith("IGO") or country is None) else None
                name, person = e.name, e.kind == "person"
                how.append(f"person:{e.name}" + (f"/{role.role}" if role else "/no role on date"))
            elif e.kind == "igo":
                if code or country:
                    continue
                code, name = e.code, e.name
                how.append(f"igo:{text}")
            elif e.kind in {"country", "demonym", "capital", "government"}:
                if country is None and code is None:
                    country, name = e.country, e.name
                    how.append(f"{e.kind}:{text}")
                if e.sector and sector is None and e.country == country:
                    sector = e.sector
            elif e.kind == "agent":
                former = m.start > 0 and self.doc[m.start - 1].lower_ in ("former", "ex")
                if sector is None or (sector == GENERIC_SECTOR and not former) or (m is head_m and not person):
                    sector = e.sector
                    how.append(f"agent:{text}")
        if head_m is not None and head_m.entry.kind == "agent" and not code and \
                self.doc[head_m.start:head_m.end].text.lower() in GENERIC_ROLES:
            # "a company spokesman", "bank officials", "army sources": the modifier's sector
            mods = [m for m in ordered if m is not head_m and m.entry.kind == "agent" and m.entry.sector]
            if mods:
                sector = mods[0].entry.sector
                how.append(f"agent:{self.doc[mods[0].start:mods[0].end].text}")
        full = code or actor_code(country, sector)
        if full is None:
            return None
        return Resolved(full, country, sector if not code else None, name, ",".join(how), person)

    def _corporate(self, head: Any) -> bool:
        """Whether the head is a firm's name ("General Motors Acceptance Corp Canada", "Drillers
        Inc") or a spokesman or official of one ("the Taiwan Sugar Corp spokesman")."""
        if head.pos_ == "NOUN" and head.lower_ in GENERIC_ROLES:
            return any(c.dep_ == "compound" and self._corporate(c) for c in head.children)
        if not head.ent_type_ or head.pos_ != "PROPN":
            return False
        start, end = head.i, head.i
        while start > 0 and self.doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(self.doc) and self.doc[end + 1].ent_iob_ == "I":
            end += 1
        return any(t.text.rstrip(".").lower() in CORPORATE_SUFFIXES for t in self.doc[start + 1:end + 1])

    def _event_owner(self, head: Any, depth: int = 0) -> Resolved | None:
        """An event noun is no actor; its owner may be ("the Reagan administration plan", "the EC's
        proposal"), not its venue ("their Paris meeting", "the Geneva talks"); a definite one with no
        owner of its own takes the owner of the same noun named before ("oppose parts of the plan")."""
        for c in head.children:
            if c.dep_ not in ("poss", "compound", "nmod") or c.i > head.i:
                continue
            r = self.resolve(c)
            if r is not None and r.code and not r.how.startswith(("capital:", "place:")):
                return r
        if depth == 0 and head.lemma_.lower() not in GATHERINGS and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            # "opposed parts of the plan": the plan the article named before with its owner
            lo = self.sent_bounds[head.i][0]
            for t in reversed(self.doc[max(0, lo - 400):head.i]):
                if t.lemma_.lower() == head.lemma_.lower() and t.pos_ == "NOUN" and t.i < lo:
                    r = self._event_owner(t, depth + 1)
                    if r is not None:
                        return Resolved(r.code, r.country, r.sector, r.name, f"{r.how}+antecedent:{t.i}",
                                        r.person, r.plural)
        return None

    def _possessor(self, head: Any, r: Resolved | None) -> Resolved | None:
        """"his country", "its allies", "their forces": the owner's country, the head's sector. An
        organisation the phrase names stays ("his EU counterparts", "their EC partners")."""
        if r is not None and r.code and r.code.startswith(("IGO", "NGO")):
            return r
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ == "PRON":
                owner = self.resolve(c)
                if owner is None:
                    continue
                if owner.country:
                    sector = r.sector if r else None
                    return Resolved(actor_code(owner.country, sector), owner.country, sector,
                                    self.country_name(owner.country) or owner.name,
                                    f"{owner.how}+{r.how if r else head.lower_}")
                if r is None:
                    return owner
        return r

    def _definite_reference(self, head: Any, toks: list[Any]) -> Resolved | None:
        """"the country", "the government": the most recent country in this or the last sentence."""
        if head.lower_ not in COUNTRY_NOUNS or head.pos_ != "NOUN":
            return None
        dets = [t for t in toks if t.dep_ == "det"]
        if not dets or dets[0].lower_ != "the" or len(toks) > 2:
            return None
        ante = self._antecedent(head, lambda r: r.country is not None, max_sents=2)
        if ante is None:
            return None
        sector = "GOV" if head.lower_ in {"government", "regime", "administration", "leadership"} else None
        return Resolved(actor_code(ante.country, sector), ante.country, sector, ante.name, f"reference:{head.lower_}")

    # ---- pronouns ---------------------------------------------------------------------------
    def _pronoun(self, tok: Any) -> Resolved | None:
        low = tok.lower_
        if low in RELATIVE:
            if tok.head.dep_ in {"relcl", "acl"}:
                r = self.resolve(tok.head.head)
                if r is not None and r.at is None:
                    r = Resolved(r.code, r.country, r.sector, r.name, r.how, r.person, r.plural, tok.head.head.i)
                return r
            return None
        if low in FIRST_PLURAL or low in FIRST_SINGULAR:
            for s, e, speaker in self.quote_speakers:
                if s <= tok.idx < e:
                    if low in FIRST_PLURAL and speaker.country:
                        return Resolved(speaker.country, speaker.country, None, speaker.name, f"pronoun:{low}->speaker")
                    return speaker
            return None
        if low in PERSON_PRONOUNS:
            r = self._antecedent(tok, lambda r: r.person)
            if r and tok.dep_ == "poss" and tok.head.lower_ in {"country", "nation", "government"}:
                return r  # "his country": resolved through the owner, refined by the caller
            return r
        if low in THING_PRONOUNS:
            return self._antecedent(tok, lambda r: not r.person and (r.country or r.code) is not None)
        if low in PLURAL_PRONOUNS:
            return self._antecedent(tok, lambda r: r.plural or not r.person)
        return None

    def _antecedent(self, tok: Any, ok: Any, max_sents: int = 3) -> Resolved | None:
        sent_start = self.sent_bounds[tok.i][0]
        limit_sent = 0
        for i, r in reversed(self.history):
            if i >= tok.i:
                continue
            if i < sent_start:
                limit_sent += 1
                sent_start = self.sent_bounds[i][0]
                if limit_sent >= max_sents:
                    break
            if self._same_phrase(i, tok):
                continue
            if ok(r):
                return Resolved(r.code, r.country, r.sector, r.name, f"pronoun:{tok.lower_}->{r.code}",
                                r.person, r.plural, r.at if r.at is not None else i)
        return None

    def antecedent_country(self, tok: Any, exclude: set[str]) -> Actor | None:
        """The most recent country actor of the last two sentences other than ``exclude``."""
        r = self._antecedent(tok, lambda r: r.country is not None and r.country not in exclude, max_sents=2)
        if r is None:
            return None
        for i, h in reversed(self.history):
            if i < tok.i and h.country == r.country:
                a = self.actor_for(self.doc[i])
                if a is not None:
                    a.how = f"implicit partner:{a.how}"
                    return a
        return None

    def _same_phrase(self, i: int, tok: Any) -> bool:
        return tok.head.i == i

    # ---- first pass -----------------------------------------------------------------------
    def _build_history(self) -> None:
        """Resolve every noun-phrase head in text order, learning people as they appear."""
        for tok in self.doc:
            if tok.pos_ == "PRON":
                r = self.resolve(tok) if tok.lower_ in THING_PRONOUNS | PERSON_PRONOUNS else None
                if r is not None and tok.dep_ in {"nsubj", "nsubjpass"}:
                    self.history.append((tok.i, r))
                continue
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"compound", "flat"} or not self._may_name(tok):
                continue
            r = self.resolve(tok)
            if r is None:
                continue
            if self._owned_thing(tok, r):
                continue  # "its main asset", "its doorstep": a thing of an actor, no antecedent of "it"
            self.history.append((tok.i, r))
            name = self._person_name(tok)
            if name and r.country:
                parts = name.split()
                for key in {name.lower(), parts[-1].lower(), parts[0].lower()}:
                    self.people.setdefault(key, r)

    def _owned_thing(self, tok: Any, r: Resolved) -> bool:
        """A common noun coded only through its pronoun owner ("its main asset" -> the owner's
        country): not "his country", not "their EC partners" (an organisation the phrase names)."""
        return r.sector is None and not (r.code or "").startswith(("IGO", "NGO")) and tok.pos_ == "NOUN" \
            and tok.i not in self.mention_at and tok.lower_ not in COUNTRY_NOUNS \
            and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)

    def _may_name(self, tok: Any) -> bool:
        """Cheap test before full resolution: could this phrase name an actor at all?"""
        if tok.i in self.mention_at or tok.ent_type_ in NAME_ENTS or tok.lower_ in COUNTRY_NOUNS:
            return True
        return any(c.i in self.mention_at or c.pos_ == "PRON" or c.dep_ in ("appos", "prep")
                   for c in tok.children)

    def _context_country(self, head: Any, r: Resolved) -> Resolved:
        """A sector word with no country of its own ("the government", "police", "troops") takes a
        country from the article. "The government", "the chancellor" (one, definite) is the last
        actor of the same sector in the last three sentences ("the Australian Government ... the
        Government"); a name with a title ("President Ronald Reagan") or a group ("diplomats",
        "troops") is the article's own country (:func:`principal_country`: "the chancellor" in a
        story about Britain); where no country leads, "the Government" or "officials" belong to the
        government the article names as such ("the Australian Government", the heaviest of several);
        only a common noun takes the one country its sentence names outside a partner's phrase. A
        regional word ("Western diplomats", "foreign troops") says the actor is not of one country."""
        toks = self._phrase(head)
        if any(t.lower_ in REGIONAL for t in toks):
            return r
        country, why = None, ""
        named = any(t.pos_ == "PROPN" and t.i not in self.mention_at for t in toks)  # not "the Government"
        definite = any(t.dep_ == "det" and t.lower_ == "the" for t in toks) and head.tag_ in ("NN", "NNP")
        role = self._same_role(head) if definite and not named else None
        same = self._antecedent(head, lambda a: a.sector == r.sector and a.country is not None, max_sents=3) \
            if definite and not named and role is None else None
        if role is not None:
            country, why = role.country, "same role"
        elif same is not None:
            country, why = same.country, "same sector"
        elif self.principal:
            country, why = self.principal, "article"
        elif r.sector == "GOV" and self.governments:
            country = max(self.governments, key=lambda c: self.countries.get(c, 0.0))
            why = "the government named"
        elif not named:
            lo, hi = self.sent_bounds[head.i]
            subject = head.dep_ in ("nsubj", "nsubjpass")  # its partners are no owners of a subject
            countries = {m.entry.country for i in range(lo, hi) if (m := self.mention_at.get(i)) is not None
                         and m.entry.kind in ("country", "demonym", "capital", "government") and m.entry.country
                         and not (subject and self._partner_phrase(self.doc[m.start:m.end].root))}
            if len(countries) == 1:
                country, why = next(iter(countries)), "sentence"
        if country is None:
            return r
        return Resolved(actor_code(country, r.sector), country, r.sector, self.country_name(country) or r.name,
                        f"{r.how}+context:{why}:{country}", r.person, r.plural, r.at)

    PARTNER_PREPS = {"with", "to", "against", "toward", "towards", "into", "on", "onto", "by", "over",
                     "between", "among", "for"}

    def _partner_phrase(self, tok: Any) -> bool:
        """Whether a name stands in a partner's prepositional phrase ("talks with the United
        States", "troops to Iraq", "pressure on US officials"): the other party, not the owner of
        a sector word ("police in Nairobi", "troops from Pakistan" may well be its own)."""
        while tok.dep_ in ("compound", "amod", "poss", "nmod", "case") and tok.head is not tok:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.lower_ in self.PARTNER_PREPS

    OFFICES = {"GOV", "MIL", "JUD", "LEG", "SPY", "COP"}  # sectors whose agents are offices

    def _same_role(self, head: Any) -> Resolved | None:
        """"The president", "the prime minister" (one, definite, a role): the last actor named with
        that role earlier in the article ("President George W Bush ... the president"), at any
        distance: the nearest actor of the same sector is often the other country's leader."""
        if head.i not in self.mention_at:  # "the Prime Minister's office": its holder's role
            head = next((c for c in head.children if c.dep_ == "poss" and c.i in self.mention_at), head)
        m = self.mention_at.get(head.i)
        if m is None or m.entry.kind != "agent" or m.entry.sector not in self.OFFICES or not (
                head.tag_ == "NN" or (head.tag_ == "NNP" and head.lower_ in PERSON_ROLES)):
            return None  # "the company", "the firm": a common noun, not one office holder
        role = self._role(self.doc[m.start:m.end])
        n = len(role)
        for i, r in reversed(self.history):
            if i >= m.start or r.country is None:
                continue
            words_ = self._role(self._phrase(self.doc[i]))
            if any(words_[k:k + n] == role for k in range(len(words_) - n + 1)):
                return r
        return None

    @staticmethod
    def _role(toks: Any) -> list[str]:
        return [t.lemma_.lower() for t in sorted(toks, key=lambda t: t.i)]  # in text order

    def _article_country(self, r: Resolved, head: Any) -> Resolved:
        """A person or group no dictionary knows and the text does not place: the article's country
        (a firm's name, "Lai Sun Garment Co Ltd", is its business)."""
        sent = bisect_right(self.sent_starts, head.i) - 1
        if sent not in self._local:
            self._local[sent] = local_principal(self.doc, self._mentions, self.day, self.sent_starts, sent,
                                                self.principal)
        # a person takes the passage's country ("McGrath" in a cricket story the bulletin put
        # before one from Gaza); a party or a group the article's ("Democrats")
        country = self._local[sent] if head.ent_type_ == "PERSON" else self.principal
        if country is None:
            return r
        sector = "BUS" if self._corporate(head) else None
        return Resolved(actor_code(country, sector), country, sector, r.name,
                        f"{r.how}+article:{country}", r.person, r.plural, r.at)

    def _place(self, head: Any) -> Resolved | None:
        """A city or US state the dictionaries do not list stands for its country ("shelling in
        Aleppo" -> SYR): :func:`dyads.annotate.actors.places.place_country`."""
        if head.pos_ != "PROPN" or head.ent_type_ not in PLACE_ENTS | {""}:
            return None
        text = self._entity_text(head)
        lo, hi = self.sent_bounds[head.i]
        named = {m.entry.country for i in range(lo, hi) if (m := self.mention_at.get(i)) is not None
                 and m.entry.kind in ("country", "demonym", "capital") and m.entry.country}
        found = place_country(text, bool(head.ent_type_), named)
        if found is None:
            return None
        country, name = found
        return Resolved(country, country, None, self.country_name(country) or name, f"place:{text}")

    def _person_name(self, head: Any) -> str | None:
        if head.ent_type_ != "PERSON":
            # "Mr Cable", "Dr Fox": an honorific makes a person of a name the tagger missed
            if head.pos_ == "PROPN" and head.i > 0 and head.doc[head.i - 1].lower_.rstrip(".") in HONORIFICS:
                return head.text
            return None
        return self._entity_text(head)

    def _entity_text(self, head: Any) -> str:
        ent = self.ent_at.get(head.i)
        if ent is not None:
            return ent.text.removesuffix("’s").removesuffix("'s")
        return head.text

    def _dateline_tokens(self, doc: Any) -> set[int]:
        out: set[int] = set()
        text = self.text
        spans = dateline_spans(text) + agency_spans(text)
        if not spans:
            return out
        for tok in doc:
            if any(s <= tok.idx < e for s, e in spans):
                out.add(tok.i)
        return out


def _likeness(doc: Any, m: Mention) -> bool:
    """A name used as a likeness, not as an actor: "a George Bush-style tax spree", "Soviet-era
    tanks", "a Kennedy-like speech"."""
    return m.end + 1 < len(doc) and doc[m.end].text in ("-", "–") and doc[m.end + 1].lower_ in LIKENESS
