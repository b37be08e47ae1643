"""Which X the desk talks to: the real one with the agency's app, or practice mode's
built-in sandbox (or one already running elsewhere). The desk and the command line decide
it the same way (`x_target`), so a command acts on the accounts the desk shows."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from humasdesk.paths import DataPaths

if TYPE_CHECKING:
    from humasdesk.sandbox import Sandbox
    from humasdesk.services.accounts import XEndpoint
    from humasdesk.settings import Settings

logger = logging.getLogger(__name__)

ENV_SANDBOX_URL = "HUMASDESK_SANDBOX_URL"
#: Practice tokens live apart from the real ones, so practising never touches them.
KEYRING_SERVICE = "humasdesk"
KEYRING_SERVICE_PRACTICE = "humasdesk-practice"


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


@dataclass
class XTarget:
    """The X this desk uses and where its tokens are kept."""

    practice: bool
    backend: PracticeBackend | None
    client_id: str
    callback_port: int
    keyring_service: str
    office_handle: str

    def endpoint(self) -> XEndpoint:
        """The endpoint, starting the built-in sandbox first in practice mode (slow: call
        it off the GUI thread)."""
        from humasdesk.services.accounts import XEndpoint

        base_url = self.backend.start() if self.backend is not None else None
        return XEndpoint(self.client_id, base_url, self.callback_port)

    def stop(self) -> None:
        if self.backend is not None:
            self.backend.stop()


def x_target(
    paths: DataPaths, settings: Settings, *, sandbox: bool = False, sandbox_url: str | None = None
) -> XTarget:
    """Practice mode when asked for, when an emulator URL is given (flag or
    ``HUMASDESK_SANDBOX_URL``), or when no X app is configured yet."""
    from humasdesk.services.session import PRACTICE_CLIENT_ID

    url = sandbox_url or os.environ.get(ENV_SANDBOX_URL) or None
    practice = sandbox or bool(url) or not settings.x_client_id
    if practice:
        return XTarget(
            practice=True,
            backend=PracticeBackend(paths, external_url=url),
            client_id=PRACTICE_CLIENT_ID,
            callback_port=0,
            keyring_service=KEYRING_SERVICE_PRACTICE,
            office_handle="",
        )
    return XTarget(
        practice=False,
        backend=None,
        client_id=settings.x_client_id,
        callback_port=settings.get("callback_port"),
        keyring_service=KEYRING_SERVICE,
        office_handle=settings.get("office_handle"),
    )
