"""Settings, declared once: key, default, type, label, and how to check a value.

The settings dialog is built from `SPECS`. No secret ever goes here (tokens live
in the keyring only). Writes go to a temporary file first and are renamed into
place, so a crash never leaves a half-written settings file.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

ENV_CLIENT_ID = "HUMASDESK_X_CLIENT_ID"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a constant for lupdate; the GUI translates it with context "Settings"."""
    return text


_HANDLE = re.compile(r"^@?[A-Za-z0-9_]{1,15}$")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,200}$")


def _undo(value: int) -> str | None:
    if not 0 <= value <= 60:
        return QT_TRANSLATE_NOOP("Settings", "The undo window is 0 to 60 seconds.")
    return None


def _rate(value: str) -> str | None:
    from decimal import Decimal, InvalidOperation

    try:
        ok = Decimal(value.strip().replace(",", ".")) >= 0
    except InvalidOperation:
        ok = False
    return None if ok else QT_TRANSLATE_NOOP("Settings", "Enter a price in US dollars, e.g. 0.015.")


def _days(value: int) -> str | None:
    if value < 1:
        return QT_TRANSLATE_NOOP("Settings", "A period of at least one day is needed.")
    return None


def _port(value: int) -> str | None:
    if not 1024 <= value <= 65535:
        return QT_TRANSLATE_NOOP("Settings", "The port must be between 1024 and 65535.")
    return None


def _handle(value: str) -> str | None:
    if value and not _HANDLE.match(value.strip()):
        return QT_TRANSLATE_NOOP(
            "Settings", "An X handle has 1 to 15 letters, digits or underscores."
        )
    return None


def _client_id(value: str) -> str | None:
    if value and not _CLIENT_ID.match(value.strip()):
        return QT_TRANSLATE_NOOP(
            "Settings", "The client id has letters, digits and - _ . : only, without spaces."
        )
    return None


def _grace(value: int) -> str | None:
    if value < 1:
        return QT_TRANSLATE_NOOP("Settings", "The grace period is at least one minute.")
    return None


def _quiet(value: str) -> str | None:
    from humasdesk.core.schedule import QuietPeriod

    if value.strip() and QuietPeriod.parse(value) is None:
        return QT_TRANSLATE_NOOP(
            "Settings", "Write the quiet period as from–to, e.g. 22.00-05.00, or leave it empty."
        )
    return None


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    kind: type
    label: str  # English source; the GUI translates it (context "Settings")
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, English label)
    validate: Callable[[Any], str | None] | None = None
    restart: bool = False  # takes effect after HumasDesk is started again
    shown: bool = True  # False: remembered by the desk, not edited in the dialog
    section: str = "general"  # the settings dialog's tab: general, x, privacy, schedule, cost
    minimum: int = 0
    maximum: int = 65535


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "x_client_id",
        "",
        str,
        QT_TRANSLATE_NOOP("Settings", "X app client id"),
        QT_TRANSLATE_NOOP(
            "Settings",
            "From the agency's X developer app (Native App, OAuth 2.0). Empty: practice mode.",
        ),
        validate=_client_id,
        restart=True,
        section="x",
    ),
    SettingSpec(
        "callback_port",
        8765,
        int,
        QT_TRANSLATE_NOOP("Settings", "Callback port"),
        QT_TRANSLATE_NOOP(
            "Settings", "Register http://127.0.0.1:<port>/callback in the agency's X app."
        ),
        validate=_port,
        restart=True,
        minimum=1,
        section="x",
    ),
    SettingSpec(
        "office_handle",
        "",
        str,
        QT_TRANSLATE_NOOP("Settings", "Office account handle"),
        QT_TRANSLATE_NOOP(
            "Settings", "If set, only this X account can be signed in to the office pane."
        ),
        validate=_handle,
        restart=True,
        section="x",
    ),
    SettingSpec(
        "language",
        "id",
        str,
        QT_TRANSLATE_NOOP("Settings", "Language"),
        choices=(
            ("id", QT_TRANSLATE_NOOP("Settings", "Bahasa Indonesia")),
            ("en", QT_TRANSLATE_NOOP("Settings", "English")),
        ),
        restart=True,
    ),
)
SPECS += (
    SettingSpec(
        "confirm_office_posts",
        True,
        bool,
        QT_TRANSLATE_NOOP("Settings", "Confirm every post from the office account"),
        QT_TRANSLATE_NOOP(
            "Settings", "Shows the account, its colour and the text before it is queued."
        ),
    ),
    SettingSpec(
        "undo_seconds",
        10,
        int,
        QT_TRANSLATE_NOOP("Settings", "Undo window (seconds)"),
        QT_TRANSLATE_NOOP(
            "Settings", "Each post waits this long in the outbox, with a Cancel button."
        ),
        validate=_undo,
        maximum=60,
    ),
    SettingSpec(
        "rate_post",
        "0.015",
        str,
        QT_TRANSLATE_NOOP("Settings", "X price per post (USD)"),
        validate=_rate,
        section="x",
    ),
    SettingSpec(
        "rate_post_with_url",
        "0.20",
        str,
        QT_TRANSLATE_NOOP("Settings", "X price per post with a link (USD)"),
        validate=_rate,
        section="x",
    ),
    SettingSpec(
        "rate_read",
        "0.005",
        str,
        QT_TRANSLATE_NOOP("Settings", "X price per post read (USD)"),
        validate=_rate,
        section="x",
    ),
    SettingSpec(
        "agency_name",
        "",
        str,
        QT_TRANSLATE_NOOP("Settings", "Agency (data controller)"),
        QT_TRANSLATE_NOOP("Settings", "Printed on exports and in the privacy notice."),
        section="privacy",
    ),
    SettingSpec("unit_name", "", str, QT_TRANSLATE_NOOP("Settings", "Unit"), section="privacy"),
    SettingSpec(
        "dpo_contact",
        "",
        str,
        QT_TRANSLATE_NOOP("Settings", "Data protection officer (contact)"),
        section="privacy",
    ),
    SettingSpec(
        "retention_unanswered_mention_days",
        365,
        int,
        QT_TRANSLATE_NOOP("Settings", "Erase unanswered mentions' handle and words after (days)"),
        QT_TRANSLATE_NOOP(
            "Settings",
            "Only mentions never answered, never tagged as a complaint and never marked "
            "handled. Complaints, answered mentions and office posts are records: they are "
            "never erased automatically (see the next setting). Counts are always kept.",
        ),
        validate=_days,
        minimum=1,
        maximum=36500,
        section="privacy",
    ),
    SettingSpec(
        "retention_record_review_days",
        730,
        int,
        QT_TRANSLATE_NOOP("Settings", "Offer records for disposal review after (days)"),
        QT_TRANSLATE_NOOP("Settings", "Set from the agency's records retention schedule (JRA)."),
        validate=_days,
        minimum=1,
        maximum=36500,
        section="privacy",
    ),
    # Issue 15, scheduled posts (Settings → Jadwal).
    SettingSpec(
        "schedule_grace_minutes",
        15,
        int,
        QT_TRANSLATE_NOOP("Settings", "Missed when later than (minutes)"),
        QT_TRANSLATE_NOOP(
            "Settings",
            "If the laptop was off or asleep at a post's time for longer than this, the post "
            "is not sent late by itself: the desk lists it for you to send, reschedule or "
            "cancel.",
        ),
        validate=_grace,
        minimum=1,
        maximum=1440,
        section="schedule",
    ),
    SettingSpec(
        "quiet_office",
        "",
        str,
        QT_TRANSLATE_NOOP("Settings", "Quiet period of the office account"),
        QT_TRANSLATE_NOOP(
            "Settings",
            "E.g. 22.00-05.00: scheduling an office post into it asks once more. Empty: none.",
        ),
        validate=_quiet,
        section="schedule",
    ),
    SettingSpec(
        "quiet_personal",
        "",
        str,
        QT_TRANSLATE_NOOP("Settings", "Quiet period of the personal account"),
        QT_TRANSLATE_NOOP(
            "Settings", "Scheduling a personal post into it asks once more. Empty: none."
        ),
        validate=_quiet,
        section="schedule",
    ),
    # Issue 16: what reading the posts' reach may cost per account and month.
    SettingSpec(
        "metrics_budget_usd",
        "2.00",
        str,
        QT_TRANSLATE_NOOP("Settings", "Monthly budget for reading reach, per account (USD)"),
        QT_TRANSLATE_NOOP(
            "Settings",
            "Reading a post's numbers costs US$0.005 (again on the same day: free). When the "
            "budget would be exceeded, the least useful readings (+1 hour) are skipped first; "
            "it is never exceeded.",
        ),
        validate=_rate,
        section="cost",
    ),
    SettingSpec("single_pane", False, bool, "single pane", shown=False),
    SettingSpec("window_geometry", "", str, "window geometry", shown=False),
)
_BY_KEY = {spec.key: spec for spec in SPECS}


def spec(key: str) -> SettingSpec:
    return _BY_KEY[key]


def problem(key: str, value: Any) -> str | None:
    """Why `value` is not acceptable for `key` (English source text), or None."""
    s = _BY_KEY[key]
    if not isinstance(value, s.kind):
        return QT_TRANSLATE_NOOP("Settings", "This value has the wrong type.")
    if s.choices and value not in {v for v, _ in s.choices}:
        return QT_TRANSLATE_NOOP("Settings", "Choose one of the listed values.")
    return s.validate(value) if s.validate else None


class Settings:
    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values = {s.key: s.default for s in SPECS}
        for key, value in (values or {}).items():
            if key in _BY_KEY and problem(key, value) is None:
                self._values[key] = value

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raw = {}
        except (OSError, ValueError):
            logger.warning("settings file unreadable; using defaults")
            raw = {}
        return cls(path, raw if isinstance(raw, dict) else {})

    def get(self, key: str) -> Any:
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        reason = problem(key, value)
        if reason is not None:
            raise ValueError(f"{key}: {reason}")
        self._values[key] = value

    @property
    def x_client_id(self) -> str:
        """The agency's X app client id; the environment wins over the file."""
        return os.environ.get(ENV_CLIENT_ID, "").strip() or self._values["x_client_id"].strip()

    def save(self) -> None:
        import tempfile  # deferred: not needed to paint the window

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._values, fh, indent=2, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
