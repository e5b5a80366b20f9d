// Article text with highlighted actors, events and quotes (in the spirit of displaCy), overlaps allowed:
// the text is cut at every span boundary and each piece carries the classes of the spans covering it.
import { actorColors, h, hideTip, showTip } from "./dom.js";

const innermost = (list) => list.reduce((best, sp) => (!best || sp.end - sp.start < best.end - best.start ? sp : best), null);

export function renderDoc(view) {
  const text = view.text;
  const spans = (view.spans || []).filter((sp) => sp.start >= 0 && sp.end <= text.length && sp.start < sp.end);
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    cuts.add(sp.start);
    cuts.add(sp.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const doc = h("div", { class: "doc", "data-testid": "article-text" });
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const active = spans.filter((sp) => sp.start <= a && sp.end >= b);
    if (!active.length) {
      doc.append(piece);
      continue;
    }
    const actors = active.filter((sp) => sp.kind === "actor");
    const events = active.filter((sp) => sp.kind === "event");
    const quotes = active.filter((sp) => sp.kind === "quote");
    const cues = active.filter((sp) => sp.kind === "cue");
    const cls = [];
    const style = {};
    const actor = innermost(actors);
    if (actor) {
      cls.push("seg-a", "hl-actor");
      if (actors.some((sp) => sp.start === a)) cls.push("a-first");
      if (actors.some((sp) => sp.end === b)) cls.push("a-last");
      const c = actorColors(actor.label);
      style["--ab"] = c.bg;
      style["--ae"] = c.edge;
      style["--at"] = c.text;
    }
    const event = innermost(events);
    if (event) {
      const ev = view.events[event.ref];
      cls.push("seg-e", "hl-event", `e${ev ? ev.quad : 2}`);
    }
    if (quotes.length) cls.push("seg-q", "hl-quote");
    if (cues.length) cls.push("seg-c");
    const el = h("span", { class: cls.join(" "), "data-ev": events.map((sp) => sp.ref).join(" "),
      "data-q": quotes.map((sp) => sp.ref).join(" ") });
    for (const [k, v] of Object.entries(style)) el.style.setProperty(k, v);
    if (quotes.some((sp) => sp.start === a)) el.append(h("span", { class: "qmark", "aria-hidden": "true" }, "❝"));
    el.append(piece);
    const endingActor = actors.find((sp) => sp.end === b);
    // Labels are drawn by CSS from data attributes, so selecting and copying the article gives its text.
    if (endingActor) el.append(h("span", { class: "tag", "data-label": endingActor.label, "aria-label": endingActor.label }));
    el.addEventListener("mousemove", (evt) => showTip(evt, ...describe(active, view)));
    el.addEventListener("mouseleave", hideTip);
    doc.append(el);
    for (const sp of events.filter((e) => e.end === b)) {
      const ev = view.events[sp.ref];
      doc.append(h("span", { class: `etag e${ev ? ev.quad : 2}`, title: sp.title || "", "data-label": sp.label,
        "aria-label": sp.label }));
    }
  }
  return doc;
}

function describe(active, view) {
  const lines = [];
  for (const sp of active) {
    if (sp.kind === "actor") lines.push(h("div", {}, h("b", {}, "Actor "), sp.title || sp.label));
    if (sp.kind === "event") {
      const ev = view.events[sp.ref];
      const who = ev ? `${ev.source?.code || "?"} → ${ev.target?.code || "?"}` : "";
      lines.push(h("div", {}, h("b", {}, `Event ${sp.label} `), ev && ev.label ? ev.label : "", ` · ${who}`,
        ev && ev.modality && ev.modality !== "asserted" ? ` · ${ev.modality}` : ""));
    }
    if (sp.kind === "quote") lines.push(h("div", {}, h("b", {}, "Quote "), sp.title || sp.label));
    if (sp.kind === "cue") lines.push(h("div", {}, h("b", {}, "Cue "), sp.title || ""));
  }
  return lines;
}

export function flash(doc, attr, ref) {
  const hits = [...doc.querySelectorAll(`[data-${attr}]`)].filter((el) => el.dataset[attr].split(" ").includes(String(ref)));
  for (const el of hits) {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  }
  if (hits[0]) hits[0].scrollIntoView({ behavior: "smooth", block: "center" });
}
