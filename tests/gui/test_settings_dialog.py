"""The settings dialog: the official (or IT) can connect the agency's X app, and sees
plainly where sign-in tokens are kept."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from humasdesk.gui.settings_dialog import SettingsDialog
from humasdesk.settings import Settings


def _save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_fields_are_in_indonesian_and_save_to_the_settings_file(qtbot, tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Pengaturan"
    assert dialog.editors["x_client_id"].accessibleName() == "Client id aplikasi X"
    dialog.editors["x_client_id"].setText("  abc123XYZ  ")
    dialog.editors["office_handle"].setText("@HumasDemo")
    with qtbot.waitSignal(dialog.settings_saved) as saved:
        _save_button(dialog).click()
    assert saved.args == [True]  # a restart is needed for the client id
    reloaded = Settings.load(tmp_path / "settings.json")
    assert reloaded.get("x_client_id") == "abc123XYZ"
    assert reloaded.get("office_handle") == "@HumasDemo"


def test_invalid_port_and_handle_block_saving_and_say_why(qtbot, tmp_path):
    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["callback_port"].setValue(80)
    assert not _save_button(dialog).isEnabled()
    assert "1024" in dialog.errors["callback_port"].text()
    dialog.editors["callback_port"].setValue(8765)
    dialog.editors["office_handle"].setText("Humas Demo!")
    assert not _save_button(dialog).isEnabled()
    assert dialog.errors["office_handle"].isVisible()
    dialog.editors["office_handle"].setText("")
    assert _save_button(dialog).isEnabled()
    assert not (tmp_path / "settings.json").exists()  # nothing saved until Save


def test_storage_location_is_shown(qtbot, tmp_path):
    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.set_storage_text("keyring sistem (Secret Service)")
    assert dialog.storage_label.text() == (
        "Tempat token masuk disimpan: keyring sistem (Secret Service)"
    )
