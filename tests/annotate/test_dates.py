from __future__ import annotations

import pytest

from dyads.annotate.dates import resolve_date

PUB = "2024-01-17"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Wednesday", "2024-01-17"),
        ("on Tuesday", "2024-01-16"),
        ("Sunday", "2024-01-14"),
        ("Thursday night", "2024-01-11"),
        ("In mid-September", "2023-09"),
        ("early January", "2024-01"),
        ("December", "2023-12"),
        ("in 2022", "2022"),
        ("in 1948", "1948"),
        ("last week", "2024-01-10"),
        ("last month", "2023-12"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("yesterday", "2024-01-16"),
        ("two weeks ago", "2024-01-03"),
        ("3 days ago", "2024-01-14"),
        ("January 5", "2024-01-05"),
        ("5 March 2021", "2021-03-05"),
        ("March 2021", "2021-03"),
        ("Sept. 12", "2023-09-12"),
    ],
)
def test_dates_resolve_against_publication_date(text: str, expected: str) -> None:
    assert resolve_date(text, PUB) == expected


@pytest.mark.parametrize("text", ["the 1990s", "for years", "recently", "a long time"])
def test_dates_unplaceable_expressions_give_none(text: str) -> None:
    assert resolve_date(text, PUB) is None


@pytest.mark.parametrize(("text", "expected"), [("on Friday", "2024-01-19"), ("in March", "2024-03")])
def test_dates_future_context_looks_forward(text: str, expected: str) -> None:
    assert resolve_date(text, PUB, future=True) == expected


@pytest.mark.parametrize(("text", "expected"), [("in 2022", "2022"), ("on Tuesday", None), ("May 2020", "2020-05")])
def test_dates_without_publication_date(text: str, expected: str | None) -> None:
    assert resolve_date(text, None) == expected


@pytest.mark.parametrize("text", ["on 16 March", "16 March", "March 16", "Dec. 3", "in March", "on Tuesday",
                                  "last week", "mid-September"])
def test_dates_without_publication_date_never_invent_a_year(text: str) -> None:
    """Without an article date, a day or month with no year stays unresolved (dateparser would
    otherwise take the year from the machine's clock: 'on 16 March' -> this year)."""
    assert resolve_date(text, None) is None


@pytest.mark.parametrize(("text", "expected"), [("16 March 2005", "2005-03-16"), ("3 December, 2004", "2004-12-03"),
                                                ("2005-03-16", "2005-03-16")])
def test_dates_without_publication_date_keep_the_texts_year(text: str, expected: str) -> None:
    assert resolve_date(text, None) == expected


def test_dates_undated_article_events_carry_no_invented_year(code) -> None:
    art = code("Britain will hold talks with France on 16 March.", date=None)
    assert art.events and all(e.date is None for e in art.events)
    assert [e.value for e in art.entities if e.type == "date"] == [None]


@pytest.mark.parametrize("text, pub, expected", [
    ("on April 29", "1987-04-07", "1987-04-29"),  # weeks ahead in the same year, not last year
    ("on December 30", "1988-01-03", "1987-12-30"),  # days back, across the new year
    ("February 22", "1987-03-30", "1987-02-22"),
    ("between April 16-27", "1987-04-08", None),  # never 1927 from '27'
])
def test_dates_day_and_month_take_the_year_nearest_the_story(text, pub, expected):
    from dyads.annotate.dates import resolve_date

    assert resolve_date(text, pub) == expected
