"""The command line as IT staff and OS timers run it: a separate `python -m humasdesk`
process, the real Secret Service (the private D-Bus session of `scripts/test.sh`), and the
sandbox over real HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def cli_env() -> dict[str, str]:
    """This environment without HUMASDESK_* settings: the flags say everything."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUMASDESK_")}
    env["PYTHONPATH"] = str(REPO)
    return env


def humasdesk(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "humasdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env(),
        cwd=REPO,
    )


@pytest.fixture
def real_keyring() -> Iterator[None]:
    """The real Secret Service, with no practice sign-in left over before or after (the
    commands keep their tokens where the desk does: service ``humasdesk-practice``)."""
    if os.environ.get("HUMASDESK_TEST_SECRET_SERVICE") != "1":
        pytest.fail(
            "needs the real Secret Service: run inside tests/keyring/run_with_secret_service.sh "
            "(scripts/test.sh does)",
            pytrace=False,
        )
    from humasdesk.core.models import Slot
    from humasdesk.credentials import TokenStore
    from humasdesk.practice import KEYRING_SERVICE_PRACTICE

    store = TokenStore(KEYRING_SERVICE_PRACTICE)
    if not store.status().available:
        pytest.fail(f"no usable Secret Service: {store.status()}", pytrace=False)
    for slot in Slot:
        store.delete(slot)
    yield
    for slot in Slot:
        store.delete(slot)
