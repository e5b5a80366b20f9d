"""Realistic news pages built by hand: a news text wrapped in the boilerplate of real sites.

Each template surrounds the article with a cookie banner, navigation menus, share buttons,
"related stories", a "most read" box, a newsletter sign-up and a footer. The boilerplate
deliberately contains sentences the coder would code (``BOILERPLATE_EVENTS``), so a leak shows up
as an event. Used by the tests and by ``benchmarks/warc.py``.
"""

from __future__ import annotations

import html
import json
import zlib
from collections.abc import Sequence

# Sentences that must never be coded when they appear around an article.
BOILERPLATE_EVENTS = (
    "China condemns new US sanctions on Iranian oil exports",
    "Germany and France sign defence pact in Paris",
    "Israel accuses Hezbollah of firing rockets across the border",
    "Turkey threatens to block Sweden's NATO membership bid",
    "India and Pakistan trade fire along the Line of Control",
    "Brazil recalls its ambassador from Israel",
    "Japan protests Chinese coast guard incursion near the Senkaku islands",
    "Venezuela expels Spanish diplomats after election dispute",
)

COOKIE_TEXT = (
    "We and our 842 partners use cookies and similar technologies to store and access information "
    "on your device, to personalise ads and content and to measure audiences. By clicking Accept all "
    "you consent to this use; you can change your choice at any time under Privacy settings."
)
NEWSLETTER_TEXT = "Sign up for our Morning Briefing: the day's top stories, delivered to your inbox every weekday."
FOOTER_TEXT = "Copyright 2024 The Daily Courier Media Group. All rights reserved. Terms of use. Privacy policy."

BOILERPLATE_STRINGS = (*BOILERPLATE_EVENTS, COOKIE_TEXT, NEWSLETTER_TEXT, FOOTER_TEXT,
                       "Most read", "Related stories", "Accept all")

NAV = ("World", "Politics", "Business", "Technology", "Climate", "Opinion", "Sport", "Video")


def _slug(title: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in title.split()[:6])


def _links(items: Sequence[str], cls: str) -> str:
    return "\n".join(f'<li class="{cls}"><a href="/news/{i}-{zlib.crc32(t.encode()) % 10**6}">{html.escape(t)}</a></li>'
                     for i, t in enumerate(items))


def _json_ld(title: str, date: str, author: str, url: str, site: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "datePublished": f"{date}T09:14:00Z", "dateModified": f"{date}T11:02:00Z",
            "author": [{"@type": "Person", "name": author}], "mainEntityOfPage": url,
            "publisher": {"@type": "Organization", "name": site}}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _head(title: str, date: str, author: str, url: str, site: str) -> str:
    t = html.escape(title)
    return f"""<head>
<meta charset="utf-8">
<title>{t} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{t}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T09:14:00Z">
<meta name="author" content="{html.escape(author)}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/static/css/main.4f2a9c.css">
{_json_ld(title, date, author, url, site)}
<script>window.dataLayer=window.dataLayer||[];
function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head>"""


def _cookie_banner() -> str:
    return f"""<div id="cookie-consent" class="consent-banner" role="dialog" aria-label="Cookie consent">
  <h2>We value your privacy</h2>
  <p>{COOKIE_TEXT}</p>
  <button class="btn accept">Accept all</button> <button class="btn reject">Reject all</button>
  <a href="/privacy-settings">Privacy settings</a>
</div>"""


def _header(site: str) -> str:
    return f"""<header class="site-header">
  <a class="logo" href="/">{site}</a>
  <nav class="main-nav" aria-label="Main"><ul>{_links(NAV, "nav-item")}</ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"></form>
  <a class="subscribe" href="/subscribe">Subscribe</a> <a href="/login">Sign in</a>
</header>
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/world">World</a> &rsaquo;
  <a href="/world/europe">Europe</a></nav>"""


def _share() -> str:
    return """<div class="share-tools"><span>Share this article</span>
  <a href="https://twitter.com/intent/tweet">Twitter</a> <a href="https://facebook.com/sharer">Facebook</a>
  <a href="mailto:?subject=news">Email</a> <button>Copy link</button></div>"""


def _related(items: Sequence[str]) -> str:
    return f"""<aside class="related" aria-label="Related stories">
  <h2>Related stories</h2><ul>{_links(items, "related-item")}</ul></aside>"""


def _most_read(items: Sequence[str]) -> str:
    return f"""<section class="most-read"><h2>Most read</h2><ol>{_links(items, "most-read-item")}</ol></section>"""


def _newsletter() -> str:
    return f"""<div class="newsletter-signup"><h3>Morning Briefing</h3><p>{NEWSLETTER_TEXT}</p>
  <form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>"""


def _footer(site: str) -> str:
    cols = ("About us", "Contact", "Careers", "Advertise", "Corrections", "Accessibility", "Sitemap")
    return f"""<footer class="site-footer"><ul>{_links(cols, "footer-link")}</ul>
  <p>{FOOTER_TEXT}</p><p>{site} is not responsible for the content of external sites.</p></footer>"""


def _paragraphs(paragraphs: Sequence[str]) -> str:
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def wire_page(title: str, paragraphs: Sequence[str], *, date: str = "2024-01-17", author: str = "Guy Faulconbridge",
              url: str | None = None, site: str = "The Daily Courier") -> str:
    """A newspaper site: semantic <article>, byline, related box inside the article column."""
    url = url or f"https://news.example.com/world/europe/{_slug(title)}-{date}"
    body = _paragraphs(paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
{_head(title, date, author, url, site)}
<body class="article-page">
{_cookie_banner()}
{_header(site)}
<main id="main-content">
<div class="ad-slot ad-leaderboard" data-ad="top">Advertisement</div>
<article class="story">
  <header class="story-header">
    <h1 class="headline">{html.escape(title)}</h1>
    <div class="byline">By <a rel="author" href="/authors/gf">{html.escape(author)}</a></div>
    <time datetime="{date}T09:14:00Z">Published {date}</time>
  </header>
  {_share()}
  <div class="story-body">
{body}
  </div>
  <p class="story-credit">(Reporting by the Moscow bureau; editing by the World desk)</p>
  {_related(BOILERPLATE_EVENTS[:4])}
</article>
{_most_read(BOILERPLATE_EVENTS[4:])}
{_newsletter()}
</main>
{_footer(site)}
<script src="/static/js/app.9b1e.js"></script>
</body></html>"""


def blog_page(title: str, paragraphs: Sequence[str], *, date: str = "2024-01-17", author: str = "Anna Petrova",
              url: str | None = None, site: str = "World Post") -> str:
    """A WordPress-style site: div soup, sidebar widgets, inline 'Read more' teaser in the text."""
    url = url or f"https://worldpost.example.org/{date.replace('-', '/')}/{_slug(title)}/"
    half = max(1, len(paragraphs) // 2)
    teaser = (f'<p class="read-more"><strong>Read more:</strong> '
              f'<a href="/2024/01/10/x/">{BOILERPLATE_EVENTS[5]}</a></p>')
    return f"""<!DOCTYPE html>
<html lang="en-US">
{_head(title, date, author, url, site)}
<body class="post-template-default single single-post">
<div id="page" class="site">
{_header(site)}
<div id="content" class="site-content"><div class="container"><div class="row">
<div id="primary" class="content-area col-md-8">
<div class="post type-post status-publish format-standard hentry">
  <h1 class="entry-title">{html.escape(title)}</h1>
  <div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published"
    datetime="{date}T09:14:00+00:00">{date}</time></span>
    <span class="byline"> by <span class="author vcard">
      <a class="url fn n" href="/author/ap/">{author}</a></span></span>
  </div>
  <div class="entry-content">
{_paragraphs(paragraphs[:half])}
{teaser}
{_paragraphs(paragraphs[half:])}
  </div>
  <div class="entry-footer"><span class="cat-links">Posted in <a href="/category/world/">World</a></span>
    <span class="tags-links">Tagged <a href="/tag/russia/">Russia</a>,
      <a href="/tag/north-korea/">North Korea</a></span></div>
</div>
<nav class="post-navigation"><div class="nav-previous"><a href="/prev/">{BOILERPLATE_EVENTS[6]}</a></div>
<div class="nav-next"><a href="/next/">{BOILERPLATE_EVENTS[7]}</a></div></nav>
<div id="comments" class="comments-area"><h3>Leave a Reply</h3>
  <form><textarea name="comment"></textarea><button>Post Comment</button></form></div>
</div>
<div id="secondary" class="widget-area col-md-4">
  <section class="widget"><h2 class="widget-title">Recent Posts</h2>
    <ul>{_links(BOILERPLATE_EVENTS[:3], "rp")}</ul></section>
  {_newsletter()}
</div>
</div></div></div>
{_footer(site)}
{_cookie_banner()}
</div></body></html>"""


def portal_page(title: str, paragraphs: Sequence[str], *, date: str = "2024-01-17", author: str = "Staff Reporter",
                url: str | None = None, site: str = "NewsPortal") -> str:
    """A portal with ads between paragraphs, an embedded 'also read' box and a live ticker."""
    url = url or f"https://portal.example.net/news/{date}/{_slug(title)}"
    parts = []
    for i, p in enumerate(paragraphs):
        parts.append(f"<p>{html.escape(p)}</p>")
        if i == 1:
            parts.append('<div class="ad inline-ad">Advertisement - Scroll to continue reading</div>')
        if i == 3:
            parts.append(f'<div class="also-read"><span>ALSO READ</span> '
                         f'<a href="/n/1">{BOILERPLATE_EVENTS[1]}</a></div>')
    ticker = " | ".join(BOILERPLATE_EVENTS[2:5])
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{html.escape(title)} - {site}</title>
<meta name="description" content="{html.escape(paragraphs[0][:150])}">
<meta name="pubdate" content="{date.replace('-', '')}">
</head>
<body>
<div class="ticker"><b>BREAKING:</b> {ticker}</div>
{_header(site)}
<table class="layout"><tr><td class="left-rail"><ul>{_links(NAV, "rail")}</ul></td>
<td class="center">
<div class="article-container" itemscope itemtype="https://schema.org/NewsArticle">
  <h1 itemprop="headline">{html.escape(title)}</h1>
  <div class="meta"><span itemprop="author">{author}</span> |
    <span itemprop="datePublished" content="{date}">{date}</span></div>
  <div itemprop="articleBody">
{chr(10).join(parts)}
  </div>
</div>
{_related(BOILERPLATE_EVENTS[5:])}
</td></tr></table>
{_cookie_banner()}
{_footer(site)}
</body></html>"""


def divsoup_page(title: str, paragraphs: Sequence[str], *, date: str = "2024-01-17", author: str = "World Desk",
                 url: str | None = None, site: str = "The Ledger") -> str:
    """A site whose markup names nothing: no <article>, no 'cookie'/'related' classes, teaser cards
    with summaries that read like news, an unlabelled consent dialog."""
    url = url or f"https://ledger.example.com/a/{_slug(title)}"
    cards = "".join(f'<div class="card"><a href="/a/{i}"><h3>{html.escape(t)}</h3></a>'
                    f"<p>{html.escape(t)}, officials said on Monday.</p></div>"
                    for i, t in enumerate(BOILERPLATE_EVENTS[:4]))
    viewed = "".join(f'<li><a href="/m/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(BOILERPLATE_EVENTS[4:]))
    return f"""<!DOCTYPE html>
<html><head><title>{html.escape(title)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body>
<div id="cmp-container"><div class="cmp-body"><p>{COOKIE_TEXT}</p><span>Accept all</span></div></div>
<div class="top"><a href="/">{site}</a> {" ".join(f"<span>{n}</span>" for n in NAV)}</div>
<div class="content">
<h1>{html.escape(title)}</h1>
<div class="info">{html.escape(author)} · {date}</div>
<div class="text">
{_paragraphs(paragraphs)}
</div>
<h2>More from World</h2>
<div class="cards">{cards}</div>
<div class="box"><h3>Most viewed</h3><ul>{viewed}</ul></div>
</div>
<div class="bottom"><p>{NEWSLETTER_TEXT}</p><p>{FOOTER_TEXT}</p></div>
</body></html>"""


TEMPLATES = {"wire": wire_page, "blog": blog_page, "portal": portal_page, "divsoup": divsoup_page}


def split_story(text: str) -> tuple[str, list[str]]:
    """A plain-text story (first line = headline) -> (title, paragraphs)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0], lines[1:]


def leaked(text: str) -> list[str]:
    """The boilerplate strings that appear in ``text``."""
    return [s for s in BOILERPLATE_STRINGS if s in text]
