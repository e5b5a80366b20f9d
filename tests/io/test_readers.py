from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dyads.io.readers import ReadError, ReadOptions, read_inputs, read_stdin
from dyads.model import Article


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
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ignored")
    assert [i.id for i in _items(tmp_path)] == ["a", "b"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E001"),
        ("blank.txt", b"   \n\t ", "E001"),
        ("binary.txt", b"\x00\x01\x02PNG\x00", "E002"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "E003"),
        ("scan.pdf", b"%PDF-1.7\n\x00\x01binary", "E002"),
        ("rows.csv", b'text,id\n"unclosed,1\n', "E011"),
        ("latin1.tsv", "Caf\xe9\t1\n".encode("latin-1"), "E003"),
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
    p.write_text("Russia praised China. " * 250_000)  # ~5.5 MB: over the bytes read for one item
    [err] = _items(p)
    assert isinstance(err, ReadError) and err.message.startswith("E014") and "1,000,000 characters" in err.message


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


def test_readers_stdin_jsonl_is_streamed_not_read_whole() -> None:
    class OneWay(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:  # a pipe: JSONL must be read line by line
            raise AssertionError("stdin JSONL was read whole")

    data = b'\n{"id": "s1", "text": "Peru thanked Chile."}\n{"id": "s2", "text": "Chile thanked Peru."}\n'
    items = read_stdin(ReadOptions(), OneWay(data))
    assert next(items).id == "s1" and [i.id for i in items] == ["s2"]


def test_readers_stdin_huge_text_refused() -> None:
    [err] = read_stdin(ReadOptions(max_chars=10), io.BytesIO(b"Russia praised China. " * 10))
    assert isinstance(err, ReadError) and err.message.startswith("E004 stdin")


def test_readers_csv_with_header_reads_named_columns(tmp_path: Path) -> None:
    p = tmp_path / "news.csv"
    p.write_text('id,date,title,content\na1,2023-05-01,T,"Iran criticized Israel, again."\n'
                 ",,,\n"  # blank rows are skipped
                 'a2,,,"Peru thanked\nChile."\na3,,,\n', encoding="utf-8")
    items = _items(p)
    assert [(type(i).__name__, i.id if isinstance(i, Article) else i.item) for i in items] == [
        ("Article", "a1"), ("Article", "a2"), ("ReadError", "news.csv:6")]  # errors say where, and the id
    assert items[0].text == "Iran criticized Israel, again." and items[0].date == "2023-05-01"
    assert items[0].title == "T" and items[1].text == "Peru thanked\nChile."
    assert items[2].message.startswith("E006 news.csv:6 (id a3)")


def test_readers_headerless_tsv_takes_first_column_as_text(tmp_path: Path) -> None:
    g = tmp_path / "dev.tsv.gz"
    with gzip.open(g, "wt", encoding="utf-8") as f:
        f.write("Russia praised China.\t1\nChile thanked Peru.\t1\n")
    items = _items(g)
    assert [(i.id, i.text) for i in items] == [("dev.tsv.gz:1", "Russia praised China."),
                                               ("dev.tsv.gz:2", "Chile thanked Peru.")]


@pytest.mark.parametrize(
    ("content", "ids"),
    [(b'{"id": "j1", "text": "Peru thanked Chile."}\n', ["j1"]), (b"Russia praised China.\n", ["story"])],
)
def test_readers_unknown_suffix_is_sniffed(tmp_path: Path, content: bytes, ids: list[str]) -> None:
    p = tmp_path / "story.dat"
    p.write_bytes(content)
    assert [i.id for i in _items(p)] == ids


def test_readers_jsonl_text_field_alternatives(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "c", "content": "Peru thanked Chile."}\n{"id": "s", "sentence": "Iran praised Iraq."}\n')
    assert [(i.id, i.text) for i in _items(p)] == [("c", "Peru thanked Chile."), ("s", "Iran praised Iraq.")]
