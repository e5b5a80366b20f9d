"""Every article of a store built from 115 mixed bench articles opens, and no route answers 5xx on
any of them; a store of undated articles holds no year its texts do not give."""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import make_client


@pytest.fixture(scope="module")
def bench_client(bench_store):
    from dyads.api import create_app

    with make_client(create_app(bench_store, idle_seconds=0)) as c:
        yield c


@pytest.fixture(scope="module")
def bench_rows(bench_store):
    from dyads.store import db

    con = db.connect(bench_store, read_only=True)
    try:
        arts = con.execute("SELECT id, hash, date, text FROM articles ORDER BY id").fetchall()
        events = con.execute("SELECT article_id, date, source_code, target_code FROM events").fetchall()
    finally:
        con.close()
    return arts, events


def test_api_bench_store_every_article_opens(bench_client, bench_rows) -> None:
    arts, _ = bench_rows
    assert len(arts) >= 100
    failed = {}
    for ident, h, _date, _text in arts:
        for key in (ident, h):
            r = bench_client.get(f"/api/articles/{key}")
            if r.status_code != 200:
                failed[key] = (r.status_code, r.text[:200])
    assert not failed, f"{len(failed)} of {len(arts)} articles do not open: {list(failed.items())[:3]}"


def test_api_bench_store_no_route_answers_5xx(bench_client, bench_rows) -> None:
    """Every query route, for the actors and dates of every article's events."""
    _, events = bench_rows
    codes = sorted({c for _, _, s, t in events for c in (s, t) if c})[:60]
    urls = ["/api/overview", "/api/actors", "/api/actors?level=country", "/api/articles?q=minister",
            "/api/events?q=minister", "/api/events?limit=1000"]
    for code in codes:
        urls += [f"/api/events?source={code}", f"/api/events?target={code}&both=true"]
    pairs = sorted({(s[:3], t[:3]) for _, _, s, t in events if s and t and s[:3] != t[:3]})[:30]
    urls += [f"/api/dyads/{a}/{b}/timeline?by={by}" for a, b in pairs for by in ("month", "year")]
    bad = {u: r.status_code for u in urls if (r := bench_client.get(u)).status_code >= 500}
    assert not bad, bad


def test_api_bench_store_undated_articles_invent_no_year(bench_rows) -> None:
    """BBC stories carry no date: every year on their events must be written in their text."""
    arts, events = bench_rows
    text_of = {ident: text for ident, _h, _d, text in arts}
    undated = {ident for ident, _h, date, _t in arts if date is None}
    assert len(undated) >= 40
    dated_events = [(a, d) for a, d, _s, _t in events if a in undated and d]
    invented = [(a, d) for a, d in dated_events if not re.search(rf"(?<!\d){d[:4]}(?!\d)", text_of[a])]
    assert not invented, invented[:10]


def test_api_bench_store_rules_end_with_the_events_code(bench_store) -> None:
    """A rule never contradicts its code: 'Britain will hold talks with France' was code 036 with
    rule 'light:hold+noun:talk>040'; a future, a refusal or a threat now says '+future>036'."""
    from dyads.store import db

    con = db.connect(bench_store, read_only=True)
    try:
        rows = con.execute("SELECT m.rule, e.cameo FROM mentions m JOIN event_records e USING (event_key)").fetchall()
    finally:
        con.close()
    bad = [(rule, cameo) for rule, cameo in rows if (re.findall(r">(\d{2,4})", rule) or ["?"])[-1] != cameo]
    assert not bad, f"{len(bad)} of {len(rows)}: {bad[:5]}"
