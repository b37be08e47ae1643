"""The activity log's domain types and its canonical form (pure: no I/O, no Qt).

Every action of the desk is one `ActivityEntry`. Entries form a hash chain: each entry's
`hash` commits to the previous entry's hash and to the entry's own content, so editing,
removing or inserting an entry anywhere in the log is detected by walking the chain.

Canonical form, version 1 (what a supervisor's verifier reimplements)
=====================================================================

For entry number ``seq`` (1, 2, 3, ... without gaps)::

    hash = lowercase_hex( SHA-256( prev_hash_ascii || canonical_bytes ) )

* ``prev_hash_ascii`` is the previous entry's ``hash`` as its 64 lowercase hex characters in
  ASCII; for ``seq == 1`` it is 64 ASCII zeros (``GENESIS_HASH``).
* ``canonical_bytes`` is the UTF-8 encoding of one JSON object, written with sorted keys, no
  whitespace (separators ``,`` and ``:``), non-ASCII characters written as themselves (not
  ``\\uXXXX``), and exactly these 13 keys::

      account_id             string or null   the staff account's X user id
      action                 string           e.g. "post_sent" (the set is open)
      citizen_handle_digest  string or null   see "personal fields" below
      citizen_text_digest    string or null   see "personal fields" below
      details                object           free-form JSON object, same rules, may be {}
      handle                 string or null   the staff account's handle (not personal data)
      in_reply_to            string or null   X post id this post answers
      seq                    integer
      slot                   string or null   "office" or "personal"
      text                   string or null   the desk's own post text (an official record)
      ts                     string           UTC time, "YYYY-MM-DDTHH:MM:SS.mmmZ" (always ms)
      v                      integer          1 (the canonical-form version)
      x_post_id              string or null   X post id the entry is about

  This is exactly Python's ``json.dumps(obj, sort_keys=True, separators=(",", ":"),
  ensure_ascii=False, allow_nan=False).encode("utf-8")``: strings escape only ``"``, ``\\``
  and control characters below U+0020 (as ``\\n``, ``\\r``, ``\\t``, ``\\b``, ``\\f`` or
  ``\\u00XX`` with lowercase hex). Values inside ``details`` should be strings, integers,
  booleans, null, lists and objects (no floats, whose text form differs between languages).

Personal fields (erasable)
--------------------------
A citizen's handle and a mention's text are personal data (UU 27/2022) and may have to be
erased. They never enter the hash directly. Each entry that carries one gets a random 16-byte
``salt``; the chained entry holds::

    citizen_handle_digest = lowercase_hex( SHA-256( salt || UTF-8(citizen_handle) ) )
    citizen_text_digest   = lowercase_hex( SHA-256( salt || UTF-8(citizen_text) ) )

(null when the field is absent). The salt and the values are stored beside the entry, not in
it. Erasing removes the values *and the salt*, so the digests stay in the chain (every hash
still verifies) but an erased value cannot be recovered by hashing guesses. A verifier checks
a value that is still present against its digest with the stored salt.

Storage: the store keeps each entry's canonical text itself (column `canonical`) and derives
the visible fields from it, so a verifier with the database file can hash
``prev_hash || canonical`` row by row; one working from an export rebuilds the text from the
fields as defined above.

The set of actions is open: a verifier must accept action strings it does not know (written
by a newer version), since the hash does not depend on knowing what they mean.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from json.encoder import encode_basestring  # the C-accelerated ensure_ascii=False string writer
from typing import Any

from humasdesk.core.models import Slot

CANONICAL_VERSION = 1
GENESIS_HASH = "0" * 64
SALT_BYTES = 16


class Action(StrEnum):
    """What happened. Stored as its string value; unknown strings from newer versions stay valid."""

    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    SIGN_IN_FAILED = "sign_in_failed"
    SESSION_EXPIRED = "session_expired"
    POST_SENT = "post_sent"
    REPLY_SENT = "reply_sent"
    REPOST_SENT = "repost_sent"  # x_post_id None; details["repost_of"]: the post reposted
    POST_FAILED = "post_failed"
    POST_DELETED = "post_deleted"
    MENTION_RECEIVED = "mention_received"
    MENTION_HANDLED = "mention_handled"
    MENTION_IGNORED = "mention_ignored"
    MENTION_TAGGED = "mention_tagged"
    EXPORT_MADE = "export_made"
    CHAIN_BREAK_DETECTED = "chain_break_detected"
    PERSONAL_DATA_ERASED = "personal_data_erased"
    # Issue 15, scheduled posts: details["outbox_id"], details["due_at"] (UTC, as `ts`).
    POST_SCHEDULED = "post_scheduled"  # text: the post; a thread's parts in details["parts"]
    SCHEDULE_MOVED = "schedule_moved"  # details["from"], ["to"]; ["send_now"] for Kirim sekarang
    SCHEDULE_EDITED = "schedule_edited"  # text: the new text; details["previous_text"]
    SCHEDULE_CANCELLED = "schedule_cancelled"  # text back to the composer
    POST_MISSED = "post_missed"  # its time passed by more than the grace period; not sent
    # Issue 16: posts made outside the desk (X's app, x.com), found on the own timeline, with
    # X's created_at as the time; what X says happened to the desk's posts since; metrics reads.
    POST_SEEN = "post_seen"  # like post_sent (details["quote_of"], ["thread_of"] as there)
    REPLY_SEEN = "reply_seen"  # like reply_sent: in_reply_to answers that mention
    REPOST_SEEN = "repost_seen"  # like repost_sent; details["repost_of"]
    POST_EDITED_ON_X = "post_edited_on_x"  # x_post_id: new version; edit_of, previous_text
    POST_DELETED_ON_X = "post_deleted_on_x"  # the record stays; never read again
    METRICS_SNAPSHOT = "metrics_snapshot"  # details: count read, skipped (no figures in the chain)
    # issue 17: the complaint register's case events (details carry "case_id"; x_post_id is
    # the case's mention; never the citizen's words)
    CASE_OPENED = "case_opened"  # details: category, suggested
    CASE_CATEGORY_SET = "case_category_set"  # details: category, previous
    CASE_STATUS_CHANGED = "case_status_changed"  # details: status, previous (, reason)
    CASE_FORWARDED = "case_forwarded"  # details: lapor_id
    CASE_CLOSED = "case_closed"  # details: status (closed/rejected), previous (, reason)
    CASE_MENTION_DELETED = "case_mention_deleted"  # the citizen deleted the mention on X


def parse_action(value: str) -> Action | str:
    """The `Action` for a known string; the string itself for one from a newer version."""
    try:
        return Action(value)
    except ValueError:
        return value


def format_ts(ts: datetime) -> str:
    """UTC ISO-8601 with milliseconds and `Z`. Naive datetimes are refused (ambiguous zone)."""
    if ts.tzinfo is UTC:  # the common case (a naive isoformat is 3x quicker than an aware one)
        return ts.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"
    if ts.tzinfo is None or ts.utcoffset() is None:
        raise ValueError("activity times must be timezone-aware")
    u = ts.astimezone(UTC).replace(tzinfo=None)
    return u.isoformat(timespec="milliseconds") + "Z"


def parse_ts(value: str) -> datetime:
    """Inverse of `format_ts`."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def truncate_ms(ts: datetime) -> datetime:
    """`ts` in UTC with the precision the log keeps (milliseconds)."""
    return parse_ts(format_ts(ts))


def canonical_details(details: Mapping[str, Any] | None) -> str:
    """The canonical JSON text of a details object (also how it is stored)."""
    if not details:
        return "{}"
    if len(details) == 1:
        # Most entries carry one plain item ({"outbox_id": 17}, {"tag": "aduan"}): a key of
        # ASCII letters, digits and "_", an int, or a string of ASCII letters and digits,
        # need no escaping, so the JSON is written directly (a test compares the two).
        ((key, value),) = details.items()
        if type(key) is str and key.isascii() and key.isidentifier():
            if type(value) is int:
                return f'{{"{key}":{value}}}'
            if type(value) is str and value.isascii() and value.isalnum():
                return f'{{"{key}":"{value}"}}'
    return _DETAILS_ENCODER.encode(dict(details))


# One encoder for every entry (json.dumps with options builds a new one per call).
_DETAILS_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def personal_digest(salt: bytes, value: str) -> str:
    """`hex(sha256(salt || utf8(value)))`: what the chain holds instead of a personal field."""
    return hashlib.sha256(salt + value.encode("utf-8")).hexdigest()


def canonical_text_from_fields(
    *,
    seq: int,
    ts: str,
    slot: str | None,
    account_id: str | None,
    handle: str | None,
    action: str,
    x_post_id: str | None,
    in_reply_to: str | None,
    text: str | None,
    details_json: str,
    citizen_handle_digest: str | None,
    citizen_text_digest: str | None,
) -> str:
    """The canonical form as text, from field values (`ts` formatted, `details_json`
    canonical). Written by hand for speed; `canonical_bytes_reference` is the plain
    `json.dumps` definition and a test keeps the two identical.
    """
    e = encode_basestring  # JSON strings; "null" for None is written inline (per entry)
    return (
        f'{{"account_id":{"null" if account_id is None else e(account_id)},'
        f'"action":{e(action)},'
        f'"citizen_handle_digest":'
        f"{'null' if citizen_handle_digest is None else e(citizen_handle_digest)},"
        f'"citizen_text_digest":'
        f"{'null' if citizen_text_digest is None else e(citizen_text_digest)},"
        f'"details":{details_json},"handle":{"null" if handle is None else e(handle)},'
        f'"in_reply_to":{"null" if in_reply_to is None else e(in_reply_to)},'
        f'"seq":{int(seq)},"slot":{"null" if slot is None else e(slot)},'
        f'"text":{"null" if text is None else e(text)},"ts":{e(ts)},'
        f'"v":{CANONICAL_VERSION},"x_post_id":{"null" if x_post_id is None else e(x_post_id)}}}'
    )


def canonical_bytes_from_fields(**fields: Any) -> bytes:
    """`canonical_text_from_fields(...)` encoded as UTF-8: the bytes that are hashed."""
    return canonical_text_from_fields(**fields).encode("utf-8")


def chain_hash(prev_hash: str, canonical: bytes) -> str:
    """`hex(sha256(ascii(prev_hash) || canonical))`."""
    return hashlib.sha256(prev_hash.encode("ascii") + canonical).hexdigest()


@dataclass(frozen=True)
class NewEntry:
    """What a caller supplies for one append; the log assigns `seq`, salt and hashes.

    `ts` defaults to the log's clock. `citizen_handle` and `citizen_text` are personal data
    (erasable); `text` is the desk's own post text (a record, not erasable).
    """

    action: Action | str
    slot: Slot | None = None
    account_id: str | None = None
    handle: str | None = None
    x_post_id: str | None = None
    in_reply_to: str | None = None
    text: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    citizen_handle: str | None = None
    citizen_text: str | None = None
    ts: datetime | None = None

    @property
    def has_personal(self) -> bool:
        return self.citizen_handle is not None or self.citizen_text is not None


@dataclass(frozen=True)
class ActivityEntry:
    """One entry of the activity log, as stored.

    `citizen_handle` / `citizen_text` are None when absent or erased (`erased_at` set);
    the digests stay. `personal_salt` is the hex salt, None when erased or absent.
    """

    seq: int
    ts: datetime
    slot: Slot | str | None
    account_id: str | None
    handle: str | None
    action: Action | str
    x_post_id: str | None
    in_reply_to: str | None
    text: str | None
    details: Mapping[str, Any]
    citizen_handle: str | None
    citizen_text: str | None
    citizen_handle_digest: str | None
    citizen_text_digest: str | None
    prev_hash: str
    hash: str
    personal_salt: str | None = None
    erased_at: datetime | None = None

    def canonical_bytes(self) -> bytes:
        """The canonical form of this entry (see the module docstring)."""
        return canonical_bytes_from_fields(
            seq=self.seq,
            ts=format_ts(self.ts),
            slot=None if self.slot is None else str(self.slot),
            account_id=self.account_id,
            handle=self.handle,
            action=str(self.action),
            x_post_id=self.x_post_id,
            in_reply_to=self.in_reply_to,
            text=self.text,
            details_json=canonical_details(self.details),
            citizen_handle_digest=self.citizen_handle_digest,
            citizen_text_digest=self.citizen_text_digest,
        )

    def computed_hash(self) -> str:
        return chain_hash(self.prev_hash, self.canonical_bytes())

    def problem(self) -> str | None:
        """Why this entry does not verify on its own (hash, personal digests), or None."""
        if self.computed_hash() != self.hash:
            return "entry content does not match its hash"
        return personal_problem(
            salt=None if self.personal_salt is None else bytes.fromhex(self.personal_salt),
            erased=self.erased_at is not None,
            pairs=(
                (self.citizen_handle, self.citizen_handle_digest),
                (self.citizen_text, self.citizen_text_digest),
            ),
        )


def entry_from_canonical(
    canonical: str,
    *,
    prev_hash: str,
    hash: str,
    citizen_handle: str | None = None,
    citizen_text: str | None = None,
    personal_salt: str | None = None,
    erased_at: datetime | None = None,
) -> ActivityEntry:
    """Rebuild an entry from its stored canonical text (raises ValueError if unreadable)."""
    obj = json.loads(canonical)
    if not isinstance(obj, dict) or obj.get("v") != CANONICAL_VERSION:
        raise ValueError("not a version-1 canonical activity entry")
    slot: Any = obj["slot"]
    if slot is not None:
        try:
            slot = Slot(slot)
        except ValueError:  # a slot from a newer version: keep its string
            pass
    return ActivityEntry(
        seq=int(obj["seq"]),
        ts=parse_ts(obj["ts"]),
        slot=slot,
        account_id=obj["account_id"],
        handle=obj["handle"],
        action=parse_action(obj["action"]),
        x_post_id=obj["x_post_id"],
        in_reply_to=obj["in_reply_to"],
        text=obj["text"],
        details=obj["details"],
        citizen_handle=citizen_handle,
        citizen_text=citizen_text,
        citizen_handle_digest=obj["citizen_handle_digest"],
        citizen_text_digest=obj["citizen_text_digest"],
        prev_hash=prev_hash,
        hash=hash,
        personal_salt=personal_salt,
        erased_at=erased_at,
    )


def canonical_bytes_reference(entry: ActivityEntry) -> bytes:
    """The canonical form by its definition (plain `json.dumps`), for tests and verifiers."""
    obj = {
        "account_id": entry.account_id,
        "action": str(entry.action),
        "citizen_handle_digest": entry.citizen_handle_digest,
        "citizen_text_digest": entry.citizen_text_digest,
        "details": dict(entry.details),
        "handle": entry.handle,
        "in_reply_to": entry.in_reply_to,
        "seq": entry.seq,
        "slot": None if entry.slot is None else str(entry.slot),
        "text": entry.text,
        "ts": format_ts(entry.ts),
        "v": CANONICAL_VERSION,
        "x_post_id": entry.x_post_id,
    }
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def personal_problem(
    *,
    salt: bytes | None,
    erased: bool,
    pairs: tuple[tuple[str | None, str | None], ...],
) -> str | None:
    """Check stored personal values against the digests in the chain.

    A present value must match its digest under the salt; a value the chain commits to may be
    missing only if the entry records an erasure; a value the chain does not commit to must
    not exist.
    """
    for value, digest in pairs:
        if digest is None:
            if value is not None:
                return "personal field is not committed to by the chain"
            continue
        if value is None:
            if not erased:
                return "personal field removed without an erasure record"
            continue
        if salt is None:
            return "personal field present without its salt"
        if personal_digest(salt, value) != digest:
            return "personal field does not match its digest"
    return None


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of walking the chain.

    `ok` is True only when every checked entry verified and the walk was not cancelled.
    `first_bad_seq` names the first entry found bad (for a gap, the first missing seq).
    `checked` counts the entries walked; `head_seq` is the last entry seen.
    """

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None
    head_seq: int = 0
    cancelled: bool = False
    from_seq: int = 1
