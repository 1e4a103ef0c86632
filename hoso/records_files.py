"""Rows of a records file (CSV, XLSX, JSON) with the line numbers the user sees, before any checking."""

from __future__ import annotations

import csv
import difflib
import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hoso.errors import ValidationError
from hoso.fields import field_specs

DOC = "so_yeu_ly_lich"
# Keys outside the Sơ yếu lý lịch that the import knows: the officer's row and the old CMND.
OFFICER_KEYS = ("ma_can_bo", "unit", "cmnd_cu", "ngay_cap_cmnd_cu", "trang_thai")
DECISIONS = "quyet_dinh"


def record_keys() -> list[str]:
    """Every column a records file may hold, in fields.csv order then the officer keys."""
    return [k for (t, k) in field_specs() if t == DOC] + list(OFFICER_KEYS) + [DECISIONS]


def cell(value: Any) -> str:
    """A cell as text: spreadsheet dates as ISO, whole floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _check_columns(columns: Sequence[str], where: str) -> None:
    """Refuse the whole file for a header it does not know: importing without it would lose data."""
    known = set(record_keys())
    unknown = [c for c in columns if c not in known]
    if unknown:
        hints = []
        for col in unknown:
            close = difflib.get_close_matches(col, known, n=1)
            hints.append(f"{col!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise ValidationError(f"{where}: unknown column(s) {', '.join(hints)}; nothing imported")


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """(line, {column: text}, row-level problems) per non-blank row, lines as the user sees them."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path)
    elif suffix == ".xlsx":
        yield from _xlsx_rows(path)
    elif suffix == ".json":
        yield from _json_rows(path)
    else:
        raise ValidationError(f"{path}: records file must be .csv, .xlsx or .json")


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = [h.strip() for h in next(reader, [])]
        _check_columns(header, str(path))
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num  # a quoted cell may span lines: report the first
            if not any(c.strip() for c in cells):
                continue
            problems = []
            if len(cells) > len(header):
                extra = [c for c in cells[len(header) :] if c.strip()]
                if extra:
                    problems.append(f"{len(cells)} cells but the header has {len(header)} columns: {extra!r}")
            yield start, dict(zip(header, cells, strict=False)), problems


def _xlsx_rows(path: Path) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ValidationError(f"{path}: not a readable XLSX workbook: {exc}") from exc
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [cell(h).strip() for h in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        _check_columns(header, str(path))
        for line, values in enumerate(rows, start=2):
            cells = [cell(v) for v in values]
            if not any(c.strip() for c in cells):
                continue
            extra = [c for c in cells[len(header) :] if c.strip()]
            problems = [f"values outside the header's columns: {extra!r}"] if extra else []
            yield line, dict(zip(header, cells, strict=False)), problems
    finally:
        book.close()


def _json_rows(path: Path) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"{path}: not a readable JSON file: {exc}") from exc
    if not isinstance(data, list):
        raise ValidationError(f"{path}: a records JSON file holds a list of objects")
    known = set(record_keys())
    for item, obj in enumerate(data, start=1):
        if not isinstance(obj, dict):
            yield item, {}, ["not a JSON object"]
            continue
        unknown = sorted(k for k in obj if k not in known)
        problems = [f"unknown key(s) {', '.join(map(repr, unknown))}"] if unknown else []
        yield item, {k: cell(v) for k, v in obj.items() if k in known}, problems
