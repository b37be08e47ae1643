"""The HTTP layer: a ThreadingHTTPServer that turns requests into Engine calls."""

from __future__ import annotations

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from humasdesk.sandbox import problems
from humasdesk.sandbox.engine import Engine
from humasdesk.sandbox.messages import Request, Response

log = logging.getLogger("humasdesk.sandbox")

# Base64 of a 15 MB GIF plus multipart framing fits; anything larger is refused unread.
MAX_BODY = 24 * 1024 * 1024


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], engine: Engine) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.engine = engine
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, Handler)

    # Keep-alive connections outlive serve_forever(); track them so stop() really stops.
    def process_request(self, request: Any, client_address: Any) -> None:
        with self._conns_lock:
            self._conns.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._conns_lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._conns_lock:
            conns = list(self._conns)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as tweepy's requests session expects
    server_version = "tsa_b"  # what X's front end calls itself
    sys_version = ""
    timeout = 60  # idle keep-alive connections end
    server: SandboxHTTPServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle + delayed ACK add ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def version_string(self) -> str:
        return "tsa_b"  # what X's front end calls itself

    # Never log bodies, query strings or tokens: method and path only, at debug level.
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = urlsplit(getattr(self, "path", "")).path
        log.debug("%s %s %s", getattr(self, "command", "-"), path, code)

    def log_error(self, format: str, *args: Any) -> None:
        log.debug("HTTP error %s", args[0] if args else "")

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length > MAX_BODY:
            self.close_connection = True
            too_big = problems.generic(413, "Request body too large.")
            self._send(Response.problem(413, too_big))
            return
        body = self.rfile.read(length) if length > 0 else b""
        url = urlsplit(self.path)
        req = Request(
            method=self.command,
            path=url.path,
            query=parse_qs(url.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        try:
            outcome = self.server.engine.handle(req, self.client_address[0])
        except Exception:
            log.exception("sandbox failed on %s %s", req.method, req.path)
            outcome_resp = Response.problem(500, problems.generic(500))
            self._send(outcome_resp)
            return
        if outcome.drop:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        assert outcome.response is not None
        self._send(outcome.response)

    def _send(self, resp: Response) -> None:
        self.send_response(resp.status)
        self.send_header("content-type", resp.content_type)
        self.send_header("content-length", str(len(resp.body)))
        for name, value in resp.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(resp.body)

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _serve
