"""Sign-in per pane, staying signed in, sign-out and the keyring policy, in the desk.

Each test drives the real window and controller offscreen against the sandbox over
HTTP. The keyring is an in-memory backend behind the real TokenStore (the real
Secret Service has its own tests in tests/keyring/).
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
import requests
from keyring import errors as kerr
from PySide6.QtCore import Qt

from humasdesk.core.models import Slot
from humasdesk.credentials import TokenStore
from humasdesk.services.session import PRACTICE_CLIENT_ID
from humasdesk.store.activity_log import LogFilter
from tests.fakes import RaisingKeyring
from tests.gui.helpers import (
    SERVICE,
    Browser,
    actions,
    approve_as,
    callback_of,
    issued_tokens,
    me_status,
    wait_signed_in,
    wait_signed_out_page,
)

# --- practice start, restore, sign-out ---------------------------------------------------------


def test_practice_start_signs_both_in_and_keeps_tokens_in_the_keyring(
    qtbot, make_desk, keyring_backend
):
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    assert sorted(user for (service, user) in keyring_backend.items) == ["office", "personal"]
    assert not window.storage_notice.isVisible()


def test_restart_restores_both_panes_without_a_browser(qtbot, make_desk, keyring_backend, sandbox):
    _, first = make_desk(keyring_backend)
    wait_signed_in(qtbot, first, Slot.OFFICE, Slot.PERSONAL)
    before = issued_tokens(sandbox)
    first.shutdown()

    browser = Browser()
    window, second = make_desk(keyring_backend, browser=browser, practice=False)
    wait_signed_in(qtbot, second, Slot.OFFICE, Slot.PERSONAL)
    assert browser.urls == []
    assert issued_tokens(sandbox) == before  # no new sign-in, no refresh needed
    assert window.panes[Slot.OFFICE].header.handle_label.text() == "@HumasDemo"


def test_sign_out_revokes_at_x_deletes_the_secret_and_shows_sign_in(
    qtbot, make_desk, keyring_backend, sandbox
):
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    access = controller.sessions[Slot.OFFICE].tokens.access_token
    pane = window.panes[Slot.OFFICE]
    with qtbot.waitSignal(controller.signed_out, timeout=20000):
        qtbot.mouseClick(pane.header.sign_out_button, Qt.MouseButton.LeftButton)
    assert pane.pages.currentIndex() == 0
    assert pane.sign_in_button.text() == "Masuk ke akun kantor"
    assert me_status(sandbox, access) == 401
    assert [u for (_, u) in keyring_backend.items] == ["personal"]
    assert Slot.PERSONAL in controller.sessions  # the other pane is untouched


def test_sign_in_and_out_are_in_the_activity_log_without_tokens(
    qtbot, make_desk, keyring_backend, activity_log, sandbox
):
    _, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    with qtbot.waitSignal(controller.signed_out, timeout=20000):
        controller.sign_out(Slot.OFFICE)
    logged = actions(activity_log)
    assert sorted(logged[:2]) == [("signed_in", "office"), ("signed_in", "personal")]
    assert logged[2:] == [("signed_out", "office")]
    assert activity_log.verify().ok
    dump = "\n".join(e.canonical_bytes().decode() for e in activity_log.iter_entries(LogFilter()))
    assert "HumasDemo" in dump
    assert not any(token in dump for token in issued_tokens(sandbox))


# --- sign-in from a pane -----------------------------------------------------------------------


def _signed_out_desk(qtbot, make_desk, backend, browser, **kwargs):
    window, controller = make_desk(backend, browser=browser, practice=False, **kwargs)
    pane = wait_signed_out_page(qtbot, window, Slot.OFFICE)
    return window, controller, pane


def test_sign_in_from_the_pane_through_the_consent_page(qtbot, make_desk, keyring_backend):
    browser = Browser(approve_as("HumasDemo"))
    _, controller, pane = _signed_out_desk(qtbot, make_desk, keyring_backend, browser)
    assert pane.sign_in_button.text() == "Masuk ke akun kantor"
    with qtbot.waitSignal(controller.sign_in_started, timeout=10000):
        qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    wait_signed_in(qtbot, controller, Slot.OFFICE)
    assert pane.header.handle_label.text() == "@HumasDemo"
    assert urlsplit(browser.urls[0]).path == "/i/oauth2/authorize"
    assert ("humasdesk-test", "office") in keyring_backend.items


def test_pane_shows_progress_and_cancel_frees_the_port(qtbot, make_desk, keyring_backend):
    browser = Browser()  # the official never answers in the browser
    _, controller, pane = _signed_out_desk(qtbot, make_desk, keyring_backend, browser)
    with qtbot.waitSignal(controller.sign_in_started, timeout=10000):
        qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    assert pane.pages.currentIndex() == 1 and pane.signing_in_progress.isVisible()
    port = urlsplit(callback_of(browser.urls[0])[0]).port
    qtbot.mouseClick(pane.cancel_sign_in_button, Qt.MouseButton.LeftButton)
    assert pane.pages.currentIndex() == 0

    def port_free() -> bool:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return False
            return True

    qtbot.waitUntil(port_free, timeout=5000)
    assert Slot.OFFICE not in controller.sessions


def test_consent_denied_is_said_plainly(qtbot, make_desk, keyring_backend, activity_log):
    def deny(url: str) -> None:
        redirect, state = callback_of(url)
        requests.get(redirect, params={"error": "access_denied", "state": state}, timeout=10)

    _, controller, pane = _signed_out_desk(qtbot, make_desk, keyring_backend, Browser(deny))
    with qtbot.waitSignal(controller.slot_failed, timeout=20000) as failed:
        qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    assert "ditolak" in failed.args[1]
    assert actions(activity_log) == [("sign_in_failed", "office")]
    assert pane.pages.currentIndex() == 0 and keyring_backend.items == {}


def test_wrong_state_is_refused_and_the_wait_goes_on_until_time_out(
    qtbot, make_desk, keyring_backend
):
    answers: list[int] = []

    def forge(url: str) -> None:
        redirect, _ = callback_of(url)
        answers.append(
            requests.get(redirect, params={"code": "x", "state": "forged"}, timeout=10).status_code
        )

    browser = Browser(forge)
    _, controller, pane = _signed_out_desk(qtbot, make_desk, keyring_backend, browser, timeout=2)
    with qtbot.waitSignal(controller.slot_failed, timeout=20000) as failed:
        qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    assert answers == [400]
    assert "Tidak ada jawaban dari peramban" in failed.args[1]
    assert Slot.OFFICE not in controller.sessions


def test_a_second_callback_after_success_is_not_accepted(qtbot, make_desk, keyring_backend):
    browser = Browser(approve_as("HumasDemo"))
    _, controller, pane = _signed_out_desk(qtbot, make_desk, keyring_backend, browser)
    qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    wait_signed_in(qtbot, controller, Slot.OFFICE)
    redirect, state = callback_of(browser.urls[0])
    with pytest.raises(requests.ConnectionError):
        requests.get(redirect, params={"code": "again", "state": state}, timeout=5)


def test_callback_port_in_use_names_the_port(qtbot, make_desk, keyring_backend):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        _, controller, pane = _signed_out_desk(
            qtbot, make_desk, keyring_backend, Browser(), callback_port=port
        )
        with qtbot.waitSignal(controller.slot_failed, timeout=20000) as failed:
            qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    assert str(port) in failed.args[1] and "Pengaturan" in failed.args[1]
    assert pane.pages.currentIndex() == 0


# --- guards ------------------------------------------------------------------------------------


def test_same_account_cannot_sit_in_both_panes(qtbot, make_desk, keyring_backend, sandbox):
    browser = Browser(approve_as("HumasDemo"))
    window, controller = make_desk(keyring_backend, browser=browser, practice=False)
    office = wait_signed_out_page(qtbot, window, Slot.OFFICE)
    personal = wait_signed_out_page(qtbot, window, Slot.PERSONAL)
    qtbot.mouseClick(office.sign_in_button, Qt.MouseButton.LeftButton)
    wait_signed_in(qtbot, controller, Slot.OFFICE)
    tokens_before = set(issued_tokens(sandbox))
    with qtbot.waitSignal(controller.slot_failed, timeout=20000) as failed:
        qtbot.mouseClick(personal.sign_in_button, Qt.MouseButton.LeftButton)
    assert "@HumasDemo sudah masuk di panel lain" in failed.args[1]
    assert Slot.PERSONAL not in controller.sessions
    assert ("humasdesk-test", "personal") not in keyring_backend.items
    refused = set(issued_tokens(sandbox)) - tokens_before
    access = [t for t in refused if me_status(sandbox, t) != 401]
    assert access == []  # the refused sign-in's tokens were revoked at once


def test_office_pane_pinned_to_the_agency_handle(qtbot, make_desk, keyring_backend):
    browser = Browser(approve_as("rina_humas"))
    _, controller, pane = _signed_out_desk(
        qtbot, make_desk, keyring_backend, browser, office_handle="@HumasDemo"
    )
    with qtbot.waitSignal(controller.slot_failed, timeout=20000) as failed:
        qtbot.mouseClick(pane.sign_in_button, Qt.MouseButton.LeftButton)
    assert "@HumasDemo" in failed.args[1] and "@rina_humas" in failed.args[1]
    assert Slot.OFFICE not in controller.sessions


# --- stored tokens going bad -------------------------------------------------------------------


def test_revoked_token_on_start_asks_to_sign_in_again(
    qtbot, make_desk, keyring_backend, sandbox, activity_log
):
    _, first = make_desk(keyring_backend)
    wait_signed_in(qtbot, first, Slot.OFFICE, Slot.PERSONAL)
    tokens = first.sessions[Slot.OFFICE].tokens
    first.shutdown()
    requests.post(
        f"{sandbox.base_url}/2/oauth2/revoke",
        data={"token": tokens.refresh_token, "client_id": PRACTICE_CLIENT_ID},
        timeout=10,
    )
    window, second = make_desk(keyring_backend, practice=False)
    pane = wait_signed_out_page(qtbot, window, Slot.OFFICE)
    assert pane.status_label.text() == "Sesi berakhir — masuk lagi."
    wait_signed_in(qtbot, second, Slot.PERSONAL)
    assert ("session_expired", "office") in actions(activity_log)


def test_expired_access_token_is_refreshed_on_start_and_the_new_refresh_token_kept(
    qtbot, make_desk, keyring_backend, sandbox
):
    _, first = make_desk(keyring_backend)
    wait_signed_in(qtbot, first, Slot.OFFICE, Slot.PERSONAL)
    old = first.sessions[Slot.OFFICE].tokens
    first.shutdown()
    requests.post(f"{sandbox.base_url}/_sandbox/clock", json={"advance_s": 7300}, timeout=10)
    _, second = make_desk(keyring_backend, practice=False)
    wait_signed_in(qtbot, second, Slot.OFFICE)
    new = second.sessions[Slot.OFFICE].tokens
    assert new.access_token != old.access_token and new.refresh_token != old.refresh_token
    stored = TokenStore(SERVICE, backend=keyring_backend).load(Slot.OFFICE)
    assert stored.refresh_token == new.refresh_token


def test_corrupt_secret_signs_the_pane_out_and_says_why(qtbot, make_desk, keyring_backend):
    keyring_backend.items[(SERVICE, "office")] = "{this is not json"
    window, _ = make_desk(keyring_backend, practice=False)
    pane = wait_signed_out_page(qtbot, window, Slot.OFFICE)
    qtbot.waitUntil(lambda: "rusak" in pane.status_label.text(), timeout=10000)
    assert (SERVICE, "office") not in keyring_backend.items


@pytest.mark.parametrize(
    ("error", "hint"),
    [(kerr.KeyringLocked, "terkunci"), (kerr.NoKeyringError, "Secret Service")],
)
def test_no_secure_storage_still_signs_in_for_this_session_and_says_so(
    qtbot, make_desk, sandbox, error, hint
):
    window, controller = make_desk(RaisingKeyring(error))
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    # Said once for the laptop (it is not about one account), not in each pane.
    notice = window.storage_notice
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    text = notice.text()
    assert text.startswith("Tidak tersimpan: Anda perlu masuk lagi setelah aplikasi ditutup")
    assert hint in text


def test_practice_tokens_from_another_emulator_state_sign_in_afresh(
    qtbot, make_desk, keyring_backend, sandbox
):
    """Practice mode never strands the trainee at 'Sesi berakhir': the demo accounts
    are always there, so unusable stored practice tokens lead to a fresh sign-in."""
    _, first = make_desk(keyring_backend)
    wait_signed_in(qtbot, first, Slot.OFFICE, Slot.PERSONAL)
    first.shutdown()
    for token in issued_tokens(sandbox):
        requests.post(
            f"{sandbox.base_url}/2/oauth2/revoke",
            data={"token": token, "client_id": PRACTICE_CLIENT_ID},
            timeout=10,
        )
    _, second = make_desk(keyring_backend)
    wait_signed_in(qtbot, second, Slot.OFFICE, Slot.PERSONAL)
