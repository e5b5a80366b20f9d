"""`dyads watch`: keep a store current from RSS/Atom feeds (fetch, extract, code, ingest)."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from typing import Annotated

import typer

from dyads.cli import options
from dyads.cli.app import app
from dyads.config import DEFAULT_DB
from dyads.errors import DyadsError


def _stop_on_signals() -> threading.Event:
    """Ctrl-C, `kill` and `systemctl stop` end the watcher; the current write rolls back cleanly.
    The event stays set even when a library turns the interrupt into its own error."""
    import signal

    stopping = threading.Event()

    def stop(signum: int, frame: object) -> None:
        stopping.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return stopping


def _say(message: str) -> None:
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


@app.command("watch")
def watch_command(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs (RSS/Atom) or local feed files.")],
    db: Annotated[str, typer.Option(help="DuckDB store to keep current (created if missing).")] = str(DEFAULT_DB),
    every: Annotated[str, typer.Option(help="Time between rounds: 90s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Run one round and exit.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds per HTTP attempt.")] = 20.0,
    retries: Annotated[int, typer.Option(help="Extra HTTP attempts after a timeout or 5xx.")] = 2,
    delay: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 2.0,
    max_attempts: Annotated[int, typer.Option(help="Rounds a failing page is tried before giving up.")] = 5,
    contact: Annotated[str | None, typer.Option(
        help="Your e-mail or URL, added to the User-Agent so site owners can reach you.")] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Try given-up pages again.")] = False,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline (default: as for 'dyads code').")] = None,
    wait: options.Wait = options.DEFAULT_WAIT,
) -> None:
    """Watch news feeds: fetch each new item's page, extract the article, code it, ingest it.

    What was seen is kept in the store, so a restart neither misses nor repeats items; a feed or
    page that fails is reported and tried again next round. Stop with Ctrl-C.

    Example: dyads watch https://example.com/world/rss.xml --db news.duckdb --every 15m
    """
    from dyads.io.web.fetch import FetchPolicy, user_agent
    from dyads.services.watch import parse_duration, run_watch

    try:
        seconds = parse_duration(every, minimum=1.0)
    except ValueError as exc:
        raise DyadsError(str(exc)) from None
    hold = options.wait_seconds(wait)
    stopping = _stop_on_signals() if not once else threading.Event()
    policy = FetchPolicy(timeout=timeout, retries=retries, delay=delay, user_agent=user_agent(contact))
    reports = run_watch(feeds, db, every=seconds, once=once, policy=policy, max_attempts=max_attempts,
                        model=model, retry_failed=retry_failed, report=_say, stop=stopping.is_set,
                        wait=hold, on_wait=lambda message: _say(f"waiting: {message}"))
    last = None
    for rep in reports:
        _say(rep.summary())
        last = rep
    if once and last is not None and last.feeds and last.feeds_failed == last.feeds:
        raise typer.Exit(1)
