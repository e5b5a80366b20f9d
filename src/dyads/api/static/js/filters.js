// The filters every explorer page shares (dates, CAMEO root, QuadClass, modality, source and target
// country, coded actors only), kept in the address after "?" so a view can be bookmarked and shared.
import { api } from "./api.js";
import { h } from "./dom.js";

export const MODALITIES = ["asserted", "claimed", "denied", "negated", "future", "hypothetical"];
const ROOTS = [
  ["01", "Make public statement"], ["02", "Appeal"], ["03", "Express intent to cooperate"], ["04", "Consult"],
  ["05", "Engage in diplomatic cooperation"], ["06", "Engage in material cooperation"], ["07", "Provide aid"],
  ["08", "Yield"], ["09", "Investigate"], ["10", "Demand"], ["11", "Disapprove"], ["12", "Reject"],
  ["13", "Threaten"], ["14", "Protest"], ["15", "Exhibit force posture"], ["16", "Reduce relations"],
  ["17", "Coerce"], ["18", "Assault"], ["19", "Fight"], ["20", "Use unconventional mass violence"],
];
const QUAD_NAMES = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];
export const KEYS = ["since", "until", "root", "quad", "modality", "source", "target", "coded", "q", "place"];

// { path, filters } from "#/events?root=04&coded=1"
export function parseHash(hash) {
  const [path, query = ""] = (hash || "").split("?");
  const params = new URLSearchParams(query);
  const filters = {};
  for (const k of KEYS) if (params.get(k)) filters[k] = params.get(k);
  return { path, filters };
}

export function currentFilters() {
  return parseHash(window.location.hash).filters;
}

export function hashWith(path, filters) {
  const q = new URLSearchParams();
  for (const k of KEYS) if (filters[k]) q.set(k, filters[k]);
  const text = q.toString();
  return text ? `${path}?${text}` : path;
}

// The API parameters for these filters (a country filter is a 3-letter code prefix).
export function apiParams(filters) {
  const out = {};
  for (const k of ["since", "until", "root", "quad", "source", "target", "q", "place"]) if (filters[k]) out[k] = filters[k];
  out.modality = filters.modality || "asserted";
  if (filters.coded) out.coded = true;
  return out;
}

export function describe(filters) {
  const bits = [];
  if (filters.since || filters.until) bits.push(`${filters.since || "…"} to ${filters.until || "…"}`);
  if (filters.root) bits.push(`root ${filters.root}`);
  if (filters.quad) bits.push(QUAD_NAMES[Number(filters.quad) - 1] || `quad ${filters.quad}`);
  if (filters.source) bits.push(`source ${filters.source}`);
  if (filters.target) bits.push(`target ${filters.target}`);
  bits.push(filters.modality && filters.modality !== "asserted" ? `modality: ${filters.modality}` : "asserted events");
  if (filters.coded) bits.push("coded actors only");
  if (filters.q) bits.push(`“${filters.q}”`);
  if (filters.place) bits.push(`in ${filters.place}`);
  return bits.join(" · ");
}

// Country codes with their names, for the actor and country inputs (one request per page load).
let countryList = null;
export function actorOptions(id = "country-codes") {
  const list = h("datalist", { id });
  if (!countryList) {
    countryList = Promise.all([
      api("actors", { params: { limit: 400, level: "country", modality: "all" } }),
      api("actors", { params: { limit: 600, modality: "all" } }),
    ]).then(([countries, codes]) => [...countries.actors, ...codes.actors.filter((a) => a.code.length > 3)])
      .catch(() => []);
  }
  countryList.then((actors) => {
    const seen = new Set();
    for (const a of actors) {
      if (seen.has(a.code)) continue;
      seen.add(a.code);
      list.append(h("option", { value: a.code, label: `${a.code} · ${a.name || "?"}` }, a.name || a.code));
    }
  });
  return list;
}

function select(name, label, options, value) {
  return h("div", { class: "field" }, h("label", { for: `f-${name}` }, label),
    h("select", { id: `f-${name}`, name, "data-filter": name },
      options.map(([v, text]) => h("option", { value: v, selected: v === (value || "") }, text))));
}

// The filter bar: changing a field rewrites the address, which re-renders the page.
export function filterBar(path, filters, { search = false } = {}) {
  const form = h("form", { class: "controls filters", "data-testid": "filters", onsubmit: (e) => e.preventDefault() });
  const month = (name, label) => h("div", { class: "field" }, h("label", { for: `f-${name}` }, label),
    h("input", { type: "month", id: `f-${name}`, name, "data-filter": name, value: (filters[name] || "").slice(0, 7) }));
  const country = (name, label) => h("div", { class: "field" }, h("label", { for: `f-${name}` }, label),
    h("input", { type: "text", class: "actor", id: `f-${name}`, name, "data-filter": name, list: "country-codes",
      value: filters[name] || "", placeholder: "any", autocomplete: "off", spellcheck: "false" }));
  const fields = [
    month("since", "From"), month("until", "To"),
    select("root", "Event root", [["", "All roots"], ...ROOTS.map(([c, n]) => [c, `${c} ${n}`])], filters.root),
    select("quad", "QuadClass", [["", "All classes"], ...QUAD_NAMES.map((n, i) => [String(i + 1), n])], filters.quad),
    select("modality", "Modality", [["", "asserted"], ...MODALITIES.slice(1).map((m) => [m, m]), ["all", "all"]],
      filters.modality === "asserted" ? "" : filters.modality),
    country("source", "Source"), country("target", "Target"),
    h("label", { class: "toggle coded", title: "Only events whose source and target both have a country (or IGO) code" },
      h("input", { type: "checkbox", id: "f-coded", "data-filter": "coded", checked: !!filters.coded }), "Coded actors only"),
    search ? h("div", { class: "field grow" }, h("label", { for: "f-q" }, "Search"),
      h("input", { type: "search", id: "f-q", "data-filter": "q", value: filters.q || "",
        placeholder: "Words in the evidence or actor names…" })) : null,
    h("button", { type: "button", class: "ghost", onclick: () => go(path, {}) }, "Clear"),
    actorOptions()];
  form.append(...fields.filter(Boolean));
  let timer = null;
  const apply = () => {
    const next = {};
    for (const el of form.querySelectorAll("[data-filter]")) {
      const k = el.dataset.filter;
      if (el.type === "checkbox") { if (el.checked) next[k] = "1"; }
      else if (el.value.trim()) next[k] = k === "source" || k === "target" ? el.value.trim().toUpperCase() : el.value.trim();
    }
    go(path, next);
  };
  form.addEventListener("change", apply);
  form.addEventListener("input", (evt) => {
    if (evt.target.dataset.filter !== "q") return;
    clearTimeout(timer);
    timer = setTimeout(apply, 350);
  });
  return form;
}

export function go(path, filters) {
  const next = hashWith(path, filters);
  if (window.location.hash !== next) window.location.hash = next;
}
