"""Run as a script (in a subprocess, with QT_SCALE_FACTOR set): builds the desk's main window
with both accounts shown and prints, as JSON, what is clipped in the account headers."""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication


def main() -> int:
    app = QApplication(sys.argv[:1])
    from humasdesk.core.models import Account, Slot
    from humasdesk.gui.i18n import install_translators
    from humasdesk.gui.main_window import MainWindow
    from tests.a11y.clipping import clipped

    translators = install_translators(app, "id")  # noqa: F841  (kept alive)
    window = MainWindow(practice=True)
    accounts = {
        Slot.OFFICE: Account("1", "HumasDemo", "Humas Pemerintah Kota Demo"),
        Slot.PERSONAL: Account("2", "rina_humas", "Rina Wulandari"),
    }
    for slot, pane in window.panes.items():
        pane.show_account(accounts[slot])
        pane.composer.set_handle(accounts[slot].username)
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    result = {
        "ratio": window.devicePixelRatio(),
        "size": [window.width(), window.height()],
        "headers": {slot.value: clipped(pane.header) for slot, pane in window.panes.items()},
        "window": clipped(window),
        "names": [pane.header.name_label.text() for pane in window.panes.values()],
    }
    print(json.dumps(result))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
