"""Helpers shared by the desk's GUI tests (plain functions; fixtures are in conftest.py)."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, urlsplit

import requests

from humasdesk.store.activity_log import LogFilter

SERVICE = "humasdesk-test"


class Browser:
    """Stands in for the system browser: records URLs and acts on them in a thread."""

    def __init__(self, action=None):
        self.urls: list[str] = []
        self.action = action
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str) -> None:
        self.urls.append(url)
        if self.action is not None:
            thread = threading.Thread(target=self.action, args=(url,), daemon=True)
            thread.start()
            self.threads.append(thread)


def approve_as(handle: str):
    def act(url: str) -> None:
        requests.get(f"{url}&sandbox_user={handle}", timeout=10)

    return act


def callback_of(url: str) -> tuple[str, str]:
    query = parse_qs(urlsplit(url).query)
    return query["redirect_uri"][0], query["state"][0]


SIGN_ACTIONS = {"signed_in", "signed_out", "sign_in_failed", "session_expired"}


def actions(log) -> list[tuple[str, str | None]]:
    """The sign-in related entries (mention syncs add their own)."""
    return [
        (str(e.action), e.slot)
        for e in log.iter_entries(LogFilter())
        if str(e.action) in SIGN_ACTIONS
    ]


def wait_signed_in(qtbot, controller, *slots):
    qtbot.waitUntil(lambda: all(s in controller.sessions for s in slots), timeout=20000)


def wait_signed_out_page(qtbot, window, slot):
    pane = window.panes[slot]
    qtbot.waitUntil(lambda: pane.pages.currentIndex() == 0, timeout=20000)
    return pane


def issued_tokens(sandbox) -> list[str]:
    data = requests.get(f"{sandbox.base_url}/_sandbox/tokens", timeout=10).json()["data"]
    return data["access_tokens"] + data["refresh_tokens"]


def me_status(sandbox, access_token: str) -> int:
    return requests.get(
        f"{sandbox.base_url}/2/users/me",
        headers={"Authorization": f"Bearer {access_token}"},
        timeout=10,
    ).status_code


class ModalAnswer:
    """Answers a modal dialog the desk opens with `exec()`, as the official would, from
    inside its event loop: once a visible top-level `cls` appears, `act(dialog)` runs (it
    sends key events or clicks). Arm it *before* the action that opens the dialog.

    `seen` holds what `look(dialog)` returned when the dialog appeared (before `act`), for
    the test to assert on after the dialog has closed; `answered` counts the dialogs. No
    reference to a dialog is kept: the desk deletes each one after its `exec()`.
    """

    def __init__(self, cls, act, look=None, tries: int = 2000) -> None:
        self.cls, self.act, self.look = cls, act, look
        self.tries = tries
        self.seen: list = []
        self.answered = 0

    def arm(self) -> ModalAnswer:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._poll)
        return self

    def _poll(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, self.cls) and widget.isVisible():
                self.answered += 1
                if self.look is not None:
                    self.seen.append(self.look(widget))
                self.act(widget)
                return
        self.tries -= 1
        if self.tries > 0:
            QTimer.singleShot(5, self._poll)


def press(widget, key) -> None:
    """A real key press on the widget that has the keyboard in `widget`'s window."""
    from PySide6.QtTest import QTest

    QTest.keyClick(widget.focusWidget() or widget, key)
