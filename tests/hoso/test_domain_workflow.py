"""The dossier state machine, the cảnh báo resolution rules and the approval gate (pure domain)."""

from datetime import UTC, datetime

import pytest

from hoso.domain import workflow
from hoso.domain.demo import UNITS, USERS
from hoso.domain.model import Dossier, DossierState, ElectronicRecord, Flag, ResolutionKind, User
from hoso.domain.units import UnitTree
from hoso.errors import ApprovalRefused, HosoError, InvalidTransition, PermissionDenied, ValidationError

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
S = DossierState
TREE = UnitTree(UNITS)
USER = {u.username: u for u in USERS}


def dossier(state: DossierState = S.EXTRACTED, unit: str = "THPT-A") -> Dossier:
    return Dossier("D1", unit, "clerk_thpt", NOW, officer_id="079185000123", state=state)


def flag(fid: str, field: str = "he_so_luong", dossier_id: str = "D1", blocking: bool = True) -> Flag:
    return Flag(fid, dossier_id, field, "3.33", "3.66", 0.0, "hệ số differs", NOW, page=2, blocking=blocking)


def resolve(f: Flag, kind=ResolutionKind.PAPER_IS_RIGHT, note="checked QĐ 123", user="rev_thpt", value=None):
    return workflow.resolve_flag(f, kind, note, USER[user], NOW, dossier=dossier(), units=TREE, value=value)


ALLOWED_PAIRS = [(old, new) for old, targets in workflow.ALLOWED.items() for new in sorted(targets)]  # sorted: xdist workers must collect the same order
REFUSED_PAIRS = [(o, n) for o in S for n in S if n not in workflow.ALLOWED[o]]


@pytest.mark.parametrize(("old", "new"), [p for p in ALLOWED_PAIRS if p[1] is not S.APPROVED])
def test_allowed_transitions_move_and_are_recorded(old, new):
    d = dossier(old)
    change = workflow.transition(d, new, "admin", NOW)
    assert d.state is new
    assert d.transitions == [change]
    assert (change.old, change.new) == (old, new)


@pytest.mark.parametrize(("old", "new"), REFUSED_PAIRS)
def test_refused_transitions_raise_a_stable_code_and_leave_the_state(old, new):
    d = dossier(old)
    with pytest.raises(InvalidTransition) as err:
        workflow.transition(d, new, "admin", NOW)
    assert err.value.code == "invalid_transition"
    assert d.state is old and d.transitions == []


def test_approved_is_reachable_only_through_approve():
    with pytest.raises(InvalidTransition):
        workflow.transition(dossier(S.VERIFIED), S.APPROVED, "admin", NOW)


def test_archived_is_terminal_and_no_state_is_unreachable():
    assert workflow.ALLOWED[S.ARCHIVED] == frozenset()
    reachable = {n for targets in workflow.ALLOWED.values() for n in targets} | {S.RECEIVED}
    assert reachable == set(S)


def test_settle_after_extraction():
    d = dossier()
    workflow.settle(d, [flag("F1")], "system", NOW)
    assert d.state is S.FLAGGED
    d2 = dossier()
    workflow.settle(d2, [flag("F1", blocking=False)], "system", NOW)
    assert d2.state is S.VERIFIED


def test_approval_refused_while_flags_are_open_and_names_them():
    d = dossier(S.FLAGGED)
    flags = [flag("F1"), flag("F2", "ngay_sinh"), flag("F3")]
    resolve(flags[2])
    with pytest.raises(ApprovalRefused) as err:
        workflow.approve(d, flags, USER["rev_thpt"], NOW, units=TREE)
    assert err.value.open_flags == ("F1", "F2")
    assert "F1 (he_so_luong)" in str(err.value) and "F2 (ngay_sinh)" in str(err.value)
    assert err.value.to_json()["open_flags"] == ["F1", "F2"]
    assert d.state is S.FLAGGED and d.transitions == []


def test_flags_of_other_dossiers_and_non_blocking_flags_do_not_block():
    d = dossier(S.VERIFIED)
    approval = workflow.approve(
        d, [flag("X", dossier_id="D2"), flag("N", blocking=False)], USER["admin"], NOW, units=TREE
    )
    assert d.state is S.APPROVED and approval.dossier_id == "D1"


def test_after_all_flags_are_resolved_flagged_goes_verified_then_approved():
    d = dossier(S.FLAGGED)
    flags = [flag("F1"), flag("F2")]
    for f in flags:
        resolve(f)
    approval = workflow.approve(d, flags, USER["sup_gd"], NOW, units=TREE)
    assert [(c.old, c.new) for c in d.transitions] == [(S.FLAGGED, S.VERIFIED), (S.VERIFIED, S.APPROVED)]
    assert approval.user == "sup_gd"


@pytest.mark.parametrize("state", [S.RECEIVED, S.PROCESSING, S.EXTRACTED, S.APPROVED, S.ARCHIVED])
def test_approve_from_a_wrong_state_is_an_invalid_transition(state):
    with pytest.raises(InvalidTransition):
        workflow.approve(dossier(state), [], USER["admin"], NOW, units=TREE)


@pytest.mark.parametrize("username", ["clerk_thpt", "rev_xa", "lan"])
def test_only_heads_of_the_unit_subtree_may_approve(username):
    with pytest.raises(PermissionDenied) as err:
        workflow.approve(dossier(S.VERIFIED), [], USER[username], NOW, units=TREE)
    assert err.value.code == "permission_denied"


def test_inactive_user_may_not_approve():
    gone = User("old_head", USER["sup_gd"].role, "SGD", active=False)
    with pytest.raises(PermissionDenied):
        workflow.approve(dossier(S.VERIFIED), [], gone, NOW, units=TREE)


@pytest.mark.parametrize("note", ["", "   "])
def test_resolution_requires_a_note(note):
    f = flag("F1")
    with pytest.raises(ValidationError):
        resolve(f, note=note)
    assert f.is_open


@pytest.mark.parametrize("username", ["clerk_thpt", "rev_xa", "lan"])
def test_resolution_requires_a_permitted_user(username):
    f = flag("F1")
    with pytest.raises(PermissionDenied):
        resolve(f, user=username)
    assert f.is_open


@pytest.mark.parametrize("username", ["rev_thpt", "sup_gd", "admin"])
def test_reviewer_supervisor_admin_of_the_subtree_may_resolve(username):
    f = flag("F1")
    res = resolve(f, user=username)
    assert not f.is_open and res.user == username and res.note == "checked QĐ 123"


def test_resolving_twice_is_refused():
    f = flag("F1")
    resolve(f)
    with pytest.raises(InvalidTransition):
        resolve(f)


def test_ocr_misread_needs_the_hand_corrected_value():
    with pytest.raises(ValidationError):
        resolve(flag("F1"), kind=ResolutionKind.OCR_MISREAD)
    res = resolve(flag("F2"), kind=ResolutionKind.OCR_MISREAD, value="3.66")
    assert res.value == "3.66" and not res.needs_giai_trinh


def test_electronic_is_right_asks_for_giai_trinh_and_leaves_the_record():
    f = flag("F1")
    rec = ElectronicRecord("079185000123", {"he_so_luong": "3.66"})
    assert resolve(f, kind=ResolutionKind.ELECTRONIC_IS_RIGHT).needs_giai_trinh
    assert workflow.apply_resolution(rec, f) is None
    assert rec.fields["he_so_luong"] == "3.66" and rec.history == []


def test_paper_is_right_updates_the_record_keeping_old_and_new():
    f = flag("F1")
    rec = ElectronicRecord("079185000123", {"he_so_luong": "3.66"})
    resolve(f)
    change = workflow.apply_resolution(rec, f)
    assert rec.fields["he_so_luong"] == "3.33"
    assert change is not None and (change.old, change.new, change.user) == ("3.66", "3.33", "rev_thpt")
    assert rec.history == [change] and rec.version == 1
    assert "F1" in change.reason


def test_flag_of_another_dossier_cannot_be_resolved_through_this_one():
    with pytest.raises(ValidationError):
        resolve(flag("F1", dossier_id="D9"))


def test_every_domain_error_is_a_hoso_error_with_exit_code():
    for exc in (ApprovalRefused("x"), InvalidTransition("x"), PermissionDenied("x"), ValidationError("x")):
        assert isinstance(exc, HosoError) and exc.exit_code > 2 and exc.code
