"""`dyads eval`: code a gold file and report how often dyads is right (thin over dyads.eval)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from dyads.cli import options
from dyads.cli.app import app

KIND_TITLES = {
    "wrong_class": "wrong main-event class (most confident first)",
    "wrong_actor": "right class, wrong actor (most confident first)",
    "missed": "event sentences with nothing coded",
    "false_event": "events coded on no-event sentences (most confident first)",
}


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _console():
    from rich.console import Console

    console = Console()
    return console if console.is_terminal else Console(width=200)


def _summary_tables(report: dict[str, Any]) -> list[Any]:
    from rich.table import Table

    c = report["counts"]
    counts = {
        "main_event_class_accuracy": f"{c['main_correct']}/{c['main_items']}",
        "coverage": f"{c['covered']}/{c['event_items']}",
        "event.f1": f"{c['matched']['event']} matched",
        "main_event_source_accuracy": f"{c['source_correct']}/{c['source_checked']}",
        "main_event_target_accuracy": f"{c['target_correct']}/{c['target_checked']}",
        "no_event_false_rate": f"{report['no_event_items_with_predictions']}/{report['no_event_items']} items, "
                               f"{report['no_event_false_events']} events",
    }
    head = Table(title=f"{report['gold']}: {report['items']} items, class level {report['class_level'] or 'none'}",
                 header_style="bold")
    for col in ("metric", "value", "count", "target", "met"):
        head.add_column(col, justify="right" if col != "metric" else "left")
    for t in report["targets"]:
        met = {True: "[green]yes[/green]", False: "[red]no[/red]", None: "-"}[t["met"]]
        head.add_row(t["label"], _pct(t["value"]), counts.get(t["key"], ""), t["target"], met)

    prf = Table(title=f"events: {report['gold_events']} gold, {report['predicted_events']} predicted",
                header_style="bold")
    for col in ("matching", "precision", "recall", "F1"):
        prf.add_column(col, justify="right" if col != "matching" else "left")
    for key, label in (("event", "actors and class"), ("class_only", "class only"), ("dyad_only", "actors only")):
        r = report[key]
        prf.add_row(label, _pct(r["precision"]), _pct(r["recall"]), _pct(r["f1"]))
    return [head, prf]


def _class_tables(report: dict[str, Any]) -> list[Any]:
    from rich.table import Table

    if not report["per_class"]:
        return []
    level = report["class_level"]
    per = Table(title=f"per class ({level}): events matched on class only; main event = most confident",
                header_style="bold")
    for col in ("class", "name", "gold", "pred", "P", "R", "F1", "main acc", "main P"):
        per.add_column(col, justify="left" if col in ("class", "name") else "right")
    for label, r in report["per_class"].items():
        acc = f"{r['main_correct']}/{r['main_items']}" if r["main_items"] else "-"
        per.add_row(label, r["name"], str(r["gold"]), str(r["predicted"]), _pct(r["precision"]),
                    _pct(r["recall"]), _pct(r["f1"]), acc, _pct(r["main_precision"]))
    conf = report["confusion"]
    matrix = Table(title="confusion: gold class (rows) x main-event class (columns); none = nothing coded",
                   header_style="bold", min_width=84)
    matrix.add_column("gold")
    for col in conf["columns"]:
        matrix.add_column(col, justify="right")
    for row in conf["rows"]:
        cells = conf["counts"][row]
        matrix.add_row(row, *(f"[bold]{cells[c]}[/bold]" if c == row else str(cells[c] or ".")
                              for c in conf["columns"]))
    return [per, matrix]


def _who(d: dict[str, Any]) -> str:
    cls = f"[{d['class']}] " if d.get("class") is not None else ""
    cameo = f"{d['cameo']} " if d.get("cameo") else ""
    return f"{cls}{cameo}{d.get('source') or '-'} → {d.get('target') or '-'}"


def _error_tables(report: dict[str, Any]) -> list[Any]:
    from rich.table import Table

    tables = []
    for kind, entries in report["errors"].items():
        if not entries:
            continue
        t = Table(title=KIND_TITLES.get(kind, kind), header_style="bold", show_lines=True)
        for col in ("id", "gold", "predicted", "conf", "sentence"):
            t.add_column(col, overflow="fold")
        for e in entries:
            pred = e["predicted"][0] if e["predicted"] else {}
            more = f" (+{len(e['predicted']) - 1} more)" if len(e["predicted"]) > 1 else ""
            t.add_row(e["id"], "; ".join(_who(g) for g in e["gold"]) or "no event",
                      (_who(pred) + more + (f"\nrule {pred['rule']}" if pred.get("rule") else "")) if pred else "-",
                      _pct(pred.get("confidence")) if pred else "", _clip(e["text"], 220))
        tables.append(t)
    return tables


def _seed_tables(report: dict[str, Any]) -> list[Any]:
    from rich.table import Table

    t = Table(title=f"{report['gold']}: seed reference", header_style="bold", min_width=72)
    t.add_column("measure")
    t.add_column("value", overflow="fold")
    for key in ("required_found", "required_events", "recall", "predicted_matching_gold", "predicted_events",
                "precision", "dates_correct", "quotes_found"):
        t.add_row(key, str(report[key]))
    t.add_row("missing", ", ".join(report["missing"]) or "-")
    t.add_row("must_not violations", "\n".join(report["must_not_violations"]) or "-")
    tables = [t]
    if report["unexplained"]:
        u = Table(title="predicted events no gold event explains", header_style="bold")
        for col in ("cameo", "source", "target", "rule", "evidence"):
            u.add_column(col, overflow="fold")
        for e in report["unexplained"]:
            u.add_row(str(e["cameo"]), str(e["source"] or "-"), str(e["target"] or "-"), str(e["rule"] or ""),
                      _clip(e["evidence"], 120))
        tables.append(u)
    return tables


def _gold_actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "*"
    options = actor["country_any"] if "country_any" in actor else [actor.get("country")]
    return "|".join("-" if c is None else str(c) for c in options)


def _article_tables(report: dict[str, Any]) -> list[Any]:
    from rich.table import Table

    t = Table(title=f"{report['gold']}: {report['articles']} articles, pooled", header_style="bold", min_width=72)
    t.add_column("measure")
    t.add_column("value", overflow="fold")
    t.add_row("required events found", f"{report['required_found']} / {report['required_events']}"
                                       f"  (recall {_pct(report['recall'])})")
    t.add_row("predictions matching a gold event",
              f"{report['predicted_matching_gold']} / {report['predicted_events']}"
              f"  (precision {_pct(report['precision'])})")
    t.add_row("must-not violations", str(report["must_not_violations"]))
    t.add_row("dates right (dated required events)", report["dates_correct"])
    t.add_row("quotations found", report["quotes_found"])
    per = Table(title="per article", header_style="bold")
    for col in ("article", "found", "precision", "must-not", "dates", "quotes", "missing"):
        per.add_column(col, overflow="fold")
    for a in report["per_article"]:
        per.add_row(a["id"], a["found"], a["precision"], str(a["must_not_violations"]), a["dates"], a["quotes"],
                    ", ".join(a["missing"]) or "-")
    missed = Table(title="missed required events", header_style="bold", show_lines=True)
    for col in ("article", "event", "roots", "source → target", "evidence"):
        missed.add_column(col, overflow="fold")
    for m in report["missed"]:
        missed.add_row(m["article"], m["event"], "/".join(m["roots"]),
                       f"{_gold_actor(m['source'])} → {_gold_actor(m['target'])}", _clip(m["evidence"], 200))
    unmatched = Table(title="predictions no gold event explains", header_style="bold", show_lines=True)
    for col in ("article", "event", "rule", "evidence", "sentence"):
        unmatched.add_column(col, overflow="fold")
    for u in report["unmatched"]:
        unmatched.add_row(u["article"], f"{u['cameo']} {u['source'] or '-'} → {u['target'] or '-'}",
                          str(u["rule"] or ""), _clip(u["evidence"], 100), _clip(u["sentence"], 220))
    tables = [t, per]
    if report["violations"]:
        v = Table(title="must-not violations", header_style="bold")
        v.add_column("article")
        v.add_column("what", overflow="fold")
        for x in report["violations"]:
            v.add_row(x["article"], x["what"])
        tables.append(v)
    return tables + ([missed] if report["missed"] else []) + ([unmatched] if report["unmatched"] else [])


def print_report(report: dict[str, Any]) -> None:
    """Render a report from :func:`dyads.eval.evaluate` as rich tables on stdout."""
    console = _console()
    if report["format"] == "articles":
        tables = _article_tables(report)
    elif report["format"] == "seed":
        tables = _seed_tables(report)
    else:
        tables = _summary_tables(report) + _class_tables(report) + _error_tables(report)
    for table in tables:
        console.print(table)
    coding = report.get("coding")
    if coding:
        console.print(f"coded {coding['items']} items ({coding['sentences']} sentences) in {coding['seconds']:.1f} s: "
                      f"{coding['sentences_per_second']} sentences/s")
    if report["problems"] or report["warnings"]:
        console.print(f"{len(report['problems'])} line(s) or item(s) skipped, {len(report['warnings'])} warning(s): "
                      "see stderr")


@app.command("eval")
def eval_command(
    gold: Annotated[str, typer.Argument(help="Gold JSONL v1 file (.jsonl), a seed reference (*.gold.json), or a "
                                             "folder of references with their texts.")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="table (rich) or one JSON object.")]
    = EvalFormat.table,
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline to code with.")] = None,
    no_model: options.NoModel = False,
    predictions: Annotated[str | None, typer.Option(
        "--predictions", "-p", help="Score this 'dyads code --format jsonl' output instead of coding.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N gold records.")] = None,
    errors: Annotated[int, typer.Option(min=0, help="List the K worst errors of each kind.")] = 5,
) -> None:
    """Measure dyads against hand-coded sentences (precision/recall/F1, main-event accuracy, actor
    accuracy, coverage, false events, per-class tables, the worst errors) or whole articles (a folder
    of <id>.gold.json references: pooled required recall, precision, must-not violations, dates,
    quotations, a table per article, every missed event and every unmatched prediction).

    Example: dyads eval ../shared/data/articles/tune/
    """
    from dyads.eval import evaluate

    report = evaluate(gold, model=model, predictions=predictions, limit=limit, errors=errors,
                      event_model=not no_model)
    for msg in report["problems"]:
        print(f"error: {msg}", file=sys.stderr)
    for msg in report["warnings"]:
        print(f"warning: {msg}", file=sys.stderr)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        print_report(report)
