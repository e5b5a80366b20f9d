"""WARC ingest: extraction throughput, coding throughput against plain text, and boilerplate leaks.

    .venv/bin/python benchmarks/warc.py [--n 400] [--no-coding]

Takes the first N titled articles of ../shared/data/bench/news-corpus.jsonl.gz, wraps each in one
of the hand-built news-page templates of tests/web/pages.py (cookie banner, menus, "related
stories" and "most read" boxes whose headlines are codable sentences, newsletter box, footer),
and writes them to a .warc.gz with the noise of a real crawl (request records, images, a 404,
every 10th page crawled twice). Then it prints, in the same process:

* read + extract: articles/s from the WARC (streamed through ``read_inputs``), best of 3 runs,
  against reading the same texts from a .jsonl.gz (the no-HTML baseline);
* extraction fidelity: share of articles whose extracted text is exactly the original
  headline + paragraphs, and share of pages where any boilerplate string reached the text;
* ingest (unless --no-coding): articles/s for WARC -> DuckDB store (read, extract, code, write
  with ``dyads.services.ingest``) against plain-text JSONL -> store; then, from the two stores, the
  share of events whose evidence contains boilerplate (target 0), the share of articles whose
  (source, CAMEO, target) set equals the plain text's, and whether every evidence span indexes
  the stored text.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/data/bench/news-corpus.jsonl.gz"
UNDATED = "2005-01-01"  # the BBC set (2004-05) has no dates
sys.path.insert(0, str(ROOT))  # the page templates live with the tests

from tests.io.web.pages import BOILERPLATE_STRINGS, TEMPLATES, leaked  # noqa: E402


def stories(path: Path, n: int) -> Iterator[dict]:
    """Titled articles with at least two paragraphs, as {id, title, paras, date}."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        got = 0
        for line in f:
            r = json.loads(line)
            paras = [" ".join(p.split()) for p in r["text"].split("\n") if p.strip()]
            if not r.get("title") or len(paras) < 2 or sum(len(p.split()) for p in paras) < 40:
                continue
            date = r.get("date") or UNDATED  # the same date for the page and the plain text
            yield {"id": r["id"], "title": " ".join(r["title"].split()), "paras": paras, "date": date}
            got += 1
            if got >= n:
                return


def plain(s: dict) -> str:
    return "\n".join([s["title"], *s["paras"]])


def write_crawl(path: Path, items: list[dict]) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    names = sorted(TEMPLATES)
    records = 0
    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=True)

        def response(url: str, body: bytes, status: str, ctype: str) -> None:
            nonlocal records
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            records += 1

        for i, s in enumerate(items):
            url = f"https://news{i % 7}.example.com/story/{s['id']}"
            req = StatusAndHeaders(f"GET /story/{s['id']} HTTP/1.1", [("Host", "x")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            page = TEMPLATES[names[i % len(names)]](s["title"], s["paras"], date=s["date"])
            response(url, page.encode("utf-8"), "200 OK", "text/html; charset=utf-8")
            if i % 10 == 0:
                response(url, page.encode("utf-8"), "200 OK", "text/html; charset=utf-8")  # crawled twice
                response(f"{url}.png", b"\x89PNG\r\n\x1a\n" + bytes(2000), "200 OK", "image/png")
                response(f"{url}/gone", b"<html>gone</html>", "404 Not Found", "text/html")
            records += 1
    return records


def best_of(runs: int, fn: Callable[[], int]) -> tuple[float, int]:
    """(best articles/s, count) over ``runs`` runs of ``fn`` (which returns how many it made)."""
    best, count = 0.0, 0
    for _ in range(runs):
        t0 = time.perf_counter()
        count = fn()
        best = max(best, count / (time.perf_counter() - t0))
    return best, count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-coding", action="store_true", help="only read + extract")
    a = ap.parse_args()

    from dyads.io.readers import ReadError, read_inputs
    from dyads.model import Article

    items = list(stories(a.corpus, a.n))
    by_id = {f"https://news{i % 7}.example.com/story/{s['id']}": s for i, s in enumerate(items)}
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "crawl.warc.gz"
        records = write_crawl(warc, items)
        jsonl = Path(tmp) / "plain.jsonl.gz"
        with gzip.open(jsonl, "wt", encoding="utf-8") as f:
            for s in items:
                f.write(json.dumps({"id": s["id"], "text": plain(s), "date": s["date"]}) + "\n")
        print(f"{len(items)} articles, {records} WARC records, {warc.stat().st_size / 1e6:.1f} MB gzipped")

        def from_warc() -> int:
            return sum(1 for i in read_inputs([warc]) if isinstance(i, Article))

        def from_jsonl() -> int:
            return sum(1 for i in read_inputs([jsonl]) if isinstance(i, Article))

        warc_rate, n_warc = best_of(3, from_warc)
        jsonl_rate, _ = best_of(3, from_jsonl)
        print(f"read + extract: {warc_rate:,.0f} articles/s from WARC ({n_warc} articles) vs {jsonl_rate:,.0f}/s "
              f"from JSONL, best of 3; peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

        arts = [i for i in read_inputs([warc]) if isinstance(i, Article)]
        errors = [i for i in read_inputs([warc]) if isinstance(i, ReadError)]
        from dyads.io.readers import ReadOptions
        from dyads.io.web.warc import WarcReader

        reader = WarcReader(ReadOptions())
        with open(warc, "rb") as f:
            for _ in reader.read(f, warc.name):
                pass
        print(f"WARC: {reader.stats}")

        def body(text: str) -> str:  # the wire template adds a "(Reporting by ...)" credit line
            return "\n".join(line for line in text.splitlines() if not line.startswith("(Reporting by"))

        exact = sum(1 for art in arts if body(art.text) == plain(by_id[art.id]))
        leaky = [art.id for art in arts if leaked(art.text)]
        print(f"extraction: {exact}/{len(arts)} texts exactly the original ({exact / max(len(arts), 1):.1%}); "
              f"pages with boilerplate in the text: {len(leaky)} ({len(leaky) / max(len(arts), 1):.1%}); "
              f"read errors: {len(errors)}")
        for e in errors[:3]:
            print(f"  {e.message}")
        for art_id in leaky[:3]:
            print(f"  leak in {art_id}: {leaked(next(x for x in arts if x.id == art_id).text)}")
        if a.no_coding:
            return

        import dyads
        from dyads.services.ingest import ingest

        dyads.get_pipeline()  # load the model before timing
        rates = {}
        for name, src in (("warc", warc), ("plain", jsonl)):
            t0 = time.perf_counter()
            rep = ingest([src], Path(tmp) / f"{name}.duckdb")
            rates[name] = rep.written.articles / (time.perf_counter() - t0)
            print(f"ingest {name}: {rep.summary()}")
        print(f"ingest (read, extract, code, store): {rates['warc']:.1f} articles/s from WARC vs "
              f"{rates['plain']:.1f}/s from plain-text JSONL (ratio {rates['warc'] / rates['plain']:.2f})")

        from dyads.store import Store

        def stored(name: str) -> dict[str, Article]:
            """Every article of a store, read back through the store's API (events included)."""
            with Store.open(Path(tmp) / f"{name}.duckdb", read_only=True) as store:
                ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
                return {i: store.article(i) for i in ids}

        def triples(art: Article) -> set[tuple]:
            return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
                    for e in art.events}

        from_html, from_plain = stored("warc"), stored("plain")
        events = [(a, e) for a in from_html.values() for e in a.events]
        leaks = [e for _, e in events if any(b in e.evidence.text for b in BOILERPLATE_STRINGS)]
        spans_ok = all(a.text[e.evidence.start:e.evidence.end] == e.evidence.text for a, e in events)
        pairs = [(a, from_plain.get(by_id[url]["id"])) for url, a in from_html.items()]
        same = sum(1 for a, p in pairs if p is not None and triples(a) == triples(p))
        print(f"boilerplate in events: {len(leaks)}/{len(events)} ({len(leaks) / max(len(events), 1):.2%}, "
              f"target 0); same (source, CAMEO, target) set as plain text: {same}/{len(pairs)} articles "
              f"({sum(1 for _, p in pairs if p is None)} without a plain twin in the store); "
              f"evidence spans index the stored text: {spans_ok}")
        for e in leaks[:3]:
            print(f"  leaked event: {e.cameo} {e.evidence.text!r}")


if __name__ == "__main__":
    main()
