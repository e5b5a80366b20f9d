"""`dyads serve` as users run it: a real process listening on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.api.conftest import free_port

BIN = Path(sys.executable).parent / "dyads"


def test_serve_cli_serves_api_and_dashboard(store_file) -> None:
    port = free_port()
    env = os.environ | {"DYADS_TOKEN": ""}
    proc = subprocess.Popen([str(BIN), "serve", "--db", str(store_file), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{url}/api/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "dyads serve did not start"
                time.sleep(0.2)
        assert health["status"] == "ok" and health["writable"] is False
        assert httpx.get(f"{url}/api/dyads/RUS/PRK/timeline").json()["points"]
        assert "dyads" in httpx.get(url).text
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "serving" in err and "Traceback" not in err


def test_serve_cli_help() -> None:
    from typer.testing import CliRunner

    from dyads.cli import app

    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0 and "--token" in r.output and "Example" in r.output
