// Overview: totals, events per month by QuadClass (drag across the chart to zoom into a period),
// the busiest pairs and actors: all under the shared filters.
import { api } from "../api.js";
import { barChart, fillPeriods, legend, periodLabel } from "../charts.js";
import { downloads } from "../download.js";
import { QUADS, actorPill, empty, fmt, goldstein, h } from "../dom.js";
import { apiParams, describe, filterBar, go, hashWith } from "../filters.js";

function statCard(label, value, sub, testid) {
  return h("div", { class: "card stat", "data-testid": testid }, h("div", { class: "lbl" }, label),
    h("div", { class: "num" }, value), sub ? h("div", { class: "sub" }, sub) : null);
}

export async function overviewPage(filters = {}) {
  const params = apiParams(filters);
  const [ov, actors] = await Promise.all([
    api("overview", { params }),
    api("actors", { params: { limit: 12, modality: params.modality, coded: params.coded, since: params.since,
      until: params.until } }),
  ]);
  const head = h("div", { class: "page-head" },
    h("div", {}, h("h1", {}, "Overview"),
      h("p", {}, "Events by CAMEO QuadClass over time and the most active pairs of actors. ",
        "Drag across the chart to zoom into a period.")));
  if (!ov.all_events) {
    return h("div", {}, head, h("div", { class: "card" }, empty(
      h("p", {}, "This store has no events yet."),
      h("p", {}, "Add articles with ", h("code", {}, "dyads ingest articles/ --db dyads.duckdb"),
        " (they appear here while it runs), or try the ", h("a", { href: "#/code" }, "live coder"), "."))));
  }
  const months = ov.by_month.map((p) => p.period);
  const span = months.length ? `${periodLabel(months[0])} – ${periodLabel(months[months.length - 1])}` : "–";
  const stats = h("div", { class: "grid cols-4" },
    statCard("Events", fmt(ov.events), `of ${fmt(ov.all_events)} stored (${describe({ ...filters, since: "", until: "", q: "" })})`, "stat-events"),
    statCard("Articles", fmt(ov.articles), null, "stat-articles"),
    statCard("Actors", fmt(ov.actors), "distinct actor codes", "stat-actors"),
    statCard("Period", span, `${months.length} month${months.length === 1 ? "" : "s"} with dated events`, "stat-period"));

  // every month of the zoomed range (or from the first to the last month with events)
  const ends = [filters.since ? { period: filters.since.slice(0, 7), quad: [0, 0, 0, 0] } : null,
    filters.until ? { period: filters.until.slice(0, 7), quad: [0, 0, 0, 0] } : null];
  const series = ov.by_month.length || (ends[0] && ends[1]) ? [
    ...(ends[0] && (!ov.by_month.length || ends[0].period < ov.by_month[0].period) ? [ends[0]] : []),
    ...ov.by_month,
    ...(ends[1] && (!ov.by_month.length || ends[1].period > ov.by_month[ov.by_month.length - 1].period) ? [ends[1]] : []),
  ] : [];
  const points = fillPeriods(series, "month", (p) => ({ period: p, quad: [0, 0, 0, 0] }));
  const chartEl = h("div", { class: "chart", "data-testid": "overview-chart" });
  const zoomed = filters.since || filters.until;
  const chartCard = h("section", { class: "card" },
    h("header", {}, h("h2", {}, "Events per month by QuadClass"),
      zoomed ? h("span", { class: "chip", "data-testid": "zoom-chip" },
        `${filters.since ? periodLabel(filters.since.slice(0, 7)) : "…"} – ${filters.until ? periodLabel(filters.until.slice(0, 7)) : "…"}`,
        h("button", { type: "button", title: "Show every month", "data-testid": "zoom-reset",
          onclick: () => go("#/overview", { ...filters, since: "", until: "" }) }, "×")) : null,
      legend(QUADS.map((q) => ({ name: q.name, color: q.color }))),
      downloads("dyads-months", () => points.map((p) => ({ period: p.period, verbal_coop: p.quad[0],
        material_coop: p.quad[1], verbal_conflict: p.quad[2], material_conflict: p.quad[3] })))),
    points.length ? chartEl : empty("No dated events pass these filters."));
  if (points.length) {
    queueMicrotask(() => barChart(chartEl, {
      label: "Events per month by QuadClass",
      periods: points.map((p) => p.period),
      up: QUADS.map((q) => ({ color: q.color, values: points.map((p) => p.quad[q.q - 1]) })),
      height: 250,
      tip: (i) => [h("div", {}, h("b", {}, periodLabel(points[i].period))),
        ...QUADS.map((q) => h("div", {}, `${q.name}: ${fmt(points[i].quad[q.q - 1])}`)),
        h("div", { class: "muted" }, "Drag across months to zoom")],
      onBrush: (lo, hi) => go("#/overview", { ...filters, since: points[lo].period, until: points[hi].period }),
    }));
  }

  const dyadRows = ov.top_dyads.map((d) => {
    const total = Math.max(1, d.cooperation + d.conflict);
    return h("tr", { class: "click", onclick: () => { window.location.hash = `#/dyad/${d.a}/${d.b}`; } },
      h("td", {}, h("span", { class: "pill" }, d.a), h("span", { class: "arrow" }, "↔"), h("span", { class: "pill" }, d.b)),
      h("td", { class: "num" }, fmt(d.events)),
      h("td", {}, h("div", { class: "bar2", title: `${d.cooperation} cooperative, ${d.conflict} conflictual` },
        h("span", { style: { width: `${(100 * d.cooperation) / total}%` } }),
        h("span", { style: { width: `${(100 * d.conflict) / total}%` } }))),
      h("td", { class: "num" }, goldstein(d.mean_goldstein)));
  });
  const dyads = h("section", { class: "card" },
    h("header", {}, h("h2", {}, "Top country pairs"), h("a", { href: hashWith("#/events", filters) }, "List the events ›")),
    ov.top_dyads.length ? h("div", { class: "table-wrap" }, h("table", { "data-testid": "top-dyads" },
      h("thead", {}, h("tr", {}, h("th", {}, "Pair"), h("th", { class: "num" }, "Events"),
        h("th", {}, "Cooperation / conflict"), h("th", { class: "num" }, "Goldstein"))),
      h("tbody", {}, dyadRows))) : empty("No pair of countries passes these filters."));
  const actorRows = actors.actors.map((a) => h("tr", { "data-testid": "actor-row" },
    h("td", {}, actorPill(a)),
    h("td", {}, h("div", {}, a.name || ""), a.people && a.people.length
      ? h("div", { class: "muted small" }, a.people.slice(0, 3).join(", ")) : null),
    h("td", { class: "num" }, fmt(a.as_source)),
    h("td", { class: "num" }, fmt(a.as_target))));
  const top = h("section", { class: "card" },
    h("header", {}, h("h2", {}, "Most active actors")),
    h("div", { class: "table-wrap" }, h("table", { "data-testid": "top-actors" },
      h("thead", {}, h("tr", {}, h("th", {}, "Actor"), h("th", {}, "What it is · people seen"),
        h("th", { class: "num" }, "As source"), h("th", { class: "num" }, "As target"))),
      h("tbody", {}, actorRows))));
  return h("div", { class: "grid" }, head, filterBar("#/overview", filters), stats, chartCard,
    h("div", { class: "grid cols-2" }, dyads, top));
}
