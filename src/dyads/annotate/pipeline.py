"""The annotation pipeline: spaCy parse, then small stages that each read and add to one article.

A stage (:mod:`dyads.annotate.state`) declares what it requires, uses and assigns; the pipeline
checks the declarations once, when it is built (E024 for stages out of order), runs the stages
in order on an :class:`~dyads.annotate.state.ArticleState` after the parse, and routes a stage's
failure to the article's ``errors`` (E030) instead of stopping the batch: the stages that require
what the failed one assigns are not run, and the errors say so (E033). Stages never import the
store, the API or the runner.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyads.annotate.state import GIVEN, ArticleState, Resources, Stage
from dyads.config import dictionaries_mode as dictionaries_mode_of
from dyads.config import dictionaries_path, model_name
from dyads.errors import DataError, DyadsError, InputError, message
from dyads.io.readers import ReadError
from dyads.limits import MAX_CHARS
from dyads.model import Article, Sentence
from dyads.nlp.load import load_nlp
from dyads.nlp.normalize import normalize, restore_input
from dyads.nlp.quotemarks import TEXT_KEY
from dyads.textcheck import clean_text, text_problem


def load_resources(nlp: Language, dictionaries: str | None = None, dictionaries_mode: str = "extend",
                   event_model: bool = True) -> Resources:
    """Dictionaries, lexicon and CAMEO table, with the phrase matchers compiled for ``nlp``; with
    ``dictionaries`` (a folder of PETRARCH dictionaries), the user's dictionaries extend dyads' own
    or replace them (``dictionaries_mode``), and the run's version names their files too; and the
    trained event model unless ``event_model`` is False (when it cannot be loaded, its numbered
    error is kept in ``extras`` and the rules code alone)."""
    from dyads.annotate.actors.dictionary import ActorDictionary, load_actor_dictionary
    from dyads.annotate.actors.matcher import ActorMatcher
    from dyads.annotate.events.cameo import load_cameo
    from dyads.annotate.events.lexicon import load_lexicon
    from dyads.annotate.geo.gazetteer import gazetteer
    from dyads.resources import data_version

    actors = load_actor_dictionary()
    gazetteer()  # the place gazetteer the resolver and the places stage share, loaded up front
    matcher = ActorMatcher(nlp, actors)
    extras: dict[str, Any] = {"actor_matcher": matcher}
    if event_model:
        from dyads.annotate.events.event_model import EventModelError, load_event_model
        from dyads.annotate.events.model_stage import ERROR_KEY, KEY

        try:
            extras[KEY] = load_event_model()
        except EventModelError as exc:
            extras[ERROR_KEY] = str(exc)
    if dictionaries is None:
        return Resources(actors=actors, lexicon=load_lexicon(), cameo=load_cameo(), extras=extras)
    from functools import partial

    from dyads.annotate.petrarch.actors import PetrarchActors, PetrarchMatcher
    from dyads.annotate.petrarch.load import load_petrarch

    if dictionaries_mode not in ("extend", "replace"):
        raise InputError("E124", value=dictionaries_mode)
    replace = dictionaries_mode == "replace"
    petrarch = load_petrarch(dictionaries, nlp, "replace" if replace else "extend")
    extras.update({"actor_matcher": PetrarchMatcher(petrarch, None if replace else matcher), "petrarch": petrarch,
                   "resolver": partial(PetrarchActors, replace=replace)})
    return Resources(actors=ActorDictionary(version="") if replace else actors, lexicon=load_lexicon(),
                     cameo=load_cameo(), extras=extras,
                     version=f"{data_version()};dictionaries:{dictionaries_mode}:{petrarch.version}")


def default_stages(resources: Resources | None = None) -> list[Stage]:
    """The standard stages, in order; each stage module's ``annotate`` is a :class:`Stage`. With a
    user's PETRARCH verb dictionary loaded, its events stage (:mod:`dyads.annotate.petrarch.stage`) codes."""
    from dyads.annotate import attribution, dates, entities, tone
    from dyads.annotate.actors import stage as actors
    from dyads.annotate.events import model_stage
    from dyads.annotate.geo import stage as places
    from dyads.annotate.quotes import stage as quotes

    events: Stage = model_stage.annotate  # the rules, weighed by the event model when it is loaded
    petrarch = resources.extras.get("petrarch") if resources is not None else None
    if petrarch is not None and petrarch.verbs is not None:
        from dyads.annotate.petrarch import stage as petrarch_stage

        events = petrarch_stage.annotate

    return [actors.annotate, dates.annotate, quotes.annotate, events, attribution.annotate,
            entities.annotate, places.annotate, tone.annotate]


def check_stages(stages: Sequence[Stage]) -> None:
    """E024 unless every stage's requirements are assigned by an earlier stage (or given: the parse
    and the article as read), nothing it uses comes from a later stage, and names are unique."""
    names: set[str] = set()
    assigned = set(GIVEN)
    later = {a for st in stages for a in st.assigns}
    for st in stages:
        problem = None
        if st.name in names:
            problem = "a second stage of this name"
        elif missing := st.requires - assigned:
            problem = f"it requires {', '.join(sorted(missing))}, which no earlier stage assigns"
        elif early := (st.uses - assigned) & later:
            problem = f"it uses {', '.join(sorted(early))}, which a later stage assigns"
        if problem:
            raise DataError("E024", stage=st.name, detail=problem)
        names.add(st.name)
        assigned |= st.assigns


class Pipeline:
    """Parse with spaCy and run the dyads stages. One per process; reuse it for every batch.

    One article never costs another: a text over the size limit is refused before spaCy sees it
    (E004), lone surrogates are replaced (E012), a stage that raises leaves an E030 on the article,
    and a batch that spaCy cannot parse is parsed again one article at a time, so only the article
    that fails is lost (E030)."""

    def __init__(self, model: str | None = None, stages: Sequence[Stage] | None = None,
                 dictionaries: str | None = None, dictionaries_mode: str | None = None,
                 event_model: bool = True) -> None:
        """``dictionaries``: a folder of PETRARCH dictionaries (default $DYADS_DICTIONARIES), which
        extend dyads' own or replace them (``dictionaries_mode``, default $DYADS_DICTIONARIES_MODE
        or "extend"); ``event_model=False`` codes with the rules alone (the CLI's ``--no-model``)."""
        if stages is not None:
            check_stages(stages)
        self.model = model_name(model)
        self.nlp = load_nlp(self.model)
        self.nlp.max_length = MAX_CHARS  # the one size limit (dyads.limits): spaCy never disagrees
        self.dictionaries = dictionaries_path(dictionaries)
        self.resources = load_resources(self.nlp, self.dictionaries, dictionaries_mode_of(dictionaries_mode),
                                        event_model=event_model)
        self.stages = list(stages) if stages is not None else default_stages(self.resources)
        check_stages(self.stages)

    @property
    def version(self) -> str:
        return self.resources.version

    def __call__(self, article: Article) -> Article:
        """Annotate one article; raises :class:`DyadsError` when it cannot be coded."""
        [(art, problem)] = self._annotate([article], 1)
        if problem is not None:
            raise DyadsError(problem)
        return art

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Article]:
        """Annotate articles lazily, in order. Never raises for one bad article: one that cannot be
        coded comes back without annotations and with the reason in ``errors``."""
        it = iter(articles)
        while batch := list(itertools.islice(it, batch_size)):
            for art, problem in self._annotate(batch, batch_size):
                if problem is not None:
                    art.errors.append(problem)
                yield art

    def code(self, items: Iterable[Article | ReadError], batch_size: int = 16) -> Iterator[Article | ReadError]:
        """Annotate a stream of read items lazily, in order: a ReadError passes through, an article
        comes back annotated, or as a ReadError naming it when it cannot be coded."""
        it = iter(items)
        while batch := list(itertools.islice(it, batch_size)):
            articles = [x for x in batch if isinstance(x, Article)]
            done = iter(self._annotate(articles, batch_size))
            for x in batch:
                if isinstance(x, Article):
                    art, problem = next(done)
                    yield art if problem is None else ReadError(art.id, problem)
                else:
                    yield x

    def _annotate(self, articles: list[Article], batch_size: int) -> list[tuple[Article, str | None]]:
        """Each article annotated, or with the reason it cannot be (then without annotations)."""
        out: list[tuple[Article, str | None]] = []
        ready: list[Article] = []
        for art in articles:
            problem = text_problem(art.id, art.text, MAX_CHARS)
            if problem is None:
                art.text, warning = clean_text(art.id, art.text)
                if warning:
                    art.errors.append(warning)
                ready.append(art)
            out.append((art, problem))
        if not ready:
            return out
        pristine = [_pristine(a) for a in ready]
        parsed: list[Article] = []
        failed: dict[int, str] = {}
        try:
            parsed.extend(self._parse(ready, batch_size))
        except Exception:  # noqa: BLE001 - parse the rest one by one, to lose only the one that fails
            for fresh in pristine[len(parsed):]:
                try:
                    parsed.extend(self._parse([fresh], 1))
                except Exception as exc:  # noqa: BLE001
                    failed[id(fresh)] = message("E030", item=fresh.id, detail=f"parse: {exc!r}"[:300])
                    parsed.append(fresh)
        done = {id(a): p for a, p in zip(ready, parsed, strict=True)}
        return [(done[id(a)], failed.get(id(done[id(a)]))) if problem is None else (a, problem)
                for a, problem in out]

    def _parse(self, articles: list[Article], batch_size: int) -> Iterator[Article]:
        """Parse the repaired text (dyads.nlp.normalize), run the stages on it, and report every
        offset into the article's own text."""
        stream = ((norm.text, (a, norm)) for a in articles for norm in (normalize(a.text),))
        for doc, (article, norm) in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            article.text = norm.text  # the stages read the repaired text the parser read ...
            yield restore_input(self.annotate_doc(article, doc), norm)  # ... and report the input's offsets

    def annotate_doc(self, article: Article, doc: Doc) -> Article:
        """Run the stages on one parsed article (the Doc is not kept on it)."""
        doc.user_data[TEXT_KEY] = article.text  # doc.text, without re-joining every token
        article.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
        state = ArticleState(article, doc)
        lost: dict[str, str] = {}  # what a failed (or skipped) stage did not assign -> that stage
        for st in self.stages:
            lacking = sorted(st.requires & lost.keys())
            if lacking:
                by = ", ".join(sorted({lost[x] for x in lacking}))
                article.errors.append(message("E033", item=article.id, stage=st.name, needs=", ".join(lacking),
                                              by=by))
            else:
                try:
                    st(state, self.resources)
                    continue
                except Exception as exc:  # noqa: BLE001 - one stage's failure must not stop the batch
                    article.errors.append(message("E030", item=article.id, detail=f"{st.name}: {exc!r}"[:300]))
            for name in st.assigns:
                lost.setdefault(name, st.name)
        return article


def _pristine(article: Article) -> Article:
    """A copy of an article as it came in, to parse again after a failed batch (stages may have
    written into the original)."""
    return replace(article, sentences=[], events=[], quotes=[], entities=[], errors=list(article.errors),
                   meta=dict(article.meta))


def get_pipeline(model: str | None = None, dictionaries: str | None = None,
                 dictionaries_mode: str | None = None, event_model: bool = True) -> Pipeline:
    """The process-wide pipeline for a spaCy model and dictionaries, with or without the trained
    event model (loaded once per process: ``get_pipeline()``, ``get_pipeline(None)`` and
    ``get_pipeline(<the default's name>)`` are one)."""
    return _pipeline(model_name(model), dictionaries_path(dictionaries), dictionaries_mode_of(dictionaries_mode),
                     event_model)


@lru_cache(maxsize=4)
def _pipeline(model: str, dictionaries: str | None, dictionaries_mode: str, event_model: bool = True) -> Pipeline:
    return Pipeline(model, dictionaries=dictionaries, dictionaries_mode=dictionaries_mode, event_model=event_model)
