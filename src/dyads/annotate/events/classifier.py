"""A small, explainable sentence classifier for the event class (PentaClass) of a sentence.

It is a multinomial logistic regression over sparse features of the parsed sentence (lemmas, the
root verb, verb-object pairs, negation, future). The weights are a versioned JSON data file
(``dyads/data/penta_model.json``) trained by ``tools/train_classifier.py`` from the development
gold data, so every prediction can be explained by the features that pushed it. The event coder
uses it only where no lexicon pattern fires, and says so in the event's ``rule``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dyads.resources import data_error, load, words

STOP = words("classifier.stop_words")  # the words the model was trained without
# CAMEO code used for a sentence the classifier puts in each PentaClass (the class's generic code).
CLASS_CODES = {0: "010", 1: "030", 2: "060", 3: "110", 4: "190"}


def features(sent: Any) -> list[str]:
    """Sparse features of one parsed sentence (a spaCy Span)."""
    out: list[str] = []
    root = sent.root
    out.append(f"root={root.lemma_.lower()}")
    for t in sent:
        if t.is_punct or t.is_space or t.like_num:
            continue
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "PROPN") and lemma not in STOP and t.is_alpha:
            if t.pos_ != "PROPN":
                out.append(f"w={lemma}")
        if t.pos_ == "VERB":
            out.append(f"v={lemma}")
            for c in t.children:
                if c.dep_ in ("dobj", "prt") and c.is_alpha:
                    out.append(f"vo={lemma}_{c.lemma_.lower()}")
                if c.dep_ == "neg":
                    out.append("neg")
                if c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll"):
                    out.append("future")
    return out


@dataclass(frozen=True)
class PentaModel:
    version: str
    classes: tuple[int, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, feats: list[str]) -> list[float]:
        z = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k in range(len(z)):
                    z[k] += w[k]
        m = max(z)
        e = [math.exp(v - m) for v in z]
        s = sum(e)
        return [v / s for v in e]

    def predict(self, sent: Any) -> tuple[int, float, list[str], list[float]]:
        """(PentaClass, its probability, the three features that pushed hardest for it, all
        class probabilities in the order of ``classes``)."""
        feats = features(sent)
        probs = self.scores(feats)
        k = max(range(len(probs)), key=probs.__getitem__)
        why = sorted({f for f in feats if f in self.weights}, key=lambda f: (-self.weights[f][k], f))[:3]
        return self.classes[k], probs[k], why, probs


MODEL_FILE = "penta_model.json"
MODEL_NAME = "penta-bow"  # the model's name in rule ids: model:penta-bow-<version>[features]>code


@lru_cache(maxsize=1)
def load_penta_model() -> PentaModel:
    """The packaged model (``data/penta_model.json``, read once per process)."""
    file = load(MODEL_FILE)
    try:
        raw = file.json()
        return PentaModel(f"{MODEL_NAME}-{file.version}", tuple(raw["classes"]), tuple(raw["bias"]),
                          {k: tuple(v) for k, v in raw["weights"].items()})
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise data_error(file.name, f"{type(exc).__name__}: {exc}") from exc
