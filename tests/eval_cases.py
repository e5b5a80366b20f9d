"""Hand-built gold records and predictions with known scores, shared by the eval tests."""

from __future__ import annotations

from typing import Any


def gold_actor(text: str | None = None, start: int | None = None, end: int | None = None,
               country: str | None = None, code: str | None = None, alt: list | None = None) -> dict[str, Any]:
    a: dict[str, Any] = {"text": text, "start": start, "end": end, "country": country, "sector": None, "code": code}
    if alt:
        a["alt"] = alt
    return a


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def gold_span(text: str, phrase: str, **kw: Any) -> dict[str, Any]:
    s, e = span(text, phrase)
    return gold_actor(phrase, s, e, **kw)


def gold_event(penta: int | None = None, source: dict | None = None, target: dict | None = None,
               **kw: Any) -> dict[str, Any]:
    ev = {"source": source, "target": target, "cameo": None, "root": None, "quad": None, "penta": penta,
          "plover": None}
    ev.update(kw)
    return ev


def pred_actor(code: str | None = None, text: str | None = None, start: int | None = None,
               end: int | None = None, country: str | None = None) -> dict[str, Any]:
    return {"code": code, "country": country, "sector": None, "name": None, "text": text, "start": start,
            "end": end}


def pred_event(root: str | None, source: dict | None = None, target: dict | None = None,
               confidence: float = 0.5, **kw: Any) -> dict[str, Any]:
    ev = {"cameo": (root + "0") if root else None, "root": root, "source": source, "target": target,
          "confidence": confidence, "rule": "test", "evidence": {"start": 0, "end": 1, "text": "x"}}
    ev.update(kw)
    return ev


T1 = "Russia attacked Ukraine."
T2 = "The court rejected the request."
T3 = "Hamas and Israel agreed to talk."
T4 = "The UN condemned North Korea."
T5 = "Aid was delivered."
T6 = "The weather was fine."
T7 = "It rained."
T8 = "The Iraqi army fought rebels."
T9 = "The US said it would help. The US praised Japan."
T10 = "Troops shelled the town."
T11 = "Crowds gathered in the square."
T12 = "Russia issued a statement."

GOLD: list[dict[str, Any]] = [
    {"id": "g1", "text": T1, "events": [gold_event(4, gold_actor(country="RUS"), gold_actor(country="UKR"))]},
    # text-span actors, two predictions: one has the class, the other the dyad
    {"id": "g2", "text": T2, "events": [gold_event(3, gold_span(T2, "The court"), gold_span(T2, "the request"))]},
    # the source may be any of its spans (alt); a null gold target constrains nothing
    {"id": "g3", "text": T3, "events": [gold_event(1, gold_span(T3, "Hamas", alt=[gold_span(T3, "Israel")]),
                                                   None)]},
    # IGO: a predicted code containing UNO counts
    {"id": "g4", "text": T4, "events": [gold_event(3, gold_actor(country="IGO"), gold_actor(country="PRK"))]},
    # null actors, nothing predicted: missed
    {"id": "g5", "text": T5, "events": [gold_event(2, None, None)]},
    {"id": "g6", "text": T6, "events": [], "no_events": True},
    {"id": "g7", "text": T7, "events": [], "no_events": True},
    # actors without offsets: matched on shared words
    {"id": "g8", "text": T8, "events": [gold_event(4, gold_actor("the Iraqi army"), gold_actor("rebels"))]},
    # two gold events: greedy one-to-one matching, not counted for the main event
    {"id": "g9", "text": T9, "events": [gold_event(0, gold_actor(country="USA")),
                                        gold_event(1, gold_actor(country="USA"))]},
    # absent from the predictions
    {"id": "g10", "text": T10, "events": [gold_event(4, None, None)]},
    # no gold events but not marked no_events: predictions only add to the predicted count
    {"id": "g11", "text": T11, "events": [], "no_events": False},
    # wrong class, confidently
    {"id": "g12", "text": T12, "events": [gold_event(0, gold_actor(country="RUS"))]},
]


def _art(ident: str, *events: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "events": list(events)}


PRED: dict[str, dict[str, Any]] = {a["id"]: a for a in [
    _art("g1", pred_event("19", pred_actor("RUSMIL", "Russia", 0, 6), pred_actor("UKR", "Ukraine", 16, 23), 0.9)),
    _art("g2", pred_event("12", pred_actor("JUD", "court", 4, 9), pred_actor("XXX", "The", 0, 3), 0.8),
         pred_event("04", pred_actor("JUD", "court", 4, 9), pred_actor(None, "the request", 19, 30), 0.3)),
    _art("g3", pred_event("03", pred_actor("ISR", "Israel", 10, 16), None, 0.7)),
    _art("g4", pred_event("11", pred_actor("UNO", "The UN", 0, 6), pred_actor("PRKGOV", "North Korea", 17, 28),
                          0.6)),
    _art("g5"),
    _art("g6", pred_event("01", None, None, 0.4), pred_event("02", None, None, 0.2)),
    _art("g7"),
    _art("g8", pred_event("19", pred_actor("IRQREB", "rebels"), pred_actor("IRQREB", "rebels"), 0.5)),
    _art("g9", pred_event("05", pred_actor("USA", "The US"), None, 0.9),
         pred_event("01", pred_actor("USA", "The US"), None, 0.5)),
    _art("g11", pred_event("14", None, None, 0.5)),
    _art("g12", pred_event("19", pred_actor("RUS", "Russia", 0, 6), None, 0.95)),
]}

# worked out by hand (see the comments on GOLD)
EXPECTED: dict[str, Any] = {
    "items": 12, "items_missing_in_predictions": 1, "class_level": "penta",
    "gold_events": 10, "predicted_events": 12,
    "event": {"precision": 0.4167, "recall": 0.5, "f1": 0.4545},        # g1 g3 g4 g9 g9
    "class_only": {"precision": 0.5833, "recall": 0.7, "f1": 0.6364},   # + g2 g8
    "dyad_only": {"precision": 0.5833, "recall": 0.7, "f1": 0.6364},    # g1 g2 g3 g4 g9 g9 g12
    "coverage": 0.7778,                                                 # 7 of 9 event items
    "main_event_class_accuracy": 0.625,                                 # 5 of 8 one-event items
    "main_event_source_accuracy": 0.8333,                               # 5 of 6 (g8 wrong)
    "main_event_target_accuracy": 0.75,                                 # 3 of 4 (g2 wrong)
    "no_event_items": 2, "no_event_items_with_predictions": 1,
}


SEED_TEXT = "MOSCOW (Reuters) - Russia and China held talks. The UN condemned North Korea. It failed to halt it."
SEED = {
    "id": "mini", "date": "2024-01-17", "byline": "Reuters",
    "events": [
        {"id": "E1", "source": {"country": "RUS"}, "target": {"country": "CHN"}, "root_any": ["04"],
         "evidence": "Russia and China held talks", "evidence_start": 19, "evidence_end": 46, "required": True,
         "either_direction": True, "date": "2024-01"},
        {"id": "E2", "source": {"country_any": ["IGO"]}, "target": {"country_any": ["PRK", None]},
         "root_any": ["11", "12"], "evidence": "The UN condemned North Korea", "evidence_start": 48,
         "evidence_end": 76, "required": True},
        {"id": "E3", "source": {"country": "USA"}, "target": None, "root_any": ["01"], "evidence": "It failed",
         "evidence_start": 78, "evidence_end": 87, "required": False},
    ],
    "quotes": [{"id": "Q1", "content": "Russia and China held talks"}, {"id": "Q2", "content": "nothing like it"}],
}


def seed_event(root: str, src: dict | None, tgt: dict | None, start: int, end: int, date: str | None = None) -> dict:
    return {"root": root, "cameo": root + "0", "source": src, "target": tgt, "date": date,
            "evidence": {"start": start, "end": end, "text": SEED_TEXT[start:end]}}
