"""Templat balasan: a typo in a placeholder is refused with its name; a reply that would be
too long shows on the counter before anything reaches the composer."""

from __future__ import annotations

from humasdesk.core.templates import STARTER_TEMPLATES, Template


def dialog(qtbot, templates=STARTER_TEMPLATES, values=None):
    from humasdesk.gui.aduan.templates_dialog import TemplatesDialog

    d = TemplatesDialog(list(templates), values or {"sapaan": "Kak"})
    qtbot.addWidget(d)
    d.show()
    return d


def test_unknown_placeholder_is_refused_with_its_name(qtbot):
    d = dialog(qtbot)
    d.body_edit.setPlainText("Halo {sapan}, nomor Anda {nomor_lapor}.")
    assert d.problem.text().startswith("Templat memakai isian yang tidak dikenal: {sapan}.")
    assert not d.insert_button.isEnabled()
    saved = []
    d.template_saved.connect(lambda *a: saved.append(a))
    d.save_button.click()
    assert saved  # the controller refuses it (validate) and says why in the dialog


def test_too_long_reply_is_shown_on_the_counter_before_inserting(qtbot):
    long = Template(
        "Panjang", "Terima kasih {sapaan}. " + "Mohon maaf atas ketidaknyamanannya. " * 8
    )
    d = dialog(qtbot, [long], {"sapaan": "Bapak/Ibu"})
    assert d.counter.text().endswith("terlalu panjang untuk X; persingkat setelah disisipkan.")
    assert d.counter.text().startswith("312/280")  # over 280 by X's count
    d.insert_button.click()
    assert d.inserted_text is not None and d.inserted_text.startswith("Terima kasih Bapak/Ibu.")


def test_filled_preview_and_count(qtbot):
    d = dialog(qtbot, values={"sapaan": "Kak Budi", "nomor_lapor": "#1916449",
                              "tautan": "https://www.lapor.go.id/pengaduan/1916449"})  # fmt: skip
    d.list.setCurrentRow(1)  # Diteruskan ke LAPOR!
    assert "dengan nomor #1916449" in d.preview.text()
    assert d.counter.text().endswith("/280")
