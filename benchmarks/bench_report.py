"""The benchmark's human-readable report (rich tables), printed from the results dict."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

MIB = 1024 * 1024
COUNT_COLUMNS = ("fields", "correct", "missing", "wrong", "accuracy")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _status(status: str) -> str:
    colour = {"PASS": "green", "FAIL": "bold red"}.get(status, "dim")
    return f"[{colour}]{status}[/]"


def _bucket_cells(bucket: dict[str, Any]) -> list[str]:
    return [
        str(bucket["total"]),
        str(bucket["correct"]),
        str(bucket["missing"]),
        str(bucket["wrong"]),
        _pct(bucket["accuracy"]),
    ]


def bucket_table(title: str, first: str, buckets: dict[str, dict[str, Any]]) -> Table:
    """Field accuracy per key of `buckets`."""
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for col in COUNT_COLUMNS:
        table.add_column(col, justify="right")
    for name, bucket in buckets.items():
        table.add_row(name, *_bucket_cells(bucket))
    return table


def variant_table(results: dict[str, Any]) -> Table:
    """Field accuracy per variant, with its target and PASS/FAIL."""
    table = Table(title="Core-field accuracy by variant", title_justify="left")
    for col in ("variant", "files", "pages", *COUNT_COLUMNS, "target", "status"):
        table.add_column(col, justify="left" if col == "variant" else "right")
    acc = results["accuracy"]
    for variant, bucket in acc["by_variant"].items():
        info = results["corpus"]["by_variant"].get(variant, {})
        goal = acc["variant_targets"].get(variant)
        status = "n/a" if goal is None else ("PASS" if bucket["accuracy"] >= goal else "FAIL")
        table.add_row(
            variant,
            str(info.get("files", "")),
            str(info.get("pages", "")),
            *_bucket_cells(bucket),
            _pct(goal),
            _status(status),
        )
    table.add_row(
        "all",
        str(results["corpus"]["files"]),
        str(results["corpus"]["pages"]),
        *_bucket_cells(acc["overall"]),
        "",
        "",
        style="bold",
    )
    return table


def split_table(results: dict[str, Any]) -> Table:
    """Document split/type accuracy."""
    split = results["split"]
    table = Table(title="Document split / type", title_justify="left")
    for col in (
        "truth documents",
        "exact pages+type",
        "accuracy",
        "target",
        "status",
        "extra output docs",
        "spurious core fields",
    ):
        table.add_column(col, justify="right")
    table.add_row(
        str(split["total"]),
        str(split["correct"]),
        _pct(split["accuracy"]),
        _pct(split["target"]),
        _status(split["status"]),
        str(split["extra_documents"]),
        str(results["accuracy"]["spurious"]),
    )
    return table


def calibration_table(results: dict[str, Any]) -> Table:
    """ECE per field kind, of the reported (calibrated) confidence and of the engine's raw one."""
    cal = results["calibration"]
    table = Table(title="Confidence calibration by field kind", title_justify="left")
    for col in ("kind", "values", "ECE", "ECE raw", "target", "status"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, rel in cal["reported"].items():
        ece, raw = rel["ece"], cal["raw"].get(kind, {}).get("ece")
        status = "n/a" if kind == "all" or ece is None else ("PASS" if ece <= cal["ece_target"] else "FAIL")
        table.add_row(
            kind,
            str(rel["total"]),
            _num(ece),
            _num(raw),
            "" if kind == "all" else f"<= {cal['ece_target']:.2f}",
            "" if kind == "all" else _status(status),
            style="bold" if kind == "all" else None,
        )
    table.caption = "values present in the output only (absent ones have no confidence)"
    return table


def reliability_table(results: dict[str, Any], which: str = "reported") -> Table:
    """Reliability per field kind: confidence bins (non-empty) against the accuracy observed in them."""
    cal = results["calibration"]
    table = Table(title=f"Reliability of the {which} confidence", title_justify="left")
    for col in ("kind", "bin", "values", "mean conf", "accuracy", "gap"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, rel in cal[which].items():
        for i, b in enumerate(rel["bins"]):
            table.add_row(
                kind if i == 0 else "",
                f"{b['lower']:.1f}–{b['upper']:.1f}",
                str(b["count"]),
                f"{b['mean_confidence']:.3f}",
                f"{b['accuracy']:.3f}",
                f"{b['accuracy'] - b['mean_confidence']:+.3f}",
                end_section=i == len(rel["bins"]) - 1,
            )
    return table


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def throughput_table(results: dict[str, Any]) -> Table:
    """Every timed run: pages, seconds, rates, peak memory."""
    table = Table(title="Throughput and memory", title_justify="left")
    for col in ("run", "pages", "seconds", "pages/min", "pages/s", "peak RSS", "exit", "load"):
        table.add_column(col, justify="left" if col == "run" else "right")
    for name, run in results["runs"].items():
        peak = run.get("peak_rss")
        table.add_row(
            name,
            str(run["pages"]),
            f"{run['seconds']:.1f}",
            f"{run['pages_per_min']:.1f}",
            f"{run['pages_per_s']:.2f}",
            "-" if peak is None else f"{peak / MIB:.0f} MiB",
            "-" if run.get("returncode") is None else str(run["returncode"]),
            "-" if run.get("load") is None else f"{run['load']:.1f}",
        )
    table.caption = "load: 1-minute load average at the end of the run (above 2, other work shared the cores)"
    return table


def targets_table(results: dict[str, Any]) -> Table:
    """All targets in one place."""
    table = Table(title="Targets", title_justify="left")
    for col in ("target", "value", "goal", "status"):
        table.add_column(col, justify="left" if col == "target" else "right")
    for t in results["targets"]:
        value, goal = t["value"], t["target"]
        table.add_row(
            t["name"],
            _fmt_target(t["name"], value),
            f"{t['comparison']} {_fmt_target(t['name'], goal)}",
            _status(t["status"]),
        )
    return table


def _fmt_target(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    if "ECE" in name:
        return f"{value:.3f}"
    if "memory" in name:
        return f"{value / MIB:.0f} MiB"
    if "accuracy" in name or "ratio" in name:
        return _pct(value)
    return f"{value:.2f}"


def print_report(results: dict[str, Any], console: Console | None = None) -> None:
    """Print every table of the report."""
    console = console or Console(width=max(Console().width, 110))
    corpus = results["corpus"]
    console.rule(f"hoso extract benchmark — seed {results['seed']}")
    console.print(
        f"{corpus['files']} files, {corpus['pages']} pages "
        f"({corpus['scanned_pages']} scanned, {corpus['born_digital_pages']} "
        f"born-digital), {corpus['documents']} truth documents; "
        f"compare fold: {results['fold']}"
    )
    for line in results.get("warnings", []):
        console.print(f"[yellow]warning:[/] {line}")
    console.print(variant_table(results))
    acc = results["accuracy"]
    console.print(bucket_table("Core-field accuracy by document type", "type", acc["by_doc_type"]))
    console.print(bucket_table("Core-field accuracy by layout", "type/layout", acc["by_layout"]))
    console.print(bucket_table("Core-field accuracy by field", "type.field", acc["by_field"]))
    console.print(split_table(results))
    for fail in results["split"]["failures"][:10]:
        console.print(
            f"  split miss: {fail['file']} ({fail['variant']}) {fail['doc_type']} "
            f"{list(fail['pages'])} → got {fail['got']}"
        )
    if results.get("calibration"):
        console.print(calibration_table(results))
        console.print(reliability_table(results))
    console.print(throughput_table(results))
    console.print(targets_table(results))
    console.print(f"results: {results['out']}/results.json   misses: {results['out']}/misses.txt")


def write_misses(path: Path, misses: list[dict[str, Any]]) -> None:
    """The worst misses as aligned text: file, variant, field, expected, got, confidence."""
    header = ("file", "variant", "field", "expected", "got", "conf")
    rows = [header]
    for m in misses:
        conf = "-" if m["confidence"] is None else f"{m['confidence']:.2f}"
        got = "<absent>" if m["got"] is None else repr(m["got"])
        rows.append((m["file"], m["variant"], f"{m['doc_type']}.{m['key']}", repr(m["expected"]), got, conf))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=False)) + "  " + r[-1] for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
