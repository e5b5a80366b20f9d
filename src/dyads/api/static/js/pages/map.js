// Map: where the events that pass the filters took place (the place their sentence names).
import { api } from "../api.js";
import { downloads } from "../download.js";
import { QUADS, empty, fill, fmt, h, spinner } from "../dom.js";
import { legend } from "../charts.js";
import { apiParams, describe, filterBar, go } from "../filters.js";
import { worldMap } from "../map.js";

export async function mapPage(filters) {
  const card = h("section", { class: "card", id: "map-card" }, spinner());
  const list = h("section", { class: "card" });
  const page = h("div", { class: "grid" },
    h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Map"),
      h("p", {}, "Located events: the place an event's sentence names (“met in Moscow”), sized by the number of events. ",
        "Click a place to list its events."))),
    filterBar("#/map", filters), card, list);
  (async () => {
    const res = await api("places", { params: { ...apiParams(filters), limit: 500 } });
    const svg = await worldMap(res.places, {
      highlight: [filters.source, filters.target].filter(Boolean).map((c) => c.slice(0, 3)),
      onPick: (p) => go("#/events", { ...filters, place: p.name }),
    });
    fill(card,
      h("header", {}, h("h2", {}, `${fmt(res.located)} located event${res.located === 1 ? "" : "s"} of ${fmt(res.events)}`),
        h("span", { class: "muted" }, describe(filters)),
        downloads("dyads-places", () => res.places)),
      legend(QUADS.map((q) => ({ name: `mostly ${q.name.toLowerCase()}`, color: q.color }))),
      h("div", { class: "map-wrap", "data-testid": "world-map" }, svg));
    const rows = res.places.slice(0, 30).map((p) => h("tr", {},
      h("td", {}, p.name), h("td", { class: "mono" }, p.country || "–"), h("td", { class: "num" }, fmt(p.events))));
    fill(list, h("header", {}, h("h2", {}, "Places with most events")),
      rows.length ? h("div", { class: "table-wrap" }, h("table", { "data-testid": "places-table" },
        h("thead", {}, h("tr", {}, h("th", {}, "Place"), h("th", {}, "Country"), h("th", { class: "num" }, "Events"))),
        h("tbody", {}, rows))) : empty("No located events pass these filters."));
  })().catch((err) => card.replaceChildren(empty(err.message)));
  return page;
}
