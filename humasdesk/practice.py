"""Which X the desk talks to: the real one with the agency's app, or practice mode's
built-in sandbox (or one already running elsewhere). The desk and the command line decide
it the same way (`x_target`), so a command acts on the accounts the desk shows."""

from __future__ import annotations

import errno
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


#: Who runs the practice emulator over a data folder's state: a desk (for as long as it
#: is open) or a command (for one run).
DESK, COMMAND = "desk", "command"
LOCK_WAIT_S = 60.0


class PracticeBackend:
    """Practice mode's emulator for one data folder: the built-in sandbox on 127.0.0.1
    (random port) over ``sandbox-state.json``, or one already running elsewhere.

    One emulator per state file: whoever starts it holds ``sandbox.lock`` in the data
    folder (an OS file lock, released even by a crash) and writes its address there. A
    desk's emulator is shared: a command (`humasdesk sync`, `signin`…) run while the desk is
    open talks to it, so the desk sees at once what the command did. With no desk open the
    command starts its own from the same state file and saves it back when it stops, and
    the desk finds it there later. A command's emulator is not shared (it stops soon):
    others wait for it, up to `wait_s` seconds."""

    def __init__(
        self,
        paths: DataPaths,
        *,
        external_url: str | None = None,
        role: str = DESK,
        wait_s: float = LOCK_WAIT_S,
    ) -> None:
        self._paths = paths
        self._external_url = external_url.rstrip("/") if external_url else None
        self._role = role
        self._wait_s = wait_s
        self._sandbox: Sandbox | None = None
        self._lock: StateLock | None = None
        self._shared_url: str | None = None

    def start(self) -> str:
        """Return the base URL to talk to; starts the built-in sandbox if needed."""
        if self._external_url:
            return self._external_url
        if self._sandbox is not None:
            return self._sandbox.base_url
        if self._shared_url is not None:
            return self._shared_url
        lock = StateLock(self._paths.root / LOCK_NAME)
        deadline = time.monotonic() + self._wait_s
        while not lock.acquire():
            holder = lock.holder()
            if (
                holder is not None
                and holder.get("role") == DESK
                and holder.get("url")
                and _alive(holder.get("pid"))
            ):
                self._shared_url = str(holder["url"])
                logger.info("practice: using the desk's emulator at %s", self._shared_url)
                return self._shared_url
            if time.monotonic() > deadline:
                raise OSError(
                    errno.EBUSY, "another HumasDesk process holds the practice emulator's state"
                )
            time.sleep(0.1)
        try:
            from humasdesk.sandbox import Sandbox  # deferred: not needed for the first paint

            sandbox = Sandbox(host="127.0.0.1", port=0, state_path=self._paths.sandbox_state)
            sandbox.start()
        except BaseException:
            lock.release()
            raise
        self._sandbox, self._lock = sandbox, lock
        lock.announce({"url": sandbox.base_url, "pid": os.getpid(), "role": self._role})
        logger.info("practice sandbox listening on %s", sandbox.base_url)
        return sandbox.base_url

    def stop(self) -> None:
        self._shared_url = None
        if self._sandbox is not None:
            self._sandbox.stop()  # saves the state
            self._sandbox = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


LOCK_NAME = "sandbox.lock"


class StateLock:
    """An exclusive OS lock on a small file that also says who holds it (JSON). Advisory:
    only HumasDesk processes take it; the OS drops it when its process ends."""

    _REGION = 1 << 20  # Windows locks a byte range: lock one far beyond the text

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)  # what an earlier holder wrote no longer holds
        self._fd = fd
        return True

    def announce(self, info: dict[str, Any]) -> None:
        assert self._fd is not None
        data = json.dumps(info).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)

    def holder(self) -> dict[str, Any] | None:
        """What the process holding the lock wrote (None: nothing yet, or unreadable)."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "null")
        except (OSError, ValueError):
            return None
        return info if isinstance(info, dict) else None

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            _unlock(self._fd)
        except OSError:
            pass
        finally:
            os.close(self._fd)
            self._fd = None


def _alive(pid: object) -> bool:
    from humasdesk.store.database import pid_alive

    return isinstance(pid, int) and pid > 0 and pid_alive(pid)


def _lock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, StateLock._REGION, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, StateLock._REGION, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


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


def wants_practice(
    settings: Settings, *, sandbox: bool = False, sandbox_url: str | None = None
) -> bool:
    """`x_target`'s choice alone, without building anything: the desk's first paint shows
    the practice banner before the target exists."""
    url = sandbox_url or os.environ.get(ENV_SANDBOX_URL) or None
    return sandbox or bool(url) or not settings.x_client_id


def x_target(
    paths: DataPaths,
    settings: Settings,
    *,
    sandbox: bool = False,
    sandbox_url: str | None = None,
    role: str = DESK,
) -> XTarget:
    """Practice mode when asked for, when an emulator URL is given (flag or
    ``HUMASDESK_SANDBOX_URL``), or when no X app is configured yet. `role`: who starts
    the built-in emulator (`DESK` or `COMMAND`, see `PracticeBackend`)."""
    from humasdesk.services.session import PRACTICE_CLIENT_ID

    url = sandbox_url or os.environ.get(ENV_SANDBOX_URL) or None
    if wants_practice(settings, sandbox=sandbox, sandbox_url=url):
        return XTarget(
            practice=True,
            backend=PracticeBackend(paths, external_url=url, role=role),
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
