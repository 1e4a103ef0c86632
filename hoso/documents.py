"""Turn the read pages of one file into documents with their fields."""

from __future__ import annotations

from hoso.result import Document
from ocr.extract import quyet_dinh, syll, van_ban
from ocr.extract.officer import settle_officer_names
from ocr.extract.tables import read_tables
from ocr.layout.classify import classify_page
from ocr.layout.lines import Line, group_lines
from ocr.layout.split import split_documents
from ocr.model import PageText


def assemble(pages: list[PageText]) -> list[Document]:
    """Classify each page, split into documents, extract each document's fields."""
    lines: dict[int, list[Line]] = {}
    widths: dict[int, int] = {}
    kinds = []
    for page in pages:
        lines[page.number] = group_lines(page.words, page.number)
        widths[page.number] = page.width
        if page.blank or page.errors and not page.words:
            continue
        kinds.append((page.number, classify_page(lines[page.number], page.height)))
    docs: list[Document] = []
    for part in split_documents(kinds):
        doc = Document(part.type, part.pages, layout=part.layout)
        if part.type == "so_yeu_ly_lich" and part.layout:
            doc_lines = [ln for n in part.pages for ln in lines[n]]
            doc.fields = syll.extract_fields(doc_lines, part.layout)
            doc.tables = read_tables(doc_lines, part.layout)
        elif part.type == "quyet_dinh":
            doc.fields = quyet_dinh.extract_fields([(lines[n], widths[n]) for n in part.pages])
        elif part.type == "khac":  # an administrative document (Nghị định 30) or a personal paper
            doc.fields = van_ban.extract_fields("khac", [(lines[n], widths[n]) for n in part.pages])
        docs.append(doc)
    settle_officer_names(docs)  # one officer, named in several documents
    return docs
