"""A ngạch's name and mã số settle each other through the catalog, only where one half is unsure."""

from hoso.result import ExtractedField
from ocr.extract.ngach import settle_ngach


def pair(code: str, code_conf: float, name: str, name_conf: float) -> dict[str, ExtractedField]:
    return {
        "ma_ngach": ExtractedField(code, code, code_conf, 1, (0, 0, 1, 1)),
        "ngach": ExtractedField(name, name, name_conf, 1, (0, 0, 1, 1)),
    }


def values(fields: dict[str, ExtractedField]) -> tuple[str, str]:
    return fields["ma_ngach"].value, fields["ngach"].value


def test_unknown_unsure_code_takes_the_one_code_whose_name_is_on_the_paper():
    assert values(settle_ngach(pair("V.0H.05.12", 0.74, "Điều dưỡng hạng III", 0.95))) == (
        "V.08.05.12", "Điều dưỡng hạng III"
    )


def test_unsure_name_takes_the_catalog_name_of_a_sure_code():
    assert values(settle_ngach(pair("01.003", 0.96, "(huyện viên", 0.5))) == ("01.003", "Chuyên viên")
    assert values(settle_ngach(pair("V.08.05.12", 0.97, "Điều dưỡng hạng II", 0.54))) == (
        "V.08.05.12", "Điều dưỡng hạng III"
    )


def test_confident_readings_and_far_names_stay_as_read():
    # both sure: the paper may pair them wrongly, and the matcher must see it
    assert values(settle_ngach(pair("01.003", 0.97, "Chuyên viên chính", 0.97))) == ("01.003", "Chuyên viên chính")
    # the name is far from the code's name: not a misread of it
    assert values(settle_ngach(pair("01.003", 0.97, "Kế toán viên", 0.5))) == ("01.003", "Kế toán viên")
    # an unknown code whose neighbours' names are not the name read: left for the reviewer
    assert values(settle_ngach(pair("01.0O3", 0.6, "Thanh tra viên", 0.95))) == ("01.0O3", "Thanh tra viên")
    # a code read confidently is never moved, known or not
    assert values(settle_ngach(pair("01.099", 0.95, "Chuyên viên", 0.95))) == ("01.099", "Chuyên viên")


def test_one_half_missing_changes_nothing():
    only = {"ngach": ExtractedField("(huyện viên", "", 0.5, 1, (0, 0, 1, 1))}
    assert settle_ngach(only) == only


def test_a_code_with_spaces_for_dots_is_the_catalog_code():
    fields = {"ma_ngach": ExtractedField("V.08 01 02", "V.08 01 02", 0.92, 1, (0, 0, 1, 1))}
    assert settle_ngach(fields)["ma_ngach"].value == "V.08.01.02"


def test_a_code_with_a_comma_for_a_dot_is_the_catalog_code():
    fields = {"ma_ngach": ExtractedField("01,003", "01,003", 0.95, 1, (0, 0, 1, 1))}
    assert settle_ngach(fields)["ma_ngach"].value == "01.003"


def test_a_zero_read_as_a_letter_is_a_zero_when_the_name_agrees():
    assert values(settle_ngach(pair("V.Ø7.05.15", 0.9, "Giáo viên trung học phổ thông hạng III", 0.9)))[0] == "V.07.05.15"
    assert values(settle_ngach(pair("V,08.0S.11", 0.69, "Điều dưỡng hạng II", 0.9)))[0] == "V.08.05.11"  # S for 5
    assert values(settle_ngach(pair("V,08.0S.11", 0.69, "Chuyên viên", 0.9)))[0] == "V,08.0S.11"  # name disagrees


def test_a_code_label_swallowed_by_the_name_gives_the_name_back_and_the_code():
    name = "Chuyên viên chính Mã số ;: 01.002"
    fields = {"ngach": ExtractedField(name, name, 0.65, 1, (0, 0, 1, 1))}
    assert values(settle_ngach(fields)) == ("01.002", "Chuyên viên chính")
    name = "Chuyên viên {mã số: 01.003"
    fields = {"ngach": ExtractedField(name, name, 0.63, 1, (0, 0, 1, 1))}
    assert values(settle_ngach(fields)) == ("01.003", "Chuyên viên")  # the bracket and a lower-case label
    name = "Điều dưỡng hạng III Mã s: V.08.05.12"
    read = pair("V.08.05.12", 0.9, name, 0.57)
    assert values(settle_ngach(read)) == ("V.08.05.12", "Điều dưỡng hạng III")  # the code read on its own stays


def _salary(he_so: str, conf: float, bac: str = "6") -> dict[str, ExtractedField]:
    return {
        "ma_ngach": ExtractedField("V.07.05.13", "V.07.05.13", 0.95, 1, (0, 0, 1, 1)),  # group A2.1
        "bac_luong": ExtractedField(bac, bac, 0.95, 1, (0, 0, 1, 1)),
        "he_so_luong": ExtractedField(he_so, he_so, conf, 1, (0, 0, 1, 1)),
    }


def test_an_unsure_he_so_no_bac_has_takes_the_one_its_bac_gives():
    from hoso.catalog import he_so_for

    right = str(he_so_for("V.07.05.13", 6))
    misread = right[:-1] + ("0" if right[-1] != "0" else "1")  # the last digit lost on a fax
    assert settle_ngach(_salary(misread, 0.68))["he_so_luong"].value == right
    assert settle_ngach(_salary(misread, 0.97))["he_so_luong"].value == misread  # read surely: the paper's
    other = str(he_so_for("V.07.05.13", 5))
    assert settle_ngach(_salary(other, 0.5))["he_so_luong"].value == other  # a table value: the paper disagrees


def test_a_garbled_code_beside_a_sure_name_is_the_names_one_code():
    assert values(settle_ngach(pair("U15", 0.14, "Chuyên viên", 0.96))) == ("01.003", "Chuyên viên")
    assert values(settle_ngach(pair("U15", 0.6, "Chuyên viên", 0.96))) == ("U15", "Chuyên viên")  # a reading
    assert values(settle_ngach(pair("U15", 0.14, "Chuyên viên", 0.7))) == ("U15", "Chuyên viên")  # name unsure
