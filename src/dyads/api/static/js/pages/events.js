// Events: every event record that passes the filters, searchable, with downloads and a way into the
// article at the event's evidence.
import { api } from "../api.js";
import { downloads, flatEvent } from "../download.js";
import { actorPill, empty, fill, fmt, goldstein, h, quadBadge, quoted, spinner } from "../dom.js";
import { apiParams, describe, filterBar } from "../filters.js";

const PAGE = 100;

export function articleLink(e) {
  if (!e.article_id) return null;
  const at = e.evidence_start !== null && e.evidence_start !== undefined ? `?ev=${e.evidence_start}-${e.evidence_end}` : "";
  return h("a", { href: `#/article/${encodeURIComponent(e.article_id)}${at}`, "data-testid": "open-article" },
    "Open article ›");
}

function who(a) {
  if (!a) return h("span", { class: "pill muted" }, "—");
  if (!a.code) return h("span", { class: "pill muted", title: "no actor code" }, a.name || "?");
  return actorPill(a);
}

export function eventsTable(events) {
  const rows = events.map((e) => h("tr", { "data-testid": "event-row" },
    h("td", { class: "nowrap mono" }, e.date || "–"),
    h("td", { class: "nowrap" }, who(e.source), h("span", { class: "arrow" }, "→"), who(e.target)),
    h("td", {}, h("span", { class: "mono" }, e.cameo), " ", e.label || "", h("div", {}, quadBadge(e.quad),
      e.modality && e.modality !== "asserted" ? h("span", { class: "muted small" }, ` ${e.modality}`) : null)),
    h("td", { class: "num" }, goldstein(e.goldstein)),
    h("td", { class: "evidence" }, quoted(e.evidence || "", 240),
      h("div", { class: "small" }, articleLink(e), e.location ? h("span", { class: "muted" }, ` · ${e.location.name}`) : null,
        e.num_articles > 1 ? h("span", { class: "muted" }, ` · ${e.num_articles} articles`) : null))));
  return h("div", { class: "table-wrap" }, h("table", { class: "stack", "data-testid": "events-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Who → whom"), h("th", {}, "Event"),
      h("th", { class: "num" }, "Goldstein"), h("th", {}, "Evidence"))),
    h("tbody", {}, rows)));
}

export async function eventsPage(filters) {
  const card = h("section", { class: "card", id: "events-list" }, spinner());
  const state = { events: [], next: 0 };
  async function load(append) {
    const res = await api("events", { params: { ...apiParams(filters), limit: PAGE, offset: append ? state.next : 0 } });
    state.events = append ? state.events.concat(res.events) : res.events;
    state.next = res.next_offset;
    const n = state.events.length;
    fill(card,
      h("header", {}, h("h2", {}, `${fmt(n)}${state.next !== null ? "+" : ""} event${n === 1 ? "" : "s"}`),
        h("span", { class: "muted" }, describe(filters)),
        downloads("dyads-events", () => state.events.map(flatEvent))),
      n ? eventsTable(state.events) : empty("No event passes these filters."),
      state.next !== null ? h("div", { class: "more" }, h("button", { type: "button", class: "ghost",
        onclick: () => load(true) }, "Show more")) : null);
  }
  load(false).catch((err) => card.replaceChildren(empty(err.message)));
  return h("div", { class: "grid" },
    h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Events"),
      h("p", {}, "Event records (one per event, however many articles reported it), oldest first. ",
        "Asserted events unless the modality says otherwise."))),
    filterBar("#/events", filters, { search: true }),
    card);
}
