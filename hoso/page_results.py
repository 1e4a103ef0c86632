"""A read page (PageText) kept in the object store under a key derived from its file's hash and number.

The key makes the read step idempotent: a redelivered page task finds the result there and does not read
the page again; the last stage loads every page of a file back from these keys.
"""

from __future__ import annotations

import json
from typing import Any

from ocr.model import PageText, Word
from storage.objects import ObjectStore, content_key

ENCODING = "utf-8"


def page_result_key(sha256: str, number: int) -> str:
    """`ocr/<sha[:2]>/<sha>/<number:04d>.json`: content-addressed, so written once and never changed."""
    return f"{content_key('ocr', sha256)}/{number:04d}.json"


def to_json(page: PageText) -> dict[str, Any]:
    """Everything later stages read; timings are kept for the capacity figures."""
    return {
        "number": page.number,
        "width": page.width,
        "height": page.height,
        "source": page.source,
        "rotation": page.rotation,
        "blank": page.blank,
        "errors": page.errors,
        "timings": page.timings,
        "words": [[w.text, list(w.bbox), w.conf] for w in page.words],
    }


def from_json(data: dict[str, Any]) -> PageText:
    """The PageText stored by to_json (floats survive JSON exactly, so results equal the in-process ones)."""
    words = [
        Word(str(t), (int(b[0]), int(b[1]), int(b[2]), int(b[3])), float(c)) for t, b, c in data["words"]
    ]
    return PageText(
        int(data["number"]),
        int(data["width"]),
        int(data["height"]),
        words,
        data["source"],
        int(data["rotation"]),
        bool(data["blank"]),
        list(data["errors"]),
        dict(data["timings"]),
    )


def save(objects: ObjectStore, sha256: str, page: PageText) -> str:
    """Store a page's result; a result stored before is kept as it is (same key, same page)."""
    body = json.dumps(to_json(page), ensure_ascii=False, separators=(",", ":")).encode(ENCODING)
    return objects.put(page_result_key(sha256, page.number), body, "application/json")


def load(objects: ObjectStore, sha256: str, number: int) -> PageText:
    """A stored page result; NotFound when the page was never read."""
    return from_json(json.loads(objects.get(page_result_key(sha256, number)).decode(ENCODING)))
