"""The loopback listener that receives X's sign-in redirect."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from humasdesk.core.errors import OAuthError, OAuthFailure
from humasdesk.xapi.listener import LoopbackListener


def _wait_in_thread(listener: LoopbackListener) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["url"] = listener.wait()
        except OAuthError as e:
            outcome["error"] = e

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _wait_until(condition, timeout: float = 10.0) -> None:
    """Poll `condition` until it holds (the outcome, not a fixed delay); fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never came true"
        time.sleep(0.002)


def _other_local_addresses() -> list[str]:
    """Non-loopback IPv4 addresses of this machine (none in some CI containers)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    addrs = {info[4][0] for info in infos}
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent; picks the outgoing address
        addrs.add(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    return sorted(a for a in addrs if not a.startswith("127."))


def test_binds_loopback_only():
    """Another machine on the office network must not be able to deliver a sign-in code."""
    with LoopbackListener() as listener:
        host, port = listener.getsockname()
        assert host == "127.0.0.1"
        assert listener.redirect_uri == f"http://127.0.0.1:{port}/callback"
        for addr in _other_local_addresses():
            with pytest.raises(OSError):
                socket.create_connection((addr, port), timeout=1).close()


def test_wrong_state_is_refused_and_the_wait_goes_on():
    """A stale tab's callback gets a 400 and does not end the sign-in; the right one does."""
    with LoopbackListener(timeout=10) as listener:
        listener.expected_state = "good-state"
        thread, outcome = _wait_in_thread(listener)
        bad = requests.get(f"{listener.redirect_uri}?code=c1&state=evil", timeout=5)
        assert bad.status_code == 400
        assert thread.is_alive()
        good = requests.get(f"{listener.redirect_uri}?code=c2&state=good-state", timeout=5)
        thread.join(5)
    assert good.status_code == 200
    assert "Berhasil masuk. Anda dapat menutup jendela ini." in good.text
    assert outcome["url"] == f"{listener.redirect_uri}?code=c2&state=good-state"


def test_unknown_path_is_404_and_the_wait_goes_on():
    """The browser's /favicon.ico must not end or break the sign-in."""
    with LoopbackListener(timeout=10) as listener:
        listener.expected_state = "s"
        thread, outcome = _wait_in_thread(listener)
        base = listener.redirect_uri.rsplit("/", 1)[0]
        assert requests.get(f"{base}/favicon.ico", timeout=5).status_code == 404
        assert requests.get(f"{base}/other?state=s&code=x", timeout=5).status_code == 404
        assert thread.is_alive()
        requests.get(f"{listener.redirect_uri}?state=s&code=x", timeout=5)
        thread.join(5)
    assert "code=x" in outcome["url"]


def test_second_callback_after_success_is_not_accepted():
    """A replayed redirect must find nobody listening."""
    listener = LoopbackListener(timeout=10)
    listener.expected_state = "s"
    thread, _ = _wait_in_thread(listener)
    requests.get(f"{listener.redirect_uri}?state=s&code=x", timeout=5)
    thread.join(5)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{listener.redirect_uri}?state=s&code=y", timeout=5)


def test_access_denied_callback_is_returned_with_a_failure_page():
    """When the official refuses on X, the browser says so and the desk gets the error."""
    with LoopbackListener(timeout=10) as listener:
        listener.expected_state = "s"
        thread, outcome = _wait_in_thread(listener)
        r = requests.get(f"{listener.redirect_uri}?error=access_denied&state=s", timeout=5)
        thread.join(5)
    assert r.status_code == 200 and "izin tidak diberikan" in r.text
    assert "error=access_denied" in outcome["url"]


def test_time_out_raises_oauth_error_and_frees_the_port():
    """If the official never finishes in the browser, the desk stops waiting."""
    listener = LoopbackListener(timeout=0.3)
    listener.expected_state = "s"
    port = listener.port
    with pytest.raises(OAuthError, match=r"0\.3 seconds"):
        listener.wait()
    LoopbackListener(port).close()


def test_cancel_stops_waiting_and_frees_the_port():
    """Pressing "Batal" while the desk waits for X's answer ends the sign-in as cancelled
    (not as a time-out a minute later) and lets the next one use the port.
    How fast it ends is measured by bench/xapi_waits.py."""
    listener = LoopbackListener(timeout=60)
    listener.expected_state = "s"
    port = listener.port
    thread, outcome = _wait_in_thread(listener)
    _wait_until(lambda: listener._waiting)  # wait() is waiting: cancel must reach it there
    listener.cancel()
    thread.join(30)  # only a guard against a hang: the listener itself would wait 60 s
    assert not thread.is_alive()
    assert isinstance(outcome["error"], OAuthError)
    assert outcome["error"].kind is OAuthFailure.CANCELLED
    LoopbackListener(port).close()


def test_cancel_before_wait():
    """Cancelling a sign-in that never started waiting frees the port too."""
    listener = LoopbackListener()
    port = listener.port
    listener.cancel()
    listener.expected_state = "s"
    with pytest.raises(OAuthError):
        listener.wait()
    LoopbackListener(port).close()


def test_port_in_use_names_the_port():
    """The official (or support) must learn which port to free or change in settings."""
    with LoopbackListener() as first:
        with pytest.raises(OAuthError, match=str(first.port)):
            LoopbackListener(first.port)
