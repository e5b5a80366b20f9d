// A world map drawn from the bundled outlines (static/world.json: Natural Earth 1:110m, projected to
// Equal Earth by tools/build_world.py), with located events as circles. No tiles, no network.
import { h, hideTip, s, showTip } from "./dom.js";

const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
const X_MAX = 2.7066299836960748, Y_MAX = 1.3173627591574133;

let world = null;
export function loadWorld() {
  if (!world) world = fetch("/static/world.json").then((r) => r.json());
  return world;
}

// Equal Earth, in the frame of world.json (the same formula as tools/build_world.py)
export function project(lon, lat, width) {
  const lam = (lon * Math.PI) / 180;
  const theta = Math.asin(M * Math.sin((lat * Math.PI) / 180));
  const t2 = theta * theta, t6 = t2 * t2 * t2;
  const x = (lam * Math.cos(theta)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  const k = width / (2 * X_MAX);
  return [(x + X_MAX) * k, (Y_MAX - y) * k];
}

const QUAD_COLORS = ["var(--q1)", "var(--q2)", "var(--q3)", "var(--q4)"];

// places: [{name, country, lat, lon, events, quad: [4]}]; onPick(place) on click
export async function worldMap(places, { onPick = null, highlight = [] } = {}) {
  const w = await loadWorld();
  const marked = new Set(highlight);
  const svg = s("svg", { viewBox: `0 0 ${w.width} ${w.height}`, class: "worldmap", role: "img",
    "aria-label": `Map of ${places.length} places with events` });
  svg.append(s("path", { class: "sphere", d: spherePath(w.width) }));
  const land = s("g", { class: "land" });
  for (const c of w.countries) {
    land.append(s("path", { d: c.d, "data-country": c.id, class: marked.has(c.id) ? "marked" : null },
      s("title", {}, c.name)));
  }
  svg.append(land);
  const max = Math.max(1, ...places.map((p) => p.events));
  const dots = s("g", { class: "dots" });
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const [x, y] = project(p.lon, p.lat, w.width);
    const r = 2.5 + 14 * Math.sqrt(p.events / max);
    const top = p.quad.indexOf(Math.max(...p.quad));
    const dot = s("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: QUAD_COLORS[top],
      class: "dot", "data-place": p.name, "data-testid": "map-dot" });
    dot.addEventListener("mousemove", (evt) => showTip(evt, h("div", {}, h("b", {}, p.name), p.country ? ` · ${p.country}` : ""),
      h("div", {}, `${p.events} event${p.events === 1 ? "" : "s"}`),
      h("div", { class: "muted" }, p.quad.map((n, i) => `${["VC", "MC", "VX", "MX"][i]} ${n}`).join(" · "))));
    dot.addEventListener("mouseleave", hideTip);
    if (onPick) dot.addEventListener("click", () => onPick(p));
    dots.append(dot);
  }
  svg.append(dots);
  return svg;
}

function spherePath(width) {
  const pts = [];
  for (let lat = -90; lat <= 90; lat += 5) pts.push(project(180, lat, width));
  for (let lat = 90; lat >= -90; lat -= 5) pts.push(project(-180, lat, width));
  return `M${pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join("L")}Z`;
}
