"""Signing a slot in and out, keeping it signed in, and where its tokens live.

No Qt. Every method may block (network, keyring): call it from the slot's worker.
The guards live here, not in the GUI: the same X account cannot sit in both
slots, and the office slot can be pinned to the agency's handle.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from humasdesk.core.errors import AuthExpired, OAuthError, OAuthFailure
from humasdesk.core.models import Slot, TokenSet
from humasdesk.services.session import (
    AccountSession,
    SlotConflict,
    ensure_distinct,
    open_session,
)

if TYPE_CHECKING:
    from humasdesk.credentials import TokenStorage
    from humasdesk.store.activity_log import ActivityLog
    from humasdesk.xapi.client import XClient

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Refresh this long before the access token expires, so no call races the expiry.
REFRESH_MARGIN_S = 300


@dataclass(frozen=True)
class XEndpoint:
    """Which X to talk to and as which app."""

    client_id: str
    base_url: str | None  # None: the real X; else the sandbox
    callback_port: int  # 0: any free port (practice mode)


class OfficeHandleMismatch(Exception):
    """The office slot is pinned to another handle in settings."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(f"office slot is pinned to @{expected}, not @{actual}")
        self.expected = expected
        self.actual = actual


class SessionExpired(Exception):
    """X refused the refresh: the official must sign this slot in again."""

    def __init__(self, slot: Slot) -> None:
        super().__init__(f"the {slot.value} session has ended")
        self.slot = slot


class SignInAttempt:
    """One browser sign-in: open :attr:`url`, then :meth:`wait_for_tokens` (blocks).

    :meth:`cancel` may be called from any thread; it frees the callback port.
    """

    def __init__(self, endpoint: XEndpoint, timeout: float) -> None:
        from humasdesk.xapi.listener import LoopbackListener
        from humasdesk.xapi.oauth import OAuthFlow

        self.listener = LoopbackListener(endpoint.callback_port, timeout=timeout)
        try:
            self.flow = OAuthFlow(
                endpoint.client_id, self.listener.redirect_uri, base_url=endpoint.base_url
            )
            self.url = self.flow.authorization_url()
        except BaseException:
            self.listener.close()
            raise
        self.listener.expected_state = self.flow.state

    def wait_for_tokens(self) -> TokenSet:
        callback = self.listener.wait()
        return self.flow.exchange(callback)

    def cancel(self) -> None:
        self.listener.cancel()


class AccountService:
    def __init__(
        self,
        endpoint: XEndpoint,
        store: TokenStorage,
        *,
        office_handle: str = "",
        clock: Callable[[], float] = time.time,
        log: ActivityLog | None = None,
        prepare_client: Callable[[XClient], None] | None = None,
    ) -> None:
        self.endpoint = endpoint
        self._prepare = prepare_client  # e.g. UsageMeter.watch: counts from the first call
        self.store = store
        self.office_handle = office_handle.lstrip("@").strip()
        self._clock = clock
        self.log = log

    def _record(self, action: str, slot: Slot, **fields: object) -> None:
        """An activity-log entry (never a token: only ids, handles and reasons)."""
        if self.log is not None:
            self.log.append(action, slot=slot, **fields)  # type: ignore[arg-type]

    # --- sign-in ----------------------------------------------------------------------------

    def begin_sign_in(self, timeout: float = 300) -> SignInAttempt:
        """Bind the callback listener and build the consent URL. Raises OAuthError (port)."""
        return SignInAttempt(self.endpoint, timeout)

    def complete_sign_in(
        self, slot: Slot, tokens: TokenSet, others: Mapping[Slot, AccountSession]
    ) -> AccountSession:
        """Check the guards, keep the tokens, and open the session.

        Tokens for a refused account are revoked at once, so nothing stays valid.
        """
        session = open_session(slot, tokens, base_url=self.endpoint.base_url, prepare=self._prepare)
        try:
            self._check_guards(session, others)
        except (SlotConflict, OfficeHandleMismatch) as exc:
            self._revoke_quietly(session.tokens)
            session.client.close()
            self._record(
                "sign_in_failed",
                slot,
                account_id=session.account.user_id,
                handle=session.account.username,
                details={"reason": type(exc).__name__},
            )
            raise
        self.store.save(slot, session.tokens)
        self._record(
            "signed_in",
            slot,
            account_id=session.account.user_id,
            handle=session.account.username,
            # the display name as of now (issue 16: the report names each account)
            details={"persistent": bool(self.store.persistent), "name": session.account.name},
        )
        return session

    def finish_sign_in(
        self, slot: Slot, attempt: SignInAttempt, others: Mapping[Slot, AccountSession]
    ) -> AccountSession:
        """Wait for X's answer to a browser sign-in, then complete it. Failures are logged
        (a cancel by the official is not a failure)."""
        try:
            tokens = attempt.wait_for_tokens()
        except OAuthError as exc:
            if exc.kind is not OAuthFailure.CANCELLED:
                self._record("sign_in_failed", slot, details={"reason": exc.kind.value})
            raise
        except Exception as exc:
            self._record("sign_in_failed", slot, details={"reason": type(exc).__name__})
            raise
        return self.complete_sign_in(slot, tokens, others)

    def sign_in_headless(
        self, slot: Slot, handle: str, others: Mapping[Slot, AccountSession]
    ) -> AccountSession:
        """Practice mode: the sandbox approves `handle` without a browser."""
        from humasdesk.xapi.signin import sign_in_headless

        if self.endpoint.base_url is None:
            raise OAuthError("headless sign-in exists only in practice mode")
        tokens = sign_in_headless(self.endpoint.client_id, self.endpoint.base_url, handle)
        return self.complete_sign_in(slot, tokens, others)

    def _check_guards(self, session: AccountSession, others: Mapping[Slot, AccountSession]) -> None:
        ensure_distinct(others, session)
        if (
            session.slot is Slot.OFFICE
            and self.office_handle
            and session.account.username.lower() != self.office_handle.lower()
        ):
            raise OfficeHandleMismatch(self.office_handle, session.account.username)

    # --- staying signed in ------------------------------------------------------------------

    def restore(self, slot: Slot) -> AccountSession | None:
        """The slot's account from stored tokens, refreshed if near expiry; None if none kept.

        A secret that is not valid JSON is deleted and reported (CorruptSecret), so the
        pane can sign out cleanly and say why. A refused refresh raises SessionExpired.
        """
        from humasdesk.credentials import CorruptSecret  # deferred: not needed to paint

        try:
            tokens = self.store.load(slot)
        except CorruptSecret:
            self.store.delete(slot)
            raise
        if tokens is None:
            return None
        if tokens.expires_within(REFRESH_MARGIN_S, self._clock()):
            tokens = self._refresh_tokens(slot, tokens)
        try:
            return open_session(
                slot, tokens, base_url=self.endpoint.base_url, prepare=self._prepare
            )
        except AuthExpired:
            tokens = self._refresh_tokens(slot, tokens)
            return open_session(
                slot, tokens, base_url=self.endpoint.base_url, prepare=self._prepare
            )

    def call(self, session: AccountSession, fn: Callable[[AccountSession], T]) -> T:
        """Run `fn(session)`: refresh before expiry, and once more after a 401."""
        if session.tokens.expires_within(REFRESH_MARGIN_S, self._clock()):
            self.refresh(session)
        try:
            return fn(session)
        except AuthExpired:
            self.refresh(session)
            return fn(session)

    def refresh(self, session: AccountSession) -> None:
        """New tokens for the session; the rotated refresh token is saved at once."""
        tokens = self._refresh_tokens(session.slot, session.tokens)
        session.tokens = tokens
        session.client.set_tokens(tokens)

    def _refresh_tokens(self, slot: Slot, tokens: TokenSet) -> TokenSet:
        from humasdesk.xapi.oauth import refresh_tokens

        try:
            fresh = refresh_tokens(self.endpoint.client_id, tokens, base_url=self.endpoint.base_url)
        except (OAuthError, AuthExpired):
            # X rotates the refresh token: another HumasDesk process on this laptop (the
            # desk and `humasdesk sync` share the keyring) may have refreshed first and
            # saved the new tokens. Take those rather than end the session.
            stored = self._stored_newer_than(slot, tokens)
            if stored is not None:
                logger.info("slot %s: tokens refreshed by another process", slot.value)
                return stored
            logger.info("refresh refused for slot %s", slot.value)
            self._record("session_expired", slot, account_id=tokens.user_id, handle=tokens.username)
            raise SessionExpired(slot) from None
        fresh = replace(fresh, user_id=tokens.user_id, username=tokens.username)
        self.store.save(slot, fresh)
        return fresh

    def _stored_newer_than(self, slot: Slot, tokens: TokenSet) -> TokenSet | None:
        """The slot's saved tokens if they are another, still valid set for the same account."""
        try:
            stored = self.store.load(slot)
        except Exception as exc:  # a keyring problem: the refusal stands
            logger.warning("could not re-read the %s tokens: %s", slot.value, type(exc).__name__)
            return None
        if (
            stored is None
            or stored.refresh_token == tokens.refresh_token
            or stored.user_id != tokens.user_id
            or stored.expires_within(REFRESH_MARGIN_S, self._clock())
        ):
            return None
        return stored

    # --- sign-out ---------------------------------------------------------------------------

    def sign_out_slot(self, slot: Slot) -> bool:
        """Sign `slot` out from its saved tokens: revoke at X, then delete the secret. A slot
        with no saved sign-in, a damaged secret or a session X already ended needs no
        revocation; its secret (if any) is deleted. X unreachable before the session opens:
        the error propagates and the secret is kept (try again); during the revocation: the
        error propagates after the secret is deleted (`sign_out`). True if a session was
        signed out."""
        from humasdesk.credentials import CorruptSecret

        try:
            session = self.restore(slot)
        except (SessionExpired, CorruptSecret):
            self.store.delete(slot)
            return False
        if session is None:
            return False
        self.sign_out(session)
        return True

    def sign_out(self, session: AccountSession) -> None:
        """Revoke at X, then delete the secret. The secret goes even if X can't be reached."""
        try:
            self._revoke(session.tokens)
        finally:
            self.store.delete(session.slot)
            session.client.close()
            self._record(
                "signed_out",
                session.slot,
                account_id=session.account.user_id,
                handle=session.account.username,
            )

    def _revoke(self, tokens: TokenSet) -> None:
        from humasdesk.xapi.oauth import revoke_token

        for token, hint in ((tokens.refresh_token, "refresh_token"),
                            (tokens.access_token, "access_token")):  # fmt: skip
            if token:
                revoke_token(
                    self.endpoint.client_id,
                    token,
                    base_url=self.endpoint.base_url,
                    token_type_hint=hint,
                )

    def _revoke_quietly(self, tokens: TokenSet) -> None:
        try:
            self._revoke(tokens)
        except Exception as exc:
            logger.warning("could not revoke refused tokens: %s", type(exc).__name__)
