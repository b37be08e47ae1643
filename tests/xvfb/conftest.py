"""A private Xvfb display for real-window tests. Missing Xvfb is a failure, not a skip."""

from __future__ import annotations

import os
import shutil
import subprocess

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
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
