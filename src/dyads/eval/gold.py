"""Reading gold files (gold JSONL v1, seed ``*.gold.json``) and prediction files, line by line.

A malformed line never stops the run: it becomes one numbered message naming ``path:line`` and
the other lines are still scored. Records stay plain dicts, exactly as in the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from dyads.errors import EvalError, InputError, message
from dyads.io.readers import valid_date

CLASS_RANGES = {"penta": range(0, 5), "quad": range(1, 5)}


@dataclass(slots=True)
class GoldFile:
    """The usable records of a gold JSONL file and one message per line that was skipped."""

    path: str
    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PredictionFile:
    """Predicted articles by id (the last line wins for a repeated id), in file order."""

    path: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {str(r.get("id")): r for r in self.rows}


def _json_lines(path: str) -> Iterator[tuple[int, Any, str | None]]:
    """(line number, parsed object, problem) for every non-blank line."""
    try:
        f = open(path, encoding="utf-8")  # closed by the with below
    except OSError as exc:
        raise InputError("E007", item=path) from exc
    with f:
        try:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    yield n, json.loads(line), None
                except json.JSONDecodeError as exc:
                    yield n, None, f"not JSON: {exc.msg} at column {exc.colno}"
        except UnicodeDecodeError as exc:
            raise InputError("E003", item=path, detail=exc.reason) from exc


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_actor(actor: Any, text: str, where: str) -> str | None:
    if actor is None:
        return None
    if not isinstance(actor, dict):
        return f"{where} must be an object or null"
    start, end = actor.get("start"), actor.get("end")
    if (start is None) != (end is None):
        return f"{where} has only one of start/end; give both or neither"
    if start is not None:
        if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= len(text)):
            return f"{where} start/end {start!r}-{end!r} are not offsets into the text"
        span = actor.get("text")
        if span is not None and text[start:end] != span:
            return f"{where} text {span!r} is not text[{start}:{end}] ({text[start:end]!r})"
    for key in ("text", "country", "code", "sector"):
        if actor.get(key) is not None and not isinstance(actor[key], str):
            return f"{where}.{key} must be a string or null"
    if actor.get("country") is not None and not actor["country"].strip():
        return f"{where}.country is empty; use null"
    if not any(actor.get(k) for k in ("text", "country", "code")) and start is None:
        return f"{where} has no text, country, code or span; use null for an unknown actor"
    alt = actor.get("alt")
    if alt is not None:
        if not isinstance(alt, list):
            return f"{where}.alt must be a list of actors"
        for i, a in enumerate(alt):
            if a is None:
                return f"{where}.alt[{i}] is null"
            problem = _check_actor(a, text, f"{where}.alt[{i}]")
            if problem:
                return problem
    return None


def _check_classes(ev: dict[str, Any], where: str) -> str | None:
    for level, allowed in CLASS_RANGES.items():
        value = ev.get(level)
        if value is not None and not (_is_int(value) and value in allowed):
            return f"{where}.{level} {value!r} is not one of {allowed.start}-{allowed.stop - 1}"
    root = ev.get("root")
    if root is not None:
        ok = (isinstance(root, str) and len(root) == 2 and root.isdigit()) or _is_int(root)
        if not ok or not 1 <= int(root) <= 20:
            return f"{where}.root {root!r} is not a CAMEO root '01'-'20'"
    cameo = ev.get("cameo")
    if cameo is not None:
        if not (isinstance(cameo, str) and cameo.isdigit() and 2 <= len(cameo) <= 4 and 1 <= int(cameo[:2]) <= 20):
            return f"{where}.cameo {cameo!r} is not a CAMEO code like '051' or '1831'"
        if root is not None and int(root) != int(cameo[:2]):
            return f"{where}.cameo {cameo!r} is not under root {root!r}"
    return None


def check_record(obj: Any) -> str | None:
    """Why ``obj`` is not a usable gold JSONL v1 record, or None when it is."""
    if not isinstance(obj, dict):
        return "a line must be one JSON object"
    ident = obj.get("id")
    if ident in (None, "") or isinstance(ident, bool) or not isinstance(ident, str | int):
        return "no 'id' (a string)"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return "no 'text' (a non-empty string)"
    if obj.get("date") not in (None, "") and not valid_date(obj["date"]):
        return f"date {obj['date']!r} is not YYYY-MM-DD"
    no_events = obj.get("no_events", False)
    if not isinstance(no_events, bool):
        return "'no_events' must be true or false"
    events = obj.get("events", [])
    if events is None:
        events = []
    if not isinstance(events, list):
        return "'events' must be a list"
    if no_events and events:
        return "'no_events' is true but events are listed"
    for i, ev in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(ev, dict):
            return f"{where} must be an object"
        problem = (_check_classes(ev, where) or _check_actor(ev.get("source"), text, f"{where}.source")
                   or _check_actor(ev.get("target"), text, f"{where}.target"))
        if problem:
            return problem
    return None


def load_gold(path: str | Path, limit: int | None = None) -> GoldFile:
    """Read a gold JSONL v1 file: the first ``limit`` usable records and a message per bad line."""
    path = str(path)
    out = GoldFile(path)
    first_line: dict[str, int] = {}
    for n, obj, problem in _json_lines(path):
        if limit is not None and len(out.records) >= limit:
            break
        item = f"{path}:{n}"
        problem = problem or check_record(obj)
        if problem:
            out.problems.append(message("E050", item=item, detail=problem))
            continue
        ident = str(obj["id"])
        if ident in first_line:
            out.problems.append(message("E051", item=item, id=ident, first=first_line[ident]))
            continue
        first_line[ident] = n
        out.records.append(obj)
    return out


def load_predictions(path: str | Path) -> PredictionFile:
    """Read ``dyads code --format jsonl`` output (or any JSONL of articles with id and events)."""
    path = str(path)
    out = PredictionFile(path)
    for n, obj, problem in _json_lines(path):
        if problem is None:
            if not isinstance(obj, dict) or obj.get("id") in (None, ""):
                problem = "a line must be one JSON object with an 'id'"
            elif not isinstance(obj.get("events") or [], list):
                problem = "'events' must be a list"
            elif not all(isinstance(e, dict) for e in obj.get("events") or []):
                problem = "every event must be an object"
        if problem:
            out.problems.append(message("E053", item=f"{path}:{n}", detail=problem))
            continue
        out.rows.append(obj)
    return out


def is_seed_path(path: str | Path) -> bool:
    return str(path).endswith(".gold.json")


def load_seed(path: str | Path) -> tuple[dict[str, Any], str]:
    """A seed reference (``NAME.gold.json``) and the text of ``NAME.txt`` beside it."""
    path = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except OSError as exc:
        raise InputError("E007", item=path) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError("E054", path=path, detail=f"not JSON: {exc}") from exc
    problem = check_seed(gold)
    if problem:
        raise EvalError("E054", path=path, detail=problem)
    text_path = path[: -len(".gold.json")] + ".txt"
    try:
        with open(text_path, encoding="utf-8") as f:
            text = f.read()
    except OSError as exc:
        raise EvalError("E054", path=path, detail=f"cannot read the text {text_path}") from exc
    return gold, text


def check_seed(gold: Any) -> str | None:
    """Why ``gold`` is not a seed reference, or None."""
    if not isinstance(gold, dict) or not isinstance(gold.get("id"), str):
        return "no 'id' string"
    if gold.get("date") not in (None, "") and not valid_date(gold["date"]):
        return f"date {gold['date']!r} is not YYYY-MM-DD"
    events = gold.get("events")
    if not isinstance(events, list):
        return "no 'events' list"
    for ev in events:
        if not isinstance(ev, dict):
            return "every event must be an object"
        name = ev.get("id", "?")
        if not (_is_int(ev.get("evidence_start")) and _is_int(ev.get("evidence_end"))
                and isinstance(ev.get("evidence"), str)):
            return f"event {name}: needs evidence, evidence_start and evidence_end"
        if not isinstance(ev.get("root_any"), list) or not ev["root_any"]:
            return f"event {name}: needs root_any, a list of 2-digit CAMEO roots"
    return None
