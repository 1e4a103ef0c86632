"""Tell the kind of a decision (loai_quyet_dinh) from its trích yếu and Điều 1."""

from __future__ import annotations

# Order matters: the more specific phrase wins ("bổ nhiệm lại" before "bổ nhiệm"); a kind may
# come back lower with a weaker phrase.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nang_luong_truoc_han", ("truoc thoi han",)),
    ("phu_cap_vuot_khung", ("vuot khung",)),
    ("nang_luong", ("nang bac luong", "nang luong")),
    ("bo_nhiem_lai", ("bo nhiem lai",)),
    ("thang_hang", ("thang hang",)),
    ("chuyen_ngach", ("chuyen ngach", "chuyen chuc danh nghe nghiep")),
    ("nang_ngach", ("nang ngach",)),
    ("bo_nhiem_ngach", (
        "bo nhiem vao ngach", "bo nhiem ngach", "bo nhiem chuc danh nghe nghiep",
        "bo nhiem vao chuc danh nghe nghiep", "het thoi gian tap su",
    )),
    ("tuyen_dung", ("tuyen dung", "tiep nhan")),  # "tuyển dụng và xếp lương" is a recruitment
    ("bo_nhiem_ngach", ("xep luong",)),
    ("dieu_dong", ("dieu dong",)),
    ("luan_chuyen", ("luan chuyen",)),
    ("biet_phai", ("biet phai",)),
    ("bo_nhiem", ("bo nhiem",)),
    ("khen_thuong", ("khen thuong", "tang giay khen", "tang bang khen", "danh hieu")),
    ("ky_luat", ("ky luat",)),
    ("danh_gia_xep_loai", ("danh gia, xep loai", "danh gia xep loai", "xep loai chat luong")),
    ("cu_di_hoc", ("cu di hoc", "cu cong chuc di", "cu vien chuc di", "di dao tao", "di hoc")),
    ("nghi_huu", ("nghi huu",)),
    ("thoi_viec", ("thoi viec", "tinh gian bien che")),
)

SALARY_TYPES = frozenset({
    "nang_luong", "nang_luong_truoc_han", "phu_cap_vuot_khung", "tuyen_dung",
    "bo_nhiem_ngach", "chuyen_ngach", "nang_ngach", "thang_hang",
})


def classify_decision(folded_trich_yeu: str, folded_dieu1: str = "") -> str:
    """loai_quyet_dinh from the folded (diacritic-free, lower-case) subject line."""
    for text in (folded_trich_yeu, folded_dieu1):
        for kind, needles in _RULES:
            if any(n in text for n in needles):
                return kind
    return "khac"
