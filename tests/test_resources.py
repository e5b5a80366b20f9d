"""The one data loader: every data file listed with an honest version, one error for a bad file."""

from __future__ import annotations

import re

import pytest

from dyads import resources
from dyads.errors import DyadsError
from dyads.resources import DataFile, data_version, load, manifest, manifest_problems, words


def test_resources_manifest_lists_every_data_file_with_its_bytes() -> None:
    """Fails when a data file changed and its version did not (or a file is new or gone)."""
    assert manifest_problems() == []


@pytest.mark.parametrize("name", sorted(manifest()))
def test_resources_load_gives_content_version_and_hash(name: str) -> None:
    f = load(name)
    assert f.content and re.fullmatch(r"\d{4}\.\d{2}\.\d+", f.version) and len(f.sha256) == 64
    assert f.tag == f"{name.split('.')[0]}@{f.version}+{f.sha256[:8]}"


def test_resources_run_version_names_every_data_file() -> None:
    tags = data_version().split(";")
    names = {t.split("@")[0] for t in tags if "@" in t}
    assert names == {n.split(".")[0] for n in manifest()}


@pytest.mark.parametrize("name, detail", [
    ("no-such-file.json", "not listed in data/MANIFEST.json"),
])
def test_resources_unlisted_file_is_E022(name: str, detail: str) -> None:
    with pytest.raises(DyadsError, match=rf"^E022 data file '{name}' is missing or invalid \({detail}\)"):
        load(name)


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe"])
def test_resources_broken_file_is_E022(content: bytes) -> None:
    f = DataFile("x.json", "2026.12.1", "0" * 64, content)
    with pytest.raises(DyadsError, match=r"^E022 data file 'x.json' is missing or invalid"):
        f.json()


def test_resources_missing_listed_file_is_E022(monkeypatch: pytest.MonkeyPatch) -> None:
    listed = dict(manifest(), **{"gone.json": {"version": "2026.12.1", "versions": {"2026.12.1": "0" * 64}}})
    monkeypatch.setattr(resources, "manifest", lambda: listed)
    with pytest.raises(DyadsError, match=r"^E022 data file 'gone.json' is missing or invalid"):
        resources.load.__wrapped__("gone.json")


def test_resources_unknown_word_list_is_E022() -> None:
    with pytest.raises(DyadsError, match=r"^E022 data file 'wordlists.json' .*no word list 'no.such.list'"):
        words("no.such.list")


def test_resources_changed_bytes_without_a_new_version_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    real = load("lexicon.json")
    edited = DataFile(real.name, real.version, "f" * 64, real.content + b" ")
    monkeypatch.setattr(resources, "load", lambda name: edited if name == "lexicon.json" else real)
    assert [p for p in manifest_problems() if p.startswith("lexicon.json")] == [
        f"lexicon.json: changed since version {real.version} was recorded, and its version did not; "
        "run: tools/manifest.py bump lexicon.json"]
