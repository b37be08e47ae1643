"""Diagnostics never carry a token: if this breaks, a log file handed to IT support
could let someone post as the ministry."""

from __future__ import annotations

import logging

from humasdesk.logsetup import MASK, configure_logging, mask_secrets

TOKEN = "dEx2bHZqUm1aOGdQX3Fwc0tJb2xMNnNmYlVxR1RfaF9sVmNfOjE3MzI"


def test_bearer_header_and_token_fields_are_masked():
    text = (
        f"Authorization: Bearer {TOKEN} body access_token={TOKEN}&x=1 "
        f'{{"refresh_token": "{TOKEN}"}}'
    )
    masked = mask_secrets(text)
    assert TOKEN not in masked
    assert masked.count(MASK) == 3


def test_long_opaque_runs_are_masked_but_ordinary_words_stay():
    masked = mask_secrets(f"gagal kirim id 1858000000000000000 token {TOKEN}")
    assert TOKEN not in masked
    assert "gagal kirim id 1858000000000000000" in masked


def test_log_file_never_holds_a_token_even_from_a_traceback(tmp_path):
    configure_logging(tmp_path, console=False)
    log = logging.getLogger("humasdesk.test")
    try:
        raise RuntimeError(f"server said invalid token {TOKEN}")
    except RuntimeError:
        log.exception("call failed for %s", TOKEN)
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = (tmp_path / "humasdesk.log").read_text(encoding="utf-8")
    assert "call failed" in content and "RuntimeError" in content
    assert TOKEN not in content
    configure_logging(None, console=False)
