"""A folder of PETRARCH dictionaries, recognised by PETRARCH's file names.

``*.actors.txt`` actors, ``*.agents.txt`` agents, ``*.discards.txt`` discards, ``*.verbs.txt`` or
``CAMEO*.txt`` verbs (so PETRARCH's own folders load as they are). Every file is read in full: its
bad lines become numbered problems, never a failure of the whole file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dyads.errors import DataError, InputError
from dyads.io.petrarch.actors import ActorFile, read_actors
from dyads.io.petrarch.agents import AgentFile, read_agents
from dyads.io.petrarch.common import Problem, decode
from dyads.io.petrarch.discards import DiscardFile, read_discards
from dyads.io.petrarch.verbs import VerbFile, read_verbs

FileKind = Literal["actors", "agents", "discards", "verbs"]


def kind_of(name: str) -> FileKind | None:
    """Which dictionary a file holds, by PETRARCH's naming; None for other files."""
    n = name.lower()
    if n.endswith(".actors.txt"):
        return "actors"
    if n.endswith(".agents.txt"):
        return "agents"
    if n.endswith(".discards.txt"):
        return "discards"
    if n.endswith(".verbs.txt") or (n.startswith("cameo") and n.endswith(".txt")):
        return "verbs"
    return None


@dataclass
class PetrarchDictionaries:
    """Everything read from one folder, with the version (file name + sha256 prefix) of each file."""

    path: Path
    actors: list[ActorFile] = field(default_factory=list)
    agents: list[AgentFile] = field(default_factory=list)
    discards: list[DiscardFile] = field(default_factory=list)
    verbs: list[VerbFile] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)  # file name -> "name@sha8"

    @property
    def problems(self) -> list[Problem]:
        files: list[ActorFile | AgentFile | DiscardFile | VerbFile] = [*self.actors, *self.agents,
                                                                       *self.discards, *self.verbs]
        return [p for f in files for p in f.problems]

    def version_of(self, kind: FileKind) -> str:
        """The versions of the files of one kind, joined with '+' ("" when there are none)."""
        names = [f.name for f in getattr(self, kind)]
        return "+".join(self.versions[n] for n in names)

    @property
    def version(self) -> str:
        return "+".join(self.versions[n] for n in sorted(self.versions))


def file_version(name: str, data: bytes) -> str:
    return f"{name}@{hashlib.sha256(data).hexdigest()[:8]}"


def folder_version(path: str | Path) -> str:
    """The versions (name@sha8) of a folder's dictionary files, without reading them as dictionaries;
    "missing" when the folder cannot be listed."""
    p = Path(path)
    try:
        files = sorted(f for f in p.iterdir() if f.is_file() and kind_of(f.name)) if p.is_dir() else [p]
        return "+".join(file_version(f.name, f.read_bytes()) for f in files)
    except OSError:
        return "missing"


def load_dictionary_dir(path: str | Path) -> PetrarchDictionaries:
    """Read every PETRARCH dictionary in a folder (or one dictionary file).

    Raises DyadsError (E121/E122/E123) before anything is coded when the path cannot be used."""
    p = Path(path)
    if not p.exists():
        raise InputError("E121", path=path, detail="no such file or folder")
    if p.is_file():
        files = [p] if kind_of(p.name) else []
    elif p.is_dir():
        try:
            files = sorted(f for f in p.iterdir() if f.is_file() and kind_of(f.name))
        except OSError as exc:
            raise InputError("E121", path=path, detail=f"cannot list the folder ({exc.strerror})") from exc
    else:
        raise InputError("E121", path=path, detail="not a folder or a file")
    if not files:
        raise InputError("E122", path=path)
    out = PetrarchDictionaries(p)
    readers = {"actors": read_actors, "agents": read_agents, "discards": read_discards, "verbs": read_verbs}
    for f in files:
        kind = kind_of(f.name)
        assert kind is not None
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise DataError("E123", file=f, detail=exc.strerror or exc) from exc
        out.versions[f.name] = file_version(f.name, data)
        getattr(out, kind).append(readers[kind](decode(data), f.name))
    return out
