"""The 2025 province mergers (NQ 202/2025/QH15, DOMAIN.md §4) as data: old province → new province."""

from __future__ import annotations

from typing import Final

from hoso.normalize.text import fold_ascii

# New province (effective 01/7/2025) ← its constituents, names as written without "Tỉnh"/"TP".
MERGERS: Final[dict[str, tuple[str, ...]]] = {
    "Tuyên Quang": ("Hà Giang", "Tuyên Quang"),
    "Lào Cai": ("Lào Cai", "Yên Bái"),
    "Thái Nguyên": ("Thái Nguyên", "Bắc Kạn"),
    "Phú Thọ": ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    "Bắc Ninh": ("Bắc Ninh", "Bắc Giang"),
    "Hưng Yên": ("Hưng Yên", "Thái Bình"),
    "Hải Phòng": ("Hải Phòng", "Hải Dương"),
    "Ninh Bình": ("Ninh Bình", "Hà Nam", "Nam Định"),
    "Quảng Trị": ("Quảng Trị", "Quảng Bình"),
    "Đà Nẵng": ("Đà Nẵng", "Quảng Nam"),
    "Quảng Ngãi": ("Quảng Ngãi", "Kon Tum"),
    "Gia Lai": ("Gia Lai", "Bình Định"),
    "Khánh Hòa": ("Khánh Hòa", "Ninh Thuận"),
    "Lâm Đồng": ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    "Đắk Lắk": ("Đắk Lắk", "Phú Yên"),
    "Hồ Chí Minh": ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    "Đồng Nai": ("Đồng Nai", "Bình Phước"),
    "Tây Ninh": ("Tây Ninh", "Long An"),
    "Cần Thơ": ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    "Vĩnh Long": ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    "Đồng Tháp": ("Đồng Tháp", "Tiền Giang"),
    "Cà Mau": ("Cà Mau", "Bạc Liêu"),
    "An Giang": ("An Giang", "Kiên Giang"),
}
UNCHANGED: Final[tuple[str, ...]] = (
    "Hà Nội", "Huế", "Cao Bằng", "Điện Biên", "Lai Châu", "Sơn La", "Lạng Sơn",
    "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
)  # fmt: skip
# Other spellings of a province name (folded form → canonical folded form).
_ALIASES: Final[dict[str, str]] = {
    "hcm": "ho chi minh", "tphcm": "ho chi minh", "tp hcm": "ho chi minh", "sai gon": "ho chi minh",
    "thua thien hue": "hue", "thua thien - hue": "hue", "ba ria vung tau": "ba ria - vung tau",
    "ba ria-vung tau": "ba ria - vung tau", "brvt": "ba ria - vung tau", "ha noi": "ha noi",
    "dak lak": "dak lak", "dak nong": "dak nong", "bac can": "bac kan",
}  # fmt: skip


def province_key(name: str) -> str:
    """Diacritic-free lower-case key of a province name ("TP. Hồ Chí Minh" → "ho chi minh")."""
    key = " ".join(fold_ascii(name).replace(".", " ").split())
    for prefix in ("tinh ", "thanh pho ", "tp "):
        if key.startswith(prefix) and key != "tp hcm":
            key = key[len(prefix) :]
    return _ALIASES.get(key, key)


_NEW_OF: Final[dict[str, str]] = {
    province_key(old): province_key(new) for new, olds in MERGERS.items() for old in olds
} | {province_key(p): province_key(p) for p in UNCHANGED}


def is_province(name: str) -> bool:
    """True for any of the 63 legacy or 34 current province names."""
    return province_key(name) in _NEW_OF


def new_province(name: str) -> str | None:
    """The folded key of the province a (possibly old) province belongs to since 01/7/2025."""
    return _NEW_OF.get(province_key(name))


def same_province(paper: str, electronic: str) -> bool | None:
    """True if equal or one is the other's post-2025 province; None if either is no province name."""
    a, b = province_key(paper), province_key(electronic)
    if a == b:
        return True
    if a not in _NEW_OF or b not in _NEW_OF:
        return None
    return _NEW_OF[a] == b or _NEW_OF[b] == a


def merged(paper: str, electronic: str) -> bool:
    """True when the two names differ and are related only through the 2025 merger."""
    return province_key(paper) != province_key(electronic) and bool(same_province(paper, electronic))
