from __future__ import annotations

import pytest

import dyads


def test_public_api_names() -> None:
    assert {"code", "Article", "Event", "Actor", "Pipeline", "get_pipeline", "DyadsError"} <= set(dyads.__all__)
    for name in dyads.__all__:
        assert hasattr(dyads, name), name


def test_public_api_code_returns_annotated_article() -> None:
    art = dyads.code("Japan condemned North Korea on Tuesday.", date="2024-01-17")
    assert isinstance(art, dyads.Article)
    assert art.events and art.events[0].date == "2024-01-16"
    assert not hasattr(art, "doc")  # the parse is not kept on returned articles
    assert art.to_dict()["events"][0]["cameo"] == "111"


def test_public_api_code_takes_a_date_object() -> None:
    import datetime

    art = dyads.code("Japan condemned North Korea on Tuesday.", date=datetime.date(2024, 1, 17))
    assert art.date == "2024-01-17"
    assert [e.date for e in art.events] == ["2024-01-16"]



@pytest.mark.parametrize("date", ["17/01/2024", "yesterday", "2024-13-01", 20240117])
def test_public_api_code_rejects_a_bad_date(date) -> None:
    """As `dyads code --date` does (the library used to return no events and raise nothing)."""
    with pytest.raises(dyads.DyadsError, match="E010"):
        dyads.code("Japan condemned North Korea on Tuesday.", date=date)
