"""The fields read off a dossier's paper, from the extraction result ingest keeps in the object store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hoso.errors import NotFound
from hoso.recording import result_key
from storage.objects import ObjectStore


@dataclass(frozen=True, slots=True)
class PaperField:
    """One value as read: key, value, confidence, where (page, bbox in 300-dpi pixels)."""

    key: str
    value: str
    confidence: float
    page: int | None
    bbox: tuple[int, int, int, int] | None


def load_result(objects: ObjectStore, sha256: str) -> dict[str, Any] | None:
    """The stored `extract` result of an original, None when it was not kept (older ingests)."""
    try:
        data: dict[str, Any] = json.loads(objects.get(result_key(sha256)))
    except (NotFound, ValueError):
        return None
    return data


def document_fields(result: dict[str, Any] | None, index: int) -> list[PaperField]:
    """Fields of document `index` of a result, in page then reading order."""
    docs = (result or {}).get("documents") or []
    if not 0 <= index < len(docs):
        return []
    out = []
    for key, f in (docs[index].get("fields") or {}).items():
        bbox = f.get("bbox")
        box = (int(bbox[0]), int(bbox[1]), int(bbox[2]), int(bbox[3])) if bbox and len(bbox) == 4 else None
        out.append(
            PaperField(key, str(f.get("value", "")), float(f.get("confidence", 0)), f.get("page"), box)
        )
    return sorted(out, key=lambda p: (p.page or 0, p.bbox[1] if p.bbox else 0, p.bbox[0] if p.bbox else 0))


def neighbours(fields: list[PaperField], key: str, page: int | None, around: int = 3) -> list[PaperField]:
    """Fields read just above and below the flagged one on the same page (context for the reviewer)."""
    same = [f for f in fields if f.page == page] if page is not None else fields
    keys = [f.key for f in same]
    if key not in keys:
        return same[: 2 * around]
    i = keys.index(key)
    return same[max(0, i - around) : i + around + 1]
