"""No English on an Indonesian desk.

Opens every window and dialog the official uses (the desk with both accounts signed in, the
settings, the export dialog, the activity log and one entry, the office confirmation) and reads
every visible string: labels, buttons, group boxes, tabs, window titles, placeholders, combo
box items, table headers, menus and the status bar. A string that is an English source of
`humasdesk_id.ts` with a different Indonesian translation was shown untranslated: the official
would see English words in the middle of the Indonesian desk. Qt's own standard button texts
("Close", "Cancel"…) count too: Qt ships no Indonesian translation for them.
"""

from __future__ import annotations

import re

from tests.a11y.conftest import open_everything
from tests.a11y.walk import QT_TS, menu_texts, strip_mnemonic, ts_messages, visible_texts

# Qt's standard dialog buttons (QPlatformTheme): English unless the app sets the text itself.
QT_STANDARD = {
    "OK", "Open", "Save", "Cancel", "Close", "Discard", "Apply", "Reset", "Restore Defaults",
    "Help", "Save All", "Yes", "Yes to All", "No", "No to All", "Abort", "Retry", "Ignore",
}  # fmt: skip


def english_matchers() -> tuple[set[str], list[re.Pattern[str]]]:
    """Exact English sources, and patterns for sources with %1 placeholders."""
    exact: set[str] = set(QT_STANDARD)
    patterns: list[re.Pattern[str]] = []
    messages = {**ts_messages(), **ts_messages(QT_TS)}  # the desk's strings and Qt's
    # Words Indonesian shares with English in some context ("Handle", "Hash") are not English.
    same = {
        strip_mnemonic(s)
        for (_c, s), t in messages.items()
        if t and strip_mnemonic(t) == strip_mnemonic(s)
    }
    for (_context, source), translation in messages.items():
        if translation is None or strip_mnemonic(source) in same:
            continue  # untranslated ones are test_translations' business
        plain = strip_mnemonic(source)
        if re.search(r"%\d", plain):
            literal = re.sub(r"%\d", "", plain)
            if len(re.sub(r"[^A-Za-z]", "", literal)) >= 4:
                parts = re.split(r"%\d", plain)
                patterns.append(re.compile("^" + "(.+?)".join(map(re.escape, parts)) + "$"))
        else:
            exact.add(plain)
    return exact, patterns


def untranslated(texts) -> list[str]:
    exact, patterns = english_matchers()
    found = []
    for where, text in texts:
        for line in strip_mnemonic(text).splitlines() or [""]:
            line = line.strip()
            if not line:
                continue
            if line in exact or any(p.match(line) for p in patterns):
                found.append(f"{where}: {line!r}")
    return found


def test_every_visible_string_is_in_indonesian(
    qtbot, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    shown = [item for top in windows.all() for item in visible_texts(top)]
    assert len(shown) > 50  # the walk really read the windows
    found = untranslated(shown)
    assert found == [], "\n".join(found)


def test_the_check_catches_english(qtbot):
    """The check itself: an English source, with or without its placeholder filled in, is
    caught; Indonesian and data are not."""
    texts = [
        ("a", "Sign out"),
        ("b", "Send as @HumasDemo"),
        ("c", "&Export a report…"),
        ("d", "Keluar"),
        ("e", "@warga_01"),
        ("f", "Close"),
    ]
    assert [t.split(":")[0] for t in untranslated(texts)] == ["a", "b", "c", "f"]


def capture_modal(qtbot, open_it, read) -> list[tuple[str, str]]:
    """Open a modal Qt dialog the way the desk does (`open_it` blocks in its event loop),
    read it (`read(dialog)` returns its texts and closes it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    got: list[tuple[str, str]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if box is None or not box.isVisible():
            QTimer.singleShot(20, look)
            return
        got.extend(read(box))

    QTimer.singleShot(0, look)
    open_it()
    assert got, "the dialog never opened"
    return got


def test_the_qt_dialogs_and_menus_the_desk_shows_are_in_indonesian(
    qtbot, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    """Qt ships no Indonesian for its own dialogs: the file picker (Look in, File name, Files
    of type, Open, Cancel), message boxes, input dialogs and the text fields' context menus
    came up in English. The desk carries its own translation; every string is read here."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QTreeView

    from humasdesk.core.models import Slot
    from humasdesk.gui.desk import ask_how_to_close

    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    window = windows.main
    shown: list[tuple[str, str]] = []

    def read_file_dialog(box):
        assert isinstance(box, QFileDialog)
        assert box.testOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's, translatable
        out = list(visible_texts(box))
        box.setViewMode(QFileDialog.ViewMode.Detail)
        for view in box.findChildren(QTreeView):
            out += [("tree", t) for _, t in visible_texts(view) if t]
        out += [(f"file dialog {w}", t) for w, t in visible_texts(box) if "header" in w]
        box.reject()
        return out

    composer = window.panes[Slot.OFFICE].composer
    picker = capture_modal(qtbot, composer.add_image_button.click, read_file_dialog)
    shown += picker

    export = windows.export
    export.browse_button.click()
    save_dialog = export.file_dialog
    qtbot.waitExposed(save_dialog)
    shown += read_file_dialog(save_dialog)

    def read_and_keep_working(box):
        assert isinstance(box, QMessageBox)
        out = list(visible_texts(box))
        box.buttons()[-1].click()
        return out

    shown += capture_modal(qtbot, lambda: ask_how_to_close(window, 2), read_and_keep_working)

    retention = windows.privacy[2]

    def read_input(box):
        out = list(visible_texts(box))
        box.reject()
        return out

    shown += capture_modal(qtbot, retention.ask_approval_reference, read_input)

    for field in (composer.parts[0].edit, export.path_edit, windows.log.search_edit):
        menu = field.createStandardContextMenu()
        items = list(menu_texts(menu, f"context menu of {type(field).__name__}"))
        assert len(items) >= 5
        shown += items
        menu.deleteLater()

    found = untranslated(shown)
    assert found == [], "\n".join(found)
    assert "Cari di:" in {strip_mnemonic(t) for _, t in picker}  # the walk saw the picker
