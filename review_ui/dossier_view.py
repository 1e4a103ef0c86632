"""What the dossier and flag screens (and the API) show, loaded once under the user's scope and audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from hoso.domain import services
from hoso.domain.deadlines import WorkCalendar, days_overdue, get_profile, local_date
from hoso.domain.model import Approval, DocumentRef, Dossier, Flag
from review_ui.extraction import PaperField, document_fields, load_result
from review_ui.queries import dossier_row, flag_row
from review_ui.scope import Scope
from storage.objects import ObjectStore
from storage.uow import SqlStore

CALENDAR = WorkCalendar()


@lru_cache(maxsize=4096)
def flag_due_on(raised: date) -> date:
    """The due date of a cảnh báo raised on `raised` (the deployment's SLA profile, in working days)."""
    return get_profile().flag.due(raised, CALENDAR)


def flag_due(created_at: datetime) -> date:
    """Due date of a flag from its creation time (Vietnamese calendar day)."""
    return flag_due_on(local_date(created_at))


@lru_cache(maxsize=8192)
def overdue_days(due: date, today: date) -> int:
    """Working days past `due` (0 when on time); cached, as screens ask for the same few days often."""
    return days_overdue(due, today, CALENDAR)


@lru_cache(maxsize=8192)
def dossier_due_on(trigger: date) -> date:
    """The due date of a dossier whose SLA clock started on `trigger`."""
    return get_profile().dossier.due(trigger, CALENDAR)


@dataclass(slots=True)
class DocView:
    """One document of the dossier with the fields read off it."""

    ref: DocumentRef
    fields: list[PaperField]


@dataclass(slots=True)
class DossierView:
    """A dossier with everything its screen lists."""

    dossier: Dossier
    flags: list[Flag]
    officer_name: str | None
    unit_name: str
    documents: list[DocView] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)

    @property
    def open_flags(self) -> list[Flag]:
        """Blocking flags still open: while any is, approval is refused."""
        return [f for f in self.flags if f.is_open and f.blocking]


def scoped_dossier(store: SqlStore, scope: Scope, dossier_id: str) -> Any:
    """The dossier's row, or NotFound when unknown or outside the user's scope."""
    with store.uow() as uow:
        row = dossier_row(uow.connection(), dossier_id)
    scope.check_dossier(row)
    return row


def scoped_flag(store: SqlStore, scope: Scope, flag_id: str) -> Any:
    """The flag's row (with dossier unit and resolution), or NotFound outside the scope."""
    with store.uow() as uow:
        row = flag_row(uow.connection(), flag_id)
    scope.check_dossier(row, "cảnh báo")
    return row


def load_dossier(
    store: SqlStore, objects: ObjectStore, scope: Scope, dossier_id: str, with_fields: bool = True
) -> DossierView:
    """The dossier, its flags, documents with fields, approvals; the read is audited by the service."""
    row = scoped_dossier(store, scope, dossier_id)
    dossier, flags = services.read_dossier(store.uow(), dossier_id, scope.user.username)
    with store.uow() as uow:
        approvals = uow.approvals.for_dossier(dossier_id)
    view = DossierView(
        dossier, flags, row.ho_ten, scope.units.get(dossier.unit_code).name, approvals=approvals
    )
    results: dict[str, dict[str, Any] | None] = {}
    for ref in dossier.documents:
        if with_fields and ref.sha256 not in results:
            results[ref.sha256] = load_result(objects, ref.sha256)
        view.documents.append(DocView(ref, document_fields(results.get(ref.sha256), ref.index)))
    return view
