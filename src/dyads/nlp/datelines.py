"""Datelines and agency credits: the words at the top of a wire story that say where it was filed
and by whom ("MOSCOW, Sept 13 (Reuters) - ", "KYIV, Ukraine (AP) -- ", "GENEVA — "). They name
no actor and hold no quotation; the actor resolver and the quotation finder both leave them out,
through this one recogniser."""

from __future__ import annotations

import re

from dyads.resources import word_list

# A place in capitals (up to four words), optionally ", <state or date>" and "(<agency>)", then a dash.
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,3}(?:,[^\n()—–]{1,40}?)?[ \t]*"
                      r"(?:\([^)\n]{1,40}\))?[ \t]*[-–—]{1,2}[ \t]+")
AGENCY = re.compile(r"\((?:" + "|".join(re.escape(a) for a in word_list("news_agencies")) + r")\)")
HEAD = 600  # a dateline opens one of the first paragraphs (after a title line or not) ...
START_BEFORE = 400  # ... and starts before this character


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines among the first paragraphs of ``text``."""
    return [(m.start(), m.end()) for m in DATELINE.finditer(text[:HEAD]) if m.start() < START_BEFORE]


def agency_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of news agency credits in parentheses, anywhere: "(Reuters)", "(AFP)"."""
    return [(m.start(), m.end()) for m in AGENCY.finditer(text)]
