"""The command line as IT staff use it: --version, self-test, bad usage."""

from __future__ import annotations

import io

import requests

from humasdesk import __version__
from humasdesk.selftest import run_self_test
from tests.fakes import MemoryKeyring

from .conftest import humasdesk


def test_version():
    result = humasdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"HumasDesk {__version__}"


def test_bad_usage_exits_2_with_one_line_on_stderr():
    result = humasdesk("--no-such-option")
    assert result.returncode == 2
    assert "--no-such-option" in result.stderr


def test_self_test_against_a_running_sandbox_leaves_its_posts_there(sandbox, tmp_path):
    out = io.StringIO()
    code = run_self_test(
        data_dir=str(tmp_path / "d"),
        sandbox_url=sandbox.base_url,
        out=out,
        keyring_backend=MemoryKeyring(),
    )
    assert code == 0, out.getvalue()
    posts = requests.get(f"{sandbox.base_url}/_sandbox/posts", timeout=10).json()["data"]
    texts = [p["text"] for p in posts]
    assert any(t.startswith("Uji mandiri HumasDesk (kantor)") for t in texts)
    assert any(t.startswith("Uji mandiri HumasDesk (pribadi)") for t in texts)
    assert any(t.startswith("Terima kasih atas pertanyaannya.") for t in texts)


def test_self_test_fails_when_x_is_unreachable(tmp_path):
    out = io.StringIO()
    code = run_self_test(
        data_dir=str(tmp_path / "d"),
        sandbox_url="http://127.0.0.1:9",
        out=out,
        keyring_backend=MemoryKeyring(),
    )
    assert code == 1
    assert "GAGAL masuk slot kantor" in out.getvalue()


def test_self_test_reports_missing_secure_storage(tmp_path):
    """IT must learn that tokens would not survive a restart on this laptop."""
    from keyring.errors import NoKeyringError

    from tests.fakes import RaisingKeyring

    out = io.StringIO()
    code = run_self_test(
        data_dir=str(tmp_path / "d"), out=out, keyring_backend=RaisingKeyring(NoKeyringError)
    )
    assert code == 1
    assert "GAGAL penyimpanan token" in out.getvalue()
