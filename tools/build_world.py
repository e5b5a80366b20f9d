"""Build the dashboard's world map (src/dyads/api/static/world.json) from Natural Earth's
1:110m country outlines as packaged by the npm package world-atlas 2.0.2 (TopoJSON).

    python tools/build_world.py                       # runs `npm pack world-atlas@2.0.2`
    python tools/build_world.py --tarball world-atlas-2.0.2.tgz

The tarball is checked against its sha256. Each country (ISO 3166 numeric id -> alpha-3 with
pycountry; Antarctica left out) becomes one SVG path in the Equal Earth projection (the same
formula as static/js/map.js uses for event points), in a 1000-unit-wide frame, with points
closer than 0.7 units dropped (relative path steps). The licences travel in the file and in world.LICENSE.txt:
Natural Earth is public domain; world-atlas is ISC-licensed (Mike Bostock).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dyads" / "api" / "static" / "world.json"
LICENSE_OUT = ROOT / "src" / "dyads" / "api" / "static" / "world.LICENSE.txt"
PACKAGE = "world-atlas@2.0.2"
SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
WIDTH = 1000.0
MIN_STEP = 0.7
# Equal Earth (Šavrič, Patterson, Jenny 2018)
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = 2.7066299836960748  # x of (lon 180, lat 0) in radians-space
Y_MAX = 1.3173627591574133  # y of lat 90
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


def fetch(tarball: Path | None, work: Path) -> Path:
    if tarball is None:
        subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(work)], check=True, capture_output=True)
        tarball = next(work.glob("world-atlas-*.tgz"))
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{tarball}: sha256 {digest}, expected {SHA256}")
    return tarball


def arcs_of(topo: dict) -> list[list[tuple[float, float]]]:
    """The TopoJSON arcs, delta-decoded and un-quantized to (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc[1:] if pts else arc)
    return pts


def split_at_antimeridian(r: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses longitude 180 (Russia's Chukotka, Fiji) as two rings, one on each edge
    of the map: its longitudes are made continuous, then each copy is clamped to [-180, 180]."""
    out = [r[0]]
    for lon, lat in r[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        out.append((lon, lat))
    lo, hi = min(p[0] for p in out), max(p[0] for p in out)
    if lo >= -180 and hi <= 180:
        return [r]
    shift = -360 if hi > 180 else 360
    def clamp(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(max(-180.0, min(180.0, lon)), lat) for lon, lat in pts]
    return [clamp(out), clamp([(lon + shift, lat) for lon, lat in out])]


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in [piece for ring_ in rings for piece in split_at_antimeridian(ring_)]:
        kept: list[tuple[float, float]] = []
        for lon, lat in r:
            p = project(lon, lat)
            if not kept or math.dist(p, kept[-1]) >= MIN_STEP:
                kept.append(p)
        if len(kept) >= 3:
            x0, y0 = round(kept[0][0], 1), round(kept[0][1], 1)
            steps, (px, py) = [], (x0, y0)
            for x, y in kept[1:]:
                x, y = round(x, 1), round(y, 1)
                steps.append(f"{x - px:.1f},{y - py:.1f}".replace(".0,", ",").removesuffix(".0"))
                px, py = x, y
            parts.append(f"M{x0},{y0}l" + " ".join(steps) + "z")
    return "".join(parts)


def main() -> None:
    import pycountry

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tarball", type=Path, help="a downloaded world-atlas-2.0.2.tgz (else npm pack fetches it)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = fetch(args.tarball, Path(tmp))
        with tarfile.open(tarball) as tf:
            topo = json.load(tf.extractfile("package/countries-110m.json"))  # type: ignore[arg-type]
            licence = tf.extractfile("package/LICENSE").read().decode()  # type: ignore[union-attr]
    arcs = arcs_of(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        num = g.get("id")
        c = pycountry.countries.get(numeric=num) if num else None
        if c is None or c.alpha_3 == "ATA":
            continue  # Antarctica, and the few unrecognised areas (N. Cyprus, Somaliland, Kosovo)
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        d = path([ring(r, arcs) for poly in polys for r in poly])
        if d:
            countries.append({"id": c.alpha_3, "name": g.get("properties", {}).get("name") or c.name, "d": d})
    countries.sort(key=lambda c: c["id"])
    notice = ("Country outlines: Natural Earth 1:110m (public domain, naturalearthdata.com), via the npm package "
              "world-atlas 2.0.2 (ISC licence, Mike Bostock); projected to Equal Earth by tools/build_world.py.")
    OUT.write_text(json.dumps({"source": notice, "projection": "equal-earth", "width": WIDTH, "height": HEIGHT,
                               "countries": countries}, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    LICENSE_OUT.write_text(notice + "\n\nworld-atlas LICENSE:\n\n" + licence, encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
