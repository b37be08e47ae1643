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
from tests.a11y.walk import strip_mnemonic, ts_messages, visible_texts

# Qt's standard dialog buttons (QPlatformTheme): English unless the app sets the text itself.
QT_STANDARD = {
    "OK", "Open", "Save", "Cancel", "Close", "Discard", "Apply", "Reset", "Restore Defaults",
    "Help", "Save All", "Yes", "Yes to All", "No", "No to All", "Abort", "Retry", "Ignore",
}  # fmt: skip


def english_matchers() -> tuple[set[str], list[re.Pattern[str]]]:
    """Exact English sources, and patterns for sources with %1 placeholders."""
    exact: set[str] = set(QT_STANDARD)
    patterns: list[re.Pattern[str]] = []
    messages = ts_messages()
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
