"""Train the PentaClass sentence classifier (src/dyads/data/penta_model.json).

    .venv/bin/python tools/train_classifier.py [../shared/data/gold/conflibert-cameo-train.jsonl]

Reproducible: deterministic features (spaCy parse), deterministic full-batch gradient descent
from zeros. Only the tuning part of the gold file is used (``dyads.splits.split_of(id) ==
"tune"``); the kept-apart part is reported for a generalisation check and never trained on.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from dyads.annotate.events.classifier import features
from dyads.nlp.load import load_nlp
from dyads.splits import split_of

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/dyads/data/penta_model.json"
MIN_DF = 2
L2 = 0.02
STEPS = 400
LR = 0.5


def load(path: Path) -> list[tuple[str, str, int]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        pentas = [e.get("penta") for e in r.get("events", []) if e.get("penta") is not None]
        if pentas:
            rows.append((r["id"], r["text"], int(pentas[0])))
    return rows


def featurize(rows: list[tuple[str, str, int]]) -> list[list[str]]:
    nlp = load_nlp()
    out = []
    for doc in nlp.pipe((t for _, t, _ in rows), batch_size=64):
        feats: list[str] = []
        for sent in doc.sents:
            feats.extend(features(sent))
        out.append(sorted(set(feats)))
    return out


def main() -> None:
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/gold/conflibert-cameo-train.jsonl"
    rows = load(gold)
    feats = featurize(rows)
    tune = [i for i, (rid, _, _) in enumerate(rows) if split_of(rid) == "tune"]
    kept = [i for i, (rid, _, _) in enumerate(rows) if split_of(rid) != "tune"]
    df: dict[str, int] = {}
    for i in tune:
        for f in feats[i]:
            df[f] = df.get(f, 0) + 1
    vocab = sorted(f for f, n in df.items() if n >= MIN_DF)
    index = {f: j for j, f in enumerate(vocab)}
    classes = sorted({rows[i][2] for i in tune})

    def matrix(ids: list[int]) -> np.ndarray:
        x = np.zeros((len(ids), len(vocab)), dtype=np.float64)
        for r, i in enumerate(ids):
            for f in feats[i]:
                if f in index:
                    x[r, index[f]] = 1.0
        return x

    x, y = matrix(tune), np.array([classes.index(rows[i][2]) for i in tune])
    onehot = np.eye(len(classes))[y]
    w = np.zeros((len(vocab), len(classes)))
    b = np.zeros(len(classes))
    for _ in range(STEPS):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = p - onehot
        w -= LR * (x.T @ g / len(tune) + L2 * w)
        b -= LR * g.mean(axis=0)

    def accuracy(ids: list[int]) -> float:
        if not ids:
            return float("nan")
        pred = (matrix(ids) @ w + b).argmax(axis=1)
        return float(np.mean([classes[k] == rows[i][2] for k, i in zip(pred, ids, strict=True)]))

    keep = {f: [round(float(v), 4) for v in w[index[f]]] for f in vocab if np.abs(w[index[f]]).max() >= 0.01}
    OUT.write_text(json.dumps({"trained_on": f"{gold.name} (tune split, {len(tune)} items)",
                               "classes": classes, "bias": [round(float(v), 4) for v in b],
                               "weights": keep}, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(tune)} tune / {len(kept)} kept-apart items, {len(keep)} features -> {OUT}; "
          "record it: .venv/bin/python tools/manifest.py bump penta_model.json")
    print(f"accuracy: tune {accuracy(tune):.3f}, kept-apart {accuracy(kept):.3f}")


if __name__ == "__main__":
    main()
