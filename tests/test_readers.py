from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dyads.model import Article
from dyads.readers import ReadError, ReadOptions, read_inputs, read_stdin


def _items(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_readers_txt_uses_file_stem_and_date(tmp_path: Path) -> None:
    p = tmp_path / "story.txt"
    p.write_text("Russia praised China.", encoding="utf-8")
    [a] = _items(p, date="2024-01-17")
    assert isinstance(a, Article) and a.id == "story" and a.date == "2024-01-17"


def test_readers_jsonl_and_gz_stream_records(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "Iran criticized Israel.", "date": "2023-05-01", "title": "T", "url": "u"},
            {"text": "Peru thanked Chile."}]
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    g = tmp_path / "y.jsonl.gz"
    with gzip.open(g, "wt", encoding="utf-8") as f:
        f.write("\n".join(json.dumps(r) for r in rows))
    items = _items(p, g)
    assert [i.id for i in items] == ["a", "x.jsonl:2", "a", "y.jsonl.gz:2"]
    assert items[0].date == "2023-05-01" and items[0].title == "T" and items[0].url == "u"


def test_readers_directory_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Peru thanked Chile.")
    (tmp_path / "a.txt").write_text("Chile thanked Peru.")
    (tmp_path / "notes.csv").write_text("ignored")
    assert [i.id for i in _items(tmp_path)] == ["a", "b"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E001"),
        ("blank.txt", b"   \n\t ", "E001"),
        ("binary.txt", b"\x00\x01\x02PNG\x00", "E002"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "E003"),
        ("table.csv", b"a,b", "E008"),
    ],
)
def test_readers_bad_files_give_one_numbered_error(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    [err] = _items(p)
    assert isinstance(err, ReadError) and err.message.startswith(code) and name in err.message
    assert "\n" not in err.message


def test_readers_huge_article_refused(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_text("Russia praised China. " * 250_000)  # ~5.5 MB
    [err] = _items(p)
    assert isinstance(err, ReadError) and err.message.startswith("E004")


def test_readers_bad_jsonl_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b'{"id": "ok1", "text": "Peru thanked Chile."}\n'
                  b"{not json\n"
                  b'{"id": "notext"}\n'
                  b'["a list"]\n'
                  b'{"id": "bad-date", "text": "Chile thanked Peru.", "date": "yesterday"}\n'
                  b'{"id": "ok2", "text": "Chile thanked Peru."}\n')
    items = _items(p)
    kinds = [(type(i).__name__, getattr(i, "message", "")[:4]) for i in items]
    assert kinds == [("Article", ""), ("ReadError", "E005"), ("ReadError", "E006"), ("ReadError", "E005"),
                     ("Article", ""), ("Article", "")]
    assert items[1].item == "mixed.jsonl:2"
    assert items[4].date is None and items[4].errors[0].startswith("E010")


def test_readers_missing_path(tmp_path: Path) -> None:
    [err] = _items(tmp_path / "nope.txt")
    assert err.message.startswith("E007")


def test_readers_truncated_gzip(tmp_path: Path) -> None:
    g = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(b'{"text": "Peru thanked Chile."}\n' * 1000)
    g.write_bytes(data[: len(data) // 2])
    items = _items(g)
    assert isinstance(items[-1], ReadError) and items[-1].message.startswith("E009")


@pytest.mark.parametrize(
    ("data", "ids"),
    [(b"Russia praised China.", ["stdin"]), (b'{"id": "s1", "text": "Peru thanked Chile."}\n', ["s1"])],
)
def test_readers_stdin_text_or_jsonl(data: bytes, ids: list[str]) -> None:
    items = list(read_stdin(ReadOptions(), io.BytesIO(data)))
    assert [i.id for i in items] == ids
