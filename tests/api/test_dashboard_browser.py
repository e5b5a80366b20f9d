"""The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a
real uvicorn server: pick RUS and PRK, see the timeline and the events, open the example article and see
its highlighted spans. Screenshots go to build/ (git-ignored)."""

from __future__ import annotations

import pytest

from tests.api.conftest import ROOT, SEED_ID

BUILD = ROOT / "build"

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, device_scale_factor=1)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.set_default_timeout(20_000)
    yield pg
    context.close()
    assert not errors, errors  # no script errors and no failed requests on any page


def test_dashboard_dyad_explorer_and_article(page, live_server) -> None:
    BUILD.mkdir(exist_ok=True)
    page.goto(f"{live_server.url}/")
    page.wait_for_selector("[data-testid=overview-chart] svg rect.bar")
    assert page.locator("[data-testid=top-dyads] tbody tr").count() >= 1

    page.click("nav >> text=Dyad explorer")
    page.fill("#actor-a", "RUS")
    page.fill("#actor-b", "PRK")
    page.click("#dyad-show")
    page.wait_for_selector("[data-testid=timeline-chart] svg rect.bar")
    page.wait_for_selector("[data-testid=event-row]")
    assert "#/dyad/RUS/PRK" in page.url
    assert page.locator("[data-testid=timeline-chart] svg rect.bar").count() >= 3
    assert page.locator("[data-testid=timeline-chart] [data-period='2024-01']").count() == 1
    rows = page.locator("[data-testid=event-row]")
    assert rows.count() >= 5
    assert "North Korea" in page.locator("[data-testid=event-table]").inner_text()
    page.wait_for_timeout(300)  # let the chart settle after the last resize
    page.screenshot(path=str(BUILD / "dashboard.png"), full_page=True)

    # pick a month on the chart: the list narrows to that month's events
    page.click("[data-testid=timeline-chart] [data-period='2024-06'] rect.hit")
    page.wait_for_selector(".chip")
    dates = page.locator("[data-testid=event-row] td:first-child").all_inner_texts()
    assert dates and all(d.startswith("2024-06") for d in dates)

    page.click(".chip button")  # back to all periods
    page.wait_for_selector(".chip", state="detached")
    page.wait_for_selector("[data-testid=event-row]")
    link = page.locator(f"a[href='#/article/{SEED_ID}']").first
    link.click()
    page.wait_for_selector("[data-testid=article-text] .hl-actor")
    doc = page.locator("[data-testid=article-text]")
    assert "Kremlin spokesman Dmitry Peskov" in doc.inner_text()
    actors = page.locator("[data-testid=article-text] .hl-actor")
    events = page.locator("[data-testid=article-text] .hl-event")
    assert actors.count() >= 5 and events.count() >= 5
    assert "North Korea" in " ".join(actors.all_inner_texts())
    assert page.locator("[data-testid=article-event]").count() >= 5
    page.screenshot(path=str(BUILD / "dashboard-article.png"), full_page=True)
    page.locator("[data-testid=article-event]").first.click()  # finds the event in the text
    page.wait_for_selector("[data-testid=article-text] .flash")

    # the layer toggles hide and show a kind of highlight
    page.uncheck("input[data-layer=a]")
    assert "hide-a" in (doc.get_attribute("class") or "")
    page.check("input[data-layer=a]")


def test_dashboard_article_quotes_and_live_coder(page, live_server) -> None:
    BUILD.mkdir(exist_ok=True)
    page.goto(f"{live_server.url}/#/articles")
    page.wait_for_selector("[data-testid=article-row]")
    assert page.locator("[data-testid=article-row]").count() == 6
    page.click("text=Tokyo rejects the plan")
    page.wait_for_selector("[data-testid=article-text] .hl-quote")
    assert "We will never accept this" in " ".join(
        page.locator("[data-testid=article-text] .hl-quote").all_inner_texts())

    page.goto(f"{live_server.url}/#/code")
    page.fill("#code-text", "Japan condemned North Korea on Tuesday. China praised Pakistan.")
    page.fill("#code-date", "2024-01-17")
    page.click("#code-run")
    page.wait_for_selector("#code-result [data-testid=article-text] .hl-event")
    table = page.locator("#code-result [data-testid=event-table]").inner_text()
    assert "JPN" in table and "PRK" in table
    page.screenshot(path=str(BUILD / "dashboard-code.png"), full_page=True)


def test_dashboard_narrow_screen(browser, live_server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    pg = context.new_page()
    try:
        pg.goto(f"{live_server.url}/#/dyad/RUS/PRK")
        pg.wait_for_selector("[data-testid=timeline-chart] svg rect.bar")
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"the page scrolls sideways on a phone ({width}px)"
        pg.screenshot(path=str(BUILD / "dashboard-phone.png"), full_page=True)
    finally:
        context.close()
