"""Salary terms by stance: each cue row of salary_terms.CUES decides which mention is granted."""

from __future__ import annotations

import pytest

from ocr.extract.anchors import fold
from ocr.extract.salary_terms import Stance, salary_terms, stance_at


def _terms(text: str, salary_kind: bool = True) -> dict[str, str]:
    folded = fold(text)
    return {k: text[a:b] for k, (a, b) in salary_terms(folded, 0, len(folded), salary_kind).items()}


@pytest.mark.parametrize(
    ("text", "bac", "he_so"),
    [
        ("từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33 kể từ ngày 01/07/2024", "4", "3,33"),
        ("hạ bậc lương từ bậc 4, hệ số 3,66 xuống bậc 3, hệ số 3,33 kể từ ngày 01/07/2024", "3", "3,33"),
        (
            "chuyển từ ngạch Cán sự (mã số 01.004), bậc 6, hệ số 3,06 sang ngạch Chuyên viên "
            "(mã số 01.003), bậc 3, hệ số 3,00 kể từ ngày 01/07/2024",
            "3",
            "3,00",
        ),
        ("Mức lương hiện hưởng: ngạch Chuyên viên, mã ngạch 01.003, bậc 5, hệ số 3,66", "5", "3,66"),
        ("được xếp lương bậc 2, hệ số 2,67; hưởng phụ cấp chức vụ hệ số 0,30", "2", "2,67"),
    ],
)
def test_the_granted_mention_wins(text: str, bac: str, he_so: str):
    got = _terms(text)
    assert (got["bac_luong"], got["he_so_luong"]) == (bac, he_so)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("nâng lên bậc", Stance.GRANTED),
        ("được xếp ngạch", Stance.GRANTED),
        ("bổ nhiệm vào ngạch", Stance.GRANTED),
        ("từ ngạch", Stance.FORMER),
        ("mức lương hiện hưởng: ngạch", Stance.FORMER),
        ("kể từ ngày 01/07/2024 ngạch", Stance.PLAIN),  # "từ ngày" is a date, not the former pay
        ("lên bậc 4; ngạch", Stance.PLAIN),  # a clause ends at ";"
        ("phụ cấp chức vụ hệ số", Stance.OTHER),
    ],
)
def test_stance_of_a_mention_is_its_nearest_cue_in_the_clause(text: str, stance: Stance):
    folded = fold(text + " X")
    assert stance_at(folded, len(folded) - 1) is stance


def test_a_code_label_names_no_ngach():
    got = _terms("Mức lương hiện hưởng: mã ngạch 01.003, bậc 5, hệ số 3,66")
    assert "ngach" not in got and got["ma_ngach"] == "01.003"


def test_no_pay_date_without_a_granted_term_unless_the_decision_is_a_salary_one():
    text = "nghỉ hưu kể từ ngày 01/01/2025. Mức lương hiện hưởng: bậc 5, hệ số 3,66"
    assert "ngay_huong_luong" not in _terms(text, salary_kind=False)
    assert (
        _terms("ngạch Chuyên viên (mã số 01.003), bậc 2 kể từ ngày 01/01/2025")["ngay_huong_luong"]
        == "01/01/2025"
    )


@pytest.mark.parametrize(
    "label", ["mã số", "mã ngạch", "mã chức danh nghề nghiệp", "mã số chức danh", "mã chức danh"]
)
def test_every_code_label_gives_the_code_and_ends_the_name(label: str):
    got = _terms(f"được xếp chức danh nghề nghiệp Điều dưỡng hạng III, {label} V.08.05.12, bậc 1, hệ số 2,34")
    assert (got["ngach"], got["ma_ngach"]) == ("Điều dưỡng hạng III", "V.08.05.12")


def test_a_code_after_a_full_label_is_no_name():
    got = _terms("mã chức danh nghề nghiệp V.08.05.12, bậc 1, hệ số 2,34, mã số V.08.05.13")
    assert "ngach" not in got
