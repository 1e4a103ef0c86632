import json
from pathlib import Path

import pytest

from matching.config import MatchConfig
from matching.fields import compare_field


def test_defaults_follow_fields_csv() -> None:
    config = MatchConfig()
    assert config.rule("ho_ten").comparator == "name"
    assert config.rule("ngay_sinh").comparator == "date"
    assert config.rule("que_quan").comparator == "address"
    assert config.rule("dan_toc").comparator == "ethnicity"
    assert config.rule("so_cccd").comparator == "digits"
    assert config.rule("unknown_key").comparator == "text"
    assert config.threshold("ho_ten") == 0.80


def test_override_from_mapping() -> None:
    config = MatchConfig.from_mapping(
        {"ocr_threshold": 0.5, "fields": {"ho_ten": {"threshold": 0.9, "weight": 5}}}
    )
    assert config.threshold("ho_ten") == 0.9 and config.rule("ho_ten").weight == 5.0
    assert config.threshold("ngay_sinh") == 0.5
    verdict = compare_field("ho_ten", "Hương", "Hường", 0.85, config)
    assert "OCR may have misread" in verdict.reason


def test_unknown_comparator_rejected() -> None:
    with pytest.raises(ValueError, match="unknown comparator"):
        MatchConfig.from_mapping({"fields": {"ho_ten": {"comparator": "magic"}}})


def test_from_env_toml_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "match.toml"
    toml.write_text('decision_number_cutoff = 0.9\n[fields.chuc_vu]\ncomparator = "name"\n', encoding="utf-8")
    monkeypatch.setenv("HOSO_MATCH_CONFIG", str(toml))
    config = MatchConfig.from_env()
    assert config.decision_number_cutoff == 0.9 and config.rule("chuc_vu").comparator == "name"
    js = tmp_path / "match.json"
    js.write_text(json.dumps({"compare_non_core": False}), encoding="utf-8")
    assert MatchConfig.from_file(js).compare_non_core is False
