"""Fixtures for the X client tests: signed-in clients for the seed accounts, the control API.

Everything runs over real HTTP against the sandbox on 127.0.0.1; nothing in requests is mocked.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from humasdesk.core.models import TokenSet
from humasdesk.xapi.client import XClient
from humasdesk.xapi.signin import sign_in_headless

CLIENT_ID = "humasdesk-test"
OFFICE = "HumasDemo"
PERSONAL = "rina_humas"


class Control:
    """The sandbox's /_sandbox/ control API, for arranging what X "has"."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = self.session.post(f"{self.base_url}/_sandbox/{path}", json=body, timeout=10)
        assert r.status_code in (200, 201), r.text
        return r.json()["data"]

    def mention(self, to: str, sender: str, text: str) -> str:
        return str(self._post("mentions", {"to": to, "from": sender, "text": text})["id"])

    def fault(self, **fault: Any) -> None:
        self._post("faults", fault)

    def advance_clock(self, seconds: float) -> None:
        self._post("clock", {"advance_s": seconds})

    def posts(self, author: str | None = None) -> list[dict[str, Any]]:
        params = {"author": author} if author else None
        r = self.session.get(f"{self.base_url}/_sandbox/posts", params=params, timeout=10)
        r.raise_for_status()
        return r.json()["data"]

    def credits(self, balance: str | None) -> None:
        self._post("credits", {"balance": balance})

    def media(self) -> list[dict[str, Any]]:
        r = self.session.get(f"{self.base_url}/_sandbox/media", timeout=10)
        r.raise_for_status()
        return r.json()["data"]

    def uploads_in_progress(self) -> list[dict[str, Any]]:
        r = self.session.get(f"{self.base_url}/_sandbox/media", timeout=10)
        r.raise_for_status()
        return r.json()["meta"]["uploads_in_progress"]

    def billing(self) -> dict[str, Any]:
        r = self.session.get(f"{self.base_url}/_sandbox/billing", timeout=10)
        r.raise_for_status()
        return r.json()["data"]

    def tokens(self) -> dict[str, list[str]]:
        r = self.session.get(f"{self.base_url}/_sandbox/tokens", timeout=10)
        r.raise_for_status()
        return r.json()["data"]


@pytest.fixture
def control(sandbox) -> Iterator[Control]:
    c = Control(sandbox.base_url)
    yield c
    c.session.close()


@pytest.fixture
def office_tokens(sandbox) -> TokenSet:
    """Tokens of the office account, obtained through the real (headless) OAuth flow."""
    return sign_in_headless(CLIENT_ID, sandbox.base_url, OFFICE, timeout=10)


@pytest.fixture
def office(sandbox, office_tokens) -> Iterator[XClient]:
    client = XClient(office_tokens, base_url=sandbox.base_url, timeout=5)
    yield client
    client.close()


@pytest.fixture
def personal(sandbox) -> Iterator[XClient]:
    tokens = sign_in_headless(CLIENT_ID, sandbox.base_url, PERSONAL, timeout=10)
    client = XClient(tokens, base_url=sandbox.base_url, timeout=5)
    yield client
    client.close()


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A real, valid PNG (red pixels), built here so the tests need no image files."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
