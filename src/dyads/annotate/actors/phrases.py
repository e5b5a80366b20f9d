"""Find phrases given as token sequences: one dict from the phrase (its tokens joined by blanks) to a
value, and the longest phrase length for each first token.

Thousands of dictionary phrases (the generated Phoenix people, groups and organisations) load far
faster this way than through spaCy's PhraseMatcher, which needs every phrase tokenized and added at
start-up: the build tool stores the phrases tokenized, and ``json.loads`` builds both dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

V = TypeVar("V")


class PhraseTable(Generic[V]):
    """Phrases ("ronald reagan") -> values; ``find`` returns every match in a list of token texts."""

    def __init__(self, phrases: dict[str, V] | None = None, heads: dict[str, int] | None = None) -> None:
        self.phrases: dict[str, V] = phrases if phrases is not None else {}
        if heads is None:
            heads = {}
            for p in self.phrases:
                first, _, _ = p.partition(" ")
                n = p.count(" ") + 1
                if heads.get(first, 0) < n:
                    heads[first] = n
        self.heads = heads

    def __len__(self) -> int:
        return len(self.phrases)

    def add(self, tokens: Sequence[str], value: V) -> bool:
        """Add a phrase; False (and no change) when it is already there."""
        key = " ".join(tokens)
        if not key or key in self.phrases:
            return False
        self.phrases[key] = value
        if self.heads.get(tokens[0], 0) < len(tokens):
            self.heads[tokens[0]] = len(tokens)
        return True

    def find(self, tokens: Sequence[str]) -> list[tuple[int, int, V]]:
        """Every (start, end, value) whose phrase equals tokens[start:end]."""
        out = []
        heads, phrases = self.heads, self.phrases
        n = len(tokens)
        for i, tok in enumerate(tokens):
            longest = heads.get(tok)
            if longest is None:
                continue
            for j in range(i + 1, min(n, i + longest) + 1):
                value = phrases.get(" ".join(tokens[i:j]))
                if value is not None:
                    out.append((i, j, value))
        return out
