"""A private Xvfb display for real-window tests. Missing Xvfb is a failure, not a skip."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest


@pytest.fixture
def xvfb_display():
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is not installed: scripts/test.sh installs it (package xvfb)"
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not report a display number"
        wait_until_accepting(f":{number}", proc)
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_until_accepting(display: str, proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Xvfb names its display before every client is sure to get in (a frozen desk once
    failed with "could not connect to display :0" right after): wait until one does."""
    xwininfo = shutil.which("xwininfo")
    assert xwininfo, "xwininfo is not installed: scripts/test.sh installs it (x11-utils)"
    deadline = time.monotonic() + timeout
    while True:
        probe = subprocess.run(
            [xwininfo, "-root"],
            env={**os.environ, "DISPLAY": display},
            capture_output=True,
            timeout=10,
        )
        if probe.returncode == 0:
            return
        assert proc.poll() is None, f"Xvfb on {display} exited ({proc.returncode})"
        assert time.monotonic() < deadline, f"Xvfb on {display} accepts no connection"
        time.sleep(0.05)
