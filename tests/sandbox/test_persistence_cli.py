"""State saved to a file and loaded again; the `humasdesk sandbox` command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import requests

from humasdesk.sandbox import Sandbox, cli_main
from tests.sandbox.helpers import api, control, post, sign_in

ROOT = Path(__file__).resolve().parents[2]


def test_state_survives_restart(tmp_path):
    """Practice posts and sign-ins must still be there after the desk restarts the sandbox."""
    state = tmp_path / "sandbox.json"
    sb = Sandbox(state_path=state)
    sb.start()
    try:
        tokens = sign_in(sb.base_url)
        pid = post(sb.base_url, tokens, "Tersimpan").json()["data"]["id"]
        assert state.exists()  # saved as it changes, not only on stop
    finally:
        sb.stop()
    assert oct(state.stat().st_mode & 0o777) == "0o600"  # it holds sandbox tokens
    assert not list(tmp_path.glob("*.tmp"))
    sb2 = Sandbox(state_path=state)
    sb2.start()
    try:
        ids = [p["id"] for p in control(sb2.base_url, "GET", "posts").json()["data"]]
        assert pid in ids
        assert api(sb2.base_url, "GET", "/2/users/me", tokens).status_code == 200
        newer = post(sb2.base_url, tokens, "Sesudah mulai ulang").json()["data"]["id"]
        assert int(newer) > int(pid)
    finally:
        sb2.stop()


def test_stop_closes_the_port():
    """A stopped sandbox must not keep answering on its old port."""
    sb = Sandbox()
    sb.start()
    base = sb.base_url
    with requests.Session() as s:
        assert s.get(base + "/_sandbox/users", timeout=5).status_code == 200
        sb.stop()
        try:
            r = s.get(base + "/_sandbox/users", timeout=5)
        except requests.ConnectionError:
            return
        raise AssertionError(f"still answering: {r.status_code}")


def test_cli_prints_url_and_saves_state_on_sigterm(tmp_path):
    """`humasdesk sandbox --state F` prints its URL for the desk and saves F when told to stop."""
    state = tmp_path / "state.json"
    code = "import sys; from humasdesk.sandbox import cli_main; sys.exit(cli_main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", code, "--port", "0", "--state", str(state)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    ) as proc:
        try:
            url = proc.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:")
            tokens = sign_in(url)
            assert post(url, tokens, "Dari baris perintah").status_code == 201
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=20)
            assert proc.returncode == 0, err
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert any(p["text"] == "Dari baris perintah" for p in saved["posts"])
    # Never a token or a body in the output.
    assert tokens["access_token"] not in err
    assert "Dari baris perintah" not in err


def test_cli_bad_usage_returns_2(capsys):
    """Wrong options give exit status 2 and a usage line, not a traceback."""
    assert cli_main(["--port", "not-a-number"]) == 2
    assert "usage" in capsys.readouterr().err


def test_cli_port_in_use_returns_1(capsys):
    """A busy port is a one-line error with what to do."""
    sb = Sandbox()
    sb.start()
    try:
        port = sb.base_url.rsplit(":", 1)[1]
        assert cli_main(["--port", port]) == 1
        assert "--port" in capsys.readouterr().err
    finally:
        sb.stop()
