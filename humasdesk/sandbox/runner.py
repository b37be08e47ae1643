"""`Sandbox`: start, stop, reset and serve the emulator; the public face of the package."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

from humasdesk.sandbox.engine import Engine
from humasdesk.sandbox.server import SandboxHTTPServer


class Sandbox:
    """A local X API v2 emulator on `host:port` (port 0 picks a free one)."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state_path: str | Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.host = host
        self.port = port
        self.state_path = Path(state_path) if state_path else None
        self._clock = clock
        self.engine: Engine | None = None
        self._server: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the sandbox is not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self._server.server_address[1]}"

    def _bind(self) -> SandboxHTTPServer:
        if self._server is None:
            self.engine = Engine(self._clock, self.state_path)
            self.engine.save()  # a state file exists from the first moment
            self._server = SandboxHTTPServer((self.host, self.port), self.engine)
        return self._server

    def start(self) -> None:
        """Serve in a daemon thread; returns once the socket listens."""
        server = self._bind()
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},  # stop() returns quickly
            name="humasdesk-sandbox",
            daemon=True,
        )
        self._thread.start()

    def reset(self) -> None:
        if self.engine is None:
            raise RuntimeError("the sandbox is not started")
        self.engine.reset()

    def stop(self) -> None:
        """Stop serving, close the socket and open connections, save the state."""
        server, self._server = self._server, None
        if server is None:
            return
        if self._thread is not None:
            server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        server.close_connections()
        server.server_close()
        if self.engine is not None:
            self.engine.save()

    def serve_forever(self, on_ready: Callable[[str], None] | None = None) -> None:
        """Serve in the foreground until SIGINT or SIGTERM, then stop (saving state).

        The signal handlers are in place before `on_ready(base_url)` runs, so a caller that
        signals as soon as it sees the URL still gets its state saved. Main thread only.
        """
        done = threading.Event()

        def on_signal(signum: int, frame: FrameType | None) -> None:
            done.set()

        old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            if self._thread is None:
                self.start()
            if on_ready is not None:
                on_ready(self.base_url)
            while not done.wait(0.5):
                pass
        finally:
            for s, handler in old.items():
                signal.signal(s, handler)
            self.stop()
