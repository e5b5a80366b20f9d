"""What the API counts and the filters the dashboard sends: asserted events by default,
`modality=` and `coded=`, the overview under filters, places for the map, locations on events."""

from __future__ import annotations

import pytest

from tests.api.conftest import assert_problem, make_client

TEXTS = [
    ("asserted", "2024-01-17", "Japan condemned North Korea in Tokyo on Tuesday."),
    ("negated", "2024-02-07", "Japan did not condemn North Korea on Tuesday."),
    ("hypothetical", "2024-03-06", "Japan might attack North Korea next year."),
    ("uncoded", "2024-03-07", "Police arrested dozens of protesters on Monday."),
]


@pytest.fixture(scope="module")
def modal_client(pipeline, tmp_path_factory):
    from dyads.api import create_app
    from dyads.model import Article
    from dyads.store import Store

    path = tmp_path_factory.mktemp("modal") / "modal.duckdb"
    arts = list(pipeline.pipe([Article(id=i, text=t, date=d, source="tests") for i, d, t in TEXTS]))
    assert {e.modality for a in arts for e in a.events} >= {"asserted", "negated", "hypothetical"}
    with Store.open(path) as store:
        store.ingest(arts)
    with make_client(create_app(path)) as c:
        yield c


def _modalities(client, **params) -> list[str]:
    r = client.get("/api/events", params={"limit": 100, **params})
    assert r.status_code == 200, r.text
    return sorted(e["modality"] for e in r.json()["events"])


def test_api_filters_events_count_asserted_by_default(modal_client) -> None:
    assert set(_modalities(modal_client)) == {"asserted"}
    every = _modalities(modal_client, modality="all")
    assert {"negated", "hypothetical"} <= set(every)
    assert set(_modalities(modal_client, modality="negated,hypothetical")) == {"negated", "hypothetical"}
    assert set(_modalities(modal_client, q="japan")) == {"asserted"}  # the search path counts the same


def test_api_filters_timeline_and_actors_count_asserted(modal_client) -> None:
    """'Japan did not condemn North Korea' and 'Japan might attack North Korea next year' make no
    verbal-conflict month and no use of force."""
    tl = modal_client.get("/api/dyads/JPN/PRK/timeline").json()["points"]
    assert sum(p["events"] for p in tl) == 1 and sum(p["quad"][3] for p in tl) == 0
    every = modal_client.get("/api/dyads/JPN/PRK/timeline", params={"modality": "all"}).json()["points"]
    assert sum(p["events"] for p in every) == 2  # + the negated condemnation (the attack is dated 2025 only)
    years = modal_client.get("/api/dyads/JPN/PRK/timeline", params={"modality": "all", "by": "year"}).json()
    assert sum(p["quad"][3] for p in years["points"]) == 1
    years = modal_client.get("/api/dyads/JPN/PRK/timeline", params={"by": "year"}).json()
    assert sum(p["quad"][3] for p in years["points"]) == 0
    jpn = {a["code"]: a for a in modal_client.get("/api/actors").json()["actors"]}["JPN"]
    assert jpn["events"] == 1 and jpn["name"] == "Japan"


def test_api_filters_coded_only(modal_client) -> None:
    uncoded = modal_client.get("/api/events", params={"limit": 100}).json()["events"]
    assert any(not (e["source"] and e["source"]["country"] and e["target"] and e["target"]["country"])
               for e in uncoded)
    coded = modal_client.get("/api/events", params={"limit": 100, "coded": True}).json()["events"]
    assert coded and all(e["source"]["country"] and e["target"]["country"] for e in coded)
    ov = modal_client.get("/api/overview", params={"coded": True}).json()
    assert ov["events"] == len(coded) < ov["all_events"]


def test_api_filters_overview_under_filters(modal_client) -> None:
    ov = modal_client.get("/api/overview").json()
    every = modal_client.get("/api/overview", params={"modality": "all"}).json()
    assert ov["events"] < every["events"] == every["all_events"]
    zoom = modal_client.get("/api/overview", params={"modality": "all", "since": "2024-02", "until": "2024-02"}).json()
    assert [p["period"] for p in zoom["by_month"]] == ["2024-02"]
    root = modal_client.get("/api/overview", params={"modality": "all", "root": "19"}).json()
    assert root["events"] <= 1 and all(p["quad"][:3] == [0, 0, 0] for p in root["by_month"])
    src = modal_client.get("/api/overview", params={"source": "JPN"}).json()
    assert src["events"] == 1 and src["top_dyads"][0]["a"] == "JPN"


def test_api_filters_places_and_event_locations(modal_client) -> None:
    res = modal_client.get("/api/places").json()
    tokyo = [p for p in res["places"] if p["name"] == "Tokyo"]
    assert tokyo and tokyo[0]["country"] == "JPN" and 34 < tokyo[0]["lat"] < 37 and tokyo[0]["events"] == 1
    assert res["located"] <= res["events"]
    ev = modal_client.get("/api/events", params={"place": "Tokyo"}).json()["events"]
    assert ev and ev[0]["location"]["name"] == "Tokyo"


@pytest.mark.parametrize("route", ["/api/events", "/api/overview", "/api/actors", "/api/places",
                                   "/api/dyads/JPN/PRK/timeline"])
def test_api_filters_unknown_modality_is_400(modal_client, route) -> None:
    assert_problem(modal_client.get(route, params={"modality": "perhaps"}), 400, "E046")


def test_api_filters_top_pairs_are_country_pairs(tmp_path) -> None:
    """CVL<->USA, GOV<->USA and CVL<->GOV topped the overview's pairs: sectors without a country
    ("civilians", "the government") make no country pair."""
    from dyads.api.queries import overview
    from dyads.model import Actor, Article, Event, Span
    from dyads.store import Store

    def actor(code: str, country: str | None) -> Actor:
        return Actor(code, country, None, code, code, 0, 3)

    t = "Civilians protested against the government. The United States praised Japan."
    evs = [Event(f"x-E0{i}", 0, actor(s, sc), actor(g, gc), "051", "05", 1, 1, 3.4, "SUPPORT", "2024-01-02",
                 "asserted", Span(0, 10, t[:10]), "test>051", 0.9)
           for i, (s, sc, g, gc) in enumerate([("CVL", None, "GOV", None), ("CVL", None, "USA", "USA"),
                                               ("USA", "USA", "JPN", "JPN")])]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([Article(id="x", text=t, date="2024-01-02", events=evs)])
        pairs = [(d["a"], d["b"]) for d in overview(store.con)["top_dyads"]]
    assert pairs == [("JPN", "USA")]
