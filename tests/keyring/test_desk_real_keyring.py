"""The desk and the self-test with the real Secret Service, and the token-leak audit.

If these break, tokens either do not survive a restart on the official's laptop or,
worse, end up somewhere other than the keyring.
"""

from __future__ import annotations

import logging
import subprocess
import sys

import requests

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.errors import XError
from humasdesk.core.models import Slot
from humasdesk.practice import KEYRING_SERVICE_PRACTICE
from humasdesk.services.session import sign_in_practice


def _secret_items(service: str) -> str:
    return subprocess.run(
        ["secret-tool", "search", "--all", "service", service],
        capture_output=True,
        text=True,
        timeout=30,
    ).stderr  # secret-tool prints attributes on stderr, the secret on stdout


def test_self_test_passes_with_the_real_keyring(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "humasdesk", "self-test", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith(("OK", "GAGAL"))]
    assert len(steps) == 17 and all(line.startswith("OK") for line in steps), result.stdout
    assert "keyring sistem" in result.stdout
    for fmt in ("CSV", "XLSX", "JSONL", "PDF"):
        assert f"OK    ekspor {fmt} dan verifikasi" in result.stdout


def test_no_token_anywhere_after_signing_both_slots_in_and_out(qtbot, sandbox, tmp_path, caplog):
    """Sign both panes in (tokens in the real keyring) and out again; then look for every
    token the sandbox ever issued in every file under the data directory, the logs and
    the texts of errors the desk produced: there must be none."""
    caplog.set_level(logging.DEBUG)
    data_dir = tmp_path / "data"
    desk = build_desk(DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data_dir)))
    qtbot.addWidget(desk.window)
    qtbot.waitUntil(lambda: desk.controller is not None, timeout=10000)  # after first paint
    controller = desk.controller
    errors: list[str] = []
    try:
        qtbot.waitUntil(lambda: len(controller.sessions) == 2, timeout=30000)
        assert "office" in _secret_items(KEYRING_SERVICE_PRACTICE)  # kept in the keyring
        revoked = controller.sessions[Slot.OFFICE].client
        for slot in (Slot.OFFICE, Slot.PERSONAL):
            with qtbot.waitSignal(controller.signed_out, timeout=30000):
                controller.sign_out(slot)
        try:
            revoked.me()  # its token was revoked at sign-out
        except XError as exc:
            errors.append(f"{exc!r} {exc}")
    finally:
        desk.close()
    assert errors, "a revoked token must be refused"
    assert "office" not in _secret_items(KEYRING_SERVICE_PRACTICE)

    # A failed sign-in's texts too.
    requests.post(
        f"{sandbox.base_url}/_sandbox/faults",
        json={"count": 1, "status": 503, "path_prefix": "/2/users/me"},
        timeout=10,
    )
    try:
        sign_in_practice(Slot.OFFICE, base_url=sandbox.base_url)
    except XError as exc:
        errors.append(f"{exc!r} {exc}")

    data = requests.get(f"{sandbox.base_url}/_sandbox/tokens", timeout=10).json()["data"]
    tokens = data["access_tokens"] + data["refresh_tokens"]
    assert len(tokens) >= 4
    haystacks = {"captured log": caplog.text, "errors": "\n".join(errors)}
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "humasdesk.db" for p in files) and any(p.suffix == ".log" for p in files)
    for path in files:
        haystacks[str(path)] = path.read_bytes().decode("utf-8", errors="replace")
    leaks = [(where, t[:6]) for where, text in haystacks.items() for t in tokens if t in text]
    assert leaks == []
