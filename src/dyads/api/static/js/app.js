// The dashboard: a hash router over its pages. Each page renders into #view from the JSON API; the
// explorer pages read their filters from the address ("#/events?root=04&coded=1").
import { api } from "./api.js";
import { h } from "./dom.js";
import { parseHash } from "./filters.js";
import { apiPage } from "./pages/apiref.js";
import { articlePage, articlesPage } from "./pages/articles.js";
import { codePage } from "./pages/code.js";
import { dyadPage } from "./pages/dyad.js";
import { eventsPage } from "./pages/events.js";
import { mapPage } from "./pages/map.js";
import { overviewPage } from "./pages/overview.js";

const routes = [
  [/^#?\/?$/, (m, f) => overviewPage(f), "overview"],
  [/^#\/overview$/, (m, f) => overviewPage(f), "overview"],
  [/^#\/events$/, (m, f) => eventsPage(f), "events"],
  [/^#\/map$/, (m, f) => mapPage(f), "map"],
  [/^#\/dyad(?:\/([^/]*))?(?:\/([^/]*))?$/, (m) => dyadPage(dec(m[1]), dec(m[2])), "dyad"],
  [/^#\/articles$/, () => articlesPage(), "articles"],
  [/^#\/article\/(.+)$/, (m, f, q) => articlePage(dec(m[1]), q.get("ev")), "articles"],
  [/^#\/code$/, () => codePage(), "code"],
  [/^#\/api$/, () => apiPage(), "api"],
];

function dec(part) {
  return part ? decodeURIComponent(part) : "";
}

export function banner(message) {
  const el = document.getElementById("banner");
  el.hidden = !message;
  el.textContent = message || "";
}

let token = 0;

async function route() {
  const hash = window.location.hash || "#/overview";
  const view = document.getElementById("view");
  const mine = ++token;
  const { path, filters } = parseHash(hash);
  const query = new URLSearchParams(hash.split("?")[1] || "");
  for (const [re, page, tab] of routes) {
    const m = re.exec(path);
    if (!m) continue;
    document.querySelectorAll(".tabs a").forEach((a) => a.classList.toggle("active", a.dataset.tab === tab));
    banner("");
    try {
      const node = await page(m, filters, query);
      if (mine === token) view.replaceChildren(node);
    } catch (err) {
      if (mine === token) {
        view.replaceChildren(h("div", { class: "card empty" }, err.message));
        banner(err.message);
      }
    }
    return;
  }
  view.replaceChildren(h("div", { class: "card empty" }, `No page at ${hash}. `, h("a", { href: "#/overview" }, "Back to the overview")));
}

async function status() {
  const el = document.getElementById("store-status");
  try {
    const st = await api("health");
    const bad = st.status !== "ok";
    el.replaceChildren(h("span", { class: `dot${bad ? " bad" : ""}` }), bad ? `no store at ${st.store}` : st.store);
    el.title = `dyads ${st.version} · ${st.store}${st.writable ? " · ingest enabled" : " · read-only"}`;
  } catch (err) {
    el.replaceChildren(h("span", { class: "dot bad" }), "server unreachable");
  }
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", () => {
  status();
  route();
});
