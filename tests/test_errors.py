"""Errors as types: one table of numbered messages, families with HTTP statuses, codes as attributes."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

from dyads.errors import (
    CODES,
    RETIRED,
    ApiError,
    DataError,
    DyadsError,
    InputError,
    NotFound,
    QueryError,
    StoreBusy,
    StoreError,
    message,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "dyads"


def _codes_in_src() -> dict[str, list[str]]:
    """Every "Ennn" string literal in src (outside errors.py) and where it is."""
    found: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"E\d{3}", node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_errors_every_code_used_is_in_the_table() -> None:
    unknown = {c: where for c, where in _codes_in_src().items() if c not in CODES}
    assert not unknown, f"codes used but not in errors.CODES (or retired): {unknown}"


def test_errors_each_code_is_defined_once_and_never_reused() -> None:
    tree = ast.parse((SRC / "errors.py").read_text(encoding="utf-8"))
    table = next(n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign)
                 and getattr(n.target, "id", "") == "CODES")
    keys = [k.value for k in table.keys]  # type: ignore[union-attr]
    assert len(keys) == len(set(keys)), "a code is in CODES twice"
    assert keys == sorted(keys)
    assert not set(CODES) & set(RETIRED)


def test_errors_no_message_text_outside_the_table() -> None:
    """A numbered message is written once, in errors.CODES: no string elsewhere starts with a code."""
    stray = []
    for path in SRC.rglob("*.py"):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                    and re.match(r"E\d{3} ", node.value):
                stray.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not stray


@pytest.mark.parametrize("code, fields, family, status", [
    ("E010", {"item": "--date", "value": "soon"}, InputError, 400),
    ("E022", {"name": "x.json", "detail": "gone"}, DataError, 503),
    ("E043", {"path": "a.duckdb"}, StoreError, 503),
    ("E048", {"param": "source", "value": "r"}, QueryError, 400),
    ("E103", {"value": "XYZ"}, NotFound, 404),
    ("E105", {"detail": "limit=0"}, ApiError, 400),
])
def test_errors_base_class_picks_the_family(code: str, fields: dict, family: type, status: int) -> None:
    err = DyadsError(code, **fields)
    assert type(err) is family and err.status == status and err.code == code and err.fields == fields
    assert str(err) == message(code, **fields) and str(err).startswith(f"{code} ")


@pytest.mark.parametrize("code", ["E040"])
def test_errors_wrong_family_is_a_programming_error(code: str) -> None:
    with pytest.raises(TypeError, match=f"{code} is a StoreError, not a InputError"):
        InputError(code, path="p", detail="d")


@pytest.mark.parametrize("text", ["E010 --date: date 'soon' is not a date; use YYYY-MM-DD."])
def test_errors_a_formatted_message_keeps_its_code(text: str) -> None:
    err = DyadsError(text)
    assert type(err) is InputError and err.code == "E010" and str(err) == text


@pytest.mark.parametrize("err", [StoreBusy("E101", path="s.duckdb", detail="busy"), InputError("E001", item="a")])
def test_errors_pickle_round_trip(err: DyadsError) -> None:
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err) and back.code == err.code and str(back) == str(err)


def test_errors_store_busy_asks_to_retry() -> None:
    assert StoreBusy.status == 503 and StoreBusy.headers == {"Retry-After": "5"}
