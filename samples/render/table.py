"""Ruled tables on a Form: wrapped header cells, an optional "Tháng/năm" group, typed rows."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.utils import simpleSplit

from samples.render.base import Form


def table(f: Form, widths: Sequence[float], header: list[str], rows: list[list[str]],
          min_rows: int = 3, size: float = 10.5, group: str | None = None) -> None:  # fmt: skip
    """A ruled table; header cells may hold line breaks; rows are typed in the value font.

    `group` is a label spanning the first two header cells ("Tháng/năm" over "Từ", "Đến").
    """
    total = f.right - f.left
    xs = [f.left]
    for w in widths:
        xs.append(xs[-1] + w / sum(widths) * total)
    heads = [[part for ln in h.split("\n")
              for part in simpleSplit(ln, "LS-B", size, xs[i + 1] - xs[i] - 4)]
             for i, h in enumerate(header)]  # fmt: skip
    head_h = max(len(h) for h in heads) * size * 1.25 + 6
    if group:
        head_h = max(head_h, 2 * size * 1.25 + 10)
    f.ensure(head_h + 2 * size * 1.8)
    _header(f, xs, heads, head_h, size, group)
    body = [*rows, *[[""] * len(widths)] * max(0, min_rows - len(rows))]
    font, vsize = f.style.value_font, min(f.style.value_size, 11.5) - 0.5
    for r in body:
        cells = [simpleSplit(v, font, vsize, xs[i + 1] - xs[i] - 6) for i, v in enumerate(r)]
        h = max(max(len(c) for c in cells), 1) * vsize * 1.25 + 8
        if f.y - h < f.bottom:
            f.new_page()
            _header(f, xs, heads, head_h, size, group)
        _row(f, xs, cells, h, font, vsize, center=False)
    f.down(f.style.label_size + 8)

def _header(f: Form, xs: list[float], heads: list[list[str]], h: float, size: float,
            group: str | None) -> None:  # fmt: skip
    """Header row; with a group, the first two cells share a title in their top half."""
    if not group:
        _row(f, xs, heads, h, "LS-B", size, center=True)
        return
    top, mid, c = f.y, f.y - h / 2, f.c
    _row(f, xs, [[], [], *heads[2:]], h, "LS-B", size, center=True)
    c.setStrokeGray(1)
    c.setLineWidth(1.2)
    c.line(xs[1], top - 0.8, xs[1], mid)
    c.setStrokeGray(0)
    c.setLineWidth(0.6)
    c.line(xs[0], mid, xs[2], mid)
    f.text(group, (xs[0] + xs[2]) / 2, "LS-B", size, "center", top - h / 4 - size * 0.35)
    for i in (0, 1):
        label = " ".join(heads[i]).split("\n")[-1].split(" ")[-1]
        f.text(label, (xs[i] + xs[i + 1]) / 2, "LS-B", size, "center",
                  mid - h / 4 - size * 0.35)  # fmt: skip

def _row(f: Form, xs: list[float], cells: list[list[str]], h: float, font: str, size: float,
         center: bool) -> None:  # fmt: skip
    c = f.c
    c.setLineWidth(0.6)
    c.rect(xs[0], f.y - h, xs[-1] - xs[0], h)
    for x in xs[1:-1]:
        c.line(x, f.y, x, f.y - h)
    top = f.y
    for i, lines in enumerate(cells):
        for j, ln in enumerate(lines):
            y = top - 4 - size - j * size * 1.25
            if center:
                mid = (xs[i] + xs[i + 1]) / 2
                y = top - (h - len(lines) * size * 1.25) / 2 - size * 0.95 - j * size * 1.25
                f.text(ln, mid, font, size, "center", y)
            else:
                f.text(ln, xs[i] + 3, font, size, y=y)
    f.y = top - h
