"""Build src/dyads/data/cameo.json, the project's CAMEO event-code table.

Facts used (read from the reference folder beside the repo, never copied as files):
code and description from GDELT's CAMEO lookup, Goldstein values from GDELT's Goldstein lookup
(the most complete list; where the two GDELT tables disagree we keep GDELT's Goldstein lookup),
PLOVER types from the 2021 CAMEO->PLOVER table. Descriptions are rewritten in sentence case.

    .venv/bin/python tools/build_cameo.py ../shared/data/reference
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Codes GDELT scores but does not describe (from the CAMEO codebook).
MISSING_LABELS = {"106": "Demand withdrawal"}
TYPOS = {"matyerial": "material"}  # misspellings in the published code list


def read_tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.strip().split("\t")
        if len(parts) >= 2 and parts[0].strip().isdigit():
            out[parts[0].strip()] = parts[1].strip()
    return out


def read_plover(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        code, rest = line.split(":", 1)
        code = code.strip()
        if code.isdigit():
            out.setdefault(code, rest.split(",")[0].strip())
    return out


def sentence_case(s: str) -> str:
    s = " ".join(s.split())
    for wrong, right in TYPOS.items():
        s = s.replace(wrong, right)
    return s[:1].upper() + s[1:].lower() if s.isupper() else s


def main(ref: Path, out: Path) -> None:
    labels = read_tsv(ref / "CAMEO.eventcodes.txt")
    goldstein = {k: float(v) for k, v in read_tsv(ref / "CAMEO.goldsteinscale.txt").items()}
    plover = read_plover(ref / "CAMEO2PLOVER-2021.txt")
    codes = {}
    for code in sorted(set(labels) | set(goldstein)):
        if len(code) < 2:
            continue
        root = code[:2]
        p = plover.get(code) or plover.get(code[:3]) or plover.get(root)
        codes[code] = {
            "label": sentence_case(labels.get(code) or MISSING_LABELS.get(code) or labels.get(code[:3], "")),
            "goldstein": goldstein.get(code, goldstein.get(code[:3], goldstein.get(root, 0.0))),
            "plover": p or None,
        }
    out.write_text(json.dumps({"codes": codes}, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(codes)} codes -> {out}; if it changed: .venv/bin/python tools/manifest.py bump cameo.json")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/reference"),
         Path(__file__).resolve().parents[1] / "src/dyads/data/cameo.json")
