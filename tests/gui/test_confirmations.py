"""Confirmations say what will happen: a reply says it is a reply and to whom, images are
shown with their descriptions, and the alt-text prompt names its image and moves on with
Enter and Tab like a form (it used to type them into the description)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from humasdesk.core.media import ImageAttachment
from humasdesk.core.models import Slot
from humasdesk.gui.composer import Composer
from humasdesk.gui.confirm_dialog import ConfirmPostDialog
from humasdesk.gui.image_dialogs import AltTextDialog
from tests.gui.helpers import wait_signed_in


def png(colour: str, path: str) -> ImageAttachment:
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return ImageAttachment.from_bytes(bytes(data.data()), path=path)


class RealConfirmation:
    """Opens the desk's real confirmation for what the pane asks, keeps what it says."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.seen: list[ConfirmPostDialog] = []

    def __call__(self, parent, slot, account, draft) -> bool:
        dialog = ConfirmPostDialog(slot, account, draft, parent)
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.seen.append(dialog)
        return False  # back to editing


def test_the_reply_confirmation_says_it_is_a_reply_and_to_whom(
    qtbot, make_desk, keyring_backend
):
    confirm = RealConfirmation(qtbot)
    window, controller = make_desk(keyring_backend, confirm=confirm)
    wait_signed_in(qtbot, controller, Slot.OFFICE, Slot.PERSONAL)
    office = window.panes[Slot.OFFICE]
    inbox = office.inbox_view
    qtbot.waitUntil(lambda: inbox.model.rowCount() > 0, timeout=15000)
    mention = inbox.model.mention_at(0)
    inbox.reply_requested.emit(mention)  # what Balas and Enter do
    office.composer.parts[0].edit.setPlainText("Terima kasih, laporan sudah kami teruskan.")
    QTest.mouseClick(office.composer.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(confirm.seen))
    dialog = confirm.seen[0]
    assert dialog.windowTitle() == "Balas sebagai @HumasDemo?"
    question = dialog.question_label.text()
    assert f"BALASAN untuk @{mention.author_username}" in question
    assert "@HumasDemo" in question
    assert mention.text.split()[1] in dialog.replied_label.text()
    assert dialog.replied_label.isVisible()
    assert dialog.send_button.text() == "Kirim balasan sebagai @HumasDemo"
    assert dialog.cancel_button.isDefault()


def test_the_confirmation_shows_the_images_with_their_descriptions(qtbot, tmp_path):
    from humasdesk.core.compose import Draft
    from humasdesk.core.models import Account

    images = (
        png("#C0392B", "/tmp/spanduk.png").with_alt("Spanduk layanan KTP"),
        png("#2471A3", "/tmp/antrean.png").with_alt("Antrean warga di loket"),
    )
    draft = Draft(slot=Slot.OFFICE, text="Dokumentasi layanan hari ini.", images=images)
    account = Account("1", "HumasDemo", "Humas Kementerian Demo")
    dialog = ConfirmPostDialog(Slot.OFFICE, account, draft)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    strip = dialog.images
    assert strip is not None and strip.isVisible()
    assert [not p.pixmap().isNull() for p in strip.previews] == [True, True]
    assert [c.text() for c in strip.captions] == ["Spanduk layanan KTP", "Antrean warga di loket"]
    shown = dialog.grab().toImage()
    preview = strip.previews[0]
    centre = preview.mapTo(dialog, preview.rect().center())
    assert shown.pixelColor(centre) == QColor("#C0392B")  # the picture itself is on screen


def test_the_alt_text_prompt_names_its_image_and_moves_on_with_tab_and_enter(qtbot):
    image = png("#1E8449", "/home/humas/foto-rapat.png")
    dialog = AltTextDialog(image, 2, 3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit)
    assert dialog.which_label.text() == "Gambar 2 dari 3: foto-rapat.png"
    assert not dialog.preview.pixmap().isNull()
    assert dialog.cancel_button.text() == "Batal"

    QTest.keyClicks(dialog.edit, "Rapat koordinasi di aula")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not dialog.edit  # Tab went on to the buttons
    assert "\t" not in dialog.edit.toPlainText()

    dialog.edit.setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.text() == "Rapat koordinasi di aula"


def test_the_composer_asks_for_each_image_by_number(qtbot):
    composer = Composer(Slot.PERSONAL)
    qtbot.addWidget(composer)
    composer.show()
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, AltTextDialog):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.which_label.text())
        QTest.keyClicks(box.edit, "Poster acara")
        QTest.keyClick(box.edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    text = composer.ask_alt_text(png("#884EA0", "/tmp/poster.png"), 1, 2)
    assert text == "Poster acara"
    assert asked == ["Gambar 1 dari 2: poster.png"]
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QDialog
    )
