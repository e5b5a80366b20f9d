"""The trained event model at run time: int8 ONNX MiniLM, PentaClass probabilities for sentences.

Inference needs onnxruntime, tokenizers and numpy only (no torch). The model file, its tokenizer
and its description (``event_model.json``: version, classes, sha256 of both files) are package
data trained by ``tools/train_event_model.py``, read through the one data loader
(``dyads.resources.load``; MANIFEST.json lists them); both hashes are checked on load, and
:class:`EventModelError` (numbered, one line) is raised when a file is missing or damaged, so the
caller can run the rules alone and say so.

Sentences are tokenised in one batch and padded to the longest sentence of each batch (never to a
fixed length), after sorting by length so that short sentences are not padded to a long one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyads.errors import DataError

MAX_BATCH = 8
META = "event_model.json"  # the model's description in dyads/data: version, classes, files, sha256s


class EventModelError(DataError):
    """E025: the event model cannot be used (missing, damaged, or not loadable)."""


@dataclass(frozen=True)
class EventModel:
    """One loaded model: an onnxruntime session and its tokenizer. Thread-safe for ``classify``."""

    name: str
    version: str
    classes: tuple[int, ...]
    max_len: int
    sha256: str
    session: Any
    tokenizer: Any

    @property
    def tag(self) -> str:
        """What events record as the model that touched them: ``model:penta-minilm-<version>``."""
        return f"model:{self.name}-{self.version}"

    @classmethod
    def load(cls, folder: Path, threads: int = 1) -> EventModel:
        """Load ``event_model.json`` and the files it names from a folder (the training tool's output)."""
        meta_name = "event_model.json"
        try:
            meta = json.loads((folder / meta_name).read_text(encoding="utf-8"))
            files = {name: (folder / name).read_bytes() for name in (meta["file"], meta["tokenizer"])}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise EventModelError("E025", path=meta_name, detail=f"{type(exc).__name__}: {exc}") from None
        return cls.from_bytes(meta, files, threads)

    @classmethod
    def from_bytes(cls, meta: dict[str, Any], files: dict[str, bytes], threads: int = 1) -> EventModel:
        """The model described by ``meta`` (``event_model.json``) from the bytes of its files,
        each checked against the sha256 ``meta`` gives."""
        try:
            pins = ((meta["file"], meta["sha256"]), (meta["tokenizer"], meta["tokenizer_sha256"]))
            for name, want in pins:
                got = hashlib.sha256(files[name]).hexdigest()
                if got != want:
                    detail = f"sha256 {got[:12]}… is not the pinned {want[:12]}…"
                    raise EventModelError("E025", path=name, detail=detail)
            tokenizer_json = files[meta["tokenizer"]].decode("utf-8")
            name, version = meta["name"], meta["version"]
            classes, max_len = tuple(meta["classes"]), int(meta["max_len"])
        except EventModelError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise EventModelError("E025", path=META, detail=f"{type(exc).__name__}: {exc}") from None
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            if threads != 1:  # threads that spin while they wait steal the cores of a shared machine
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            session = ort.InferenceSession(files[meta["file"]], sess_options=opts, providers=["CPUExecutionProvider"])
            tokenizer = Tokenizer.from_str(tokenizer_json)
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types for a bad file
            raise EventModelError("E025", path=meta["file"], detail=f"{type(exc).__name__}: {exc}") from None
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return cls(name, version, classes, max_len, meta["sha256"], session, tokenizer)

    def classify_sentences(self, sents: Sequence[Any]) -> list[list[float]]:
        """Class probabilities for parsed sentences (spaCy Spans), in input order."""
        return self.classify([s.text for s in sents])

    def classify(self, texts: Sequence[str], batch: int = MAX_BATCH) -> list[list[float]]:
        """Class probabilities (in the order of ``classes``) for each text, in input order."""
        import numpy as np

        if not texts:
            return []
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=True)
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        out: list[list[float]] = [[] for _ in texts]
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            n = min(self.max_len, max(len(encs[i].ids) for i in idx))
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.int64)
            for r, i in enumerate(idx):
                e = encs[i].ids
                k = min(n, len(e))
                ids[r, :k] = e[:k]
                mask[r, :k] = 1
                if len(e) > n:  # truncated: keep the final [SEP]
                    ids[r, k - 1] = e[-1]
            probs = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for r, i in enumerate(idx):
                out[i] = [float(p) for p in probs[r]]
        return out


@lru_cache(maxsize=1)
def load_event_model() -> EventModel:
    """The packaged model, read through the one data loader and loaded once per process (threads
    share its session); raises :class:`EventModelError` when a file is missing or damaged. The model
    runs on one thread, like the rest of the pipeline (``--workers`` uses more cores), or on
    ``OMP_NUM_THREADS``."""
    import os

    from dyads.errors import DyadsError
    from dyads.resources import load

    try:
        meta = load(META).json()
        files = {name: load(name).content for name in (meta["file"], meta["tokenizer"])}
    except DyadsError as exc:
        raise EventModelError("E025", path=META, detail=str(exc)) from None
    except (KeyError, TypeError) as exc:
        raise EventModelError("E025", path=META, detail=f"{type(exc).__name__}: {exc}") from None
    threads = os.environ.get("OMP_NUM_THREADS", "")
    return EventModel.from_bytes(meta, files, threads=int(threads) if threads.isdigit() else 1)
