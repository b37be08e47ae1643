"""State saved to a file and loaded again; the `humasdesk sandbox` command line."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from humasdesk.sandbox import Sandbox, cli_main
from tests.sandbox.helpers import (
    CLIENT_ID,
    TIMEOUT,
    api,
    control,
    exchange,
    get_code,
    pkce,
    post,
    sign_in,
)

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
    assert oct(state.stat().st_mode & 0o777) == "0o600"  # it holds sandbox token digests
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


def _refresh(base: str, refresh_token: str) -> requests.Response:
    data = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": CLIENT_ID}
    return requests.post(base + "/2/oauth2/token", data=data, timeout=TIMEOUT)


def test_state_file_holds_no_plaintext_token_or_code(tmp_path):
    """The state file sits in the user's data directory: no issued token or code may be in it."""
    data_dir = tmp_path / "data"
    state = data_dir / "sandbox.json"
    sb = Sandbox(state_path=state)
    sb.start()
    try:
        base = sb.base_url
        office, personal = sign_in(base, "HumasDemo"), sign_in(base, "rina_humas")
        assert _refresh(base, office["refresh_token"]).status_code == 200  # rotation
        p = pkce()
        code = get_code(base, p)  # a code handed out and never exchanged
        used_code = get_code(base, p)
        assert exchange(base, used_code, p.verifier).status_code == 200
        issued = control(base, "GET", "tokens").json()["data"]
        assert post(base, personal, "Sebelum berhenti").status_code == 201
    finally:
        sb.stop()
    secrets_issued = [*issued["access_tokens"], *issued["refresh_tokens"], code, used_code]
    assert office["access_token"] in secrets_issued and len(issued["refresh_tokens"]) == 4
    files = [f for f in data_dir.rglob("*") if f.is_file()]
    assert files == [state]
    for f in files:
        raw = f.read_bytes()
        for secret in secrets_issued:
            assert secret.encode() not in raw, f"{f.name} holds an issued token or code"
    saved = json.loads(state.read_text(encoding="utf-8"))
    digest = hashlib.sha256(office["access_token"].encode()).hexdigest()
    assert digest in {t["digest"] for t in saved["access_tokens"]}
    assert all("token" not in t for t in saved["access_tokens"] + saved["refresh_tokens"])


def test_tokens_from_before_a_restart_still_work(tmp_path):
    """The desk restores its sessions from the keyring and calls a restarted sandbox with them."""
    state = tmp_path / "sandbox.json"
    sb = Sandbox(state_path=state)
    sb.start()
    try:
        tokens = sign_in(sb.base_url)
        spare = sign_in(sb.base_url)  # a second sign-in, revoked after the restart
    finally:
        sb.stop()
    sb2 = Sandbox(state_path=state)
    sb2.start()
    try:
        base = sb2.base_url
        me = api(base, "GET", "/2/users/me", tokens)
        assert me.status_code == 200, me.text
        assert me.json()["data"]["username"] == "HumasDemo"
        fresh = _refresh(base, tokens["refresh_token"])
        assert fresh.status_code == 200, fresh.text
        assert api(base, "GET", "/2/users/me", fresh.json()["access_token"]).status_code == 200
        assert _refresh(base, tokens["refresh_token"]).status_code == 400  # spent by rotation
        # Only tokens issued since this start are listed (the plaintext is never saved).
        listed = control(base, "GET", "tokens").json()["data"]
        assert listed["access_tokens"] == [fresh.json()["access_token"]]
        assert tokens["access_token"] not in listed["access_tokens"]
        revoke = {"token": spare["refresh_token"], "client_id": CLIENT_ID}
        r = requests.post(base + "/2/oauth2/revoke", data=revoke, timeout=TIMEOUT)
        assert r.status_code == 200
        assert api(base, "GET", "/2/users/me", spare).status_code == 401
    finally:
        sb2.stop()


def test_plaintext_tokens_of_an_old_state_file_are_migrated(tmp_path):
    """A version-1 file (plaintext `token` fields) loads, keeps its sign-ins, and is rewritten."""
    state = tmp_path / "sandbox.json"
    sb = Sandbox(state_path=state)
    sb.start()
    try:
        tokens = sign_in(sb.base_url)
    finally:
        sb.stop()
    saved = json.loads(state.read_text(encoding="utf-8"))
    digests = {
        hashlib.sha256(tokens[k].encode()).hexdigest(): tokens[k]
        for k in ("access_token", "refresh_token")
    }
    for kind in ("access_tokens", "refresh_tokens"):
        for t in saved[kind]:
            t["token"] = digests[t.pop("digest")]
    saved["version"] = 1
    state.write_text(json.dumps(saved), encoding="utf-8")
    assert tokens["access_token"].encode() in state.read_bytes()

    sb2 = Sandbox(state_path=state)
    sb2.start()
    try:
        # Rewritten in the new form as soon as it starts.
        raw = state.read_bytes()
        assert tokens["access_token"].encode() not in raw
        assert tokens["refresh_token"].encode() not in raw
        assert json.loads(raw)["version"] == 2
        assert api(sb2.base_url, "GET", "/2/users/me", tokens).status_code == 200
        assert _refresh(sb2.base_url, tokens["refresh_token"]).status_code == 200
    finally:
        sb2.stop()


def test_unknown_state_version_is_refused(tmp_path):
    state = tmp_path / "sandbox.json"
    state.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        Sandbox(state_path=state).start()
