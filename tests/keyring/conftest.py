"""Real Secret Service tests. They run only inside the private D-Bus session that
`tests/keyring/run_with_secret_service.sh` starts, and FAIL (never skip) anywhere else:
a silently skipped keyring suite would hide that tokens are not stored."""

from __future__ import annotations

import os

import pytest

HOW_TO_RUN = (
    "The keyring tests need a real Secret Service in a private D-Bus session. Run them as\n"
    "    tests/keyring/run_with_secret_service.sh python -m pytest tests/keyring\n"
    "(Debian: apt-get install -y --no-install-recommends gnome-keyring dbus dbus-x11 "
    "libsecret-tools)."
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = os.path.dirname(os.path.abspath(__file__)) + os.sep
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.keyring)
            item.add_marker(pytest.mark.timeout(30))  # a stray unlock prompt must not hang CI


@pytest.fixture(autouse=True)
def _private_secret_service() -> None:
    # Checked first, so a developer's own desktop keyring is never written to by a test.
    if os.environ.get("HUMASDESK_TEST_SECRET_SERVICE") != "1":
        pytest.fail("not inside run_with_secret_service.sh.\n" + HOW_TO_RUN, pytrace=False)
    from humasdesk.credentials import TokenStore

    status = TokenStore().status()
    if not status.available:
        pytest.fail(
            f"no usable Secret Service: {status.backend_name}: {status.problem}.\n" + HOW_TO_RUN,
            pytrace=False,
        )
