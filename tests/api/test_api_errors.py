"""Bad requests get a 4xx JSON message, never a 500 or a traceback; store trouble gets a 503."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from tests.api.conftest import assert_problem, make_client

SQL = "RUS' OR '1'='1"


@pytest.mark.parametrize("url,status,code", [
    # unknown or malformed actor codes
    ("/api/events?source=XYZ", 404, "E103"),
    ("/api/events?target=QQQGOV", 404, "E103"),
    ("/api/dyads/RUS/XYZ/timeline", 404, "E103"),
    ("/api/events?source=R", 400, "E048"),
    ("/api/events?source=RUSSIAN-GOVERNMENT", 400, "E048"),
    ("/api/dyads/RUS/P%20K/timeline", 400, "E048"),
    # bad dates
    ("/api/events?since=2024-13", 400, "E104"),
    ("/api/events?until=yesterday", 400, "E104"),
    ("/api/events?since=2024-02-30", 400, "E104"),
    ("/api/dyads/RUS/PRK/timeline?since=17/01/2024", 400, "E104"),
    ("/api/events?since=2024-06&until=2024-01", 400, "E105"),
    # page sizes and other ranges
    ("/api/events?limit=1001", 400, "E105"),
    ("/api/events?limit=100000000000000000000", 400, "E105"),
    ("/api/events?limit=0", 400, "E105"),
    ("/api/events?offset=-1", 400, "E105"),
    ("/api/actors?limit=5000", 400, "E105"),
    ("/api/articles?limit=5000", 400, "E105"),
    ("/api/events?quad=7", 422, "E105"),
    ("/api/events?root=21", 400, "E105"),
    ("/api/events?limit=ten", 422, "E105"),
    ("/api/dyads/RUS/PRK/timeline?by=decade", 422, "E105"),
    ("/api/events?q=" + "x" * 300, 400, "E105"),
    # SQL-looking strings in structured parameters
    (f"/api/events?source={SQL}", 400, "E048"),
    ("/api/events?target=PRK;DROP TABLE events", 400, "E048"),
    ("/api/events?since=2024-01-01' OR 1=1 --", 400, "E104"),
    ("/api/events?root=04 UNION SELECT * FROM articles", 400, "E105"),
    ("/api/dyads/RUS/PRK/timeline?by=month);DROP TABLE events;--", 422, "E105"),
    (f"/api/dyads/{SQL}/PRK/timeline", 400, "E048"),
    ("/api/articles/x' OR '1'='1", 404, "E106"),
    ("/api/articles/no-such-article", 404, "E106"),
    # wrong endpoint or method
    ("/api/nothing", 404, None),
])
def test_api_bad_requests_are_4xx(client, url, status, code) -> None:
    assert_problem(client.get(url), status, code)


@pytest.mark.parametrize("q", ["' OR 1=1 --", "'; DROP TABLE events; --", "%", "_"])
def test_api_text_search_is_literal(client, store_counts, q) -> None:
    """Free text is searched for as written (a parameter, never SQL): no rows match, nothing changes."""
    before = store_counts()
    r = client.get("/api/events", params={"q": q})
    assert r.status_code == 200 and r.json()["events"] == []
    assert store_counts() == before


def test_api_wrong_method_is_405(client) -> None:
    assert_problem(client.delete("/api/events"), 405, None)


def test_api_unexpected_error_is_json_500_without_traceback(store_file) -> None:
    from dyads.api import create_app

    app = create_app(store_file)

    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    app.add_api_route("/api/boom", boom)
    with make_client(app, raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    err = assert_problem(r, 500, "E109")
    assert "secret" not in r.text and "RuntimeError" in err["message"]


def test_api_no_store_is_503(tmp_path) -> None:
    from dyads.api import create_app

    missing = tmp_path / "missing.duckdb"
    with make_client(create_app(missing)) as c:
        err = assert_problem(c.get("/api/events"), 503, "E043")
        assert str(missing) in err["message"]
        assert c.get("/api/health").json()["status"] == "no-store"
        assert c.get("/").status_code == 200  # the dashboard still loads and shows the message
        assert c.post("/api/code", json={"text": "Japan condemned China."}).status_code == 200


@pytest.mark.parametrize("content", [b"hello, this is not a database\n", b"SQLite format 3\x00" + b"\x00" * 100])
def test_api_foreign_file_is_503(tmp_path, content) -> None:
    from dyads.api import create_app

    path = tmp_path / "foreign.duckdb"
    path.write_bytes(content)
    with make_client(create_app(path)) as c:
        assert_problem(c.get("/api/overview"), 503, "E040")


HOLD = textwrap.dedent("""
    import sys, time
    import duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    sys.stdin.readline()
    con.close()
""")


def test_api_store_locked_by_writer_is_503_then_recovers(store_copy) -> None:
    """While another process writes the file the API says so (503, E101); afterwards it reads again."""
    from dyads.api import create_app

    with make_client(create_app(store_copy, idle_seconds=0.1, lock_wait=0.3)) as c:
        assert c.get("/api/overview").status_code == 200
        time.sleep(0.4)  # idle: the server lets go of the file so a writer can take it
        holder = subprocess.Popen([sys.executable, "-c", HOLD, str(store_copy)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "locked"
            r = c.get("/api/overview")
            assert_problem(r, 503, "E101")
            assert r.headers.get("retry-after")
        finally:
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(timeout=30)
        assert c.get("/api/overview").status_code == 200
