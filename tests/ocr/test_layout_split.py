"""Splitting a multi-document file into documents by page kinds."""

from __future__ import annotations

from ocr.layout.classify import PageKind
from ocr.layout.split import split_documents

SYLL_START = PageKind("so_yeu_ly_lich", True, "tt06_2023")
SYLL_CONT = PageKind("so_yeu_ly_lich", False, "tt06_2023")
QD_START = PageKind("quyet_dinh", True, "quyet_dinh")
QD_CONT = PageKind("quyet_dinh", False, "quyet_dinh")
KHAC = PageKind("khac", True)
UNKNOWN = PageKind("khac", False)
BLANK = PageKind("blank")


def _split(kinds):
    return [(d.type, d.pages) for d in split_documents(list(enumerate(kinds, 1)))]


def test_dossier_in_one_scan():
    kinds = [SYLL_START, SYLL_CONT, SYLL_CONT, BLANK, QD_START, QD_CONT, QD_START, KHAC, UNKNOWN]
    assert _split(kinds) == [
        ("so_yeu_ly_lich", [1, 2, 3]),
        ("quyet_dinh", [5, 6]),
        ("quyet_dinh", [7]),
        ("khac", [8, 9]),
    ]


def test_blank_page_inside_a_document_does_not_split_it():
    assert _split([SYLL_START, BLANK, SYLL_CONT]) == [("so_yeu_ly_lich", [1, 3])]


def test_headless_continuation_of_another_type_opens_its_own_document():
    assert _split([QD_START, SYLL_CONT]) == [("quyet_dinh", [1]), ("so_yeu_ly_lich", [2])]


def test_only_blank_pages_give_no_document():
    assert _split([BLANK, BLANK]) == []


def test_untitled_page_alone_is_khac():
    assert _split([UNKNOWN]) == [("khac", [1])]
