"""Shared fixtures: the real pipeline (loaded once per test session) and paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    import dyads

    return dyads.get_pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text: code(text, date=None) -> Article."""
    import dyads

    def _code(text: str, date: str | None = "2024-01-17"):
        return dyads.code(text, date=date)

    return _code


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


def triples(article) -> set[tuple]:
    """(source code, CAMEO code, target code) of every event."""
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in article.events}
