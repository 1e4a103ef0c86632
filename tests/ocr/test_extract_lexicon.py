"""Unsure header words take their known spelling; sure ones are left as read."""

from __future__ import annotations

import pytest

from ocr.extract.lexicon import settle_header_word
from ocr.model import Word


def _w(text: str, conf: float) -> Word:
    return Word(text, (0, 0, 10, 10), conf)


def test_unsure_mark_on_a_header_word_is_settled():
    assert settle_header_word(_w("TÍNH", 0.8)) == "TỈNH"
    assert settle_header_word(_w("HUYÊN", 0.7)) == "HUYỆN"


def test_sure_reading_is_never_overwritten():
    assert settle_header_word(_w("TÍNH", 0.97)) == "TÍNH"


def test_unknown_or_lower_case_words_pass_through():
    assert settle_header_word(_w("XYZ", 0.5)) == "XYZ"
    assert settle_header_word(_w("tính", 0.5)) == "tính"


def test_unsure_surname_takes_the_known_spelling():
    from ocr.extract.lexicon import settle_surname

    assert settle_surname("Hưỳnh Tuấn Công Dũng", 0.7) == "Huỳnh Tuấn Công Dũng"
    assert settle_surname("Trân Văn An", 0.6) == "Trần Văn An"
    assert settle_surname("Trân Văn An", 0.97) == "Trân Văn An"  # read with confidence: kept
    assert settle_surname("Lê Văn An", 0.5) == "Lê Văn An"


@pytest.mark.parametrize(
    ("read", "name"),
    [
        ("Đinh Xuần Ngọc Minh", "Đinh Xuân Ngọc Minh"),  # no name syllable folds like Xuần but Xuân
        ("Lý Quynh Trang", "Lý Quỳnh Trang"),
        ("Nguyễn Ngục Thành", "Nguyễn Ngọc Thành"),  # a letter from Ngọc only
        ("Quấck Văn Trung", "Quách Văn Trung"),  # a letter from one surname only
        ("Quách Lhị Hoài Anh", "Quách Thị Hoài Anh"),  # a letter from Thị and Chí: Thị has the marks read
    ],
)
def test_unsure_name_syllables_that_are_no_names_take_the_one_known_spelling(read: str, name: str):
    from ocr.extract.lexicon import settle_name

    assert settle_name(read, 0.6) == name


@pytest.mark.parametrize(
    "read",
    [
        "Ngô Thị Thủy Nhàn",  # Thủy and Thùy are both names: a real name is never changed
        "Hồ Vần Cường",  # Văn or Vân: two names fold alike, so no guess
        "Hồ Thị Lính",  # Lính: Linh or Lĩnh, two names fold alike
        "Nguyễn Bích Luyết",  # Tuyết or Quyết, each a letter away with the marks read
    ],
)
def test_real_or_ambiguous_name_syllables_stay(read: str):
    from ocr.extract.lexicon import settle_name

    assert settle_name(read, 0.6) == read
    assert settle_name("Đinh Xuần Ngọc Minh", 0.97) == "Đinh Xuần Ngọc Minh"  # read with confidence


def test_a_given_name_is_not_a_surname_with_a_letter_added():
    from ocr.extract.lexicon import settle_name

    assert settle_name("Ngọc Minh", 0.0) == "Ngọc Minh"  # not "Ngô Minh"
    assert settle_name("Plam Trung Phúc", 0.6) == "Phạm Trung Phúc"  # P-l-a-m: one letter swapped


def test_a_letter_read_twice_in_a_name_is_read_once():
    from ocr.extract.lexicon import settle_name

    assert settle_name("Nguyêễn Thị Thủy", 0.73) == "Nguyễn Thị Thủy"  # the surname
    assert settle_name("Lý Qưuỳnh Trang", 0.61) == "Lý Quỳnh Trang"  # a given syllable
    assert settle_name("Nguyêễn Thị Thủy", 0.97) == "Nguyêễn Thị Thủy"  # read surely: left for the reviewer


@pytest.mark.parametrize("name", ["H Ngơm Byă", "Y Moan Ênuôl", "Kơ Pa H'Lan", "Ksor Nay Wơn"])
def test_ethnic_minority_names_are_not_bent_toward_kinh_ones(name: str):
    from ocr.extract.lexicon import settle_name

    assert settle_name(name, 0.5) == name


@pytest.mark.parametrize(
    ("read", "entry", "letters", "marks"),
    [
        ("Xuần", "Xuân", 0, 1),  # a tone mark
        ("Ngục", "Ngọc", 1, 0),  # a letter swapped
        ("Nguyêễn", "Nguyễn", 1, 0),  # a letter read twice
        ("Ngọc", "Ngô", None, None),  # a letter dropped is no misreading
    ],
)
def test_one_cost_for_every_lexicon(read: str, entry: str, letters: int | None, marks: int | None):
    from ocr.extract.lexicon import Cost, cost

    assert cost(read, entry) == (None if letters is None else Cost(letters, marks))


def test_marks_alone_never_choose_between_two_entries_of_the_same_letters():
    from ocr.extract.lexicon import choose

    assert choose("Vần", frozenset({"Văn", "Vân", "Tuấn"}), 1) is None
    assert choose("Xuần", frozenset({"Xuân", "Tuấn"}), 1) == "Xuân"  # the rival needs a letter more
    assert choose("Lhị", frozenset({"Thị", "Chí"}), 1) == "Thị"  # letters equal: the marks read decide
    # a changed letter's own marks are no evidence: Thọ is as near Thi as Thị (a real name missing
    # from the lexicon must not become Thị)
    assert choose("Thọ", frozenset({"Thi", "Thị"}), 1) is None
