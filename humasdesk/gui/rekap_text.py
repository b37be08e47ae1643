"""The rekap's words for the window and the PDF, translated in context "Rekap" (the command
line, the XLSX and the CSV use `core.rekap.verdict_text`, the same wording in Indonesian).
"""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from humasdesk.core.fingerprint import format_fingerprint
from humasdesk.core.rekap import Gap, Verdict, local_day


def day_text(d: date) -> str:
    return QLocale().toString(QDate(d.year, d.month, d.day), "d MMMM yyyy")


def number_text(n: int) -> str:
    return QLocale().toString(int(n))


def verdict_label(verdict: Verdict) -> str:
    """The short verdict for a table cell."""
    return (
        QCoreApplication.translate("Rekap", "Verified, counted")
        if verdict is Verdict.COUNTED
        else QCoreApplication.translate("Rekap", "EXCLUDED")
    )


def verdict_message(verdict: Verdict, detail: dict[str, Any], tz: tzinfo) -> str:
    """Why a file was excluded (or that it was counted), for a person."""
    d = detail
    if verdict is Verdict.COUNTED:
        return QCoreApplication.translate(
            "Rekap", "Signature, key, manifest and chain verified; counted."
        )
    if verdict is Verdict.ALTERED:
        if d.get("first_bad_seq") is not None:
            return QCoreApplication.translate(
                "Rekap", "Altered: entry %1 does not match its hash."
            ).replace("%1", number_text(int(d["first_bad_seq"])))
        return QCoreApplication.translate(
            "Rekap", "Altered: the content differs from what was signed."
        )
    if verdict is Verdict.BAD_SIGNATURE:
        return QCoreApplication.translate(
            "Rekap", "The signature in the .sig file is not valid (edited or forged)."
        )
    if verdict is Verdict.NO_SIGNATURE:
        return QCoreApplication.translate(
            "Rekap", "No .sig signature file beside it; ask the official for it."
        )
    if verdict is Verdict.SIGNATURE_OF_OTHER_FILE:
        return QCoreApplication.translate(
            "Rekap", "The .sig file belongs to another file (%1)."
        ).replace("%1", str(d.get("signed_name") or "?"))
    if verdict is Verdict.UNKNOWN_KEY:
        return QCoreApplication.translate(
            "Rekap",
            "Key %1 is not in the register of trusted keys; add it under Keys if it is the "
            "official's.",
        ).replace("%1", format_fingerprint(str(d.get("fingerprint") or ""), groups=4))
    if verdict is Verdict.KEY_RETIRED:
        text = QCoreApplication.translate("Rekap", "The key was retired from %1").replace(
            "%1", day_text(d["retired_from"]) if d.get("retired_from") else "?"
        )
        if d.get("latest") is not None:
            text += QCoreApplication.translate(
                "Rekap", ", but the file holds entries of %1"
            ).replace("%1", day_text(local_day(int(d["latest"]), tz)))
        return text + "."
    if verdict is Verdict.KEY_NOT_YET_VALID:
        text = QCoreApplication.translate("Rekap", "The key is valid only from %1").replace(
            "%1", day_text(d["valid_from"]) if d.get("valid_from") else "?"
        )
        if d.get("earliest") is not None:
            text += QCoreApplication.translate(
                "Rekap", ", but the file holds entries of %1"
            ).replace("%1", day_text(local_day(int(d["earliest"]), tz)))
        return text + "."
    if verdict is Verdict.WRONG_FORMAT:
        return QCoreApplication.translate(
            "Rekap",
            "A %1 file, not JSON Lines; ask the official for a JSON Lines export (Export a "
            "report… → JSON Lines).",
        ).replace("%1", str(d.get("format") or "?").upper())
    if verdict is Verdict.NOT_AN_EXPORT:
        return QCoreApplication.translate(
            "Rekap", "Not a HumasDesk export; ask for a JSON Lines export."
        )
    if verdict is Verdict.NEWER_VERSION:
        return (
            QCoreApplication.translate(
                "Rekap",
                "Made by HumasDesk %1 (format version %2), newer than this version; update "
                "HumasDesk.",
            )
            .replace("%1", str(d.get("app_version") or "?"))
            .replace("%2", str(d.get("version") or "?"))
        )
    if verdict is Verdict.UNREADABLE:
        return QCoreApplication.translate("Rekap", "Cannot be read (%1).").replace(
            "%1", str(d.get("reason") or "?")
        )
    if verdict is Verdict.OUTSIDE_PERIOD:
        return QCoreApplication.translate("Rekap", "Entirely outside the rekap's period.")
    if verdict is Verdict.CONFLICT:
        return (
            QCoreApplication.translate(
                "Rekap",
                "Entry %1 differs from the entry with the same number in %2 signed by the same "
                "key (two different histories).",
            )
            .replace("%1", number_text(int(d.get("seq") or 0)))
            .replace("%2", str(d.get("other") or "?"))
        )
    if verdict is Verdict.DUPLICATE_INPUT:
        return QCoreApplication.translate("Rekap", "The same file was already given (%1).").replace(
            "%1", str(d.get("other"))
        )
    return str(verdict)


def gap_message(gap: Gap) -> str:
    span = (
        QCoreApplication.translate("Rekap", "entry %1").replace("%1", number_text(gap.first))
        if gap.first == gap.last
        else QCoreApplication.translate("Rekap", "entries %1–%2")
        .replace("%1", number_text(gap.first))
        .replace("%2", number_text(gap.last))
    )
    return (
        QCoreApplication.translate("Rekap", "%1: %2 are in no file (between %3 and %4)")
        .replace("%1", gap.official)
        .replace("%2", span)
        .replace("%3", gap.after)
        .replace("%4", gap.before)
    )
