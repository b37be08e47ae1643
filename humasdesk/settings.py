"""Settings, declared once: key, default, type. Stored as JSON in the data directory.

No secret ever goes here (tokens live in the keyring only). Writes go to a
temporary file first and are renamed into place, so a crash never leaves a
half-written settings file.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

ENV_CLIENT_ID = "HUMASDESK_X_CLIENT_ID"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    kind: type


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("x_client_id", "", str),
    SettingSpec("callback_port", 8765, int),
    SettingSpec("language", "id", str),
    SettingSpec("office_handle", "", str),
)
_BY_KEY = {spec.key: spec for spec in SPECS}


class Settings:
    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values = {spec.key: spec.default for spec in SPECS}
        for key, value in (values or {}).items():
            spec = _BY_KEY.get(key)
            if spec is not None and isinstance(value, spec.kind):
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
        spec = _BY_KEY[key]
        if not isinstance(value, spec.kind):
            raise TypeError(f"{key} takes {spec.kind.__name__}")
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
