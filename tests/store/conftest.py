"""Hand-built articles and stores for the store tests (no spaCy: fast)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from dyads.annotate.events.cameo import penta_class, quad_class
from dyads.model import Actor, Article, Entity, Event, Location, Quote, Span
from dyads.store import Store
from dyads.store.schema import SCHEMAS

GOLDSTEIN = {"040": 1.0, "042": 1.9, "051": 3.4, "057": 8.0, "070": 7.0, "111": -2.0, "163": -8.0, "190": -10.0}
PLOVER = {"040": "CONSULT", "042": "CONSULT", "051": "SUPPORT", "057": "AGREE", "070": "AID", "111": "ACCUSE",
          "163": "COERCE", "190": "ASSAULT"}


def actor(code: str | None, text: str = "", start: int = 0) -> Actor | None:
    if code is None:
        return None
    country = code[:3] if len(code) >= 3 and not code.startswith("IGO") else None
    sector = code[3:6] or None if country else None
    return Actor(code=code, country=country, sector=sector, name=f"name of {code}", text=text or code,
                 start=start, end=start + len(text or code))


def event(src: str | None, cameo: str, tgt: str | None, date: str | None, n: int = 1, sentence: int = 0,
          modality: str = "asserted", start: int = 0) -> Event:
    return Event(
        id=f"E{n:02d}", sentence=sentence, source=actor(src, start=start), target=actor(tgt, start=start + 10),
        cameo=cameo, root=cameo[:2], quad=quad_class(cameo[:2]), penta=penta_class(cameo[:2]),
        goldstein=GOLDSTEIN.get(cameo, 0.0), plover=PLOVER.get(cameo), date=date, modality=modality,  # type: ignore[arg-type]
        evidence=Span(start, start + 20, f"evidence {src} {cameo} {tgt}"), rule=f"test>{cameo}",
        confidence=0.5, dictionary_version="test-1",
        location=Location("Pyongyang", "PRK", 39.0, 125.7) if tgt == "PRK" else None)


MakeArticle = Callable[..., Article]


def _make(id: str, events: list[tuple] = (), date: str | None = "2024-01-10", source: str | None = "wire",
          text: str | None = None, url: str | None = None, quotes: bool = False) -> Article:
    """An article whose events are (source, cameo, target, date[, modality]) tuples."""
    art = Article(id=id, text=text or f"Text of article {id}. " + " ".join(map(str, events)), date=date,
                  title=f"Title {id}", url=url, source=source)
    for i, spec in enumerate(events, 1):
        src, cameo, tgt, when, *rest = spec
        ev = event(src, cameo, tgt, when, n=i, sentence=i - 1, modality=rest[0] if rest else "asserted", start=i)
        ev.id = f"{id}-E{i:02d}"
        art.events.append(ev)
    if quotes:
        art.quotes.append(Quote(content=Span(0, 4, art.text[:4]), cue=Span(5, 9, art.text[5:9]), direct=True,
                                speaker=actor("RUSGOV"), speaker_name="Lavrov"))
        art.entities.append(Entity(type="place", text="Pyongyang", start=0, end=4, actor="PRK",
                                   location=Location("Pyongyang", "PRK", 39.0, 125.7)))
    return art


@pytest.fixture
def make_article() -> MakeArticle:
    return _make


# A small corpus with known answers (see test_store_queries.py).
CORPUS = [
    # two articles from two sources report the same RUS->PRK meeting (one event, 2 articles, 2 sources)
    ("a1", [("RUSGOV", "040", "PRKGOV", "2023-01-15"), ("PRK", "051", "RUS", "2023-01-15")], "2023-01-16", "wire"),
    ("a2", [("RUSGOV", "040", "PRKGOV", "2023-01-15")], "2023-01-17", "paper"),
    ("a3", [("RUS", "057", "PRK", "2023-03-02"), ("RUSMIL", "190", "UKR", "2023-03-02")], "2023-03-02", "wire"),
    ("a4", [("PRK", "111", "RUSGOV", "2023-03-20"), ("USA", "163", "PRK", "2023-03-21")], "2023-03-21", "wire"),
    ("a5", [("RUS", "042", "PRK", "2024-02")], "2024-02-10", "paper"),  # month-only date
    ("a6", [("CHN", "070", "PRK", "2024-05-01")], "2024-05-01", "wire"),
]


def corpus_articles() -> list[Article]:
    return [_make(i, evs, date=d, source=s, quotes=(i == "a1")) for i, evs, d, s in CORPUS]


@pytest.fixture
def corpus_store(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.duckdb"
    with Store.open(path) as store:
        store.ingest(corpus_articles())
    return path


TIMES = {"ingested_at", "date_added", "time"}
# Mention numbers follow the order mentions were stored in: equal for a run and its crash + rerun
# (same input order), not for the same articles in other batches (the `events` view, which joins on
# them, is compared either way).
NUMBERS = {"mention_no"}


def snapshot(path: Path, numbers: bool = False) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the write timestamps (and mention numbers, unless ``numbers``)."""
    skip = TIMES if numbers else TIMES | NUMBERS
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for table, schema in SCHEMAS.items():
            cols = ", ".join(f'"{c}"' for c in schema.names if c not in skip)
            out[table] = sorted(con.execute(f"SELECT {cols} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()
