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
    assert fix_hang_numeral("Giáo viên trung học phổ thông hạng HII") == "Giáo viên trung học phổ thông hạng III"
    assert fix_hang_numeral("Điều dưỡng hạng lV") == "Điều dưỡng hạng IV"
    assert fix_hang_numeral("Chuyên viên") == "Chuyên viên"
