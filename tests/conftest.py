"""Shared fixtures. Every test gets its own data directory under tmp_path; none writes to ~."""

from __future__ import annotations

import os

import pytest

# Qt must not look for a screen unless a test asks for Xvfb explicitly.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def sandbox():
    """A fresh X API sandbox on 127.0.0.1 with a random port, seeded, stopped after the test."""
    from humasdesk.sandbox import Sandbox

    sb = Sandbox(host="127.0.0.1", port=0)
    sb.start()
    try:
        yield sb
    finally:
        sb.stop()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty data directory that the app and services use instead of the user's."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("HUMASDESK_DATA_DIR", str(d))
    return d
