"""Properties of the HTTP edge: traversal paths and hostile query values never give a 500, never
a file from outside the dashboard, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.api.conftest import make_client
from tests.hostile.strategies import TRAVERSALS, hostile_path, hostile_text

SECRETS = (b"root:x:0:0", b"[build-system]", b"def create_app", b"DUCK")


@pytest.fixture(scope="module")
def api(store_file):
    from dyads.api import create_app

    with make_client(create_app(store_file, idle_seconds=0)) as c:
        yield c


def check_get(api, path: str) -> list[str]:
    resp = api.get(path)
    problems = []
    if resp.status_code >= 500:
        problems.append(f"{path}: {resp.status_code}")
    if any(s in resp.content for s in SECRETS):
        problems.append(f"{path}: served a file from outside the dashboard")
    if b"Traceback" in resp.content:
        problems.append(f"{path}: a traceback")
    return problems


@pytest.mark.parametrize("piece", TRAVERSALS)
def test_api_hostile_known_traversals(api, piece: str) -> None:
    for base in ("/static/", "/api/articles/", "/static/js/"):
        assert check_get(api, base + piece * 6 + "etc/passwd") == []


@settings(max_examples=60)
@given(hostile_path())
def test_api_hostile_traversal_paths(api, path: str) -> None:
    assert check_get(api, path) == []


@settings(max_examples=40)
@given(st.sampled_from(["source", "target", "actor", "since", "until", "root", "cameo", "q", "limit", "offset",
                        "by", "modality"]), hostile_text(max_size=40))
def test_api_hostile_query_values(api, name: str, value: str) -> None:
    for path in ("/api/events", "/api/actors", "/api/articles", "/api/dyads/RUS/PRK/timeline", "/api/overview"):
        resp = api.get(path, params={name: value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")})
        assert resp.status_code < 500, (path, name, value, resp.text[:300])
