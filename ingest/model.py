"""What intake hands to the reading stage: source files and picklable page jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

FileKind = Literal["pdf", "png", "jpeg", "tiff", "zip", "unknown"]


@dataclass(slots=True)
class SourceFile:
    """One document file to read; `path` is on disk (zip members are extracted to a temp dir)."""

    display_path: str  # what the user sees: "a.pdf", "batch.zip/member.pdf", "dir/x.png"
    path: Path | None  # None when the file could not be made available (unsafe member, …)
    kind: FileKind = "unknown"
    sha256: str = ""
    size: int = 0
    errors: list[str] = field(default_factory=list)  # reasons the whole file cannot be read


@dataclass(frozen=True, slots=True)
class PageJob:
    """A reference to one page, cheap to pickle: the worker opens and renders it itself."""

    path: str
    kind: FileKind
    index: int  # 0-based page/frame index inside the file
    number: int  # 1-based page number reported to users
    password: str = ""  # the password that opened an encrypted PDF ("" = none / empty)
