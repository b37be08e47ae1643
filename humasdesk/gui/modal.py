"""Run a dialog modally and delete it afterwards, on the GUI thread.

PySide6 hands a dialog to Python once `exec()` returns. Kept as a hidden child of its
parent, every confirmation would stay in memory for the rest of the session, and one whose
wrapper sits in a reference cycle would be deleted whenever the garbage collector ran: on
any thread. `deleteLater` makes its end certain, prompt and on this thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """`dialog.exec()`, then the dialog is scheduled for deletion; returns exec's result."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
