"""Words chained into lines: boxes that cross on one level stay one line."""

from ocr.layout.lines import group_lines
from ocr.model import Word


def _texts(words: list[Word]) -> list[str]:
    return [" ".join(w.text for w in ln.words) for ln in group_lines(words)]


def test_garbled_small_print_whose_boxes_cross_stays_on_its_line() -> None:
    # Tesseract's box for the garbled "Mông" runs past the start of the "Ê" after it
    words = [
        Word("8)", (260, 1231, 299, 1272), 0.95), Word("Dân", (316, 1228, 394, 1265), 0.69),
        Word("tộc:", (410, 1228, 482, 1272), 0.93), Word("Móng", (650, 1234, 791, 1272), 0.91),
        Word("Ê", (741, 1224, 755, 1276), 0.90), Word("đc", (771, 1224, 794, 1276), 0.0),
        Word("Kính", (864, 1228, 959, 1265), 0.81), Word("9)", (1490, 1231, 1532, 1273), 0.96),
        Word("Tôn", (1543, 1228, 1625, 1265), 0.94), Word("giáo:", (1639, 1228, 1735, 1275), 0.20),
    ]  # fmt: skip
    assert _texts(words) == ["8) Dân tộc: Móng Ê đc Kính 9) Tôn giáo:"]


def test_two_close_lines_whose_boxes_cross_do_not_interleave() -> None:
    words = [
        Word("ỦY", (100, 100, 160, 150), 0.95), Word("BAN", (170, 100, 260, 150), 0.95),
        Word("TỈNH", (120, 140, 230, 190), 0.95), Word("HÀ", (240, 140, 300, 190), 0.95),
    ]  # fmt: skip
    assert _texts(words) == ["ỦY BAN", "TỈNH HÀ"]


def test_a_speck_inside_a_words_box_opens_no_column_gap():
    from ocr.layout.lines import Line, split_columns
    from ocr.model import Word

    words = [Word("Ngô", (1356, 0, 1547, 40), 0.5), Word("Công", (1547, 0, 1802, 40), 0.5),
             Word("l", (1624, 0, 1640, 40), 0.0), Word("Phong", (1802, 0, 1955, 40), 0.96)]  # fmt: skip
    assert [s.text for s in split_columns(Line(words, 1), gap=124)] == ["Ngô Công l Phong"]
    far = [*words, Word("NAM", (2300, 0, 2400, 40), 0.9)]
    assert [s.text for s in split_columns(Line(far, 1), gap=124)] == ["Ngô Công l Phong", "NAM"]
