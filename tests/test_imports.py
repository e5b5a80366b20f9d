"""The import graph of ``src/dyads``: no cycles, and the layers of the design hold.

The graph is read from the source (``ast``), not by importing it: every ``import`` and
``from … import`` of a ``dyads`` module, including those inside functions, except those under
``if TYPE_CHECKING:`` (they never run). ``from pkg import name`` is an edge to ``pkg.name`` when
that is a module, else to ``pkg``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module(p): p for p in (SRC / "dyads").rglob("*.py")}


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node, less the bodies of ``if TYPE_CHECKING:`` blocks."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def _deepest(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str) -> set[str]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(m for a in node.names if (m := _deepest(a.name)))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for a in node.names:
                target = f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else _deepest(base)
                if target:
                    out.add(target)
    out.discard(name)
    return out


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": set(), "c": {"a", "b"}}, []),
])
def test_imports_cycles_finds_loops(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(graph) == expected


def test_imports_graph_reads_the_package() -> None:
    assert "dyads.annotate.pipeline" in GRAPH["dyads"]
    assert "dyads.annotate.actors.resolver" in GRAPH["dyads.annotate.events.patterns"]


def test_imports_no_cycles_in_src() -> None:
    loops = cycles(GRAPH)
    detail = "; ".join(
        " -> ".join(f"{m} (imports {', '.join(sorted(GRAPH[m] & set(loop)))})" for m in loop) for loop in loops)
    assert not loops, f"import cycles: {detail}"


def _reaches(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in GRAPH[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _under(prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in MODULES if m.startswith(prefixes) or m in prefixes)


FACES = ("dyads.store", "dyads.runner", "dyads.services", "dyads.cli", "dyads.api", "dyads.eval")


@pytest.mark.parametrize("layer, never", [
    ("dyads.annotate", FACES),  # stages never import the store, the runner or the faces
    ("dyads.nlp", (*FACES, "dyads.annotate")),
    ("dyads.io", (*FACES, "dyads.annotate")),
    ("dyads.runner", ("dyads.store", "dyads.services", "dyads.cli", "dyads.api")),
    ("dyads.store", ("dyads.runner", "dyads.services", "dyads.cli", "dyads.api")),
])
def test_imports_layers_hold(layer: str, never: tuple[str, ...]) -> None:
    broken = {m: sorted(r for r in _reaches(m) if r.startswith(tuple(n + "." for n in never)) or r in never)
              for m in _under((layer + ".", layer))}
    bad = {m: r for m, r in broken.items() if r}
    assert not bad, f"{layer} reaches what it must not: {bad}"
