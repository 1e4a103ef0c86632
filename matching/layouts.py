"""Which core fields each layout prints (LAYOUTS.md): a record field the form lacks raises nothing."""

from __future__ import annotations

from typing import Final

_PERSON: Final = frozenset(
    {"ho_ten", "gioi_tinh", "ngay_sinh", "noi_sinh", "que_quan", "dan_toc", "ton_giao", "so_cccd"}
)
_CAREER: Final = frozenset(
    {
        "ngay_tuyen_dung", "co_quan_tuyen_dung", "chuc_vu", "ngach", "ma_ngach", "bac_luong",
        "he_so_luong", "ngay_huong_luong", "trinh_do_chuyen_mon", "ngay_vao_dang",
    }
)  # fmt: skip

LAYOUT_PRINTS: Final[dict[str, frozenset[str]]] = {
    "tt06_2023": _PERSON | _CAREER | {"ngay_cap_cccd", "so_bhxh"},
    "2c_bnv_2008": _PERSON
    | _CAREER
    | {"ngay_cap_cccd", "so_bhxh", "ly_luan_chinh_tri", "ngoai_ngu", "tin_hoc"},
    "2c_tctw_98": _PERSON | _CAREER | {"ly_luan_chinh_tri", "ngoai_ngu"},
    "tu_thuat": _PERSON | {"ngay_cap_cccd", "ngay_vao_dang"},
}
# A Sơ yếu lý lịch whose layout was not recognised: only what every layout prints.
UNKNOWN_SYLL: Final = frozenset.intersection(*LAYOUT_PRINTS.values())

DECISION_ALWAYS: Final = frozenset(
    {"so_ky_hieu", "co_quan_ban_hanh", "ngay_ban_hanh", "loai_quyet_dinh", "nguoi_ky"}
)
DECISION_SALARY: Final = frozenset({"ma_ngach", "bac_luong", "he_so_luong", "ngay_huong_luong"})
# Decision types that grant a salary position, so their salary fields are expected on paper.
SALARY_DECISIONS: Final = frozenset(
    {"nang_luong", "nang_luong_truoc_han", "chuyen_ngach", "nang_ngach", "thang_hang", "bo_nhiem_ngach"}
)


def printed_core_keys(
    doc_type: str, layout: str | None, paper_keys: frozenset[str] = frozenset(), decision_type: str = ""
) -> frozenset[str]:
    """Core keys this document prints; a decision's ho_ten and salary fields only where they apply.

    A decision names its officer where ho_ten was read; it grants a salary position where the
    paper has any salary field or its type is a salary decision (nâng lương, chuyển ngạch …).
    """
    if doc_type == "so_yeu_ly_lich":
        return LAYOUT_PRINTS.get(layout or "", UNKNOWN_SYLL)
    if doc_type != "quyet_dinh":
        return frozenset()
    keys = set(DECISION_ALWAYS)
    if "ho_ten" in paper_keys:
        keys.add("ho_ten")
    if paper_keys & DECISION_SALARY or decision_type in SALARY_DECISIONS:
        keys |= DECISION_SALARY
    return frozenset(keys)
