"""The one data loader: every data file, with its version and hash, and the word lists.

Every file under ``dyads/data`` is listed in ``data/MANIFEST.json`` with its version and the
sha256 of each version's bytes, and is read through :func:`load`, which returns its content,
version and sha256 (:class:`DataFile`) or raises one error, E022, for a file that is missing,
unlisted or broken. A run's version string (:func:`data_version`, stored with every event) names
every data file as ``name@version+sha8``, the hash taken from the bytes actually read, so an
edited file shows even where its version was not bumped; ``tests/test_resources.py`` fails when
a file's bytes no longer match its version (run ``tools/manifest.py bump FILE``).

Word lists the stages use (pronouns, cue verbs, auxiliaries …) are data too: :func:`words`,
:func:`word_list` and :func:`word_map` read them from ``data/wordlists.json``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources as package_files
from types import MappingProxyType
from typing import Any

from dyads.errors import DataError, DyadsError

DATA_PACKAGE = "dyads.data"
MANIFEST = "MANIFEST.json"
WORDLISTS = "wordlists.json"


def data_error(name: str, detail: object) -> DyadsError:
    """The one error for a data file that is missing, unlisted or broken."""
    return DataError("E022", name=name, detail=detail)


@dataclass(frozen=True, slots=True)
class DataFile:
    """One data file as read: its bytes, the version the manifest gives it and their sha256."""

    name: str
    version: str
    sha256: str
    content: bytes = field(repr=False)

    @property
    def tag(self) -> str:
        """``name@version+sha8`` (the name without its suffix), as run versions list it."""
        return f"{self.name.split('.', 1)[0]}@{self.version}+{self.sha256[:8]}"

    def text(self) -> str:
        try:
            return self.content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise data_error(self.name, f"not UTF-8: {exc}") from exc

    def json(self) -> Any:
        try:
            return json.loads(self.text())
        except ValueError as exc:
            raise data_error(self.name, f"not JSON: {exc}") from exc


def _read_bytes(name: str) -> bytes:
    try:
        return package_files.files(DATA_PACKAGE).joinpath(name).read_bytes()
    except OSError as exc:
        raise data_error(name, exc.strerror or exc) from exc


@lru_cache(maxsize=1)
def manifest() -> dict[str, dict[str, Any]]:
    """``{file name: {"version", "about", "versions": {version: sha256}}}`` from MANIFEST.json."""
    try:
        files = json.loads(_read_bytes(MANIFEST).decode("utf-8"))["files"]
        for name, entry in files.items():
            if not isinstance(entry["version"], str) or entry["version"] not in entry["versions"]:
                raise ValueError(f"{name}: version {entry['version']!r} has no recorded sha256")
        return files
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise data_error(MANIFEST, exc) from exc


@cache
def load(name: str) -> DataFile:
    """A data file by name (``"lexicon.json"``), read once per process."""
    entry = manifest().get(name)
    if entry is None:
        raise data_error(name, "not listed in data/MANIFEST.json")
    content = _read_bytes(name)
    return DataFile(name, entry["version"], hashlib.sha256(content).hexdigest(), content)


NOT_DATA = frozenset({MANIFEST, "README.md", "__init__.py"})


def manifest_problems() -> list[str]:
    """What makes MANIFEST.json untrue, one line each with the command that mends it: a data file
    it does not list, a listed file that is missing, bytes that differ from the recorded version's."""
    folder = package_files.files(DATA_PACKAGE)
    present = {p.name for p in folder.iterdir() if p.is_file() and p.name not in NOT_DATA
               and not p.name.startswith((".", "_"))}
    files = manifest()
    out = [f"{name}: not in MANIFEST.json; run: tools/manifest.py add {name} --about '...'"
           for name in sorted(present - set(files))]
    for name, entry in files.items():
        if name not in present:
            out.append(f"{name}: listed in MANIFEST.json but missing; remove it from the manifest")
        elif load(name).sha256 != entry["versions"][entry["version"]]:
            out.append(f"{name}: changed since version {entry['version']} was recorded, and its version did "
                       f"not; run: tools/manifest.py bump {name}")
    return out


def data_version() -> str:
    """The version of a run: every data file as ``name@version+sha8``, in name order, joined by ``;``."""
    return ";".join(load(name).tag for name in sorted(manifest()))


@cache
def _wordlists() -> dict[str, Any]:
    raw = load(WORDLISTS).json()
    if not isinstance(raw, dict) or not isinstance(raw.get("lists"), dict):
        raise data_error(WORDLISTS, "no 'lists' object")
    return raw


def word_list(name: str) -> tuple[str, ...]:
    """A word list of ``data/wordlists.json`` in its order (``"dates.months"``)."""
    found = _wordlists()["lists"].get(name)
    if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
        raise data_error(WORDLISTS, f"no word list {name!r}")
    return tuple(found)


def words(name: str) -> frozenset[str]:
    """A word list of ``data/wordlists.json`` as a set (``"pronouns.person"``)."""
    return frozenset(word_list(name))


def word_map(name: str) -> MappingProxyType[str, Any]:
    """A read-only word -> value table of ``data/wordlists.json`` (``"dates.number_words"``)."""
    found = _wordlists().get("maps", {}).get(name)
    if not isinstance(found, dict):
        raise data_error(WORDLISTS, f"no word map {name!r}")
    return MappingProxyType(dict(found))
