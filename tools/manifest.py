"""Keep src/dyads/data/MANIFEST.json true: every data file, its version, the sha256 of each version.

    .venv/bin/python tools/manifest.py check               # what tests/test_resources.py checks
    .venv/bin/python tools/manifest.py bump lexicon.json   # after editing a file: a new version
    .venv/bin/python tools/manifest.py add FILE --about "what it holds"   # a new data file

A version is ``YYYY.MM.N``: ``bump`` takes today's year and month, and N one past the highest N
this file had in that month (or ``--version V``). A version once recorded keeps its sha256 for
good: ``bump`` refuses to record other bytes under a version the file already had, so a version
always names one content. Run versions (``dyads.resources.data_version``) list every file as
``name@version+sha8``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "dyads" / "data"
MANIFEST = DATA / "MANIFEST.json"
ABOUT = ("Every data file of dyads with its current version and the sha256 of every version it has had. "
         "Edit a file, then run '.venv/bin/python tools/manifest.py bump FILE'; see src/dyads/data/README.md.")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {"about": ABOUT, "files": {}}


def write(manifest: dict) -> None:
    manifest["files"] = dict(sorted(manifest["files"].items()))
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def next_version(versions: dict[str, str], today: dt.date) -> str:
    month = f"{today.year}.{today.month:02d}"
    taken = [int(v.rsplit(".", 1)[1]) for v in versions if v.rsplit(".", 1)[0] == month]
    return f"{month}.{max(taken, default=0) + 1}"


def bump(manifest: dict, name: str, version: str | None, about: str | None = None) -> str:
    path = DATA / name
    if not path.is_file():
        raise SystemExit(f"{name}: no such file in {DATA}")
    entry = manifest["files"].setdefault(name, {"version": "", "about": about or "", "versions": {}})
    if about:
        entry["about"] = about
    digest = sha256(path)
    if entry["versions"].get(entry["version"]) == digest:
        raise SystemExit(f"{name}: unchanged since version {entry['version']}; nothing to bump")
    version = version or next_version(entry["versions"], dt.date.today())
    if version in entry["versions"] and entry["versions"][version] != digest:
        raise SystemExit(f"{name}: version {version} already names other content; give a new version")
    entry["version"] = version
    entry["versions"][version] = digest
    return version


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="list what is out of date (exit 1 if anything is)")
    b = sub.add_parser("bump", help="record a new version of an edited file")
    b.add_argument("names", nargs="+")
    b.add_argument("--version", help="YYYY.MM.N (default: the next one this month)")
    a = sub.add_parser("add", help="list a new data file")
    a.add_argument("name")
    a.add_argument("--about", required=True, help="one line: what the file holds")
    a.add_argument("--version", help="YYYY.MM.N (default: the next one this month)")
    args = ap.parse_args(argv)
    manifest = read()
    if args.cmd == "check":
        from dyads.resources import manifest_problems

        found = manifest_problems()
        print("\n".join(found) if found else "MANIFEST.json is up to date")
        return 1 if found else 0
    if args.cmd == "add":
        if args.name in manifest["files"]:
            raise SystemExit(f"{args.name} is listed already; use bump")
        print(f"{args.name} {bump(manifest, args.name, args.version, args.about)}")
    else:
        for name in args.names:
            print(f"{name} {bump(manifest, name, args.version)}")
    write(manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
