"""HTTP fetching for feeds and article pages (httpx), as a polite crawler.

* an honest User-Agent: ``dyads/<version> (+<project url>)``, plus the operator's contact if given;
* a total time limit per attempt (connect + headers + body), and a cap on the body size;
* retries with exponential backoff for timeouts, dropped connections, 408/429/5xx (honouring
  ``Retry-After``); other 4xx are final;
* at least ``delay`` seconds between two requests to the same host (or the host's robots.txt
  ``Crawl-delay`` when longer), and robots.txt obeyed.

Every failure is a :class:`FetchError` carrying one numbered message and whether a later retry
could succeed. The state (last request per host, robots rules) lives in the :class:`Fetcher`.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from dyads.errors import message

RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
FALLBACK_PROJECT_URL = "https://pypi.org/project/dyads/"
ROBOTS_TTL = 6 * 3600.0  # seconds a robots.txt is trusted
ROBOTS_RETRY = 300.0  # seconds before an unreadable robots.txt (5xx) is asked for again


def project_url() -> str:
    """The project's home page from the installed package metadata (fallback: its PyPI page)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("dyads")
    except PackageNotFoundError:
        return FALLBACK_PROJECT_URL
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return url.strip()
    return (meta.get_all("Home-page") or [None])[0] or FALLBACK_PROJECT_URL


def user_agent(contact: str | None = None) -> str:
    """``dyads/<version> (+<url>)``, or ``(+<url>; <contact>)`` when the operator gives a contact."""
    from dyads.version import __version__

    extra = f"; {contact}" if contact else ""
    return f"dyads/{__version__} (+{project_url()}{extra})"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds per attempt, connect to last byte
    retries: int = 2  # attempts after the first one, for retryable failures
    backoff: float = 1.0  # first wait before a retry; doubles each time
    max_backoff: float = 60.0
    delay: float = 2.0  # seconds between two requests to one host
    max_crawl_delay: float = 60.0  # a robots.txt Crawl-delay is honoured up to this
    max_bytes: int = 20_000_000
    robots: bool = True
    user_agent: str = field(default_factory=user_agent)


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    content: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


class FetchError(Exception):
    """A URL that could not be fetched: ``str(exc)`` is the numbered message."""

    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class _Timeout(Exception):
    pass


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(when.timestamp() - time.time(), 0.0), cap)


class Fetcher:
    """One polite HTTP client; reuse it for a whole watch round (connection pooling, host timers)."""

    def __init__(self, policy: FetchPolicy | None = None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, RobotFileParser | None, str]] = {}
        self.requests = 0
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.policy.timeout), follow_redirects=True, max_redirects=5, transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- politeness -------------------------------------------------------------------------
    def _host_delay(self, host: str) -> float:
        entry = self._robots.get(host)
        crawl_delay = 0.0
        if entry and entry[1] is not None:
            value = entry[1].crawl_delay(self.policy.user_agent)
            crawl_delay = min(float(value), self.policy.max_crawl_delay) if value else 0.0
        return max(self.policy.delay, crawl_delay)

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + self._host_delay(host) - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _allowed(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        now = self.clock()
        entry = self._robots.get(host)
        if entry is None or now - entry[0] > (ROBOTS_TTL if entry[1] is not None else ROBOTS_RETRY):
            entry = self._load_robots(url, parts.scheme, host, now)
            self._robots[host] = entry
        _, rules, why = entry
        if rules is None:
            raise FetchError(message("E071", item=url, host=host, why=why), retryable=True)
        if not rules.can_fetch(self.policy.user_agent, url):
            raise FetchError(message("E071", item=url, host=host, why="does not allow dyads to fetch it"),
                             retryable=False)

    def _load_robots(self, url: str, scheme: str, host: str, now: float) -> tuple[float, RobotFileParser | None, str]:
        """RFC 9309: 4xx means no rules; 5xx means stay away for now. An unreachable host is the
        page's own failure (E067/E068, raised here)."""
        robots_url = f"{scheme}://{host}/robots.txt"
        rules = RobotFileParser(robots_url)
        try:
            resp = self._get_once(robots_url, {}, max_bytes=500_000)
        except _Timeout:
            raise FetchError(message("E067", item=url, seconds=self.policy.timeout, attempts=1),
                             retryable=True) from None
        except FetchError as exc:
            if exc.retryable:  # cannot connect: say so about the page
                raise FetchError(str(exc).replace(robots_url, url, 1), retryable=True) from None
            return now, None, f"could not be read ({str(exc).split(': ', 1)[-1][:80]})"
        if resp.status >= 500:
            return now, None, f"could not be read (HTTP {resp.status})"
        if resp.status >= 400:
            rules.parse([])
        else:
            rules.parse(resp.content.decode("utf-8", errors="replace").splitlines())
        return now, rules, ""

    # -- requests ---------------------------------------------------------------------------
    def _get_once(self, url: str, headers: Mapping[str, str], max_bytes: int) -> Response:
        """One attempt, no retry; raises FetchError (timeouts and connection failures)."""
        host = urlsplit(url).netloc.lower()
        self._wait_turn(host)
        self.requests += 1
        deadline = self.clock() + self.policy.timeout
        try:
            with self.client.stream("GET", url, headers=dict(headers)) as resp:
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(message("E069", item=url, limit=max_bytes), retryable=False)
                    chunks.append(chunk)
                    if self.clock() > deadline:
                        raise _Timeout
                headers_ = {k.lower(): v for k, v in resp.headers.items()}
                return Response(str(resp.url), resp.status_code, headers_, b"".join(chunks))
        except (httpx.TimeoutException, _Timeout) as exc:
            raise _Timeout from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(message("E068", item=url, detail="too many redirects"), retryable=False) from exc
        except httpx.UnsupportedProtocol as exc:
            raise FetchError(message("E073", item=url, scheme=urlsplit(url).scheme), retryable=False) from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            detail = " ".join(str(exc).split())[:120] or type(exc).__name__
            raise FetchError(message("E068", item=url, detail=detail), retryable=True) from exc

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET with retries. 2xx and 304 are returned; anything else raises :class:`FetchError`."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(message("E073", item=url, scheme=scheme or "(none)"), retryable=False)
        if self.policy.robots:
            self._allowed(url)
        attempts = 0
        wait = self.policy.backoff
        while True:
            attempts += 1
            final = attempts > self.policy.retries
            try:
                resp = self._get_once(url, headers or {}, self.policy.max_bytes)
            except _Timeout:
                if final:
                    raise FetchError(message("E067", item=url, seconds=self.policy.timeout, attempts=attempts),
                                     retryable=True) from None
                self.sleep(min(wait, self.policy.max_backoff))
                wait *= 2
                continue
            except FetchError as exc:
                if final or not exc.retryable:
                    raise
                self.sleep(min(wait, self.policy.max_backoff))
                wait *= 2
                continue
            if resp.status < 300 or resp.status == 304:
                return resp
            retryable = resp.status in RETRY_STATUS
            if final or not retryable:
                reason = httpx.codes.get_reason_phrase(resp.status) or "error"
                raise FetchError(message("E066", item=url, status=resp.status, reason=reason), retryable=retryable)
            after = _retry_after(resp.headers.get("retry-after"), self.policy.max_backoff)
            self.sleep(after if after is not None else min(wait, self.policy.max_backoff))
            wait *= 2
