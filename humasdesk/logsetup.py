"""Application logging, configured once at start-up.

A rotating file under the data directory, plus the console when run from a
terminal. A filter masks anything token-shaped, so a token that slips into a
message or a traceback never reaches disk. Messages are for diagnostics:
callers log ids, never a citizen's handle or words (UU 27/2022).
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

MASK = "[disembunyikan]"

# Bearer headers, key=value / "key": "value" pairs named like secrets, and long
# opaque runs of token alphabet (X tokens are 40+ url-safe characters).
_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(
        r"(?i)((?:access_token|refresh_token|token|code|code_verifier|client_secret)"
        r"[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9._~+/%=-]+"
    ),
    re.compile(r"\b[A-Za-z0-9_-]{32,}\b"),
)


def mask_secrets(text: str) -> str:
    for pattern in _PATTERNS:
        if pattern.groups:
            text = pattern.sub(lambda m: m.group(1) + MASK, text)
        else:
            text = pattern.sub(MASK, text)
    return text


class SecretMaskingFilter(logging.Filter):
    """Rewrites each record's final message (and traceback) with secrets masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            message = f"{message}\n{formatted}"
            record.exc_info = None
            record.exc_text = None
        record.msg = mask_secrets(message)
        record.args = None
        return True


def configure_logging(log_dir: Path | None, *, console: bool | None = None) -> None:
    """Set up the root logger. Safe to call again (handlers are replaced)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_humasdesk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    if log_dir is not None:
        from logging.handlers import RotatingFileHandler  # deferred: ~9 ms before first paint

        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler = RotatingFileHandler(
            log_dir / "humasdesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        handlers.append(file_handler)
    if console if console is not None else sys.stderr.isatty():
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(fmt)
        handler.addFilter(SecretMaskingFilter())
        handler._humasdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    # urllib3/oauthlib debug output can echo request bodies; keep them quiet.
    for noisy in ("urllib3", "requests_oauthlib", "oauthlib", "tweepy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
