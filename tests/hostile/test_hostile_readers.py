"""Properties of the readers under hostile files: no exception escapes, every line or row gives at
most one item and names it, and every good item around the hostile ones comes back whole."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from dyads.io.readers import ReadError, read_inputs
from dyads.model import Article
from tests.hostile.strategies import csv_bytes, csv_file, jsonl_bytes, jsonl_file


def read_file(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(read_inputs([str(path)]))


def check_jsonl(lines, gz: bool) -> list[str]:
    """Problems with reading these lines (empty when every property holds)."""
    name = "h.jsonl.gz" if gz else "h.jsonl"
    items = read_file(name, jsonl_bytes(lines, gz))
    problems = []
    expected = [(n, line) for n, line in enumerate(lines, 1) if line.raw.strip()]
    if len(items) != len(expected):
        problems.append(f"{len(items)} items for {len(expected)} non-blank lines")
    for (n, line), item in zip(expected, items, strict=False):
        if line.good and not (isinstance(item, Article) and item.id == line.ident and item.text == line.text):
            problems.append(f"good line {n} came back as {item!r:.200}")
        if isinstance(item, ReadError) and item.item != f"{name}:{n}":
            problems.append(f"line {n}'s error names {item.item!r}")
        if isinstance(item, ReadError) and ("\n" in item.message or not item.message[:1] == "E"):
            problems.append(f"line {n}'s error is not one numbered line: {item.message!r:.200}")
    return problems


def check_csv(rows) -> list[str]:
    items = read_file("h.csv", csv_bytes(rows))
    problems = []
    articles = {a.id: a for a in items if isinstance(a, Article)}
    for row in rows:
        if row.good and (row.ident not in articles or articles[row.ident].text != row.text):
            problems.append(f"good row {row.ident} lost: {articles.get(row.ident)!r:.200}")
    for item in items:
        if isinstance(item, ReadError) and not item.item.startswith("h.csv:"):
            problems.append(f"an error names no row: {item!r:.200}")
    return problems


def check_truncated(lines, cut: float) -> list[str]:
    """A .jsonl.gz cut anywhere: the lines before the cut come back, then one E009."""
    data = jsonl_bytes(lines, gz=True)
    items = read_file("cut.jsonl.gz", data[: int(len(data) * cut)])
    if items and isinstance(items[-1], ReadError) and not items[-1].message.startswith(("E009", "E0")):
        return [f"last item {items[-1]!r:.200}"]
    return []


@given(jsonl_file(), st.booleans())
def test_hostile_readers_jsonl_lose_only_bad_lines(lines, gz) -> None:
    assert check_jsonl(lines, gz) == []


@given(csv_file())
def test_hostile_readers_csv_recovers_every_good_row(rows) -> None:
    assert check_csv(rows) == []


@given(jsonl_file(max_lines=6), st.floats(0.0, 1.0))
def test_hostile_readers_truncated_gzip_never_raises(lines, cut) -> None:
    assert check_truncated(lines, cut) == []


@given(st.binary(max_size=600), st.sampled_from(["x.jsonl.gz", "x.csv.gz", "x.tsv", "x.txt", "x.html", "x.warc.gz",
                                                  "x.dat", "x.warc"]))
def test_hostile_readers_random_bytes_under_any_name(data, name) -> None:
    for item in read_file(name, data):
        assert isinstance(item, Article | ReadError)


def test_hostile_readers_gzip_bomb_line_is_read_in_bounded_pieces(tmp_path: Path) -> None:
    """A 200 MB line compressed to ~200 kB: skipped without holding it (E014), the next line read."""
    p = tmp_path / "bomb.jsonl.gz"
    with gzip.open(p, "wb", compresslevel=9) as f:
        f.write(b'{"text": "')
        for _ in range(200):
            f.write(b"a" * 2**20)
        f.write(b'"}\n{"id": "after", "text": "Japan condemned North Korea."}\n')
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = list(read_inputs([str(p)]))
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
    assert [i.message[:4] if isinstance(i, ReadError) else i.id for i in items] == ["E014", "after"]
    assert grown < 100 * 2**20
