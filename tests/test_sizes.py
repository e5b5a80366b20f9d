"""Small modules, short functions: no module in src/ over 600 lines, no function over 80."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dyads"
MODULE_LINES = 600
FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("limit", [MODULE_LINES])
def test_sizes_modules_are_small(limit: int) -> None:
    lines = {str(p.relative_to(SRC)): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    big = {name: n for name, n in lines.items() if n > limit}
    assert not big, f"modules over {limit} lines: {big}"


@pytest.mark.parametrize("limit", [FUNCTION_LINES])
def test_sizes_functions_are_short(limit: int) -> None:
    long = {}
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if (n := node.end_lineno - first + 1) > limit:  # type: ignore[operator]
                    long[f"{p.relative_to(SRC)}:{node.lineno} {node.name}"] = n
    assert not long, f"functions over {limit} lines: {long}"
