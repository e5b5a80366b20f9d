"""`dyads watch` end to end: a real feed server on 127.0.0.1, the real coder, a real DuckDB store."""

from __future__ import annotations

import itertools
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
import pytest
from typer.testing import CliRunner

import dyads.cli  # noqa: F401  (registers the commands)
from dyads.cli.app import app
from dyads.io.web.fetch import FetchPolicy
from dyads.services.watch import parse_duration, run_watch
from tests.io.web.pages import BOILERPLATE_STRINGS, portal_page, split_story, wire_page

runner = CliRunner()

STORY_2 = ("Germany Summons Russian Ambassador Over Cyber Attack",
           ["Germany summoned the Russian ambassador on Friday over a cyber attack on the ruling party.",
            "The foreign ministry in Berlin said the attack was carried out by Russian military intelligence.",
            "Moscow denied any involvement and accused Berlin of spreading anti-Russian propaganda."])
STORY_3 = ("Japan and South Korea Agree to Resume Security Talks",
           ["Japan and South Korea agreed on Tuesday to resume high-level security talks suspended since 2018.",
            "The foreign ministers of both countries met in Tokyo and pledged to deepen cooperation.",
            "Washington welcomed the agreement and praised both allies for their courage."])
STORY_4 = ("Egypt Mediates Between Israel and Hamas",
           ["Egyptian officials held separate meetings with Israeli and Hamas delegations in Cairo on Sunday.",
            "Egypt proposed a ceasefire plan that would see hostages released in exchange for prisoners.",
            "Hamas said it was studying the proposal, while Israel did not comment on the talks."])


def rss(site, items: list[tuple[str, str]]) -> str:
    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(site.url(p))}</link>"
                   f"<pubDate>Wed, 17 Jan 2024 09:00:00 GMT</pubDate></item>" for t, p in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Courier</title>'
            f"<link>{site.url('/')}</link>{body}</channel></rss>")


@pytest.fixture
def news_site(site, seed_text: str):
    title, paras = split_story(seed_text)
    site.add("/news/kremlin", wire_page(title, paras, date="2024-01-17"))
    site.add("/news/germany", portal_page(*STORY_2, date="2024-01-19"))
    site.add("/news/japan", wire_page(*STORY_3, date="2024-01-20"))
    site.add("/news/slow", wire_page(*STORY_4), delay=3.0)  # longer than the client's timeout
    site.add("/news/broken", "", fail_times=10**6, fail_status=500)
    site.add("/news/empty", "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>")
    site.add("/news/report.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    site.add("/world.xml", rss(site, [(title, "/news/kremlin"), ("Germany", "/news/germany"),
                                      ("Slow", "/news/slow"), ("Broken", "/news/broken"), ("Empty", "/news/empty"),
                                      ("PDF", "/news/report.pdf"), ("Kremlin again", "/news/kremlin#comments")]),
             content_type="application/rss+xml", headers={"ETag": '"world-v1"'})
    site.add("/asia.xml", rss(site, [("Japan", "/news/japan"), ("Germany", "/news/germany")]),
             content_type="application/rss+xml")
    site.add("/not-a-feed", "<html><body><p>Our feeds moved.</p></body></html>")
    site.add("/down.xml", "", fail_times=10**6, fail_status=503)
    return site


def _watch(site, db: Path, *extra: str):
    feeds = [site.url(p) for p in ("/world.xml", "/asia.xml", "/not-a-feed", "/down.xml")]
    return runner.invoke(app, ["watch", *feeds, "--db", str(db), "--once", "--timeout", "1", "--retries", "0",
                               "--delay", "0", *extra])


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_watch_once_ingests_good_items_reports_bad_ones_and_a_second_run_adds_nothing(
        news_site, tmp_path: Path, pipeline) -> None:
    db = tmp_path / "news.duckdb"
    res = _watch(news_site, db)
    assert res.exit_code == 0, res.output
    out = res.output
    for code, what in [("E067", "/news/slow"), ("E066", "/news/broken"), ("E060", "/news/empty"),
                       ("E070", "/news/report.pdf"), ("E065", "/not-a-feed"), ("E066", "/down.xml")]:
        assert any(line.count(code) and what in line for line in out.splitlines()), (code, what, out)
    assert "Traceback" not in out
    urls = sorted(r[0] for r in _rows(db, "SELECT url FROM articles"))
    assert urls == [news_site.url(p) for p in ("/news/germany", "/news/japan", "/news/kremlin")]
    assert news_site.count("/news/kremlin") == 1 and news_site.count("/news/germany") == 1  # deduplicated entries
    n_events = _rows(db, "SELECT count(*) FROM mentions")[0][0]
    assert n_events > 5
    evidence = [r[0] for r in _rows(db, "SELECT evidence FROM mentions")]
    assert not [e for e in evidence if any(b in e for b in BOILERPLATE_STRINGS)]
    # evidence spans index the stored (extracted) text
    for text, start, end, ev in _rows(db, "SELECT a.text, m.evidence_start, m.evidence_end, m.evidence FROM mentions m "
                                          "JOIN articles a ON a.hash = m.article_hash"):
        assert text[start:end] == ev
    errors = {r[0] for r in _rows(db, "SELECT item FROM ingest_errors")}
    assert {news_site.url("/news/slow"), news_site.url("/news/broken"), news_site.url("/not-a-feed")} <= errors
    status = dict(_rows(db, "SELECT status, count(*) FROM web_seen GROUP BY status"))
    assert status == {"done": 3, "failed": 4}

    assert "7 entries" in res.output and "0 seen before" in res.output
    res2 = _watch(news_site, db)
    assert res2.exit_code == 0, res2.output
    assert "0 new article(s)" in res2.output and "4 failed" in res2.output
    # the world feed answers 304 (unchanged): its entries still count, as seen before (they said
    # "1 entries; 0 seen before" for a feed of 4 entries with 3 stored)
    assert "7 entries" in res2.output and "3 seen before" in res2.output, res2.output
    assert "next round" not in res2.output and "tried again on the next run" in res2.output
    assert _rows(db, "SELECT count(*) FROM articles")[0][0] == 3
    assert _rows(db, "SELECT count(*) FROM mentions")[0][0] == n_events
    assert news_site.count("/news/kremlin") == 1 and news_site.count("/news/japan") == 1  # not fetched again
    assert news_site.count("/news/broken") == 2  # failures are retried next round, though the feed is unchanged
    world = [h for h in news_site.hits if h.path == "/world.xml"]
    assert world[-1].headers.get("if-none-match") == '"world-v1"'  # conditional GET: the server said 304
    assert dict(_rows(db, "SELECT status, max(attempts) FROM web_seen GROUP BY status"))["failed"] == 2


def test_watch_restart_picks_up_new_items_only(news_site, tmp_path: Path, pipeline) -> None:
    db = tmp_path / "news.duckdb"
    assert _watch(news_site, db).exit_code == 0
    before = _rows(db, "SELECT count(*) FROM articles")[0][0]
    news_site.add("/news/egypt", portal_page(*STORY_4, date="2024-01-21"))
    news_site.add("/asia.xml", rss(news_site, [("Egypt", "/news/egypt"), ("Japan", "/news/japan")]),
                  content_type="application/rss+xml")
    res = _watch(news_site, db)
    assert "1 new article(s)" in res.output, res.output
    assert _rows(db, "SELECT count(*) FROM articles")[0][0] == before + 1
    assert news_site.count("/news/japan") == 1


def test_watch_gives_up_after_max_attempts_and_retry_failed_resets(news_site, tmp_path: Path, pipeline) -> None:
    db = tmp_path / "news.duckdb"
    said: list[str] = []
    rounds = run_watch([news_site.url("/world.xml")], db, every=0, policy=FetchPolicy(timeout=1.0, retries=0,
                       delay=0), max_attempts=2, report=said.append, sleep=lambda s: None)
    reports = list(itertools.islice(rounds, 3))
    assert [r.ingested for r in reports] == [2, 0, 0]
    assert news_site.count("/news/broken") == 2
    assert reports[1].gave_up == 4 and any(m.startswith("error: E075") and "/news/broken" in m for m in said)
    res = runner.invoke(app, ["watch", news_site.url("/world.xml"), "--db", str(db), "--once", "--timeout", "1",
                              "--retries", "0", "--delay", "0", "--retry-failed"])
    assert "4 given-up item(s) will be tried again" in res.output
    assert news_site.count("/news/broken") == 3


def test_watch_local_feed_file_with_saved_pages(tmp_path: Path, pipeline) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "germany.html").write_text(portal_page(*STORY_2, date="2024-01-19"), encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Saved</title>'
                    "<item><title>Germany</title><link>pages/germany.html</link></item>"
                    "<item><title>Gone</title><link>pages/missing.html</link></item></channel></rss>",
                    encoding="utf-8")
    db = tmp_path / "saved.duckdb"
    res = runner.invoke(app, ["watch", str(feed), "--db", str(db), "--once"])
    assert res.exit_code == 0, res.output
    assert "E007" in res.output and "missing.html" in res.output
    [(title, date)] = _rows(db, "SELECT title, date FROM articles")
    assert title == STORY_2[0] and str(date) == "2024-01-19"


@pytest.mark.parametrize("args", [["--every", "soon"], ["--every", "0s"]])
def test_watch_bad_every_is_one_numbered_error(tmp_path: Path, args: list[str]) -> None:
    res = runner.invoke(app, ["watch", "feed.xml", "--db", str(tmp_path / "x.duckdb"), *args])
    assert res.exit_code != 0 and "E074" in str(res.exception or res.output)


def test_watch_not_a_store_stops_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("my notes")
    res = runner.invoke(app, ["watch", "feed.xml", "--db", str(bad), "--once"])
    assert res.exit_code != 0 and "E040" in str(res.exception or res.output)
    assert bad.read_text() == "my notes"


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("90s", 90), ("15m", 900), ("1h30m", 5400)])
def test_watch_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


def test_watch_loop_ends_when_asked_to_stop(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')

    def no_sleep(seconds: float) -> None:
        raise AssertionError("slept after a stop request")

    reports = list(run_watch([str(feed)], tmp_path / "s.duckdb", every=60, sleep=no_sleep, stop=lambda: True))
    assert len(reports) == 1 and reports[0].feeds == 1 and reports[0].feeds_failed == 0
