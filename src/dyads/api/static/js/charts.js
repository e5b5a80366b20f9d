// SVG bar charts: stacked (overview) and diverging cooperation/conflict (dyad explorer).
import { h, hideTip, s, showTip } from "./dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Every period between the first and the last one, so gaps in time show as gaps in the chart.
export function fillPeriods(points, by, blank) {
  if (!points.length) return [];
  const key = (p) => p.period;
  const have = new Map(points.map((p) => [key(p), p]));
  const next = (p) => {
    if (by === "year") return String(Number(p) + 1);
    if (by === "quarter") {
      const [y, q] = p.split("-Q").map(Number);
      return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
    }
    const [y, m] = p.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  };
  const out = [];
  let p = key(points[0]);
  const last = key(points[points.length - 1]);
  for (let guard = 0; guard < 2400; guard += 1) {
    out.push(have.get(p) || blank(p));
    if (p === last) break;
    p = next(p);
  }
  return out;
}

export function periodLabel(p) {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return p.replace("-Q", " Q");
}

function niceStep(range, ticks) {
  const raw = range / Math.max(1, ticks);
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  return Math.max(1, step);
}

// spec: { periods: [str], up: [{color, values}], down: [{color, values}], line: [num]|null,
//         height, tip(i) -> [nodes], onPick(i)|null, selected: i|null,
//         onBrush(i0, i1)|null: drag across the bars to pick a range of periods (zoom) }
export function barChart(el, spec) {
  if (el._observer) el._observer.disconnect();
  const draw = () => render(el, spec);
  el._observer = new ResizeObserver(() => {
    if (el._lastWidth !== el.clientWidth) draw();
  });
  el._observer.observe(el);
  draw();
}

function render(el, spec) {
  const width = Math.max(320, el.clientWidth || 640);
  el._lastWidth = el.clientWidth;
  const height = spec.height || 260;
  const m = { top: 12, right: 14, bottom: 30, left: 46 };
  const n = spec.periods.length;
  const sum = (stacks, i) => stacks.reduce((acc, st) => acc + (st.values[i] || 0), 0);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i += 1) {
    hi = Math.max(hi, sum(spec.up, i), spec.line ? spec.line[i] : 0);
    lo = Math.min(lo, -sum(spec.down || [], i), spec.line ? spec.line[i] : 0);
  }
  if (hi === 0 && lo === 0) hi = 1;
  const step = niceStep(hi - lo, 5);
  hi = Math.ceil(hi / step) * step;
  lo = Math.floor(lo / step) * step;
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const y = (v) => m.top + ((hi - v) / (hi - lo)) * ph;
  const band = pw / Math.max(1, n);
  const bw = Math.max(1.5, Math.min(42, band * 0.72));
  const x = (i) => m.left + band * i + (band - bw) / 2;

  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": spec.label || "chart" });
  const grid = s("g", { class: "grid" });
  const axis = s("g", { class: "axis" });
  for (let v = lo; v <= hi + 1e-9; v += step) {
    grid.append(s("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v) }));
    axis.append(s("text", { x: m.left - 8, y: y(v) + 4, "text-anchor": "end" }, Math.abs(v).toLocaleString("en-US")));
  }
  svg.append(grid, axis);

  const every = Math.max(1, Math.ceil((n * 64) / pw));
  for (let i = 0; i < n; i += every) {
    axis.append(s("text", { x: m.left + band * i + band / 2, y: height - 9, "text-anchor": "middle" },
      periodLabel(spec.periods[i])));
  }

  const cols = s("g", {});
  for (let i = 0; i < n; i += 1) {
    const col = s("g", { class: `col${spec.selected === i ? " sel" : ""}`, "data-period": spec.periods[i] });
    col.append(s("rect", { class: "hit", x: m.left + band * i, y: m.top, width: band, height: ph }));
    let acc = 0;
    for (const st of spec.up) {
      const v = st.values[i] || 0;
      if (v > 0) col.append(s("rect", { class: "bar", x: x(i), y: y(acc + v), width: bw, height: Math.max(0.5, y(acc) - y(acc + v)), fill: st.color, rx: 1.5 }));
      acc += v;
    }
    acc = 0;
    for (const st of spec.down || []) {
      const v = st.values[i] || 0;
      if (v > 0) col.append(s("rect", { class: "bar", x: x(i), y: y(-acc), width: bw, height: Math.max(0.5, y(-acc - v) - y(-acc)), fill: st.color, rx: 1.5 }));
      acc += v;
    }
    col.addEventListener("mousemove", (evt) => showTip(evt, ...spec.tip(i)));
    col.addEventListener("mouseleave", hideTip);
    if (spec.onPick) col.addEventListener("click", () => spec.onPick(i));
    cols.append(col);
  }
  svg.append(cols);
  if (lo < 0) svg.append(s("line", { class: "zero", x1: m.left, x2: width - m.right, y1: y(0), y2: y(0) }));

  if (spec.line) {
    const pts = spec.line.map((v, i) => [m.left + band * i + band / 2, y(v)]);
    svg.append(s("path", { class: "netline", d: pts.map((p, i) => `${i ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join("") }));
    if (n <= 60) for (const p of pts) svg.append(s("circle", { class: "netdot", cx: p[0], cy: p[1], r: 2.6 }));
  }
  if (spec.onBrush) brush(svg, spec, { m, band, ph, n, height });
  el.replaceChildren(svg);
}

// Drag across the chart to choose a range of periods; a click without a drag picks one period.
function brush(svg, spec, { m, band, ph, n }) {
  const sel = s("rect", { class: "brush", y: m.top, height: ph, x: 0, width: 0, hidden: true });
  svg.append(sel);
  svg.classList.add("brushable");
  const at = (evt) => {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    const x = ((evt.clientX - box.left) / box.width) * vb.width;
    return Math.max(0, Math.min(n - 1, Math.floor((x - m.left) / band)));
  };
  let start = null;
  const show = (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    sel.removeAttribute("hidden");
    sel.setAttribute("x", m.left + band * lo);
    sel.setAttribute("width", band * (hi - lo + 1));
  };
  svg.addEventListener("pointerdown", (evt) => {
    start = at(evt);
    show(start, start);
    svg.setPointerCapture(evt.pointerId);
    evt.preventDefault();
  });
  svg.addEventListener("pointermove", (evt) => { if (start !== null) show(start, at(evt)); });
  svg.addEventListener("pointerup", (evt) => {
    if (start === null) return;
    const end = at(evt);
    const [lo, hi] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    spec.onBrush(lo, hi);
  });
}

export function legend(items) {
  return h("div", { class: "legend" }, items.map((it) =>
    h("span", {}, h("i", { class: it.line ? "line" : "", style: it.line ? {} : { background: it.color } }), it.name)));
}
