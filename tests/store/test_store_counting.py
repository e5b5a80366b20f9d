"""What the summaries count: asserted events by default; other modalities and "coded actors
only" on request; actor codes labelled by what they are, with the people seen under them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.errors import DyadsError
from dyads.store import Store, queries
from tests.store.conftest import _make

# Japan condemned North Korea (asserted), did not condemn it (negated), might attack it next year
# (hypothetical), will meet it (future); the police (no country) arrested protesters (no country).
ARTICLES = [
    ("m1", [("JPN", "111", "PRK", "2024-01-16", "asserted")]),
    ("m2", [("JPN", "111", "PRK", "2024-02-06", "negated")]),
    ("m3", [("JPN", "190", "PRK", "2024-03-01", "hypothetical"), ("JPN", "040", "PRK", "2024-03-02", "future")]),
    ("m4", [("COP", "173", "CVL", "2024-03-05", "asserted"), ("USAGOV", "040", "PRKGOV", "2024-03-05", "claimed")]),
]


def _articles():
    from dyads.model import Actor

    arts = [_make(i, evs, date=evs[0][3]) for i, evs in ARTICLES]
    for art in arts:
        for ev in art.events:
            for side in ("source", "target"):
                a = getattr(ev, side)
                country = a.code[:3] if a.code[:3] in ("JPN", "PRK", "USA") else None
                setattr(ev, side, Actor(a.code, country, a.sector, a.name, a.text, a.start, a.end))
    return arts


@pytest.fixture
def mixed_store(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.duckdb"
    with Store.open(path) as store:
        store.ingest(_articles())
    return path


@pytest.mark.parametrize(("modality", "coded", "expected"), [
    (None, False, {("JPN", "111"), ("COP", "173")}),
    ("asserted", True, {("JPN", "111")}),
    ("negated", False, {("JPN", "111")}),  # the record of the same date would be one; these differ in date
    ("all", False, {("JPN", "111"), ("JPN", "190"), ("JPN", "040"), ("COP", "173"), ("USAGOV", "040")}),
    (["hypothetical", "future"], False, {("JPN", "190"), ("JPN", "040")}),
    ("asserted,claimed", False, {("JPN", "111"), ("COP", "173"), ("USAGOV", "040")}),
])
def test_store_counting_events_by_modality(mixed_store, modality, coded, expected) -> None:
    with Store.open(mixed_store, read_only=True) as s:
        rows = queries.events(s.con, modality=modality, coded=coded)
    assert {(r["source_code"], r["cameo"]) for r in rows} == expected


def test_store_counting_dyad_counts_asserted_only(mixed_store) -> None:
    """'Japan did not condemn North Korea' and 'Japan might attack North Korea next year' are no
    verbal-conflict month and no use of force (they were counted before)."""
    with Store.open(mixed_store, read_only=True) as s:
        rows = [r for r in queries.dyad(s.con, "JPN", "PRK", by="month") if r["direction"] == "both"]
        every = [r for r in queries.dyad(s.con, "JPN", "PRK", by="month", modality="all") if r["direction"] == "both"]
    assert {r["period"]: r["events"] for r in rows} == {"2024-01": 1}
    assert sum(r["material_conflict"] for r in rows) == 0
    assert {r["period"]: r["events"] for r in every} == {"2024-01": 1, "2024-02": 1, "2024-03": 2}


def test_store_counting_actors_and_summary(mixed_store) -> None:
    with Store.open(mixed_store, read_only=True) as s:
        actors = {r["code"]: r for r in queries.actors(s.con, top=10)}
        coded = {r["code"] for r in queries.actors(s.con, top=10, coded=True)}
        summary = queries.summary(s.con)
        every = queries.summary(s.con, modality="all")
    assert actors["JPN"]["events"] == 1 and set(actors) == {"JPN", "PRK", "COP", "CVL"}
    assert coded == {"JPN", "PRK"}
    assert summary["events"] == 2 and every["events"] == 6 == summary["all_events"]
    assert str(summary["last_day"]) == "2024-03-05" and str(summary["first_day"]) == "2024-01-16"


@pytest.mark.parametrize("bad", ["maybe", ["asserted", "perhaps"]])
def test_store_counting_unknown_modality_is_e046(mixed_store, bad) -> None:
    with Store.open(mixed_store, read_only=True) as s, pytest.raises(DyadsError, match="E046"):
        queries.events(s.con, modality=bad)


def test_store_counting_actor_labels_say_what_the_code_is(tmp_path: Path) -> None:
    """A code is labelled by what it stands for, not by one person seen under it (USAGOV was
    'Barack Obama', USABUS 'Donald Trump'); the people come in their own column."""
    from dyads.model import Actor

    art = _make("p1", [("USAGOV", "040", "PRK", "2024-01-10"), ("USAGOV", "051", "JPN", "2024-01-11"),
                       ("USABUS", "111", "CHN", "2024-01-12")])
    for ev, name in zip(art.events, ["Barack Obama", "Barack Obama", "Donald Trump"], strict=True):
        ev.source = Actor(ev.source.code, "USA", ev.source.sector, name, name, 0, 5)
    path = tmp_path / "people.duckdb"
    with Store.open(path) as store:
        store.ingest([art])
        rows = {r["code"]: r for r in queries.actors(store.con, top=10)}
    assert rows["USAGOV"]["name"] == "United States — government"
    assert rows["USAGOV"]["people"] == ["Barack Obama"]
    assert rows["USABUS"]["name"] == "United States — business" and rows["USABUS"]["people"] == ["Donald Trump"]
    assert rows["PRK"]["name"] == "North Korea" and rows["PRK"]["people"] == ["name of PRK"]


def test_store_counting_cli(mixed_store) -> None:
    import json

    from typer.testing import CliRunner

    import dyads.cli  # noqa: F401
    from dyads.cli.app import app

    run = CliRunner()

    def jsonl(*args: str) -> list[dict]:
        res = run.invoke(app, [*args, "--db", str(mixed_store), "-f", "jsonl"])
        assert res.exit_code == 0, res.output
        return [json.loads(x) for x in res.stdout.splitlines()]

    assert len(jsonl("events")) == 2
    assert len(jsonl("events", "--modality", "all")) == 6
    assert {e["modality"] for e in jsonl("events", "--modality", "negated,hypothetical")} == {"negated", "hypothetical"}
    assert len(jsonl("events", "--coded")) == 1
    both = [r for r in jsonl("dyad", "JPN", "PRK", "--modality", "all") if r["direction"] == "both"]
    assert sum(r["events"] for r in both) == 4
    actors = jsonl("actors", "--coded")
    assert {a["code"] for a in actors} == {"JPN", "PRK"} and actors[0]["name"] in ("Japan", "North Korea")
    res = run.invoke(app, ["events", "--modality", "maybe", "--db", str(mixed_store)])
    assert "E046" in str(res.exception)
