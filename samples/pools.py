"""Value pools for synthetic officers: names, places, agencies, qualifications."""

from __future__ import annotations

from dataclasses import dataclass

HO = (
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
    "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương",
    "Lâm", "Mai", "Tạ", "Châu", "Lương", "Đoàn", "Thái", "Quách",
)  # fmt: skip
DEM_NAM = (
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Xuân",
    "Hoàng", "Anh", "Trung", "Quang", "Thành", "Đình", "Tuấn", "Hồng", "Chí",
)  # fmt: skip
DEM_NU = (
    "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Hồng", "Minh", "Kim", "Mỹ",
    "Phương", "Thùy", "Bích", "Diệu", "Hoài", "Quỳnh", "Xuân", "Tuyết", "Cẩm",
)  # fmt: skip
TEN_NAM = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh",
    "Khoa", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phát", "Phong", "Phúc", "Quân", "Quang",
    "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trí", "Trung", "Tuấn", "Tùng",
    "Việt", "Vinh", "Vũ", "Lực", "Khải", "Đông", "Triều",
)  # fmt: skip
TEN_NU = (
    "Anh", "Châu", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương",
    "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung",
    "Oanh", "Phượng", "Quyên", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân",
    "Yến", "Thư", "Nhàn", "Lụa", "Diễm", "Khuê",
)  # fmt: skip

# Real legacy (pre-2025) xã / huyện / tỉnh triples.
PLACES = (
    ("Xã Tân Phú", "Huyện Đức Hòa", "Tỉnh Long An"),
    ("Xã Mỹ Hạnh Nam", "Huyện Đức Hòa", "Tỉnh Long An"),
    ("Xã Long Hậu", "Huyện Cần Giuộc", "Tỉnh Long An"),
    ("Xã Phước Lợi", "Huyện Bến Lức", "Tỉnh Long An"),
    ("Xã Nhị Thành", "Huyện Thủ Thừa", "Tỉnh Long An"),
    ("Xã Bình Tâm", "Thành phố Tân An", "Tỉnh Long An"),
    ("Xã Phù Đổng", "Huyện Gia Lâm", "Thành phố Hà Nội"),
    ("Xã Vạn Phúc", "Huyện Thanh Trì", "Thành phố Hà Nội"),
    ("Xã Tiên Dược", "Huyện Sóc Sơn", "Thành phố Hà Nội"),
    ("Phường Dịch Vọng", "Quận Cầu Giấy", "Thành phố Hà Nội"),
    ("Xã Hải Minh", "Huyện Hải Hậu", "Tỉnh Nam Định"),
    ("Xã Giao Thiện", "Huyện Giao Thủy", "Tỉnh Nam Định"),
    ("Xã Vũ Thắng", "Huyện Kiến Xương", "Tỉnh Thái Bình"),
    ("Xã Đông Hoàng", "Huyện Tiền Hải", "Tỉnh Thái Bình"),
    ("Xã Thiệu Trung", "Huyện Thiệu Hóa", "Tỉnh Thanh Hóa"),
    ("Xã Nga Điền", "Huyện Nga Sơn", "Tỉnh Thanh Hóa"),
    ("Xã Kim Liên", "Huyện Nam Đàn", "Tỉnh Nghệ An"),
    ("Xã Diễn Thành", "Huyện Diễn Châu", "Tỉnh Nghệ An"),
    ("Xã Thạch Kim", "Huyện Lộc Hà", "Tỉnh Hà Tĩnh"),
    ("Xã Cẩm Thành", "Huyện Cẩm Xuyên", "Tỉnh Hà Tĩnh"),
    ("Xã Điện Phương", "Thị xã Điện Bàn", "Tỉnh Quảng Nam"),
    ("Xã Duy Phú", "Huyện Duy Xuyên", "Tỉnh Quảng Nam"),
    ("Xã Phước Hưng", "Huyện Tuy Phước", "Tỉnh Bình Định"),
    ("Xã Cát Hanh", "Huyện Phù Cát", "Tỉnh Bình Định"),
    ("Xã Ea Kao", "Thành phố Buôn Ma Thuột", "Tỉnh Đắk Lắk"),
    ("Xã Trường Hòa", "Thị xã Hòa Thành", "Tỉnh Tây Ninh"),
    ("Xã Bình Minh", "Thành phố Tây Ninh", "Tỉnh Tây Ninh"),
    ("Xã Tân Hương", "Huyện Châu Thành", "Tỉnh Tiền Giang"),
    ("Xã Phú Nhuận", "Thành phố Bến Tre", "Tỉnh Bến Tre"),
    ("Phường An Hòa", "Quận Ninh Kiều", "Thành phố Cần Thơ"),
    ("Xã Mỹ Hòa Hưng", "Thành phố Long Xuyên", "Tỉnh An Giang"),
    ("Xã Tân Khánh Đông", "Thành phố Sa Đéc", "Tỉnh Đồng Tháp"),
    ("Xã Hồng Việt", "Huyện Hòa An", "Tỉnh Cao Bằng"),
    ("Xã Bế Triều", "Huyện Hòa An", "Tỉnh Cao Bằng"),
    ("Xã Hoàng Đồng", "Thành phố Lạng Sơn", "Tỉnh Lạng Sơn"),
    ("Xã Phúc Xuân", "Thành phố Thái Nguyên", "Tỉnh Thái Nguyên"),
    ("Xã Chiềng Ngần", "Thành phố Sơn La", "Tỉnh Sơn La"),
    ("Xã Tân Trường", "Huyện Cẩm Giàng", "Tỉnh Hải Dương"),
    ("Xã Đình Tổ", "Huyện Thuận Thành", "Tỉnh Bắc Ninh"),
    ("Xã Hy Cương", "Thành phố Việt Trì", "Tỉnh Phú Thọ"),
    ("Xã Tịnh Khê", "Thành phố Quảng Ngãi", "Tỉnh Quảng Ngãi"),
    ("Xã Tà Nung", "Thành phố Đà Lạt", "Tỉnh Lâm Đồng"),
    ("Xã Biển Hồ", "Thành phố Pleiku", "Tỉnh Gia Lai"),
    ("Xã Tân Thạnh Đông", "Huyện Củ Chi", "Thành phố Hồ Chí Minh"),
    ("Xã Đại Tâm", "Huyện Mỹ Xuyên", "Tỉnh Sóc Trăng"),
    ("Xã Lý Văn Lâm", "Thành phố Cà Mau", "Tỉnh Cà Mau"),
)

# Legacy CCCD province code by tỉnh name in PLACES.
PROVINCE_CODE = {
    "Tỉnh Long An": "080", "Thành phố Hà Nội": "001", "Tỉnh Nam Định": "036",
    "Tỉnh Thái Bình": "034", "Tỉnh Thanh Hóa": "038", "Tỉnh Nghệ An": "040",
    "Tỉnh Hà Tĩnh": "042", "Tỉnh Quảng Nam": "049", "Tỉnh Bình Định": "052",
    "Tỉnh Đắk Lắk": "066", "Tỉnh Tây Ninh": "072", "Tỉnh Tiền Giang": "082",
    "Tỉnh Bến Tre": "083", "Thành phố Cần Thơ": "092", "Tỉnh An Giang": "089",
    "Tỉnh Đồng Tháp": "087", "Tỉnh Cao Bằng": "004", "Tỉnh Lạng Sơn": "020",
    "Tỉnh Thái Nguyên": "019", "Tỉnh Sơn La": "014", "Tỉnh Hải Dương": "030",
    "Tỉnh Bắc Ninh": "027", "Tỉnh Phú Thọ": "025", "Tỉnh Quảng Ngãi": "051",
    "Tỉnh Lâm Đồng": "068", "Tỉnh Gia Lai": "064", "Thành phố Hồ Chí Minh": "079",
    "Tỉnh Sóc Trăng": "094", "Tỉnh Cà Mau": "096",
}  # fmt: skip

# Ethnic minorities by province, for plausible non-Kinh officers.
MINORITIES = ("Tày", "Nùng", "Thái", "Mường", "Khơ-me", "Hoa", "Mông", "Dao", "Ê-đê", "Chăm")
RELIGIONS = ("Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Phật giáo Hòa Hảo")


@dataclass(frozen=True)
class Province:
    """An employing province with its place name for decisions and district names."""

    name: str  # "Long An"
    districts: tuple[str, ...]


PROVINCES = (
    Province("Long An", ("Đức Hòa", "Bến Lức", "Cần Giuộc", "Thủ Thừa")),
    Province("Tây Ninh", ("Châu Thành", "Dương Minh Châu", "Tân Biên")),
    Province("Bình Định", ("Tuy Phước", "Phù Cát", "Hoài Ân")),
    Province("Phú Thọ", ("Lâm Thao", "Thanh Ba", "Cẩm Khê")),
    Province("Cao Bằng", ("Hòa An", "Trùng Khánh", "Bảo Lạc")),
    Province("Nghệ An", ("Nam Đàn", "Diễn Châu", "Yên Thành")),
    Province("Nam Định", ("Hải Hậu", "Giao Thủy", "Nghĩa Hưng")),
)


@dataclass(frozen=True)
class Sector:
    """A kind of employer: issuing agency, units, codes and typical positions."""

    agency: str  # issuing agency line, upper case, e.g. "SỞ NỘI VỤ"
    abbr: str  # ký hiệu suffix, e.g. "SNV"
    units: tuple[str, ...]  # units where the officer works
    codes: tuple[str, ...]  # mã ngạch / mã số CDNN
    positions: tuple[str, ...]  # chức vụ when the officer holds one
    studies: tuple[str, ...]  # trình độ chuyên môn

    @property
    def name(self) -> str:
        """The agency in running text: "Sở Giáo dục và Đào tạo"."""
        return AGENCY_NAMES[self.abbr]


AGENCY_NAMES = {
    "SNV": "Sở Nội vụ", "STC": "Sở Tài chính", "SXD": "Sở Xây dựng",
    "SGDĐT": "Sở Giáo dục và Đào tạo", "SYT": "Sở Y tế",
}  # fmt: skip


SECTORS = (
    Sector(
        "SỞ NỘI VỤ", "SNV",
        ("Phòng Tổ chức, biên chế", "Phòng Công chức, viên chức", "Văn phòng Sở"),
        ("01.002", "01.003", "01.003", "01.003", "01.004", "02.007"),
        ("Phó Trưởng phòng", "Trưởng phòng", "Phó Chánh Văn phòng"),
        ("Cử nhân Luật", "Thạc sĩ Quản lý công", "Cử nhân Hành chính học", "Cử nhân Luật"),
    ),
    Sector(
        "SỞ TÀI CHÍNH", "STC",
        ("Phòng Quản lý ngân sách", "Phòng Tài chính doanh nghiệp", "Thanh tra Sở"),
        ("06.030", "06.031", "06.031", "01.003", "04.025"),
        ("Phó Trưởng phòng", "Trưởng phòng", "Phó Chánh Thanh tra"),
        ("Cử nhân Kế toán", "Thạc sĩ Tài chính - Ngân hàng", "Cử nhân Kinh tế"),
    ),
    Sector(
        "SỞ XÂY DỰNG", "SXD",
        ("Phòng Quản lý xây dựng", "Phòng Quy hoạch - Kiến trúc", "Văn phòng Sở"),
        ("01.002", "01.003", "01.003", "02.008"),
        ("Phó Trưởng phòng", "Trưởng phòng"),
        ("Kỹ sư Xây dựng", "Kiến trúc sư", "Thạc sĩ Kỹ thuật xây dựng"),
    ),
    Sector(
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT",
        ("Trường THPT Nguyễn Trãi", "Trường THPT Lê Quý Đôn", "Trường THPT Chu Văn An"),
        ("V.07.05.13", "V.07.05.14", "V.07.05.15", "V.07.05.15"),
        ("Tổ trưởng chuyên môn", "Phó Hiệu trưởng"),
        ("Cử nhân Sư phạm Toán", "Cử nhân Sư phạm Ngữ văn", "Thạc sĩ Lý luận và PPDH"),
    ),
    Sector(
        "SỞ Y TẾ", "SYT",
        ("Bệnh viện Đa khoa tỉnh", "Trung tâm Y tế huyện", "Bệnh viện Y học cổ truyền"),
        ("V.08.01.02", "V.08.01.03", "V.08.05.12", "V.08.05.11", "V.08.05.13"),
        ("Phó Trưởng khoa", "Trưởng khoa", "Điều dưỡng trưởng"),
        ("Bác sĩ Đa khoa", "Bác sĩ Chuyên khoa I Nội khoa", "Cử nhân Điều dưỡng"),
    ),
)  # fmt: skip

LY_LUAN = ("Sơ cấp", "Trung cấp", "Trung cấp", "Cao cấp", "Cử nhân")
NGOAI_NGU = (
    "Tiếng Anh B1", "Anh văn B", "Anh văn C", "Tiếng Anh B2", "Tiếng Pháp B", "Tiếng Anh A2",
)  # fmt: skip
TIN_HOC = ("Ứng dụng CNTT cơ bản", "Tin học B", "Tin học A", "Ứng dụng CNTT nâng cao")
QLNN = ("Chuyên viên", "Chuyên viên chính", "Cán sự")
THANH_PHAN = ("Nông dân", "Công nhân", "Công chức", "Cán bộ", "Tiểu thương")
NGHE_TRUOC = ("Sinh viên", "Học sinh", "Làm ruộng", "Nhân viên hợp đồng", "Giáo viên hợp đồng")
KHEN = (
    "Giấy khen của Giám đốc Sở", "Bằng khen của UBND tỉnh", "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
)  # fmt: skip
SCHOOLS = {
    "SNV": ("Học viện Hành chính Quốc gia", "Trường Đại học Luật Hà Nội",
            "Trường Đại học Luật TP. Hồ Chí Minh"),
    "STC": ("Trường Đại học Kinh tế Quốc dân", "Học viện Tài chính",
            "Trường Đại học Kinh tế TP. Hồ Chí Minh"),
    "SXD": ("Trường Đại học Xây dựng", "Trường Đại học Kiến trúc Hà Nội",
            "Trường Đại học Bách khoa Đà Nẵng"),
    "SGDĐT": ("Trường Đại học Sư phạm Hà Nội", "Trường Đại học Sư phạm Huế",
              "Trường Đại học Cần Thơ", "Trường Đại học Vinh"),
    "SYT": ("Trường Đại học Y Hà Nội", "Trường Đại học Y Dược Huế",
            "Trường Đại học Y Dược Cần Thơ", "Trường Đại học Điều dưỡng Nam Định"),
}  # fmt: skip
