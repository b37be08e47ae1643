"""User-facing text for domain errors, in the UI language: X and the keyring
(`describe_error`), signed files that could not be written (`describe_export_failure`) and
the privacy services' refusals (`describe_privacy_error`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from humasdesk.core import errors
from humasdesk.core.errors import OAuthFailure

if TYPE_CHECKING:
    from humasdesk.core.privacy import PrivacyError
    from humasdesk.credentials import StorageProblem
    from humasdesk.store.exports.signed import ExportFailed


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


def describe_export_failure(exc: ExportFailed, path: Path) -> str:
    """What went wrong writing a signed file (an export, an access report, the handover
    file) at `path`, and what to do. The error's own message is English, for the log."""
    from humasdesk.store.exports.signed import FailureReason

    reason = str(exc.reason)
    if reason == FailureReason.NO_SPACE:
        return QCoreApplication.translate(
            "Errors",
            "The disk is full: there is not enough space for %1. Free some space or choose "
            "another location.",
        ).replace("%1", path.name)
    if reason in (FailureReason.NO_PERMISSION, FailureReason.READ_ONLY):
        return QCoreApplication.translate(
            "Errors", "The folder %1 cannot be written to. Choose another folder."
        ).replace("%1", str(path.parent))
    if reason == FailureReason.KEYRING:
        return QCoreApplication.translate(
            "Errors",
            "The signing key could not be read from the system keyring. Unlock the keyring "
            "(GNOME Keyring/KWallet) and try again.",
        )
    if reason == FailureReason.NO_FOLDER:
        return QCoreApplication.translate(
            "Errors", "The folder %1 does not exist; choose another folder."
        ).replace("%1", str(path.parent))
    if reason == FailureReason.IS_DIRECTORY:
        return QCoreApplication.translate(
            "Errors", "%1 is a folder; give the file a name."
        ).replace("%1", str(path))
    if reason == FailureReason.NO_PDF_WRITER:
        return pdf_unavailable_text()
    if reason == FailureReason.PDF_WRITER_FAILED:
        return QCoreApplication.translate(
            "Errors", "The PDF could not be made (%1); try another format."
        ).replace("%1", str(exc))
    return QCoreApplication.translate("Errors", "The file could not be written (%1).").replace(
        "%1", f"{reason}: {exc}"
    )


def pdf_unavailable_text() -> str:
    return QCoreApplication.translate(
        "Errors", "PDF is not available in this version; choose another format."
    )


def describe_privacy_error(exc: PrivacyError) -> str:
    """A privacy service's refusal in the UI language, from its `message_id` and `params`
    (the error's own message is the command line's Indonesian)."""
    params = {k: str(v) for k, v in exc.params.items()}
    template = _privacy_text(exc.message_id)
    if template is None:
        return QCoreApplication.translate(
            "Errors", "The request was refused (%1). Details are in the log file."
        ).replace("%1", exc.message_id)
    for i, key in enumerate(_PRIVACY_PARAMS.get(exc.message_id, ()), start=1):
        template = template.replace(f"%{i}", params.get(key, ""))
    return template


# Which `params` fill %1, %2 … of each privacy message.
_PRIVACY_PARAMS = {
    "already_erased": ("entries",),
    "record_not_erasable": ("entries",),
    "nothing_held": ("handle",),
    "request_not_found": ("request",),
    "request_closed": ("request",),
    "not_erasure_request": ("request",),
    "not_access_request": ("request",),
    "wrong_request_kind": ("request",),
    "other_persons_request": ("request",),
    "handover_busy_outbox": ("posts",),
    "handover_verify": ("problems",),
    "handover_sign_out": ("error",),
}


def _privacy_text(message_id: str) -> str | None:
    # Literal translate() calls, so lupdate finds each (they are cheap to evaluate).
    texts = {
        "invalid_retention": QCoreApplication.translate(
            "Errors", "This retention period cannot be used."
        ),
        "retention_not_days": QCoreApplication.translate(
            "Errors", "A retention period is a whole number of days."
        ),
        "retention_not_positive": QCoreApplication.translate(
            "Errors", "A retention period must be more than 0 days."
        ),
        "retention_too_long": QCoreApplication.translate(
            "Errors", "A retention period is at most 100 years."
        ),
        "invalid_handle": QCoreApplication.translate(
            "Errors", "An X handle has 1 to 15 letters, digits or underscores."
        ),
        "not_confirmed": QCoreApplication.translate(
            "Errors", "This must be confirmed first; nothing was erased."
        ),
        "already_erased": QCoreApplication.translate(
            "Errors", "The personal data of entries %1 was already erased."
        ),
        "record_not_erasable": QCoreApplication.translate(
            "Errors",
            "Entries %1 are official records (UU 43/2009); they are erased only through the "
            "disposal proposal.",
        ),
        "nothing_held": QCoreApplication.translate(
            "Errors", "Nothing about @%1 is kept on this desk."
        ),
        "erasure_reason_required": QCoreApplication.translate(
            "Errors", "Give the reason for the erasure."
        ),
        "nothing_selected": QCoreApplication.translate("Errors", "No entry is selected."),
        "approval_ref_required": QCoreApplication.translate(
            "Errors", "Give the number of the approval or of the destruction report."
        ),
        "unknown_request_kind": QCoreApplication.translate(
            "Errors", "A request is for access, correction, restriction or erasure."
        ),
        "naive_time": QCoreApplication.translate("Errors", "The times must have a time zone."),
        "unknown_outcome": QCoreApplication.translate(
            "Errors", "A request closes as granted or refused."
        ),
        "refusal_reason_required": QCoreApplication.translate(
            "Errors", "A refusal needs its reason."
        ),
        "invalid_request": QCoreApplication.translate(
            "Errors", "This cannot be done with the request as given."
        ),
        "invalid_period": QCoreApplication.translate("Errors", "This period cannot be used."),
        "wrong_request_kind": QCoreApplication.translate(
            "Errors", "Request number %1 is not of the kind this needs."
        ),
        "request_not_found": QCoreApplication.translate(
            "Errors", "Request number %1 is not in the register."
        ),
        "request_closed": QCoreApplication.translate(
            "Errors", "Request number %1 is already closed."
        ),
        "not_erasure_request": QCoreApplication.translate(
            "Errors", "Request number %1 is not an erasure request."
        ),
        "not_access_request": QCoreApplication.translate(
            "Errors", "Request number %1 is not an access request."
        ),
        "other_persons_request": QCoreApplication.translate(
            "Errors", "Request number %1 was made by someone else."
        ),
        "review_age_not_positive": QCoreApplication.translate(
            "Errors", "The age of the records must be more than 0 days."
        ),
        "period_reversed": QCoreApplication.translate(
            "Errors", "The period must start before it ends."
        ),
        "discovered_in_future": QCoreApplication.translate(
            "Errors", "The time the breach was discovered cannot be in the future."
        ),
        "export_running": QCoreApplication.translate(
            "Errors",
            "An export is running right now, so the erasure waits. Try again when the export "
            "has finished; nothing was erased.",
        ),
        "erasure_running": QCoreApplication.translate(
            "Errors",
            "Citizens' data is being erased right now. Try again when the erasure has finished.",
        ),
        "other_erasure_running": QCoreApplication.translate(
            "Errors", "Another erasure is running. Wait until it has finished."
        ),
        "access_report_unknown_format": QCoreApplication.translate(
            "Errors", "This format is not available for an access report."
        ),
        "access_report_no_pdf_writer": pdf_unavailable_text(),
        "access_report_own_account": QCoreApplication.translate(
            "Errors",
            "This is one of the desk's own accounts, not a citizen: there is no access report "
            "for it.",
        ),
        "handover_busy_outbox": QCoreApplication.translate(
            "Errors", "%1 office posts are still waiting in the outbox."
        ),
        "handover_export": QCoreApplication.translate(
            "Errors", "The handover export could not be written."
        ),
        "handover_verify": QCoreApplication.translate(
            "Errors", "The handover export did not pass verification (%1); nothing was erased."
        ),
        "handover_sign_out": QCoreApplication.translate(
            "Errors",
            "The office account was not signed out (%1). The export is kept; nothing was erased.",
        ),
    }
    return texts.get(message_id)


def session_key_notice() -> str:
    """Said after an export signed with the session key (no secure keyring)."""
    return QCoreApplication.translate(
        "Errors",
        "There is no system keyring on this laptop, so it was signed with a key for this "
        "session only. The signature shows the file was not changed after it was made, but "
        "it cannot be checked against the desk's saved key.",
    )
