"""User-facing text for domain errors, in the UI language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from humasdesk.core import errors
from humasdesk.core.errors import OAuthFailure

if TYPE_CHECKING:
    from humasdesk.credentials import StorageProblem


def describe_error(exc: BaseException) -> str:
    """One plain sentence saying what went wrong and what to do."""
    from humasdesk.credentials import CorruptSecret, SecureStorageUnavailable
    from humasdesk.services.accounts import OfficeHandleMismatch, SessionExpired
    from humasdesk.services.session import SlotConflict

    if isinstance(exc, SessionExpired):
        return QCoreApplication.translate("Errors", "Session ended — sign in again.")
    if isinstance(exc, SlotConflict):
        return QCoreApplication.translate(
            "Errors",
            "@%1 is already signed in to the other pane. One X account can sit in one pane only.",
        ).replace("%1", exc.username)
    if isinstance(exc, OfficeHandleMismatch):
        return (
            QCoreApplication.translate(
                "Errors",
                "The office pane is set to @%1, but X signed in @%2. Sign in with @%1, "
                "or change the office account in Settings.",
            )
            .replace("%1", exc.expected)
            .replace("%2", exc.actual)
        )
    if isinstance(exc, CorruptSecret):
        return QCoreApplication.translate(
            "Errors",
            "The saved sign-in for this pane was damaged and has been removed. Please sign in "
            "again.",
        )
    if isinstance(exc, SecureStorageUnavailable):
        return storage_problem_text(exc.problem)
    from humasdesk.store.migrations import DatabaseTooNew
    from humasdesk.store.safety import DatabaseUnusable, Unusable

    if isinstance(exc, DatabaseUnusable):
        if exc.reason is Unusable.NO_SPACE:
            return QCoreApplication.translate(
                "Errors", "The disk is full. Free some space, then start HumasDesk again."
            )
        if exc.reason is Unusable.READ_ONLY:
            return QCoreApplication.translate(
                "Errors",
                "The data folder %1 cannot be written. Ask IT staff to give your account write "
                "access, or start HumasDesk with another --data-dir.",
            ).replace("%1", str(exc.path.parent))
        return QCoreApplication.translate(
            "Errors", "The database %1 cannot be opened. Details are in the log file."
        ).replace("%1", str(exc.path))
    if isinstance(exc, DatabaseTooNew):
        return QCoreApplication.translate(
            "Errors",
            "The database was written by a newer HumasDesk. Install the newer version; the "
            "database was not changed.",
        )
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
    if isinstance(exc, errors.CreditsDepleted):
        return credits_text()
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
        return describe_sign_in_failure(exc)
    return QCoreApplication.translate(
        "Errors", "Something went wrong (%1). Details are in the log file."
    ).replace("%1", type(exc).__name__)


def credits_text() -> str:
    """The agency's pay-per-use X credit is used up: what it means, and who can top it up."""
    return QCoreApplication.translate(
        "Errors",
        "The agency's X credit is used up. Posts wait in the outbox (nothing is lost) and "
        "mentions are not read until it is topped up. The administrator of the agency's X "
        "developer account can add credit in the X developer console.",
    )


def describe_sign_in_failure(exc: errors.OAuthError) -> str:
    kind = exc.kind
    if kind is OAuthFailure.DENIED:
        return QCoreApplication.translate(
            "Errors", "Access was refused on the X page. Nothing was signed in."
        )
    if kind is OAuthFailure.WRONG_STATE:
        return QCoreApplication.translate(
            "Errors",
            "The answer from the browser does not belong to this sign-in and was ignored. "
            "Please try again.",
        )
    if kind is OAuthFailure.TIMED_OUT:
        return QCoreApplication.translate(
            "Errors", "No answer from the browser in time. Please try signing in again."
        )
    if kind is OAuthFailure.CANCELLED:
        return QCoreApplication.translate("Errors", "Sign-in cancelled.")
    if kind is OAuthFailure.PORT_IN_USE:
        return QCoreApplication.translate(
            "Errors",
            "Port %1 on this laptop is used by another program, so X's answer cannot be "
            "received. Close that program, or change the callback port in Settings (and in "
            "the agency's X app).",
        ).replace("%1", str(exc.port))
    if kind is OAuthFailure.REFUSED:
        return QCoreApplication.translate("Errors", "X refused the sign-in. Please sign in again.")
    return QCoreApplication.translate("Errors", "Sign-in failed. Please try again.")


def storage_problem_text(problem: StorageProblem | None) -> str:
    """What to do when tokens cannot be kept in the system keyring."""
    from humasdesk.credentials import StorageProblem

    if problem is StorageProblem.LOCKED:
        return QCoreApplication.translate(
            "Errors",
            "The system keyring is locked. Unlock it (for example by logging in to the "
            "desktop again), then restart HumasDesk.",
        )
    if problem is StorageProblem.REFUSED:
        return QCoreApplication.translate(
            "Errors", "The system keyring refused access. Allow HumasDesk in the keyring."
        )
    return QCoreApplication.translate(
        "Errors",
        "No secure storage was found. Install a Secret Service provider such as GNOME "
        "Keyring or KWallet.",
    )


def session_only_warning(problem: StorageProblem | None) -> str:
    return (
        QCoreApplication.translate(
            "Errors", "Not saved: you will need to sign in again after closing the app."
        )
        + " "
        + storage_problem_text(problem)
    )


def session_key_notice() -> str:
    """Said after an export signed with the session key (no secure keyring)."""
    return QCoreApplication.translate(
        "Errors",
        "There is no system keyring on this laptop, so it was signed with a key for this "
        "session only. The signature shows the file was not changed after it was made, but "
        "it cannot be checked against the desk's saved key.",
    )
