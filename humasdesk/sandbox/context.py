"""What an authenticated API handler works with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from humasdesk.sandbox import problems
from humasdesk.sandbox.state import AccessToken, State, User

ID_RE = re.compile(r"^[0-9]{1,19}$")


@dataclass
class Ctx:
    state: State
    token: AccessToken
    user: User
    now: float


def check_id(value: str, parameter: str = "id") -> str:
    if not ID_RE.match(value):
        raise problems.invalid_request(
            f"The `{parameter}` query parameter value [{value}] does not match ^[0-9]{{1,19}}$",
            {parameter: [value]},
        )
    return value
