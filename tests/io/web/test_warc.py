"""WARC files -> Articles: streaming, HTML responses only, dedup, truncation and non-WARC input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from dyads.io.readers import ReadError, ReadOptions, read_inputs
from dyads.io.web.warc import WarcReader, normalize_url
from dyads.model import Article
from tests.io.web.conftest import write_warc
from tests.io.web.pages import blog_page, leaked, portal_page, wire_page

STORIES = [
    ("Germany Summons Russian Ambassador Over Cyber Attack",
     ["Germany summoned the Russian ambassador on Friday over a cyber attack on the ruling party's email accounts.",
      "The foreign ministry in Berlin said the attack was carried out by a unit of Russia's military intelligence.",
      "Moscow denied any involvement and accused Berlin of spreading anti-Russian propaganda."]),
    ("Japan and South Korea Agree to Resume Security Talks",
     ["Japan and South Korea agreed on Tuesday to resume high-level security talks suspended since 2018.",
      "The foreign ministers of both countries met in Tokyo and pledged to deepen cooperation on North Korea.",
      "Washington welcomed the agreement and said it would strengthen the alliance between the three nations."]),
    ("Egypt Mediates Between Israel and Hamas",
     ["Egyptian officials held separate meetings with Israeli and Hamas delegations in Cairo on Sunday.",
      "Egypt proposed a ceasefire plan that would see hostages released in exchange for Palestinian prisoners.",
      "Hamas said it was studying the proposal, while Israel did not comment on the talks.",
      "The French daily Le Monde called it a «médiation égyptienne» of last resort."]),
]


def _records() -> list[tuple]:
    (t0, p0), (t1, p1), (t2, p2) = STORIES
    return [
        ("https://news.example.com/a", wire_page(t0, p0), 200, "text/html; charset=utf-8"),
        ("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), 200, "image/png"),
        ("https://news.example.com/missing", "<html><body>Not found</body></html>", 404, "text/html"),
        ("https://NEWS.example.com/a#comments", wire_page(t0, p0), 200, "text/html"),  # same URL
        ("https://mirror.example.org/b", blog_page(t1, p1), 200, "text/html; charset=utf-8"),
        ("https://mirror.example.org/b?utm=1", blog_page(t1, p1), 200, "text/html"),  # same bytes, other URL
        ("https://portal.example.net/b", portal_page(t1, p1), 200, "text/html"),  # same article, other site
        ("https://news.example.com/index", "<html><body><nav><a href='/a'>A</a></nav></body></html>", 200,
         "text/html"),
        ("https://latin.example.com/c", portal_page(t2, p2).encode("latin-1", "replace"), 200,
         "text/html; charset=iso-8859-1"),
    ]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_reads_html_responses_once(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), _records(), gzip=gz)
    items = list(read_inputs([path]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [a.id for a in arts] == ["https://news.example.com/a", "https://mirror.example.org/b",
                                    "https://latin.example.com/c"]
    assert [a.title for a in arts] == [s[0] for s in STORIES]
    assert all(leaked(a.text) == [] for a in arts)
    assert "«médiation égyptienne»" in arts[2].text  # decoded with the HTTP charset
    assert arts[0].meta["warc"] == path.name and arts[0].meta["offset"] == 0
    assert len(errs) == 1 and errs[0].message.startswith("E060") and "https://news.example.com/index" in errs[0].message


def test_warc_stats_count_what_was_skipped(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", _records())
    reader = WarcReader(ReadOptions())
    with open(path, "rb") as f:
        list(reader.read(f, path.name, size=path.stat().st_size))
    s = reader.stats
    assert (s.records, s.articles, s.duplicate_url, s.duplicate_content, s.skipped, s.errors) == (9, 3, 1, 2, 2, 1)


def test_warc_crawl_date_is_the_fallback_date(tmp_path: Path) -> None:
    bare = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in STORIES[0][1]) + "</article></body></html>"
    path = write_warc(tmp_path / "c.warc", [("https://x.test/1", bare, 200, "text/html")], gzip=False)
    [art] = list(read_inputs([path]))
    assert art.date is not None and art.meta["date_source"] == "crawl"


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("keep", [0.97, 0.6])
def test_warc_truncated_file_keeps_earlier_articles_and_names_the_offset(tmp_path: Path, gz: bool,
                                                                           keep: float) -> None:
    recs = [(f"https://a.test/{i}", wire_page(t, p), 200, "text/html") for i, (t, p) in enumerate(STORIES)]
    full = write_warc(tmp_path / "full.warc", recs, gzip=gz)
    data = full.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * keep)])
    items = list(read_inputs([cut]))
    *arts, err = items
    assert all(isinstance(a, Article) for a in arts) and len(arts) == (2 if keep > 0.9 else 1)
    assert isinstance(err, ReadError) and err.message.startswith("E063") and cut.name in err.message
    assert "byte" in err.message and "\n" not in err.message


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.warc", b"these are my notes, not a crawl\n"), ("page.warc", b"<html><body>hi</body></html>"),
     ("bad.warc.gz", b"\x1f\x8b\x08\x00garbage"), ("empty.warc", b"")],
)
def test_warc_not_a_warc_gives_e064(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)
    items = list(read_inputs([tmp_path / name]))
    assert len(items) <= 1
    if items:
        assert isinstance(items[0], ReadError) and items[0].message.startswith(("E064", "E063"))


class _CountingReader(io.RawIOBase):
    def __init__(self, path: Path) -> None:
        self.f = open(path, "rb")  # noqa: SIM115
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.f.readinto(b)
        self.read_bytes += n
        return n

    def close(self) -> None:
        self.f.close()
        super().close()


def test_warc_streams_record_by_record(tmp_path: Path) -> None:
    recs = [(f"https://a.test/{i}", wire_page(f"Story number {i} about Chile and Peru", [
        f"Peru and Chile signed trade agreement number {i} in Lima on Monday, officials said.",
        f"The agreement {i} cuts tariffs on copper and fish between the two countries by half."]), 200, "text/html")
        for i in range(200)]
    path = write_warc(tmp_path / "big.warc.gz", recs)
    stream = _CountingReader(path)
    items = WarcReader(ReadOptions()).read(stream, path.name)
    first = next(items)
    assert isinstance(first, Article) and first.id == "https://a.test/0"
    assert stream.read_bytes < path.stat().st_size / 10
    assert sum(1 for _ in items) == 199
    stream.close()


@pytest.mark.parametrize(
    ("url", "key"),
    [("HTTPS://News.Example.com/a#top", "https://news.example.com/a"), ("http://x.test", "http://x.test/"),
     ("http://x.test/p?q=1", "http://x.test/p?q=1")],
)
def test_warc_normalize_url(url: str, key: str) -> None:
    assert normalize_url(url) == key
