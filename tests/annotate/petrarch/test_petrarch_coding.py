"""Coding with a user's PETRARCH dictionaries (``--dictionaries``), written here for the test."""

from __future__ import annotations

import pytest

ACTORS = """ARNOR_ [ARN]
+ARNORIAN
GONDOR [GON]
+MINAS_TIRITH
SHIRE [FRO/BIL/SAM]
GOLLUM
\t[HOB <950601]
\t[HOBGOV 19950601-19990815]
"""
AGENTS = """!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_!MINST! [~GOV]
CLERIC [~REL]
MSF {} [NGO~]
DIPLOMAT [~GOV]
"""
VERBS = """&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064] ---
RESTORE
- * &TIETYPES TIES [065]

--- MEET  [031:032] ---
MEET {MET MEETS MEETING}
- % * [030]

--- SAY [---] ---
SAY {SAID SAYS SAYING}
"""
DISCARDS = """+TYPHOON
BASEBALL
"""


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    from dyads.annotate.pipeline import Pipeline

    folder = tmp_path_factory.mktemp("dicts")
    for name, text in (("t.actors.txt", ACTORS), ("t.agents.txt", AGENTS), ("t.verbs.txt", VERBS),
                       ("t.discards.txt", DISCARDS)):
        (folder / name).write_text(text, encoding="utf-8")
    return Pipeline(dictionaries=str(folder), dictionaries_mode="replace")


def _code(pipeline, text, date="1995-01-01"):
    from dyads.model import Article

    return pipeline(Article(id="t", text=text, date=date))


def _triples(art):
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo) for e in art.events}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Arnor will restore full diplomatic ties with Gondor.", "1995-01-01", {("ARN", "GON", "064")}),
        ("Arnor will restore economic ties with Gondor.", "1995-01-01", {("ARN", "GON", "065")}),  # a synset
        ("An MSF Arnor diplomat restored ties with Minas Tirith.", "1995-01-01", {("NGOARNGOV", "GON", "064")}),
        ("The Arnor foreign ministry restored ties with Gondor.", "1995-01-01", {("ARNGOV", "GON", "064")}),
        ("Gollum restored ties with Gondor.", "1995-01-01", {("HOB", "GON", "064")}),  # dated codes
        ("Gollum restored ties with Gondor.", "1997-01-01", {("HOBGOV", "GON", "064")}),
        ("The Arnor cleric met Gondor.", "1995-01-01", {("ARNREL", "GON", "031"), ("GON", "ARNREL", "032")}),
        ("Arnor and Gondor met on Monday.", "1995-01-01", {("ARN", "GON", "030"), ("GON", "ARN", "030")}),
        ("The Shire restored ties with Gondor.", "1995-01-01", {("FRO/BIL/SAM", "GON", "064")}),
        ("Arnor said it was pleased.", "1995-01-01", set()),  # '---': no event
    ],
)
def test_petrarch_coding_codes_from_user_dictionaries(pipeline, text, date, expected) -> None:
    art = _code(pipeline, text, date)
    assert _triples(art) == expected, [e.rule for e in art.events]


def test_petrarch_coding_records_the_dictionaries(pipeline) -> None:
    art = _code(pipeline, "Arnor will restore full diplomatic ties with Gondor.")
    ev = art.events[0]
    assert ev.rule.startswith("petrarch:t.verbs.txt@") and ev.rule.endswith(":RESTORE:RESTORE>064")
    assert "t.actors.txt@" in ev.dictionary_version and "dictionaries:replace:" in ev.dictionary_version
    assert ev.source.to_dict()["dictionary"].startswith("t.actors.txt@")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("A typhoon hit Arnor. Arnor restored ties with Gondor.", "story"),
     ("Arnor restored baseball ties with Gondor.", "sentence")],
)
def test_petrarch_coding_discards(pipeline, text, kind) -> None:
    art = _code(pipeline, text)
    assert art.events == []
    assert art.meta["discarded"][0]["kind"] == kind
