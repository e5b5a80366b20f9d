"""The dashboard's explorer in a real Chromium against a real server: filters, the zoomable chart,
the map, the events table with search and downloads, "open article" at the evidence, actor
autocomplete, the API tab. Every view is shot at 1280x900 and at 390x844 (build/screens/); the
shots of the map, the zoomed chart and a filtered table are checked pixel by pixel (in the browser:
the PNG is drawn on a canvas and its colours counted)."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

import pytest

from tests.api.conftest import ROOT, SEED_ID

SHOTS = ROOT / "build" / "screens"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The QuadClass colours of app.css (--q1 ... --q4) and the map's land colour
QUAD_RGB = [(0x74, 0xC0, 0xFC), (0x1C, 0x7E, 0xD6), (0xFF, 0xA9, 0x4D), (0xE0, 0x31, 0x31)]
LAND_RGB = (0xDF, 0xE3, 0xEA)

pytestmark = pytest.mark.browser

COUNT_JS = """async ([png, colors, tol]) => {
  const img = new Image();
  img.src = "data:image/png;base64," + png;
  await img.decode();
  const c = document.createElement("canvas");
  c.width = img.width; c.height = img.height;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  const counts = colors.map(() => 0);
  const runs = colors.map(() => 0);  // the longest horizontal run of each colour (a bar's width)
  for (let y = 0; y < c.height; y += 1) {
    const run = colors.map(() => 0);
    for (let x = 0; x < c.width; x += 1) {
      const i = (y * c.width + x) * 4;
      colors.forEach(([r, g, b], k) => {
        if (Math.abs(d[i] - r) <= tol && Math.abs(d[i + 1] - g) <= tol && Math.abs(d[i + 2] - b) <= tol) {
          counts[k] += 1; run[k] += 1; runs[k] = Math.max(runs[k], run[k]);
        } else run[k] = 0;
      });
    }
  }
  return { width: c.width, height: c.height, counts, runs };
}"""


def _page(browser, viewport, downloads: bool = False):
    context = browser.new_context(viewport=viewport, device_scale_factor=1, accept_downloads=downloads)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.set_default_timeout(20_000)
    return context, pg, errors


def shot(page, name: str, element=None) -> bytes:
    """A screenshot in build/screens/NAME-WIDTH.png (of ``element`` if given, else the full page)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(150)  # let a chart settle after the last resize
    path = SHOTS / f"{name}-{page.viewport_size['width']}.png"
    target = element if element is not None else page
    return target.screenshot(path=str(path), **({} if element is not None else {"full_page": True}))


def colours(page, png: bytes, rgb: list[tuple[int, int, int]], tol: int = 6) -> dict:
    return page.evaluate(COUNT_JS, [base64.b64encode(png).decode(), [list(c) for c in rgb], tol])


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1, f"the page scrolls sideways ({width}px)"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280x900", "390x844"])
def test_dashboard_explorer_views(browser, live_server, viewport) -> None:
    context, page, errors = _page(browser, viewport, downloads=True)
    url = live_server.url
    try:
        # -- overview, then the chart zoomed by dragging across it ---------------------------------
        page.goto(f"{url}/#/overview?modality=all")
        chart = page.locator("[data-testid=overview-chart]")
        page.wait_for_selector("[data-testid=overview-chart] svg rect.bar")
        no_sideways_scroll(page)
        shot(page, "overview")
        before = shot(page, "chart", chart)
        n_before = page.locator("[data-testid=overview-chart] .col").count()
        assert n_before >= 6  # Sep 2023 ... Jun 2024
        cols = page.locator("[data-testid=overview-chart] .col rect.hit")
        first, last = cols.nth(n_before - 5).bounding_box(), cols.nth(n_before - 1).bounding_box()
        y = first["y"] + first["height"] / 2
        page.mouse.move(first["x"] + 2, y)
        page.mouse.down()
        page.mouse.move(last["x"] + last["width"] / 2, y, steps=4)
        page.mouse.up()
        page.wait_for_selector("[data-testid=zoom-chip]")
        assert re.search(r"since=\d{4}-\d\d&until=\d{4}-\d\d", page.url), page.url
        page.wait_for_selector("[data-testid=overview-chart] svg rect.bar")
        assert page.locator("[data-testid=overview-chart] .col").count() == 5
        zoomed = shot(page, "chart-zoomed", chart)
        shot(page, "overview-zoomed")
        px0, px1 = colours(page, before, QUAD_RGB), colours(page, zoomed, QUAD_RGB)
        assert sum(px1["counts"]) > 200, "the zoomed chart shows no bars"
        assert max(px1["runs"]) > max(px0["runs"]), "zoomed bars are no wider than before"
        page.click("[data-testid=zoom-reset]")
        page.wait_for_selector("[data-testid=zoom-chip]", state="detached")

        # -- the map ------------------------------------------------------------------------------
        page.click("nav >> text=Map")
        page.wait_for_selector("[data-testid=map-dot]")
        no_sideways_scroll(page)
        shot(page, "map")
        png = shot(page, "map-only", page.locator("[data-testid=world-map]"))
        px = colours(page, png, [LAND_RGB, *QUAD_RGB], tol=14)
        area = px["width"] * px["height"]
        assert 0.08 < px["counts"][0] / area < 0.6, f"the map shows no land ({px['counts'][0]} of {area} pixels)"
        assert sum(px["counts"][1:]) > 30, "no event dots on the map"
        names = page.locator("[data-testid=map-dot]").evaluate_all("els => els.map(e => e.dataset.place)")
        assert "Amur region" in names or "Pyongyang" in names or "Moscow" in names, names

        # -- the events table under filters, with search and downloads -----------------------------
        page.goto(f"{url}/#/events")
        page.wait_for_selector("[data-testid=event-row]")
        every = page.locator("[data-testid=event-row]").count()
        page.fill("#f-source", "RUS")
        page.locator("#f-source").dispatch_event("change")
        page.select_option("#f-modality", "all")
        page.wait_for_function("location.hash.includes('source=RUS') && location.hash.includes('modality=all')")
        page.wait_for_selector("[data-testid=event-row]")
        rows = page.locator("[data-testid=event-row]")
        assert 0 < rows.count() < every + 50
        who = rows.locator("td:nth-child(2)").all_inner_texts()
        assert who and all(w.strip().startswith("RUS") for w in who), who
        no_sideways_scroll(page)
        shot(page, "events-filtered")
        table_png = shot(page, "events-table", page.locator("[data-testid=events-table]"))
        ink = colours(page, table_png, [(255, 255, 255), (0x1D, 0x23, 0x30)], tol=40)
        assert ink["counts"][1] > 500 and ink["counts"][0] > ink["counts"][1], "the filtered table is blank"
        with page.expect_download() as dl:
            page.click("[data-download=csv]")
        data = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
        assert len(data) == rows.count() and all(r["source"].startswith("RUS") for r in data)
        with page.expect_download() as dl:
            page.click("[data-download=json]")
        assert '"cameo"' in Path(dl.value.path()).read_text(encoding="utf-8")
        page.fill("#f-q", "Putin")
        page.wait_for_function("document.location.hash.includes('q=Putin')")
        page.wait_for_selector("[data-testid=event-row]")
        ev = page.locator("[data-testid=event-row] .evidence").first.inner_text()

        # -- "open article": straight to the evidence, highlighted ---------------------------------
        page.locator("[data-testid=open-article]").first.click()
        page.wait_for_selector("[data-testid=article-text] .focus")
        focus = " ".join(page.locator("[data-testid=article-text] .focus").all_inner_texts())
        assert focus.strip() and focus.split()[0].strip("“”\"") in ev, (focus, ev)
        assert page.locator("[data-testid=article-text] .focus").first.is_visible()
        assert SEED_ID in page.url or "article" in page.url
        shot(page, "article-at-evidence")

        # -- the other views, each shot -----------------------------------------------------------
        page.goto(f"{url}/#/dyad/RUS/PRK")
        page.wait_for_selector("[data-testid=timeline-chart] svg rect.bar")
        options = page.locator("#actor-codes option, #country-codes option").evaluate_all(
            "els => els.map(o => (o.value + ' ' + (o.label || o.textContent)))")
        assert any(o.startswith("RUS ") and "Russia" in o for o in options), options[:5]
        no_sideways_scroll(page)
        shot(page, "dyad")
        page.goto(f"{url}/#/articles")
        page.wait_for_selector("[data-testid=article-row]")
        shot(page, "articles")
        page.goto(f"{url}/#/code")
        page.wait_for_selector("#code-text")
        shot(page, "code")
        page.click("nav >> text=API")
        page.wait_for_selector(".endpoint")
        assert "/api/places" in page.locator("main").inner_text()
        no_sideways_scroll(page)
        shot(page, "api")
    finally:
        context.close()
    assert not errors, errors
