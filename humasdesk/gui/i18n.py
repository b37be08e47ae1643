"""Loads the UI translation. Source strings are English; Bahasa Indonesia is the default."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from humasdesk.paths import resources_dir

logger = logging.getLogger(__name__)

SUPPORTED = ("id", "en")
DEFAULT_LANGUAGE = "id"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install HumasDesk's and Qt's own translations; returns them to keep them alive."""
    language = language if language in SUPPORTED else DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale("id_ID" if language == "id" else "en_GB"))
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(f"humasdesk_{language}", str(resources_dir() / "i18n")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        logger.warning("translation %s not found; showing English", language)
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ) or qt_own.load(f"qt_{language}", str(resources_dir() / "i18n")):
        # Qt's own translation when it ships one; for Indonesian it does not, and the desk
        # carries its own for every Qt dialog, menu and button it shows (qt_id.ts).
        app.installTranslator(qt_own)
        installed.append(qt_own)
    else:
        logger.warning("no translation of Qt's own dialogs for %s", language)
    return installed
