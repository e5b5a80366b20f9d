"""Hostile inputs for the property tests (tests/hostile) and benchmarks/fuzz.py: random Unicode with
surrogates, controls, right-to-left and combining marks, deep nesting, huge tokens, broken JSON,
CSV and compression, mixed with good items whose fate is checked."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

from hypothesis import strategies as st

GOOD_TEXTS = [
    "Japan condemned North Korea on Tuesday.",
    "Russia imposed sanctions on Ukraine.",
    "China praised Pakistan for its support.",
    "France and Germany signed a trade agreement in Paris.",
    "Turkey threatened to block Sweden's membership of NATO.",
    "The United States accused Iran of attacking a tanker.",
]

# Characters a hostile text is made of: every category, and those that broke readers elsewhere.
SPECIALS = ["\x00", "\ud800", "\udfff", "\udbff\udc00", "\u202e", "\u200f", "\u200b", "\u2028", "\u2029", "\ufeff",
            "\ufffd", "\x85", "\r", "\t", "\x0b", "\x1b[31m", "\u0301" * 50, "\U0001F600", "\U0010FFFF", "\u0627\u0644",
            "\"", "'", "\u201c", "\u201d", "\\", "{", "[", "<script>", "&amp;", "%s", "{0}", "..", "/", "\u00a0"]
HOSTILE_CHARS = st.characters(codec=None, exclude_categories=[])  # everything, surrogates and controls included


@st.composite
def hostile_text(draw, max_size: int = 300) -> str:
    """A text a hostile user could send: random code points, special sequences, huge tokens,
    sometimes around a real news sentence."""
    parts = draw(st.lists(st.one_of(
        st.text(HOSTILE_CHARS, max_size=40),
        st.sampled_from(SPECIALS),
        st.sampled_from(GOOD_TEXTS),
        st.integers(100, 5000).map(lambda n: "A" * n),  # one huge token
        st.integers(1, 200).map(lambda n: "(" * n + "Russia" + ")" * n),
    ), max_size=8))
    text = " ".join(parts)
    return text[: max_size * 20]


@st.composite
def hostile_json_value(draw) -> object:
    """A JSON value of any shape, sometimes nested deeper than any reader allows."""
    depth = draw(st.sampled_from([0, 1, 5, 999, 1001, 5000]))
    leaf = draw(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), hostile_text()))
    value: object = leaf
    for _ in range(depth):
        value = [value]
    return value


@dataclass(frozen=True)
class Line:
    """One JSONL line: ``good`` lines must come back as an Article with ``ident`` and ``text``."""

    raw: bytes
    good: bool = False
    ident: str = ""
    text: str = ""


def _dumps(obj: object, ascii_only: bool) -> bytes:
    try:
        out = json.dumps(obj, ensure_ascii=ascii_only)
    except (RecursionError, ValueError):
        return b"[" * 3000 + b"]" * 3000
    return out.encode("utf-8", "surrogatepass")


@st.composite
def jsonl_line(draw, index: int) -> Line:
    kind = draw(st.sampled_from(["good", "good", "bytes", "json", "record", "nested", "huge-int", "text-types",
                                 "blank", "escapes"]))
    if kind == "good":
        text = draw(st.sampled_from(GOOD_TEXTS))
        ident = f"good-{index}"
        return Line(_dumps({"id": ident, "text": text, "date": "2024-01-17"}, draw(st.booleans())), True, ident, text)
    if kind == "bytes":
        raw = draw(st.binary(max_size=200))
    elif kind == "json":
        raw = _dumps(draw(hostile_json_value()), draw(st.booleans()))
    elif kind == "record":
        raw = _dumps({draw(st.sampled_from(["text", "id", "date", "title", "url", "source", "html", "body"])):
                      draw(hostile_json_value()), "text": draw(hostile_text())}, draw(st.booleans()))
    elif kind == "nested":
        n = draw(st.integers(900, 200_000))
        raw = (b'{"text": ' * n) + b'"x"' + b"}" * n
    elif kind == "huge-int":
        raw = b'{"text": "Russia attacked Ukraine.", "n": ' + b"9" * draw(st.integers(4000, 20_000)) + b"}"
    elif kind == "text-types":
        raw = _dumps({"text": draw(st.one_of(st.integers(), st.lists(st.text(max_size=5)), st.dictionaries(
            st.text(max_size=3), st.integers()), st.just(""), st.just("   ")))}, True)
    elif kind == "escapes":
        raw = b'{"text": "Russia \\ud800 attacked \\u0000 Ukraine \\udfff.", "title": "\\ud83d"}'
    else:
        raw = draw(st.sampled_from([b"", b"   ", b"\t", b"\r"]))
    return Line(raw.replace(b"\n", b" "))


@st.composite
def jsonl_file(draw, max_lines: int = 12) -> list[Line]:
    n = draw(st.integers(1, max_lines))
    return [draw(jsonl_line(i)) for i in range(n)]


def jsonl_bytes(lines: list[Line], gz: bool = False) -> bytes:
    data = b"".join(line.raw + b"\n" for line in lines)
    return gzip.compress(data) if gz else data


@dataclass(frozen=True)
class Row:
    """One CSV row (a line or, when hostile, several): ``good`` rows must come back as Articles."""

    raw: bytes
    good: bool = False
    ident: str = ""
    text: str = ""


@st.composite
def csv_row(draw, index: int) -> Row:
    if draw(st.booleans()):
        text = draw(st.sampled_from(GOOD_TEXTS)).replace('"', "")
        ident = f"good-{index}"
        return Row(f'{ident},"{text}"'.encode(), True, ident, text)
    kind = draw(st.sampled_from(["quotes", "bytes", "text", "nul", "long"]))
    if kind == "quotes":
        raw = draw(st.sampled_from(['bad,"a"b"c"', 'bad,"unclosed', 'bad,"x""', '"', '""",', 'bad,x"y"z',
                                    'bad,"two\nlines" then', 'bad,"\r"', ',,,,"'])).encode()
    elif kind == "bytes":
        raw = draw(st.binary(max_size=120)).replace(b"\n", b" ")
    elif kind == "text":
        raw = draw(hostile_text(max_size=60)).encode("utf-8", "surrogatepass").replace(b"\n", b" ")
    elif kind == "nul":
        raw = b"bad,\x00\x00"
    else:
        raw = b'bad,"' + b"x" * draw(st.integers(10, 5000))
    return Row(raw)


@st.composite
def csv_file(draw, max_rows: int = 10) -> list[Row]:
    n = draw(st.integers(1, max_rows))
    return [draw(csv_row(i)) for i in range(n)]


def csv_bytes(rows: list[Row]) -> bytes:
    return b"id,text\n" + b"".join(r.raw + b"\n" for r in rows)


TRAVERSALS = ["../", "..%2f", "%2e%2e/", "%2e%2e%2f", "..\\", "..%5c", "%252e%252e%252f", "....//", "..;/",
              "%c0%ae%c0%ae/", "/etc/passwd", "%00", "\u2025/", "..%00/", "/%2e%2e/%2e%2e/"]


@st.composite
def hostile_path(draw) -> str:
    """A request path under /static or /api with traversal pieces."""
    base = draw(st.sampled_from(["/static/", "/api/articles/", "/static/js/", "/", "/api/", "/#/article/"]))
    pieces = draw(st.lists(st.one_of(st.sampled_from(TRAVERSALS), st.sampled_from(["etc", "passwd", "dyads.duckdb",
                                                                                    "app.py", "pyproject.toml"])),
                           min_size=1, max_size=8))
    return base + "".join(pieces)
