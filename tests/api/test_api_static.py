"""The dashboard's assets: served by the app, bundled in the package, nothing loaded from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "src" / "dyads" / "api" / "static"
ASSETS = sorted(p for p in STATIC.rglob("*") if p.is_file())


def test_api_dashboard_index(client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for ref in re.findall(r'(?:href|src)="(/static/[^"]+)"', r.text):
        assert client.get(ref).status_code == 200, ref


@pytest.mark.parametrize("path", ASSETS, ids=lambda p: str(p.relative_to(STATIC)))
def test_api_static_assets_are_local(client, path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href|url\(|import\s[^;]*from)\s*=?\s*["'(]?\s*(?:https?:)?//""", text), path
    assert client.get(f"/static/{path.relative_to(STATIC).as_posix()}").status_code == 200


def test_api_js_imports_resolve() -> None:
    for js in STATIC.rglob("*.js"):
        for ref in re.findall(r'from\s+"(\.[^"]+)"', js.read_text(encoding="utf-8")):
            assert (js.parent / ref).resolve().is_file(), f"{js.name}: {ref}"


def test_api_static_request_bodies_say_what_is_stored(client) -> None:
    """POST /api/code stores nothing; POST /api/articles stores (its reference said '(nothing is stored)')."""
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    ingest = schemas["IngestRequest"]["properties"]["text"]["description"]
    assert "nothing is stored" not in ingest and "store" in ingest
    assert "nothing is stored" not in schemas["CodeRequest"]["properties"]["text"]["description"]
    assert "Nothing is stored" in spec["paths"]["/api/code"]["post"]["description"]
