// Dyad explorer: two actors -> cooperation/conflict timeline, and the events behind it.
import { api } from "../api.js";
import { barChart, fillPeriods, legend, periodLabel } from "../charts.js";
import { QUADS, actorPill, empty, fill, fmt, fmt1, goldstein, h, quadBadge, quoted, spinner } from "../dom.js";
import { actorOptions } from "../filters.js";

const PAGE = 40;

function periodRange(period, by) {
  if (by === "year") return [period, period];
  if (by === "quarter") {
    const [y, q] = period.split("-Q").map(Number);
    const m0 = (q - 1) * 3 + 1;
    return [`${y}-${String(m0).padStart(2, "0")}`, `${y}-${String(m0 + 2).padStart(2, "0")}`];
  }
  return [period, period];
}

export function eventTable(events, { showArticle = true } = {}) {
  if (!events.length) return empty("No events.");
  const rows = events.map((e) => h("tr", { "data-testid": "event-row" },
    h("td", { class: "nowrap mono" }, e.date || "–"),
    h("td", { class: "nowrap" }, actorPill(e.source), h("span", { class: "arrow" }, "→"), actorPill(e.target)),
    h("td", {}, h("span", { class: "mono" }, e.cameo), " ", h("span", {}, e.label || ""),
      h("div", {}, quadBadge(e.quad))),
    h("td", { class: "num" }, goldstein(e.goldstein)),
    h("td", { class: "evidence" }, e.evidence ? quoted(e.evidence) : "",
      e.modality && e.modality !== "asserted" ? h("span", { class: "muted small" }, ` (${e.modality})`) : null,
      showArticle && e.article_id ? h("div", { class: "small" },
        h("a", { href: `#/article/${encodeURIComponent(e.article_id)}` }, "Open article ›"),
        e.num_articles > 1 ? h("span", { class: "muted" }, ` · ${e.num_articles} articles, ${e.num_mentions} mentions`) : null)
        : null)));
  return h("div", { class: "table-wrap" }, h("table", { class: "stack", "data-testid": "event-table" },
    h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Who → whom"), h("th", {}, "Event"),
      h("th", { class: "num" }, "Goldstein"), h("th", {}, "Evidence"))),
    h("tbody", {}, rows)));
}

export async function dyadPage(a0, b0) {
  const state = { a: (a0 || "").toUpperCase(), b: (b0 || "").toUpperCase(), by: "month", period: null };
  const options = actorOptions("actor-codes");  // countries and codes, with their names
  const inA = h("input", { type: "text", class: "actor", id: "actor-a", list: "actor-codes", value: state.a,
    placeholder: "RUS", autocomplete: "off", spellcheck: "false", "aria-label": "First actor" });
  const inB = h("input", { type: "text", class: "actor", id: "actor-b", list: "actor-codes", value: state.b,
    placeholder: "PRK", autocomplete: "off", spellcheck: "false", "aria-label": "Second actor" });
  const seg = h("div", { class: "seg", role: "group", "aria-label": "Period" },
    ["month", "quarter", "year"].map((by) => h("button", { type: "button", class: by === state.by ? "on" : "", "data-by": by,
      onclick: () => { state.by = by; seg.querySelectorAll("button").forEach((x) => x.classList.toggle("on", x.dataset.by === by)); if (state.a && state.b) load(); } },
    by[0].toUpperCase() + by.slice(1))));
  const go = () => {
    const a = inA.value.trim().toUpperCase();
    const b = inB.value.trim().toUpperCase();
    if (!a || !b) return;
    window.location.hash = `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  };
  const form = h("form", { class: "controls", id: "dyad-form", onsubmit: (evt) => { evt.preventDefault(); go(); } },
    h("div", { class: "field" }, h("label", { for: "actor-a" }, "Actor A"), inA),
    h("button", { type: "button", class: "ghost icon", title: "Swap", "aria-label": "Swap actors",
      onclick: () => { [inA.value, inB.value] = [inB.value, inA.value]; go(); } }, "⇄"),
    h("div", { class: "field" }, h("label", { for: "actor-b" }, "Actor B"), inB),
    h("div", { class: "field" }, h("label", {}, "Period"), seg),
    h("button", { type: "submit", id: "dyad-show" }, "Show timeline"), options);

  const chartCard = h("section", { class: "card", id: "timeline" });
  const eventsCard = h("section", { class: "card", id: "dyad-events" });
  const page = h("div", { class: "grid" },
    h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Dyad explorer"),
      h("p", {}, "Pick two actors to follow their relationship: cooperation above the line, conflict below. ",
        "A country code such as RUS includes its government, military and other sectors (RUSGOV, RUSMIL…).")),
    form),
    chartCard, eventsCard);

  if (!state.a || !state.b) {
    chartCard.append(empty("Choose two actors, for example ", h("a", { href: "#/dyad/RUS/PRK" }, "RUS and PRK"), "."));
    eventsCard.hidden = true;
    return page;
  }

  async function loadEvents(append) {
    const params = { source: state.a, target: state.b, both: true, limit: PAGE, offset: append ? state.offset : 0 };
    if (state.period) [params.since, params.until] = periodRange(state.period, state.by);
    const res = await api("events", { params });
    state.offset = (append ? state.offset : 0) + res.events.length;
    state.events = append ? state.events.concat(res.events) : res.events;
    const n = state.events.length;
    const title = h("header", {}, h("h2", {}, `Events between ${state.a} and ${state.b}`),
      h("span", { class: "muted" }, `${fmt(n)}${res.next_offset !== null ? "+" : ""} event${n === 1 ? "" : "s"}, oldest first`),
      state.period ? h("span", { class: "chip" }, periodLabel(state.period),
        h("button", { type: "button", title: "Show all periods", onclick: () => { state.period = null; load(); } }, "×")) : null);
    const more = res.next_offset !== null
      ? h("div", { class: "more" }, h("button", { type: "button", class: "ghost", onclick: () => loadEvents(true) },
        "Show more")) : null;
    fill(eventsCard, title, eventTable(state.events), more);
  }

  async function load() {
    chartCard.replaceChildren(spinner());
    eventsCard.replaceChildren(spinner());
    let tl;
    try {
      tl = await api(`dyads/${encodeURIComponent(state.a)}/${encodeURIComponent(state.b)}/timeline`, { params: { by: state.by } });
    } catch (err) {
      chartCard.replaceChildren(empty(err.message));
      eventsCard.replaceChildren();
      return;
    }
    const blankDir = { events: 0, mentions: 0, quad: [0, 0, 0, 0], mean_goldstein: null, net_cooperation: 0 };
    const pts = fillPeriods(tl.points, state.by, (p) => ({ ...blankDir, period: p, a_to_b: blankDir, b_to_a: blankDir }));
    const sum = (k) => tl.points.reduce((acc, p) => acc + p[k].events, 0);
    const coop = tl.points.reduce((acc, p) => acc + p.quad[0] + p.quad[1], 0);
    const conf = tl.points.reduce((acc, p) => acc + p.quad[2] + p.quad[3], 0);
    const chartEl = h("div", { class: "chart", "data-testid": "timeline-chart" });
    chartCard.replaceChildren(
      h("header", {}, h("h2", {}, h("span", { class: "pill" }, state.a), h("span", { class: "arrow" }, "↔"),
        h("span", { class: "pill" }, state.b), " cooperation and conflict"),
      legend([...QUADS.map((q) => ({ name: q.name, color: q.color })), { name: "Net cooperation", line: true }])),
      pts.length ? chartEl : empty(`No events between ${state.a} and ${state.b} in this store.`),
      h("div", { class: "dirs" },
        h("div", { class: "dir" }, h("b", {}, `${state.a} → ${state.b}`), `: ${fmt(sum("a_to_b"))} events`),
        h("div", { class: "dir" }, h("b", {}, `${state.b} → ${state.a}`), `: ${fmt(sum("b_to_a"))} events`),
        h("div", { class: "dir" }, h("b", {}, "Balance"), `: ${fmt(coop)} cooperative, ${fmt(conf)} conflictual`)));
    if (pts.length) {
      const selected = state.period ? pts.findIndex((p) => p.period === state.period) : null;
      barChart(chartEl, {
        label: `${state.a} and ${state.b}: events per ${state.by}`,
        periods: pts.map((p) => p.period),
        up: [{ color: "var(--q1)", values: pts.map((p) => p.quad[0]) }, { color: "var(--q2)", values: pts.map((p) => p.quad[1]) }],
        down: [{ color: "var(--q3)", values: pts.map((p) => p.quad[2]) }, { color: "var(--q4)", values: pts.map((p) => p.quad[3]) }],
        line: pts.map((p) => p.net_cooperation),
        height: 290,
        selected,
        onPick: (i) => { state.period = pts[i].period === state.period ? null : pts[i].period; load(); },
        tip: (i) => {
          const p = pts[i];
          return [h("div", {}, h("b", {}, periodLabel(p.period)), ` · ${fmt(p.events)} events`),
            ...QUADS.map((q) => h("div", {}, `${q.name}: ${fmt(p.quad[q.q - 1])}`)),
            h("div", {}, `Net cooperation: ${p.net_cooperation > 0 ? "+" : ""}${p.net_cooperation}`),
            h("div", {}, `Mean Goldstein: ${fmt1(p.mean_goldstein)}`),
            h("div", { class: "muted" }, "Click to list this period's events")];
        },
      });
    }
    await loadEvents(false).catch((err) => eventsCard.replaceChildren(empty(err.message)));
  }

  load();
  return page;
}
