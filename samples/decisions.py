"""Seeded random decisions (quyết định) about one officer, with their truth fields."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from hoso import catalog
from samples import fmt
from samples.citations import cite
from samples.values import (
    TODAY,
    Officer,
    add_years,
    first_of_month,
    make_name,
    post_for,
    rand_date,
    title_at,
)

TYPES = ("nang_luong", "bo_nhiem_ngach", "tuyen_dung", "bo_nhiem", "dieu_dong", "khen_thuong",
         "ky_luat", "nghi_huu", "chuyen_ngach", "thang_hang", "khac")  # fmt: skip
WEIGHTS = (6, 2, 2, 2, 2, 2, 1, 1, 1, 2, 1)

@dataclass
class Decision:
    """One decision as printed, plus the normalized truth of its fields."""

    loai: str
    so_ky_hieu: str
    parent: str | None
    agency: str
    dia_danh: str
    ngay: date
    trich_yeu: str
    authority: str
    can_cu: list[str]
    articles: list[str]
    noi_nhan: list[str]
    sign_lines: list[str]
    nguoi_ky: str
    truth: dict[str, str] = field(default_factory=dict)


def _workday(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def _when(rng: random.Random, d: date) -> str:
    return fmt.paper_date(d, "dd/mm/yyyy") if rng.random() < 0.6 else fmt.words_date(d, False)


def _salary_text(code: str, bac: int, he_so: Decimal, vc: bool) -> str:
    kind = "chức danh nghề nghiệp" if vc else "ngạch"
    name = catalog.ngach_name(code)
    return f"{kind} {name} (mã số {code}), bậc {bac}, hệ số {fmt.comma(he_so)}"


def _salary_truth(code: str, bac: int, he_so: Decimal, huong: date) -> dict[str, str]:
    return {"ngach": catalog.ngach_name(code) or "", "ma_ngach": code, "bac_luong": str(bac),
            "he_so_luong": fmt.dec(he_so), "ngay_huong_luong": fmt.iso(huong)}  # fmt: skip


def _body(rng: random.Random, o: Officer, loai: str, when: date) -> tuple[str, list[str], dict[str, str]]:  # noqa: E501
    """Trích yếu, Điều 1–2 and the type-specific truth of one decision."""
    vc = o.ma_ngach.startswith("V")
    who = "viên chức" if vc else "công chức"
    title = "Ông" if o.gioi_tinh == "Nam" else "Bà"
    person = f"{title} {o.ho_ten}"
    t: dict[str, str] = {"ho_ten": o.ho_ten}
    if rng.random() < 0.5:
        person += f", sinh ngày {fmt.paper_date(o.ngay_sinh, 'dd/mm/yyyy')}"
        t["ngay_sinh"] = fmt.iso(o.ngay_sinh)
    person += f", {title_at(o)}"
    top = catalog.max_bac(o.ma_ngach) or 2
    later = "Thời gian xét nâng bậc lương lần sau được tính kể từ ngày"
    if loai == "nang_luong":
        new = max(2, min(o.bac, top))
        old_hs, new_hs = catalog.he_so_for(o.ma_ngach, new - 1), catalog.he_so_for(o.ma_ngach, new)
        assert old_hs and new_hs
        kind = "chức danh nghề nghiệp" if vc else "ngạch"
        if rng.random() < 0.5:
            art = (f"Nâng bậc lương thường xuyên đối với {person}, từ bậc {new - 1}, hệ số "
                   f"{fmt.comma(old_hs)} lên bậc {new}, hệ số {fmt.comma(new_hs)} "
                   f"{kind} {o.ngach} (mã số {o.ma_ngach}) kể từ {_when(rng, when)}.")  # fmt: skip
        else:  # Thông tư 03/2021 shape: the ngạch first, bậc as "n/of", the date leading the grant
            art = (f"Nâng bậc lương thường xuyên đối với {person}. {kind.capitalize()}: {o.ngach}, "
                   f"mã số {o.ma_ngach}. Kể từ {_when(rng, when)}, được nâng từ bậc {new - 1}/{top}, "
                   f"hệ số {fmt.comma(old_hs)} lên bậc {new}/{top}, hệ số {fmt.comma(new_hs)}.")
        t |= _salary_truth(o.ma_ngach, new, new_hs, when)
        return (f"Về việc nâng bậc lương thường xuyên đối với {who}", [art,
                f"{later} {fmt.paper_date(when, 'dd/mm/yyyy')}."], t)  # fmt: skip
    if loai in ("bo_nhiem_ngach", "tuyen_dung"):
        hs = catalog.he_so_for(o.ma_ngach, 1) or Decimal("2.34")
        t |= _salary_truth(o.ma_ngach, 1, hs, when)
        sal = _salary_text(o.ma_ngach, 1, hs, vc)
        if loai == "tuyen_dung":
            named = person.split(f", {title_at(o)}")[0]
            if rng.random() < 0.5:
                art = (f"Tuyển dụng {named}, trình độ {o.trinh_do_chuyen_mon}, vào làm "
                       f"{who} tại {o.unit}, xếp lương {sal} kể từ {_when(rng, when)}.")
                return f"Về việc tuyển dụng {who}", [art, f"{title} {o.ho_ten} thực hiện chế độ "
                        "tập sự 12 tháng theo quy định."], t  # fmt: skip
            # Nghị định 138/2020 shape: recruitment in Điều 1, the pay in Điều 2
            kind = "chức danh nghề nghiệp" if vc else "ngạch"
            art = (f"Tuyển dụng {named}, trình độ {o.trinh_do_chuyen_mon}, vào làm {who} tại "
                   f"{o.unit} kể từ {_when(rng, when)}.")
            pay = (f"{title} {o.ho_ten} được xếp {kind} {catalog.ngach_name(o.ma_ngach)}, mã {kind} "
                   f"{o.ma_ngach}, bậc 1, hệ số {fmt.comma(hs)} kể từ {_when(rng, when)}; thực hiện "
                   "chế độ tập sự 12 tháng theo quy định.")
            return f"Về việc tuyển dụng và xếp lương {who}", [art, pay], t
        art = (f"Bổ nhiệm {person} vào {sal.replace(', bậc', ' và xếp lương bậc', 1)} "
               f"kể từ {_when(rng, when)}.")
        kind = "chức danh nghề nghiệp" if vc else "ngạch"
        return (f"Về việc bổ nhiệm vào {kind} và xếp lương đối với {who} hết thời gian tập sự",
                [art, f"{later} {fmt.paper_date(when, 'dd/mm/yyyy')}."], t)  # fmt: skip
    if loai in ("chuyen_ngach", "thang_hang"):
        old_code, old_bac, old_hs, code = _promotion(rng, o, loai)
        table = catalog.HE_SO[catalog.salary_group(code) or "A1"]
        bac = next((i + 1 for i, v in enumerate(table) if v >= old_hs), len(table))
        hs = table[bac - 1]
        t |= _salary_truth(code, bac, hs, when)
        old = _salary_text(old_code, old_bac, old_hs, vc)
        verb = "Bổ nhiệm" if loai == "thang_hang" else "Chuyển"
        art = (f"{verb} {person} từ {old} sang {_salary_text(code, bac, hs, vc)} "
               f"kể từ {_when(rng, when)}.")
        what = "thăng hạng chức danh nghề nghiệp" if loai == "thang_hang" else "chuyển ngạch"
        return f"Về việc {what} đối với {who}", [art, f"{later} {fmt.paper_date(when, 'dd/mm/yyyy')}."], t  # noqa: E501
    if loai == "bo_nhiem":
        post = post_for(rng, o.sector, o.unit)
        t["chuc_vu_moi"] = post
        art = f"Bổ nhiệm {person}, giữ chức vụ {post}. Thời hạn giữ chức vụ là 05 năm."
        pc = rng.choice(("0,20", "0,30", "0,40"))
        return (f"Về việc bổ nhiệm {post}", [art, f"{title} {o.ho_ten} được hưởng phụ cấp "
                f"chức vụ hệ số {pc} kể từ {_when(rng, when)}."], t)  # fmt: skip
    if loai == "dieu_dong":
        unit = rng.choice([u for u in o.sector.units if u != o.unit] or [o.unit])
        t["don_vi_moi"] = f"{unit}, {o.sector.name}"
        t["ngay_hieu_luc"] = fmt.iso(when)
        art = f"Điều động {person}, đến nhận công tác tại {unit}, {o.sector.name}."
        return f"Về việc điều động {who}", [art, "Thời gian điều động kể từ "
                f"{fmt.words_date(when)}."], t  # fmt: skip
    if loai == "khen_thuong":
        year = when.year - 1
        art = (f"Tặng Giấy khen cho {person}, đã có thành tích xuất sắc trong thực hiện nhiệm "
               f"vụ năm {year}.")
        return "Về việc tặng Giấy khen", [art, "Kèm theo Giấy khen là tiền thưởng theo quy "
                "định hiện hành."], t  # fmt: skip
    if loai == "ky_luat":
        form = rng.choice(("khiển trách", "cảnh cáo"))
        art = (f"Thi hành kỷ luật bằng hình thức {form} đối với {person}, do đã vi phạm "
               "quy định về chế độ báo cáo, giải quyết công việc chậm trễ.")
        return f"Về việc thi hành kỷ luật đối với {who}", [art, "Thời hạn thi hành kỷ luật "
                "là 12 tháng kể từ ngày Quyết định có hiệu lực."], t  # fmt: skip
    # nghi_huu
    t["ngay_hieu_luc"] = fmt.iso(when)
    art = (f"Cho {person}, được nghỉ hưu để hưởng chế độ bảo hiểm xã hội kể từ "
           f"{_when(rng, when)}.")
    if rng.random() < 0.5:  # the pay held, stated as it is on leaving
        kind = "chức danh nghề nghiệp" if vc else "ngạch"
        art += (f" Mức lương hiện hưởng: {kind} {o.ngach}, mã số {o.ma_ngach}, bậc {o.bac}, "
                f"hệ số {fmt.comma(o.he_so)}.")
        t |= {k: v for k, v in _salary_truth(o.ma_ngach, o.bac, o.he_so, when).items()
              if k != "ngay_huong_luong"}  # fmt: skip
    return "Về việc nghỉ hưu để hưởng chế độ bảo hiểm xã hội", [art, f"{title} {o.ho_ten} "
            "được hưởng các chế độ theo quy định của pháp luật."], t  # fmt: skip


def _promotion(rng: random.Random, o: Officer, loai: str) -> tuple[str, int, Decimal, str]:
    """Old code, bậc, hệ số and the new code (the officer's current one) of a promotion."""
    group = catalog.salary_group(o.ma_ngach)
    new = o.ma_ngach
    if loai == "thang_hang":
        prefix, last = o.ma_ngach[:-2], int(o.ma_ngach[-2:])
        old = f"{prefix}{last + 1:02d}"
        if catalog.salary_group(old) is None:
            old, new = o.ma_ngach, f"{prefix}{last - 1:02d}"
    else:
        same = [c for c, (_, g) in catalog.MA_NGACH.items() if g == group and c != o.ma_ngach]
        old = rng.choice(sorted(same) or [o.ma_ngach])
    old_table = catalog.HE_SO[catalog.salary_group(old) or "A1"]
    bac = min(max(1, o.bac - 1), len(old_table))
    return old, bac, old_table[bac - 1], new


def make_decision(rng: random.Random, o: Officer, loai: str, number_hint: int) -> Decision:
    """One decision of the given type about officer o (or naming nobody for "khac")."""
    prov = o.province.name
    by_province = loai in ("khac", "ky_luat") or rng.random() < 0.15
    if loai == "tuyen_dung":
        when = o.ngay_tuyen_dung
    elif loai == "bo_nhiem_ngach":
        when = add_years(o.ngay_tuyen_dung, 1)
    elif loai == "nang_luong":
        when = o.ngay_huong
    elif loai == "nghi_huu":
        when = first_of_month(add_years(o.ngay_sinh, 60 if o.gioi_tinh == "Nam" else 56, 4))
    else:
        when = first_of_month(rand_date(rng, add_years(o.ngay_tuyen_dung, 2), TODAY))
    ngay = _workday(when + timedelta(days=rng.randint(-25, 20)))
    ngay = min(ngay, TODAY) if loai != "nghi_huu" else ngay - timedelta(days=rng.randint(60, 170))
    ngay = _workday(ngay)
    if by_province:
        parent, agency, abbr = None, f"ỦY BAN NHÂN DÂN TỈNH {prov.upper()}", "UBND"
        head, deputy = "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
        signer_org = "TM. ỦY BAN NHÂN DÂN" if loai == "khac" else ""  # collective authority
        authority = f"ỦY BAN NHÂN DÂN TỈNH {prov.upper()}" if loai == "khac" else \
            f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {prov.upper()}"
    else:
        parent, agency, abbr = f"UBND TỈNH {prov.upper()}", o.sector.agency, o.sector.abbr
        head, deputy, signer_org = "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ""
        authority = f"GIÁM ĐỐC {o.sector.agency}"
    so = f"{number_hint}/QĐ-{abbr}"
    if loai == "khac":
        so = f"{rng.randint(10, 60)}/{ngay.year}/QĐ-UBND"
        trich = (f"Về việc ban hành Quy chế quản lý, cập nhật hồ sơ điện tử cán bộ, công chức, "
                 f"viên chức trên địa bàn tỉnh {prov}")
        arts = [f"Ban hành kèm theo Quyết định này Quy chế quản lý, cập nhật hồ sơ điện tử cán "
                f"bộ, công chức, viên chức trên địa bàn tỉnh {prov}.",
                "Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký."]
        truth: dict[str, str] = {}
        can_cu = [cite("local", ngay), cite("cbcc", ngay), cite("vc", ngay)]
        xet = "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số " \
              f"{rng.randint(100, 900)}/TTr-SNV ngày {fmt.words_date(ngay - timedelta(14))}."
    else:
        trich, arts, truth = _body(rng, o, loai, when)
        vc = o.ma_ngach.startswith("V")
        topics = {"nang_luong": ["luong", "nang_bac"], "ky_luat": ["ky_luat"],
                  "khen_thuong": ["khen_thuong"]}.get(loai, ["tuyen_dung_vc" if vc else
                                                             "tuyen_dung_cc"])  # fmt: skip
        topics = (["local"] if by_province else []) + ["vc" if vc else "cbcc"] + topics
        can_cu = [cite(t, ngay) for t in topics]
        xet = f"Xét đề nghị của Trưởng phòng {rng.choice(('Tổ chức cán bộ', 'Tổ chức, biên chế'))}."
    third = ("Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành tỉnh" if by_province
             else "Chánh Văn phòng Sở, Trưởng các phòng chuyên môn thuộc Sở")
    who = "" if loai == "khac" else f" và {'Ông' if o.gioi_tinh == 'Nam' else 'Bà'} {o.ho_ten}"
    arts.append(f"{third}{who} chịu trách nhiệm thi hành Quyết định này./.")
    deputy_signs = rng.random() < 0.6
    own = [signer_org, head] if signer_org else [head]
    sign = [f"KT. {head}", deputy] if deputy_signs else own
    if signer_org and deputy_signs:
        sign = [signer_org, *sign]
    signer = make_name(rng, rng.choice(("Nam", "Nam", "Nữ")))
    truth |= {"so_ky_hieu": so, "co_quan_ban_hanh": agency, "dia_danh": prov,
              "ngay_ban_hanh": fmt.iso(ngay), "trich_yeu": trich, "loai_quyet_dinh": loai,
              "nguoi_ky": signer, "chuc_vu_nguoi_ky": " ".join(sign)}  # fmt: skip
    nhan = ["Như Điều 3;", "Sở Nội vụ (b/c);" if not by_province else "Bộ Nội vụ (b/c);",
            f"Lưu: VT, {rng.choice(('TCCB', 'TCBC', 'CCVC'))}."]  # fmt: skip
    return Decision(loai, so, parent, agency, prov, ngay, trich, authority, can_cu + [xet], arts,
                    nhan, sign, signer, truth)  # fmt: skip


def make_decisions(rng: random.Random, o: Officer, count: int) -> list[Decision]:
    """`count` decisions of distinct types about officer o."""
    kinds: list[str] = []
    while len(kinds) < count:
        k = rng.choices(TYPES, WEIGHTS)[0]
        if k == "thang_hang" and not o.ma_ngach.startswith("V"):
            k = "chuyen_ngach"
        if k == "nghi_huu" and o.ngay_sinh.year > 1966:
            k = "khen_thuong"
        if k not in kinds:
            kinds.append(k)
    return [make_decision(rng, o, k, rng.randint(12, 2400)) for k in kinds]
