"""HTML pages -> Articles: the main text, title, date, author and URL of a news page.

trafilatura finds the article body; menus, footers, cookie banners, "related stories" and
"Read more" teasers are dropped. The Article's ``text`` is the headline line followed by the
extracted body, and every offset in the output indexes that text (it is stored with the article,
so evidence spans stay checkable). Importing this module registers the ``.html``/``.htm`` reader
and the JSONL hook for records that carry ``html`` instead of ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from dyads.errors import message
from dyads.io.readers import RECORD_HOOKS, Item, ReadError, ReadOptions, make_article, register_reader, valid_date
from dyads.limits import page_bytes

if TYPE_CHECKING:
    from trafilatura.settings import Document

MIN_WORDS = 12  # fewer words than this is an error/consent/index stub, not an article

# Containers that are never article text, whatever the extractor thinks: an id or class word that
# starts with one of these (cookie-banner, relatedStories, newsletter_signup, most-read, ...).
NOISE_ATTR = re.compile(
    r"(?:^|[\s_-])(cookie|consent|gdpr|newsletter|related|read-?more|also-?read|ticker|promo|most-?read|"
    r"trending|subscribe-box|share-tools|social-share)",
    re.IGNORECASE,
)
_KEEP_TAGS = frozenset({"html", "head", "body", "main", "article"})
_LINK_LISTS = frozenset({"ul", "ol", "dl", "p", "li"})
LINK_DENSITY = 0.9  # share of a list's or paragraph's characters inside <a> that makes it a teaser
# Lines inside the body that are links to other stories or calls to action. Plain words such as
# "Watch" or "More" only count when a separator follows ("Watch: ...", "More - ..."), so a sentence
# that starts with them ("More than 100 people ...") stays.
TEASER_LINE = re.compile(
    r"^\s*(?:(?:read more|read also|also read|see also|more on this (?:story|topic)|"
    r"related (?:stories|articles|coverage|content)|click here|follow us on)\b"
    r"|(?:related|recommended|watch|listen|advertisement|subscribe|sign up|more|editor'?s picks?|trending)"
    r"\s*(?:[:|»>]|[-–—]\s)"
    r"|(?:advertisement|scroll to continue(?: reading)?)\s*$)",
    re.IGNORECASE,
)
ERROR_TITLE = re.compile(
    r"(?:\bpage not found\b|^404\b|\b404 (?:error|not found)\b|\berror 404\b|\baccess denied\b|\b403 forbidden\b|"
    r"\bsubscribe to (?:continue|read)\b|\benable javascript\b|\bare you a robot\b|^just a moment)",
    re.IGNORECASE,
)


_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def decode_html(payload: bytes, content_type: str | None) -> str | bytes:
    """Decode with the HTTP charset when one is declared; else leave bytes for the extractor to detect."""
    m = _CHARSET.search(content_type or "")
    if m:
        try:
            return payload.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return payload


@dataclass(frozen=True, slots=True)
class Page:
    """What a news page holds: the article text (headline first) and its metadata."""

    text: str
    title: str | None
    date: str | None
    author: str | None
    url: str | None
    sitename: str | None


class NoArticleText(ValueError):
    """The page parsed but holds no article text (``args[0]`` says why)."""


class BadHTML(ValueError):
    """The page could not be parsed at all."""


def _link_only(el: Any) -> bool:
    """A list or paragraph whose words are (nearly) all link text: a teaser, not article prose."""
    if el.find(".//a") is None:
        return False
    text = " ".join(el.text_content().split())
    if text.count(" ") < 2:
        return False
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return linked >= LINK_DENSITY * len(text)


def _prune(tree: Any) -> None:
    """Drop banner, teaser and sign-up containers and link-only lists and paragraphs (one pass in
    Python: cheaper than an XPath)."""
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in _KEEP_TAGS or el.getparent() is None:
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if (attrs != " " and NOISE_ATTR.search(attrs)) or (el.tag in _LINK_LISTS and _link_only(el)):
            el.drop_tree()


def _body_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not TEASER_LINE.match(line)]


def extract_page(html: str | bytes, url: str | None = None, min_words: int = MIN_WORDS) -> Page:
    """The article in an HTML page; raises :class:`NoArticleText` or :class:`BadHTML`."""
    import trafilatura

    if not html or not html.strip():
        raise NoArticleText("the page is empty")
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            raise NoArticleText("no HTML document in it")
        _prune(tree)
        doc = cast("Document | None", trafilatura.bare_extraction(
            tree, url=url, fast=True, favor_precision=True, include_comments=False, with_metadata=True,
            date_extraction_params={"original_date": True},
        ))
    except NoArticleText:
        raise
    except Exception as exc:  # a third-party parser on untrusted input: any failure is this page's
        raise BadHTML(f"{type(exc).__name__}: {exc}"[:200]) from exc
    if doc is None or not (doc.text or "").strip():
        raise NoArticleText("no main text block")
    title = " ".join(doc.title.split()) if doc.title else None
    if title and ERROR_TITLE.search(title) and len((doc.text or "").split()) < 80:
        raise NoArticleText(f"looks like an error page titled {title!r}")
    lines = _body_lines(doc.text or "")
    if title and lines and lines[0] == title:
        lines = lines[1:]
    words = sum(len(line.split()) for line in lines)
    if words < min_words:
        raise NoArticleText(f"{words} word(s) of text, fewer than {min_words}")
    text = "\n".join([title, *lines] if title else lines)
    author = " ".join(doc.author.split()) if doc.author else None
    return Page(text=text, title=title, date=valid_date(doc.date), author=author or None,
                url=doc.url or url, sitename=doc.sitename or None)


def html_article(ident: str, html: str | bytes, opts: ReadOptions, *, url: str | None = None,
                 label: str | None = None, date: str | None = None, source: str | None = None,
                 date_wins: bool = False, date_label: str = "given", meta: dict[str, Any] | None = None) -> Item:
    """An Article from one page, or a ReadError naming ``label`` (default: ``ident``).

    ``url`` is where the page came from (it wins over the page's canonical link); ``date`` is a
    fallback publication date (feed entry, crawl date) used when the page states none, or the
    date to use whatever the page says when ``date_wins`` (a date the user gave explicitly).
    ``meta["date_source"]`` says where the date came from: page, ``date_label`` or option.
    """
    name = label or ident
    limit = page_bytes(opts.max_chars)
    if len(html) > limit:
        return ReadError(name, message("E014", item=name, what="the page", limit=limit, chars=opts.max_chars))
    if isinstance(html, bytes) and b"\x00" in html[:8192]:
        return ReadError(name, message("E002", item=name))
    try:
        page = extract_page(html, url=url)
    except NoArticleText as exc:
        return ReadError(name, message("E060", item=name, detail=exc.args[0]))
    except BadHTML as exc:
        return ReadError(name, message("E061", item=name, detail=exc.args[0]))
    extra: dict[str, Any] = dict(meta or {})
    if page.author:
        extra["author"] = page.author
    if page.url and url and page.url != url:
        extra["canonical_url"] = page.url
    given = valid_date(date)
    chosen, how = ((given, date_label) if date_wins and given else (page.date, "page") if page.date
                   else (given, date_label) if given else (None, "option"))
    art = make_article(ident, page.text, opts, label=name, date=chosen,
                       title=page.title, url=url or page.url, source=source or page.sitename)
    if not isinstance(art, ReadError):
        art.meta.update(extra)
        if art.date:
            art.meta["date_source"] = how
        if date_wins and date and not given:
            art.errors.append(message("E010", item=ident, value=date))
    return art


def read_html(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """A saved web page (.html/.htm): one Article named after the file."""
    limit = page_bytes(opts.max_chars)
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        yield ReadError(path.name, message("E014", item=path.name, what="the page", limit=limit, chars=opts.max_chars))
        return
    yield html_article(path.stem, data, opts, label=path.name)


def html_record_hook(ident: str, obj: dict[str, Any], opts: ReadOptions) -> Item | None:
    """JSONL records with an ``html`` field (and no ``text``) are extracted like pages."""
    if "html" not in obj or obj.get("text") not in (None, ""):
        return None
    html = obj["html"]
    if not isinstance(html, str):
        return ReadError(ident, message("E062", item=ident))

    def opt_str(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value else None

    return html_article(ident, html, opts, url=opt_str("url"), date=opt_str("date"), source=opt_str("source"),
                        date_wins=True)


def register() -> None:
    """Register the readers (idempotent; runs on import)."""
    register_reader(".html", read_html)
    register_reader(".htm", read_html)
    if html_record_hook not in RECORD_HOOKS:
        RECORD_HOOKS.append(html_record_hook)


register()
