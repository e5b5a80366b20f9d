// CSV and JSON downloads of what a view shows (made in the browser from the rows on screen).
import { h } from "./dom.js";

function cell(v) {
  if (v === null || v === undefined) return "";
  const text = typeof v === "object" ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCSV(rows, columns) {
  const cols = columns || [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.join(","), ...rows.map((r) => cols.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

function save(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Two buttons; rows() gives the rows at the moment of the click (flat objects).
export function downloads(name, rows, columns) {
  return h("span", { class: "downloads" },
    h("button", { type: "button", class: "ghost small", "data-download": "csv",
      onclick: () => save(`${name}.csv`, "text/csv", toCSV(rows(), columns)) }, "CSV"),
    h("button", { type: "button", class: "ghost small", "data-download": "json",
      onclick: () => save(`${name}.json`, "application/json", JSON.stringify(rows(), null, 1)) }, "JSON"));
}

// An event as one flat row (what the events table shows, plus the ids to find it again).
export function flatEvent(e) {
  return {
    date: e.date, source: e.source?.code ?? null, source_name: e.source?.name ?? null,
    cameo: e.cameo, label: e.label, target: e.target?.code ?? null, target_name: e.target?.name ?? null,
    quad: e.quad, goldstein: e.goldstein, modality: e.modality, location: e.location?.name ?? null,
    lat: e.location?.lat ?? null, lon: e.location?.lon ?? null, num_articles: e.num_articles,
    num_mentions: e.num_mentions, article_id: e.article_id, evidence: e.evidence, rule: e.rule, id: e.id,
  };
}
