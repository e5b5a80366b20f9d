"""HTTP fetching against a real server on 127.0.0.1: retries, backoff, timeouts, politeness, robots."""

from __future__ import annotations

import re
import socket

import pytest

from dyads.io.web.fetch import Fetcher, FetchError, FetchPolicy, user_agent


def _fetcher(**kw) -> Fetcher:
    base = dict(timeout=0.3, retries=2, backoff=0.01, delay=0.0)
    base.update(kw)
    return Fetcher(FetchPolicy(**base))


def test_fetch_sends_an_honest_user_agent(site) -> None:
    url = site.add("/a", "<html>ok</html>")
    with _fetcher() as f:
        resp = f.get(url)
    assert resp.status == 200 and resp.content == b"<html>ok</html>" and resp.content_type.startswith("text/html")
    ua = [h.headers["user-agent"] for h in site.hits if h.path == "/a"][0]
    assert re.fullmatch(r"dyads/\d+\.\d+\.\d+\S* \(\+https?://\S+\)", ua) and ua == user_agent()
    assert site.count("/robots.txt") == 1


def test_fetch_user_agent_carries_the_operators_contact() -> None:
    assert user_agent("ops@example.org").endswith("; ops@example.org)")


def test_fetch_retries_server_errors_then_succeeds(site) -> None:
    url = site.add("/flaky", "<html>finally</html>", fail_times=2, fail_status=503)
    with _fetcher() as f:
        assert f.get(url).content == b"<html>finally</html>"
    assert site.count("/flaky") == 3


def test_fetch_gives_up_after_retries_with_e066(site) -> None:
    url = site.add("/down", "", fail_times=99, fail_status=500)
    with _fetcher(retries=1) as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith(f"E066 {url}: HTTP 500") and info.value.retryable
    assert site.count("/down") == 2


def test_fetch_client_errors_are_final_and_not_retried(site) -> None:
    url = site.url("/nowhere")
    with _fetcher() as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith(f"E066 {url}: HTTP 404 Not Found") and not info.value.retryable
    assert site.count("/nowhere") == 1


def test_fetch_timeout_gives_e067_after_each_attempt(site) -> None:
    url = site.add("/slow", "<html>late</html>", delay=1.0)
    with _fetcher(timeout=0.2, retries=1) as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith(f"E067 {url}: no response within 0.2s after 2 attempt(s)")
    assert info.value.retryable


def test_fetch_waits_between_requests_to_one_host(site) -> None:
    a, b = site.add("/p1", "1"), site.add("/p2", "2")
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # a clock that only moves when the fetcher waits
        waits.append(round(seconds, 6))
        now[0] += seconds

    with Fetcher(FetchPolicy(timeout=5.0, retries=0, delay=0.25), clock=lambda: now[0], sleep=sleep) as f:
        f.get(a)
        f.get(b)
    assert waits == [0.25, 0.25]  # robots.txt, then /p1, then /p2: each a full delay after the last
    assert [h.path for h in site.hits] == ["/robots.txt", "/p1", "/p2"]


def test_fetch_hosts_do_not_wait_for_each_other(site) -> None:
    now = [100.0]
    waits: list[float] = []
    with Fetcher(FetchPolicy(timeout=5.0, retries=0, delay=5.0, robots=False), clock=lambda: now[0],
                 sleep=waits.append) as f:
        f.get(site.add("/x", "x"))
        f.get(site.url("/x").replace("127.0.0.1", "localhost"))
    assert waits == []


def test_fetch_backoff_waits_grow(site) -> None:
    url = site.add("/flaky", "ok", fail_times=2)
    waits: list[float] = []
    f = Fetcher(FetchPolicy(timeout=5.0, retries=2, backoff=0.5, delay=0.0), sleep=waits.append)
    assert f.get(url).content == b"ok"
    f.close()
    assert waits == [0.5, 1.0]


def test_fetch_honours_retry_after(site) -> None:
    """(The time-out is generous: a loaded machine answered later than 0.3 s; nothing here is slow.)"""
    url = site.add("/busy", "ok", fail_times=1, fail_status=429)
    site.routes["/busy"].headers = {"Retry-After": "3"}
    waits: list[float] = []
    f = Fetcher(FetchPolicy(timeout=5.0, retries=1, backoff=0.1, delay=0.0), sleep=waits.append)
    assert f.get(url).content == b"ok"
    f.close()
    assert 3.0 in waits


def test_fetch_obeys_robots_txt(site) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    ok, private = site.add("/public/a", "<html>a</html>"), site.add("/private/b", "<html>b</html>")
    with _fetcher() as f:
        f.get(ok)
        with pytest.raises(FetchError) as info:
            f.get(private)
    assert str(info.value).startswith(f"E071 {private}: robots.txt of 127.0.0.1") and not info.value.retryable
    assert site.count("/private/b") == 0 and site.count("/robots.txt") == 1


def test_fetch_robots_server_error_means_wait(site) -> None:
    site.add("/robots.txt", "", status=503)
    url = site.add("/a", "<html>a</html>")
    with _fetcher() as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith("E071") and "could not be read" in str(info.value) and info.value.retryable
    assert site.count("/a") == 0


def test_fetch_refuses_oversized_bodies(site) -> None:
    url = site.add("/huge", b"x" * 50_000)
    with _fetcher(max_bytes=10_000) as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith(f"E069 {url}") and not info.value.retryable


def test_fetch_connection_refused_gives_e068() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with _fetcher(retries=0) as f, pytest.raises(FetchError) as info:
        f.get(f"http://127.0.0.1:{port}/x")
    assert str(info.value).startswith("E068") and info.value.retryable


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "news.example.com/x"])
def test_fetch_only_http(url: str) -> None:
    with _fetcher() as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith("E073")
