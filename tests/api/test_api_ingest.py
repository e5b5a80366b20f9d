"""POST /api/articles: off without a token; with one, only for requests that carry it."""

from __future__ import annotations

import pytest

from tests.api.conftest import assert_problem, make_client

TEXT = "Japan condemned North Korea on Tuesday. China praised Pakistan."


def test_api_ingest_off_without_token(store_copy) -> None:
    from dyads.api import create_app

    with make_client(create_app(store_copy)) as c:
        assert_problem(c.post("/api/articles", json={"text": TEXT}), 403, "E107")
        assert_problem(c.post("/api/articles", json={"text": TEXT}, headers={"Authorization": "Bearer x"}),
                       403, "E107")
        assert c.get("/api/health").json()["writable"] is False


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"},
                                     {"Authorization": "Bearer "}])
def test_api_ingest_needs_the_token(store_copy, headers) -> None:
    from dyads.api import create_app

    with make_client(create_app(store_copy, token="s3cret")) as c:
        assert_problem(c.post("/api/articles", json={"text": TEXT}, headers=headers), 403, "E108")
        assert_problem(c.get("/api/articles/wire-1"), 404, "E106")


def test_api_ingest_with_token_stores_once(store_copy) -> None:
    from dyads.api import create_app

    auth = {"Authorization": "Bearer s3cret"}
    body = {"text": TEXT, "id": "wire-1", "date": "2024-01-17", "title": "Two reactions"}
    with make_client(create_app(store_copy, token="s3cret")) as c:
        before = c.get("/api/overview").json()
        r = c.post("/api/articles", json=body, headers=auth)
        assert r.status_code == 201, r.text
        assert r.json() == {"id": "wire-1", "stored": True, "events": r.json()["events"]}
        assert r.json()["events"] >= 1
        view = c.get("/api/articles/wire-1").json()  # readable at once, through the read-only path
        assert view["title"] == "Two reactions" and view["events"]
        after = c.get("/api/overview").json()
        assert after["articles"] == before["articles"] + 1
        again = c.post("/api/articles", json=body, headers=auth)
        assert again.status_code == 201 and again.json()["stored"] is False
        assert c.get("/api/overview").json()["articles"] == after["articles"]
        assert_problem(c.post("/api/articles", json={"text": " "}, headers=auth), 400, "E001")
