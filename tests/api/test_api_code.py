"""POST /api/code: live coding of posted text, nothing stored; its error shapes."""

from __future__ import annotations

import pytest

from dyads.limits import MAX_CHARS, MAX_ITEM_BYTES
from tests.api.conftest import assert_problem


@pytest.mark.parametrize("text,triple", [("Japan condemned North Korea on Tuesday.", ("JPN", "111", "PRK"))])
def test_api_code_returns_events_and_spans(client, text, triple) -> None:
    r = client.post("/api/code", json={"text": text, "date": "2024-01-17"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["text"] == text
    ev = body["events"][0]
    assert (ev["source"]["code"], ev["cameo"], ev["target"]["code"]) == triple
    assert ev["date"] == "2024-01-16" and ev["label"]
    kinds = {s["kind"] for s in body["spans"]}
    assert {"actor", "event"} <= kinds
    for s in body["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
    actor_texts = {text[s["start"]:s["end"]] for s in body["spans"] if s["kind"] == "actor"}
    assert {"Japan", "North Korea"} <= actor_texts


@pytest.mark.parametrize("body,status,code", [
    ({"text": "   "}, 400, "E001"),
    ({"text": "Japan condemned North Korea.", "date": "2024-13-45"}, 400, "E010"),
    ({"text": "Japan condemned North Korea.", "date": "'; DROP TABLE events; --"}, 400, "E010"),
    ({}, 422, "E105"),
    ({"text": 42}, 422, "E105"),
    ({"text": "x" * (MAX_CHARS + 1)}, 422, "E105"),
])
def test_api_code_bad_input_is_4xx(client, body, status, code) -> None:
    assert_problem(client.post("/api/code", json=body), status, code)


@pytest.mark.parametrize("raw", [b"not json", b'{"text": '])
def test_api_code_malformed_json_is_422(client, raw) -> None:
    r = client.post("/api/code", content=raw, headers={"Content-Type": "application/json"})
    assert_problem(r, 422, "E105")


@pytest.mark.parametrize("text", ["Russia imposed sanctions on Ukraine."])
def test_api_code_stores_nothing(client, store_counts, text) -> None:
    before = store_counts()
    assert client.post("/api/code", json={"text": text}).status_code == 200
    assert store_counts() == before


def test_api_code_huge_body_is_413(client) -> None:
    r = client.post("/api/code", content=b"{" + b" " * MAX_ITEM_BYTES + b"}",
                    headers={"Content-Type": "application/json"})
    assert_problem(r, 413, "E105")
