"""The document model: one Article flows through every pipeline stage.

Everything here is a plain dataclass with a ``to_dict()`` that produces exactly the JSONL output
schema of DESIGN.md. Offsets are Python ``str`` indices into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "claimed", "denied", "negated", "future", "hypothetical"]
EntityType = Literal["person", "org", "place", "date"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Actor:
    """An actor mention resolved to a CAMEO-style code (country + sector, e.g. RUSGOV)."""

    code: str | None  # None: a speaker or target named in the text that no dictionary resolves
    country: str | None
    sector: str | None
    name: str | None
    text: str
    start: int
    end: int
    how: str = ""  # which dictionary or inference produced the code (explainability)
    dictionary: str | None = None  # a user's dictionary file (name@sha8) that gave the code (--dictionaries)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.dictionary:
            d["dictionary"] = self.dictionary
        return d


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, with the evidence and the rule behind it."""

    id: str
    sentence: int
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad: int
    penta: int
    goldstein: float
    plover: str | None
    date: str | None
    modality: Modality
    evidence: Span
    rule: str
    confidence: float
    attributed_to: Actor | None = None
    location: Location | None = None
    dictionary_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": self.sentence,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad": self.quad,
            "penta": self.penta,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "date": self.date,
            "modality": self.modality,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(),
            "rule": self.rule,
            "confidence": self.confidence,
            "dictionary_version": self.dictionary_version,
        }


@dataclass(slots=True)
class Quote:
    """An attributed statement: direct ("…") or indirect (X said that …)."""

    content: Span
    cue: Span | None
    direct: bool
    speaker: Actor | None = None
    speaker_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_name": self.speaker_name,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "direct": self.direct,
        }


@dataclass(slots=True)
class Entity:
    type: EntityType
    text: str
    start: int
    end: int
    actor: str | None = None
    role: str | None = None
    value: str | None = None  # resolved date for dates
    location: Location | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "actor": self.actor,
        }
        if self.role is not None:
            d["role"] = self.role
        if self.value is not None:
            d["value"] = self.value
        if self.location is not None:
            d["location"] = self.location.to_dict()
        return d


@dataclass(slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """One input item and everything the pipeline found in it."""

    id: str
    text: str
    date: str | None = None  # publication date, YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source: str | None = None  # publisher / collection name
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    tone: float | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # stage-specific extras (e.g. loaded language)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "date": self.date,
            "title": self.title,
            "url": self.url,
            "sentences": [s.to_dict() for s in self.sentences],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "errors": list(self.errors),
        }
        if self.tone is not None:
            d["tone"] = self.tone
        if self.meta:
            d["meta"] = self.meta
        return d

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])
