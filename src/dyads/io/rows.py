"""The one mapping between the document model and flat rows (plain dicts with prefixed fields).

Used both ways by every face: the CLI's CSV and tables (:func:`event_row`), the store's tables
(:mod:`dyads.store.arrow` writes ``*_fields`` rows, :mod:`dyads.store.queries` reads them back
with ``*_from``), and the API (:func:`actor_from` on stored event records). An actor becomes
``<prefix>_code``, ``_country``, ``_sector``, ``_name``, ``_text``, ``_start``, ``_end``; a
location ``location_name``, ``_country``, ``_lat``, ``_lon``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dyads.model import Actor, Article, Entity, Event, Location, Quote, Span

ACTOR_FIELDS = ("code", "country", "sector", "name", "text", "start", "end")
LOCATION_FIELDS = ("location_name", "location_country", "location_lat", "location_lon")

# The columns of `dyads code --format csv` (one row per event), in order.
EVENT_COLUMNS = [
    "article_id", "event_id", "sentence", "date",
    "source_code", "source_country", "source_sector", "source_name", "source_text",
    "cameo", "root", "label", "quad", "penta", "goldstein", "plover",
    "target_code", "target_country", "target_sector", "target_name", "target_text",
    "modality", "attributed_to_code", *LOCATION_FIELDS,
    "evidence_start", "evidence_end", "evidence", "rule", "confidence", "dictionary_version",
]


def actor_fields(prefix: str, a: Actor | None) -> dict[str, Any]:
    """``{prefix_code: …, prefix_country: …, …}``; every field None for no actor."""
    if a is None:
        return {f"{prefix}_{f}": None for f in ACTOR_FIELDS}
    return {f"{prefix}_code": a.code or None, f"{prefix}_country": a.country, f"{prefix}_sector": a.sector,
            f"{prefix}_name": a.name, f"{prefix}_text": a.text, f"{prefix}_start": a.start, f"{prefix}_end": a.end}


def actor_from(row: Mapping[str, Any], prefix: str) -> Actor | None:
    """The actor of a row's ``prefix_*`` fields (missing fields are None); None when it names none."""
    code, name, text = row.get(f"{prefix}_code"), row.get(f"{prefix}_name"), row.get(f"{prefix}_text")
    if code is None and name is None and text is None:
        return None
    return Actor(code=code, country=row.get(f"{prefix}_country"), sector=row.get(f"{prefix}_sector"), name=name,
                 text=text or "", start=row.get(f"{prefix}_start") or 0, end=row.get(f"{prefix}_end") or 0)


def location_fields(loc: Location | None) -> dict[str, Any]:
    if loc is None:
        return dict.fromkeys(LOCATION_FIELDS)
    return {"location_name": loc.name, "location_country": loc.country, "location_lat": loc.lat,
            "location_lon": loc.lon}


def location_from(row: Mapping[str, Any]) -> Location | None:
    if row.get("location_name") is None:
        return None
    return Location(row["location_name"], row.get("location_country"), row.get("location_lat"),
                    row.get("location_lon"))


def event_fields(ev: Event) -> dict[str, Any]:
    """An event's own fields as a flat row (no article fields, no label)."""
    return {
        "event_id": ev.id, "sentence": ev.sentence, "date": ev.date,
        **actor_fields("source", ev.source),
        "cameo": ev.cameo, "root": ev.root, "quad": ev.quad, "penta": ev.penta, "goldstein": ev.goldstein,
        "plover": ev.plover,
        **actor_fields("target", ev.target),
        "modality": ev.modality, "attributed_to_code": ev.attributed_to.code if ev.attributed_to else None,
        **location_fields(ev.location),
        "evidence_start": ev.evidence.start, "evidence_end": ev.evidence.end, "evidence": ev.evidence.text,
        "rule": ev.rule, "confidence": ev.confidence, "dictionary_version": ev.dictionary_version or None,
    }


def event_row(article: Article, ev: Event, label: str | None = None) -> dict[str, Any]:
    """One event of an article as a flat row: :data:`EVENT_COLUMNS` (and the actors' offsets)."""
    return {"article_id": article.id, **event_fields(ev), "label": label}


def event_from(row: Mapping[str, Any]) -> Event:
    """The event of a flat row (as :func:`event_fields` writes it)."""
    attributed = row.get("attributed_to_code")
    return Event(
        id=row["event_id"], sentence=row["sentence"], source=actor_from(row, "source"),
        target=actor_from(row, "target"), cameo=row["cameo"], root=row["root"], quad=row["quad"],
        penta=row["penta"], goldstein=row["goldstein"], plover=row["plover"], date=row["date"],
        modality=row["modality"], evidence=Span(row["evidence_start"], row["evidence_end"], row["evidence"]),
        rule=row["rule"], confidence=row["confidence"], location=location_from(row),
        dictionary_version=row.get("dictionary_version") or "",
        attributed_to=Actor(attributed, None, None, None, "", 0, 0) if attributed else None)


def quote_fields(q: Quote) -> dict[str, Any]:
    return {"speaker_label": q.speaker_name, "content_start": q.content.start, "content_end": q.content.end,
            "content": q.content.text, "cue_start": q.cue.start if q.cue else None,
            "cue_end": q.cue.end if q.cue else None, "cue": q.cue.text if q.cue else None, "direct": q.direct,
            **actor_fields("speaker", q.speaker)}


def quote_from(row: Mapping[str, Any]) -> Quote:
    cue = Span(row["cue_start"], row["cue_end"], row["cue"]) if row.get("cue_start") is not None else None
    return Quote(content=Span(row["content_start"], row["content_end"], row["content"]), cue=cue,
                 direct=row["direct"], speaker=actor_from(row, "speaker"), speaker_name=row.get("speaker_label"))


def entity_fields(e: Entity) -> dict[str, Any]:
    return {"type": e.type, "text": e.text, "start": e.start, "end": e.end, "actor": e.actor, "role": e.role,
            "value": e.value, **location_fields(e.location)}


def entity_from(row: Mapping[str, Any]) -> Entity:
    return Entity(type=row["type"], text=row["text"], start=row["start"], end=row["end"], actor=row.get("actor"),
                  role=row.get("role"), value=row.get("value"), location=location_from(row))
