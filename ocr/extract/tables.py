"""The tables of a Sơ yếu lý lịch (training, work history, family, salary) as lists of rows.

Columns come from the white "rivers" that run down every data line of a table, so the
reader needs no per-form coordinates and survives wrapped cells.
"""

from __future__ import annotations

import re

from ocr.extract.anchors import KeyedLine, find_in_line, fold
from ocr.layout.lines import Line, is_leader

Spec = tuple[str, str, tuple[str, ...]]  # table key, printed heading, column keys

_WORK = ("tu", "den", "don_vi", "chuc_vu")
_FAMILY = ("moi_quan_he", "ho_ten", "nam_sinh", "thong_tin")
TABLES: dict[str, list[Spec]] = {
    "tt06_2023": [
        ("dao_tao", "32.1- Chuyên môn", ("tu", "den", "co_so", "chuyen_nganh", "hinh_thuc", "van_bang")),
        ("ly_luan_chinh_tri", "32.2- Lý luận chính trị", ("tu", "den", "co_so", "hinh_thuc", "van_bang")),
        ("quan_ly_nha_nuoc", "32.3- Bồi dưỡng quản lý nhà nước", ("tu", "den", "co_so", "chung_chi")),
        ("an_ninh_quoc_phong", "32.4- Bồi dưỡng kiến thức an ninh", ("tu", "den", "co_so", "chung_chi")),
        ("tin_hoc", "32.5- Tin học", ("tu", "den", "co_so", "chung_chi")),
        ("ngoai_ngu", "32.6- Ngoại ngữ/ tiếng dân tộc", ("tu", "den", "co_so", "ngoai_ngu", "chung_chi")),
        ("qua_trinh_cong_tac", "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", _WORK),
        ("quan_he_gia_dinh", "36.1- Về bản thân", _FAMILY),
        ("quan_he_gia_dinh_ben_vo_chong", "36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)", _FAMILY),
        ("dien_bien_luong", "37.1- Quá trình lương của bản thân",
         ("tu", "den", "ma_so", "bac_luong", "he_so_luong", "tien_luong")),
    ],
    "2c_bnv_2008": [
        ("dao_tao", "27) ĐÀO TẠO, BỒI DƯỠNG",
         ("ten_truong", "chuyen_nganh", "thoi_gian", "hinh_thuc", "van_bang")),
        ("qua_trinh_cong_tac", "28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", ("thoi_gian", "noi_dung")),
        ("quan_he_gia_dinh", "a) Về bản thân", _FAMILY),
        ("quan_he_gia_dinh_ben_vo_chong", "b) Về bên vợ (hoặc chồng)", _FAMILY),
    ],
    "2c_tctw_98": [
        ("dao_tao", "26) ĐÀO TẠO, BỒI DƯỠNG",
         ("ten_truong", "nganh_hoc", "thoi_gian", "hinh_thuc", "van_bang")),
        ("qua_trinh_cong_tac", "27) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", ("thoi_gian", "noi_dung")),
        ("quan_he_gia_dinh", "a) Về bản thân", _FAMILY),
    ],
    "tu_thuat": [
        ("dao_tao", "III. TÓM TẮT QUÁ TRÌNH ĐÀO TẠO",
         ("thoi_gian", "ten_truong", "nganh_hoc", "hinh_thuc", "van_bang")),
        ("qua_trinh_cong_tac", "IV. TÓM TẮT QUÁ TRÌNH CÔNG TÁC", ("thoi_gian", "don_vi", "chuc_vu")),
    ],
}
_HEADER_WORDS = (
    "thang/nam", "thang/ nam", "tu thang", "ten co so", "ten truong", "ho va ten", "moi", "quan he",
    "chuyen nganh", "hinh thuc", "van bang", "nam sinh", "que quan", "don vi cong tac", "chuc danh",
    "ma so", "he so", "bac luong", "chung chi", "tu ", "den", "sinh", "cap", "dao tao", "ky ten",
)
_STOP = ("dac diem lich su", "nhan xet", "nguoi khai", "toi xin cam doan", "hoan canh kinh te",
         "khen thuong, ky luat", "ngay", "ghi chu", "xac nhan")
_ROW_START = re.compile(r"^(\d{1,2}/\d{2,4}|\d{4}|cha|me|bo|vo|chong|con|anh|chi|em|truong|hoc vien)\b")


def _is_header(text: str) -> bool:
    t = fold(text)
    return len(t) < 90 and any(w in t for w in _HEADER_WORDS) and not _ROW_START.match(t)


def _gaps(lines: list[Line], min_gap: int) -> list[int]:
    """X positions where no word of any data line lies: the column separators."""
    spans = sorted((w.bbox[0], w.bbox[2]) for ln in lines for w in ln.words if not is_leader(w.text))
    cuts: list[int] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= min_gap:
            cuts.append((reach + x0) // 2)
        reach = max(reach, x1)
    return cuts


def _cells(line: Line, cuts: list[int], ncols: int) -> list[str]:
    cells = [""] * ncols
    for w in line.words:
        if is_leader(w.text):
            continue
        col = min(sum(1 for c in cuts if (w.bbox[0] + w.bbox[2]) / 2 > c), ncols - 1)
        cells[col] = f"{cells[col]} {w.text}".strip()
    return cells


def _rows(lines: list[Line], columns: tuple[str, ...]) -> list[dict[str, str]]:
    first = next((i for i, ln in enumerate(lines) if _ROW_START.match(fold(ln.text))), len(lines))
    data = [ln for ln in lines[first:] if not _is_header(ln.text)]
    if not data:
        return []
    cuts = _gaps(data, min_gap=28)
    rows: list[list[str]] = []
    for ln in data:
        cells = _cells(ln, cuts, len(columns))
        filled = sum(1 for c in cells if c)
        if rows and (filled < 2 and not _ROW_START.match(fold(ln.text))):
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return [{k: v for k, v in zip(columns, r, strict=True) if v} for r in rows]


def read_tables(lines: list[Line], layout: str) -> dict[str, list[dict[str, str]]]:
    """Every table the layout prints that has at least one filled row."""
    keyed = [KeyedLine.build(ln) for ln in lines]
    heads: list[tuple[int, Spec]] = []
    for spec in TABLES.get(layout, []):
        key = fold(spec[1])
        at = next((i for i, kl in enumerate(keyed) if find_in_line(key, kl)), None)
        if at is not None:
            heads.append((at, spec))
    heads.sort(key=lambda h: h[0])
    out: dict[str, list[dict[str, str]]] = {}
    for n, (at, (name, _, columns)) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else min(len(lines), at + 40)
        body: list[Line] = []
        for ln in lines[at + 1 : end]:
            t = fold(ln.text)
            if t.startswith(_STOP) or re.match(r"^(\d{2}\)|[ivx]+\.\s)", t):
                break
            if any(c.isalnum() for c in ln.text):
                body.append(ln)
        rows = _rows(body, columns)
        if rows:
            out[name] = rows
    return out
