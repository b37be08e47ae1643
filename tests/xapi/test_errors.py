"""Every failure talking to X reaches the desk as one core error, and never with a token in it."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime

import pytest

from humasdesk.core.errors import (
    AuthExpired,
    DuplicatePost,
    Forbidden,
    InvalidRequest,
    NetworkError,
    NotFound,
    OAuthError,
    RateLimited,
    ReplyNotAllowed,
    ServerError,
    XError,
)
from humasdesk.xapi.client import UPLOAD_TRIES, XClient
from humasdesk.xapi.oauth import refresh_tokens, revoke_token

from .conftest import CLIENT_ID, OFFICE


def test_injected_429_is_rate_limited_with_reset_time(office, control):
    """The outbox must know when to try again instead of hammering X."""
    control.fault(count=1, status=429, path_prefix="/2/tweets")
    with pytest.raises(RateLimited) as info:
        office.create_post("Akan ditolak sementara.")
    assert info.value.reset_at is not None
    assert info.value.reset_at > datetime.now(UTC)


def test_real_rate_limit_on_users_me(office):
    """At X's limit (75 per 15 min for /2/users/me) the desk gets RateLimited, not a crash."""
    with pytest.raises(RateLimited) as info:
        for _ in range(80):
            office.me()
    assert info.value.reset_at is not None and info.value.reset_at > datetime.now(UTC)
    assert office.rate_limits["GET /2/users/me"].remaining == 0


def test_503_is_server_error(office, control):
    """X being down must read as "try later", not as a refused post."""
    control.fault(count=1, status=503, path_prefix="/2/tweets")
    with pytest.raises(ServerError) as info:
        office.create_post("X sedang gangguan.")
    assert info.value.status == 503


def test_dropped_connection_is_network_error(office, control):
    """A broken connection must be reported as such (the post may or may not exist)."""
    control.fault(count=1, drop_connection=True, path_prefix="/2/tweets")
    with pytest.raises(NetworkError):
        office.create_post("Sambungan putus.")


def test_drop_after_commit_leaves_the_post_and_a_resend_is_a_duplicate(office, control):
    """Why the client never retries a post: X may have stored it before the line dropped."""
    control.fault(count=1, drop_connection=True, after_commit=True, path_prefix="/2/tweets")
    text = "Terkirim walau sambungan putus."
    with pytest.raises(NetworkError):
        office.create_post(text)
    assert text in {p["text"] for p in control.posts(author=OFFICE)}
    with pytest.raises(DuplicatePost):
        office.create_post(text)


def test_delay_past_the_timeout_is_network_error(sandbox, control, office_tokens):
    """A hung X must not freeze the account's worker forever."""
    client = XClient(office_tokens, base_url=sandbox.base_url, timeout=0.5)
    control.fault(count=1, delay_ms=2000, path_prefix="/2/users/me")
    try:
        with pytest.raises(NetworkError, match="time-out"):
            client.me()
    finally:
        client.close()


def test_sandbox_unreachable_is_network_error(office_tokens):
    """No network (or practice X stopped) must read as NetworkError."""
    client = XClient(office_tokens, base_url="http://127.0.0.1:9", timeout=2)
    try:
        with pytest.raises(NetworkError):
            client.me()
    finally:
        client.close()


def test_duplicate_text_is_duplicate_post(office):
    """Posting the same text twice must say "duplicate", so the desk doesn't retry it."""
    office.create_post("Teks yang sama persis.")
    with pytest.raises(DuplicatePost) as info:
        office.create_post("Teks yang sama persis.")
    assert "duplicate" in str(info.value)
    assert isinstance(info.value, Forbidden) and info.value.reason


def test_reply_to_a_post_that_does_not_mention_us_is_refused(office, personal):
    """X restricts replies; the desk must explain it instead of showing a generic 403."""
    stranger = personal.create_post("Posting pribadi tanpa menyebut akun kantor.")
    with pytest.raises(ReplyNotAllowed) as info:
        office.create_post("Balasan yang tidak diizinkan.", reply_to=stranger.id)
    assert "not allowed" in str(info.value)


def test_over_long_text_is_invalid_request_with_x_reason(office):
    """Too long must be shown with X's own reason, not the generic 400 sentence only."""
    with pytest.raises(InvalidRequest) as info:
        office.create_post("a" * 281)
    assert "400" in str(info.value)
    assert len(str(info.value)) > len("X refused the request (400): ")


def test_unknown_post_is_not_found(office):
    """A deleted citizen post must read as NotFound."""
    with pytest.raises(NotFound):
        office.get_post("1")


def test_deleting_someone_elses_post_is_forbidden(office, control):
    """The desk must never be able to delete a citizen's post; X says Forbidden."""
    mention_id = control.mention(OFFICE, "warga_04", "Tolong dibantu.")
    with pytest.raises(Forbidden):
        office.delete_post(mention_id)


def test_revoked_token_is_auth_expired(sandbox, office, office_tokens):
    """After sign-out (or revocation at X) the desk must ask to sign in, not crash."""
    revoke_token(CLIENT_ID, office_tokens.access_token, base_url=sandbox.base_url)
    with pytest.raises(AuthExpired):
        office.create_post("Tidak akan terkirim.")


def _error_paths(sandbox, control, office, office_tokens) -> list[XError]:
    errors: list[XError] = []

    def collect(fn, *args, **kwargs):
        try:
            fn(*args, **kwargs)
        except XError as e:
            errors.append(e)
        else:
            raise AssertionError(f"{fn} did not fail")

    office.create_post("Duplikat untuk uji token.")
    collect(office.create_post, "Duplikat untuk uji token.")
    collect(office.create_post, "x" * 300)
    collect(office.get_post, "1")
    control.fault(count=1, status=429, path_prefix="/2/users/me")
    collect(office.me)
    control.fault(count=1, status=503, path_prefix="/2/users/me")
    collect(office.me)
    control.fault(count=1, drop_connection=True, path_prefix="/2/users/me")
    collect(office.me)
    # Uploads are retried with back-off: every try fails, and the waits are skipped.
    uploader = XClient(office_tokens, base_url=sandbox.base_url, sleep=lambda s: None)
    control.fault(count=UPLOAD_TRIES, status=500, path_prefix="/2/media/upload")
    collect(uploader.upload_media, b"\x89PNG\r\n\x1a\n", "image/png")
    collect(uploader.upload_media, b"not an image", "image/png")
    uploader.close()
    control.fault(count=1, status=503, path_prefix="/2/oauth2/token")
    collect(refresh_tokens, CLIENT_ID, office_tokens, base_url=sandbox.base_url)
    new = refresh_tokens(CLIENT_ID, office_tokens, base_url=sandbox.base_url)
    collect(refresh_tokens, CLIENT_ID, office_tokens, base_url=sandbox.base_url)  # rotated
    revoke_token(CLIENT_ID, office_tokens.access_token, base_url=sandbox.base_url)
    collect(office.me)
    office.set_tokens(new)
    control.advance_clock(3 * 3600)
    collect(office.me)
    return errors


def test_no_error_text_contains_a_token(sandbox, control, office, office_tokens):
    """Error texts go to logs and dialogs; a token in them would hand the account away."""
    errors = _error_paths(sandbox, control, office, office_tokens)
    kinds = {type(e) for e in errors}
    assert {DuplicatePost, InvalidRequest, NotFound, RateLimited, ServerError} <= kinds
    assert {NetworkError, OAuthError, AuthExpired} <= kinds
    secrets = [office_tokens.access_token, office_tokens.refresh_token, office.tokens.access_token]
    secrets += [office.tokens.refresh_token]
    for error in errors:
        # The original exception (holding the request and its Authorization header) is not
        # attached, so even a full traceback in a log shows nothing secret.
        assert error.__cause__ is None and error.__context__ is None, type(error)
        text = "".join(traceback.format_exception(error)) + repr(error) + repr(vars(error))
        assert "Bearer" not in text
        for secret in secrets:
            assert secret and secret not in text, type(error)
