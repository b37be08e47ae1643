"""Practice mode's X: the built-in sandbox, or one already running elsewhere."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from humasdesk.paths import DataPaths

if TYPE_CHECKING:
    from humasdesk.sandbox import Sandbox

logger = logging.getLogger(__name__)


class PracticeBackend:
    """Starts the sandbox on 127.0.0.1 (random port), state kept in the data directory."""

    def __init__(self, paths: DataPaths, *, external_url: str | None = None) -> None:
        self._paths = paths
        self._external_url = external_url.rstrip("/") if external_url else None
        self._sandbox: Sandbox | None = None

    def start(self) -> str:
        """Return the base URL to talk to; starts the built-in sandbox if needed."""
        if self._external_url:
            return self._external_url
        if self._sandbox is None:
            from humasdesk.sandbox import Sandbox  # deferred: not needed for the first paint

            self._sandbox = Sandbox(host="127.0.0.1", port=0, state_path=self._paths.sandbox_state)
            self._sandbox.start()
            logger.info("practice sandbox listening on %s", self._sandbox.base_url)
        return self._sandbox.base_url

    def stop(self) -> None:
        if self._sandbox is not None:
            self._sandbox.stop()
            self._sandbox = None
