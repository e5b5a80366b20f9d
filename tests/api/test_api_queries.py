"""GET endpoints on a real store built in the test: events, dyad timeline, actors, overview, articles."""

from __future__ import annotations

import pytest

from tests.api.conftest import HAND_ID, HAND_TEXT, SEED_ID


def _pairs(events: list[dict]) -> set[tuple[str, str]]:
    return {(e["source"]["code"], e["target"]["code"]) for e in events if e["source"] and e["target"]}


@pytest.mark.parametrize("source,target", [("RUS", "PRK")])
def test_api_events_filters_by_code_prefix(client, source, target) -> None:
    r = client.get("/api/events", params={"source": source, "target": target, "limit": 1000})
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert events
    for src, tgt in _pairs(events):
        assert src.startswith(source) and tgt.startswith(target)
    assert {"RUS", "RUSGOV"} & {s for s, _ in _pairs(events)}
    days = [e["date"] for e in events]
    assert days == sorted(days, key=lambda d: d[:10])  # the store's order: by date


@pytest.mark.parametrize("a,b", [("RUS", "PRK")])
def test_api_events_both_directions(client, a, b) -> None:
    one = client.get("/api/events", params={"source": a, "target": b}).json()["events"]
    other = client.get("/api/events", params={"source": b, "target": a}).json()["events"]
    both = client.get("/api/events", params={"source": a, "target": b, "both": True}).json()["events"]
    assert one and other
    assert {e["id"] for e in both} == {e["id"] for e in one} | {e["id"] for e in other}


@pytest.mark.parametrize("limit", [2])
def test_api_events_pagination(client, limit) -> None:
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": limit, "offset": offset}).json()
        assert page["limit"] == limit and len(page["events"]) <= limit
        seen += [e["id"] for e in page["events"]]
        offset = page["next_offset"]
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert everything["next_offset"] is None
    assert seen == [e["id"] for e in everything["events"]]
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("params,check", [
    ({"since": "2024-03", "until": "2024-06"}, lambda e: "2024-03" <= e["date"][:7] <= "2024-06"),
    ({"since": "2024"}, lambda e: e["date"] >= "2024"),
    ({"root": "04"}, lambda e: e["root"] == "04"),
    ({"root": "4"}, lambda e: e["root"] == "04"),
    ({"quad": 4}, lambda e: e["quad"] == 4),
    ({"q": "SANCTIONS"}, lambda e: "sanction" in e["evidence"].lower()),
    ({"q": "sanctions", "source": "USA"}, lambda e: e["source"]["code"].startswith("USA")),
])
def test_api_events_other_filters(client, params, check) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    events = r.json()["events"]
    assert events, params
    assert all(check(e) for e in events), params


def test_api_events_record_fields(client) -> None:
    ev = client.get("/api/events", params={"q": "lauded"}).json()["events"][0]
    assert (ev["source"]["code"], ev["cameo"], ev["target"]["code"]) == ("PRKGOV", "051", "RUS")
    assert ev["label"] == "Praise or endorse" and ev["quad"] == 1 and ev["goldstein"] > 0
    assert ev["article_id"] == SEED_ID and ev["num_articles"] == 1
    assert ev["evidence"].startswith("North Korea’s foreign minister lauded")


@pytest.mark.parametrize("by,period", [("month", "2024-01"), ("quarter", "2024-Q1"), ("year", "2024")])
def test_api_timeline_counts_both_directions(client, by, period) -> None:
    r = client.get("/api/dyads/RUS/PRK/timeline", params={"by": by})
    assert r.status_code == 200, r.text
    tl = r.json()
    assert (tl["a"], tl["b"], tl["by"]) == ("RUS", "PRK", by)
    points = {p["period"]: p for p in tl["points"]}
    assert period in points
    for p in tl["points"]:
        assert p["events"] == p["a_to_b"]["events"] + p["b_to_a"]["events"]
        assert p["events"] == sum(p["quad"])
        assert p["net_cooperation"] == p["quad"][0] + p["quad"][1] - p["quad"][2] - p["quad"][3]
    jan = points[period]
    assert jan["a_to_b"]["events"] >= 1 and jan["b_to_a"]["events"] >= 1
    assert jan["net_cooperation"] > 0  # the example article is about deepening ties


def test_api_timeline_months_are_contiguous(client) -> None:
    periods = [p["period"] for p in client.get("/api/dyads/rus/prk/timeline").json()["points"]]
    assert periods[0] <= "2023-09" and "2024-06" in periods
    assert "2023-12" in periods  # a month without events is there, with zeros


def test_api_timeline_since_until(client) -> None:
    tl = client.get("/api/dyads/RUS/PRK/timeline", params={"since": "2024-01", "until": "2024-03"}).json()
    assert [p["period"] for p in tl["points"]] == ["2024-01", "2024-02", "2024-03"]


@pytest.mark.parametrize("level,expect", [("code", {"PRK", "RUSGOV", "RUS"}), ("country", {"PRK", "RUS", "USA"})])
def test_api_actors(client, level, expect) -> None:
    actors = client.get("/api/actors", params={"limit": 50, "level": level}).json()["actors"]
    codes = [a["code"] for a in actors]
    assert expect <= set(codes)
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    for a in actors:
        assert a["events"] == a["as_source"] + a["as_target"]
    if level == "country":
        assert all(len(c) == 3 for c in codes)


def test_api_overview(client) -> None:
    ov = client.get("/api/overview").json()
    assert ov["articles"] == 6 and ov["events"] > 10
    months = [p["period"] for p in ov["by_month"]]
    assert months == sorted(months) and "2024-01" in months
    assert sum(sum(p["quad"]) for p in ov["by_month"]) <= ov["events"]
    top = ov["top_dyads"][0]
    assert (top["a"], top["b"]) == ("PRK", "RUS")
    assert top["cooperation"] > top["conflict"]


def test_api_articles_list_and_search(client) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == 6
    dates = [a["date"] for a in page["articles"]]
    assert dates == sorted(dates, reverse=True)
    found = client.get("/api/articles", params={"q": "kremlin"}).json()
    assert [a["id"] for a in found["articles"]] == [SEED_ID]


def test_api_article_view_spans_hand_built(client) -> None:
    view = client.get(f"/api/articles/{HAND_ID}").json()
    assert view["text"] == HAND_TEXT
    by_kind: dict[str, list[dict]] = {}
    for s in view["spans"]:
        by_kind.setdefault(s["kind"], []).append(s)
    text = view["text"]
    assert {(text[s["start"]:s["end"]], s["label"]) for s in by_kind["actor"]} == {
        ("the Japanese foreign minister", "JPNGOV"), ("Japan", "JPN"), ("China", "CHN")}
    (ev,) = by_kind["event"]
    assert text[ev["start"]:ev["end"]] == "Japan condemned China" and ev["label"] == "111" and ev["ref"] == 0
    (quote,) = by_kind["quote"]
    assert text[quote["start"]:quote["end"]] == "We will never accept this,"
    assert quote["label"] == "foreign minister"
    (cue,) = by_kind["cue"]
    assert text[cue["start"]:cue["end"]] == "said"
    assert view["quotes"][0]["speaker"] == "JPNGOV" and view["quotes"][0]["direct"] is True
    assert view["events"][0]["label"] == "Criticize or denounce"


def test_api_article_view_seed(client) -> None:
    view = client.get(f"/api/articles/{SEED_ID}").json()
    assert view["date"] == "2024-01-17" and view["title"].startswith("Kremlin")
    text = view["text"]
    actor_text = {text[s["start"]:s["end"]] for s in view["spans"] if s["kind"] == "actor"}
    assert "North Korea" in actor_text
    assert sum(s["kind"] == "event" for s in view["spans"]) == len(view["events"]) >= 5
    for s in view["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(text)


def test_api_article_by_hash(client) -> None:
    h = next(a["hash"] for a in client.get("/api/articles").json()["articles"] if a["id"] == HAND_ID)
    assert client.get(f"/api/articles/{h}").json()["id"] == HAND_ID


def test_api_openapi_has_typed_responses(client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/dyads/{a}/{b}/timeline", "/api/actors", "/api/articles/{article_id}",
                 "/api/code", "/api/articles", "/api/overview"):
        assert path in paths, path
    ref = paths["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref.endswith("/EventPage")
    schemas = spec["components"]["schemas"]
    assert {"EventOut", "Timeline", "TimelinePoint", "ArticleView", "TextSpan", "ErrorBody"} <= set(schemas)
    assert "400" in paths["/api/events"]["get"]["responses"]
