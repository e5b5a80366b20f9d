"""Stage contracts: checked once when the pipeline is built; a failed stage's dependents do not run."""

from __future__ import annotations

import copy

import pytest

from dyads.annotate.pipeline import check_stages, default_stages
from dyads.annotate.state import ArticleState, Resources, Stage, stage
from dyads.errors import DataError
from dyads.model import Article


def _noop(state: ArticleState, res: Resources) -> None:
    return None


def _fail(state: ArticleState, res: Resources) -> None:
    raise RuntimeError("boom")


def _stages(*specs: tuple[str, tuple[str, ...], tuple[str, ...]]) -> list[Stage]:
    return [stage(name, requires=req, assigns=out)(_noop) for name, req, out in specs]


def test_pipeline_default_stages_fit() -> None:
    stages = default_stages()
    check_stages(stages)
    assert [s.name for s in stages] == ["actors", "dates", "quotes", "events", "attribution", "entities",
                                        "places", "tone"]


def test_pipeline_events_stage_declared_alike_with_and_without_the_model() -> None:
    from dyads.annotate.events import model_stage
    from dyads.annotate.events import stage as rules

    assert default_stages()[3] is model_stage.annotate  # the rules, weighed by the model when it is loaded
    for field in ("name", "requires", "uses", "assigns"):
        assert getattr(model_stage.annotate, field) == getattr(rules.annotate, field)


@pytest.mark.parametrize("stages, detail", [
    (_stages(("events", ("actors",), ("article.events",)), ("actors", ("doc",), ("actors",))),
     "'events' cannot run where it stands: it requires actors, which no earlier stage assigns"),
    (_stages(("a", ("doc",), ("x",)), ("a", ("doc",), ("y",))), "'a' cannot run where it stands: a second stage"),
    ([stage("reader", uses=("speakers",))(_noop), stage("quotes", assigns=("speakers",))(_noop)],
     "'reader' cannot run where it stands: it uses speakers, which a later stage assigns"),
])
def test_pipeline_misordered_stages_are_E024(stages: list[Stage], detail: str) -> None:
    with pytest.raises(DataError, match=f"^E024 pipeline stage {detail}"):
        check_stages(stages)


@pytest.mark.parametrize("stages", [
    [stage("reader", uses=("nobody.gives.this",))(_noop)],  # a use no stage gives is simply absent
])
def test_pipeline_unmet_uses_are_fine(stages: list[Stage]) -> None:
    check_stages(stages)


@pytest.mark.parametrize("failing", ["actors"])
def test_pipeline_failed_stage_marks_its_dependents_not_run(pipeline, failing: str) -> None:
    stages = [stage(s.name, requires=tuple(s.requires), assigns=tuple(s.assigns))(_fail) if s.name == failing else s
              for s in pipeline.stages]
    broken = copy.copy(pipeline)
    broken.stages = stages
    art = broken(Article(id="t1", text="Japan condemned North Korea on Tuesday.", date="2024-01-17"))
    codes = [e.split()[0] for e in art.errors]
    assert codes[0] == "E030" and "actors: RuntimeError('boom')" in art.errors[0]
    not_run = [e.split("'")[1] for e in art.errors[1:]]
    assert codes[1:] == ["E033"] * len(not_run)
    assert not_run == ["quotes", "events", "attribution", "entities", "places", "tone"]  # dates needs no actors
    assert "t1: stage 'events' not run: it needs actors, which actors did not give" in art.errors[2]
    assert "it needs article.events, attributions, which events, quotes did not give" in art.errors[3]
    assert art.events == [] and art.quotes == [] and art.entities == []


def test_pipeline_runs_the_stages_in_order(pipeline) -> None:
    seen: list[str] = []

    def note(name: str) -> Stage:
        return stage(name, requires=("doc",))(lambda state, res: seen.append(name))

    quiet = copy.copy(pipeline)
    quiet.stages = [note("one"), note("two")]
    art = quiet(Article(id="t2", text="Nothing happened.", date=None))
    assert seen == ["one", "two"] and art.errors == [] and len(art.sentences) == 1
