// API reference from /openapi.json (Swagger UI would need a CDN; this needs nothing).
import { h } from "../dom.js";

function param(p) {
  const sch = p.schema || {};
  const type = sch.type || (sch.anyOf || []).map((x) => x.type).filter((t) => t && t !== "null").join("|") || "";
  return h("li", {}, h("code", {}, p.name), h("span", { class: "muted" }, ` ${p.in} · ${type}${p.required ? " · required" : ""}`),
    p.description ? ` – ${p.description}` : "");
}

function body(spec, op) {
  const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
  const schema = ref ? spec.components.schemas[ref.split("/").pop()] : null;
  if (!schema) return null;
  const required = new Set(schema.required || []);
  return h("ul", { class: "small" }, Object.entries(schema.properties || {}).map(([name, prop]) =>
    param({ name, in: "body", required: required.has(name), schema: prop, description: prop.description })));
}

export async function apiPage() {
  const spec = await (await fetch("/openapi.json")).json();
  const items = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [verb, op] of Object.entries(ops)) {
      items.push(h("div", { class: "endpoint" },
        h("span", { class: `verb ${verb}` }, verb.toUpperCase()),
        h("div", {}, h("code", {}, path), h("div", {}, op.summary || ""),
          op.description ? h("div", { class: "muted small" }, op.description) : null,
          op.parameters && op.parameters.length ? h("ul", { class: "small" }, op.parameters.map(param)) : null,
          body(spec, op))));
    }
  }
  return h("div", { class: "grid" },
    h("div", { class: "page-head" }, h("div", {}, h("h1", {}, "API reference"),
      h("p", {}, "JSON over HTTP. Errors come back as ", h("code", {}, '{"error": {"status", "code", "message"}}'),
        ". The machine-readable schema is at ", h("a", { href: "/openapi.json" }, "/openapi.json"), "."))),
    h("section", { class: "card" }, items));
}
