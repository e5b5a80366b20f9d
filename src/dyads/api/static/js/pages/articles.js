// Articles: a searchable list, and one article with its actors, events and quotes highlighted.
import { api } from "../api.js";
import { actorColors, actorPill, empty, fill, fmt, goldstein, h, quadBadge, quoted, safeHref, spinner } from "../dom.js";
import { flash, renderDoc } from "../highlight.js";

const PAGE = 50;

function toggle(name, cls, swatch, doc) {
  const box = h("input", { type: "checkbox", checked: true, "data-layer": cls,
    onchange: () => doc.classList.toggle(`hide-${cls}`, !box.checked) });
  return h("label", { class: "toggle" }, box, h("span", { class: "sw", style: swatch }), name);
}

// The article panel shared by the article page and the live coder.
export function articlePanel(view, { heading = true } = {}) {
  const doc = renderDoc(view);
  const nActors = new Set(view.spans.filter((sp) => sp.kind === "actor").map((sp) => sp.label)).size;
  const toggles = h("div", { class: "toggles" },
    toggle(`Actors (${nActors})`, "a", { background: actorColors("RUS").bg, border: `1px solid ${actorColors("RUS").edge}` }, doc),
    toggle(`Events (${view.events.length})`, "e", { background: "var(--q2)" }, doc),
    toggle(`Quotes (${view.quotes.length})`, "q", { background: "var(--quote)", border: "1px solid var(--quote-edge)" }, doc));
  const meta = h("div", { class: "doc-meta" },
    view.date ? h("span", {}, view.date) : null,
    view.source ? h("span", {}, view.source) : null,
    view.url && safeHref(view.url) ? h("a", { href: view.url, rel: "noopener noreferrer", target: "_blank" }, "source page ↗")
      : view.url ? h("span", { class: "mono", title: "not a web address: shown, not linked" }, view.url) : null,
    h("span", { class: "mono" }, view.id));
  const main = h("section", { class: "card" },
    heading ? h("h1", {}, view.title || view.id) : null, heading ? meta : null,
    h("div", { style: { margin: "14px 0 4px" } }, toggles),
    view.errors && view.errors.length ? h("div", { class: "errors" }, view.errors.join(" ")) : null,
    doc);

  const evItems = view.events.map((e, i) => h("li", { class: "side-ev", "data-testid": "article-event",
    onclick: () => flash(doc, "ev", i) },
  h("div", { class: "ev-head" }, actorPill(e.source), h("span", { class: "arrow" }, "→"), actorPill(e.target),
    h("span", { class: "mono" }, e.cameo), goldstein(e.goldstein)),
  h("div", { class: "small" }, e.label || "", " · ", quadBadge(e.quad), e.date ? h("span", { class: "muted" }, ` · ${e.date}`) : null,
    e.modality && e.modality !== "asserted" ? h("span", { class: "muted" }, ` · ${e.modality}`) : null),
  h("div", { class: "evidence" }, quoted(e.evidence))));
  const qItems = view.quotes.map((q, i) => h("li", { class: "side-ev", onclick: () => flash(doc, "q", i) },
    h("div", { class: "ev-head" }, q.speaker ? actorPill({ code: q.speaker }) : null,
      h("b", {}, q.speaker_name || (q.speaker ? "" : "Unattributed")),
      h("span", { class: "muted small", "data-form": q.form || (q.direct ? "direct" : "indirect") },
        { direct: "direct", mixed: "indirect, partly quoted", indirect: "indirect" }[q.form] || (q.direct ? "direct" : "indirect"))),
    h("div", { class: "evidence" }, quoted(q.content, 220))));
  const side = h("aside", { class: "grid" },
    h("section", { class: "card" }, h("header", {}, h("h2", {}, "Events"), h("span", { class: "muted" }, "click to find in text")),
      view.events.length ? h("ul", { class: "list" }, evItems) : empty("No events coded.")),
    h("section", { class: "card" }, h("header", {}, h("h2", {}, "Quotes")),
      view.quotes.length ? h("ul", { class: "list" }, qItems) : empty("No quotations found.")));
  return h("div", { class: "grid article" }, main, side);
}

// ``ev``: "START-END", the evidence of the event to go to (from an events table's "Open article").
export async function articlePage(id, ev = null) {
  const view = await api(`articles/${encodeURIComponent(id)}`);
  const panel = articlePanel(view);
  const m = /^(\d+)-(\d+)$/.exec(ev || "");
  if (m) {
    const [start, end] = [Number(m[1]), Number(m[2])];
    let i = view.events.findIndex((e) => e.start === start && e.end === end);
    if (i < 0) i = view.events.findIndex((e) => e.start < end && start < e.end);
    if (i >= 0) {
      const doc = panel.querySelector("[data-testid=article-text]");
      for (const el of doc.querySelectorAll("[data-ev]")) {
        if (el.dataset.ev.split(" ").includes(String(i))) el.classList.add("focus");
      }
      const item = panel.querySelectorAll("[data-testid=article-event]")[i];
      if (item) item.classList.add("focus");
      setTimeout(() => {
        const first = doc.querySelector(".focus");
        if (first) first.scrollIntoView({ block: "center" });
      }, 0);
    }
  }
  return h("div", {}, h("p", { class: "small" }, h("a", { href: "#/articles" }, "‹ All articles")), panel);
}

export async function articlesPage() {
  const state = { q: "", offset: 0, items: [] };
  const listCard = h("section", { class: "card" }, spinner());
  const search = h("input", { type: "search", placeholder: "Search titles and text…", "aria-label": "Search articles",
    style: { minWidth: "280px" } });
  let timer = null;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = search.value.trim(); load(false); }, 250);
  });

  async function load(append) {
    try {
      const res = await api("articles", { params: { q: state.q, limit: PAGE, offset: append ? state.offset : 0 } });
      state.items = append ? state.items.concat(res.articles) : res.articles;
      state.offset = state.items.length;
      const rows = state.items.map((a) => h("tr", { class: "click", "data-testid": "article-row",
        onclick: () => { window.location.hash = `#/article/${encodeURIComponent(a.id)}`; } },
      h("td", { class: "nowrap mono" }, a.date || "–"),
      h("td", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id),
        a.source ? h("div", { class: "muted small" }, a.source) : null),
      h("td", { class: "num" }, fmt(a.events))));
      fill(listCard,
        h("header", {}, h("h2", {}, "Articles"), h("span", { class: "muted" }, `${fmt(res.total)} in the store`)),
        state.items.length ? h("div", { class: "table-wrap" }, h("table", { class: "stack" },
          h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Title"), h("th", { class: "num" }, "Events"))),
          h("tbody", {}, rows))) : empty(state.q ? `No article matches “${state.q}”.` : "No articles in this store yet."),
        state.offset < res.total ? h("div", { class: "more" }, h("button", { class: "ghost", type: "button",
          onclick: () => load(true) }, "Show more")) : null);
    } catch (err) {
      listCard.replaceChildren(empty(err.message));
    }
  }
  load(false);
  return h("div", { class: "grid" },
    h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Articles"),
      h("p", {}, "Every stored article, with the events coded from it. Open one to see the evidence in the text.")),
    search),
    listCard);
}
