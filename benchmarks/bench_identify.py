"""Officer identification on 100,000 synthetic records: accuracy under OCR-like name noise, ms per lookup.

Run: .venv/bin/python benchmarks/bench_identify.py [--records N] [--queries Q] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import time
import unicodedata
from datetime import date
from typing import Any

from hoso import catalog
from matching.identify import OfficerIndex
from samples.values import make_cccd, make_name, rand_date

# Tesseract confusions seen on this machine (MACHINE_NOTES.md), plus dropped marks.
_CONFUSIONS = {
    "ổ": "ố",
    "ề": "ê",
    "â": "ầ",
    "Ễ": "Ê",
    "ễ": "ê",
    "ư": "u",
    "ơ": "o",
    "ă": "a",
    "đ": "d",
    "Đ": "D",
}
_PROVINCES = sorted(catalog.CCCD_PROVINCES)


def make_records(n: int, seed: int = 7, prefix: str = "CB") -> list[dict[str, Any]]:
    """N officers with name, birth date, sex and a consistent CCCD."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        sex = rng.choice(("Nam", "Nữ"))
        birth = rand_date(rng, date(1962, 1, 1), date(2003, 12, 31))
        records.append(
            {
                "ma_can_bo": f"{prefix}-{i:06d}",
                "ho_ten": make_name(rng, sex),
                "ngay_sinh": birth.isoformat(),
                "gioi_tinh": sex,
                "so_cccd": make_cccd(rng, rng.choice(_PROVINCES), birth, sex),
            }
        )
    return records


def strip_marks(word: str) -> str:
    """The word without diacritics (đ kept as d), case kept."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def noisy_name(name: str, rng: random.Random) -> str:
    """The name as OCR might return it: upper case, one mark changed or dropped, or all marks dropped."""
    words = name.upper().split() if rng.random() < 0.5 else name.split()
    mode = rng.random()
    if mode < 0.15:
        return " ".join(strip_marks(w) for w in words)
    k = rng.randrange(len(words))
    if mode < 0.6:
        words[k] = strip_marks(words[k])
    else:
        swapped = "".join(_CONFUSIONS.get(c, c) for c in words[k])
        words[k] = swapped if swapped != words[k] else strip_marks(words[k])
    return " ".join(words)


def slip_date(iso: str, rng: random.Random) -> str:
    """One digit of the day misread (the date stays valid): "1985-06-15" → "1985-06-16" or "1985-06-25"."""
    y, m, d = iso.split("-")
    options = [f"{t}{d[1]}" for t in "012" if t != d[0]] + [f"{d[0]}{u}" for u in "0123456789" if u != d[1]]
    valid = [o for o in options if 1 <= int(o) <= 28]
    return f"{y}-{m}-{rng.choice(valid)}"


def run(n: int, queries: int, seed: int) -> dict[str, float]:
    """Build the index, run the queries, return the figures."""
    t0 = time.perf_counter()
    records = make_records(n, seed)
    build_start = time.perf_counter()
    index = OfficerIndex(records)
    build_s = time.perf_counter() - build_start
    rng = random.Random(seed + 1)
    strangers = make_records(queries // 4, seed + 99, prefix="X")
    counts = {"cccd_ok": 0, "name_ok": 0, "name_amb": 0, "name_wrong": 0, "slip_ok": 0, "stranger_matched": 0}
    name_times: list[float] = []
    cccd_times: list[float] = []
    sample = rng.sample(records, queries)
    for i, rec in enumerate(sample):
        start = time.perf_counter()
        if i % 4 == 0:
            res = index.identify(rec["so_cccd"], noisy_name(rec["ho_ten"], rng), rec["ngay_sinh"])
            cccd_times.append(time.perf_counter() - start)
            counts["cccd_ok"] += res.matched and res.record is rec
            continue
        slip = i % 4 == 3
        birth = slip_date(rec["ngay_sinh"], rng) if slip else rec["ngay_sinh"]
        res = index.identify(None, noisy_name(rec["ho_ten"], rng), birth)
        name_times.append(time.perf_counter() - start)
        if slip:
            counts["slip_ok"] += res.status == "ambiguous" and rec["ma_can_bo"] in res.candidates
            counts["name_wrong"] += res.matched
        elif res.matched and res.record is rec:
            counts["name_ok"] += 1
        elif res.status == "ambiguous":
            counts["name_amb"] += 1
        elif res.matched:
            counts["name_wrong"] += 1
    for rec in strangers:
        start = time.perf_counter()
        res = index.identify(None, noisy_name(rec["ho_ten"], rng), rec["ngay_sinh"])
        name_times.append(time.perf_counter() - start)
        counts["stranger_matched"] += res.matched
    n_cccd = len(range(0, queries, 4))
    n_slip = len(range(3, queries, 4))
    n_name = queries - n_cccd - n_slip
    name_times.sort()
    return {
        "records": n,
        "generate_s": build_start - t0,
        "index_build_s": build_s,
        "cccd_accuracy": counts["cccd_ok"] / n_cccd,
        "name_birth_accuracy": counts["name_ok"] / n_name,
        "slipped_birth_sent_to_review_with_right_officer": counts["slip_ok"] / n_slip,
        "ambiguous_rate_exact_birth": counts["name_amb"] / n_name,
        "wrong_match_rate": counts["name_wrong"] / (n_name + n_slip),
        "stranger_false_match_rate": counts["stranger_matched"] / max(1, len(strangers)),
        "ms_per_cccd_lookup": 1000 * sum(cccd_times) / len(cccd_times),
        "ms_per_name_lookup_mean": 1000 * sum(name_times) / len(name_times),
        "ms_per_name_lookup_p99": 1000 * name_times[int(0.99 * (len(name_times) - 1))],
    }


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=4_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for key, value in run(args.records, args.queries, args.seed).items():
        print(f"{key:48s} {value:.4f}" if isinstance(value, float) else f"{key:48s} {value}")


if __name__ == "__main__":
    main()
