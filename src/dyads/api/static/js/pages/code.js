// Live coder: paste an article, see its events, actors and quotes. Nothing is stored.
import { api } from "../api.js";
import { empty, h, spinner } from "../dom.js";
import { eventTable } from "./dyad.js";
import { articlePanel } from "./articles.js";

const EXAMPLE = [
  "MOSCOW (Reuters) – Kremlin spokesman Dmitry Peskov said on Wednesday that his country is developing its relations with North Korea in all areas.",
  "North Korea’s foreign minister lauded comradely ties with Russia on Tuesday and then held rare talks in the Kremlin with President Vladimir Putin.",
  "The United States and its allies have condemned what they say have been significant North Korean missile deliveries to Russia.",
].join("\n");

export async function codePage() {
  const today = new Date().toISOString().slice(0, 10);
  const text = h("textarea", { id: "code-text", placeholder: "Paste a news article here…", "aria-label": "Article text" });
  const date = h("input", { type: "date", id: "code-date", value: today, "aria-label": "Publication date" });
  const run = h("button", { type: "submit", id: "code-run" }, "Code it");
  const info = h("span", { class: "muted small" }, "Coded as you paste or type; nothing is stored.");
  const out = h("div", { id: "code-result" });
  let timer = null;
  let seq = 0;

  async function code() {
    const body = text.value;
    if (!body.trim()) {
      out.replaceChildren();
      return;
    }
    const mine = ++seq;
    run.disabled = true;
    info.replaceChildren(h("span", { class: "spinner" }), " coding…");
    const t0 = performance.now();
    try {
      const view = await api("code", { method: "POST", body: { text: body, date: date.value || null } });
      if (mine !== seq) return;
      const ms = Math.round(performance.now() - t0);
      info.textContent = `${view.events.length} event${view.events.length === 1 ? "" : "s"}, ${view.quotes.length} quote${view.quotes.length === 1 ? "" : "s"} · ${ms} ms · nothing stored`;
      const evs = view.events.map((e) => ({ ...e, num_articles: 1, num_mentions: 1, article_id: null }));
      out.replaceChildren(
        articlePanel({ ...view, title: null }, { heading: false }),
        h("section", { class: "card", style: { marginTop: "18px" } }, h("header", {}, h("h2", {}, "Event records")),
          evs.length ? eventTable(evs, { showArticle: false }) : empty("No events in this text.")));
    } catch (err) {
      if (mine === seq) {
        info.textContent = "";
        out.replaceChildren(h("div", { class: "card empty" }, err.message));
      }
    } finally {
      if (mine === seq) run.disabled = false;
    }
  }
  const soon = (ms) => { clearTimeout(timer); timer = setTimeout(code, ms); };
  text.addEventListener("input", () => soon(900));
  text.addEventListener("paste", () => soon(50));
  date.addEventListener("change", () => soon(50));

  const form = h("form", { class: "card", onsubmit: (evt) => { evt.preventDefault(); clearTimeout(timer); code(); } },
    text,
    h("div", { class: "controls", style: { marginTop: "12px", alignItems: "center" } },
      h("div", { class: "field" }, h("label", { for: "code-date" }, "Published"), date),
      h("div", { class: "field" }, h("label", {}, "\u00a0"), run),
      h("div", { class: "field" }, h("label", {}, "\u00a0"), h("button", { type: "button", class: "ghost",
        onclick: () => { text.value = EXAMPLE; date.value = "2024-01-17"; soon(0); } }, "Try an example")),
      h("div", { style: { marginLeft: "auto", alignSelf: "center" } }, info)));
  return h("div", { class: "grid" },
    h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "Code text"),
      h("p", {}, "Who did what to whom: paste an article to see its actors, CAMEO events and quotations."))),
    form, out);
}
