"""Dates: resolve date expressions against the publication date, and find them in the parse.

``resolve_date("on Tuesday", "2024-01-17") == "2024-01-16"``; ``"in mid-September"`` -> the most
recent past September ("2023-09"); ``"in 2022"`` -> ``"2022"``; ``"last week"`` -> the date a week
earlier. Explicit calendar dates go to dateparser. Results are "YYYY-MM-DD", "YYYY-MM" or "YYYY".
The stage gives every resolved DATE entity of the article to the events and entities stages.

Without a publication date only what the text itself places on the calendar is resolved: a year
("in 2022"), a month and year, a full date. A day or month with no year ("on 16 March", "in
March", "on Tuesday") stays None: the year is never taken from the machine's clock.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from dyads.annotate.state import ArticleState, Dates, Resources, stage
from dyads.resources import word_list, word_map

WEEKDAYS = list(word_list("dates.weekdays"))
MONTHS = list(word_list("dates.months"))
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBER_WORDS = word_map("dates.number_words")
LEAD = re.compile(r"^(?:" + "|".join(map(re.escape, word_list("dates.leading_words"))) + r")[\s-]+", re.I)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
MONTH_YEAR = re.compile(r"^([a-z]+)\.?,?\s+(1[89]\d\d|20\d\d)$")
YEAR_IN = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+ago$")


def _parse_pub(pub_date: str | None) -> dt.date | None:
    if not pub_date:
        return None
    try:
        return dt.date.fromisoformat(pub_date[:10])
    except ValueError:
        return None


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return MONTH_ABBR.get(w) if len(w) >= 3 else None


def _strip(text: str) -> str:
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:")
    prev = None
    while prev != t:
        prev = t
        t = LEAD.sub("", t).strip()
    return t


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    m = day.year * 12 + day.month - 1 + months
    return m // 12, m % 12 + 1


CALENDAR_VALUE = re.compile(r"^(\d{4})(-(0[1-9]|1[0-2])(-\d\d)?)?$")


@lru_cache(maxsize=4096)
def resolve_date(text: str, pub_date: str | None, future: bool = False) -> str | None:
    """Resolve a date expression; None when it is not a date dyads can place on the calendar.

    Whatever the publication date (``9999-12-31``, ``0001-01-01``), the answer is a valid
    YYYY, YYYY-MM or YYYY-MM-DD in years 1-9999, or None: "next week" after the last day of the
    calendar has no date, and nothing raises."""
    try:
        value = _resolve(text, pub_date, future)
    except (OverflowError, ValueError, TypeError):  # past either end of the calendar
        return None
    m = CALENDAR_VALUE.match(value or "")
    return value if m and m.group(1) != "0000" else None


def _resolve(text: str, pub_date: str | None, future: bool = False) -> str | None:
    pub = _parse_pub(pub_date)
    raw = " ".join(text.lower().split())
    t = _strip(text)
    if YEAR.match(t):
        return t
    if pub is None:
        m = MONTH_YEAR.match(t)
        if m and _month_of(m.group(1)):
            return f"{m.group(2)}-{_month_of(m.group(1)):02d}"
        return _explicit(text, None)
    if t in ("today", "tonight", "now", "day", "this morning", "this afternoon", "this evening", "morning"):
        return pub.isoformat()
    if t in ("yesterday", "last night") or raw == "last night":
        return (pub - dt.timedelta(days=1)).isoformat()
    if t == "tomorrow":
        return (pub + dt.timedelta(days=1)).isoformat()
    if t in WEEKDAYS or (t.endswith(("morning", "night", "evening", "afternoon")) and t.split()[0] in WEEKDAYS):
        wd = WEEKDAYS.index(t.split()[0])
        delta = (pub.weekday() - wd) % 7
        if future and delta:
            return (pub + dt.timedelta(days=7 - delta)).isoformat()
        return (pub - dt.timedelta(days=delta)).isoformat()
    if raw.startswith("last ") or raw.startswith("next ") or t in ("week", "month", "year"):
        sign = 1 if raw.startswith("next ") else -1 if raw.startswith("last ") else 0
        unit = t.split()[-1]
        if unit == "week":
            return (pub + dt.timedelta(days=7 * sign)).isoformat()
        if unit == "month":
            y, mo = _shift_month(pub, sign)
            return f"{y:04d}-{mo:02d}"
        if unit == "year":
            return f"{pub.year + sign:04d}"
        if unit in WEEKDAYS:
            wd = WEEKDAYS.index(unit)
            delta = (pub.weekday() - wd) % 7 or 7
            return (pub - dt.timedelta(days=delta)).isoformat() if sign < 0 else \
                (pub + dt.timedelta(days=7 - (pub.weekday() - wd) % 7 or 7)).isoformat()
        month = _month_of(unit)
        if month:
            year = pub.year - 1 if sign < 0 and month >= pub.month else pub.year
            return f"{year + (1 if sign > 0 and month <= pub.month else 0):04d}-{month:02d}"
    m = AGO.match(t)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n:
            unit = m.group(2)
            if unit == "day":
                return (pub - dt.timedelta(days=n)).isoformat()
            if unit == "week":
                return (pub - dt.timedelta(days=7 * n)).isoformat()
            if unit == "month":
                y, mo = _shift_month(pub, -n)
                return f"{y:04d}-{mo:02d}"
            return f"{pub.year - n:04d}"
    month = _month_of(t)
    if month:  # "September", "mid-September": the most recent such month (this one included)
        if future:
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return f"{year:04d}-{month:02d}"
    m = MONTH_YEAR.match(t)
    if m and _month_of(m.group(1)):
        return f"{m.group(2)}-{_month_of(m.group(1)):02d}"
    return _explicit(text, pub)


def _explicit(text: str, pub: dt.date | None) -> str | None:
    """Calendar dates such as "January 5", "5 March 2021", "2023-02-01" via dateparser.

    The year is the text's own, else the publication date's: without a publication date, a day
    and month without a year ("on 16 March") stay unresolved (None). dateparser would take the
    year from the machine's clock."""
    t = _strip(text)
    if not any(ch.isdigit() for ch in t) or len(t) > 40:
        return None
    if not any(_month_of(w) for w in re.split(r"[\s,/.-]+", t)) and not re.match(r"^\d{4}-\d\d-\d\d$", t):
        return None
    years = YEAR_IN.findall(t)
    if pub is None and not years:
        return None

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    data = _parser(tuple(sorted(settings.items(), key=lambda kv: kv[0]))).get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if years and str(d.year) not in years:
        return None  # dateparser read another number as the year
    if not years and pub is not None and data.period not in ("year", "month"):
        d = _nearest_year(d, pub)  # "on April 29", "April 16-27": the year is the story's, not dateparser's guess
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _nearest_year(d: dt.date, pub: dt.date) -> dt.date:
    """The day and month of ``d`` in the year that puts it nearest the publication date (a story of
    7 April 1987 that says "on April 29" means 1987, one of 3 January that says "on December 30"
    means the year before); on a tie, the past."""
    best = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = d.replace(year=year)
        except ValueError:  # 29 February
            continue
        key = (abs((cand - pub).days), cand > pub)
        if best is None or key < best[0]:
            best = (key, cand)
    return best[1] if best else d


@lru_cache(maxsize=8)
def _parser(settings: tuple[tuple[str, Any], ...]) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=dict(settings))


@stage("dates", requires=("doc", "article.date"), assigns=("dates",))
def annotate(state: ArticleState, res: Resources) -> None:
    """Resolve every DATE entity: token index -> (entity start, entity end, resolved value)."""
    found: Dates = {}
    for ent in state.doc.ents:
        if ent.label_ != "DATE":
            continue
        value = resolve_date(ent.text, state.article.date)
        if value is None:
            continue
        for i in range(ent.start, ent.end):
            found[i] = (ent.start, ent.end, value)
    state.dates = found
