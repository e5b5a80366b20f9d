from __future__ import annotations

import dyads


def test_public_api_names() -> None:
    assert {"code", "Article", "Event", "Actor", "Pipeline", "get_pipeline", "DyadsError"} <= set(dyads.__all__)
    for name in dyads.__all__:
        assert hasattr(dyads, name), name


def test_public_api_code_returns_annotated_article() -> None:
    art = dyads.code("Japan condemned North Korea on Tuesday.", date="2024-01-17")
    assert isinstance(art, dyads.Article)
    assert art.events and art.events[0].date == "2024-01-16"
    assert art.doc is None  # the parse is not kept on returned articles
    assert art.to_dict()["events"][0]["cameo"] == "111"
