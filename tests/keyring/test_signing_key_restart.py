"""The export signing key in the real Secret Service survives a restart.

The key's private half lives only in the keyring; every export is signed with it, and a
supervisor's register knows the desk by its fingerprint. If this breaks, each start of
HumasDesk signs with a new key and the supervisor rejects the official's next report as
"signed by another key".
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

from humasdesk.app import DeskOptions, build_desk
from humasdesk.core.fingerprint import fingerprint_of
from humasdesk.credentials.signing import KEY_USERNAME, PUBLIC_KEY_FILENAME
from humasdesk.store import open_database
from humasdesk.store.exports.check import Status, verify_export
from humasdesk.store.exports.sigfile import read_public_key_file


def export_in_a_new_process(data: Path, out: Path) -> str:
    """`humasdesk export` (its own process, the real keyring); returns the key it names."""
    result = subprocess.run(
        [sys.executable, "-m", "humasdesk", "export", "--format", "csv", "-o", str(out),
         "--data-dir", str(data)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    match = re.search(r"Kunci: ([0-9A-F]{4}(?: [0-9A-F]{4}){3}) …", result.stdout)
    assert match, result.stdout
    return match.group(1)


def key_in_keyring() -> bool:
    found = subprocess.run(
        ["secret-tool", "search", "--all", "service", "humasdesk", "username", KEY_USERNAME],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    return KEY_USERNAME in found.stderr  # attributes go to stderr, the secret to stdout


def test_the_signing_key_is_the_same_after_a_restart(tmp_path):
    """Two exports from two processes: both are signed by the one key in the keyring (the
    public key file is even removed in between: the keyring is the truth), and both verify
    against signing-key.pub."""
    data = tmp_path / "data"
    data.mkdir()
    open_database(data / "humasdesk.db").close()
    pub = data / PUBLIC_KEY_FILENAME

    first = export_in_a_new_process(data, tmp_path / "laporan-1.csv")
    assert key_in_keyring()
    key = read_public_key_file(pub)
    pub.unlink()
    second = export_in_a_new_process(data, tmp_path / "laporan-2.csv")
    assert read_public_key_file(pub) == key  # written again, the same key
    assert first == second
    fp = hashlib.sha256(key).hexdigest().upper()
    assert first == " ".join(fp[i : i + 4] for i in range(0, 16, 4))
    for name in ("laporan-1.csv", "laporan-2.csv"):
        check = verify_export(tmp_path / name, expected_public_key=key)
        assert check.status is Status.INTACT and check.key_known, name
        assert check.fingerprint == fingerprint_of(key)


def test_settings_show_the_keyrings_key_after_a_restart(qtbot, sandbox, tmp_path):
    """The desk started after an export names in Settings the fingerprint of the key that
    signed it, in full."""
    data = tmp_path / "data"
    data.mkdir()
    open_database(data / "humasdesk.db").close()
    export_in_a_new_process(data, tmp_path / "laporan.csv")
    algorithm, key_b64, _ = (data / PUBLIC_KEY_FILENAME).read_text(encoding="ascii").split()
    digest = hashlib.sha256(base64.b64decode(key_b64)).hexdigest().upper()
    expected = " ".join(digest[i : i + 4] for i in range(0, 64, 4))

    desk = build_desk(DeskOptions(sandbox_url=sandbox.base_url, data_dir=str(data)))
    qtbot.addWidget(desk.window)
    try:
        qtbot.waitUntil(lambda: desk.controller is not None, timeout=10000)
        desk.window.action_settings.trigger()
        dialog = desk.controller.settings_dialog
        assert dialog.signing_key_label.text() == (
            f"Sidik jari kunci tanda tangan ekspor: {expected}"
        )
        qtbot.waitUntil(lambda: "keyring sistem" in dialog.storage_label.text(), timeout=20000)
        dialog.close()
    finally:
        desk.close()
    assert algorithm == "ed25519"
