"""The officer's name, read in several documents of one dossier, settled from all its copies."""

from __future__ import annotations

from hoso.result import Document, ExtractedField
from ocr.extract.officer import settle_officer_names


def _doc(kind: str, name: str, conf: float) -> Document:
    return Document(kind, [1], {"ho_ten": ExtractedField(name, name, conf, 1, (0, 0, 1, 1))})


def _names(docs: list[Document]) -> list[str]:
    return [d.fields["ho_ten"].value for d in docs]


def test_a_syllable_one_copy_reads_as_a_name_is_the_name_in_every_unsure_copy():
    docs = [_doc("so_yeu_ly_lich", "Đặng Thị Lình", 0.91), _doc("quyet_dinh", "Đăng Thị Linh", 0.9),
            _doc("quyet_dinh", "Đặng Thị Lính", 0.89)]  # fmt: skip
    settle_officer_names(docs)
    assert _names(docs) == ["Đặng Thị Linh"] * 3


def test_copies_that_are_all_names_and_sure_copies_are_left_as_read():
    docs = [_doc("so_yeu_ly_lich", "Lâm Mỹ Thủy Lan", 0.6), _doc("quyet_dinh", "Lâm Mỹ Thùy Lan", 0.7)]
    settle_officer_names(docs)
    assert _names(docs) == ["Lâm Mỹ Thủy Lan", "Lâm Mỹ Thùy Lan"]  # both names: the reviewer decides
    sure = [_doc("so_yeu_ly_lich", "Đặng Thị Linh", 0.9), _doc("quyet_dinh", "Đăng Thị Linh", 0.97)]
    settle_officer_names(sure)
    assert _names(sure) == ["Đặng Thị Linh", "Đăng Thị Linh"]  # read surely: what its paper says


def test_different_people_are_not_merged():
    docs = [_doc("so_yeu_ly_lich", "Trần Văn An", 0.6), _doc("quyet_dinh", "Trần Văn Ân", 0.6),
            _doc("quyet_dinh", "Lê Văn Ba", 0.6)]  # fmt: skip
    settle_officer_names(docs)
    assert _names(docs) == ["Trần Văn An", "Trần Văn Ân", "Lê Văn Ba"]  # An and Ân are both names
