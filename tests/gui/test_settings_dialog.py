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
    assert dialog.editors["x_client_id"].accessibleName() == "ID klien aplikasi X"
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
    assert not dialog.errors["office_handle"].isHidden()  # shown on the "Aplikasi X" tab
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


def test_privacy_tab_shows_the_notice_with_the_values_in_force(qtbot, tmp_path):
    """Settings → Privasi: controller, DPO contact, legal basis and retention, as set."""
    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Umum", "Aplikasi X", "Privasi", "Jadwal", "Biaya",  # Jadwal: issue 15, Biaya: 16
    ]  # fmt: skip
    dialog.editors["agency_name"].setText("Kementerian Demo")
    dialog.editors["dpo_contact"].setText("ppdp@demo.go.id")
    dialog.editors["retention_unanswered_mention_days"].setValue(180)
    notice = dialog.privacy_notice.toPlainText()
    assert "Kementerian Demo" in notice and "ppdp@demo.go.id" in notice
    assert "180 hari" in notice and "UU 27/2022" in notice


def test_retention_of_zero_days_is_refused(qtbot, tmp_path):
    dialog = SettingsDialog(Settings.load(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    spin = dialog.editors["retention_unanswered_mention_days"]
    assert spin.minimum() == 1  # the editor cannot even go below one day
    import pytest

    from humasdesk.settings import Settings as S

    with pytest.raises(ValueError, match="retention_unanswered_mention_days"):
        S(tmp_path / "s.json").set("retention_unanswered_mention_days", 0)


def test_costs_tab_holds_the_monthly_budget_for_reading_numbers(qtbot, tmp_path):
    """Settings → Biaya: the metrics budget per account and month, US$2 unless changed; a
    value that is not an amount is refused (issue 16)."""
    from humasdesk.settings import problem

    settings = Settings.load(tmp_path / "settings.json")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.editors["metrics_budget_usd"].text() == "2.00"
    assert dialog.editors["metrics_budget_usd"].parent() is not None
    assert problem("metrics_budget_usd", "dua dolar") is not None
    assert problem("metrics_budget_usd", "0,50") is None
