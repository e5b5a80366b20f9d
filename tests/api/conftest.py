"""A real store for the API tests: the example article and a few hand-written ones, coded by the real
pipeline, plus one hand-built article with known actors, events and a quote; and a real uvicorn server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "data" / "seed" / "kremlin-north-korea.txt"
SEED_ID = "kremlin-north-korea"

# Hand-written news-style texts (not real reports) around the example's dyad, at different months.
TEXTS = [
    ("putin-kim-summit", "2023-09-14", "Putin and Kim meet at space centre",
     "Russian President Vladimir Putin met North Korean leader Kim Jong Un at a space center in Russia on "
     "Wednesday. Putin praised North Korea and promised to help it build satellites."),
    ("satellite-launch", "2023-11-22", "Washington condemns satellite launch",
     "The United States condemned North Korea on Tuesday after it launched a spy satellite. "
     "Japan also criticized Pyongyang."),
    ("rare-rebuke", "2024-03-05", "A rare rebuke from Moscow",
     "Russia threatened North Korea with sanctions on Monday, a rare rebuke. North Korea rejected the demand."),
    ("defence-pact", "2024-06-19", "North Korea and Russia sign defence pact",
     "North Korea and Russia signed a mutual defence agreement on Wednesday. "
     "Kim Jong Un thanked Russia for its support."),
]

# Built by hand, so the article view can be checked span by span without depending on the coder.
HAND_ID = "hand-built-quote"
HAND_TEXT = "“We will never accept this,” the Japanese foreign minister said. Japan condemned China."


def hand_built_article():
    from dyads.model import Actor, Article, Event, Quote, Span

    t = HAND_TEXT
    jpn_gov = Actor("JPNGOV", "JPN", "GOV", "Japan", "the Japanese foreign minister", t.index("the Japanese"),
                    t.index("the Japanese") + len("the Japanese foreign minister"))
    jpn = Actor("JPN", "JPN", None, "Japan", "Japan", t.index("Japan condemned"), t.index("Japan condemned") + 5)
    chn = Actor("CHN", "CHN", None, "China", "China", t.index("China"), t.index("China") + 5)
    ev_start, ev_end = t.index("Japan condemned"), t.index("China") + 5
    event = Event("hand-E01", 1, jpn, chn, "111", "11", 3, 3, -2.0, "ACCUSE", "2024-05-02", "asserted",
                  Span(ev_start, ev_end, t[ev_start:ev_end]), "verb:condemn>111", 0.9)
    q_start, q_end = 1, t.index("”")
    cue_start = t.index("said")
    quote = Quote(Span(q_start, q_end, t[q_start:q_end]), Span(cue_start, cue_start + 4, "said"), True, jpn_gov,
                  "foreign minister")
    return Article(id=HAND_ID, text=t, date="2024-05-02", title="Tokyo rejects the plan", source="hand-built",
                   events=[event], quotes=[quote])


@pytest.fixture(scope="session")
def coded_articles(pipeline):
    from dyads.model import Article

    arts = [Article(id=SEED_ID, text=SEED.read_text(encoding="utf-8"), date="2024-01-17",
                    title="Kremlin: Russia developing ties with North Korea in all areas", source="Reuters")]
    arts += [Article(id=i, text=t, date=d, title=title, source="dyads tests") for i, d, title, t in TEXTS]
    return list(pipeline.pipe(arts)) + [hand_built_article()]


@pytest.fixture(scope="session")
def store_file(tmp_path_factory, coded_articles) -> Path:
    if not SEED.is_file():
        pytest.skip("../shared is not beside the repository (the example article is needed)")
    from dyads.store import Store

    path = tmp_path_factory.mktemp("api-store") / "dyads.duckdb"
    with Store.open(path) as store:
        assert store.ingest(coded_articles) == len(coded_articles)
    return path


@pytest.fixture
def store_copy(store_file, tmp_path) -> Path:
    """A private copy for tests that write."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(store_file, path)
    return path


def make_client(app, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note about httpx2
        from fastapi.testclient import TestClient
    return TestClient(app, **kw)


@pytest.fixture(scope="module")
def client(store_file):
    from dyads.api import create_app

    with make_client(create_app(store_file, idle_seconds=0.5)) as c:
        yield c


@pytest.fixture
def store_counts(store_file):
    def counts() -> dict[str, int]:
        from dyads.store import db

        con = db.connect(store_file, read_only=True)  # the server's configuration, so both can be open
        try:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "events", "mentions", "quotes")}
        finally:
            con.close()

    return counts


def assert_problem(resp, status: int, code: str | None) -> dict:
    """A JSON error with this status and numbered message, and no traceback."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    err = resp.json()["error"]
    assert err["status"] == status
    assert err["code"] == code, err
    assert err["message"] and "Traceback" not in resp.text and 'File "' not in resp.text
    return err


# -- a real server ---------------------------------------------------------------------------
@dataclass
class Server:
    url: str
    thread: threading.Thread
    server: object


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(store_file) -> Iterator[Server]:
    """`create_app` under a real uvicorn on 127.0.0.1, in a thread."""
    import uvicorn

    from dyads.api import create_app

    port = free_port()
    config = uvicorn.Config(create_app(store_file), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", thread, server)
    server.should_exit = True
    thread.join(timeout=10)


# -- a real browser --------------------------------------------------------------------------
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (one per test session: the dashboard tests share it)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (run 'make browser' or 'apt-get install chromium'); "
                    "the dashboard's browser test is skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
