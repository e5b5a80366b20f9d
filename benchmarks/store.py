"""Store benchmark: bulk load, dyad and aggregate queries, end-to-end ingest vs `dyads code`.

    .venv/bin/python benchmarks/store.py [--events 10000000] [--batch 1000000] [--articles 300]

1. Bulk load: ``--events`` synthetic event mentions (5 per article, about 2 mentions per event
   record, reports of one event close together in the stream as in news, 60 actor codes, 10
   years, real CAMEO codes) written through the store's writer
   (``Store.write``: Arrow batches, one transaction each, dedup and event records rebuilt as in a
   real ingest). Prints mentions/s (target >= 200,000/s), counting every ``write`` and closing the
   store (its checkpoint). Generating the batches is not timed.
2. Queries on that store: ``dyad(RUS, PRK, by=month)`` (target median <= 100 ms) and a
   month x CAMEO-root count over all event records (medians).
3. ``to_arrow`` (the workers' half of the write path) on hand-built Articles: events/s.
4. End to end on the first ``--articles`` articles of ../shared/data/bench/news-corpus.jsonl.gz:
   ``ingest`` (read, code, store) vs coding alone (``runner.annotate``, what `dyads code` runs),
   in-process, same process, pipeline loaded before timing: articles/s and the ratio.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/bench/news-corpus.jsonl.gz"
COUNTRIES = ["RUS", "PRK", "USA", "CHN", "UKR", "GBR", "FRA", "DEU", "JPN", "KOR", "IRN", "ISR", "TUR", "SYR",
             "IND", "PAK", "BRA", "ZAF", "NGA", "EGY"]
SECTORS = ["", "GOV", "MIL"]
MENTIONS_PER_ARTICLE = 5
EVENTS_PER_MENTION = 0.6  # size of the event pool per mention (several articles report one event)
EVENT_WINDOW = 2000  # the events an article draws from: about 1.7 reports per event record
FIRST_DAY = np.datetime64("2015-01-01")
DAYS = 3653


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 of uint64 -> non-negative int64 (a stand-in for event_key's hash)."""
    z = x.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(1)).astype(np.int64)


class Synthetic:
    """Batches shaped exactly like ``to_arrow`` output, generated with numpy."""

    def __init__(self, total: int, seed: int = 7) -> None:
        from dyads.annotate.events.cameo import load_cameo, penta_class, quad_class
        from dyads.store.arrow import code_prefix

        self.rng = np.random.default_rng(seed)
        cameo = load_cameo()
        codes = [c for c in cameo.codes() if len(c) >= 3]
        self.cameo = np.array(codes)
        self.root = np.array([c[:2] for c in codes])
        self.base = np.array([c[:3] for c in codes])
        self.quad = np.array([quad_class(c[:2]) for c in codes], dtype=np.int8)
        self.penta = np.array([penta_class(c[:2]) for c in codes], dtype=np.int8)
        self.goldstein = np.array([cameo.get(c).goldstein for c in codes], dtype=np.float64)
        self.plover = np.array([cameo.get(c).plover or "" for c in codes])
        self.actors = np.array([c + s for c in COUNTRIES for s in SECTORS])
        self.actor_country = np.array([c for c in COUNTRIES for _ in SECTORS])
        self.actor_sector = np.array([s for _ in COUNTRIES for s in SECTORS])
        self.actor_prefix = np.array([code_prefix(c) for c in self.actors], dtype=np.int32)
        n_events = max(1, int(total * EVENTS_PER_MENTION))
        self.ev_day = self.rng.integers(0, DAYS, n_events, dtype=np.int32)
        self.ev_src = self.rng.integers(0, len(self.actors), n_events, dtype=np.int32)
        shift = self.rng.integers(3, len(self.actors), n_events, dtype=np.int32)
        self.ev_tgt = (self.ev_src + shift) % len(self.actors)
        self.ev_code = self.rng.integers(0, len(codes), n_events, dtype=np.int32)
        self.next_article = 0
        self.total_articles = max(1, total // MENTIONS_PER_ARTICLE)

    def batch(self, n_mentions: int) -> dict[str, pa.Table]:
        from dyads.store.schema import ARROW_SCHEMAS

        rng = self.rng
        n_art = max(1, n_mentions // MENTIONS_PER_ARTICLE)
        n = n_art * MENTIONS_PER_ARTICLE
        art_no = np.arange(self.next_article, self.next_article + n_art)
        self.next_article += n_art
        hashes = pa.array([f"{h:032x}" for h in _mix(art_no).tolist()], pa.string())
        ids = pa.array([f"synthetic-{i}" for i in art_no.tolist()], pa.string())
        art_day = (FIRST_DAY + rng.integers(0, DAYS, n_art)).astype("datetime64[D]")
        articles = pa.table({
            "hash": hashes, "id": ids, "date": pa.array(art_day, pa.date32()),
            "title": pa.nulls(n_art, pa.string()), "url": pa.nulls(n_art, pa.string()),
            "source": pa.array(np.array(["wire-a", "wire-b", "wire-c"])[art_no % 3]),
            "text": pa.array([f"Synthetic article {i}." for i in art_no.tolist()], pa.string()),
            "tone": pa.nulls(n_art, pa.float64()), "num_events": pa.array(np.full(n_art, 5, np.int32)),
            "sentences": pa.nulls(n_art, ARROW_SCHEMAS["articles"].field("sentences").type),
            "errors": pa.nulls(n_art, pa.list_(pa.string())), "meta": pa.nulls(n_art, pa.string()),
            "dictionary_version": pa.array(np.full(n_art, "synthetic-1")),
        }, schema=ARROW_SCHEMAS["articles"])
        # Reports of one event arrive close together (news clusters in time): each article draws
        # its events from a window of the pool that moves with the article number.
        n_pool = len(self.ev_day)
        centre = np.repeat(art_no * n_pool // self.total_articles, MENTIONS_PER_ARTICLE)
        ev = (centre + rng.integers(0, EVENT_WINDOW, n)) % n_pool
        which = np.repeat(np.arange(n_art), MENTIONS_PER_ARTICLE)
        src, tgt, code = self.ev_src[ev], self.ev_tgt[ev], self.ev_code[ev]
        day = (FIRST_DAY + self.ev_day[ev]).astype("datetime64[D]")
        sent = rng.integers(0, 30, n, dtype=np.int32)
        start = rng.integers(0, 3000, n, dtype=np.int32)

        def pick(values: np.ndarray, idx: np.ndarray) -> pa.Array:
            return pa.DictionaryArray.from_arrays(pa.array(idx, pa.int32()), pa.array(values)).cast(pa.string())

        cols = {
            "event_key": pa.array(_mix(ev.astype(np.uint64) + np.uint64(1 << 40))),
            "article_hash": hashes.take(pa.array(which)), "article_id": ids.take(pa.array(which)),
            "article_date": articles.column("date").take(pa.array(which)),
            "article_source": articles.column("source").take(pa.array(which)),
            "article_tone": pa.nulls(n, pa.float64()),
            "event_id": pa.array([f"e{i}" for i in range(n)], pa.string()),
            "sentence": pa.array(sent), "date": pa.array(day.astype(str)), "day": pa.array(day, pa.date32()),
            "source_code": pick(self.actors, src), "source_country": pick(self.actor_country, src),
            "source_sector": pick(self.actor_sector, src), "source_name": pick(self.actors, src),
            "source_text": pick(self.actors, src), "source_start": pa.array(start),
            "source_end": pa.array(start + 6),
            "cameo": pick(self.cameo, code), "base": pick(self.base, code), "root": pick(self.root, code),
            "quad": pa.array(self.quad[code]), "penta": pa.array(self.penta[code]),
            "goldstein": pa.array(self.goldstein[code]), "plover": pick(self.plover, code),
            "target_code": pick(self.actors, tgt), "target_country": pick(self.actor_country, tgt),
            "target_sector": pick(self.actor_sector, tgt), "target_name": pick(self.actors, tgt),
            "target_text": pick(self.actors, tgt), "target_start": pa.array(start + 20),
            "target_end": pa.array(start + 26),
            "modality": pick(np.array(["asserted", "claimed", "future"]), rng.integers(0, 3, n)),
            "attributed_to_code": pa.nulls(n, pa.string()), "location_name": pa.nulls(n, pa.string()),
            "location_country": pa.nulls(n, pa.string()), "location_lat": pa.nulls(n, pa.float64()),
            "location_lon": pa.nulls(n, pa.float64()), "evidence_start": pa.array(start),
            "evidence_end": pa.array(start + 40),
            "evidence": pick(np.array([f"synthetic evidence span number {i}" for i in range(500)]),
                             rng.integers(0, 500, n)),
            "rule": pick(np.array(["verb:meet>040", "verb:condemn>111", "noun:sanction>163"]), rng.integers(0, 3, n)),
            "confidence": pa.array(rng.random(n)), "dictionary_version": pa.array(np.full(n, "synthetic-1")),
            "source_prefix": pa.array(self.actor_prefix[src]), "target_prefix": pa.array(self.actor_prefix[tgt]),
        }
        mentions = pa.table(cols).select(ARROW_SCHEMAS["mentions"].names).cast(ARROW_SCHEMAS["mentions"])
        empty = {name: ARROW_SCHEMAS[name].empty_table() for name in ("quotes", "entities", "ingest_errors")}
        return {"articles": articles, "mentions": mentions, **empty}


def median_ms(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def bulk_load(db: Path, total: int, batch: int, threads: int) -> None:
    import os

    from dyads.store import Store

    gen = Synthetic(total)
    written = load_s = gen_s = cpu_s = 0.0
    store = Store.open(db, threads=threads or None)
    try:
        while written < total:
            t0 = time.perf_counter()
            tables = gen.batch(min(batch, total - int(written)))
            t1, c1 = time.perf_counter(), time.process_time()
            res = store.write(tables)
            t2 = time.perf_counter()
            cpu_s += time.process_time() - c1
            gen_s += t1 - t0
            load_s += t2 - t1
            written += res.mentions
            print(f"  {int(written):>11,} mentions loaded, {res.mentions / (t2 - t1):>10,.0f}/s this batch "
                  f"({t2 - t1:.1f} s)", flush=True)
        counts = store.counts()
    finally:
        # closing checkpoints what the last commits left in the WAL: part of the load
        t0, c0 = time.perf_counter(), time.process_time()
        store.close()
        close_s = time.perf_counter() - t0
        load_s += close_s
        cpu_s += time.process_time() - c0
    rate = written / load_s
    print(f"bulk load: {int(written):,} mentions -> {counts['events']:,} event records, {counts['articles']:,} "
          f"articles in {load_s:.1f} s (closing the store {close_s:.1f} s of it) = {rate:,.0f} events/s "
          f"(target >= 200,000/s); CPU {cpu_s:.1f} s = {written / cpu_s:,.0f} events per CPU-second; DuckDB "
          f"threads {threads or 'default'}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"generating the batches took {gen_s:.1f} s (not counted); file {db.stat().st_size / 1e9:.2f} GB")


def queries(db: Path) -> None:
    from dyads.store import Store, queries

    with Store.open(db, read_only=True) as store:
        con = store.con
        queries.dyad(con, "RUS", "PRK", by="month")  # warm the cache
        med, best = median_ms(lambda: queries.dyad(con, "RUS", "PRK", by="month"), 21)
        rows = queries.dyad(con, "RUS", "PRK", by="month")
        print(f"dyad RUS-PRK by month: median {med:.1f} ms, best {best:.1f} ms ({len(rows)} rows, "
              f"{sum(r['events'] for r in rows if r['direction'] == 'both'):,} events) (target median <= 100 ms)")
        sql = ("SELECT year(day) AS year, month(day) AS month, root, count(*) AS n FROM event_records "
               "GROUP BY ALL ORDER BY year, month, root")
        med, best = median_ms(lambda: con.execute(sql).fetchall(), 7)
        n = len(con.execute(sql).fetchall())
        print(f"month x root count over all events: median {med:.1f} ms, best {best:.1f} ms ({n:,} cells)")


def to_arrow_rate(n_articles: int = 4000) -> None:
    from dyads.model import Actor, Article, Event, Span
    from dyads.store import to_arrow

    arts = []
    for i in range(n_articles):
        a = Article(id=f"a{i}", text=f"Article {i}: Russia met North Korea.", date="2024-01-17")
        for j in range(5):
            src = Actor("RUSGOV", "RUS", "GOV", "Russia", "Russia", 0, 6)
            tgt = Actor("PRK", "PRK", None, "North Korea", "North Korea", 11, 22)
            a.events.append(Event(f"a{i}-E{j}", j, src, tgt, "040", "04", 1, 1, 1.0, "CONSULT",
                                  f"2024-01-{1 + (i + j) % 28:02d}", "asserted", Span(0, 22, "Russia met North Korea"),
                                  "verb:meet>040", 0.5, dictionary_version="v1"))
        arts.append(a)
    t0 = time.perf_counter()
    tables = to_arrow(arts)
    s = time.perf_counter() - t0
    n = tables["mentions"].num_rows
    print(f"to_arrow (per worker, pure Python): {n:,} events from {n_articles:,} articles in {s:.2f} s = "
          f"{n / s:,.0f} events/s")


def end_to_end(n: int, tmp: Path) -> None:
    import dyads
    from dyads.io.readers import read_inputs
    from dyads.runner import annotate
    from dyads.services.ingest import ingest

    sample = tmp / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f, open(sample, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(f, n))
    dyads.get_pipeline()  # load before timing either side
    t0 = time.perf_counter()
    coded = sum(1 for _ in annotate(read_inputs([sample])))
    code_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = ingest([sample], tmp / "e2e.duckdb")
    ingest_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = ingest([sample], tmp / "e2e.duckdb")
    rerun_s = time.perf_counter() - t0
    print(f"end to end, first {n} bench articles, in-process: code {coded / code_s:.1f} articles/s, "
          f"ingest {report.written.articles / ingest_s:.1f} articles/s "
          f"(ratio ingest/code {code_s / ingest_s:.2f}); {report.written.mentions:,} mentions, "
          f"{report.written.events_touched:,} event records; rerun skips all {again.skipped} in {rerun_s:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000_000, help="synthetic event mentions to bulk-load")
    ap.add_argument("--batch", type=int, default=1_000_000, help="mentions per transaction")
    ap.add_argument("--articles", type=int, default=300, help="bench-corpus articles for the end-to-end run (0: skip)")
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads for the writer (0: one per core)")
    ap.add_argument("--db", type=Path, help="store file for the bulk load (default: a temporary file)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dyads-bench-") as tmp:
        db = a.db or Path(tmp) / "bulk.duckdb"
        if db.exists():
            raise SystemExit(f"{db} exists; give a new file")
        bulk_load(db, a.events, a.batch, a.threads)
        queries(db)
        to_arrow_rate()
        if a.articles:
            if CORPUS.is_file():
                end_to_end(a.articles, Path(tmp))
            else:
                print(f"end to end skipped: {CORPUS} not found")


if __name__ == "__main__":
    main()
