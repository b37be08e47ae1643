"""The loopback listener that receives X's OAuth redirect (``http://127.0.0.1:<port>/callback``).

It binds 127.0.0.1 only (never 0.0.0.0: another machine on the office network must not be able
to hand us a code), accepts exactly one callback whose ``state`` is the one we sent, answers the
browser with a short Indonesian page, and closes.

A callback with a wrong or missing ``state`` is a stale browser tab or an attack: it gets a 400
and the wait goes on. Any other path (the browser's ``/favicon.ico``) gets a 404.
"""

from __future__ import annotations

import html
import logging
import selectors
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from humasdesk.core.errors import OAuthError, OAuthFailure

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"

PAGE_OK = "Berhasil masuk. Anda dapat menutup jendela ini."
PAGE_DENIED = "Masuk dibatalkan: izin tidak diberikan di X. Anda dapat menutup jendela ini."
PAGE_FAILED = "Masuk gagal. Anda dapat menutup jendela ini dan mencoba lagi dari HumasDesk."
PAGE_BAD_STATE = "Tautan masuk ini tidak berlaku lagi. Mulai masuk lagi dari HumasDesk."
PAGE_NOT_FOUND = "Halaman tidak ditemukan."

# How long one browser connection may take to send its request line and headers. Each
# connection has its own thread, so a silent pre-connect from the browser delays nobody.
_CONNECTION_TIMEOUT = 10.0


def _page(text: str) -> bytes:
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        "<title>HumasDesk</title></head>"
        f'<body style="font-family:sans-serif;margin:3em"><p>{html.escape(text)}</p></body></html>'
    ).encode()


class LoopbackListener:
    """Waits for one OAuth callback on 127.0.0.1.

    The port is bound in the constructor, so :attr:`redirect_uri` is known before the
    authorization URL is built. Set :attr:`expected_state` (the flow's ``state``), then call
    :meth:`wait` (blocks). :meth:`cancel` may be called from any thread.
    """

    def __init__(self, port: int = 0, *, path: str = "/callback", timeout: float = 300) -> None:
        self.path = path
        self.timeout = timeout
        self.expected_state: str | None = None
        self._lock = threading.Lock()
        self._result: str | None = None
        self._done = threading.Event()
        self._cancelled = False
        self._waiting = False
        self._closed = False
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            if sys.platform == "win32":
                # On Windows SO_REUSEADDR lets another process steal the port; forbid it.
                self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
            else:
                # Re-bind at once after a previous sign-in (TIME_WAIT), still refused while
                # another socket listens on the port.
                self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._sock.bind((HOST, port))
            self._sock.listen(8)
        except OSError as exc:
            self._sock.close()
            reason = exc.strerror or type(exc).__name__
            error = OAuthError(
                f"Cannot listen for X's sign-in answer on {HOST}:{port} ({reason}). "
                f"Another program may be using port {port}; close it or choose another port.",
                OAuthFailure.PORT_IN_USE,
                port=port,
            )
        else:
            error = None
        if error is not None:
            raise error
        self._sock.setblocking(False)
        self.port: int = self._sock.getsockname()[1]
        # cancel() from another thread wakes the selector through this pair.
        self._wake_r, self._wake_w = socket.socketpair()

    @property
    def redirect_uri(self) -> str:
        return f"http://{HOST}:{self.port}{self.path}"

    def getsockname(self) -> tuple[str, int]:
        """The bound address (for checks that nothing listens beyond loopback)."""
        return self._sock.getsockname()

    def wait(self) -> str:
        """Serve until the callback with the expected ``state`` arrives; return its full URL.

        Raises :class:`OAuthError` on time-out or cancel. Closes the listener in every case.
        """
        if not self.expected_state:
            raise RuntimeError("set expected_state before waiting for the callback")
        with self._lock:
            if self._closed or self._cancelled:
                raise OAuthError("The sign-in listener is already closed.", OAuthFailure.CANCELLED)
            self._waiting = True
        deadline = time.monotonic() + self.timeout
        selector = selectors.DefaultSelector()
        selector.register(self._sock, selectors.EVENT_READ, "accept")
        selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        try:
            while not self._done.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise OAuthError(
                        f"No answer from X's sign-in page within {self.timeout:g} seconds.",
                        OAuthFailure.TIMED_OUT,
                    )
                for key, _ in selector.select(timeout=min(remaining, 1.0)):
                    if key.data == "wake":
                        self._done.set()  # cancel() or a finished callback
                    else:
                        self._accept()
            with self._lock:
                result, cancelled = self._result, self._cancelled
            if result is None or cancelled:
                raise OAuthError("Sign-in was cancelled.", OAuthFailure.CANCELLED)
            return result
        finally:
            selector.close()
            self.close()

    def _accept(self) -> None:
        try:
            conn, addr = self._sock.accept()
        except (BlockingIOError, InterruptedError):
            return
        conn.setblocking(True)
        conn.settimeout(_CONNECTION_TIMEOUT)
        threading.Thread(
            target=self._serve, args=(conn, addr), name="oauth-callback", daemon=True
        ).start()

    def _serve(self, conn: socket.socket, addr: Any) -> None:
        try:
            _CallbackHandler(conn, addr, self)
        except OSError:
            pass  # the browser went away; nothing to answer
        finally:
            conn.close()

    def _offer(self, url: str, query: dict[str, list[str]]) -> tuple[HTTPStatus, str]:
        """Decide on one callback request; called from a connection thread."""
        state = (query.get("state") or [""])[0]
        with self._lock:
            if self._result is not None or self._cancelled or self._closed:
                return HTTPStatus.GONE, PAGE_BAD_STATE
            if not self.expected_state or state != self.expected_state:
                logger.warning("Sign-in callback with a wrong state refused")
                return HTTPStatus.BAD_REQUEST, PAGE_BAD_STATE
            self._result = url
        self._wake()
        error = (query.get("error") or [""])[0]
        if error == "access_denied":
            return HTTPStatus.OK, PAGE_DENIED
        if error:
            return HTTPStatus.OK, PAGE_FAILED
        return HTTPStatus.OK, PAGE_OK

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass  # already closed: nobody is waiting

    def cancel(self) -> None:
        """Stop waiting (from any thread); :meth:`wait` raises OAuthError and frees the port."""
        with self._lock:
            self._cancelled = True
            waiting = self._waiting
        if waiting:
            self._wake()  # wait() wakes, raises and closes
        else:
            self.close()

    def close(self) -> None:
        """Free the port. Safe to call more than once."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._sock.close()
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class _CallbackHandler(BaseHTTPRequestHandler):
    """One browser request. HTTP/1.0 semantics: one request per connection, then close."""

    server: LoopbackListener  # type: ignore[assignment]  # our listener, not a socketserver
    server_version = "HumasDesk"
    sys_version = ""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != self.server.path:
            self._answer(HTTPStatus.NOT_FOUND, PAGE_NOT_FOUND)
            return
        url = f"http://{HOST}:{self.server.port}{self.path}"
        status, text = self.server._offer(url, parse_qs(parts.query))
        self._answer(status, text)

    def _answer(self, status: HTTPStatus, text: str) -> None:
        body = _page(text)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        # The default writes to stderr, and the request line holds the authorization code.
        pass
