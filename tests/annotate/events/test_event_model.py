"""The trained event model: its shipped file, its classes, its errors, and its place in the pipeline."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from dyads.annotate.events.event_model import EventModel, EventModelError, load_event_model
from dyads.annotate.events.model_stage import ERROR_KEY, KEY

DATA = Path(str(resources.files("dyads.data")))


def _meta() -> dict:
    return json.loads((DATA / "event_model.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["event_model.onnx"])
def test_event_model_file_hash_size_and_version(name: str) -> None:
    meta = _meta()
    path = DATA / name
    assert meta["file"] == name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == meta["sha256"]
    assert hashlib.sha256((DATA / meta["tokenizer"]).read_bytes()).hexdigest() == meta["tokenizer_sha256"]
    assert path.stat().st_size <= 30 * 1024 * 1024
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d+", meta["version"])
    assert load_event_model().tag == f"model:penta-minilm-{meta['version']}"
    assert (DATA / "event_model.md").is_file(), "the model card lies beside the weights"


# Sentences written for dyads (none from a gold file), one clear case per class.
@pytest.mark.parametrize(
    ("text", "penta"),
    [
        ("The foreign minister said the two countries would keep talking about trade.", 0),
        # (2026.12.2, 3 layers, reads "praised ... for its help after the floods" as aid, class 2)
        ("The president praised the neighbouring government for its leadership in the peace talks.", 1),
        ("Officials from both countries met in Geneva on Monday to discuss the ceasefire.", 1),
        ("The government sent food and medicine to the refugees in the border camps.", 2),
        ("The United States delivered humanitarian aid to the flood victims.", 2),
        ("The opposition leader accused the prime minister of corruption.", 3),
        ("The ministry strongly condemned the arrest of its diplomat.", 3),
        ("Troops fired on protesters in the capital, killing three people.", 4),
        ("Rebels attacked an army base near the border overnight.", 4),
    ],
)
def test_event_model_classifies_fixed_sentences(text: str, penta: int) -> None:
    model = load_event_model()
    probs = model.classify([text])[0]
    assert model.classes[max(range(len(probs)), key=probs.__getitem__)] == penta, probs
    assert abs(sum(probs) - 1.0) < 1e-4


@pytest.mark.parametrize("n", [3])
def test_event_model_batch_gives_each_sentence_its_own_row(n: int) -> None:
    model = load_event_model()
    texts = ["Rebels attacked an army base.", "The president praised the neighbouring government for its help.",
             "Officials met."][:n]
    batched = model.classify(texts)
    assert len(batched) == n
    for text, row in zip(texts, batched, strict=True):
        alone = model.classify([text])[0]
        assert max(range(5), key=row.__getitem__) == max(range(5), key=alone.__getitem__)


def _copy(tmp_path: Path) -> Path:
    meta = _meta()
    for name in ("event_model.json", meta["file"], meta["tokenizer"]):
        shutil.copyfile(DATA / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("damage", ["missing", "truncated", "no-description"])
def test_event_model_missing_or_damaged_file_is_a_numbered_error(tmp_path: Path, damage: str) -> None:
    folder = _copy(tmp_path)
    if damage == "missing":
        (folder / "event_model.onnx").unlink()
    elif damage == "truncated":
        data = (folder / "event_model.onnx").read_bytes()
        (folder / "event_model.onnx").write_bytes(data[: len(data) // 2])
    else:
        (folder / "event_model.json").write_text("{", encoding="utf-8")
    with pytest.raises(EventModelError, match=r"^E025 event model file '.+' is missing or damaged") as err:
        EventModel.load(folder)
    assert "\n" not in str(err.value)


def test_event_model_damaged_but_hash_matching_file_is_a_numbered_error(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "event_model.onnx").write_bytes(b"not an onnx file")
    meta = _meta()
    meta["sha256"] = hashlib.sha256(b"not an onnx file").hexdigest()
    (folder / "event_model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(EventModelError, match=r"^E025 "):
        EventModel.load(folder)


def test_event_model_tags_the_events_it_touched(code) -> None:
    art = code("Japan condemned North Korea on Tuesday.")
    tag = load_event_model().tag
    assert art.events and all(tag in e.rule for e in art.events)
    assert all(re.search(r"\[p=[01]\.\d\d\]", e.rule) for e in art.events)


def test_event_model_off_runs_the_rules_alone() -> None:
    import dyads

    art = dyads.code("Japan condemned North Korea on Tuesday.", date="2024-01-17", event_model=False)
    assert [(e.source.code, e.cameo, e.target.code) for e in art.events] == [("JPN", "111", "PRK")]
    assert not any("model:" in e.rule for e in art.events) and not art.errors


def test_event_model_unloadable_rules_run_alone_and_the_output_says_so(pipeline) -> None:
    import dyads
    from dyads.model import Article

    extras = {k: v for k, v in pipeline.resources.extras.items() if k != KEY}
    extras[ERROR_KEY] = "E025 event model file 'event_model.onnx' is missing or damaged (test)"
    broken = dyads.Pipeline.__new__(dyads.Pipeline)
    broken.__dict__.update(pipeline.__dict__)
    broken.resources = dataclasses.replace(pipeline.resources, extras=extras)
    art = broken(Article(id="t", text="Japan condemned North Korea on Tuesday.", date="2024-01-17"))
    assert [(e.source.code, e.cameo, e.target.code) for e in art.events] == [("JPN", "111", "PRK")]
    assert any(msg.startswith("E025 ") for msg in art.errors)


@pytest.mark.parametrize(("extra", "overridden"), [(0, True), (60, False)])
def test_event_model_overrides_a_rule_only_in_sentences_of_a_length_it_was_trained_on(
        pipeline, extra: int, overridden: bool) -> None:
    """A confident sentence class re-classes the rule's main event, unless the sentence is longer
    than any the model saw in training (then its class may be another clause's)."""
    from dyads.annotate.events.model_stage import OVERRIDE_MAX_TOKENS, reweigh
    from dyads.annotate.events.patterns import Found

    text = "The UN envoy hailed the speech by Arafat" + " and the talks" * (extra // 3) + "."
    doc = pipeline.nlp(text)
    assert (len(doc) > OVERRIDE_MAX_TOKENS) == (extra > 0)
    hailed = next(t for t in doc if t.lower_ == "hailed")
    found = [Found(hailed, "051", "verb:hail>051", None, None, "asserted", 0.8, (0, 3), hailed)]
    out = reweigh("model:test", found, {0: 0.02, 1: 0.03, 2: 0.0, 3: 0.95, 4: 0.0})
    assert (out[0].code == "110") == overridden, out[0].rule


@pytest.mark.parametrize(("rule", "overridden"), [
    ("verb:hail>051", True),  # a plain verb: the sentence's class may know better
    ("verb:crack_down>175", False),  # a particle gives the sense ("cracked down on")
    ("verb:attack+record>111", False),  # the object gives it ("attacked the record")
    ("light:hold+noun:talk>040", False),  # the event noun gives it ("held talks")
    ("verb:retaliate>190+future>138", False),  # force vowed is a threat ("vowed to retaliate"), no promise
    ("verb:attack>190+threat>138", False),
])
def test_event_model_never_overrides_a_sense_the_lexicon_gave(pipeline, rule: str, overridden: bool) -> None:
    from dyads.annotate.events.model_stage import reweigh
    from dyads.annotate.events.patterns import Found

    doc = pipeline.nlp("The UN envoy hailed the speech by Arafat.")
    hailed = next(t for t in doc if t.lower_ == "hailed")
    found = [Found(hailed, rule.rsplit(">", 1)[1], rule, None, None, "asserted", 0.8, (0, 3), hailed)]
    out = reweigh("model:test", found, {0: 0.02, 1: 0.03, 2: 0.95, 3: 0.0, 4: 0.0})
    assert (out[0].code == "060") == overridden, out[0].rule


@pytest.mark.parametrize(("has_target", "code"), [(True, "110"), (False, "010")])
def test_event_model_a_statement_is_praise_or_blame_only_of_someone(pipeline, has_target: bool, code: str) -> None:
    """What a speaker said may read as criticism, but with no one it is about it stays a statement."""
    from dyads.annotate.events.model_stage import classify_statement
    from dyads.annotate.events.patterns import Found
    from dyads.model import Actor

    doc = pipeline.nlp("The minister said the plan was a disgrace.")
    said = next(t for t in doc if t.lower_ == "said")
    target = Actor(code="FRA", country="FRA", sector=None, name="France", text="France", start=0, end=6) \
        if has_target else None
    f = Found(said, "010", "statement:say>010", None, target, "asserted", 0.25, (0, 3), said)
    classify_statement("model:test", f, {0: 0.02, 1: 0.03, 2: 0.0, 3: 0.95, 4: 0.0})
    assert f.code == code


def test_event_model_never_codes_a_clause_whose_other_side_is_the_speakers_own_thing(code) -> None:
    """Where no rule fired, the model codes a clause between two coded actors: "her belief" is the
    Queen's own, no second actor."""
    art = code("Britain's Queen Elizabeth also expressed her belief that the attacks had shaken the world.",
               date="2001-12-05")
    assert not [e for e in art.events if "actors:" not in e.rule and e.rule.startswith("model:")]
