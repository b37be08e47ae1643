"""The sandbox stays standalone (no Qt, only stdlib and core) and keeps secrets out of logs."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
from pathlib import Path

from tests.sandbox.helpers import api, post, sign_in

PKG = Path(__file__).resolve().parents[2] / "humasdesk" / "sandbox"


def test_imports_only_stdlib_and_core():
    """The emulator must start on a machine with nothing but Python and HumasDesk's core."""
    stdlib = sys.stdlib_module_names
    for path in PKG.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                ok = top in stdlib or name.startswith(("humasdesk.core", "humasdesk.sandbox"))
                ok = ok or name == "__future__"
                assert ok, f"{path.name} imports {name}"


def test_importing_sandbox_loads_no_qt():
    """Loading Qt in the sandbox would slow the CLI and break headless use."""
    code = (
        "import sys, humasdesk.sandbox; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]; "
        "sys.exit(1 if bad else 0)"
    )
    root = PKG.parents[1]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0


def test_no_tokens_bodies_or_queries_in_logs(sandbox, caplog, capfd):
    """Tokens and citizens' words must never reach a log file or the terminal."""
    caplog.set_level(logging.DEBUG, logger="humasdesk.sandbox")
    base = sandbox.base_url
    tokens = sign_in(base)
    post(base, tokens, "Rahasia warga 0812-3456-7890")
    api(base, "GET", "/2/users/me", tokens, params={"user.fields": "secret-query"})
    out, err = capfd.readouterr()
    logged = caplog.text + out + err
    for secret in (tokens["access_token"], tokens["refresh_token"], "0812", "secret-query"):
        assert secret not in logged
    assert "/2/users/me" in caplog.text  # method and path are still logged for debugging
