"""A real HTTP server on 127.0.0.1 (in a thread) serving feeds and pages, and hand-built WARC files."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT.parent / "shared" / "data" / "seed" / "kremlin-north-korea.txt"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds to wait before answering (a slow server)
    fail_times: int = 0  # answer fail_status this many times first
    fail_status: int = 500
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Hit:
    path: str
    at: float
    headers: dict[str, str]


class Site:
    """Routes served by the test server, and the requests it received."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes = b"", **kw) -> str:
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, **kw)
        return self.url(path)

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for h in self.hits if h.path == path)

    def times(self, path: str) -> list[float]:
        with self.lock:
            return [h.at for h in self.hits if h.path == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802
            with site.lock:
                site.hits.append(Hit(self.path, time.monotonic(), {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path)
                failing = route is not None and route.fail_times > 0
                if failing:
                    route.fail_times -= 1
            if route is None:
                self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html", {})
                return
            if route.delay:
                time.sleep(route.delay)
            if failing:
                self._send(route.fail_status, b"<html><body>Server error</body></html>", "text/html", route.headers)
                return
            etag = route.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self._send(304, b"", route.content_type, route.headers)
                return
            self._send(route.status, route.body, route.content_type, route.headers)

        def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str]) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:  # a client that hung up is not an error
        pass


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    server = _Server(("127.0.0.1", 0), _handler(s))
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("../shared is not beside the repository")
    return SEED.read_text(encoding="utf-8")


def write_warc(path: Path, records: Sequence[tuple], gzip: bool = True) -> Path:
    """Write a WARC with warcio. Each record: (url, body, status, content_type) or a ready warcio record
    factory ``callable(writer) -> record``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for rec in records:
            if callable(rec):
                writer.write_record(rec(writer))
                continue
            url, body, status, ctype = rec
            data = body.encode("utf-8") if isinstance(body, str) else body
            http = StatusAndHeaders(f"{status} {HTTPStatus(status).phrase}", [("Content-Type", ctype)],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data),
                                                          http_headers=http))
    return path
