"""Unsure diacritics inside the known vocabulary of dossier values."""

from ocr.extract.phrases import settle_phrases
from ocr.model import Word


def words(text: str, conf: float = 0.8) -> list[Word]:
    return [Word(t, (i * 100, 0, i * 100 + 90, 40), conf) for i, t in enumerate(text.split())]


def text(ws: list[Word]) -> str:
    return " ".join(w.text for w in ws)


def test_unsure_marks_in_known_phrases_are_set_right():
    assert text(settle_phrases(words("Sớ Xây dựng tình Nghệ An"))) == "Sở Xây dựng tỉnh Nghệ An"
    assert text(settle_phrases(words("Xã Tiên Dược, Huyền Sóc Sơn, Thành phố Hà Nội"))) == (
        "Xã Tiên Dược, Huyện Sóc Sơn, Thành phố Hà Nội"
    )
    assert text(settle_phrases(words("Trướng khoa Ngoại"))) == "Trưởng khoa Ngoại"
    assert text(settle_phrases(words("Phó Chánh Văn phòng Sớ", 0.7))) == "Phó Chánh Văn phòng Sở"
    assert text(settle_phrases(words("Cử nhãn Điều dưỡng"))) == "Cử nhân Điều dưỡng"
    assert text(settle_phrases(words("Tỉnh Thai Nguyên"))) == "Tỉnh Thái Nguyên"
    assert text(settle_phrases(words("TỈNH THAI NGUYÊN"))) == "TỈNH THÁI NGUYÊN"


def test_confident_words_and_unknown_words_are_kept():
    assert text(settle_phrases(words("Sớ Xây dựng", conf=0.99))) == "Sớ Xây dựng"
    assert text(settle_phrases(words("Số 4, đường Lê Lợi"))) == "Số 4, đường Lê Lợi"  # số ≠ sở
    # an administrative prefix only where an address part starts: "Huyền" inside a place name stays
    assert text(settle_phrases(words("Xã Huyền Hội, Huyền Càng Long"))) == "Xã Huyền Hội, Huyện Càng Long"


def test_punctuation_around_a_word_is_kept():
    assert text(settle_phrases(words("Huyền, Tình."))) == "Huyện, Tỉnh."


def test_a_phrase_of_several_words_corrects_a_fairly_confident_word():
    ws = words("Cử nhân Điều") + [Word("dường", (400, 0, 490, 40), 0.97)]
    assert text(settle_phrases(ws)) == "Cử nhân Điều dưỡng"
    lone = [Word("Sớ", (0, 0, 90, 40), 0.97)] + words("Nội vụ", conf=0.99)
    assert text(settle_phrases(lone)) == "Sở Nội vụ"
    assert text(settle_phrases(words("Tin học À"))) == "Tin học A"


def test_closed_lists_and_hang_numerals():
    from ocr.extract.phrases import fix_hang_numeral, settle_closed_value

    assert settle_closed_value("ton_giao", "Tĩn lành", 0.57) == "Tin lành"
    assert settle_closed_value("dan_toc", "Tảy", 0.6) == "Tày"
    assert settle_closed_value("dan_toc", "Tảy", 0.995) == "Tảy"  # read sure: the paper says so
    assert settle_closed_value("ho_ten", "Tĩn", 0.1) == "Tĩn"  # only closed lists
    assert (
        fix_hang_numeral("Giáo viên trung học phổ thông hạng HII") == "Giáo viên trung học phổ thông hạng III"
    )
    assert fix_hang_numeral("Điều dưỡng hạng lV") == "Điều dưỡng hạng IV"
    assert fix_hang_numeral("Điều dưỡng hạng HI") == "Điều dưỡng hạng III"  # H: two I's run together
    assert fix_hang_numeral("Điều dưỡng hạng H") == "Điều dưỡng hạng II"
    assert fix_hang_numeral("Giáo viên trung học phổ thông hạng. II") == "Giáo viên trung học phổ thông hạng II"
    assert fix_hang_numeral("Chuyên viên") == "Chuyên viên"


# --- small damage beyond marks in values made of known vocabulary -------------------------------


def fuzzy(value: str, conf: float = 0.8, *, printed: bool = False) -> str:
    return text(settle_phrases(words(value, conf), fuzzy=True, printed=printed))


def test_an_agency_a_letter_off_takes_the_known_spelling_in_the_papers_case():
    assert fuzzy("SỬ GIÁO DỤC VÀ ĐÀO TẠO", 0.97, printed=True) == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert fuzzy("SỬ NỘI VỤ", 0.97, printed=True) == "SỞ NỘI VỤ"
    assert fuzzy("Sử Giáo dục và Đào tạo tỉnh Long An") == "Sở Giáo dục và Đào tạo tỉnh Long An"
    # read confidently, but "tỉnh" and "An" agree with the province and only one letter differs
    assert fuzzy("Sở Tài chính tỉnh Lang An", 0.97) == "Sở Tài chính tỉnh Long An"
    assert fuzzy("Phòng Tổ chức, biên chế, Sở Nội vụ tỉnh Lang An") == (
        "Phòng Tổ chức, biên chế, Sở Nội vụ tỉnh Long An"
    )
    assert fuzzy("Tế trưởng chuyên môn") == "Tổ trưởng chuyên môn"


def test_a_printed_header_outweighs_confidence_on_its_marks():
    header = "ỦY BAN NHÂN DÂN TỈNH BINH ĐỊNH"
    assert fuzzy(header, 0.995, printed=True) == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"
    assert fuzzy(header, 0.995) == header  # a filled-in value read this surely stays as read


def test_common_glyph_confusions_are_undone_inside_known_phrases():
    assert fuzzy("(huyện viên") == "Chuyên viên"  # C read as "("
    assert fuzzy("Cử nhân [.uật") == "Cử nhân Luật"  # L read as "[."
    assert fuzzy("Cử nhân I.uật") == "Cử nhân Luật"
    assert fuzzy("Ilành chính") == "Hành chính"  # H read as "Il"
    assert fuzzy("Giáo viên mầrn non") == "Giáo viên mầm non"  # m read as "rn"
    assert fuzzy("Ứng dụng CNTTT cơ bản", 0.97) == "Ứng dụng CNTT cơ bản"  # a stuttered acronym
    assert fuzzy("in học A", 0.2) == "Tin học A"  # the value's lost first letter was a capital


def test_a_lost_or_stray_space_splits_or_joins_words_with_their_boxes():
    split = settle_phrases(words("Trungcấp"), fuzzy=True)
    assert [(w.text, w.bbox) for w in split] == [("Trung", (0, 0, 54, 40)), ("cấp", (54, 0, 90, 40))]
    joined = settle_phrases(words("SỞ GIÁO DỤC VÀ Đ ÀO TẠO", 0.99), fuzzy=True, printed=True)
    assert text(joined) == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert joined[4].bbox == (400, 0, 590, 40)


def test_a_real_different_value_is_never_pulled_to_a_known_phrase():
    for value in (
        "Sở Ngoại vụ tỉnh Hà Nam",  # a department of its own, two letters from "Nội vụ"
        "UBND thành phố Đà Lạt",  # two letters from "thành phố Đắk Lắk", three from "Đà Nẵng"
        "UBND huyện Thanh Trì",  # a short phrase a letter off ("thanh tra") among unknown words
        "Trường THCS Thanh Trì, Phòng Giáo dục",
        "Bác sỹ Đa khoa",  # sỹ / sĩ: both correct spellings
        "Phó Chánh Thanh tra Sở",
        "Xyz abc",
    ):
        for conf in (0.5, 0.97):
            assert fuzzy(value, conf) == value


def test_a_confident_word_alone_stays_as_read():
    assert fuzzy("Tiếng Anl", 0.7) == "Tiếng Anh"
    assert fuzzy("Tiếng Anl", 0.99) == "Tiếng Anl"  # one word agreeing is no phrase-level evidence
    assert fuzzy("Kế toán viện", 0.995) == "Kế toán viện"


def test_names_are_not_vocabulary():
    for name in ("Trương Hồng Liên", "Nguyễn Văn Lang", "Huỳnh Trung Thành Trí"):
        assert fuzzy(name, 0.97) == name


def test_closed_lists_take_an_entry_a_letter_or_two_away():
    from ocr.extract.phrases import settle_closed_value

    assert settle_closed_value("ton_giao", "Hông", 0.964) == "Không"
    assert settle_closed_value("ton_giao", "Iir lành", 0.92) == "Tin lành"
    assert settle_closed_value("ton_giao", "Hông", 0.995) == "Hông"  # read sure: the paper says so
    assert settle_closed_value("dan_toc", "Meng", 0.5) == "Meng"  # as near to Mông as to Mảng


def test_a_closed_list_entry_followed_by_junk_is_the_entry():
    from ocr.extract.phrases import settle_closed_words

    def closed(key: str, ws: list[Word]) -> str:
        return text(settle_closed_words(key, ws))

    assert closed("dan_toc", words("Kinh . 2", 0.9)) == "Kinh"  # marks without letters
    tail = [Word("¬", (100, 0, 120, 40), 0.2), Word("ằ", (130, 0, 150, 40), 0.05)]
    assert closed("dan_toc", words("Kinh", 0.9) + tail) == "Kinh"
    smudge = [Word("Đàn", (100, 0, 190, 40), 0.2), Word("ng", (200, 0, 240, 40), 0.1)]
    assert closed("ton_giao", words("Không", 0.95) + smudge) == "Không"  # a low-confidence tail
    assert closed("ton_giao", words("Không theo đạo", 0.95)) == "Không theo đạo"  # words read well
    assert closed("ho_ten", words("Kinh . 2", 0.9)) == "Kinh . 2"  # only closed lists


def test_after_a_garbled_list_of_examples_the_value_is_the_last_entry():
    from ocr.extract.phrases import closed_tail

    read = words('œ›", tay. Móng Ê đc y Kính', 0.5)  # "(Kinh, Tày, Mông, Ê đê…): Kinh" on a fax
    assert text(closed_tail("dan_toc", read)) == "Kính"
    assert text(closed_tail("dan_toc", words("Mường", 0.9))) == "Mường"
    assert text(closed_tail("dan_toc", words("œ›", 0.1))) == "œ›"  # nothing to find: as read


def test_roman_i_with_a_speck_is_still_a_hang():
    from ocr.extract.phrases import fix_hang_numeral

    assert fix_hang_numeral("Giáo viên trung học phổ thông hạng Ï") == "Giáo viên trung học phổ thông hạng I"


def test_syll_fields_settle_their_vocabulary_but_not_the_name():
    from ocr.extract import syll
    from tests.ocr.wordfactory import lines_from_text

    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh (viết chữ in hoa): TRƯƠNG HỒNG LIÊN ………… Giới tính: Nữ",
        "6) Dân tộc: Kinh . 2 ……………………………………",
        "7) Tôn giáo: Hông ……………………………",
        "13) Ngày được tuyển dụng lần đầu: 01/09/2008 Cơ quan, tổ chức, đơn vị tuyển dụng: Sử Nội vụ tỉnh Long An",
        "20) Trình độ chuyên môn cao nhất: Cử nhân [.uật ……………",
        "23) Chức vụ hiện tại: (huyện viên ……………",
    ]
    got = {k: f.value for k, f in syll.extract_fields(lines_from_text(rows, conf=0.9), "tt06_2023").items()}
    assert got["ho_ten"] == "Trương Hồng Liên"
    assert got["dan_toc"] == "Kinh"
    assert got["ton_giao"] == "Không"
    assert got["co_quan_tuyen_dung"] == "Sở Nội vụ tỉnh Long An"
    assert got["trinh_do_chuyen_mon"] == "Cử nhân Luật"
    assert got["chuc_vu"] == "Chuyên viên"


def test_decision_header_settles_a_misread_agency():
    from ocr.extract import quyet_dinh
    from tests.ocr.wordfactory import lines_from_text

    rows = [
        "ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH BINH ĐỊNH   Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-UBND   Bình Định, ngày 05 tháng 07 năm 2024",
        "QUYẾT ĐỊNH",
    ]
    lines = lines_from_text(rows, conf=0.99, column_x={2: 200})
    got = quyet_dinh.extract_fields([(lines, 2480)])
    assert got["co_quan_ban_hanh"].value == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"


def test_ly_luan_level_is_a_closed_list_spaces_lost_or_a_letter_damaged() -> None:
    from ocr.extract.phrases import settle_closed_words
    from ocr.model import Word

    def settled(text: str, conf: float = 0.7) -> str:
        words = [Word(t, (10 * i, 0, 10 * i + 8, 10), conf) for i, t in enumerate(text.split())]
        return " ".join(w.text for w in settle_closed_words("ly_luan_chinh_tri", words))

    assert settled("Sơcấp") == "Sơ cấp"  # the space lost
    assert settled("Sơưấp") == "Sơ cấp"  # and a letter damaged
    assert settled("Trung cắp") == "Trung cấp"
    assert settled("Cao cấp lý luận chính trị") == "Cao cấp lý luận chính trị"  # "tương đương": as written
    assert settled("Cử nhân chính trị") == "Cử nhân chính trị"
    assert settled("Sơcấp", 0.995) == "Sơcấp"  # read sure: the paper says so


def test_glyph_confusions_at_the_start_of_a_word_are_undone():
    from ocr.extract.phrases import repair_glyphs

    assert repair_glyphs("[uật") == "Luật"  # no word opens with a bracket
    assert repair_glyphs("IIuyện") == "Huyện"
    assert repair_glyphs("IHIải") == "Hải"
    assert repair_glyphs("Iiuyện") == "Huyện"
    assert repair_glyphs("Iir") == "Iir"  # an H opens a vowel: this is "Tin" damaged, not an H
    assert not repair_glyphs("III").startswith("H")  # a roman numeral is no H


def test_signs_inside_a_word_are_specks_to_the_phrase_match():
    words = [Word(t, (50 * i, 0, 50 * i + 40, 20), c) for i, (t, c) in
             enumerate([("S%#", 0.3), ("Nội", 0.9), ("vụ", 0.9), ("tỉnh", 0.9), ("Phú", 0.9), ("Thọ", 0.9)])]  # fmt: skip
    assert " ".join(w.text for w in settle_phrases(words, fuzzy=True)) == "Sở Nội vụ tỉnh Phú Thọ"


def test_a_t_read_as_a_tick_and_a_stem_is_a_t():
    from ocr.extract.phrases import repair_glyphs

    assert repair_glyphs("'[ân") == "Tân"
    assert repair_glyphs("'Lrường") == "Trường"


def test_a_phrase_with_a_number_slot_takes_only_its_words_marks():
    # "Sở" is an agency only before a department; before a house number it is "Số"
    assert text(settle_phrases(words("Sở 1, đường 39/4, Phường 4"))) == "Số 1, đường 39/4, Phường 4"
    assert text(settle_phrases(words("SỞ 152, đường Nguyễn Huệ"))) == "SỐ 152, đường Nguyễn Huệ"
    assert text(settle_phrases(words("Sở Tài chính"))) == "Sở Tài chính"
    assert text(settle_phrases(words("Số nhà A5"), 0.7)) == "Số nhà A5"  # no number: no phrase
    assert text(settle_phrases(words("Sớ nhà 5, Phường 2", 0.7), fuzzy=True)) == "Số nhà 5, Phường 2"


def test_a_province_prefix_is_only_taken_where_a_province_stands():
    # Tịnh Khê is a xã: a part with two more after it is no province, whatever its first word folds to
    assert text(settle_phrases(words("Tịnh Khê, Quảng Ngãi, Quảng Ngãi"))) == "Tịnh Khê, Quảng Ngãi, Quảng Ngãi"
    assert text(settle_phrases(words("Xã Tịnh Khê, Huyện Sơn Tịnh, Tình Quảng Ngãi"))) == (
        "Xã Tịnh Khê, Huyện Sơn Tịnh, Tỉnh Quảng Ngãi"
    )
