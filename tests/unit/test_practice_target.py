"""Practice or real X (`practice.x_target`): the desk and the command line decide it the same
way. If this breaks, a configured agency desk posts into the emulator (nothing reaches the
public), or, worse, a practising trainee posts on the real X, or practice tokens land in the
real accounts' keyring entry."""

from __future__ import annotations

import pytest
import requests

from humasdesk.paths import resolve_data_dir
from humasdesk.practice import (
    ENV_SANDBOX_URL,
    KEYRING_SERVICE,
    KEYRING_SERVICE_PRACTICE,
    x_target,
)
from humasdesk.services.session import PRACTICE_CLIENT_ID
from humasdesk.settings import ENV_CLIENT_ID, Settings


@pytest.fixture
def paths(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_SANDBOX_URL, raising=False)
    monkeypatch.delenv(ENV_CLIENT_ID, raising=False)
    return resolve_data_dir(str(tmp_path / "data")).ensure()


def settings_with(paths, **values) -> Settings:
    s = Settings.load(paths.settings)
    for key, value in values.items():
        s.set(key, value)
    return s


def test_no_x_app_configured_means_practice_mode_with_its_own_keyring_entry(paths):
    target = x_target(paths, settings_with(paths, office_handle="HumasKota"))
    assert target.practice and target.backend is not None
    assert target.client_id == PRACTICE_CLIENT_ID
    assert target.keyring_service == KEYRING_SERVICE_PRACTICE != KEYRING_SERVICE
    assert target.callback_port == 0  # any free port: no X app registration to match
    assert target.office_handle == ""  # the demo accounts, not the agency's handle


def test_a_configured_x_app_talks_to_the_real_x(paths):
    settings = settings_with(
        paths, x_client_id="agency-app-123", callback_port=8799, office_handle="HumasKota"
    )
    target = x_target(paths, settings)
    assert not target.practice and target.backend is None  # no emulator is started
    assert target.client_id == "agency-app-123"
    assert target.keyring_service == KEYRING_SERVICE
    assert target.callback_port == 8799 and target.office_handle == "HumasKota"
    endpoint = target.endpoint()
    assert endpoint.base_url is None  # tweepy's own hosts: the real X
    assert endpoint.client_id == "agency-app-123"


def test_the_client_id_from_the_environment_also_means_real_x(paths, monkeypatch):
    monkeypatch.setenv(ENV_CLIENT_ID, "it-staff-app")
    target = x_target(paths, Settings.load(paths.settings))
    assert not target.practice and target.client_id == "it-staff-app"


def test_sandbox_flag_or_url_overrides_a_configured_app(paths, monkeypatch):
    """Training on an agency laptop: --sandbox (or an emulator URL) wins over the X app,
    and the practice tokens stay apart from the real ones."""
    settings = settings_with(paths, x_client_id="agency-app-123")
    flagged = x_target(paths, settings, sandbox=True)
    assert flagged.practice and flagged.keyring_service == KEYRING_SERVICE_PRACTICE
    url = x_target(paths, settings, sandbox_url="http://127.0.0.1:5999/")
    assert url.practice and url.endpoint().base_url == "http://127.0.0.1:5999"
    monkeypatch.setenv(ENV_SANDBOX_URL, "http://127.0.0.1:5998")
    env = x_target(paths, settings)
    assert env.practice and env.endpoint().base_url == "http://127.0.0.1:5998"


def test_practice_mode_starts_the_emulator_on_loopback_and_keeps_its_state(paths):
    """The built-in emulator listens on 127.0.0.1 only and keeps its state in the data
    folder, so a post made while practising is still there after a restart."""
    target = x_target(paths, Settings.load(paths.settings))
    base = target.endpoint().base_url
    try:
        assert base is not None and base.startswith("http://127.0.0.1:")
        r = requests.post(
            f"{base}/_sandbox/mentions",
            json={"to": "HumasDemo", "from": "warga_latihan", "text": "Halo admin, uji coba"},
            timeout=10,
        )
        assert r.status_code == 201
    finally:
        target.stop()
    assert paths.sandbox_state.is_file()
    again = x_target(paths, Settings.load(paths.settings))
    base = again.endpoint().base_url
    try:
        posts = requests.get(f"{base}/_sandbox/posts", timeout=10).json()["data"]
        texts = [p["text"] for p in posts]
        assert "@HumasDemo Halo admin, uji coba" in texts
    finally:
        again.stop()
