from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hoso.fields import FieldKind
from hoso.normalize import fold_address, normalize, parse_date

TODAY = date(2026, 11, 29)
SYLLABLES = [
    "nguyễn",
    "trần",
    "lê",
    "phạm",
    "hoàng",
    "huỳnh",
    "võ",
    "đặng",
    "bùi",
    "đỗ",
    "hồ",
    "ngô",
    "thị",
    "văn",
    "minh",
    "khai",
    "hòa",
    "hoà",
    "thuý",
    "thúy",
    "khoẻ",
    "quý",
    "đức",
    "ánh",
    "tuyết",
    "xuân",
    "phú",
    "long",
    "an",
    "tân",
    "ÐỨC",
    "HOÀ",
    "NGUYỄN",
]
NOISE = st.sampled_from(["", " ", "  ", "……", "....", ". . .", "___", ",", ".", ";"])
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


def _phrase(words: list[str], sep: str) -> str:
    return sep.join(words)


words = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=5)
spaced_text = st.builds(
    lambda pre, ws, sep, post: pre + _phrase(ws, sep) + post,
    NOISE,
    words,
    st.sampled_from([" ", "  ", " \t "]),
    NOISE,
)


@given(spaced_text, st.sampled_from(["name", "text", "address", "enum"]))
def test_text_kinds_are_idempotent(raw: str, kind: FieldKind) -> None:
    once = normalize(kind, raw, key="dan_toc")
    assert once is not None
    assert normalize(kind, once, key="dan_toc") == once
    assert "  " not in once and once == once.strip()


@given(st.lists(spaced_text, min_size=1, max_size=4))
def test_address_is_idempotent_and_fold_is_stable(parts: list[str]) -> None:
    once = normalize("address", ", ".join(parts))
    assert once is not None
    assert normalize("address", once) == once
    assert fold_address(fold_address(once)) == fold_address(once)


@given(st.decimals(min_value=0, max_value=99, places=2, allow_nan=False), st.sampled_from([",", ".", ", "]))
def test_decimal_round_trips(value: object, sep: str) -> None:
    raw = f"{value:.2f}".replace(".", sep)
    once = normalize("decimal", raw)
    assert once == f"{value:.2f}"
    assert normalize("decimal", once) == once


@given(st.integers(min_value=0, max_value=99), st.sampled_from(["{}", "0{}", "bậc {}", "{}/9", "Bậc: {}"]))
def test_int_round_trips(n: int, template: str) -> None:
    once = normalize("int", template.format(n))
    assert once == str(n)
    assert normalize("int", once) == once


@given(st.text(alphabet="0123456789", min_size=9, max_size=12), st.sampled_from(["", " ", "."]))
def test_digits_keep_leading_zeros(digits: str, sep: str) -> None:
    raw = sep.join(digits[i : i + 3] for i in range(0, len(digits), 3))
    assert normalize("digits", raw) == digits
    assert normalize("digits", digits) == digits


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["", "2015 / "]),
    st.sampled_from(["QĐ", "QÐ", "TTr", "HD"]),
    st.sampled_from(["UBND", "SNV", "UBND - VX"]),
    st.sampled_from(["/", " / "]),
)
def test_code_is_idempotent(number: int, year: str, kind: str, agency: str, slash: str) -> None:
    once = normalize("code", f"{number}{slash}{year}{kind} - {agency}")
    assert once is not None and " " not in once and "Ð" not in once
    assert normalize("code", once) == once


FULL_FORMATS = [
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day} / {d.month:02d} / {d.year}",
    lambda d: f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
    lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    lambda d: f"{d.day:02d} tháng {d.month:02d} năm {d.year}",
    lambda d: f"Sinh ngày: {d.day} tháng {d.month} năm {d.year}",
    lambda d: f"NGÀY {d.day:02d} THÁNG {d.month:02d} NĂM {d.year}",
    lambda d: f"…… {d.day:02d}/{d.month:02d}/{d.year} ……",
    lambda d: d.isoformat(),
]
MONTH_FORMATS = [
    lambda d: f"{d.month:02d}/{d.year}",
    lambda d: f"{d.month}/{d.year}",
    lambda d: f"T{d.month}/{d.year}",
    lambda d: f"tháng {d.month:02d}/{d.year}",
    lambda d: f"từ tháng {d.month}/{d.year}",
    lambda d: f"tháng {d.month} năm {d.year}",
    lambda d: f"{d.year}-{d.month:02d}",
]


@given(DATES, st.sampled_from(FULL_FORMATS))
def test_full_dates_round_trip(d: date, fmt: object) -> None:
    raw = fmt(d)  # type: ignore[operator]
    assert parse_date(raw, TODAY) == d.isoformat()
    assert normalize("date", d.isoformat(), today=TODAY) == d.isoformat()


@given(DATES, st.sampled_from(MONTH_FORMATS))
def test_month_dates_round_trip(d: date, fmt: object) -> None:
    expected = f"{d.year:04d}-{d.month:02d}"
    assert parse_date(fmt(d), TODAY) == expected  # type: ignore[operator]
    assert parse_date(expected, TODAY) == expected


@given(DATES)
def test_year_only_round_trips(d: date) -> None:
    assert parse_date(str(d.year), TODAY) == str(d.year)


@given(st.dates(min_value=date(1927, 1, 1), max_value=date(2026, 12, 31)), st.booleans())
def test_two_digit_years_round_trip_within_the_window(d: date, full: bool) -> None:
    yy = d.year % 100
    if full:
        assert parse_date(f"{d.day}/{d.month}/{yy:02d}", TODAY) == d.isoformat()
    else:
        assert parse_date(f"{d.month}/{yy:02d}", TODAY) == f"{d.year}-{d.month:02d}"
