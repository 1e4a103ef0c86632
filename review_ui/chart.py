"""Small server-side SVG charts (no JavaScript library, no CDN): stacked state bars and a weekly bar chart."""

from __future__ import annotations

from datetime import date
from html import escape

from hoso.domain.backlog import UnitBacklog
from review_ui.labels import STATES

STACK = [
    ("received", "#9aa5b1"),
    ("processing", "#7cb4e6"),
    ("extracted", "#b39ddb"),
    ("flagged", "#e8a33d"),
    ("verified", "#4fa3a5"),
    ("approved", "#3f8f4f"),
]


def state_bars(rows: list[UnitBacklog], width: int = 720) -> str:
    """One horizontal bar per unit, split by dossier state, with a legend."""
    label_w, bar_h, gap = 230, 18, 8
    height = len(rows) * (bar_h + gap) + 52
    biggest = max([sum(r.states.get(s, 0) for s, _ in STACK) for r in rows] + [1])
    scale = (width - label_w - 60) / biggest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart" aria-label="Hồ sơ theo trạng thái và đơn vị">'
    ]
    for i, r in enumerate(rows):
        y = 10 + i * (bar_h + gap)
        name = escape(r.unit_name if len(r.unit_name) < 34 else r.unit_name[:32] + "…")
        parts.append(f'<text x="{label_w - 8}" y="{y + 13}" text-anchor="end" class="lbl">{name}</text>')
        x = float(label_w)
        for state, colour in STACK:
            n = r.states.get(state, 0)
            if n:
                w = n * scale
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{bar_h}" fill="{colour}">'
                    f"<title>{escape(STATES[state])}: {n}</title></rect>"
                )
                x += w
        n_all = sum(r.states.get(s, 0) for s, _ in STACK)
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 13}" class="num">{n_all}</text>')
    for j, (state, colour) in enumerate(STACK):  # legend: two rows of three
        x, y = label_w + (j % 3) * 150, height - 34 + (j // 3) * 16
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{y + 10}" class="legend">{escape(STATES[state])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def weekly_bars(weeks: list[tuple[date, int]], width: int = 720, height: int = 200) -> str:
    """Pages digitized per week (by the week the dossier was received)."""
    left, bottom, top = 40, 30, 14
    biggest = max([n for _, n in weeks] + [1])
    step = (width - left - 10) / max(len(weeks), 1)
    usable = height - bottom - top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart" aria-label="Số trang số hóa theo tuần">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" class="axis"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" class="num">{biggest}</text>',
    ]
    for i, (monday, n) in enumerate(weeks):
        h = usable * n / biggest
        x = left + i * step + 4
        y = height - bottom - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step - 8:.1f}" height="{h:.1f}" fill="#2f6fab">'
            f"<title>Tuần từ {monday:%d/%m}: {n} trang</title></rect>"
        )
        parts.append(
            f'<text x="{x + (step - 8) / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
            f'class="lbl">{monday:%d/%m}</text>'
        )
        if n:
            mid = x + (step - 8) / 2
            parts.append(f'<text x="{mid:.1f}" y="{y - 3:.1f}" text-anchor="middle" class="num">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)
