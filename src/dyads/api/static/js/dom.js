// Tiny DOM helpers: h() builds HTML elements, s() builds SVG elements. Text is always set as text.
const SVG = "http://www.w3.org/2000/svg";

// A link target the dashboard may use: http(s), a path or fragment of its own, or a blob: URL its
// own script made (downloads). Browsers drop tabs, newlines and leading spaces from a scheme
// ("java\tscript:"), so those go before the check.
export function safeHref(url) {
  const u = String(url ?? "").replace(/[\u0000-\u0020\u007f]+/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u);
  return !scheme || /^(https?|blob)$/i.test(scheme[1]);
}

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if ((k === "href" || k === "src") && !safeHref(v)) continue; // stored data never becomes a script link
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
export const s = (tag, attrs, ...children) => build(document.createElementNS(SVG, tag), attrs, children);

// Replace an element's children, skipping null/false (replaceChildren would print "null").
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

// Text shown as a quotation: in curly quotes, unless it already carries its own.
export function quoted(text, max = 0) {
  let t = (text || "").trim();
  if (max && t.length > max) t = `${t.slice(0, max - 1)}…`;
  return /^["“‘'«]/.test(t) ? t : `“${t}”`;
}

export const fmt = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US"));
export const fmt1 = (n) => (n === null || n === undefined ? "–" : (n > 0 ? "+" : "") + Number(n).toFixed(1));

export const QUADS = [
  { q: 1, name: "Verbal cooperation", color: "var(--q1)" },
  { q: 2, name: "Material cooperation", color: "var(--q2)" },
  { q: 3, name: "Verbal conflict", color: "var(--q3)" },
  { q: 4, name: "Material conflict", color: "var(--q4)" },
];

export function quadBadge(q) {
  const meta = QUADS[q - 1];
  return h("span", { class: `quad q${q}`, title: meta ? meta.name : "" }, meta ? meta.name : `Quad ${q}`);
}

export function goldstein(g) {
  if (g === null || g === undefined) return h("span", { class: "gs" }, "–");
  return h("span", { class: `gs ${g > 0 ? "pos" : g < 0 ? "neg" : ""}`, title: "Goldstein scale (−10 … +10)" },
    fmt1(g));
}

export function actorPill(a) {
  if (!a || !a.code) return h("span", { class: "pill muted" }, "—");
  const title = [a.name, a.country, a.sector].filter(Boolean).join(" · ");
  return h("a", { class: "pill", href: `#/dyad/${encodeURIComponent(a.code)}`, title }, a.code);
}

// A soft colour per actor country, so the same country reads the same everywhere.
const HUES = [212, 28, 140, 276, 350, 182, 45, 248, 95, 322, 10, 195];

export function actorColors(code) {
  const key = (code || "???").slice(0, 3);
  let hash = 7;
  for (const ch of key) hash = (hash * 131 + ch.charCodeAt(0)) % 1000003;
  const hue = HUES[hash % HUES.length];
  return {
    bg: `hsl(${hue} 85% 94%)`,
    edge: `hsl(${hue} 60% 78%)`,
    text: `hsl(${hue} 65% 30%)`,
  };
}

export function empty(...children) {
  return h("div", { class: "empty" }, ...children);
}

export function spinner(label = "Loading…") {
  return h("p", { class: "muted" }, h("span", { class: "spinner" }), " ", label);
}

const tip = () => document.getElementById("tooltip");

export function showTip(evt, ...children) {
  const t = tip();
  t.replaceChildren(...children);
  t.hidden = false;
  const pad = 14;
  const { innerWidth: w, innerHeight: hh } = window;
  const r = t.getBoundingClientRect();
  let x = evt.clientX + pad;
  let y = evt.clientY + pad;
  if (x + r.width > w - 8) x = evt.clientX - r.width - pad;
  if (y + r.height > hh - 8) y = evt.clientY - r.height - pad;
  t.style.left = `${Math.max(8, x)}px`;
  t.style.top = `${Math.max(8, y)}px`;
}

export function hideTip() {
  tip().hidden = true;
}
