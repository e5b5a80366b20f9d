"""Readers under hostile input: one bad item costs that item only, with a numbered error naming it."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from dyads.io.readers import ReadError, read_inputs
from dyads.limits import MAX_CHARS, MAX_RECORD_BYTES
from dyads.model import Article

GOOD = ["Japan condemned North Korea.", "Russia condemned Ukraine.", "China praised Pakistan."]


def _items(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def _kinds(items) -> list[tuple[str, str]]:
    """(id, '') for an Article, (item, code) for a ReadError."""
    return [(i.id, "") if isinstance(i, Article) else (i.item, i.message[:4]) for i in items]


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_readers_hostile_deeply_nested_jsonl_line_is_one_error(tmp_path: Path, depth: int) -> None:
    p = tmp_path / "d.jsonl"
    lines = [json.dumps({"id": "g1", "text": GOOD[0]}), "[" * depth + "]" * depth,
             '{"a":' * depth + "1" + "}" * depth, json.dumps({"id": "g2", "text": GOOD[1]})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(p)
    assert _kinds(items) == [("g1", ""), ("d.jsonl:2", "E005"), ("d.jsonl:3", "E005"), ("g2", "")]
    assert "nested" in items[1].message


def test_readers_hostile_csv_stray_quote_recovers_at_next_row(tmp_path: Path) -> None:
    p = tmp_path / "q.csv"
    p.write_text('id,text\ng1,"Russia condemned Ukraine."\nbad,"a"b"c"\ng2,"Japan criticized North Korea."\n',
                 encoding="utf-8")
    items = _items(p)
    assert _kinds(items) == [("g1", ""), ("q.csv:3", "E011"), ("g2", "")]
    assert "q.csv:3" in items[1].message


@pytest.mark.parametrize("bad", [
    'bad,"an unclosed quote\n',  # the quoted field would run to the end of the file
    'bad,"two ""quotes"" then" junk\n',
    "bad,\x00nul\n",
])
def test_readers_hostile_csv_damage_mid_file_costs_one_row(tmp_path: Path, bad: str) -> None:
    rows = [f'g{i},"{t}"\n' for i, t in enumerate(GOOD)]
    p = tmp_path / "m.csv"
    p.write_text("id,text\n" + rows[0] + bad + "".join(rows[1:]), encoding="utf-8")
    items = _items(p)
    assert [i.id for i in items if isinstance(i, Article)] == ["g0", "g1", "g2"]
    [err] = [i for i in items if isinstance(i, ReadError)]
    assert "m.csv:3" in err.message and err.message[:4] in ("E011", "E002")


def test_readers_hostile_csv_multiline_fields_still_read(tmp_path: Path) -> None:
    p = tmp_path / "ml.csv"
    p.write_text('id,text\na,"Peru thanked\nChile."\nb,"He said ""no""\nto Iran."\nc,"Chile thanked Peru."\n',
                 encoding="utf-8")
    items = _items(p)
    assert [(i.id, i.text) for i in items] == [("a", "Peru thanked\nChile."), ("b", 'He said "no"\nto Iran.'),
                                               ("c", "Chile thanked Peru.")]


def test_readers_hostile_csv_bad_utf8_row_costs_one_row(tmp_path: Path) -> None:
    p = tmp_path / "u.tsv"
    p.write_bytes(b"text\tid\n" + GOOD[0].encode() + b"\t1\nCaf\xe9\t2\n" + GOOD[1].encode() + b"\t3\n")
    items = _items(p)
    assert _kinds(items) == [("1", ""), ("u.tsv:3", "E003"), ("3", "")]


def test_readers_hostile_jsonl_line_over_the_byte_limit_is_skipped_unread(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl.gz"
    with gzip.open(p, "wb") as f:
        f.write(json.dumps({"id": "g1", "text": GOOD[0]}).encode() + b"\n")
        f.write(b'{"text": "' + b"x" * (MAX_RECORD_BYTES + 10) + b'"}\n')
        f.write(json.dumps({"id": "g2", "text": GOOD[1]}).encode() + b"\n")
    items = _items(p)
    assert _kinds(items) == [("g1", ""), ("big.jsonl.gz:2", "E014"), ("g2", "")]
    assert f"{MAX_RECORD_BYTES:,}" in items[1].message


def test_readers_hostile_text_over_the_limit_names_it(tmp_path: Path) -> None:
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"id": "long", "text": "a" * (MAX_CHARS + 1)}) + "\n", encoding="utf-8")
    [err] = _items(p)
    assert err.message.startswith("E004") and f"{MAX_CHARS:,}" in err.message
    assert "--max-chars" not in err.message  # no such option


def test_readers_hostile_lone_surrogates_are_replaced_not_fatal(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "s", "text": "Russia attacked \\ud800 Ukraine.", "title": "\\udfff"}\n', encoding="utf-8")
    [art] = _items(p)
    assert isinstance(art, Article)
    assert art.text == "Russia attacked \ufffd Ukraine." and art.title == "\ufffd"
    assert art.errors and art.errors[0].startswith("E012") and "character 16" in art.errors[0]
    art.text.encode("utf-8")  # every string can be written out


def test_readers_hostile_long_metadata_field_is_left_out(tmp_path: Path) -> None:
    from dyads.limits import MAX_FIELD_CHARS

    p = tmp_path / "t.jsonl"
    p.write_text(json.dumps({"id": "t", "text": GOOD[0], "title": "T" * (MAX_FIELD_CHARS + 1), "url": "u"}) + "\n")
    [art] = _items(p)
    assert art.title is None and art.url == "u"
    assert art.errors[0].startswith("E015") and "title" in art.errors[0]


def test_readers_hostile_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)

    def unblock() -> None:  # before the fix the reader blocks on open(); end the test instead of hanging
        fd = os.open(fifo, os.O_WRONLY)
        os.close(fd)

    t = threading.Timer(5.0, unblock)
    t.daemon = True
    t.start()
    try:
        [err] = _items(fifo)
    finally:
        t.cancel()
    assert isinstance(err, ReadError) and err.message.startswith("E013") and "named pipe" in err.message


def test_readers_hostile_empty_path_is_not_the_current_directory(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "here.txt").write_text(GOOD[0])
    monkeypatch.chdir(tmp_path)
    [err] = _items("")
    assert isinstance(err, ReadError) and err.message.startswith("E007")


def test_readers_hostile_symlink_loop_in_a_directory_ends(tmp_path: Path) -> None:
    d = tmp_path / "dir"
    d.mkdir()
    (d / "a.txt").write_text(GOOD[0])
    (d / "loop").symlink_to(d)
    (d / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert [i.id for i in _items(d) if isinstance(i, Article)] == ["a"]


def test_readers_hostile_gzip_with_garbage_after_it_keeps_what_came_before(tmp_path: Path) -> None:
    p = tmp_path / "tail.jsonl.gz"
    p.write_bytes(gzip.compress("".join(json.dumps({"id": f"g{i}", "text": t}) + "\n"
                                        for i, t in enumerate(GOOD)).encode()) + b"\x1f\x8bgarbage")
    items = _items(p)
    assert [i.id for i in items if isinstance(i, Article)] == ["g0", "g1", "g2"]
    assert isinstance(items[-1], ReadError) and items[-1].message.startswith("E009")


def test_readers_hostile_counting_ahead_never_blocks_or_raises(tmp_path: Path) -> None:
    """The progress total is counted before reading: a named pipe is not opened, an empty path is
    not the current directory, a broken table or gzip gives no total rather than an exception."""
    from dyads.io.readers import count_items

    fifo = tmp_path / "p.jsonl"
    os.mkfifo(fifo)
    assert count_items([fifo]) is None
    assert count_items([""]) is None
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b'id,text\n1,"' + b"x" * (MAX_RECORD_BYTES + 10) + b'\n')
    assert count_items([bad]) in (None, 0, 1)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(b'{"text": "a"}\n' * 100)[:40])
    assert count_items([cut]) is None
