from __future__ import annotations

import pytest

from dyads.annotate.events.cameo import load_cameo
from dyads.annotate.events.lexicon import load_lexicon


def test_lexicon_covers_every_root_and_the_key_codes() -> None:
    lex = load_lexicon()
    codes = {e.code for es in lex.verbs.values() for e in es} | {n.code for n in lex.nouns.values()}
    codes |= set(lex.future_codes.values()) | set(lex.refuse_codes.values()) | set(lex.adjectives.values())
    assert {c[:2] for c in codes} >= {f"{r:02d}" for r in range(1, 21)}
    for key in ["036", "042", "043", "046", "051", "057", "061", "072", "111", "112", "120", "138", "163",
                "172", "190", "193"]:
        assert key in codes, key


def test_lexicon_codes_exist_in_the_cameo_table() -> None:
    lex, cameo = load_lexicon(), load_cameo()
    for es in lex.verbs.values():
        for e in es:
            # an empty code blocks a sense, which an object or a preposition must then name
            # ("hit a record", "declined to 6,069"), or only an armed force's act is one ("arrive")
            blocks = e.code == "" and bool(e.obj or e.need_prep or e.armed_code)
            assert e.code in cameo or e.code[:3] in cameo or blocks, e
            assert not e.armed_code or e.armed_code in cameo, e
    for n in lex.nouns.values():
        assert n.code in cameo or n.code[:3] in cameo, n


@pytest.mark.parametrize("verb", ["meet", "condemn", "attack", "arrest", "praise"])
def test_lexicon_rule_ids_name_the_entry(verb: str) -> None:
    entry = load_lexicon().verb_entries(verb)[-1]
    assert entry.rule.startswith(f"verb:{verb}") and entry.rule.endswith(">" + entry.code)


def test_lexicon_blocking_entries_code_nothing(code) -> None:
    evs = code("Kenya sent doctors to fight the Ebola epidemic in Uganda.", "2024-01-17").events
    assert all(e.root != "19" for e in evs), [(e.cameo, e.rule) for e in evs]
