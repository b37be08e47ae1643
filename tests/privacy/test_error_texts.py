"""Every refusal of the privacy services has its own text in the desk's language.

The services' errors carry a `message_id` (their Indonesian message is the command line's);
the dialogs show `gui.messages.describe_privacy_error`. If an id has no text there, the
official reads a generic "the request was refused (request_closed)" instead of what to do.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from humasdesk.services.privacy import AlreadyErased, HandoverFailed, InvalidPeriod, NothingHeld
from humasdesk.store.privacy_store import ERASURE, EXPORT, LeaseConflict

PACKAGE = Path(__file__).resolve().parents[2] / "humasdesk"
ERRORS = {
    "PrivacyError", "InvalidRequest", "InvalidPeriod", "InvalidRetention", "NotConfirmed",
    "AlreadyErased", "NothingHeld", "HandoverFailed", "AccessReportFailed", "LeaseConflict",
    "RequestNotFound", "RequestNotOpen", "InvalidHandle",
}  # fmt: skip


PRIVACY_MODULES = [
    PACKAGE / "services" / "privacy.py",
    PACKAGE / "services" / "access_report.py",
    PACKAGE / "core" / "privacy.py",
    PACKAGE / "store" / "privacy_store.py",
]
OWN_IDS = {"HandoverFailed", "AccessReportFailed", "LeaseConflict", "RequestNotFound",
           "RequestNotOpen"}  # fmt: skip


def raised_message_ids() -> set[str]:
    """The message ids the code gives its privacy errors: the literal second argument of
    a raise (or ``super().__init__``), else the class's `code`; plus the ids built from a
    stage or a reason (handover, access report) and LeaseConflict's cases."""
    codes: dict[str, str] = {}
    calls: list[ast.Call] = []
    for path in PRIVACY_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name in ERRORS:
                for stmt in node.body:
                    targets = [getattr(t, "id", "") for t in getattr(stmt, "targets", [])]
                    if targets == ["code"] and isinstance(stmt.value, ast.Constant):
                        codes[node.name] = stmt.value.value
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ERRORS:
                calls.append(node)
            targets = [getattr(t, "id", "") for t in getattr(node, "targets", [])]
            if isinstance(node, ast.Assign) and targets == ["msg_id"]:
                codes[f"lease:{node.value.value}"] = node.value.value
    ids = {v for k, v in codes.items() if k.startswith("lease:")}
    for call in calls:
        name = call.func.id
        if name in OWN_IDS:
            continue  # their __init__ sets the id (from a stage, a reason, a case)
        second = call.args[1] if len(call.args) >= 2 else None
        if isinstance(second, ast.Constant) and isinstance(second.value, str) and second.value:
            ids.add(second.value)
        elif name in codes:
            ids.add(codes[name])
    ids |= {f"handover_{stage}" for stage in ("busy_outbox", "export", "verify", "sign_out")}
    ids |= {f"access_report_{r}" for r in ("unknown_format", "no_pdf_writer")}
    ids |= {"retention_not_days", "retention_not_positive", "retention_too_long"}
    ids |= {"not_confirmed", "already_erased", "nothing_held", "invalid_handle"}  # own __init__
    return ids


def test_every_message_id_has_a_text():
    from humasdesk.gui.messages import _privacy_text

    ids = raised_message_ids()
    assert {"request_not_found", "period_reversed", "export_running", "nothing_held"} <= ids
    assert sorted(i for i in ids if _privacy_text(i) is None) == []


@pytest.fixture
def indonesian(qapp):
    from PySide6.QtCore import QLocale

    from humasdesk.gui.i18n import install_translators

    before = QLocale()
    translators = install_translators(qapp, "id")
    yield
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (InvalidPeriod("x", "period_reversed"), "Awal periode harus sebelum akhirnya."),
        (
            NothingHeld("warga_lama"),
            "Tidak ada data tentang @warga_lama yang tersimpan di desk ini.",
        ),
        (AlreadyErased([3, 4]), "Data pribadi pada entri 3, 4 sudah dihapus sebelumnya."),
        (
            LeaseConflict(ERASURE, EXPORT, "ekspor csv"),
            "Saat ini ekspor sedang berjalan, jadi penghapusan ditunda. Ulangi setelah ekspor "
            "selesai; tidak ada yang dihapus.",
        ),
        (
            HandoverFailed("busy_outbox", "x", posts=2),
            "2 kiriman akun kantor masih di antrean kotak keluar.",
        ),
    ],
)
def test_the_desk_says_it_in_indonesian(indonesian, error, shown):
    from humasdesk.gui.messages import describe_privacy_error

    assert describe_privacy_error(error) == shown


def test_the_english_desk_shows_no_indonesian_service_text():
    """With the English interface (a desk with no translator installed, in its own process),
    a refused retention period is English, not the command line's Indonesian line."""
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from humasdesk.core.privacy import InvalidRetention, RetentionPolicy\n"
        "from humasdesk.gui.messages import describe_privacy_error\n"
        "app = QCoreApplication([])\n"
        "try:\n"
        "    RetentionPolicy(unanswered_mention_days=0)\n"
        "except InvalidRetention as exc:\n"
        "    print(str(exc))\n"
        "    print(describe_privacy_error(exc))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    cli_line, shown = result.stdout.strip().splitlines()
    assert "hari" in cli_line  # the command line's text stays Indonesian
    assert shown == "A retention period must be more than 0 days."
