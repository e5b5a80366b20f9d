"""Dependency labels and entity types that several modules test for, named once.

(Lexical word lists are data: ``data/wordlists.json``, read through :mod:`dyads.resources`.)
"""

from __future__ import annotations

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})  # the dependencies of a clause's subject
WHEN = frozenset({"DATE", "TIME"})  # entity types that name a time, never an actor or a speaker
