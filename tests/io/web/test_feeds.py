"""RSS/Atom feeds -> entries; documents that are not feeds give E065."""

from __future__ import annotations

import pytest

from dyads.io.web.feeds import FeedError, parse_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Courier - World</title><link>https://news.example.com/world</link>
<item><title>Peru recalls ambassador</title><link>https://news.example.com/peru#top</link>
  <guid isPermaLink="false">courier-1</guid><pubDate>Mon, 04 Mar 2024 09:14:00 GMT</pubDate></item>
<item><title>Relative link</title><link>/world/chile</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate></item>
<item><title>No link at all</title><description>Just a note.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World Post</title><id>urn:wp</id>
<updated>2024-03-05T00:00:00Z</updated>
<entry><title>Japan and Korea talk</title><id>urn:wp:1</id><link rel="alternate" href="https://wp.example.org/1"/>
  <updated>2024-03-05T08:00:00Z</updated><published>2024-03-04T22:00:00Z</published></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://p.example.net/"><title>Portal</title></channel>
<item rdf:about="https://p.example.net/9"><title>Egypt mediates</title><link>https://p.example.net/9</link>
<dc:date>2024-03-06</dc:date></item></rdf:RDF>"""


def test_feeds_rss_entries_links_dates_and_keys() -> None:
    feed = parse_feed(RSS, "world.xml", base_url="https://news.example.com/rss.xml")
    assert feed.title == "Daily Courier - World" and feed.version == "rss20"
    a, b, c = feed.entries
    assert (a.link, a.date, a.key) == ("https://news.example.com/peru#top", "2024-03-04", "https://news.example.com/peru")
    assert b.link == "https://news.example.com/world/chile" and b.date == "2024-03-05"
    assert c.link is None and c.key.startswith("title:")


@pytest.mark.parametrize(("data", "link", "date"), [(ATOM, "https://wp.example.org/1", "2024-03-04"),
                                                    (RDF, "https://p.example.net/9", "2024-03-06")])
def test_feeds_atom_and_rdf(data: bytes, link: str, date: str) -> None:
    [entry] = parse_feed(data, "feed").entries
    assert entry.link == link and entry.date == date


def test_feeds_empty_channel_is_a_feed_with_no_entries() -> None:
    feed = parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>', "f")
    assert feed.entries == []


def test_feeds_lenient_with_small_xml_errors() -> None:
    data = RSS.replace(b"Peru recalls ambassador", b"Peru&nbsp;recalls ambassador")
    feed = parse_feed(data, "world.xml")
    assert len(feed.entries) == 3 and feed.warnings and "world.xml" in feed.warnings[0]


@pytest.mark.parametrize(
    "data",
    [b"", b"   ", b"<html><head><title>News</title></head><body><p>Hello</p></body></html>",
     b'{"items": [{"title": "json feed"}]}', b"plain text, not xml {", b"\x89PNG\r\n\x1a\n\x00\x00"],
)
def test_feeds_not_a_feed_gives_e065(data: bytes) -> None:
    with pytest.raises(FeedError) as info:
        parse_feed(data, "https://news.example.com/feed")
    msg = str(info.value)
    assert msg.startswith("E065 https://news.example.com/feed") and "\n" not in msg
