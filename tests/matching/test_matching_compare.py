from typing import Any

from hoso.result import Document, ExtractedField, FileResult
from matching.compare import compare_document, document_agreement, verify
from matching.config import MatchConfig
from matching.decisions import find_decision
from matching.layouts import LAYOUT_PRINTS


def fld(value: str, confidence: float = 0.99, page: int = 1) -> ExtractedField:
    return ExtractedField(value, value, confidence, page, (10, 20, 30, 40))


def syll(layout: str = "tt06_2023", **values: str) -> Document:
    return Document("so_yeu_ly_lich", [1, 2], {k: fld(v) for k, v in values.items()}, layout=layout)


RECORD: dict[str, Any] = {
    "ma_can_bo": "LA-000123",
    "ho_ten": "Nguyễn Thị Hường",
    "ngay_sinh": "1985-06-15",
    "gioi_tinh": "Nữ",
    "so_cccd": "079185001234",
    "so_bhxh": "1960994846",
    "dan_toc": "Kinh",
    "he_so_luong": "3.66",
    "quyet_dinh": [
        {
            "so_ky_hieu": "25/2015/QĐ-UBND",
            "ngay_ban_hanh": "2015-06-15",
            "loai_quyet_dinh": "nang_luong",
            "co_quan_ban_hanh": "SỞ NỘI VỤ",
            "nguoi_ky": "Trần Văn Bình",
            "bac_luong": "4",
            "he_so_luong": "3.33",
            "ma_ngach": "01.003",
            "ngay_huong_luong": "2015-07-01",
        },
        {
            "so_ky_hieu": "102/QĐ-UBND",
            "ngay_ban_hanh": "2020-01-05",
            "loai_quyet_dinh": "khen_thuong",
            "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN TỈNH LONG AN",
            "nguoi_ky": "Lê Văn Cường",
        },
    ],
}


def test_equal_document_has_no_flags() -> None:
    doc = syll(
        ho_ten="NGUYỄN THỊ HƯỜNG",
        ngay_sinh="15/06/1985",
        gioi_tinh="Nữ",
        so_cccd="079185001234",
        so_bhxh="1960994846",
        dan_toc="Kinh",
        he_so_luong="3,66",
    )
    assert compare_document(doc, RECORD) == []


def test_differences_are_flagged_with_location() -> None:
    doc = syll(
        ho_ten="Nguyễn Thị Hương",
        ngay_sinh="1985-06-15",
        dan_toc="Tày",
        he_so_luong="3.33",
        so_cccd="079185001234",
        so_bhxh="1960994846",
        gioi_tinh="Nữ",
    )
    flags = {f.field: f for f in compare_document(doc, RECORD, index=2)}
    assert set(flags) == {"ho_ten", "dan_toc", "he_so_luong"}
    name = flags["ho_ten"]
    assert (name.document, name.paper, name.electronic, name.page, name.bbox) == (
        2,
        "Nguyễn Thị Hương",
        "Nguyễn Thị Hường",
        1,
        [10, 20, 30, 40],
    )
    assert name.reason == "diacritic differs: Hương vs Hường"


def test_core_field_missing_from_record() -> None:
    doc = syll(ho_ten="Nguyễn Thị Hường", ton_giao="Không", ngay_sinh="1985-06-15")
    flags = [f for f in compare_document(doc, RECORD) if f.field == "ton_giao"]
    assert len(flags) == 1 and flags[0].reason == "missing from the electronic record"
    assert flags[0].electronic is None and flags[0].score == 0.0


def test_non_core_field_missing_from_record_raises_nothing() -> None:
    doc = syll(ho_ten="Nguyễn Thị Hường", ngay_sinh="1985-06-15", nhom_mau="O")
    assert all(f.field != "nhom_mau" for f in compare_document(doc, RECORD))


def test_unreadable_only_for_fields_the_layout_prints() -> None:
    doc98 = syll(
        "2c_tctw_98",
        ho_ten="Nguyễn Thị Hường",
        ngay_sinh="1985-06-15",
        gioi_tinh="Nữ",
        so_cccd="079185001234",
        dan_toc="Kinh",
        he_so_luong="3.66",
    )
    assert compare_document(doc98, RECORD) == []  # the 1998 form prints no BHXH number
    doc06 = syll(
        "tt06_2023",
        ho_ten="Nguyễn Thị Hường",
        ngay_sinh="1985-06-15",
        gioi_tinh="Nữ",
        so_cccd="079185001234",
        dan_toc="Kinh",
        he_so_luong="3.66",
    )
    flags = compare_document(doc06, RECORD)
    assert [(f.field, f.paper, f.electronic, f.reason, f.page, f.bbox) for f in flags] == [
        ("so_bhxh", None, "1960994846", "unreadable", 1, None)
    ]


def test_custom_layout_prints() -> None:
    doc = syll("tt06_2023", ho_ten="Nguyễn Thị Hường")
    assert compare_document(doc, RECORD, {"tt06_2023": frozenset({"ho_ten"})}) == []
    assert LAYOUT_PRINTS["tu_thuat"] >= {"ho_ten", "so_cccd"}


def test_old_cmnd_is_compared_with_cmnd_cu_only() -> None:
    doc = syll("2c_bnv_2008", so_cccd="271234567", ngay_cap_cccd="02/03/2001", ho_ten="Nguyễn Thị Hường")
    record = {**RECORD, "ngay_cap_cccd": "2021-05-06"}
    assert all(f.field not in ("so_cccd", "ngay_cap_cccd") for f in compare_document(doc, record))
    with_old = {**record, "cmnd_cu": "271234568", "ngay_cap_cmnd_cu": "2001-03-02"}
    flags = [f for f in compare_document(doc, with_old) if f.field in ("so_cccd", "ngay_cap_cccd")]
    assert [(f.field, f.electronic) for f in flags] == [("so_cccd", "271234568")]


def decision(**values: str) -> Document:
    return Document("quyet_dinh", [5], {k: fld(v, page=5) for k, v in values.items()}, layout="quyet_dinh")


def test_decision_compared_with_its_entry() -> None:
    doc = decision(
        so_ky_hieu="25/2015/QĐ-UBND",
        ngay_ban_hanh="15/06/2015",
        loai_quyet_dinh="nang_luong",
        co_quan_ban_hanh="UBND TỈNH LONG AN SỞ NỘI VỤ",
        nguoi_ky="Trần Văn Bình",
        ho_ten="Nguyễn Thị Hường",
        bac_luong="4",
        he_so_luong="3,66",
        ma_ngach="01.003",
        ngay_huong_luong="01/07/2015",
    )
    flags = compare_document(doc, RECORD, index=1)
    assert [(f.field, f.paper, f.electronic) for f in flags] == [("he_so_luong", "3,66", "3.33")]


def test_decision_found_despite_ocr_slip_in_number() -> None:
    doc = decision(so_ky_hieu="25/2015/QĐ-UBNO", ngay_ban_hanh="2015-06-15")
    match = find_decision(doc.fields, RECORD["quyet_dinh"])
    assert match.how == "fuzzy" and match.entry is RECORD["quyet_dinh"][0]
    low = decision(so_ky_hieu="25/2015/QĐ-UBNO")
    low.fields["so_ky_hieu"] = ExtractedField("25/2015/QĐ-UBNO", "", 0.5, 5, (0, 0, 1, 1))
    assert all(f.field != "so_ky_hieu" for f in compare_document(low, RECORD))


def test_near_number_with_another_date_is_another_decision() -> None:
    doc = decision(so_ky_hieu="103/QĐ-UBND", ngay_ban_hanh="2021-03-01")
    assert find_decision(doc.fields, RECORD["quyet_dinh"]).entry is None


def test_decision_not_in_record_is_one_flag() -> None:
    doc = decision(so_ky_hieu="77/QĐ-SNV", ngay_ban_hanh="2019-01-01", nguoi_ky="Ai Đó")
    flags = compare_document(doc, RECORD, index=3)
    assert [(f.document, f.field, f.paper, f.electronic, f.reason, f.page) for f in flags] == [
        (3, "so_ky_hieu", "77/QĐ-SNV", None, "not in the electronic record", 5)
    ]


def test_decision_without_number_found_by_date_and_type() -> None:
    doc = decision(
        ngay_ban_hanh="05/01/2020",
        loai_quyet_dinh="khen_thuong",
        nguoi_ky="Lê Văn Cường",
        co_quan_ban_hanh="ỦY BAN NHÂN DÂN TỈNH LONG AN",
    )
    flags = compare_document(doc, RECORD)
    assert [(f.field, f.reason) for f in flags] == [("so_ky_hieu", "unreadable")]


def test_khac_documents_raise_nothing() -> None:
    assert compare_document(Document("khac", [9], {}), RECORD) == []


def test_verify_json_shape() -> None:
    doc = syll(
        ho_ten="Nguyễn Thị Hương",
        ngay_sinh="1985-06-15",
        so_cccd="079185001234",
        so_bhxh="1960994846",
        gioi_tinh="Nữ",
        dan_toc="Kinh",
        he_so_luong="3.66",
    )
    result = FileResult("dossier.pdf", "abc", 2, [Document("khac", [3], {}), doc])
    out = verify(result, RECORD, MatchConfig())
    assert list(out) == ["path", "flags", "approvable"]
    assert out["path"] == "dossier.pdf" and out["approvable"] is False
    assert out["flags"] == [
        {
            "document": 1,
            "field": "ho_ten",
            "paper": "Nguyễn Thị Hương",
            "electronic": "Nguyễn Thị Hường",
            "score": out["flags"][0]["score"],
            "reason": "diacritic differs: Hương vs Hường",
            "page": 1,
            "bbox": [10, 20, 30, 40],
        }
    ]
    assert isinstance(out["flags"][0]["score"], float) and 0 < out["flags"][0]["score"] < 1


def test_verify_approvable_only_without_flags_and_errors() -> None:
    doc = syll(
        "tu_thuat",
        ho_ten="Nguyễn Thị Hường",
        ngay_sinh="1985-06-15",
        gioi_tinh="Nữ",
        so_cccd="079185001234",
        dan_toc="Kinh",
    )
    assert verify(FileResult("a.pdf", documents=[doc]), RECORD)["approvable"] is True
    broken = FileResult("a.pdf", documents=[doc], errors=["page 3: OCR timed out"])
    assert verify(broken, RECORD)["approvable"] is False


def test_unsure_long_non_core_text_near_equal_is_ocr_noise() -> None:
    record = {**RECORD, "trich_yeu": "Về việc ban hành Quy chế quản lý hồ sơ điện tử cán bộ"}
    doc = decision(
        so_ky_hieu="25/2015/QĐ-UBND", trich_yeu="Về việc ban hành Quy chế quản lý hồ sử điện tử cán bạ"
    )
    doc.fields["trich_yeu"].confidence = 0.4
    record["quyet_dinh"] = [{**RECORD["quyet_dinh"][0], "trich_yeu": record["trich_yeu"]}]
    assert all(f.field != "trich_yeu" for f in compare_document(doc, record))
    doc.fields["trich_yeu"].confidence = 0.99
    assert any(f.field == "trich_yeu" for f in compare_document(doc, record))


def test_unsure_core_field_is_still_flagged() -> None:
    doc = syll("tu_thuat", ho_ten="Nguyễn Thị Hương")
    doc.fields["ho_ten"].confidence = 0.3
    flags = [f for f in compare_document(doc, RECORD) if f.field == "ho_ten"]
    assert flags and "OCR may have misread" in flags[0].reason


def test_document_agreement_weights() -> None:
    same_doc = syll(ho_ten="Nguyễn Thị Hường", dan_toc="Kinh")
    assert document_agreement(same_doc, RECORD) == 1.0
    other = syll(ho_ten="Trần Văn Bình", dan_toc="Kinh")
    assert 0 < document_agreement(other, RECORD) < 0.7


def test_lookalike_in_raw_reading_tolerated_only_when_unsure() -> None:
    doc = syll("tu_thuat", so_cccd="07918500234")
    doc.fields["so_cccd"] = ExtractedField("07918500234", "079 185 OO1 234", 0.5, 1, (0, 0, 1, 1))
    record = {"so_cccd": "079185001234"}
    assert compare_document(doc, record) == []
    doc.fields["so_cccd"].confidence = 0.97
    assert [f.field for f in compare_document(doc, record)] == ["so_cccd"]


def test_record_entry_without_number_is_skipped() -> None:
    doc = decision(so_ky_hieu="25/2015/QĐ-UBND")
    match = find_decision(doc.fields, [{"so_ky_hieu": None}, *RECORD["quyet_dinh"]])
    assert match.how == "exact"


def test_a_witness_settles_a_difference_only_when_it_read_the_record():
    from matching.comparison import SecondLook

    result = FileResult("a.pdf", pages=2, documents=[syll(ngay_sinh="1985-06-16")])
    asked: list[tuple[str, str, str]] = []

    def witness(verdict: bool):  # type: ignore[no-untyped-def]
        def look(kind: str, key: str, f: ExtractedField, electronic: str) -> SecondLook:
            asked.append((kind, key, electronic))
            return SecondLook(verdict, "PP-OCR 0.98 for the record")

        return look

    config = MatchConfig()
    settled = verify(result, RECORD, config, witness(True))
    assert not [f for f in settled["flags"] if f["field"] == "ngay_sinh"]
    assert settled["settled"] == [{"document": 0, "field": "ngay_sinh", "paper": "1985-06-16",
                                   "electronic": "1985-06-15", "how": "PP-OCR 0.98 for the record",
                                   "page": 1, "bbox": [10, 20, 30, 40]}]  # fmt: skip
    kept = verify(result, RECORD, config, witness(False))
    flag = next(f for f in kept["flags"] if f["field"] == "ngay_sinh")
    assert flag["reason"].endswith("second reading: PP-OCR 0.98 for the record")
    assert ("date", "ngay_sinh", "1985-06-15") in asked
    assert "settled" not in verify(result, RECORD, config)  # no witness: the contract's object as is


def test_an_unsure_look_alike_is_tolerated_only_until_a_witness_can_look():
    from matching.comparison import SecondLook

    doc = decision(so_ky_hieu="25/2015/QĐ-UBND", ma_ngach="01.OO3")
    doc.fields["ma_ngach"].confidence = 0.6

    def witness(verdict: bool | None):  # type: ignore[no-untyped-def]
        def look(kind: str, key: str, f: ExtractedField, electronic: str) -> SecondLook | None:
            return None if verdict is None else SecondLook(verdict, "Tesseract re-read '01.003'")

        return look

    def flagged(**kw: Any) -> list[str]:
        return [f.reason for f in compare_document(doc, RECORD, **kw) if f.field == "ma_ngach"]

    assert flagged() == []  # no page to read again: the matcher's tolerance stands
    assert flagged(witness=witness(None)) == []  # the witness saw no reason to look
    settled: list[Any] = []
    assert flagged(witness=witness(True), settled=settled) == []
    assert [s.field for s in settled] == ["ma_ngach"]
    (reason,) = flagged(witness=witness(False))
    assert reason.startswith("differs in a look-alike character read unsurely (confidence 0.60)")
