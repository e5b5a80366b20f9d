"""Pipeline stage: document tone and loaded language.

Tone follows GDELT's definition: (positive words - negative words) / all words x 100, over the
whole text, with the small word lists of ``data/tone_lexicon.json`` (authored for dyads, versioned).
``article.tone`` holds the score; ``article.meta["tone_detail"]`` the positive and negative
percentages and the word count.

Loaded language: evaluative words of the same lexicon ("harsh sanctions", "defensive nuclear …
programs", "the regime") used in the article's own voice, i.e. outside quotation marks and outside
the content of reported speech, go to ``article.meta["loaded_language"]`` as
``{"text", "start", "end"}`` spans (the word with the noun it qualifies).
Counting is done with one regular-expression scan and a Counter: no Python loop over tokens.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Article
from dyads.nlp.quotemarks import quote_regions
from dyads.resources import data_error, load

WORD = re.compile(r"[a-z][a-z'’-]*")
LEXICON_FILE = "tone_lexicon.json"


@dataclass(frozen=True)
class ToneLexicon:
    version: str
    positive: frozenset[str]
    negative: frozenset[str]
    loaded: re.Pattern[str]


@lru_cache(maxsize=2)
def load_tone_lexicon(name: str = LEXICON_FILE) -> ToneLexicon:
    """The versioned tone lexicon shipped with dyads (read once per process)."""
    file = load(name)
    try:
        raw = file.json()
        words = sorted(raw["loaded"], key=len, reverse=True)
        loaded = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        return ToneLexicon(file.tag, frozenset(raw["positive"]), frozenset(raw["negative"]), loaded)
    except (ValueError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise data_error(name, f"{type(exc).__name__}: {exc}") from exc


def tone_of(text: str, lex: ToneLexicon) -> dict[str, float]:
    """GDELT-like tone of a text: positive and negative percentages, polarity and word count."""
    counts = Counter(WORD.findall(text.lower()))
    total = sum(counts.values())
    pos = sum(n for w, n in counts.items() if w in lex.positive)
    neg = sum(n for w, n in counts.items() if w in lex.negative)
    if not total:
        return {"tone": 0.0, "positive": 0.0, "negative": 0.0, "words": 0}
    return {"tone": round((pos - neg) / total * 100, 4), "positive": round(pos / total * 100, 4),
            "negative": round(neg / total * 100, 4), "words": total}


@stage("tone", requires=("doc", "article.quotes"), assigns=("article.tone", "article.meta"))
def annotate(state: ArticleState, res: Resources) -> None:
    article = state.article
    lex = load_tone_lexicon()
    detail = tone_of(article.text, lex)
    article.tone = detail.pop("tone")
    article.meta["tone_detail"] = detail
    article.meta["loaded_language"] = loaded_language(article, lex, state.doc)


def loaded_language(article: Article, lex: ToneLexicon, doc: Doc | None = None) -> list[dict[str, Any]]:
    """Loaded words in the article's own voice, each with the phrase it qualifies."""
    text = article.text
    attributed = [(q.content.start, q.content.end) for q in article.quotes]
    attributed += [(r.start, r.end) for r in quote_regions(text)]
    out: list[dict[str, Any]] = []
    for m in lex.loaded.finditer(text):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in attributed):
            continue
        if doc is not None:
            s, e = _phrase(doc, s, e)
        if out and s < out[-1]["end"]:
            continue
        out.append({"text": text[s:e], "start": s, "end": e})
    return out


def _phrase(doc: Any, start: int, end: int) -> tuple[int, int]:
    """An adjective with the noun it modifies ("harsh sanctions", "defensive nuclear and
    ballistic missile programs"); other words stand alone."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return start, end
    tok = span[0]
    if tok.dep_ not in {"amod", "conj"} or tok.head.i < tok.i:
        return start, end
    head = tok.head
    while head.dep_ in {"amod", "compound", "conj"} and head.head.i > head.i and head.pos_ != "NOUN":
        head = head.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    if head.i - tok.i > 8:
        return start, end
    return start, head.idx + len(head.text)
