from __future__ import annotations

import pytest

from dyads.annotate.events.cameo import load_cameo, penta_class, quad_class


@pytest.mark.parametrize(
    ("root", "quad", "penta"),
    [("01", 1, 0), ("02", 1, 0), ("03", 1, 1), ("05", 1, 1), ("06", 2, 2), ("08", 2, 2), ("09", 2, 3),
     ("10", 3, 3), ("13", 3, 3), ("14", 3, 4), ("15", 4, 4), ("16", 4, 3), ("17", 4, 4), ("20", 4, 4)],
)
def test_cameo_classes(root: str, quad: int, penta: int) -> None:
    assert quad_class(root) == quad and penta_class(root) == penta


@pytest.mark.parametrize(
    ("code", "goldstein", "plover"),
    [("051", 3.4, "SUPPORT"), ("163", -8.0, "COERCE"), ("190", -10.0, "ASSAULT"), ("040", 1.0, "CONSULT")],
)
def test_cameo_table_values(code: str, goldstein: float, plover: str) -> None:
    c = load_cameo().get(code)
    assert c.goldstein == goldstein and c.plover == plover and c.label


def test_cameo_covers_all_roots_and_falls_back_for_unknown_subcodes() -> None:
    table = load_cameo()
    assert all(f"{r:02d}" in table for r in range(1, 21))
    assert len(table) > 250
    assert table.get("0519").goldstein == table.get("051").goldstein
    with pytest.raises(KeyError):
        table.get("99")
