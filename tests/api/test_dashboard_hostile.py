"""The dashboard shows hostile stored data as text: a `javascript:` url is no link, markup in a title
is no markup (real Chromium against a real server)."""

from __future__ import annotations

import threading
import time

import pytest

from tests.api.conftest import free_port
from tests.api.test_dashboard_browser import page  # noqa: F401  (the fixture; browser is in conftest)

pytestmark = pytest.mark.browser

HOSTILE_ID = "hostile-links"
TITLE = '<img src="x" onerror="window.__pwned = 1">Moscow warns'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, pipeline):
    import uvicorn

    from dyads.api import create_app
    from dyads.model import Article
    from dyads.store import Store

    db = tmp_path_factory.mktemp("hostile-store") / "h.duckdb"
    art = Article(id=HOSTILE_ID, text="Russia condemned Ukraine on Tuesday.", date="2024-01-17", title=TITLE,
                  url="javascript:window.__pwned=2", source="<b>wire</b>")
    with Store.open(db) as store:
        store.ingest(list(pipeline.pipe([art])))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_dashboard_hostile_url_and_title_stay_text(page, hostile_server: str) -> None:  # noqa: F811
    page.goto(f"{hostile_server}/#/article/{HOSTILE_ID}")
    page.wait_for_selector("[data-testid=article-text] .hl-event")
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert "javascript:window.__pwned=2" in page.content()  # still shown, as text
    assert page.locator("img[src='x']").count() == 0 and page.evaluate("window.__pwned") is None
    assert "Moscow warns" in page.inner_text("body")
