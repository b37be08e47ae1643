"""Shared fixtures. Every test gets its own data directory under tmp_path; none writes to ~."""

from __future__ import annotations

import os

import pytest

# Qt must not look for a screen unless a test asks for Xvfb explicitly.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def sandbox():
    """A fresh X API sandbox on 127.0.0.1 with a random port, seeded, stopped after the test.

    Every answer it gives is checked against X's OpenAPI description when the test ends
    (tests/openapi_check.py): an answer X could not give fails the test that caused it."""
    from humasdesk.sandbox import Sandbox
    from tests.openapi_check import Recorder

    sb = Sandbox(host="127.0.0.1", port=0)
    sb.start()
    recorder = Recorder(sb.engine)
    try:
        yield sb
    finally:
        sb.stop()
    problems = recorder.problems()
    assert not problems, "sandbox answers X's OpenAPI does not allow:\n" + "\n".join(problems)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty data directory that the app and services use instead of the user's."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("HUMASDESK_DATA_DIR", str(d))
    return d
