"""CAMEO event codes: labels, Goldstein scale, QuadClass, PentaClass and PLOVER type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyads.resources import data_error, load


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    plover: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad(self) -> int:
        return quad_class(self.root)

    @property
    def penta(self) -> int:
        return penta_class(self.root)


def quad_class(root: str | int) -> int:
    """GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def penta_class(root: str | int) -> int:
    """Phoenix PentaClass: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = 14, 15, 17-20."""
    r = int(root)
    if r <= 2:
        return 0
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13 or r == 16:
        return 3
    return 4


QUAD_LABELS = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


class CameoTable:
    """The project's CAMEO table (src/dyads/data/cameo.json, built by tools/build_cameo.py)."""

    def __init__(self, version: str, codes: dict[str, CameoCode]) -> None:
        self.version = version
        self._codes = codes

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; unknown 4-digit codes fall back to their 3-digit parent."""
        for c in (code, code[:3], code[:2]):
            if c in self._codes:
                found = self._codes[c]
                return found if c == code else CameoCode(code, found.label, found.goldstein, found.plover)
        raise KeyError(f"unknown CAMEO code {code!r}")

    def codes(self) -> list[str]:
        return sorted(self._codes)


NOT_SPECIFIED = ", not specified below"  # the tail of CAMEO's labels for codes with more specific children


def label_of(code: str | None, *, short: bool = True) -> str | None:
    """The CAMEO label of ``code`` (a 4-digit code the table lacks takes its parent's); ``short``
    drops CAMEO's ", not specified below". None for an empty or unknown code."""
    if not code:
        return None
    try:
        label = load_cameo().get(code).label
    except KeyError:
        return None
    return label.replace(NOT_SPECIFIED, "") if short else label


@lru_cache(maxsize=1)
def load_cameo() -> CameoTable:
    """The packaged CAMEO table (``data/cameo.json``, read once per process)."""
    file = load("cameo.json")
    try:
        codes = {k: CameoCode(k, v["label"], float(v["goldstein"]), v.get("plover"))
                 for k, v in file.json()["codes"].items()}
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise data_error(file.name, f"{type(exc).__name__}: {exc}") from exc
    return CameoTable(file.tag, codes)
