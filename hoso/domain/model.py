"""Plain-Python entities of hoso, so the rules about paper vs. record live apart from any database."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from hoso.errors import ValidationError

_CCCD = re.compile(r"\d{12}")
_CMND = re.compile(r"\d{9}")


def new_id() -> str:
    """A random id for dossiers, flags and approvals; storage keeps it as the primary key."""
    return uuid.uuid4().hex


class Role(StrEnum):
    """Who a user is; what each role may do is in access.py."""

    ADMIN = "admin"  # Sở Nội vụ: the whole province
    SUPERVISOR = "supervisor"  # thủ trưởng đơn vị or TCCB head: approves in the unit subtree
    REVIEWER = "reviewer"  # checks paper against record, resolves cảnh báo
    CLERK = "clerk"  # cán bộ nghiệp vụ: uploads dossiers
    OFFICER = "officer"  # the CBCCVC themselves: reads their own record


class OfficerStatus(StrEnum):
    """Where an officer stands; leaving only changes the status, the record is kept (001 Đ10.3)."""

    DANG_CONG_TAC = "dang_cong_tac"
    NGHI_HUU = "nghi_huu"
    THOI_VIEC = "thoi_viec"
    TU_TRAN = "tu_tran"
    CHUYEN_CONG_TAC_RA_NGOAI = "chuyen_cong_tac_ra_ngoai"


class DossierState(StrEnum):
    """The life of one upload batch; allowed moves are in workflow.py."""

    RECEIVED = "received"
    PROCESSING = "processing"
    EXTRACTED = "extracted"
    FLAGGED = "flagged"
    VERIFIED = "verified"
    APPROVED = "approved"
    TRANSFERRED = "transferred"
    ARCHIVED = "archived"


class ResolutionKind(StrEnum):
    """How a cảnh báo was settled."""

    PAPER_IS_RIGHT = "paper_is_right"  # the e-record takes the paper value, old value kept
    ELECTRONIC_IS_RIGHT = "electronic_is_right"  # the paper needs a văn bản giải trình
    OCR_MISREAD = "ocr_misread"  # the reading was wrong; the value is corrected by hand


def check_cccd(value: str) -> str:
    """The 12-digit số định danh cá nhân (NĐ 27/2026 makes it the e-dossier key)."""
    if not _CCCD.fullmatch(value):
        raise ValidationError(f"số định danh cá nhân must be 12 digits, got {value!r}")
    return value


@dataclass(slots=True)
class User:
    """A person who logs in; `unit_code` bounds what they see and do (admin: the whole tree)."""

    username: str
    role: Role
    unit_code: str | None = None
    officer_id: str | None = None  # for Role.OFFICER: their own số định danh
    active: bool = True


@dataclass(slots=True)
class Officer:
    """A CBCCVC, never deleted: leaving changes `status` only."""

    so_dinh_danh: str
    ho_ten: str
    unit_code: str
    ma_can_bo: str | None = None
    cmnd_cu: str | None = None  # the old 9-digit CMND on paper; differing from the CCCD is not an error
    ngay_sinh: date | None = None
    status: OfficerStatus = OfficerStatus.DANG_CONG_TAC

    def __post_init__(self) -> None:
        check_cccd(self.so_dinh_danh)
        if self.cmnd_cu is not None and not _CMND.fullmatch(self.cmnd_cu):
            raise ValidationError(f"CMND cũ must be 9 digits, got {self.cmnd_cu!r}")


@dataclass(frozen=True, slots=True)
class Decision:
    """A quyết định in the record (bổ nhiệm, nâng lương, khen thưởng, …)."""

    so_quyet_dinh: str
    loai: str
    ngay_ky: date | None = None
    ngay_hieu_luc: date | None = None
    trich_yeu: str = ""


@dataclass(frozen=True, slots=True)
class SalaryStep:
    """One line of the salary history: from when, which ngạch, bậc and hệ số."""

    tu_ngay: date
    ma_ngach: str
    bac: int
    he_so: str  # kept as written ("3.66") so the comparison is exact, not floating point


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One versioned change of a record field: who, when, old, new and why."""

    version: int
    field: str
    old: str | None
    new: str | None
    user: str
    at: datetime
    reason: str = ""


@dataclass(slots=True)
class ElectronicRecord:
    """The hồ sơ điện tử of one officer: canonical field values, decisions, salary history, history."""

    officer_id: str
    fields: dict[str, str] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    salary_history: list[SalaryStep] = field(default_factory=list)
    history: list[FieldChange] = field(default_factory=list)

    @property
    def version(self) -> int:
        """Number of changes so far; storage can use it for optimistic locking."""
        return len(self.history)

    def set_field(
        self, key: str, value: str | None, user: str, at: datetime, reason: str = ""
    ) -> FieldChange:
        """Change one field, keeping the old value in the history; None removes the field."""
        old = self.fields.get(key)
        change = FieldChange(self.version + 1, key, old, value, user, at, reason)
        if value is None:
            self.fields.pop(key, None)
        else:
            self.fields[key] = value
        self.history.append(change)
        return change


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page image in the object store, by content-addressed key."""

    number: int
    image_key: str


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """One document of a dossier (a Sơ yếu lý lịch, a Quyết định, …) and its stored pages."""

    index: int
    doc_type: str
    sha256: str
    pages: tuple[PageRef, ...] = ()


@dataclass(frozen=True, slots=True)
class StateChange:
    """One move of a dossier through the state machine, kept for the timeline."""

    old: DossierState
    new: DossierState
    user: str
    at: datetime


@dataclass(slots=True)
class Dossier:
    """One upload batch for one officer, by one clerk, for one unit."""

    id: str
    unit_code: str
    clerk: str
    received_at: datetime
    officer_id: str | None = None  # None until identified; "no match" is itself a flag
    state: DossierState = DossierState.RECEIVED
    documents: list[DocumentRef] = field(default_factory=list)
    transitions: list[StateChange] = field(default_factory=list)
    trigger_on: date | None = None  # the SLA trigger when it is not the receipt (e.g. QĐ effective date)


@dataclass(frozen=True, slots=True)
class Resolution:
    """How and by whom a cảnh báo was closed; `value` is the hand-corrected reading for ocr_misread."""

    kind: ResolutionKind
    note: str
    user: str
    at: datetime
    value: str | None = None

    @property
    def needs_giai_trinh(self) -> bool:
        """The paper, not the record, is wrong: the managing agency owes a văn bản giải trình."""
        return self.kind is ResolutionKind.ELECTRONIC_IS_RIGHT


@dataclass(slots=True)
class Flag:
    """A cảnh báo: paper and record disagree on one field; open until resolved, then kept forever."""

    id: str
    dossier_id: str
    field: str
    paper_value: str | None
    electronic_value: str | None
    score: float
    reason: str
    created_at: datetime
    document_index: int = 0
    page: int | None = None
    bbox: tuple[int, int, int, int] | None = None
    blocking: bool = True  # a non-blocking flag is advice; it never stops approval
    resolution: Resolution | None = None

    @property
    def is_open(self) -> bool:
        """A flag stays open until a resolution is attached."""
        return self.resolution is None

    def summary(self) -> dict[str, Any]:
        """The flag as `hoso flags --json` lists it; the web API adds box, due date and resolution."""
        return {
            "id": self.id, "dossier": self.dossier_id, "field": self.field, "paper": self.paper_value,
            "electronic": self.electronic_value, "score": self.score, "reason": self.reason,
            "document": self.document_index, "page": self.page, "created_at": self.created_at.isoformat(),
            "open": self.is_open,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Approval:
    """The head of the unit's sign-off that the record now equals the paper."""

    id: str
    dossier_id: str
    user: str
    at: datetime
    note: str = ""
