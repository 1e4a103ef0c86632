"""Split the pages of one file into documents (a whole dossier is often one scan)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ocr.layout.classify import PageKind


@dataclass(slots=True)
class DocumentPages:
    """Pages (1-based) of one document in a file, with its type and form."""

    type: str
    pages: list[int] = field(default_factory=list)
    layout: str | None = None


_ADMIN = {"quyet_dinh", "khac"}


def split_documents(kinds: list[tuple[int, PageKind]]) -> list[DocumentPages]:
    """A title starts a document; a page without one continues the document before it.

    Blank pages belong to no document and do not end one (the blank back of a duplex
    scan sits inside a document). A continuation page of another type than the open
    document starts a new document of its own type, except between administrative documents: a
    page of "Điều 3", "Nơi nhận" and the signature continues whatever chỉ thị, tờ trình or decision
    is open (those marks are Nghị định 30's, not a decision's alone).
    """
    docs: list[DocumentPages] = []
    for number, kind in kinds:
        if kind.type == "blank":
            continue
        cur = docs[-1] if docs else None
        same = cur is not None and (cur.type == kind.type or {cur.type, kind.type} <= _ADMIN)
        if kind.starts or cur is None or (not same and kind.type != "khac"):
            docs.append(DocumentPages(kind.type, [number], kind.layout))
        else:
            cur.pages.append(number)
            if cur.layout is None:
                cur.layout = kind.layout
    return docs
