"""Typed response models: they make the OpenAPI schema at /openapi.json say exactly what comes back."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from dyads.limits import MAX_CHARS, MAX_DATE_CHARS, MAX_FIELD_CHARS


class ErrorDetail(BaseModel):
    status: int
    code: str | None = Field(None, description="The numbered message, e.g. E048.")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Location(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class ActorRef(BaseModel):
    code: str | None = Field(description="CAMEO actor code; null for an actor no dictionary codes.")
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    text: str | None = Field(None, description="The words in the article (article views).")


class EventOut(BaseModel):
    id: str
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY.")
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    root: str
    label: str | None = Field(None, description="The CAMEO label of the code.")
    quad: int = Field(description="GDELT QuadClass 1-4.")
    penta: int | None = None
    goldstein: float
    plover: str | None = None
    modality: str | None = None
    attributed_to: str | None = None
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1
    article_id: str | None = Field(None, description="An article reporting the event (the first one).")
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    rule: str | None = None
    confidence: float | None = None
    location: Location | None = Field(None, description="The place the event's sentence names.")


class EventPage(BaseModel):
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page, or null on the last page.")
    events: list[EventOut]


class DirectionStats(BaseModel):
    events: int
    mentions: int
    quad: list[int] = Field(description="Events per QuadClass 1..4.")
    cooperative: int = Field(description="Events of QuadClass 1-2.")
    conflictual: int = Field(description="Events of QuadClass 3-4.")
    net_cooperation: int = Field(description="cooperative - conflictual.")
    mean_goldstein: float | None


class TimelinePoint(BaseModel):
    period: str = Field(description="YYYY-MM (month), YYYY-Qn (quarter), YYYY (year), YYYY-MM-DD (day, week).")
    events: int
    mentions: int
    quad: list[int] = Field(description="Events per QuadClass 1..4, both directions.")
    cooperative: int
    conflictual: int
    net_cooperation: int
    mean_goldstein: float | None
    a_to_b: DirectionStats
    b_to_a: DirectionStats


class Timeline(BaseModel):
    a: str
    b: str
    by: Literal["day", "week", "month", "quarter", "year"]
    points: list[TimelinePoint] = Field(description="Both directions per period, then each direction.")


class ActorStat(BaseModel):
    code: str
    name: str | None = Field(None, description="What the code stands for: 'United States — government'.")
    country: str | None = None
    events: int = Field(description="Event records with this actor as source or target.")
    as_source: int
    as_target: int
    mentions: int
    people: list[str] = Field(default_factory=list, description="Names most often seen under this code.")


class ActorList(BaseModel):
    actors: list[ActorStat]


class DyadStat(BaseModel):
    a: str
    b: str
    events: int
    cooperation: int
    conflict: int
    mean_goldstein: float | None


class QuadPoint(BaseModel):
    period: str
    quad: list[int]


class Overview(BaseModel):
    articles: int
    all_events: int = Field(description="Every event record in the store, whatever the filters.")
    events: int = Field(description="The event records that pass the filters (asserted ones by default).")
    actors: int
    first_date: str | None
    last_date: str | None
    by_month: list[QuadPoint]
    top_dyads: list[DyadStat]


class ArticleSummary(BaseModel):
    id: str
    hash: str
    date: str | None
    title: str | None
    source: str | None
    url: str | None
    events: int


class ArticleList(BaseModel):
    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class TextSpan(BaseModel):
    kind: Literal["actor", "event", "quote", "cue"]
    start: int
    end: int
    label: str = Field(description="Short tag shown on the highlight: actor code, CAMEO code, speaker.")
    title: str | None = Field(None, description="Longer description for a tooltip.")
    ref: int | None = Field(None, description="Index into events or quotes for event and quote spans.")


class ArticleEvent(BaseModel):
    id: str
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    label: str | None
    quad: int
    goldstein: float
    date: str | None
    modality: str | None
    evidence: str
    start: int
    end: int
    rule: str | None = None


class ArticleQuote(BaseModel):
    speaker: str | None
    speaker_name: str | None = None
    content: str
    start: int
    end: int
    direct: bool = Field(description="The content holds quoted words (PolNeAR's convention).")
    form: Literal["direct", "mixed", "indirect"] = Field(
        "indirect", description="direct: mostly the speaker's own words in quotation marks; mixed: reported "
                                "speech with a few quoted words; indirect: no quotation marks.")


class ArticleView(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    text: str
    spans: list[TextSpan]
    events: list[ArticleEvent]
    quotes: list[ArticleQuote]
    errors: list[str] = []


class CodeRequest(BaseModel):
    text: str = Field(description="The article text to code; at most 1,000,000 characters.", max_length=MAX_CHARS)
    date: str | None = Field(None, description="Publication date YYYY-MM-DD, used to resolve 'on Tuesday'.",
                             max_length=MAX_DATE_CHARS)
    title: str | None = Field(None, max_length=MAX_FIELD_CHARS)


class IngestRequest(CodeRequest):
    text: str = Field(description="The article text to code and store; at most 1,000,000 characters.",
                      max_length=MAX_CHARS)
    id: str | None = Field(None, description="Article id (default: a content hash).", max_length=MAX_FIELD_CHARS)
    url: str | None = Field(None, max_length=MAX_FIELD_CHARS)
    source: str | None = Field(None, max_length=MAX_FIELD_CHARS)


class IngestResult(BaseModel):
    id: str
    stored: bool = Field(description="False when the same text was already in the store.")
    events: int


class Health(BaseModel):
    status: Literal["ok", "no-store", "busy", "error"] = Field(
        description="ok; no-store (none at the path yet); busy (a writer holds it now); error (it cannot be read: "
                    "see error, and the answer is a 503)")
    store: str
    version: str
    writable: bool
    error: ErrorDetail | None = None


class PlaceStat(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    events: int
    quad: list[int] = Field(description="Events by QuadClass 1-4.")


class Places(BaseModel):
    events: int = Field(description="Event records that pass the filters.")
    located: int = Field(description="Of those, the ones with a place.")
    places: list[PlaceStat]
