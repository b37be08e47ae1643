"""Everything behind the socket: state under one lock, persistence, faults, the clock."""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from humasdesk.sandbox import authroutes, control, problems, routes
from humasdesk.sandbox.faults import Fault, FaultQueue
from humasdesk.sandbox.messages import Request, Response
from humasdesk.sandbox.ratelimit import WINDOW_S, RateLimiter
from humasdesk.sandbox.seed import build_seed
from humasdesk.sandbox.state import State, load_state, save_state

log = logging.getLogger("humasdesk.sandbox")


@dataclass
class Outcome:
    """What the HTTP layer does: answer, or (response None) drop the connection."""

    response: Response | None

    @property
    def drop(self) -> bool:
        return self.response is None


def _is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip.split("%")[0]).is_loopback
    except ValueError:
        return False


def fault_response(fault: Fault, now: float) -> Response:
    assert fault.status is not None
    headers: dict[str, str] = {}
    if fault.status == 429:
        # A client must see when to come back, as with a real 429.
        headers = {
            "x-rate-limit-limit": "100",
            "x-rate-limit-remaining": "0",
            "x-rate-limit-reset": str(int(now) + WINDOW_S),
        }
    return Response.problem(fault.status, problems.generic(fault.status), headers)


class Engine:
    def __init__(self, clock: Callable[[], float] = time.time, state_path: Path | None = None):
        self.lock = threading.RLock()
        self._clock = clock
        self._offset = 0.0
        self.limiter = RateLimiter()
        self.faults = FaultQueue()
        self.state_path = state_path
        loaded = load_state(state_path) if state_path else None
        self.state: State = loaded or build_seed(self.now())

    def now(self) -> float:
        return self._clock() + self._offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    def save(self) -> None:
        if self.state_path is not None:
            with self.lock:
                save_state(self.state, self.state_path)

    def reset_locked(self) -> None:
        """Back to seed data; called with the lock held.

        Sign-ins survive a reset (for seed accounts), so a desk in practice mode stays signed in.
        """
        old = self.state
        self._offset = 0.0
        self.state = build_seed(self.now())
        self.state.access_tokens = {
            k: t for k, t in old.access_tokens.items() if t.user_id in self.state.users
        }
        self.state.refresh_tokens = {
            k: t for k, t in old.refresh_tokens.items() if t.user_id in self.state.users
        }
        self.state.issued_access = old.issued_access  # memory only; see State
        self.state.issued_refresh = old.issued_refresh
        # New ids must stay above any id handed out before the reset.
        self.state.ids.last = max(self.state.ids.last, old.ids.last)
        self.limiter.clear()
        self.faults.clear()
        self.save()

    def reset(self) -> None:
        with self.lock:
            self.reset_locked()

    def _dispatch(self, req: Request) -> Response:
        now = self.now()
        if req.path == authroutes.AUTHORIZE_PATH and req.method in ("GET", "POST"):
            return authroutes.authorize(self.state, req, now)
        if req.path == authroutes.TOKEN_PATH and req.method == "POST":
            return authroutes.token(self.state, req, now)
        if req.path == authroutes.REVOKE_PATH and req.method == "POST":
            return authroutes.revoke(self.state, req)
        return routes.dispatch(self.state, self.limiter, req, now)

    def _run(self, req: Request) -> Response:
        with self.lock:
            try:
                resp = self._dispatch(req)
            except problems.ApiError as e:
                resp = Response.problem(e.status, e.body, e.headers)
            if resp.mutated:
                self.save()
            return resp

    def handle(self, req: Request, client_ip: str) -> Outcome:
        if req.path.startswith(control.PREFIX):
            if not _is_loopback(client_ip):
                return Outcome(Response.problem(403, problems.generic(403, "Loopback only.")))
            with self.lock:
                resp = control.handle(self, req)
                if resp.mutated:
                    self.save()
                return Outcome(resp)
        with self.lock:
            fault = self.faults.take(req.method, req.path)
        if fault is None:
            return Outcome(self._run(req))
        if fault.delay_ms:
            time.sleep(fault.delay_ms / 1000)  # outside the lock: other requests go on
        # after_commit: the work is done and only the answer is lost.
        commit = fault.after_commit or (fault.status is None and not fault.drop_connection)
        committed = self._run(req) if commit else None
        if fault.drop_connection:
            return Outcome(None)
        if fault.status is None:
            return Outcome(committed)
        return Outcome(fault_response(fault, self.now()))
