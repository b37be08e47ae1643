"""Settings and paths: the data directory is where the official (or IT) says it is,
and a settings file is never left half-written."""

from __future__ import annotations

import json

from humasdesk.paths import resolve_data_dir
from humasdesk.settings import Settings


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv("HUMASDESK_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None).root == tmp_path / "env"
    assert resolve_data_dir(tmp_path / "cli").root == tmp_path / "cli"


def test_ensure_creates_private_folders(tmp_path):
    paths = resolve_data_dir(tmp_path / "d").ensure()
    assert paths.logs.is_dir()
    assert paths.root.stat().st_mode & 0o077 == 0


def test_settings_round_trip_and_no_temp_files_left(tmp_path):
    s = Settings.load(tmp_path / "settings.json")
    assert s.get("callback_port") == 8765 and s.get("language") == "id"
    s.set("callback_port", 9100)
    s.save()
    assert Settings.load(tmp_path / "settings.json").get("callback_port") == 9100
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_unreadable_or_mistyped_settings_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path).get("language") == "id"
    path.write_text(json.dumps({"callback_port": "abc", "language": "en"}), encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.get("callback_port") == 8765 and loaded.get("language") == "en"


def test_client_id_from_environment_wins(tmp_path, monkeypatch):
    s = Settings(tmp_path / "settings.json", {"x_client_id": "from-file"})
    assert s.x_client_id == "from-file"
    monkeypatch.setenv("HUMASDESK_X_CLIENT_ID", "from-env")
    assert s.x_client_id == "from-env"


def test_invalid_values_are_refused_with_a_reason(tmp_path):
    import pytest

    s = Settings(tmp_path / "settings.json")
    for key, value in (
        ("callback_port", 80),
        ("callback_port", 70000),
        ("office_handle", "Humas Demo!"),
        ("x_client_id", "has spaces in it"),
        ("language", "fr"),
    ):
        with pytest.raises(ValueError, match=key):
            s.set(key, value)
    s.set("office_handle", "@HumasDemo")
    s.set("callback_port", 9100)
    assert s.get("office_handle") == "@HumasDemo"
