"""Flat rows for tables, CSV and the store: one dict per event, with prefixed actor fields."""

from __future__ import annotations

from typing import Any

from dyads.model import Actor, Article, Event

EVENT_COLUMNS = [
    "article_id", "event_id", "sentence", "date",
    "source_code", "source_country", "source_sector", "source_name", "source_text",
    "cameo", "root", "label", "quad", "penta", "goldstein", "plover",
    "target_code", "target_country", "target_sector", "target_name", "target_text",
    "modality", "attributed_to_code", "location_name", "location_country", "location_lat", "location_lon",
    "evidence_start", "evidence_end", "evidence", "rule", "confidence", "dictionary_version",
]


def _actor(prefix: str, a: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": a.code if a else None,
        f"{prefix}_country": a.country if a else None,
        f"{prefix}_sector": a.sector if a else None,
        f"{prefix}_name": a.name if a else None,
        f"{prefix}_text": a.text if a else None,
        f"{prefix}_start": a.start if a else None,
        f"{prefix}_end": a.end if a else None,
    }


def flat_event(article: Article, ev: Event, label: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"article_id": article.id, "event_id": ev.id, "sentence": ev.sentence,
                           "date": ev.date}
    row |= _actor("source", ev.source)
    row |= {"cameo": ev.cameo, "root": ev.root, "label": label, "quad": ev.quad, "penta": ev.penta,
            "goldstein": ev.goldstein, "plover": ev.plover}
    row |= _actor("target", ev.target)
    loc = ev.location
    row |= {
        "modality": ev.modality,
        "attributed_to_code": ev.attributed_to.code if ev.attributed_to else None,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "evidence": ev.evidence.text,
        "rule": ev.rule,
        "confidence": ev.confidence,
        "dictionary_version": ev.dictionary_version,
    }
    return row
