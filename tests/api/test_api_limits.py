"""The HTTP edge under attack: every request body is refused at the size limit on the bytes actually
read (chunked or not, whatever Content-Length says), every field has a limit, health tells the truth."""

from __future__ import annotations

import asyncio
import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dyads.limits import MAX_CHARS, MAX_FIELD_CHARS, MAX_ITEM_BYTES
from tests.api.conftest import assert_problem, make_client

CHUNK = 64 * 1024


class Body:
    """An ASGI ``receive`` that hands out ``total`` bytes in chunks and counts what the app took,
    in all and when it began to answer."""

    def __init__(self, total: int, chunk: int = CHUNK) -> None:
        self.left = total
        self.chunk = chunk
        self.taken = 0
        self.taken_at_answer: int | None = None

    async def __call__(self) -> dict:
        if self.left <= 0:
            await asyncio.sleep(3600)  # a client that keeps the connection open
        n = min(self.chunk, self.left)
        self.left -= n
        self.taken += n
        return {"type": "http.request", "body": b" " * n, "more_body": self.left > 0}


def call(app, path: str, body: Body, headers: dict[str, str]) -> tuple[int, dict]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            body.taken_at_answer = body.taken
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    asyncio.run(asyncio.wait_for(app(scope, body, send), timeout=60))
    start = next(m for m in sent if m["type"] == "http.response.start")
    payload = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(payload)


@pytest.fixture(scope="module")
def app(store_file):
    from dyads.api import create_app

    return create_app(store_file, token="secret")


@pytest.mark.parametrize("path", ["/api/code", "/api/articles"])
def test_api_limits_chunked_body_is_refused_at_the_limit(app, path: str) -> None:
    body = Body(60 * 2**20)  # 60 MB, no Content-Length: Transfer-Encoding: chunked
    status, doc = call(app, path, body, {"content-type": "application/json", "transfer-encoding": "chunked",
                                         "authorization": "Bearer secret"})
    assert status == 413 and doc["error"]["code"] == "E105"
    assert f"{MAX_ITEM_BYTES:,}" in doc["error"]["message"]
    assert body.taken_at_answer <= MAX_ITEM_BYTES + CHUNK and body.taken == body.taken_at_answer


def test_api_limits_lying_content_length_is_caught_on_the_bytes(app) -> None:
    body = Body(20 * 2**20)
    status, _ = call(app, "/api/code", body, {"content-type": "application/json", "content-length": "100"})
    assert status == 413 and body.taken_at_answer <= MAX_ITEM_BYTES + CHUNK


def test_api_limits_announced_oversize_is_refused_unread(app) -> None:
    body = Body(MAX_ITEM_BYTES + 1)
    status, _ = call(app, "/api/code", body, {"content-type": "application/json",
                                              "content-length": str(MAX_ITEM_BYTES + 1)})
    assert status == 413 and body.taken_at_answer == 0


@pytest.mark.parametrize("field", ["title", "date"])
def test_api_limits_every_field_has_a_limit(client, field: str) -> None:
    resp = client.post("/api/code", json={"text": "Japan condemned China.", field: "T" * (MAX_FIELD_CHARS + 1)})
    err = assert_problem(resp, 422, "E105")
    assert field in err["message"]


@pytest.mark.parametrize("field", ["url", "source", "id"])
def test_api_limits_ingest_fields_have_limits(store_copy, field: str) -> None:
    from dyads.api import create_app

    with make_client(create_app(store_copy, token="t")) as c:
        resp = c.post("/api/articles", headers={"Authorization": "Bearer t"},
                      json={"text": "Japan condemned China.", field: "x" * (MAX_FIELD_CHARS + 1)})
    assert_problem(resp, 422, "E105")


def test_api_limits_text_over_the_limit_names_it(client) -> None:
    resp = client.post("/api/code", json={"text": "a" * (MAX_CHARS + 1)})
    assert resp.status_code in (413, 422), resp.text
    assert f"{MAX_CHARS:,}" in resp.json()["error"]["message"]


def test_api_limits_schema_states_the_one_limit(client) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["CodeRequest"]["properties"]["text"]["maxLength"] == MAX_CHARS
    assert schemas["IngestRequest"]["properties"]["text"]["maxLength"] == MAX_CHARS


def test_api_limits_real_server_refuses_a_chunked_body(live_server) -> None:
    url = urlsplit(live_server.url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def chunks():
        for _ in range(200):  # 200 x 64 KiB = 12.5 MB, over the limit
            yield b" " * CHUNK

    try:
        conn.request("POST", "/api/code", body=chunks(), headers={"Content-Type": "application/json"},
                     encode_chunked=True)
        resp = conn.getresponse()
    except (BrokenPipeError, ConnectionResetError):
        pytest.fail("the server dropped the connection instead of answering 413")
    assert resp.status == 413
    assert json.loads(resp.read())["error"]["code"] == "E105"
    conn.close()


def test_api_limits_health_reports_a_damaged_store(tmp_path: Path) -> None:
    from dyads.api import create_app

    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\0" * 8 + b"DUCK" + b"\0" * 4096)  # looks like DuckDB from outside, damaged inside
    with make_client(create_app(bad)) as c:
        resp = c.get("/api/health")
    assert resp.status_code == 503
    doc = resp.json()
    assert doc["status"] == "error" and doc["error"]["code"] == "E040"
