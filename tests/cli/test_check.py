"""`humasdesk check`: the composer's checks from the command line (a separate process)."""

from __future__ import annotations

import json

from tests.cli.conftest import humasdesk


def test_office_post_of_a_tired_official_warns_with_exit_1(tmp_path):
    r = humasdesk("check", "--account", "office", "--data-dir", str(tmp_path),
                  "aku capek banget hari ini 😭😭😭")  # fmt: skip
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("first_person_singular: Kata ganti orang pertama tunggal (aku)")
    assert lines[2].startswith("emoji_run: Deretan emoji (😭😭😭)")
    assert lines[-1] == "panjang 32/280, dapat dikirim"


def test_ordinary_announcement_is_quiet_with_exit_0_and_json(tmp_path):
    r = humasdesk("check", "--account", "office", "--json", "--data-dir", str(tmp_path),
                  "Layanan KTP elektronik buka pukul 08.00 WIB di kantor kecamatan.")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"weighted_length": 64, "valid": True, "warnings": []}


def test_json_lists_codes_and_reasons_and_a_too_long_text(tmp_path):
    r = humasdesk("check", "--account", "personal", "--json", "--data-dir", str(tmp_path),
                  "Layanan kantor kembali normal. #HumasDemo " + "x" * 250)  # fmt: skip
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert out["valid"] is False and out["weighted_length"] > 280
    assert [w["code"] for w in out["warnings"]] == ["too_long", "office_hashtag"]
    assert out["warnings"][1]["message"].startswith("Tagar resmi kantor (#HumasDemo)")


def test_bad_usage_exits_2(tmp_path):
    r = humasdesk("check", "--account", "kantor", "teks")
    assert r.returncode == 2
    r = humasdesk("check", "--account", "office")
    assert r.returncode == 2
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "wording.toml").write_text("[[rule]\n")
    r = humasdesk("check", "--account", "office", "--data-dir", str(tmp_path), "teks")
    assert r.returncode == 2
    assert "aturan kata tidak terbaca" in r.stderr and len(r.stderr.strip().splitlines()) == 1
