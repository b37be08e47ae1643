"""User-facing text for domain errors, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from humasdesk.core import errors


def describe_error(exc: BaseException) -> str:
    """One plain sentence saying what went wrong and what to do."""
    if isinstance(exc, errors.AuthExpired):
        return QCoreApplication.translate(
            "Errors", "The session with X has ended. Please sign in again."
        )
    if isinstance(exc, errors.DuplicatePost):
        return QCoreApplication.translate(
            "Errors", "X refused the post: this account already posted the same text."
        )
    if isinstance(exc, errors.ReplyNotAllowed):
        return QCoreApplication.translate(
            "Errors",
            "X refused the reply: replies are only allowed to posts that mention this account.",
        )
    if isinstance(exc, errors.Forbidden):
        return QCoreApplication.translate("Errors", "X refused the action: %1").replace(
            "%1", exc.reason or str(exc)
        )
    if isinstance(exc, errors.RateLimited):
        if exc.reset_at is not None:
            when = QLocale().toString(
                QDateTime.fromSecsSinceEpoch(int(exc.reset_at.timestamp())).time(),
                QLocale.FormatType.ShortFormat,
            )
            return QCoreApplication.translate(
                "Errors", "X's request limit was reached. Sending resumes at %1."
            ).replace("%1", when)
        return QCoreApplication.translate(
            "Errors", "X's request limit was reached. Please wait a moment."
        )
    if isinstance(exc, errors.UsageCapped):
        return QCoreApplication.translate(
            "Errors", "The X app's usage cap is reached. Ask the agency's X app administrator."
        )
    if isinstance(exc, errors.NotFound):
        return QCoreApplication.translate("Errors", "The post no longer exists on X.")
    if isinstance(exc, errors.ServerError):
        return QCoreApplication.translate(
            "Errors", "X is having problems right now. Please try again in a few minutes."
        )
    if isinstance(exc, errors.NetworkError):
        return QCoreApplication.translate(
            "Errors", "X cannot be reached. Check the internet connection."
        )
    if isinstance(exc, errors.InvalidRequest):
        return QCoreApplication.translate("Errors", "X refused the request: %1").replace(
            "%1", str(exc)
        )
    if isinstance(exc, errors.OAuthError):
        return QCoreApplication.translate("Errors", "Sign-in failed: %1").replace("%1", str(exc))
    return QCoreApplication.translate(
        "Errors", "Something went wrong (%1). Details are in the log file."
    ).replace("%1", type(exc).__name__)
