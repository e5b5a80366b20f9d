"""HTML pages -> Article: main text, title, date, author, URL; boilerplate and empty pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyads.io.readers import ReadError, ReadOptions, read_inputs
from dyads.io.web.html import extract_page, html_article
from dyads.model import Article
from tests.io.web.pages import BOILERPLATE_EVENTS, TEMPLATES, blog_page, leaked, split_story, wire_page

STORY = """Peru Recalls Ambassador From Chile After Border Incident
LIMA (Reuters) - Peru recalled its ambassador from Chile on Monday after a border incident in the Atacama desert.
Peruvian Foreign Minister Javier Gonzalez Olaechea said the government would ask Santiago for an explanation.
Chile's foreign ministry said it regretted the decision and called for calm talks between the two neighbours.
"""


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_html_extract_keeps_the_story_and_drops_boilerplate(template: str) -> None:
    title, paras = split_story(STORY)
    page = extract_page(TEMPLATES[template](title, paras, date="2024-03-04", author="Marcelo Rochabrun"))
    lines = page.text.splitlines()
    assert lines[0] == title and page.title == title
    assert all(p in lines for p in paras)
    assert leaked(page.text) == []
    assert page.date == "2024-03-04"
    # the div-soup page names no author in its markup; the others do
    assert page.author == (None if template == "divsoup" else "Marcelo Rochabrun")


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_html_seed_page_text_is_the_plain_story(template: str, seed_text: str) -> None:
    title, paras = split_story(seed_text)
    page = extract_page(TEMPLATES[template](title, paras))
    body = [line for line in page.text.splitlines() if not line.startswith("(Reporting by")]
    assert body == [title, *paras]


@pytest.mark.parametrize("name", ["story.html", "story.htm"])
def test_html_file_reader_registers_suffixes(tmp_path: Path, name: str) -> None:
    title, paras = split_story(STORY)
    (tmp_path / name).write_text(wire_page(title, paras, url="https://news.example.com/peru"), encoding="utf-8")
    [art] = list(read_inputs([tmp_path / name]))
    assert isinstance(art, Article) and art.id == "story"
    assert art.url == "https://news.example.com/peru" and art.source == "The Daily Courier"
    assert art.meta["author"] == "Guy Faulconbridge" and art.meta["date_source"] == "page"
    assert art.date == "2024-01-17" and art.title == title


def test_html_page_date_wins_over_option_but_option_fills_gaps(tmp_path: Path) -> None:
    title, paras = split_story(STORY)
    (tmp_path / "dated.html").write_text(wire_page(title, paras), encoding="utf-8")
    bare = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    (tmp_path / "undated.html").write_text(bare, encoding="utf-8")
    dated, undated = read_inputs([tmp_path / "dated.html", tmp_path / "undated.html"], date="2020-01-01")
    assert dated.date == "2024-01-17" and undated.date == "2020-01-01"
    assert undated.meta.get("date_source") == "option"


NAV_ONLY = "<html><head><title>World</title></head><body><ul>" + "".join(
    f"<li><a href='/n/{i}'>{t}</a></li>" for i, t in enumerate(BOILERPLATE_EVENTS)) + "</ul></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.html", b"", "E060"),
        ("blank.html", b"  \n ", "E060"),
        ("nav.html", NAV_ONLY.encode(), "E060"),
        ("app.html", b"<html><body><div id='root'></div><noscript>Enable JavaScript</noscript></body></html>", "E060"),
        ("consent.html", b"<html><body><div class='cookie-banner'><p>We use cookies to improve your experience "
                         b"on our site and to show you personalised advertising.</p></div></body></html>", "E060"),
        ("404.html", b"<html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Sorry, the "
                     b"page you were looking for does not exist or has been moved to a new address.</p></body></html>",
         "E060"),
        ("stub.html", b"<html><body><article><p>Russia praised China.</p></article></body></html>", "E060"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E002"),
    ],
)
def test_html_pages_without_article_text_give_one_numbered_error(tmp_path: Path, name: str, content: bytes,
                                                                 code: str) -> None:
    (tmp_path / name).write_bytes(content)
    [err] = list(read_inputs([tmp_path / name]))
    assert isinstance(err, ReadError) and err.message.startswith(code) and name in err.message
    assert "\n" not in err.message


@pytest.mark.parametrize("cut", [0.55, 0.8])
def test_html_truncated_page_keeps_what_arrived(cut: float) -> None:
    title, paras = split_story(STORY * 3)
    page = wire_page(title, paras)
    item = html_article("cut", page[: int(len(page) * cut)], ReadOptions())
    assert isinstance(item, Article) and leaked(item.text) == []
    assert item.text.splitlines()[0] == title


def test_html_broken_markup_still_extracts() -> None:
    title, paras = split_story(STORY)
    page = blog_page(title, paras).replace("</p>", "").replace("</div>", "", 5).replace("<p>", "<p><b><i>", 2)
    item = html_article("broken", page, ReadOptions())
    assert isinstance(item, Article)
    assert all(p in item.text for p in paras) and leaked(item.text) == []


def test_html_jsonl_records_with_html_field(tmp_path: Path) -> None:
    title, paras = split_story(STORY)
    rows = [
        {"id": "p1", "html": wire_page(title, paras), "date": "2024-05-06", "url": "https://x.test/p1"},
        {"id": "p2", "html": 42},
        {"id": "p3", "html": "<html><body><nav>Home</nav></body></html>"},
        {"id": "p4", "text": "Peru thanked Chile.", "html": "<p>ignored</p>"},
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    p1, p2, p3, p4 = read_inputs([path])
    assert isinstance(p1, Article) and p1.date == "2024-05-06" and p1.url == "https://x.test/p1"
    assert p1.meta["date_source"] == "given" and p1.meta["canonical_url"].startswith("https://news.example.com/")
    assert isinstance(p2, ReadError) and p2.message.startswith("E062 p2")
    assert isinstance(p3, ReadError) and p3.message.startswith("E060 p3")
    assert isinstance(p4, Article) and p4.text == "Peru thanked Chile."


def test_html_teaser_lines_inside_the_body_are_dropped() -> None:
    title, paras = split_story(STORY)
    body = "".join(f"<p>{p}</p>" for p in paras[:2]) + f"<p><strong>READ MORE:</strong> <a href='/x'>" \
        f"{BOILERPLATE_EVENTS[0]}</a></p><p>Related: <a href='/y'>{BOILERPLATE_EVENTS[1]}</a></p>" + \
        f"<p>{paras[2]}</p>"
    page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"
    text = extract_page(page).text
    assert leaked(text) == [] and all(p in text for p in paras)


@pytest.mark.parametrize(
    ("line", "teaser"),
    [("READ MORE: Iran threatens Israel", True), ("Related: China condemns sanctions", True),
     ("Watch: the summit in Pyongyang", True), ("Advertisement", True), ("See also the timeline", True),
     ("More than 100 people were killed in the attack.", False), ("Watch officials said the talks failed.", False),
     ("Advertisement spending fell in Russia.", False), ("Listen to what the minister said next.", False)],
)
def test_html_teaser_lines_are_told_from_sentences(line: str, teaser: bool) -> None:
    from dyads.io.web.html import TEASER_LINE

    assert bool(TEASER_LINE.match(line)) is teaser


def test_html_unlabelled_link_lists_inside_the_body_are_dropped_inline_links_kept() -> None:
    title, paras = split_story(STORY)
    teasers = "<ul>" + "".join(f"<li><a href='/x{i}'>{t}</a></li>" for i, t in enumerate(BOILERPLATE_EVENTS[:3]))
    linked = f"<p><a href='/peru'>{paras[0][:40]}</a>{paras[0][40:]}</p>"
    body = linked + f"<p>{paras[1]}</p>{teasers}</ul><p>{paras[2]}</p><p><a href='/y'>{BOILERPLATE_EVENTS[3]}</a></p>"
    page = (f"<html><head><title>{title}</title></head>"
            f"<body><div class='text'><h1>{title}</h1>{body}</div></body></html>")
    text = extract_page(page).text
    assert leaked(text) == [] and text.splitlines()[1:] == paras


def test_html_web_package_public_names_resolve() -> None:
    import dyads.io.web as web

    assert web.__all__ == sorted(web.__all__)
    for name in web.__all__:
        assert getattr(web, name) is not None
