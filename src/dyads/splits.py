"""The development-data split: which gold items may be used for tuning and which are kept apart.

Deterministic from the item id alone (MD5 of the id, modulo 5): one item in five is kept apart
and never used to tune the lexicon, the dictionaries or the event model, so that reports on it show
whether a change generalises.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Split = Literal["tune", "heldout"]


def split_of(item_id: str) -> Split:
    digest = int(hashlib.md5(str(item_id).encode("utf-8")).hexdigest(), 16)
    return "heldout" if digest % 5 == 0 else "tune"
