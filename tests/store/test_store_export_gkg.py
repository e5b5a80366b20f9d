"""The GKG 2.1-style file of the gdelt export: 27 columns, GDELT's field formats, offsets that
point back into the article text, separators in values that cannot break a row or a list."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from dyads.model import Article, Entity, Location, Quote, Span
from dyads.store import Store
from dyads.store.export import export
from dyads.store.export.gkg import GKG_COLUMNS, GKG_FILE

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "data" / "reference"
NAMES = [n for n, _ in GKG_COLUMNS]
# The GKG 2.1 codebook's column order.
CODEBOOK = [
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
]
NEVER_FILLED = ["V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V2GCAM", "V2.1SHARINGIMAGE",
                "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1AMOUNTS",
                "V2.1TRANSLATIONINFO", "V2EXTRASXML"]

QUOTE = 'We|will #not\tgo; back,\r\nnever'
TEXT = (f'Kremlin spokesman Dmitry Peskov said "{QUOTE}" in Moscow on 5 March 2024. '
        "North Korea's foreign minister met Peskov and NATO officials, Smith; Jones & Co. said later.")


def at(sub: str, nth: int = 0) -> int:
    return [m.start() for m in re.finditer(re.escape(sub), TEXT)][nth]


def rich_article() -> Article:
    """Quotes with every separator GDELT uses, a person named twice, a role-only person, dates."""
    art = Article(id="rich", text=TEXT, date="2024-03-06", url="https://www.Example.org/news/1", source=None)
    art.tone = -1.25
    art.meta["tone_detail"] = {"positive": 2.5, "negative": 3.75, "words": 32}
    q0 = at(QUOTE)
    art.quotes.append(Quote(content=Span(q0, q0 + len(QUOTE), QUOTE), cue=Span(at("said"), at("said") + 4, "said"),
                            direct=True, speaker_name="Dmitry Peskov"))
    art.quotes.append(Quote(content=Span(at("met"), at("met") + 3, "met"), cue=None, direct=False))

    def ent(type_: str, text: str, nth: int = 0, **kw: object) -> Entity:
        start = at(text, nth)
        return Entity(type=type_, text=text, start=start, end=start + len(text), **kw)  # type: ignore[arg-type]

    art.entities = [
        ent("person", "Dmitry Peskov", actor="RUSGOV", role="Kremlin spokesman"),
        ent("place", "Moscow", location=Location("Moscow", "RUS", 55.7522, 37.6156)),
        ent("date", "5 March 2024", value="2024-03-05"),
        ent("date", "March 2024", value="2024-03"),
        ent("date", "2024", value="2024"),
        ent("date", "later", value=None),
        ent("date", "5 March", value="the fifth"),  # not a calendar value: left out
        ent("person", "North Korea's foreign minister", actor="PRKGOV", role="foreign minister"),
        ent("person", "Peskov", 1, actor="RUSGOV"),
        ent("org", "NATO", actor="IGOWSTNAT"),
        ent("org", "Smith; Jones & Co."),
        ent("place", "North Korea"),  # no location resolved: name only
    ]
    return art


def bare_article() -> Article:
    return Article(id="bare", text="Nothing to see here.", date=None, source="wire")


def gkg_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(r) == 27 for r in rows), [len(r) for r in rows]
    return [dict(zip(NAMES, r, strict=True)) for r in rows]


@pytest.fixture
def rows(tmp_path: Path) -> dict[str, dict[str, str]]:
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([rich_article(), bare_article()])
        paths = export(store.con, tmp_path / "out", "gdelt")
    assert paths[-1].name == GKG_FILE
    return {r["V2DOCUMENTIDENTIFIER"]: r for r in gkg_rows(paths[-1])}


@pytest.mark.parametrize("n_columns", [27])
def test_store_export_gkg_columns_in_codebook_order(corpus_store, tmp_path, n_columns):
    assert NAMES == CODEBOOK and len(NAMES) == n_columns
    with Store.open(corpus_store, read_only=True) as store:
        paths = export(store.con, tmp_path / "gdelt", "gdelt")
        n_articles = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert [p.name for p in paths] == ["dyads.export.CSV", "dyads.mentions.CSV", "dyads.gkg.csv"]
    recs = gkg_rows(paths[2])
    assert len(recs) == n_articles == 6
    assert len({r["GKGRECORDID"] for r in recs}) == 6
    assert all(re.fullmatch(r"\d{14}-\d+", r["GKGRECORDID"]) for r in recs)
    a1 = next(r for r in recs if r["V2DOCUMENTIDENTIFIER"] == "a1")
    assert a1["V2.1DATE"] == "20230116000000" and a1["V2SOURCECOLLECTIONIDENTIFIER"] == "2"
    assert a1["V2SOURCECOMMONNAME"] == "wire"
    assert a1["V1LOCATIONS"] == "#Pyongyang#PRK##39.0#125.7#"
    assert a1["V2ENHANCEDLOCATIONS"] == "#Pyongyang#PRK###39.0#125.7##0"
    assert a1["V2.1QUOTATIONS"] == "0|4|of a|Text" and a1["V2.1ALLNAMES"] == "Pyongyang,0"


@pytest.mark.parametrize("kind", ["reference header"])
def test_store_export_gkg_column_order_matches_reference(kind):
    if not REFERENCE.is_dir():
        pytest.skip("../shared is not beside the repository")
    with open(REFERENCE / "GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv", encoding="utf-8") as f:
        ref = [line.split("\t")[1] for line in f.read().splitlines()[1:] if line.strip()]

    def norm(name: str) -> str:  # the reference drops the version prefixes: V2.1COUNTS -> V2Counts
        return re.sub(r"^V\d(\.\d)?|ENHANCED|XML", "", name.upper())

    assert [norm(n) for n in NAMES] == [norm(n) for n in ref]


@pytest.mark.parametrize("kind", ["quotes"])
def test_store_export_gkg_quotes_round_trip_with_offsets(rows, kind):
    blocks = rows["https://www.Example.org/news/1"]["V2.1QUOTATIONS"].split("#")
    assert len(blocks) == 2 and all(len(b.split("|")) == 4 for b in blocks)
    offset, length, verb, quote = blocks[0].split("|")
    assert TEXT[int(offset):int(offset) + int(length)] == QUOTE
    assert verb == "said" and quote == "We will not go; back, never"
    offset, length, verb, quote = blocks[1].split("|")
    assert (TEXT[int(offset):int(offset) + int(length)], verb, quote) == ("met", "", "met")


@pytest.mark.parametrize("kind", ["persons and organisations"])
def test_store_export_gkg_names_round_trip_with_offsets(rows, kind):
    r = rows["https://www.Example.org/news/1"]
    persons = [p.rsplit(",", 1) for p in r["V2ENHANCEDPERSONS"].split(";")]
    assert [name for name, _ in persons] == ["Dmitry Peskov", "Peskov"]  # not the role-only minister
    assert all(TEXT[int(off):int(off) + len(name)] == name for name, off in persons)
    assert r["V1PERSONS"] == "dmitry peskov;peskov"
    orgs = [o.split(",") for o in r["V2ENHANCEDORGANIZATIONS"].split(";")]
    assert orgs == [["NATO", str(at("NATO"))], ["Smith Jones & Co.", str(at("Smith"))]]  # ';' cannot split it
    assert r["V1ORGANIZATIONS"] == "nato;smith jones & co."
    names = [n.split(",")[0] for n in r["V2.1ALLNAMES"].split(";")]
    assert names == ["Dmitry Peskov", "Moscow", "North Korea", "Peskov", "NATO", "Smith Jones & Co."]


@pytest.mark.parametrize("kind", ["locations, dates, tone"])
def test_store_export_gkg_locations_dates_tone(rows, kind):
    r = rows["https://www.Example.org/news/1"]
    assert r["V1LOCATIONS"] == "#Moscow#RUS##55.7522#37.6156#;#North Korea#####"
    moscow, korea = (b.split("#") for b in r["V2ENHANCEDLOCATIONS"].split(";"))
    assert len(moscow) == len(korea) == 9
    assert moscow == ["", "Moscow", "RUS", "", "", "55.7522", "37.6156", "", str(at("Moscow"))]
    assert korea[1] == "North Korea" and korea[8] == str(at("North Korea"))
    assert r["V2.1ENHANCEDDATES"] == ";".join([f"4,3,5,2024,{at('5 March 2024')}", f"2,3,0,2024,{at('March 2024')}",
                                               f"1,0,0,2024,{at('2024')}"])
    assert r["V1.5TONE"] == "-1.25,2.5,3.75,6.25,,,32"
    assert r["V2.1DATE"] == "20240306000000" and r["V2SOURCECOLLECTIONIDENTIFIER"] == "1"
    assert r["V2SOURCECOMMONNAME"] == "example.org"
    assert all(r[c] == "" for c in NEVER_FILLED)


@pytest.mark.parametrize("kind", ["no quotes, entities or tone"])
def test_store_export_gkg_bare_article_has_empty_fields(rows, kind):
    r = rows["bare"]
    filled = {c for c, v in r.items() if v}
    assert filled == {"GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
                      "V2DOCUMENTIDENTIFIER"}
    assert r["V2SOURCECOLLECTIONIDENTIFIER"] == "2" and r["V2SOURCECOMMONNAME"] == "wire"
    assert re.fullmatch(r"\d{14}", r["V2.1DATE"])  # no publication date: the time it was stored


@pytest.mark.parametrize("kind", ["tone without detail"])
def test_store_export_gkg_tone_without_detail(tmp_path, kind):
    art = bare_article()
    art.tone = 0.5
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest([art])
        paths = export(store.con, tmp_path / "out", "gdelt")
    assert gkg_rows(paths[-1])[0]["V1.5TONE"] == "0.5,,,,,,"


@pytest.mark.parametrize("kind", ["empty store"])
def test_store_export_gkg_empty_store(tmp_path, kind):
    with Store.open(tmp_path / "s.duckdb") as store:
        paths = export(store.con, tmp_path / "out", "gdelt")
    assert paths[-1].read_text(encoding="utf-8") == ""
