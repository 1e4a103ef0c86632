"""Entities: the unit tree of any depth, officer keys, record history, the error tree."""

from datetime import UTC, datetime

import pytest

from hoso.domain.model import ElectronicRecord, Officer, OfficerStatus, check_cccd
from hoso.domain.units import Unit, UnitTree
from hoso.errors import ApprovalRefused, ExitCode, HosoError, NotFound, ValidationError

T = datetime(2026, 3, 2, tzinfo=UTC)


def deep_tree(depth: int) -> UnitTree:
    units = [Unit("U0", "Sở Nội vụ")] + [Unit(f"U{i}", f"level {i}", f"U{i - 1}") for i in range(1, depth)]
    return UnitTree(units + [Unit("X", "UBND xã", "U0")])


def test_subtree_membership_at_any_depth():
    tree = deep_tree(7)
    assert tree.is_within("U6", "U0") and tree.is_within("U6", "U3") and tree.is_within("U3", "U3")
    assert not tree.is_within("U3", "U6") and not tree.is_within("X", "U1")
    assert tree.subtree("U4") == ["U4", "U5", "U6"]
    assert tree.subtree("U0")[0] == "U0" and set(tree.subtree("U0")) == {u.code for u in tree}
    assert tree.ancestors("U2") == ["U2", "U1", "U0"]
    assert tree.roots() == ["U0"]


def test_unknown_unit_and_a_cycle_do_not_hang():
    tree = UnitTree([Unit("A", "a", "B"), Unit("B", "b", "A")])
    assert tree.ancestors("A") == ["A", "B"]
    assert not tree.is_within("Z", "A")
    with pytest.raises(NotFound):
        tree.subtree("Z")


def test_officer_is_keyed_by_12_digits_and_keeps_the_old_cmnd_beside_it():
    o = Officer("079185000123", "Nguyễn Thị Lan", "THPT-A", cmnd_cu="025123456")
    assert o.status is OfficerStatus.DANG_CONG_TAC and o.cmnd_cu != o.so_dinh_danh[-9:]
    for bad in ("0791850001234", "07918500012", "07918500012a"):
        with pytest.raises(ValidationError):
            check_cccd(bad)
    with pytest.raises(ValidationError):
        Officer("079185000123", "x", "U", cmnd_cu="1234")


def test_leaving_changes_only_the_status():
    o = Officer("079185000123", "Nguyễn Thị Lan", "THPT-A")
    o.status = OfficerStatus.NGHI_HUU
    assert {s.value for s in OfficerStatus} == {
        "dang_cong_tac",
        "nghi_huu",
        "thoi_viec",
        "tu_tran",
        "chuyen_cong_tac_ra_ngoai",
    }


def test_record_changes_are_versioned_with_old_and_new():
    r = ElectronicRecord("079185000123", {"ho_ten": "Nguyễn Thị Hương"})
    r.set_field("ho_ten", "Nguyễn Thị Hường", "rev", T, "giấy khai sinh")
    r.set_field("ngach", "V.07.05.15", "rev", T)
    r.set_field("ngach", None, "admin", T)
    assert r.fields == {"ho_ten": "Nguyễn Thị Hường"} and r.version == 3
    assert [(c.version, c.old, c.new) for c in r.history] == [
        (1, "Nguyễn Thị Hương", "Nguyễn Thị Hường"),
        (2, None, "V.07.05.15"),
        (3, "V.07.05.15", None),
    ]


def test_error_tree_codes_are_stable_and_unique():
    classes = HosoError.__subclasses__()
    assert len(classes) >= 10
    assert len({c.code for c in classes}) == len(classes)
    assert all(c.exit_code not in (ExitCode.OK, ExitCode.USAGE) for c in classes)
    err = ApprovalRefused("dossier D1: 1 open cảnh báo", ("F1",))
    assert err.to_json() == {
        "code": "approval_refused",
        "message": "dossier D1: 1 open cảnh báo",
        "retryable": False,
        "open_flags": ["F1"],
    }
    assert NotFound("x").exit_code == 4
