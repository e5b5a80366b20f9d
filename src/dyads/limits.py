"""The one size limit, and the byte bounds that follow from it (README: "Limits").

A text may hold at most :data:`MAX_CHARS` characters: spaCy's own default ``max_length`` (its
parser and NER need memory in proportion to the text), set on the pipeline so the two never
disagree. What carries a text is read up to :func:`item_bytes` (4 bytes per character, UTF-8's
widest, plus room for the other fields) and refused beyond it without reading further: a text
file, a JSONL line, a CSV row, stdin, a request body, however it arrives (chunked or not). A web
page may hold :func:`page_bytes` (markup, scripts and styles around the text). Metadata fields
(id, title, url, source) hold at most :data:`MAX_FIELD_CHARS` characters.
"""

from __future__ import annotations

MAX_CHARS = 1_000_000
FIELD_ROOM = 65_536  # bytes for what surrounds the text: id, date, title, url, source, JSON syntax
PAGE_FACTOR = 10  # a web page may be this many bytes per character of the limit
MAX_FIELD_CHARS = 2_000
MAX_DATE_CHARS = 40  # the longest ISO timestamp with an offset and fractions is 32


def item_bytes(max_chars: int = MAX_CHARS) -> int:
    """The most bytes read for one text-carrying item (file, line, row, request body)."""
    return 4 * max_chars + FIELD_ROOM


def page_bytes(max_chars: int = MAX_CHARS) -> int:
    """The most bytes read for one web page (a .html file, a WARC record, a JSONL ``html`` field)."""
    return PAGE_FACTOR * max_chars


def record_bytes(max_chars: int = MAX_CHARS) -> int:
    """The most bytes of one JSONL line: it may carry a web page in an ``html`` field."""
    return max(item_bytes(max_chars), page_bytes(max_chars) + FIELD_ROOM)


MAX_ITEM_BYTES = item_bytes()
MAX_PAGE_BYTES = page_bytes()
MAX_RECORD_BYTES = record_bytes()
