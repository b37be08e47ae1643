"""One signed-in account: its slot, who it is, its tokens and its X client."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from humasdesk.core.models import Account, Slot, TokenSet

if TYPE_CHECKING:
    from humasdesk.xapi.client import XClient

#: The practice-mode accounts each slot signs into on the sandbox.
PRACTICE_HANDLES = {Slot.OFFICE: "HumasDemo", Slot.PERSONAL: "rina_humas"}
#: Practice mode is a public client like the real one; the sandbox accepts any id.
PRACTICE_CLIENT_ID = "humasdesk-practice"


@dataclass
class AccountSession:
    """A slot bound to one X account. Its client is used from that slot's worker only."""

    slot: Slot
    account: Account
    tokens: TokenSet = field(repr=False)
    client: XClient = field(repr=False)


class SlotConflict(Exception):
    """The same X account was signed into both slots."""

    def __init__(self, username: str) -> None:
        super().__init__(f"@{username} is already signed in to the other slot")
        self.username = username


def open_session(
    slot: Slot,
    tokens: TokenSet,
    *,
    base_url: str | None,
    prepare: Callable[[XClient], None] | None = None,
) -> AccountSession:
    """Build the X client for `tokens` and ask X who the account is. `prepare` sees the
    client before its first call (the usage meter watches it, so that call is counted)."""
    from humasdesk.xapi.client import XClient  # deferred: tweepy is slow to import

    client = XClient(tokens, base_url=base_url)
    if prepare is not None:
        prepare(client)
    account = client.me()
    tokens = replace(tokens, user_id=account.user_id, username=account.username)
    client.set_tokens(tokens)
    return AccountSession(slot=slot, account=account, tokens=tokens, client=client)


def sign_in_practice(
    slot: Slot, *, base_url: str, handle: str | None = None, timeout: float = 15.0
) -> AccountSession:
    """Sign `slot` into a sandbox account through the real OAuth flow, headless."""
    from humasdesk.xapi.signin import sign_in_headless

    tokens = sign_in_headless(
        PRACTICE_CLIENT_ID, base_url, handle or PRACTICE_HANDLES[slot], timeout=timeout
    )
    return open_session(slot, tokens, base_url=base_url)


def ensure_distinct(sessions: Mapping[Slot, AccountSession], new: AccountSession) -> None:
    """Refuse a session whose X account already sits in the other slot."""
    for slot, other in sessions.items():
        if slot is not new.slot and other.account.user_id == new.account.user_id:
            raise SlotConflict(new.account.username)
