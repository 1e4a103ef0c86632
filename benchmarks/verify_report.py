"""bench_verify's human-readable report: rich tables and verify_misses.txt, from the results dict."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _status(status: str) -> str:
    colour = {"PASS": "green", "FAIL": "bold red"}.get(status, "dim")
    return f"[{colour}]{status}[/]"


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=title, title_justify="left")
    for i, col in enumerate(columns):
        table.add_column(col, justify="left" if i == 0 else "right")
    return table


def discrepancy_table(title: str, first: str, buckets: dict[str, dict[str, Any]]) -> Table:
    """Recall and false flags per kind or variant (discrepancy cases)."""
    table = _table(
        title,
        (first, "cases", "flagged", "recall", "recall, paper read right",
         "false flags: extraction", "matching"),
    )  # fmt: skip
    for name, b in buckets.items():
        if not b["discrepancy_cases"]:
            continue
        table.add_row(
            name, str(b["discrepancy_cases"]), str(b["flagged"]), _pct(b["recall"]),
            f"{_pct(b['recall_paper_ok'])} of {b['paper_ok']}", str(b["extraction"]), str(b["matching"]),
        )  # fmt: skip
    return table


def equivalent_table(buckets: dict[str, dict[str, Any]]) -> Table:
    """Planted equivalents: how often the rewritten field was flagged, and other flags."""
    table = _table(
        "Planted equivalents by kind (must raise no flag)",
        ("kind", "cases", "rewritten field flagged", "all flags", "extraction-caused", "matching-caused"),
    )
    for name, b in buckets.items():
        table.add_row(
            name, str(b["cases"]), str(b["changed_field_flagged"]), str(b["flags"]),
            str(b["extraction"]), str(b["matching"]),
        )  # fmt: skip
    return table


def precision_table(results: dict[str, Any]) -> Table:
    """All flags by group and cause; precision overall and with matching errors only."""
    table = _table(
        "Flags by case group",
        ("group", "cases", "flags", "on planted field", "extraction-caused", "matching-caused", "precision"),
    )
    rows = [*results["by_group"].items(), ("all", results["overall"])]
    for name, b in rows:
        table.add_row(
            name, str(b["cases"]), str(b["flags"]), str(b["planted"]), str(b["extraction"]),
            str(b["matching"]), _pct(b["precision"]), style="bold" if name == "all" else None,
        )  # fmt: skip
    o, distinct = results["overall"], results["distinct_false_flags"]
    table.caption = (
        f"distinct false flags (file, field, paper value): {distinct['extraction']} extraction-caused, "
        f"{distinct['matching']} matching-caused; "
        f"precision counting only matching-caused false flags: {_pct(o['precision_matching_only'])}"
        " (extraction-caused: the paper value behind the flag is not the truth — misread, unread, mis-split)"
    )
    return table


def targets_table(results: dict[str, Any]) -> Table:
    """Targets with PASS/FAIL."""
    table = _table("Targets (issue 3)", ("target", "value", "goal", "status"))
    for t in results["targets"]:
        table.add_row(t["name"], _pct(t["value"]), f">= {_pct(t['target'])}", _status(t["status"]))
    return table


def print_report(results: dict[str, Any], console: Console | None = None) -> None:
    """Every table, targets last."""
    console = console or Console(width=None if sys.stdout.isatty() else 132)
    corpus = results["corpus"]
    console.print(
        f"[bold]hoso verify benchmark[/] seed {results['seed']}: {corpus['files']} files, "
        f"{corpus['pages']} pages {corpus['by_variant']}; extraction "
        + ("reused" if results["extract"]["reused"] else f"{results['extract']['seconds']:.1f} s")
        + f" ({results['extract']['workers']} workers); {results['overall']['cases']} cases"
    )
    for warning in results.get("warnings", []):
        console.print(f"[yellow]warning:[/] {warning}")
    console.print(discrepancy_table("Planted discrepancies by kind", "kind", results["discrepancy_by_kind"]))
    console.print(
        discrepancy_table("Planted discrepancies by variant", "variant", results["discrepancy_by_variant"])
    )
    console.print(equivalent_table(results["equivalent_by_kind"]))
    console.print(_variant_false_table(results["by_variant"]))
    console.print(precision_table(results))
    console.print(targets_table(results))


def _variant_false_table(buckets: dict[str, dict[str, Any]]) -> Table:
    table = _table(
        "False flags by variant (all cases)",
        ("variant", "cases", "flags", "false: extraction", "false: matching", "cases with a false flag"),
    )
    for name, b in buckets.items():
        table.add_row(
            name, str(b["cases"]), str(b["flags"]), str(b["extraction"]), str(b["matching"]),
            str(b["cases_with_false_flag"]),
        )  # fmt: skip
    return table


def write_misses(path: Path, entries: list[dict[str, Any]]) -> None:
    """verify_misses.txt: one block per miss or false flag (case, field, paper, electronic, reason)."""
    lines = [
        f"# {len(entries)} worst: missed discrepancies, then matching-, then extraction-caused false flags"
    ]
    for e in entries:
        count = f" ×{e['count']} cases" if e.get("count", 1) > 1 else ""
        lines += [
            f"{e['what']}{count}: {e['case']} [{e['variant']}, {e['kind']}]",
            f"  field:      {e['field']}",
            f"  paper:      {e['paper']!r}",
            f"  electronic: {e['electronic']!r}" + (f"   (truth {e['truth']!r})" if e.get("truth") else ""),
            f"  reason:     {e['reason']}",
            "",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
