"""What makes a string codable: the checks every way in shares (readers, the API, the pipeline).

A text must be a non-empty string without NUL characters and at most the size limit
(:mod:`dyads.limits`). Lone surrogates (``"\\ud800"``: what JSON's ``\\ud800`` escape or a
``surrogateescape`` decoder gives) are not Unicode text: no encoder writes them, so they are
replaced by U+FFFD one for one, which keeps every offset into the text as it was.
"""

from __future__ import annotations

import re
from typing import Any

from dyads.errors import message
from dyads.limits import MAX_FIELD_CHARS

SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def text_problem(item: str, text: Any, max_chars: int) -> str | None:
    """The numbered message for a text that cannot be coded, or None when it can."""
    if not isinstance(text, str):
        return message("E006", item=item)
    if not text.strip():
        return message("E001", item=item)
    if "\x00" in text:
        return message("E002", item=item)
    if len(text) > max_chars:
        return message("E004", item=item, size=len(text), limit=max_chars)
    return None


def replace_surrogates(text: str) -> tuple[str, int, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, how many there were, and where the first was."""
    first = SURROGATE.search(text)
    if first is None:
        return text, 0, -1
    fixed, count = SURROGATE.subn(REPLACEMENT, text)
    return fixed, count, first.start()


def clean_text(item: str, text: str) -> tuple[str, str | None]:
    """The text made writable, and the E012 warning when something was replaced."""
    fixed, count, pos = replace_surrogates(text)
    return fixed, (message("E012", item=item, count=count, pos=pos) if count else None)


def clean_field(item: str, name: str, value: Any, limit: int = MAX_FIELD_CHARS) -> tuple[str | None, str | None]:
    """A metadata field (title, url, source): a string of at most ``limit`` characters, else None with
    an E015 warning (a non-string is dropped quietly, as the readers always have)."""
    if not isinstance(value, str) or value == "":
        return None, None
    if len(value) > limit:
        return None, message("E015", item=item, field=name, size=len(value), limit=limit)
    return replace_surrogates(value)[0], None


def shown(value: Any, width: int = 60) -> str:
    """A short printable form of any value for a message."""
    text = value if isinstance(value, str) else type(value).__name__ if isinstance(value, dict | list) else str(value)
    text = replace_surrogates(text)[0]
    return text if len(text) <= width else text[: width - 3] + "..."
