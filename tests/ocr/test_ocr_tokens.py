import pytest

from ocr.engine.tokens import strip_leader_dots


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("NGUYỄN……", "NGUYỄN"),
        ("……AN", "AN"),
        ("....Kinh.....", "Kinh"),
        ("15.06.1985", "15.06.1985"),
        ("15.06.1985…", "15.06.1985"),
        ("A.", "A."),
        ("…", ""),
    ],
)
def test_strip_leader_dots(raw: str, clean: str) -> None:
    assert strip_leader_dots(raw) == clean
