"""A *Data warga* dialog opened again right after it was closed shows up (it used to raise
the closed one, which was about to be deleted, so nothing appeared)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from humasdesk.core.models import Slot
from tests.gui.helpers import wait_signed_in


def test_reopening_a_privacy_dialog_at_once_shows_it(qtbot, make_desk, keyring_backend):
    window, controller = make_desk(keyring_backend)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    qtbot.waitUntil(lambda: controller.privacy_menu is not None, timeout=10000)
    menu = controller.privacy_menu
    window.action_breach.trigger()
    first = menu.dialogs["breach"]
    qtbot.waitExposed(first)
    first.close()  # deleted later (WA_DeleteOnClose)
    window.action_breach.trigger()  # before that deletion has happened
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: "breach" in menu.dialogs and menu.dialogs["breach"].isVisible(),
                    timeout=5000)  # fmt: skip
