// Overview: totals, events per QuadClass over time, top dyads and top actors.
import { api } from "../api.js";
import { barChart, fillPeriods, legend, periodLabel } from "../charts.js";
import { QUADS, actorPill, empty, fmt, goldstein, h } from "../dom.js";

function statCard(label, value, sub) {
  return h("div", { class: "card stat" }, h("div", { class: "lbl" }, label), h("div", { class: "num" }, value),
    sub ? h("div", { class: "sub" }, sub) : null);
}

export async function overviewPage() {
  const [ov, actors] = await Promise.all([api("overview"), api("actors", { params: { limit: 12 } })]);
  const head = h("div", { class: "page-head" },
    h("div", {}, h("h1", {}, "Overview"),
      h("p", {}, "What the store holds: events by CAMEO QuadClass over time, and the most active pairs of actors.")));
  if (!ov.events) {
    return h("div", {}, head, h("div", { class: "card" }, empty(
      h("p", {}, "This store has no events yet."),
      h("p", {}, "Add articles with ", h("code", {}, "dyads ingest articles/ --db dyads.duckdb"),
        ", or try the ", h("a", { href: "#/code" }, "live coder"), "."))));
  }
  const months = ov.by_month.map((p) => p.period);
  const span = months.length ? `${periodLabel(months[0])} – ${periodLabel(months[months.length - 1])}` : "–";
  const stats = h("div", { class: "grid cols-4" },
    statCard("Events", fmt(ov.events), "deduplicated across articles"),
    statCard("Articles", fmt(ov.articles), null),
    statCard("Actors", fmt(ov.actors), "distinct actor codes"),
    statCard("Period", span, `${months.length} month${months.length === 1 ? "" : "s"} with dated events`));

  const points = fillPeriods(ov.by_month, "month", (p) => ({ period: p, quad: [0, 0, 0, 0] }));
  const chartEl = h("div", { class: "chart", "data-testid": "overview-chart" });
  const chartCard = h("section", { class: "card" },
    h("header", {}, h("h2", {}, "Events per month by QuadClass"),
      legend(QUADS.map((q) => ({ name: q.name, color: q.color })))),
    chartEl);
  queueMicrotask(() => barChart(chartEl, {
    label: "Events per month by QuadClass",
    periods: points.map((p) => p.period),
    up: QUADS.map((q) => ({ color: q.color, values: points.map((p) => p.quad[q.q - 1]) })),
    height: 250,
    tip: (i) => [h("div", {}, h("b", {}, periodLabel(points[i].period))),
      ...QUADS.map((q) => h("div", {}, `${q.name}: ${fmt(points[i].quad[q.q - 1])}`))],
  }));

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
    h("header", {}, h("h2", {}, "Top dyads"), h("span", { class: "muted" }, "click a pair to explore it")),
    h("div", { class: "table-wrap" }, h("table", { "data-testid": "top-dyads" },
      h("thead", {}, h("tr", {}, h("th", {}, "Pair"), h("th", { class: "num" }, "Events"),
        h("th", {}, "Cooperation / conflict"), h("th", { class: "num" }, "Goldstein"))),
      h("tbody", {}, dyadRows))));
  const actorRows = actors.actors.map((a) => h("tr", {},
    h("td", {}, actorPill(a)),
    h("td", { class: "muted" }, a.name || ""),
    h("td", { class: "num" }, fmt(a.as_source)),
    h("td", { class: "num" }, fmt(a.as_target))));
  const top = h("section", { class: "card" },
    h("header", {}, h("h2", {}, "Most active actors")),
    h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, h("th", {}, "Actor"), h("th", {}, ""), h("th", { class: "num" }, "As source"),
        h("th", { class: "num" }, "As target"))),
      h("tbody", {}, actorRows))));
  return h("div", { class: "grid" }, head, stats, chartCard, h("div", { class: "grid cols-2" }, dyads, top));
}
